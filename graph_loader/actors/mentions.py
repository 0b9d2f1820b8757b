"""Find actor mentions in a sentence: registry names, titled and headed new actors, coreference.

One left-to-right pass over word tokens. At each word, in order: a registry
name (longest, proclitics peeled, article optional); a role phrase ("رئيس
أركان الجيش الوطني الليبي، الفريق أول ركن خالد حفتر") which gives the person
after it a role and organisation, or, when no name follows, is itself a
title-only mention resolved by coreference or attached to the person just
before it (apposition); a rank or honorific before a name, a surname or
nothing; an organisation head noun; a place noun; a nisba adjective after
an agent noun ("الجانب المصري"); a short name. Mentions never overlap.
Nothing crosses documents: a DocumentContext lives for one document.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from graph_loader.actors import discovery, lexicon
from graph_loader.actors.coref import DocumentContext, resolve_short, resolve_title
from graph_loader.actors.lexicon import (
    DIRECTIONS, STATE_VERBS, FORCES_NOUNS, GENERIC_GROUP_WORDS, NAME_STOPWORDS, PATRIARCH_CONTEXT, PERSON_TITLE_KEYS,
    ROLE_MODIFIERS,
)
from graph_loader.actors.places import StatesAndPlaces
from graph_loader.actors.registry import Registry
from graph_loader.actors.roles import (
    ORG_TYPES,
    RoleKey,
    canonical_head,
    canonical_mod,
    head_is_accusative,
    match_head,
    match_rank,
)
from graph_loader.actors.tokens import QUOTE, STRONG_BREAK, Token, article_form, strip_quotes, tokenize
from graph_loader.model import Actor, ActorType, Mention
from graph_loader.text.normalize import clitic_forms, normalize, original_offset, strip_article

__all__ = ["DocumentContext", "MentionFinder", "Token", "tokenize"]

MAX_ROLE_WORDS = 8
ROLE_STOP = frozenset(normalize(w) for w in ("في", "إلى", "الى", "لدى", "لدي", "عن"))


@dataclass
class _Role:
    """A parsed role phrase: head at `start`, complement up to `end` (exclusive)."""

    start: int
    end: int
    key: RoleKey
    text: str  # display form of the role ("رئيس الأركان")
    role_end: int  # end of head + narrowing words (the org span excluded)
    inner: list[tuple[int, int, int, str, str]]  # (token, length, peeled, actor id, how) mentions inside
    peeled: int
    commentator: bool
    accusative: bool = False  # "وزيرا للخارجية": a post given to someone, not a mention of its holder
    former: bool = False  # "السابق", "الأسبق": not the post's present holder


class MentionFinder:
    def __init__(self, registry: Registry, discover: bool = True):
        self.registry = registry
        self.discover = discover
        self._surnames: dict[str, str] | None = None

    def telling_surnames(self) -> dict[str, str]:
        """Family names that name one registered person on their own, with no first mention
        ("العليمي يتلقى اتصالا", "بحث سانشيز وميلوني"): one person in the registry ends with the
        word, and it is no ordinary word, given name, nisba or other actor's name. Built once, on
        first use, from the registry as it then is."""
        if self._surnames is None:
            reg = self.registry
            common = discovery.common_words()
            self._surnames = {
                key: actor_id for key, actor_id in reg.unique_surnames().items()
                if " " not in key and len(strip_article(key, clitics=False)) >= 4
                and key not in common and strip_article(key, clitics=False) not in common
                and reg.nisba(key) is None and not discovery.is_given_name(key)
                and not reg.lookup(key) and not reg.lookup_short_words([key]) - {actor_id}
            }
        return self._surnames

    # -- public -------------------------------------------------------------------
    def find(self, sentence: str, context: DocumentContext | None = None) -> list[Mention]:
        ctx = context if context is not None else DocumentContext()
        ctx.next_sentence()
        run = _Run(self, sentence, ctx)
        return run.scan()


class _Run(StatesAndPlaces):
    """One sentence being scanned (keeps the token tables the helpers share)."""

    def __init__(self, finder: MentionFinder, sentence: str, ctx: DocumentContext):
        self.reg = finder.registry
        self.discover = finder.discover
        self.surnames = finder.telling_surnames()
        self.sentence = sentence
        self.ctx = ctx
        self.toks = tokenize(sentence)
        self.words = [t.norm for t in self.toks]
        self.raw = [t.text for t in self.toks]
        gaps = [""] + [sentence[self.toks[k - 1].end : self.toks[k].start] for k in range(1, len(self.toks))]
        self.breaks = [bool(STRONG_BREAK.search(g)) for g in gaps]
        self.quote_breaks = [bool(QUOTE.search(g)) for g in gaps]
        self.comma = ["،" in g or "," in g for g in gaps]
        self._spans: dict[int, tuple[str, int, int] | None] = {}
        self.out: list[Mention] = []

    # -- spans ----------------------------------------------------------------------
    def span_at(self, j: int) -> tuple[str, int, int] | None:
        """A full name at token j: registry first, then names discovered earlier in this document."""
        if j in self._spans:
            return self._spans[j]
        literal = self.raw[j].startswith(("أل", "إل"))
        hit = self.reg.match_phrase(self.words, j, literal_first=literal)
        if hit is not None:
            n = self._within_breaks(j, hit[1])
            if n < hit[1]:
                hit = self.reg.match_phrase(self.words[: j + n], j, literal_first=literal)
        if hit is not None and hit[1] == 1 and self.reg.actors[hit[0]].type == ActorType.ORGANIZATION \
                and discovery.is_definite(self.words[j]):
            # "القاعدة الدستورية": a one-word name that is also a definite common noun, followed by an
            # adjective, is the noun. Proper names ("حماس", "يونامي") are not tested: "حماس التزامها".
            k = j + 1
            if k < len(self.words) and not self.breaks[k] and discovery.is_definite(self.words[k]) \
                    and self.words[k] not in _NOT_ADJECTIVES \
                    and self.reg.nisba(self.words[k]) is None and self.span_at_quiet(k) is None:
                hit = None
        if hit is not None and hit[1] == 1 and not self._literal_alias(j, hit):
            hit = None
        if hit is not None and hit[1] >= 2 and self._indefinite_description(j, hit):
            hit = None
        if hit is None and self.ctx.local_names:
            for n in range(min(5, len(self.words) - j), 0, -1):
                if n > 1 and any(self.breaks[j + 1 : j + n]):
                    continue
                for form, peeled in clitic_forms(self.words[j]):
                    actor_id = self.ctx.lookup_local_words([form, *self.words[j + 1 : j + n]])
                    if actor_id is not None:
                        hit = (actor_id, n, peeled)
                        break
                if hit is not None:
                    break
        self._spans[j] = hit
        return hit

    def _literal_alias(self, j: int, hit: tuple[str, int, int]) -> bool:
        """A one-word name that normalises to an ordinary word counts only as written: "آفاد" (the
        Turkish agency) is not the verb "أفاد" (reported), though alef folding makes them one form."""
        actor = self.reg.actors[hit[0]]
        common = discovery.common_words()
        risky = [a for a in (actor.name, *actor.aliases) if " " not in a and normalize(a) in common]
        if not risky:
            return True
        raw = self.raw[j][original_offset(self.raw[j], hit[2]):]
        forms = {f for f, _ in clitic_forms(self.words[j])}
        return not any(normalize(a) in forms for a in risky) or raw in risky

    def _indefinite_description(self, j: int, hit: tuple[str, int, int]) -> bool:
        """"لجنة عسكرية مشتركة", "حكومة موازية": with no article anywhere, the words of a definite name
        ("اللجنة العسكرية المشتركة", "الحكومة الموازية") describe some body, not name that one; a name
        written without the article ("مجلس النواب", "قوات الدعم السريع") has it on a later word."""
        actor = self.reg.actors[hit[0]]
        if actor.type != ActorType.ORGANIZATION:
            return False
        first = next((f for f, p in clitic_forms(self.words[j]) if p == hit[2]), self.words[j])
        words = [first, *self.words[j + 1 : j + hit[1]]]
        common = discovery.common_words()
        if any(discovery.is_definite(w) or (w not in common and w not in discovery.GENERIC_BARE
                                             and w not in discovery.ORG_HEAD_KEYS) for w in words):
            return False  # an article, or a proper word ("بعثة مينورسو", "لوكهيد مارتن"), makes it a name
        written = " ".join(words)
        return not any(normalize(a) == written for a in (actor.name, *actor.aliases))

    def span_at_quiet(self, j: int) -> tuple[str, int, int] | None:
        return self.reg.match_phrase(self.words, j)

    def _within_breaks(self, j: int, n: int) -> int:
        for k in range(j + 1, j + n):
            if self.breaks[k]:
                return k - j
        return n

    def short_at(self, j: int) -> tuple[set[str], int, int]:
        """(candidate ids, tokens, peeled) of a short name (surname, first name) at j."""
        if self.words[j] in _ALA and not self.raw[j].endswith("ي"):
            return set(), 0, 0  # "على" (on) normalises to "علي" (Ali)
        for n in (2, 1):
            if j + n > len(self.words) or (n == 2 and (self.breaks[j + 1] or self.quote_breaks[j + 1])):
                continue
            for form, peeled in clitic_forms(self.words[j]):
                words = [form, *self.words[j + 1 : j + n]]
                ids = self.reg.lookup_short_words(words)
                if self.ctx.local_short:
                    ids = ids | self.ctx.local_short_ids(" ".join(words))
                ids = ids | {a for a in self.reg.lookup_surname_words(words) if a in self.ctx.last_seen}
                if not ids and n == 1 and form in self.surnames and self._acts_as_person(j):
                    ids = {self.surnames[form]}
                if not ids and n == 1 and peeled == 0 and self._headline_subject(j):
                    # "عطاف يحل بنواكشوط", "الشرع يبحث مع أردوغان": a headline names its subject by the
                    # family name; the registry's default holder of it when several people share it
                    people = {a for a in self.reg.lookup_surname_words(words)
                              if self.reg.actors[a].type == ActorType.PERSON and a not in self.reg.discovered}
                    prior = self.reg.short_prior(form) if len(people) > 1 else None
                    ids = people if len(people) == 1 else ({prior} if prior in people else set())
                if not ids and n == 1 and form in lexicon.ANAPHORIC_HEADS and self._bare_head(j):
                    # "الحكومة" for the government this document named; never a registry default
                    ids = {a for a in self.ctx.last_seen if form in self.reg.head_anaphors(a)}
                if ids:
                    return ids, n, peeled
        return set(), 0, 0

    def _bare_head(self, j: int) -> bool:
        """A head noun standing alone: not the adjective of a definite noun ("الجريمة المنظمة") and not
        followed by an adjective that names another body ("المجلس العسكري")."""
        if j > 0 and not self.breaks[j] and discovery.is_definite(self.words[j - 1]) \
                and self.words[j - 1] not in lexicon.NAME_STOPWORDS:
            return False
        nxt = self.words[j + 1] if j + 1 < len(self.words) and not self.breaks[j + 1] else ""
        return not (nxt.startswith("ال") and nxt.endswith(("ي", "يه")))

    # -- emitting ---------------------------------------------------------------------
    def emit(self, i: int, n: int, peeled: int, actor_id: str, how: str, title_from: int | None = None,
             role: str | None = None, org_id: str | None = None, role_key: RoleKey | None = None) -> Mention:
        actor = self.reg.actors[actor_id]
        first = self.toks[i if title_from is None else title_from]
        start = first.start + (original_offset(first.text, peeled) if title_from is None else self._title_peel(title_from))
        end = self.toks[i + n - 1].end
        m = Mention(start, end, self.sentence[start:end], actor.id, actor.name, actor.type,
                    role=role, org_id=org_id, resolved_by=how)
        self.out.append(m)
        self.ctx.saw(actor.id)
        if role_key is not None:
            self.ctx.add_role(actor.id, role_key)
        return m

    def _title_peel(self, k: int) -> int:
        tok = self.toks[k]
        for form, peeled in clitic_forms(tok.norm)[1:]:
            if form in _TITLE_FIRST:
                return original_offset(tok.text, peeled)
        return 0

    def remember(self, actor: Actor, person: bool) -> Actor:
        actor = self.reg.remember(actor)
        self.ctx.learn_name(actor.id, actor.name, person)
        return actor

    def text(self, i: int, n: int, peeled: int = 0) -> str:
        first = self.toks[i]
        start = first.start + original_offset(first.text, peeled)
        return self.sentence[start : self.toks[i + n - 1].end]

    # -- the scan -------------------------------------------------------------------------
    def scan(self) -> list[Mention]:
        i = 0
        while i < len(self.toks):
            i = self.step(i)
        # mentions never overlap (the relation model marks spans): keep the longer of two that would
        kept: list[Mention] = []
        for m in sorted(self.out, key=lambda x: (x.start, -(x.end - x.start))):
            if not kept or m.start >= kept[-1].end:
                kept.append(m)
        return kept

    def step(self, i: int) -> int:
        done = self.direction_at(i)
        if done:
            return done
        hit = self.span_at(i)
        if hit is not None:
            actor_id, n, peeled = hit
            state = self.reg.capital_of(actor_id)
            if state is not None and self._acts(i, n):
                self.emit(i, n, peeled, state, "metonymy")
                return i + n
            other = self._other_states_body(i, n, actor_id)
            if other is not None:
                self.emit(i, n + 1, peeled, other, "discovery")
                return i + n + 1
            if self.relative_by_family_name(i, n, peeled, actor_id):
                return i + n
            how = "registry" if actor_id not in self.reg.discovered else "coreference"
            title_from = self.titles_before(i) if peeled == 0 else None
            key = self.title_key(title_from, i) if title_from is not None else None
            self.emit(i, n, peeled, actor_id, how, title_from=title_from, role_key=key)
            if self.reg.actors[actor_id].type == ActorType.PERSON:
                self.apposition_after(i + n, self.out[-1])
            return i + n
        role = self.role_at(i)
        if role is not None:
            return self.after_role(role)
        done = self.led_by(i) or self.kin_apposition_at(i) or self.relative_named_at(i)
        if done:
            return done
        rank = self.title_len(i)
        if rank:
            done = self.titled(i, rank, role=None)
            if done:
                return done
        if self.discover:
            done = self.org_at(i) or self.place_at(i)
            if done:
                return done
        done = self.nisba_at(i)
        if done:
            return done
        done = self.guarded_at(i) or self.oman_or_amman_at(i) or self.listed_place_at(i)
        if done:
            return done
        done = self.short_name_at(i) or self.headline_name_at(i) or self.untitled_at(i)
        if done:
            return done
        return i + 1

    def relative_by_family_name(self, i: int, n: int, peeled: int, actor_id: str) -> bool:
        """"بلال أردوغان", "محمود السيسي", "آدم محمد نور مدوبي": given names that are not the registered
        person's right before his family name name another member of the family (a son, a brother),
        the person kinship sentences are about; the family name alone would make him his father."""
        actor = self.reg.actors[actor_id]
        if n != 1 or peeled or i == 0 or actor.type != ActorType.PERSON or actor_id in self.reg.discovered:
            return False
        own = {normalize(w) for name in (actor.name, *actor.aliases) for w in name.split()}
        start, first_peeled = i, 0
        while start > 0 and i - start < 3 and not self.breaks[start] and not self.quote_breaks[start] \
                and not (self.out and self.out[-1].end > self.toks[start - 1].start):
            word, p = self.words[start - 1], 0
            if word[:1] == "و" and len(word) > 3 and discovery.name_counts(word)[0] < 10:
                word, p = word[1:], 1  # "وقباد": the conjunction, unless the word is a name ("وليد")
            if word in discovery.NAME_PARTICLES and start - 1 > 0:
                start -= 1  # "حسن أبو هنية": a particle inside the name, kept only with a given name before it
                continue
            if word in discovery.common_words() or word in NAME_STOPWORDS or discovery.name_counts(word)[0] < 10 \
                    or self.title_len(start - 1) or word in own or strip_article(word, clitics=False) in own:
                break
            start, first_peeled = start - 1, p
            if p:
                break
        while start < i and self.words[start] in discovery.NAME_PARTICLES:
            start += 1  # a particle with no given name before it ("أبو هنية") is not a name of its own
        if start == i:
            return False
        name = self.text(start, i + 1 - start, first_peeled)
        relative = self.ctx.lookup_local(name) or self.remember(discovery.make_person(name, self.reg), person=True).id
        self.emit(start, i + 1 - start, first_peeled, relative, "discovery")
        return True

    def _other_states_body(self, i: int, n: int, actor_id: str) -> str | None:
        """"مجلس النواب الأردني": a generic body name the registry gives to one state (Libya's House of
        Representatives), followed by another state's nisba, is that other state's body (its id returned;
        the mention covers the n words and the nisba)."""
        actor = self.reg.actors[actor_id]
        k = i + n
        if actor.type != ActorType.ORGANIZATION or not actor.country or k >= len(self.words) or self.breaks[k]:
            return None
        state = self.reg.nisba(self.words[k])
        if state is None or state == actor.country or self.words[k][0] == "و" \
                or self.reg.actors[state].type != ActorType.STATE:
            return None
        peeled = self.span_at(i)[2] if self.span_at(i) else 0
        name = article_form(strip_quotes(self.text(i, n + 1, peeled)))
        return self.ctx.lookup_local(name) or self.remember(discovery.make_org(name, state, []), person=False).id

    def _acts_as_person(self, i: int) -> bool:
        """A bare family name used as a party: where a capital would act as its state, or coordinated
        right after a person ("ويتكوف ودميترييف"). "في خطاب أمام ..." is a speech, not Anas Khattab."""
        if self._acts(i, 1) or self._headline_subject(i):
            return True
        prev = self.out[-1] if self.out else None
        return self.words[i][:1] == "و" and prev is not None and prev.type == ActorType.PERSON \
            and prev.end >= self.toks[i - 1].end and not self.breaks[i]

    def _headline_subject(self, i: int, n: int = 1) -> bool:
        """The first n words of a sentence followed by an imperfect verb ("يستقبل", "تزور") or "في"."""
        if i != 0 or len(self.words) < n + 2 or self.breaks[n] or self.comma[n]:
            return False
        nxt = self.words[n]
        return nxt == "في" or (nxt[:1] in "يت" and len(nxt) >= 3 and nxt in discovery.common_words())

    def headline_name_at(self, i: int) -> int:
        """"خافيير ميلي يصف ...", "جاستن ترودو يعلن استقالته": a headline's subject is a full name
        the registry lacks, foreign or not, when an imperfect verb or "في" follows it."""
        if i != 0 or not self.discover or self.words[0] in discovery.NAME_PARTICLES:
            return 0  # "بن زايد يتلقى التعازي": a patronymic is a registered person's short name, not a new one
        n = discovery.person_name_length(self.words, 0, self.breaks, self.reg, strong_title=True, raw=self.raw)
        if n < 2 or n > 3 or not self._headline_subject(0, n) or any(self.span_at(k) for k in range(n)):
            return 0
        actor = self.remember(discovery.make_person(self.text(0, n), self.reg), person=True)
        self.emit(0, n, 0, actor.id, "discovery")
        return n

    def _acts(self, i: int, n: int) -> bool:
        """A capital used as its state: the subject of a verb right before or after it, a party "بين" or
        "مع" others, the subject after "أن", a headline's first word, or listed after such a capital
        ("بين واشنطن وطهران"). After "في", "إلى" or a visit it stays the place."""
        nxt = self.words[i + n] if i + n < len(self.words) and not self.breaks[i + n] else ""
        after = bool(nxt) and bool({f for f, _ in clitic_forms(nxt)} & STATE_VERBS)
        prev = self.words[i - 1] if i > 0 and not self.breaks[i] else ""
        before = bool(prev) and bool({f for f, _ in clitic_forms(prev)} & STATE_VERBS)
        if after or before:
            return True
        if prev and {f for f, _ in clitic_forms(prev)} & _PARTY_BEFORE:
            return True
        if self.words[i][:1] == "و" and self.out and self.out[-1].resolved_by == "metonymy" \
                and self.out[-1].end >= self.toks[i - 1].end:
            return True
        if i == 0 and nxt and nxt not in NAME_STOPWORDS and nxt[:1] not in "،,":
            return True  # "أنقرة تستدعي السفير", "واشنطن: ..." (headline subject)
        return False

    def direction_at(self, i: int) -> int:
        """Elided regions: "غرب وشرق ليبيا" names western Libya too; so does "شرق ليبيا وغربها"."""
        forms = {f for f, _ in clitic_forms(self.words[i])}
        head = next(iter(forms & DIRECTIONS), None)
        if head is not None and i + 1 < len(self.words) and not self.breaks[i + 1]:
            nxt = self.span_at(i + 1)
            w = self.words[i + 1]
            if nxt is not None and w[0] == "و" and w[1:] in DIRECTIONS and nxt[1] >= 2:
                tail = self.words[i + 2 : i + 1 + nxt[1]]
                hit = self.reg.match_phrase([head, *tail], 0, types=(ActorType.PLACE,))
                if hit is not None and hit[1] == 1 + len(tail):
                    peeled = next(p for f, p in clitic_forms(self.words[i]) if f == head)
                    self.emit(i, 1, peeled, hit[0], "ellipsis")
                    return i + 1
        w = self.words[i]
        if w.startswith("و") and w.endswith("ها") and w[1:-2] in DIRECTIONS and self.out and not self.breaks[i]:
            prev = self.out[-1]
            if prev.end == self.toks[i - 1].end and prev.type == ActorType.PLACE:
                words = normalize(prev.text).split()
                if len(words) >= 2 and {f for f, _ in clitic_forms(words[0])} & DIRECTIONS:
                    hit = self.reg.match_phrase([w[1:-2], *words[1:]], 0, types=(ActorType.PLACE,))
                    if hit is not None and hit[1] == len(words):
                        self.emit(i, 1, 1, hit[0], "ellipsis")
                        return i + 1
        return 0

    # -- titles -----------------------------------------------------------------------------
    def title_len(self, i: int) -> int:
        """Tokens of a chain of ranks/honorifics at i ("العميد الدكتور" -> 2)."""
        j = i
        while j < len(self.words):
            k = _title_key_len(self.words, j)
            if not k or (j > i and self.breaks[j]):
                break
            j += k
        return j - i

    def titles_before(self, i: int) -> int | None:
        """Index of the first title of a chain that ends right before token i (no punctuation between)."""
        j = i
        found = None
        while j > 0:
            hit = None
            for key in PERSON_TITLE_KEYS:
                k = len(key)
                if j - k < 0 or self.breaks[j] or self.quote_breaks[j]:
                    continue
                window = self.words[j - k : j]
                forms = [f for f, _ in clitic_forms(window[0])] if k else []
                if tuple(window[1:]) == key[1:] and key[0] in forms:
                    hit = j - k
                    break
            if hit is None:
                break
            found = j = hit
        return found

    def title_key(self, start: int, end: int) -> RoleKey | None:
        words = [clitic_forms(self.words[start])[-1][0] if start < end else "", *self.words[start + 1 : end]]
        rank = match_rank(self.words[start:end])
        if rank:
            return RoleKey(canonical_head(self.words[start : start + rank]))
        return None

    def titled(self, i: int, t: int, role: _Role | None) -> int:
        """A rank/honorific chain at i (t tokens): the person after it (registry, short name, new) or the titled one."""
        p = i + t
        if p >= len(self.toks) or self.breaks[p]:
            return self.title_only(i, t)
        hit = self.span_at(p)
        if hit is not None:
            return p  # the registry branch at p keeps the title in the mention
        key = self.title_key(i, p)
        if self.discover and self.words[p] not in GENERIC_GROUP_WORDS:
            n = discovery.person_name_length(self.words, p, self.breaks, self.reg, strong_title=True, raw=self.raw)
            if n and self.span_at(p + n - 1) is None:
                actor = self.remember(discovery.make_person(self.text(p, n), self.reg), person=True)
                self.emit(p, n, 0, actor.id, "discovery", title_from=i, role_key=key)
                return p + n
        ids, n, peeled = self.short_at(p)
        if ids and peeled == 0:
            actor_id = resolve_short(self.words[p], ids, self.reg, self.ctx, title=key,
                                     patriarch=self._patriarch(i))
            if actor_id is not None:
                self.emit(p, n, 0, actor_id, "coreference", title_from=i)
                return p + n
        if self.discover and self.words[p] not in GENERIC_GROUP_WORDS:
            n = discovery.person_name_length(self.words, p, self.breaks, self.reg, strong_title=True, raw=self.raw)
            if n:
                actor = self.remember(discovery.make_person(self.text(p, n), self.reg), person=True)
                m = self.emit(p, n, 0, actor.id, "discovery", title_from=i, role_key=key)
                self.apposition_after(p + n, m)
                return p + n
        return self.title_only(i, t)

    def led_by(self, i: int) -> int:
        """A new person right after "برئاسة", "بقيادة", "يقوده" ...: the words name who leads a delegation or
        a force ("وفد أوكراني برئاسة أندريه يرماك"); known names are left to the registry branch."""
        p = i + 1
        if self.words[i] not in _LED_BY or p >= len(self.words) or self.breaks[p] or not self.discover:
            return 0
        if self.span_at(p) is not None or self.title_len(p) or match_head(self.words[p:])[0]:
            return 0
        n = discovery.person_name_length(self.words, p, self.breaks, self.reg, strong_title=False, raw=self.raw,
                                         titled=True)
        if n < 2 or self.span_at(p + n - 1) is not None:
            return 0
        actor = self.remember(discovery.make_person(self.text(p, n), self.reg), person=True)
        self.emit(p, n, 0, actor.id, "discovery")
        return p + n

    def title_only(self, i: int, t: int) -> int:
        """A rank alone ("أكد المشير أن ...") is the person of that rank mentioned last in this document."""
        rank = match_rank(self.words[i : i + t])
        if not rank or rank != t:
            return 0
        key = RoleKey(canonical_head(self.words[i : i + t]))
        actor_id = resolve_title(key, self.reg, self.ctx) if self.ctx.recent else None
        if actor_id is None:
            return 0
        self.emit(i, t, 0, actor_id, "coreference")
        return i + t

    # -- roles ------------------------------------------------------------------------------
    def role_at(self, i: int) -> _Role | None:
        k, head, peeled = match_head(self.words[i:])
        if k == 0 or any(self.breaks[i + 1 : i + k]):
            return None
        commentator = head in _COMMENTATORS
        j = i + k
        mods: list[str] = []
        head_text = article_form(self.text(i, k, peeled))
        accusative = head_is_accusative(self.words[i:])
        # "نجل ونائب قائد الجيش": the commander is the genitive of both nouns, a person of his own
        shared = peeled > 0 and i > 0 and self.words[i - 1] in _KIN_NOUNS
        if accusative:  # shown in the construct form: "نائبا للقائد العام" -> "نائب القائد العام"
            head_text = head_text[:-1]
        shown: list[str] = [head_text]
        inner: list[tuple[int, int, int, str, str]] = []
        org: str | None = None
        role_end = j
        while j < len(self.words) and j - i < MAX_ROLE_WORDS:
            if self.breaks[j]:
                break
            w = self.words[j]
            hit = self.span_at(j)
            if hit is not None:
                actor = self.reg.actors[hit[0]]
                if actor.type == ActorType.PERSON:
                    break
                other = self._other_states_body(j, hit[1], hit[0])
                if other is not None:
                    hit = (other, hit[1] + 1, hit[2])
                    actor = self.reg.actors[other]
                if actor.type in ORG_TYPES and org is None and not commentator:
                    org = actor.id
                inner.append((j, hit[1], hit[2], hit[0], "registry" if other is None else "discovery"))
                j += hit[1]
                continue
            state = self.reg.nisba(w) or self._guarded_nisba(w, head, mods, org)
            if state is not None and not discovery.is_definite(w) and any(discovery.is_definite(x) for x in self.words[i:j]):
                break  # "الأمير تركي بن محمد", "المسؤول تركي العتيبي": an indefinite nisba after a definite role is a name
            if state is not None:
                if org is None and not commentator:
                    org = state
                if self.reg.actors[state].type in ORG_TYPES:
                    inner.append((j, 1, 0, state, "registry"))
                j += 1
                continue
            if w in ROLE_STOP:
                nxt = self.span_at(j + 1) if j + 1 < len(self.words) and not self.breaks[j + 1] else None
                if nxt is None and org is None and self.discover and j + 1 < len(self.words) and not self.breaks[j + 1]:
                    nxt = self._discovered_org_at(j + 1)  # "النائب في البرلمان التركي متين يلدز"
                if nxt is not None and self.reg.actors[nxt[0]].type != ActorType.PERSON:
                    if org is None and not commentator and self.reg.actors[nxt[0]].type in ORG_TYPES:
                        org = nxt[0]
                    inner.append((j + 1, nxt[1], nxt[2], nxt[0], "discovery" if nxt[0] in self.reg.discovered else "registry"))
                    j += 1 + nxt[1]
                    continue
                if commentator:
                    j += 1
                    continue
                break
            if org is None and not commentator and self.discover and j > i + k - 1:
                d_n, d_country, d_parts = discovery.org_length(self.words, j, self.breaks, self.reg, self.span_at)
                if d_n >= 2:
                    d_peeled = next((pp for f, pp in clitic_forms(w) if f in discovery.ORG_HEAD_KEYS), 0)
                    name = article_form(strip_quotes(self.text(j, d_n, d_peeled)))
                    found = self.ctx.lookup_local(name) or self.remember(discovery.make_org(name, d_country, d_parts), person=False).id
                    org = found
                    inner.append((j, d_n, d_peeled, found, "discovery"))
                    j += d_n
                    continue
            if canonical_mod(w) in _SKIPPED_CANON and org is None:
                mods.append(canonical_mod(w))
                j += 1
                role_end = j
                continue
            if org is None and not commentator:
                s_ids, s_n, s_peeled = self.short_at(j)
                s_ids = {a for a in s_ids if self.reg.actors[a].type in ORG_TYPES}
                actor_id = resolve_short(self.words[j], s_ids, self.reg, self.ctx) if s_ids else None
                if actor_id is not None:
                    org = actor_id
                    inner.append((j, s_n, s_peeled, actor_id, "coreference"))
                    j += s_n
                    continue
            if org is not None and not commentator and canonical_mod(w) in _STATUS_CANON:
                j += 1  # "الرئيس السوري المخلوع بشار الأسد": the name after it still holds (held) this role
                continue
            if j == role_end and head in _DEPUTY_HEADS and not discovery.is_definite(w) and not shared \
                    and match_head(self.words[j:])[0] == 1:
                mods.append(canonical_mod(w))  # "نائب رئيس الوزراء", "نائب قائد قوات الدعم السريع": one post
                shown.append(self.toks[j].text)
                j += 1
                role_end = j
                continue
            if w in NAME_STOPWORDS or w in GENERIC_GROUP_WORDS or _title_key_len(self.words, j):
                break
            if j > i + k and match_head(self.words[j:])[0]:
                break
            if org is not None:
                if not commentator and (w in ROLE_MODIFIERS or canonical_mod(w) in _MOD_CANON):
                    j += 1  # "كبير مستشاري الولايات المتحدة للشؤون العربية": the post's field, after the state
                    continue
                break
            if j > i + k and w not in ROLE_MODIFIERS and discovery.is_definite(w) and discovery.name_counts(w)[0] >= 8 \
                    and discovery.person_name_length(self.words, j, self.breaks, self.reg, strong_title=False,
                                                     raw=self.raw, titled=True) >= 2:
                break  # "وزير الخارجية الطاهر الباعور": a given name with the article starts the name
            construct = (j + 1 < len(self.words) and not self.breaks[j + 1] and w not in NAME_STOPWORDS
                         and (self.span_at(j + 1) is not None or discovery.is_definite(self.words[j + 1]))
                         and not discovery.is_given_name(w) and j == role_end)
            if discovery.is_definite(w) or w in ROLE_MODIFIERS or canonical_mod(w) in _MOD_CANON or construct:
                mods.append(canonical_mod(w))
                shown.append(article_form(self.toks[j].text) if accusative and len(shown) == 1 else self.toks[j].text)
                j += 1
                role_end = j
                continue
            break
        if commentator:
            org = None
        text = _role_text(shown, construct=bool(inner) and org is not None and not self.words[inner[0][0]].startswith("لل"))
        former = any(canonical_mod(w) in _FORMER_CANON for w in self.words[i:j])
        return _Role(i, j, RoleKey(head, frozenset(mods), org), text, role_end, inner, peeled, commentator, accusative, former)

    def _guarded_nisba(self, w: str, head: str, mods: list[str], org: str | None) -> str | None:
        """A guarded name used as the state of a state's post: "نظيره المالي", "وزير خارجية مالي",
        "الرئيس المالي" are Mali; "المدير المالي" (a finance director) and "وزير المالية" are not."""
        if org is not None or not (head in _STATE_POST_HEADS or set(mods) & _STATE_POST_MODS):
            return None
        actor_id = self.reg.guarded(strip_article(w, clitics=False))
        return actor_id if actor_id is not None and self.reg.actors[actor_id].type == ActorType.STATE else None

    def after_role(self, role: _Role) -> int:
        """Emit what a role phrase introduces; return the next token to scan."""
        for (j, n, peeled, actor_id, how) in role.inner:
            self.emit(j, n, peeled, actor_id, how)
        p = role.end
        role_text = None if role.commentator else role.text
        org_id = role.key.org_id
        if p < len(self.toks) and (not self.breaks[p] or (self.comma[p] and not STRONG_BREAK.search(self._gap(p).replace("،", "").replace(",", "")))):
            t = self.title_len(p)
            q = p + t
            # "الرئيس الفرنسي بالمشير حفتر", "... وخليفة حفتر": a prefixed name is an object or a conjunct
            prefixed = self._title_peel(p) > 0 if t else False
            if q < len(self.toks) and not (t and self.breaks[q]) and not prefixed:
                hit = self.span_at(q)
                if hit is not None and self.reg.actors[hit[0]].type == ActorType.PERSON and (t or hit[2] == 0):
                    title_from = p if t else None
                    self.emit(q, hit[1], hit[2], hit[0], "registry" if hit[0] not in self.reg.discovered else "coreference",
                              title_from=title_from, role=role_text, org_id=org_id, role_key=role.key)
                    self.apposition_after(q + hit[1], self.out[-1])
                    return q + hit[1]
                # a foreign-looking name needs a rank before it, a comma after the role, or an envoy-type
                # head with its state: "قدم رئيس الأركان تهانيه ..." is a verb's object, not a name
                strong = bool(t) or (org_id is not None and role.key.head in _STRONG_HEADS)
                titled = bool(role.inner) and not role.commentator  # a post tied to a named body or place
                if hit is None and self.discover and self.words[q] not in GENERIC_GROUP_WORDS:
                    n = discovery.person_name_length(self.words, q, self.breaks, self.reg, strong_title=strong, raw=self.raw,
                                                   titled=titled, role_before=True)
                    if n >= 2:
                        actor = self.remember(discovery.make_person(self.text(q, n), self.reg), person=True)
                        self.emit(q, n, 0, actor.id, "discovery", title_from=p if t else None,
                                  role=role_text, org_id=org_id, role_key=role.key)
                        return q + n
                if hit is None:
                    ids, n, peeled = self.short_at(q)
                    if ids and peeled == 0:
                        actor_id = resolve_short(self.words[q], ids, self.reg, self.ctx, title=role.key)
                        if actor_id is not None:
                            self.emit(q, n, 0, actor_id, "coreference", title_from=p if t else None,
                                      role=role_text, org_id=org_id, role_key=role.key)
                            return q + n
        # no name follows: apposition to the person just before, or a title-only mention
        before = [m for m in self.out if m.end <= self.toks[role.start].start]
        if self.comma[role.start] and before and before[-1].type == ActorType.PERSON and not role.commentator:
            if self._adjacent(before[-1], role.start):
                self._give_role(before[-1], role, role_text)
                return role.end
        if self.discover and self.comma[role.start] and self._name_before(role):
            return role.end
        if role.accusative:
            # "تعيين أسعد الشيباني وزيرا للخارجية": the post belongs to the appointee named right before it
            if before and before[-1].type == ActorType.PERSON and self._adjacent(before[-1], role.start):
                self._give_role(before[-1], role, role_text)
            elif not (self.discover and not role.commentator and self._name_before(role, after_appointment=True)):
                # "بمناسبة تعيينه نائبا للقائد العام": the holder is the appointee already named in this
                # sentence; a holder found elsewhere is the post's previous one, not who is meant
                actor_id = resolve_title(role.key, self.reg, self.ctx, former=role.former) if role.key.mods or role.key.org_id else None
                if actor_id is not None and actor_id in {m.actor_id for m in before}:
                    self.emit(role.start, max(1, role.role_end - role.start), role.peeled, actor_id, "coreference",
                              role=role_text, org_id=org_id, role_key=role.key)
                    self.out.sort(key=lambda x: x.start)
            return role.end
        if not role.commentator and (role.key.mods or role.key.org_id):
            # an ambassador or envoy "لدى/إلى" a host: the registry's holder may be posted elsewhere
            posted = role.key.head in _POSTED_HEADS and len(role.inner) > 1
            actor_id = resolve_title(role.key, self.reg, self.ctx, former=role.former or posted)
            if actor_id is not None:
                n = max(1, role.role_end - role.start)
                m = Mention(0, 0, "", actor_id, "", ActorType.PERSON)
                self.emit(role.start, n, role.peeled, actor_id, "coreference", role=role_text, org_id=org_id,
                          role_key=role.key)
                # keep mentions in sentence order: the inner org mentions come after the title words
                self.out.sort(key=lambda x: x.start)
                del m
        return role.end if role.inner else role.start + 1 if role.end == role.start else role.end

    def _give_role(self, person: Mention, role: _Role, role_text: str | None) -> None:
        """A role in apposition belongs to the person named right before it."""
        if person.role is None:
            person.role, person.org_id = role_text, role.key.org_id
        self.ctx.add_role(person.actor_id, role.key)

    def _gap(self, k: int) -> str:
        return self.sentence[self.toks[k - 1].end : self.toks[k].start] if k > 0 else ""

    def _adjacent(self, prev: Mention, k: int) -> bool:
        return prev.end >= self.toks[k - 1].end if k > 0 else False

    def _name_before(self, role: _Role, after_appointment: bool = False) -> bool:
        """A new person named right before ", <role>" ("محمد الفلاني، وزير الصحة ..."), or between an
        appointment word and an accusative post ("بتعيين عبدالله الدوسري سفيرا لدى ...")."""
        end = role.start
        before = [m.end for m in self.out if m.end <= self.toks[end].start]
        covered = max(before) if before else -1
        for n in (4, 3, 2):
            s = end - n
            if s < 0 or self.toks[s].start < covered or any(self.breaks[s + 1 : end]):
                continue
            if s > 0 and not (self.breaks[s] or self.words[s - 1] in NAME_STOPWORDS or _is_speech_verb(self.words[s - 1])
                              or (after_appointment and self.words[s - 1] in _APPOINTMENT_WORDS)
                              or (not after_appointment and _plain_name(self.words[s:end]))
                              or any(m.end == self.toks[s - 1].end for m in self.out)):
                continue  # ... or the name follows another actor: "عيّن الملك محمد السادس كريمة بنيعيش سفيرة"
            if discovery.person_name_length(self.words[:end], s, self.breaks, self.reg, strong_title=False, raw=self.raw,
                                            role_before=True) == n:
                actor = self.remember(discovery.make_person(self.text(s, n), self.reg), person=True)
                if role.commentator:  # "أنور الشرعبي، الباحث في ...": a person, but no post of his is stated
                    self.emit(s, n, 0, actor.id, "discovery")
                else:
                    self.emit(s, n, 0, actor.id, "discovery", role=role.text, org_id=role.key.org_id, role_key=role.key)
                self.out.sort(key=lambda x: x.start)
                return True
        return False

    def relative_named_at(self, i: int) -> int:
        """A relative named by a given name alone after a kin noun with a pronoun: "بحضور نجله محمد",
        "شقيقاه خالد وفهد". The id joins the name to the person named last before it (a lone given
        name is no identity across documents); without such a person nothing is discovered."""
        w = self.words[i]
        if not self.discover or i + 1 >= len(self.words) or self.breaks[i + 1] or not any(
                f in _KIN_WITH_PRONOUN for f, _ in clitic_forms(w)):
            return 0
        relative = next((m for m in reversed(self.out) if m.type == ActorType.PERSON and m.end <= self.toks[i].start), None)
        if relative is None:
            return 0
        j = i + 1
        end = j
        while j < len(self.words) and not (j > i + 1 and self.breaks[j]):
            word = self.words[j]
            peeled = 1 if j > i + 1 and word[:1] == "و" else 0
            name = word[peeled:]
            if j > i + 1 and not peeled:
                break
            if self.span_at(j) is not None or not discovery.is_given_name(name, 20) or discovery.is_definite(name) \
                    or match_head(self.words[j:])[0] or self.title_len(j) or (name == "علي" and self.raw[j].endswith("ى")) \
                    or (j + 1 < len(self.words) and not self.breaks[j + 1] and discovery.is_name_word(self.words[j + 1])
                        and self.words[j + 1][:1] != "و"):
                break  # a registry name, not a name, or a fuller name that other rules read
            text = self.text(j, 1, peeled)
            actor = Actor(id=f"{discovery.person_id(text)}-{relative.actor_id}", name=text, type=ActorType.PERSON,
                          name_en=discovery.romanize(text), source="discovered")
            actor = self.remember(actor, person=True)
            self.emit(j, 1, peeled, actor.id, "discovery")
            j += 1
            end = j
        return end if end > i + 1 else 0

    def kin_apposition_at(self, i: int) -> int:
        """", <kinship noun> ..." after a new name: "بهاء الحريري، شقيق سعد الحريري" names a person too."""
        if not self.discover or i < 2 or not self.comma[i] or not ({f for f, _ in clitic_forms(self.words[i])} & _KIN_NOUNS):
            return 0
        role = _Role(i, i, RoleKey("kin"), "", i, [], 0, True)
        self._name_before(role)
        return 0

    def apposition_after(self, k: int, person: Mention) -> None:
        """Nothing to do here: a role after a comma is handled when the scan reaches it (after_role)."""

    def untitled_at(self, i: int) -> int:
        """A person named with no title ("برّأت المحكمة علاء مبارك"): only a frequent given name that is not an
        ordinary word, followed by words the name dictionary knows mostly as surnames."""
        if not self.discover or (i > 0 and not self.breaks[i] and self.words[i - 1] in discovery.NAME_PARTICLES):
            return 0
        w = self.words[i]
        if len(w) < 2:
            return 0
        first = w[1:] if w[0] == "و" and discovery.is_given_name(w[1:], 100) else w
        peeled = len(w) - len(first)
        common = discovery.common_words()
        if not discovery.is_given_name(first, 100) or first in common or discovery.is_definite(first):
            return 0
        words = [*self.words[:i], first, *self.words[i + 1 :]]
        n = discovery.person_name_length(words, i, self.breaks, self.reg, strong_title=False, raw=self.raw)
        if n < 2 or any(self.span_at(k) is not None for k in range(i + 1, i + n)):
            return 0
        for k in range(i + 1, i + n):
            x = self.words[k]
            g, sur = discovery.name_counts(x)
            if x in discovery.NAME_PARTICLES:
                continue
            if (x in common and not discovery.is_definite(x)) or sur < 3:
                return 0
        actor = self.remember(discovery.make_person(self.text(i, n, peeled), self.reg), person=True)
        self.emit(i, n, peeled, actor.id, "discovery")
        return i + n

    def short_name_at(self, i: int) -> int:
        ids, n, peeled = self.short_at(i)
        if not ids:
            return 0
        if i > 0 and not self.breaks[i] and not (ids & set(self.ctx.last_seen)) and \
                (discovery.is_given_name(self.words[i - 1], 20) or self.words[i - 1] in discovery.NAME_PARTICLES
                 or self.words[i - 1] == "الله"):
            return 0  # "عبد الله الكبير": the surname of someone else's full name, not a short form
        if n == 1 and discovery.is_given_name(clitic_forms(self.words[i])[-1][0] if peeled else self.words[i], 20) \
                and i + 1 < len(self.words) and not self.breaks[i + 1] and discovery.is_given_name(self.words[i + 1], 20) \
                and self.words[i + 1] not in discovery.common_words() and self.span_at(i + 1) is None:
            return 0  # "تعيين محمد طاهر أيلا": a first name with more name after it is someone else's full name
        patriarch = self._patriarch(i)
        actor_id = resolve_short(" ".join([clitic_forms(self.words[i])[-1][0] if peeled else self.words[i], *self.words[i + 1 : i + n]]),
                                 ids, self.reg, self.ctx, patriarch=patriarch)
        if actor_id is None:
            return 0
        if patriarch and i > 0 and self.words[i - 1] in FORCES_NOUNS and not self.breaks[i]:
            org = _commanded_org(actor_id, self.reg)
            if org is not None and self.reg.actors[actor_id].type == ActorType.PERSON:
                self.emit(i - 1, n + 1, 0, org, "coreference") if not (self.out and self.out[-1].end > self.toks[i - 1].start) else None
                return i + n
        self.emit(i, n, peeled, actor_id, "coreference")
        return i + n

    def _patriarch(self, i: int) -> bool:
        return i > 0 and not self.breaks[i] and self.words[i - 1] in PATRIARCH_CONTEXT


_FORMER_CANON = frozenset(canonical_mod(normalize(w)) for w in ("السابق", "السابقة", "الأسبق", "الأسبقة", "سابقا", "المخلوع", "المعزول", "الراحل"))
_SKIPPED_CANON = frozenset(canonical_mod(w) for w in ("الجديد", "الجديدة", "السابق", "السابقة", "الحالي", "الحالية", "المكلف", "المكلفة"))
_STRONG_HEADS = frozenset(canonical_head(w.split()) for w in (
    "المتحدث باسم", "الناطق باسم", "المتحدثة باسم", "الناطق الرسمي باسم", "المتحدث الرسمي باسم", "سفير", "مبعوث", "وزير", "مستشار", "قنصل", "ملحق", "القائم بأعمال", "القائم بالأعمال", "موفد", "السيناتور", "ممثل", "مفوض", "منسق", "نظيره", "نظيرته", "نظيرها", "بنظيره",
    "قائد", "رئيس",
))
_MOD_CANON = frozenset(canonical_mod(w) for w in ROLE_MODIFIERS)
_STATE_POST_HEADS = frozenset(canonical_head([normalize(w)]) for w in ("نظيره", "رئيس", "سفير", "مبعوث", "قنصل", "ملك", "أمير"))
_STATE_POST_MODS = frozenset(canonical_mod(normalize(w)) for w in ("الخارجية", "الدفاع", "الداخلية", "الوزراء", "العدل", "الأركان"))
_STATUS_CANON = _FORMER_CANON | _SKIPPED_CANON
# heads whose post is another post's deputy or aide: the next head word belongs to the same post
_DEPUTY_HEADS = frozenset(canonical_head([normalize(w)]) for w in ("نائب", "نائبة", "مساعد", "مساعدة", "وكيل", "مستشار", "مستشارة"))
_TITLE_FIRST = frozenset(k[0] for k in PERSON_TITLE_KEYS)
_KIN_NOUNS = frozenset(normalize(w) for w in (
    "شقيق", "شقيقة", "نجل", "نجلة", "ابن", "ابنة", "صهر", "زوجة", "زوج", "والد", "والدة", "عم", "خال", "حفيد",
    "ابن عم", "ابن شقيق", "أخ", "أخت", "أرملة", "نجلي",
))
_PARTY_BEFORE = frozenset(normalize(w) for w in ("بين", "مع", "أن", "إن", "ضد", "لدى", "وبين", "ومع"))
_KIN_WITH_PRONOUN = frozenset(normalize(b + p) for b in (
    "نجل", "ابن", "ابنت", "شقيق", "شقيقت", "زوج", "زوجت", "أخ", "أخت", "والد", "والدت", "صهر", "حفيد", "عم", "خال",
) for p in ("ه", "ها", "اه", "اها")) | frozenset(normalize(w) for w in ("نجلاه", "نجليه", "أبناؤه", "أبنائه", "شقيقاه", "شقيقيه", "أخيه", "أخوه", "أبيه", "أبوه"))
_POSTED_HEADS = frozenset(canonical_head(normalize(w).split()) for w in ("سفير", "قنصل", "ملحق", "مندوب", "مبعوث", "ممثل"))
_LED_BY = frozenset(normalize(w) for w in (
    "برئاسة", "بقيادة", "بزعامة", "يقوده", "تقوده", "قاده", "قادها", "يترأسه", "يترأسها", "ترأسه", "ترأسها",
    "يتزعمه", "يتزعمها", "تزعمه", "تزعمها", "ويقوده", "ويترأسه",
))
_COMMENTATORS = frozenset(canonical_head(normalize(w).split()) for w in (
    "الخبير", "خبير", "المحلل", "الباحث", "أستاذ", *lexicon.PERSON_DESCRIPTORS,
))
_SPEECH = frozenset(normalize(p + w) for p in ("", "و") for w in (
    "قال", "أكد", "أوضح", "أضاف", "يقول", "أعلن", "صرح", "يوضح", "يلفت", "لفت", "يرى", "رأى", "يؤكد", "يشير",
    "أشار", "يعتبر", "اعتبر", "حذر", "يحذر", "كتب", "يكتب", "يضيف", "أفاد", "يفيد", "ذكر", "يذكر", "أشاد", "انتقد",
    "رحب", "دعا", "طالب", "نفى", "ينفي", "اتهم", "يتهم", "أعرب", "عبر", "شدد", "يشدد", "قالت", "أكدت", "أوضحت",
))


_APPOINTMENT_WORDS = frozenset(normalize(w) for w in (
    "تعيين", "بتعيين", "وتعيين", "لتعيين", "عين", "وعين", "عيّن", "تكليف", "بتكليف", "كلف", "كلّف", "تسمية",
    "بتسمية", "سمى", "اختيار", "باختيار", "انتخاب", "بانتخاب", "انتخب", "ترشيح", "بترشيح", "رشح", "ترقية",
    "بترقية", "رقى", "اعتماد", "باعتماد"))
_ALA = frozenset(normalize(w) for w in ("على", "وعلى", "فعلى"))
# words spelled with a leading "ال" that are not an article + adjective
_NOT_ADJECTIVES = frozenset(normalize(w) for w in ("إلى", "الذي", "التي", "الذين", "اللذين", "اللتين", "الآن", "إلا", "اللذان"))


def _plain_name(words: Sequence[str]) -> bool:
    """Two or three words that can only be a name ("عمرو موسى"): a common given name, then name words.

    Before ", <role>" such a name needs no speech verb or break before it ("أشاد عمرو موسى، الأمين العام")."""
    return 2 <= len(words) <= 3 and discovery.is_given_name(words[0], 50) and all(
        discovery.is_name_word(w) for w in words[1:])


def _is_speech_verb(word: str) -> bool:
    return word in _SPEECH


_TITLES_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _key in PERSON_TITLE_KEYS:
    _TITLES_BY_FIRST.setdefault(_key[0], []).append(_key)


def _title_key_len(words: list[str], j: int) -> int:
    for form, _ in clitic_forms(words[j]):
        for key in _TITLES_BY_FIRST.get(form, ()):
            k = len(key)
            if j + k <= len(words) and tuple(words[j + 1 : j + k]) == key[1:]:
                return k
    return 0


def _role_text(shown: list[str], construct: bool) -> str:
    """The role as shown: "رئيس أركان" before "الجيش" reads "رئيس الأركان"; adjectives like الجديد dropped."""
    words = [w for w in shown if normalize(w) not in _SKIP_IN_TEXT]
    if construct and len(words) >= 2 and not normalize(words[-1]).startswith("ال"):
        last = words[-1]
        if last[0] == "و" and len(words) >= 3 and normalize(last[1:]).startswith("ال"):
            return " ".join(words)  # "وزير الطاقة والنفط": a coordinated complement already has its article
        if last.startswith("لل"):
            last = last[2:]
        elif last[0] in "لب" and len(normalize(last)) > 4:
            last = last[1:]
        words[-1] = "ال" + last
    return " ".join(words)


_SKIP_IN_TEXT = frozenset(normalize(w) for w in ("الجديد", "الجديدة", "السابق", "السابقة", "الحالي", "الحالية"))


def _commanded_org(person_id: str, registry: Registry) -> str | None:
    for key in registry.roles_of(person_id):
        if key.head in ("قائد", "امر", "مشير") and key.org_id:
            return key.org_id
    actor = registry.actors[person_id]
    for r in actor.roles:
        if "قائد" in normalize(str(r.get("role", ""))) and r.get("org") and "نائب" not in normalize(str(r.get("role", ""))):
            return str(r["org"])
    return None


def person_types() -> tuple[ActorType, ...]:
    return (ActorType.PERSON,)
