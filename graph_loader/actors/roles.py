"""Role phrases: "رئيس أركان الجيش الوطني الليبي" -> (head رئيس, {اركان}, libyan-national-army).

A role phrase is how news names a post: a head noun, words that narrow it,
and the organisation or state it belongs to. The same parse serves three
purposes: the role and organisation a titled mention carries (affiliations),
whether a title-only mention ("القائد العام") fits an actor already seen
(coreference), and the registry's own `titles`/`roles`, parsed once on load.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Sequence

from graph_loader.actors.lexicon import ADJECTIVES_SKIPPED_IN_ROLES, RANK_KEYS, ROLE_HEAD_KEYS
from graph_loader.model import ActorType
from graph_loader.text.normalize import clitic_forms, normalize, strip_article

if TYPE_CHECKING:
    from graph_loader.actors.registry import Registry

ORG_TYPES = (ActorType.ORGANIZATION, ActorType.STATE)


def canonical_head(words: Sequence[str]) -> str:
    """The head without article or feminine ending: "المبعوثة" -> "مبعوث", "الناطق باسم" -> "ناطق باسم"."""
    out = []
    for w in words:
        w = strip_article(w, clitics=False)
        if w.endswith("ه") and len(w) > 3:
            w = w[:-1]
        out.append(w)
    return " ".join(out)


def canonical_mod(word: str) -> str:
    """A narrowing word without clitics or article: "لأركان", "الأركان", "أركان" -> "اركان"."""
    w = strip_article(word, clitics=True)
    if w == word and len(w) > 4 and w[0] in "لب":
        w = w[1:]
    return w


@dataclass(frozen=True)
class RoleKey:
    head: str
    mods: frozenset[str] = field(default_factory=frozenset)
    org_id: str | None = None

    def fits(self, other: "RoleKey", exact: bool = False) -> bool:
        """Whether a mention titled `self` may be an actor known as `other` (self is the query).

        `exact` asks for the same narrowing words, no more: "الرئيس الفرنسي" fits the French
        prime minister ("رئيس الوزراء") loosely, and only the president exactly."""
        if self.head != other.head:
            return False
        wanted = {m for m in self.mods if m not in _SKIPPED}
        if not wanted <= other.mods:
            return False
        if exact and wanted != {m for m in other.mods if m not in _SKIPPED}:
            return False
        if self.org_id and other.org_id and self.org_id != other.org_id:
            return False
        if self.org_id and not other.org_id:
            return False
        return True


_SKIPPED = frozenset(canonical_mod(w) for w in ADJECTIVES_SKIPPED_IN_ROLES)


def match_head(words: Sequence[str]) -> tuple[int, str, int]:
    """(length in words, canonical head, letters of clitics peeled) of the role head starting `words`; (0, "", 0) if none."""
    found = _match_head_as_written(words)
    if found[0] == 0 and head_is_accusative(words):
        return _match_head_as_written([words[0][:-1], *words[1:]])
    return found


def head_is_accusative(words: Sequence[str]) -> bool:
    """Whether `words` start with a one-word post in the indefinite accusative ("نائبا", "رئيسا").

    The form a post takes after تعيين/عُيّن/أصبح: "تعيينه نائبا للقائد العام" names the
    post "نائب القائد العام", it does not mention the commander-in-chief.
    """
    if not words or _match_head_as_written(words)[0]:
        return False
    w = words[0]
    if len(w) < 4 or not w.endswith("ا") or w.startswith("ال"):
        return False
    if len(words) < 2 or not words[1].startswith("ل"):
        return False  # the post's body follows with ل ("رئيسا للأركان"); "رئيسا المجلسين" is a dual in construct
    return _match_head_as_written([w[:-1], *words[1:]])[0] == 1


def _match_head_as_written(words: Sequence[str]) -> tuple[int, str, int]:
    if not words:
        return 0, "", 0
    for form, peeled in clitic_forms(words[0]):
        for key in _HEADS_BY_FIRST.get(form, ()):
            k = len(key)
            if len(words) >= k and all(words[i] == key[i] for i in range(1, k)):
                return k, canonical_head(key), peeled
    return 0, "", 0


_HEADS_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _key in ROLE_HEAD_KEYS:  # longest first, kept in that order per first word
    _HEADS_BY_FIRST.setdefault(_key[0], []).append(_key)


def match_rank(words: Sequence[str]) -> int:
    """Length of a military rank that starts `words` (\"الفريق أول ركن\" -> 3), 0 if none."""
    best = 0
    for n in range(1, min(3, len(words)) + 1):
        if " ".join(words[:n]) in RANK_KEYS:
            best = n
    return best


def parse_role(text: str, registry: "Registry") -> RoleKey | None:
    """Parse a title string from the registry or a document; None when it has no role head."""
    words = normalize(text).split()
    k, head, _ = match_head(words)
    if k == 0:
        rank = match_rank(words)
        if rank and rank == len(words):
            return RoleKey(canonical_head(words), frozenset())
        return None
    mods, org = complement(words[k:], registry)
    return RoleKey(head, mods, org)


def complement(words: Sequence[str], registry: "Registry") -> tuple[frozenset[str], str | None]:
    """(narrowing words, organisation id) of the words after a role head."""
    mods: list[str] = []
    org: str | None = None
    j = 0
    while j < len(words):
        hit = registry.match_phrase(words, j, types=ORG_TYPES)
        if hit is not None:
            org = hit[0]
            break
        state = registry.nisba(words[j])
        if state is not None:
            org = state
            break
        if words[j] in ("في", "لدي", "لدى", "ب", "عن"):
            j += 1
            continue
        mods.append(canonical_mod(words[j]))
        j += 1
    return frozenset(m for m in mods if m), org
