"""The actor registry: who the tool already knows, under every name it goes by.

Shipped entries live in `data/registry.jsonl`; a user adds or overrides
entries with the overlay `<data-dir>/actors.jsonl` and with `--actors FILE`
(later sources win by id), and the analyst decisions recorded for a graph
(aliases, renames) are applied on top. The registry is what gives an actor
the same id in every document. Actors discovered while reading a document
are remembered here too (so the loader sees their names), but they are not
indexed for matching: their identity never leaks into other documents.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from graph_loader.errors import InputError
from graph_loader.model import Actor, ActorType
from graph_loader.text.normalize import clitic_forms, key_variants, normalize, strip_article

SHIPPED = Path(__file__).with_name("data") / "registry.jsonl"
OVERLAY_ACTORS = "actors.jsonl"
MAX_NAME_WORDS = 9


def _match_keys(name: str) -> set[str]:
    """Keys a name is matched under: the article is optional, except on a one-word name.

    "السراج", "المنفي", "الكبير", "الجزائر" without their article are ordinary words
    ("lamp", "exiled", "big", "islands"); a longer name keeps the article optional.
    """
    n = normalize(name)
    if " " not in n and n.startswith("ال") and len(n) > 4:
        return {n}
    return key_variants(name)


@dataclass
class Registry:
    actors: dict[str, Actor] = field(default_factory=dict)
    _index: dict[str, set[str]] = field(default_factory=dict, repr=False)
    _short: dict[str, set[str]] = field(default_factory=dict, repr=False)
    _guarded: dict[str, str] = field(default_factory=dict, repr=False)  # names that are also common words
    _nisba: dict[str, str] = field(default_factory=dict, repr=False)
    _surnames: dict[str, set[str]] = field(default_factory=dict, repr=False)  # last word of a person's name
    _first: dict[str, int] = field(default_factory=dict, repr=False)  # first word of an index key -> most words
    _roles: dict[str, list] = field(default_factory=dict, repr=False)  # id -> [RoleKey]
    extra: dict[str, dict] = field(default_factory=dict, repr=False)  # raw fields we do not model (nisba, short_names)
    discovered: set[str] = field(default_factory=set, repr=False)
    _head_anaphors: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    overlay_dir: Path | None = None
    graph: str | None = None
    decisions: list[dict[str, Any]] = field(default_factory=list, repr=False)

    @classmethod
    def load(
        cls,
        paths: Iterable[str | Path] = (),
        shipped: bool = True,
        overlay_dir: str | Path | None = None,
        graph: str | None = None,
    ) -> "Registry":
        """Shipped actors, then the overlay's actors, then `paths`; then this graph's decisions."""
        reg = cls()
        sources = [SHIPPED] if shipped and SHIPPED.exists() else []
        if overlay_dir is not None:
            reg.overlay_dir = Path(overlay_dir)
            reg.graph = graph
            user = reg.overlay_dir / OVERLAY_ACTORS
            if user.exists():
                sources.append(user)
        sources += [Path(p) for p in paths]
        for path in sources:
            for raw in _read_jsonl(path):
                if path != SHIPPED and "source" not in raw:
                    raw = {**raw, "source": "user"}
                reg.add(Actor.from_dict(raw), raw)
        if reg.overlay_dir is not None:
            from graph_loader.actors.decisions import apply_to_registry, read_decisions

            reg.decisions = read_decisions(reg.overlay_dir, graph)
            apply_to_registry(reg, reg.decisions)
        return reg

    # -- building ---------------------------------------------------------------
    def add(self, actor: Actor, raw: dict | None = None) -> None:
        self.__dict__.pop("_holders_index", None)  # post holders are indexed on first use
        if actor.id in self.actors:
            self._unindex(actor.id)
        self.discovered.discard(actor.id)
        if actor.type == ActorType.PERSON and not actor.name_en:
            from graph_loader.actors.latin import romanize

            actor.name_en = romanize(actor.name)  # every person gets a Latin name reports can be asked with
        self.actors[actor.id] = actor
        self.extra[actor.id] = dict(raw or {})
        for name in self.names_of(actor.id):
            for key in _match_keys(name):
                self._index.setdefault(key, set()).add(actor.id)
                words = key.split(" ")
                self._first[words[0]] = max(self._first.get(words[0], 0), len(words))
        for name in self.extra[actor.id].get("guarded", []) or []:
            self._guarded.setdefault(normalize(name), actor.id)
        for short in self.extra[actor.id].get("short_names", []) or []:
            for key in _match_keys(short):
                self._short.setdefault(key, set()).add(actor.id)
        words = normalize(actor.name).split()
        if actor.type == ActorType.PERSON and len(words) >= 2:
            for key in _match_keys(words[-1]):
                self._surnames.setdefault(key, set()).add(actor.id)
        self.__dict__.pop("_nisba_cache", None)
        for nisba in self.extra[actor.id].get("nisba", []) or []:
            for key in key_variants(nisba):
                self._nisba.setdefault(key, actor.id)
        self._roles.pop(actor.id, None)
        self._head_anaphors.pop(actor.id, None)

    def head_anaphors(self, actor_id: str) -> frozenset[str]:
        """The bare definite heads that may stand for this actor later in a document: its names' first
        word with the article ("حكومة الوحدة الوطنية" -> "الحكومة"), and "المملكة" for a kingdom."""
        found = self._head_anaphors.get(actor_id)
        if found is None:
            actor = self.actors[actor_id]
            heads: set[str] = set()
            if actor.type in (ActorType.ORGANIZATION, ActorType.STATE):
                for name in [actor.name, *self.names_of(actor_id)]:
                    words = normalize(name).split()
                    if len(words) < 2 and actor.type == ActorType.ORGANIZATION:
                        continue  # a one-word name ("حماس") has no head noun
                    head = "ال" + strip_article(words[0], clitics=False) if words else ""
                    if actor.type == ActorType.STATE and head != normalize("المملكة"):
                        continue
                    heads.add(head)
            found = self._head_anaphors[actor_id] = frozenset(heads)
        return found

    def remember(self, actor: Actor) -> Actor:
        """Keep a discovered actor (for its name and Latin name) without indexing it for matching."""
        known = self.actors.get(actor.id)
        if known is not None:
            return known
        self.actors[actor.id] = actor
        self.discovered.add(actor.id)
        return actor

    def _unindex(self, actor_id: str) -> None:
        for key in [k for k, v in self._guarded.items() if v == actor_id]:
            del self._guarded[key]
        for table in (self._index, self._short, self._surnames):
            for key in [k for k, ids in table.items() if actor_id in ids]:
                table[key].discard(actor_id)
                if not table[key]:
                    del table[key]
        for key in [k for k, v in self._nisba.items() if v == actor_id]:
            del self._nisba[key]

    # -- reading ----------------------------------------------------------------
    def names_of(self, actor_id: str) -> list[str]:
        a = self.actors[actor_id]
        return [a.name, *a.aliases]

    def short_names_of(self, actor_id: str) -> list[str]:
        return list(self.extra.get(actor_id, {}).get("short_names", []) or [])

    def keys_of(self, actor_id: str) -> set[str]:
        """Every string a CLI parameter may use for this actor: id, names, aliases, Latin name, normalised."""
        a = self.actors[actor_id]
        keys = {a.id, a.name, *a.aliases}
        keys |= {k for n in (a.name, *a.aliases) for k in key_variants(n)}
        if a.name_en:
            keys |= {a.name_en, normalize(a.name_en)}
        return keys

    def lookup(self, phrase: str) -> set[str]:
        """Ids whose full name or alias matches `phrase` (normalised)."""
        out: set[str] = set()
        for key in key_variants(phrase):
            out |= self._index.get(key, set())
        return out

    def lookup_short(self, phrase: str) -> set[str]:
        out: set[str] = set()
        for key in key_variants(phrase):
            out |= self._short.get(key, set())
        return out

    def lookup_surname(self, phrase: str) -> set[str]:
        """People whose name ends with `phrase` (usable only for someone the document already named)."""
        out: set[str] = set()
        for key in key_variants(phrase):
            out |= self._surnames.get(key, set())
        return out

    def lookup_short_words(self, words: Sequence[str]) -> set[str]:
        """lookup_short for words already normalised (the matcher's hot path)."""
        return self._short.get(" ".join(words), set()) | self._short.get(" ".join(strip_article(w, clitics=False) for w in words), set())

    def lookup_surname_words(self, words: Sequence[str]) -> set[str]:
        return self._surnames.get(" ".join(words), set()) | self._surnames.get(" ".join(strip_article(w, clitics=False) for w in words), set())

    def unique_surnames(self) -> dict[str, str]:
        """Surname key -> the one registered person whose name ends with it."""
        return {k: next(iter(ids)) for k, ids in self._surnames.items() if len(ids) == 1 and not ids & self.discovered}

    def short_prior(self, phrase: str) -> str | None:
        """The actor a bare surname means when nothing in the document says otherwise.

        The first registry entry whose own name ends with that surname ("حفتر" ->
        Khalifa Haftar, listed before his sons): the registry's order is its
        statement of who is meant by default. First names never get a default.
        """
        keys = key_variants(phrase)
        for actor_id in self.actors:
            if actor_id in self.discovered:
                continue
            if not (keys & {k for s in self.short_names_of(actor_id) for k in key_variants(s)}):
                continue
            last = normalize(self.actors[actor_id].name).split()[-1:]
            if last and strip_article(last[0], clitics=False) in {strip_article(k, clitics=False) for k in keys}:
                return actor_id
        return None

    def guarded(self, word: str) -> str | None:
        """The actor a one-word `guarded` name means ("مالي" Mali, also "financial"), before context is checked."""
        return self._guarded.get(word)

    def capital_of(self, actor_id: str) -> str | None:
        """The state a capital stands for when it acts ("أعلنت بغداد"): the entry's `capital_of`."""
        state = (self.extra.get(actor_id) or {}).get("capital_of")
        return state if state in self.actors else None

    def nisba(self, word: str) -> str | None:
        """The state (or body) a nisba adjective points to: "المصرية" -> egypt."""
        cache = self.__dict__.setdefault("_nisba_cache", {})
        if word in cache:
            return cache[word]
        hit = None
        for form, _ in clitic_forms(normalize(word)):
            bare = strip_article(form, clitics=False)
            hit = self._nisba.get(form) or self._nisba.get(bare)
            # the indefinite accusative of a known nisba ("وفدا عراقيا", "مسؤولا إسرائيليا"); "روسيا" and
            # "إثيوبيا" are names. Plurals ("مسؤولين مصريين") are groups of people, not the state acting
            # (seeds/ANNOTATION.md, rule 5).
            if hit is None and bare.endswith("يا") and len(bare) > 4 and not self._index.get(bare):
                hit = self._nisba.get(bare[:-1])
            if hit:
                break
        if len(cache) > 100_000:
            cache.clear()
        cache[word] = hit
        return hit

    def match_phrase(
        self, words: Sequence[str], j: int, types: Sequence[ActorType] | None = None, literal_first: bool = False,
    ) -> tuple[str, int, int] | None:
        """Longest registry name at words[j:] (normalised words): (id, words used, letters peeled) or None.

        The first word may carry proclitics (و ف ب ل ك) and the article is
        optional throughout. Ambiguous names (two ids) are not matched.
        `literal_first`: the first word as written starts with "أل"/"إل", which is
        never the article ("ألباريس" is Albares, not Paris; "ألمانيا" keeps its key).
        """
        forms = clitic_forms(words[j])

        def bare_of(form: str, peeled: int) -> str:
            return form if literal_first and peeled == 0 else strip_article(form, clitics=False)

        longest = max((max(self._first.get(f, 0), self._first.get(bare_of(f, p), 0)) for f, p in forms), default=0)
        if longest == 0:
            return None
        for n in range(min(MAX_NAME_WORDS, longest, len(words) - j), 0, -1):
            tail = words[j + 1 : j + n]
            full_tail = " ".join(tail)
            bare_tail = " ".join(strip_article(w, clitics=False) for w in tail)
            for form, peeled in forms:
                bare = bare_of(form, peeled)
                ids = self._index.get(f"{form} {full_tail}" if tail else form, set()) | \
                    self._index.get(f"{bare} {bare_tail}" if tail else bare, set())
                if types is not None:
                    ids = {i for i in ids if self.actors[i].type in types}
                if len(ids) == 1:
                    return next(iter(ids)), n, peeled
        return None

    def post_holders(self, org_id: str) -> list[tuple[str, list]]:
        """(person id, current RoleKeys) of the registry's people with a post in org_id (built once)."""
        index = self.__dict__.get("_holders_index")
        if index is None:
            index = {}
            for a in list(self.actors.values()):
                if a.type != ActorType.PERSON or a.id in self.discovered:
                    continue
                keys = self.current_roles_of(a.id)
                for org in {k.org_id for k in keys if k.org_id}:
                    index.setdefault(org, []).append((a.id, keys))
            self.__dict__["_holders_index"] = index
        return index.get(org_id, [])

    def current_roles_of(self, actor_id: str) -> list:
        """Like roles_of, without the posts the registry marks as ended (`"until"`): who holds a post now."""
        from graph_loader.actors.roles import RoleKey, parse_role

        a = self.actors[actor_id]
        if not any(isinstance(r, dict) and r.get("until") for r in a.roles):
            return self.roles_of(actor_id)
        keys = [k for k in (parse_role(t, self) for t in a.titles) if k is not None]
        for r in a.roles:
            if r.get("until"):
                continue
            k = parse_role(str(r.get("role", "")), self)
            if k is not None:
                keys.append(RoleKey(k.head, k.mods, k.org_id or r.get("org")))
        return keys

    def roles_of(self, actor_id: str) -> list:
        """The actor's posts as RoleKeys, from its `titles` and `roles` (parsed once)."""
        cached = self._roles.get(actor_id)
        if cached is not None:
            return cached
        from graph_loader.actors.roles import RoleKey, parse_role

        a = self.actors[actor_id]
        keys: list[RoleKey] = []
        for title in a.titles:
            k = parse_role(title, self)
            if k is not None:
                keys.append(k)
        for r in a.roles:
            k = parse_role(str(r.get("role", "")), self)
            if k is not None:
                keys.append(RoleKey(k.head, k.mods, k.org_id or r.get("org")))
        self._roles[actor_id] = keys
        return keys

    def resolve(self, value: str) -> Actor | None:
        """An actor by id, Arabic name, alias or Latin name; None when unknown or ambiguous."""
        if value in self.actors:
            return self.actors[value]
        ids = self.lookup(value)
        if not ids:
            low = normalize(value)
            ids = {a.id for a in self.actors.values() if a.name_en and normalize(a.name_en) == low}
        return self.actors[next(iter(ids))] if len(ids) == 1 else None

    def keys(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self.actors)


def _read_jsonl(path: Path) -> Iterator[dict]:
    try:
        fh = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read actors file: {exc.strerror or exc}", source=str(path)) from None
    with fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                obj = json.loads(line)
                if not isinstance(obj, dict):
                    raise ValueError("an actor must be a JSON object")
                Actor.from_dict(obj)
            except json.JSONDecodeError as exc:
                raise InputError(f"bad actor entry (malformed JSON: {exc.msg})", source=str(path), line=lineno) from None
            except KeyError as exc:
                raise InputError(f"bad actor entry (missing field {exc})", source=str(path), line=lineno) from None
            except (ValueError, TypeError) as exc:
                raise InputError(f"bad actor entry ({exc})", source=str(path), line=lineno) from None
            yield obj
