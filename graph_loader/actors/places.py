"""Mention rules for organisations, places and states, mixed into the sentence scan (mentions._Run).

They read the scan's token tables and emit through it: organisations named from a head noun
("وزارة الداخلية المصرية"), places after a place noun, a travel word or in a list, guarded names that
are also common words ("مالي", "مسقط"), "عُمان" vs "عمّان", and states named by a nisba adjective after
an agent noun ("الجانب المصري").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph_loader.actors import discovery
from graph_loader.actors.lexicon import NISBA_AGENT_HEADS, STATE_VERBS
from graph_loader.actors.tokens import STRONG_BREAK, article_form, strip_quotes
from graph_loader.model import ActorType
from graph_loader.text.normalize import clitic_forms, normalize

if TYPE_CHECKING:
    from graph_loader.actors.coref import DocumentContext
    from graph_loader.actors.registry import Registry
    from graph_loader.actors.tokens import Token
    from graph_loader.model import Actor, Mention

_SULTAN = frozenset(normalize(w) for w in ("سلطان", "وسلطان", "سلطنة", "لسلطنة", "بسلطنة", "وسلطنة"))
_PLACE_PREPOSITIONS = frozenset(normalize(w) for w in (
    "في", "إلى", "من", "مع", "عن", "لدى", "بين", "تجاه", "نحو", "داخل", "وفي", "وإلى", "ومن", "ومع", "شمال", "جنوب",
    "شرق", "غرب", "وسط", "دولة", "جمهورية", "حكومة", "رئيس", "سفير", "سفيرة", "حدود"))


class StatesAndPlaces:
    """The scan's rules for organisations, places and states (see the module docstring)."""

    # provided by the scan (mentions._Run)
    reg: "Registry"
    ctx: "DocumentContext"
    discover: bool
    sentence: str
    toks: "list[Token]"
    words: list[str]
    breaks: list[bool]
    out: "list[Mention]"

    def emit(self, i: int, n: int, peeled: int, actor_id: str, how: str, **kw: object) -> "Mention": ...  # noqa: E704
    def span_at(self, j: int) -> tuple[str, int, int] | None: ...  # noqa: E704
    def remember(self, actor: "Actor", person: bool) -> "Actor": ...  # noqa: E704
    def text(self, i: int, n: int, peeled: int = 0) -> str: ...  # noqa: E704

    def _discovered_org_at(self, j: int) -> tuple[str, int, int] | None:
        """(id, tokens, peeled) of an organisation discovery names at j, remembered but not emitted."""
        n, country, parts = discovery.org_length(self.words, j, self.breaks, self.reg, self.span_at)
        if not n:
            n, country = discovery.state_body_length(self.words, j, self.breaks, self.reg)
            parts = []
        if not n:
            return None
        peeled = next((p for f, p in clitic_forms(self.words[j]) if f in discovery.ORG_HEAD_KEYS), 0)
        name = article_form(strip_quotes(self.text(j, n, peeled)))
        found = self.ctx.lookup_local(name) or self.remember(discovery.make_org(name, country, parts), person=False).id
        return found, n, peeled

    def org_at(self, i: int) -> int:
        n, country, parts = discovery.org_length(self.words, i, self.breaks, self.reg, self.span_at)
        if not n:
            n, country = discovery.state_body_length(self.words, i, self.breaks, self.reg)
            parts = []
        if not n:
            return 0
        peeled = next((p for f, p in clitic_forms(self.words[i]) if f in discovery.ORG_HEAD_KEYS), 0)
        name = article_form(strip_quotes(self.text(i, n, peeled)))
        actor = self.ctx.lookup_local(name)
        if actor is None:
            found = self.remember(discovery.make_org(name, country, parts), person=False)
            actor = found.id
        self.emit(i, n, peeled, actor, "discovery")
        return i + n

    def place_at(self, i: int) -> int:
        n = discovery.place_length(self.words, i, self.breaks, self.span_at)
        if n:
            return self._new_place(i + 1, n)
        n = discovery.proper_place_length(self.words, i, self.breaks, self.span_at)
        if not n:
            return 0
        end = self._new_place(i + n - 1, 1)
        # a list goes on: "جولة شملت طوكيو وسيول"
        while end < len(self.words) and not self.breaks[end] and self.words[end][:1] == "و" \
                and self.span_at(end) is None and discovery.proper_place_length(["زيارة", self.words[end][1:]], 0, [False, False], lambda j: None):
            self._new_place(end, 1, peeled=1)
            end += 1
        return end

    def _new_place(self, i: int, n: int, peeled: int = 0) -> int:
        name = self.text(i, n, peeled)
        actor = self.ctx.lookup_local(name) or self.remember(discovery.make_place(name), person=False).id
        self.emit(i, n, peeled, actor, "discovery")
        return i + n

    def guarded_at(self, i: int) -> int:
        """A name that is also a common word ("مالي" financial, "مسقط رأسه") only where a place goes:
        after a preposition ("في مالي", "بمالي", "لمالي"), or "و" + name right after another state or place."""
        for form, peeled in clitic_forms(self.words[i]):
            actor_id = self.reg.guarded(form)
            if actor_id is None:
                continue
            lead = self.words[i][:peeled]
            prev = self.words[i - 1] if i > 0 and not self.breaks[i] else ""
            listed = lead == "و" and bool(self.out) and self.out[-1].type in (ActorType.STATE, ActorType.PLACE) \
                and i > 0 and self.out[-1].end <= self.toks[i].start and self.out[-1].end >= self.toks[i - 1].start
            nxt = self.words[i + 1] if i + 1 < len(self.words) and not self.breaks[i + 1] else ""
            if nxt.startswith("راس"):
                return 0  # "مسقط رأسه": birthplace
            if (lead and lead[-1] in "بل") or prev in _PLACE_PREPOSITIONS or prev in STATE_VERBS or listed:
                self.emit(i, 1, peeled, actor_id, "registry")
                return i + 1
        return 0

    def listed_place_at(self, i: int) -> int:
        """"و" + an unknown proper word right after a place or state: "ترهونة وبني وليد", "طوكيو وسيول"."""
        w = self.words[i]
        if not self.discover or i == 0 or self.breaks[i] or w[:1] != "و" or len(w) < 4 or not self.out:
            return 0
        prev = self.out[-1]
        if prev.type not in (ActorType.PLACE, ActorType.STATE) or prev.end < self.toks[i - 1].end:
            return 0
        bare = w[1:]
        if w in discovery.common_words():
            return 0  # "كاراكاس وصول وفد": an ordinary word that starts with و ("وصول", arrival)
        if not discovery._proper_word(bare) or not discovery._foreign_looking(bare, allow_final_alef=True) \
                or discovery.is_given_name(bare, 5):
            return 0
        return self._new_place(i, 1, peeled=1)

    def oman_or_amman_at(self, i: int) -> int:
        """Bare "عمان" is Oman or Amman, which normalise alike: the vowel marks tell them apart where the
        text has them ("عُمان", "عمّان"), and "سلطان عمان" is Oman's sultan. Otherwise it stays unresolved."""
        for form, peeled in clitic_forms(self.words[i]):
            if form != "عمان":
                continue
            raw = self.raw[i]
            prev = self.words[i - 1] if i > 0 and not self.breaks[i] else ""
            if "\u064f" in raw or prev in _SULTAN:
                actor_id = "oman"
            elif "\u0651" in raw:
                actor_id = "amman"
            else:
                return 0
            if actor_id in self.reg.actors:
                self.emit(i, 1, peeled, actor_id, "registry")
                return i + 1
        return 0

    def nisba_at(self, i: int) -> int:
        state = self.reg.nisba(self.words[i])
        if state is None or i == 0 or self.breaks[i]:
            return 0
        peeled = next((p for f, p in clitic_forms(self.words[i]) if self.reg.nisba(f) == state and not f.startswith("و")), 0)
        if peeled and self.words[i][0] == "و":
            return self._listed_nisba(i, state, peeled)
        # walk back over adjectives and other nisbas ("العلاقات التاريخية الليبية الباكستانية") to the noun
        j, plain = i - 1, 0
        while True:
            if j < 0 or i - j > 3 or self.breaks[j + 1]:
                return 0
            if {f for f, _ in clitic_forms(self.words[j])} & NISBA_AGENT_HEADS:
                break
            if self.reg.nisba(self.words[j]) is None:
                plain += 1
                if plain > 1 or discovery.is_definite(self.words[j]) != discovery.is_definite(self.words[i]):
                    return 0  # at most one plain adjective, agreeing with the nisba ("وفد أمني مصري")
            j -= 1
        self.emit(i, 1, peeled, state, "nisba")
        return i + 1

    def _listed_nisba(self, i: int, state: str, peeled: int) -> int:
        """"و" + a nisba right after another nisba names a second state ("الطرفان الجزائري والإيطالي",
        "نظيريه الجزائري أحمد عطاف والتونسي محمد علي النفطي"); elsewhere it is an adjective."""
        earlier = [m for m in self.out if m.resolved_by == "nisba" and m.end <= self.toks[i].start]
        if not earlier or self.sentence.count(" ", earlier[-1].end, self.toks[i].start) > 7 \
                or STRONG_BREAK.search(self.sentence[earlier[-1].end : self.toks[i].start]):
            return 0
        self.emit(i, 1, peeled, state, "nisba")
        return i + 1
