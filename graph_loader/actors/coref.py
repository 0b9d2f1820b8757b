"""In-document coreference: "حفتر", "خالد", "القائد العام" -> the right full actor.

Short forms are resolved only against what this document has already said:
recency first, filtered by title/role compatibility (المشير -> whoever in
this document holds that rank; رئيس الأركان -> the chief of staff). A
DocumentContext lives for one document, so "حفتر" can mean Khalifa in one
article and Khaled in the next. Two narrow defaults apply when the document
has not named anyone yet: a bare surname means the registry's first holder
(the family head), and a first name means its only registry holder when a
relative (same surname) is already in the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from graph_loader.actors.roles import RoleKey
from graph_loader.model import ActorType
from graph_loader.text.normalize import key_variants, normalize, strip_article

if TYPE_CHECKING:
    from graph_loader.actors.registry import Registry


@dataclass
class DocumentContext:
    """What coreference may use: actors already mentioned in this document, in order, and their roles here."""

    recent: list[str] = field(default_factory=list)
    roles: dict[str, list[RoleKey]] = field(default_factory=dict)
    local_names: dict[str, str] = field(default_factory=dict)  # full-name key -> discovered actor id
    local_short: dict[str, set[str]] = field(default_factory=dict)  # surname / first-name key -> ids
    date: str | None = None
    sentence: int = 0
    _order: int = 0
    last_seen: dict[str, tuple[int, int]] = field(default_factory=dict)  # id -> (sentence, order within it)

    def next_sentence(self) -> None:
        self.sentence += 1
        self._order = 0

    def saw(self, actor_id: str) -> None:
        if actor_id in self.recent:
            self.recent.remove(actor_id)
        self.recent.append(actor_id)
        self._order += 1
        last = self.last_seen.get(actor_id)
        if last is None or last[0] != self.sentence:
            self.last_seen[actor_id] = (self.sentence, self._order)

    def salience(self) -> list[str]:
        """Actors, most salient first: latest sentence first, and within a sentence the one named first."""
        return sorted(self.recent, key=lambda a: (-self.last_seen.get(a, (0, 0))[0], self.last_seen.get(a, (0, 0))[1]))

    def add_role(self, actor_id: str, key: RoleKey | None) -> None:
        if key is not None and key not in self.roles.setdefault(actor_id, []):
            self.roles[actor_id].append(key)

    def learn_name(self, actor_id: str, name: str, person: bool) -> None:
        """A discovered actor's name (and, for people, its surname and first name) for later mentions here."""
        for k in key_variants(name):
            self.local_names.setdefault(k, actor_id)
        if person:
            words = normalize(name).split()
            if len(words) >= 2:
                for w in {words[0], words[-1]}:
                    for k in key_variants(w):
                        self.local_short.setdefault(k, set()).add(actor_id)

    def lookup_local(self, phrase: str) -> str | None:
        for k in key_variants(phrase):
            if k in self.local_names:
                return self.local_names[k]
        return None

    def lookup_local_words(self, words: list[str]) -> str | None:
        """lookup_local for normalised words (the matcher's hot path)."""
        hit = self.local_names.get(" ".join(words))
        if hit is None:
            hit = self.local_names.get(" ".join(strip_article(w, clitics=False) for w in words))
        return hit

    def local_short_ids(self, phrase: str) -> set[str]:
        out: set[str] = set()
        for k in key_variants(phrase):
            out |= self.local_short.get(k, set())
        return out


def role_keys(actor_id: str, registry: "Registry", ctx: DocumentContext) -> list[RoleKey]:
    known = registry.roles_of(actor_id) if actor_id in registry.actors and actor_id not in registry.discovered else []
    return [*known, *ctx.roles.get(actor_id, [])]


def fits_any(query: RoleKey, actor_id: str, registry: "Registry", ctx: DocumentContext) -> bool:
    return any(query.fits(k) for k in role_keys(actor_id, registry, ctx))


def most_recent(ids: Iterable[str], ctx: DocumentContext) -> str | None:
    """The most salient candidate: named in the latest sentence, and first in that sentence."""
    ids = set(ids)
    for actor_id in ctx.salience():
        if actor_id in ids:
            return actor_id
    return None


def resolve_short(
    phrase: str,
    ids: set[str],
    registry: "Registry",
    ctx: DocumentContext,
    title: RoleKey | None = None,
    patriarch: bool = False,
) -> str | None:
    """One actor for a surname/first-name mention, or None when the document does not settle it."""
    if not ids:
        return None
    if title is not None:
        fitting = {i for i in ids if fits_any(title, i, registry, ctx)}
        if fitting:
            ids = fitting
    if patriarch:
        prior = registry.short_prior(phrase)
        if prior in ids:
            return prior
    recent = most_recent(ids, ctx)
    if recent is not None:
        return recent
    ids = {i for i in ids if registry.actors[i].type == ActorType.PERSON}  # "القاعدة", "البعثة": only once named
    if not ids:
        return None
    surname = _is_surname(phrase, ids, registry)
    if len(ids) == 1:
        only = next(iter(ids))
        if surname or _relative_in_document(only, registry, ctx):
            return only
        return None
    if surname:
        prior = registry.short_prior(phrase)
        if prior in ids:
            return prior
    return None


def resolve_title(query: RoleKey, registry: "Registry", ctx: DocumentContext, former: bool = False) -> str | None:
    """The actor a title-only mention ("القائد العام", "رئيس أركان القوات المسلحة المصرية") refers to.

    A former post ("الأمين العام الأسبق") may be someone this document named, but never the
    registry's holder: the registry records who holds a post now.
    """
    salient = [a for a in ctx.salience() if (x := registry.actors.get(a)) is not None and x.type == ActorType.PERSON]
    posts = [] if query.org_id is None or former else registry.post_holders(query.org_id)
    # the same post named exactly beats a looser fit: "الرئيس الفرنسي" after the French prime
    # minister was named is still the president
    for exact in (True, False):
        for actor_id in salient:
            if any(query.fits(k, exact) for k in role_keys(actor_id, registry, ctx)):
                return actor_id
        holders = [actor_id for actor_id, keys in posts if any(query.fits(k, exact) for k in keys)]
        if len(holders) == 1:
            return holders[0]
    return None


def _is_surname(phrase: str, ids: set[str], registry: "Registry") -> bool:
    keys = {strip_article(k, clitics=False) for k in key_variants(phrase)}
    n = len(normalize(phrase).split())
    for i in ids:
        words = normalize(registry.actors[i].name).split()
        tail = " ".join(strip_article(w, clitics=False) for w in words[-n:])
        if len(words) > n and tail in keys:
            return True
    return False


def _relative_in_document(actor_id: str, registry: "Registry", ctx: DocumentContext) -> bool:
    words = normalize(registry.actors[actor_id].name).split()
    if len(words) < 2:
        return False
    surname = words[-1]
    for other in ctx.recent:
        a = registry.actors.get(other)
        if a is not None and other != actor_id and a.type == ActorType.PERSON and normalize(a.name).split()[-1:] == [surname]:
            return True
    return False
