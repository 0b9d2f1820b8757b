"""Actor swapping: more training sentences from the hand-written ones, same prose.

Hand-written sentences carry the realistic syntax and cue words that templates
lack, but there are few of them, and a from-scratch encoder that sees each
name once or twice learns the names with the construction. Swapping the
actors for others of the same type (and, for people, the same gender) keeps the
sentence's wording, annotation and difficulty while making names
uninformative. Only mentions whose surface form is recognisably a name are
swapped: a role description ("المبعوث الأمريكي") or an unknown state phrase
("الجانب التركي") stays as written, so grammar is never broken on purpose.
Titles before a name stay ("الفريق أول" + new name), and "لل" fused with a
definite name stays fused.

Swaps draw from the train actor pools only, so dev and the seed gold keep
names the swapped copies never introduced.
"""

from __future__ import annotations

import random
import re
from typing import Any

from training.actors import Actor, Pools
from training.lexicon import geo, people

_TITLES = sorted(set(people.MILITARY_RANKS) | set(people.CIVIL_TITLES_M) | set(people.CIVIL_TITLES_F)
                 | {"الرئيس", "رئيس الوزراء", "الوزير", "الملك", "الأمير", "ولي العهد", "السلطان", "الجنرال"},
                 key=len, reverse=True)
_FEMALE_FIRST = frozenset(people.FEMALE_FIRST)
_MALE_FIRST = frozenset(people.MALE_FIRST)
# words that make a person mention a description rather than a name
_ROLE_WORDS = frozenset("""
رئيس وزير وزيرة سفير سفيرة قائد آمر مدير المبعوث مبعوث المتحدث متحدث ممثل نائب عضو ضيفه ضيفها نظيره نظيرته
الزائر الضيف والده والدهما نجل نجله شقيق شقيقه المسؤول مسؤول المستشار مستشار الأمين أمين محافظ عميد رئيسة
ولي الملك الأمير السلطان الرئيس الوزير القائد المدير النائب العام الجانب الوفد وفد
""".split())
_STATE_NAMES = {s.name: s for s in geo.STATES}
_STATE_NISBA = {}
for _s in geo.STATES:
    _STATE_NISBA[_s.nisba_m] = (_s, False)
    _STATE_NISBA[_s.nisba_f] = (_s, True)
_PLACES = frozenset(geo.PLACES)


def _split_title(text: str) -> tuple[str, str]:
    for t in _TITLES:
        if text.startswith(t + " "):
            return t + " ", text[len(t) + 1 :]
    return "", text


def _person_gender(name: str) -> bool | None:
    """True female, False male, None: not recognisably a personal name."""
    words = name.split()
    if not 2 <= len(words) <= 4 or any(w in _ROLE_WORDS for w in words):
        return None
    first = words[0]
    if first in _FEMALE_FIRST or name in people.FOREIGN_FEMALE:
        return True
    if first.startswith("ال") and first not in _MALE_FIRST:
        return None
    return False


class Swapper:
    """Draws consistent replacements (one per actor id) for one copy of a record."""

    def __init__(self, pools: Pools, rng: random.Random, p_swap: float = 0.85):
        self.pools = pools
        self.rng = rng
        self.p_swap = p_swap

    def _pick(self, items: list[Actor], used: set[str]) -> Actor | None:
        for _ in range(8):
            a = self.rng.choice(items)
            if a.id not in used:
                used.add(a.id)  # two actors of a sentence never become one
                return a
        return None

    def copy(self, rec: dict[str, Any], new_id: str) -> dict[str, Any] | None:
        """A swapped copy of `rec`, or None when nothing in it could be swapped."""
        by_id: dict[str, Actor | None] = {}
        used = {m["id"] for m in rec["mentions"]}
        sentence = rec["sentence"]
        out_text, pos, mentions, changed = "", 0, [], False
        for m in rec["mentions"]:
            text = m["text"]
            new_text, new_ident = self._replace(m, text, by_id, used)
            out_text += sentence[pos : m["start"]]
            if new_text.startswith("ال") and new_text != text and re.search(r"(?:^|\s)ل$", out_text):
                # "ل" + a new name with the article is spelled "لل..." ("للهادي", "للحكومة"), as in markup
                out_text = out_text[:-1]
                new_text = ("ل" if new_text.startswith("الل") else "لل") + new_text[2:]
            start = len(out_text)
            out_text += new_text
            mentions.append({"start": start, "end": len(out_text), "type": m["type"], "text": new_text,
                             "id": new_ident})
            pos = m["end"]
            changed |= new_text != text
        out_text += sentence[pos:]
        if not changed:
            return None
        return {**rec, "id": new_id, "sentence": out_text, "mentions": mentions,
                "source": rec.get("source", "handwritten") + "+swap"}

    def _replace(self, m: dict[str, Any], text: str, by_id: dict[str, Actor | None],
                 used: set[str]) -> tuple[str, str]:
        ident, typ = m["id"], m["type"]
        if typ == "PERSON":
            title, name = _split_title(text)
            fem = _person_gender(name)
            if fem is None and len(name.split()) == 1 and ident in by_id:  # surname of a swapped person
                a = by_id[ident]
                return (title + (a.short or a.name), a.id) if a else (text, ident)
            if fem is None:
                return text, ident
            if ident not in by_id:
                pool = self.pools.persons_f if fem else self.pools.persons_m
                by_id[ident] = self._pick(pool, used) if self.rng.random() < self.p_swap else None
            a = by_id[ident]
            return (title + a.name, a.id) if a else (text, ident)
        if typ == "STATE":
            if text in _STATE_NAMES or text in _STATE_NISBA:
                if ident not in by_id:
                    by_id[ident] = self._pick(self.pools.states, used) if self.rng.random() < self.p_swap else None
                a = by_id[ident]
                if a is None:
                    return text, ident
                if text in _STATE_NAMES:
                    return a.name, a.id
                fem_form = _STATE_NISBA[text][1]
                return (a.nisba_f if fem_form else a.nisba_m), a.id
            return text, ident
        if typ == "PLACE":
            if text in _PLACES:
                if ident not in by_id:
                    by_id[ident] = self._pick(self.pools.places, used) if self.rng.random() < self.p_swap else None
                a = by_id[ident]
                return (a.name, a.id) if a else (text, ident)
            return text, ident
        # ORGANIZATION: keep a fused "لل" and the definite article where the original had them
        fused = text.startswith("لل")
        if ident not in by_id:
            cands = [o for o in self.pools.orgs if not fused or o.name.startswith("ال")]
            by_id[ident] = self._pick(cands, used) if cands and self.rng.random() < self.p_swap else None
        a = by_id[ident]
        if a is None:
            return text, ident
        if fused:
            if not a.name.startswith("ال"):
                return text, ident
            return "لل" + a.name[2:], a.id
        return a.name, a.id


def swapped_copies(records: list[dict[str, Any]], pools: Pools, copies: int, seed: int) -> list[dict[str, Any]]:
    """`copies` actor-swapped versions of each record (fewer where nothing is swappable)."""
    rng = random.Random(f"swap-{seed}")
    sw = Swapper(pools, rng)
    out: list[dict[str, Any]] = []
    for rec in records:
        for k in range(copies):
            c = sw.copy(rec, f"{rec['id']}-s{k}")
            if c is not None:
                out.append(c)
    return out

