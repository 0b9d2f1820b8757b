"""Turns a clause template plus sampled actors into text, spans and relations.

A template is plain Arabic with tokens in braces:
  {A}                 the actor in slot A (first use makes the mention)
  {l:A}               the same, after the clitic ل (ل + ال merge to لل outside the span)
  {v:masc|fem:A}      a word that agrees in gender with slot A
  {alt:x|y|z}         one of the plain alternatives
  {opt:x}             x or nothing
  {date} {topic} {event} {quote} {purpose} {num}   fillers (no actor)
Relations name slots: ("A", "B", "MET_WITH").
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from training.actors import Actor, Pools
from training.lexicon import fillers, people, roles
from training.lexicon.geo import CAPITALS

TOKEN = re.compile(r"\{([^{}]+)\}")

# slot kind -> list of (actor type / sub-kind, weight)
SLOT_KINDS: dict[str, tuple[tuple[str, float], ...]] = {
    "per": (("per", 1.0),),
    "pern": (("pern", 1.0),),  # a person without a role phrase (keeps mention counts small)
    "org": (("org", 1.0),),
    "unit": (("unit", 1.0),),
    "state": (("state", 1.0),),
    "side": (("side", 1.0),),
    "place": (("place", 1.0),),
    "dest": (("place", 0.65), ("state", 0.35)),
    "actor": (("per", 0.6), ("org", 0.22), ("state", 0.18)),
    "party": (("per", 0.72), ("org", 0.14), ("side", 0.06), ("state", 0.08)),
    "coll": (("org", 0.55), ("state", 0.45)),
    "cap": (("cap", 1.0),),
    "host": (("org", 0.4), ("state", 0.4), ("cap", 0.2)),
    "fighter": (("unit", 0.55), ("org", 0.2), ("state", 0.1), ("per", 0.15)),
}
ORG_KIND_WEIGHTS: tuple[tuple[str, float], ...] = (
    ("ministry", 0.6), ("embassy", 0.3), ("army", 0.9), ("unit", 1.4), ("party", 0.8), ("company", 0.6),
    ("gov", 0.8), ("council", 1.3), ("intl", 1.2), ("body", 0.4),
)


@dataclass
class Mention:
    start: int
    end: int
    type: str
    text: str
    id: str


@dataclass
class Built:
    """A sentence under construction: text so far, mentions and relations by index."""

    text: str = ""
    mentions: list[Mention] = field(default_factory=list)
    relations: list[tuple[int, int, str, bool]] = field(default_factory=list)
    phenomena: set[str] = field(default_factory=set)
    used: set[str] = field(default_factory=set)

    def add(self, s: str) -> None:
        self.text += s

    def mention(self, s: str, actor: Actor) -> int:
        start = len(self.text)
        self.text += s
        self.mentions.append(Mention(start, start + len(s), actor.type, s, actor.id))
        self.used.add(actor.id)
        return len(self.mentions) - 1


class Sampler:
    """Draws actors and fillers, never the same actor twice in one sentence."""

    def __init__(self, rng: random.Random, pools: Pools) -> None:
        self.rng = rng
        self.pools = pools
        self._by_kind: dict[str, list[Actor]] = {}
        for o in pools.orgs:
            self._by_kind.setdefault(o.kind, []).append(o)

    def pick(self, items: list[Actor], used: set[str]) -> Actor:
        for _ in range(50):
            a = self.rng.choice(items)
            if a.id not in used:
                return a
        free = [a for a in items if a.id not in used]
        if not free:  # a tiny dev sub-pool can run out: fall back to any actor of the type
            everything = {"PERSON": self.pools.persons_m, "ORGANIZATION": self.pools.orgs,
                          "STATE": self.pools.states, "PLACE": self.pools.places}[items[0].type]
            free = [a for a in everything if a.id not in used]
        return self.rng.choice(free)

    def weighted(self, options: tuple[tuple[str, float], ...]) -> str:
        names = [o for o, _ in options]
        return self.rng.choices(names, weights=[w for _, w in options])[0]

    def org(self, used: set[str], kinds: frozenset[str] | None = None) -> Actor:
        options = tuple((k, w) for k, w in ORG_KIND_WEIGHTS if k in self._by_kind and (kinds is None or k in kinds))
        if not options:
            return self.pick(self.pools.orgs, used)
        return self.pick(self._by_kind[self.weighted(options)], used)

    def actor(self, kind: str, used: set[str]) -> tuple[Actor, str]:
        """An actor for a slot kind, and how to render it (per/pern/org/state/side/place/unit)."""
        sub = self.weighted(SLOT_KINDS[kind])
        if sub in ("per", "pern"):
            pool = self.pools.persons_f if self.rng.random() < 0.1 else self.pools.persons_m
            return self.pick(pool, used), sub
        if sub == "unit":
            return self.org(used, frozenset({"unit", "army"})), "org"
        if sub == "org":
            return self.org(used), "org"
        if sub in ("state", "side"):
            return self.pick(self.pools.states, used), sub
        if sub == "cap":
            with_capital = [a for a in self.pools.states if a.name in CAPITALS] or self.pools.states
            a = self.pick(with_capital, used)
            return a, ("cap" if a.name in CAPITALS else "state")
        return self.pick(self.pools.places, used), "place"

    def filler(self, name: str) -> str:
        r = self.rng
        if name == "date":
            pat = r.choice(fillers.DATE_PATTERNS)
            return pat.format(day=r.choice(fillers.DAYS), n=r.randint(1, 28), month=r.choice(fillers.MONTHS),
                              year=r.choice(fillers.YEARS), m=r.randint(1, 12))
        if name == "topic":
            return r.choice(fillers.TOPICS)
        if name == "event":
            return r.choice(fillers.EVENTS)
        if name == "quote":
            q = r.choice(fillers.QUOTES)
            return f"«{q}»" if r.random() < 0.6 else f"“{q}”"
        if name == "purpose":
            return r.choice(fillers.PURPOSES).format(topic=r.choice(fillers.TOPICS), event=r.choice(fillers.EVENTS))
        if name == "num":
            return str(r.choice((2, 3, 5, 10, 12, 15, 20, 30, 50, 100, 200, 300, 1500)))
        raise KeyError(name)


def _l_join(b: Built, text: str) -> str:
    """ل before ال: the alef drops (ل + الفريق = للفريق)."""
    return "ل" + text[1:] if text.startswith("ال") else "ل" + text


def render_actor(b: Built, s: Sampler, actor: Actor, how: str, clitic_l: bool, may_appose: bool) -> int:
    """Write one actor (with any title or role phrase) and return its mention index."""
    r = s.rng
    if how in ("org", "place", "state"):
        if clitic_l and actor.name.startswith("ال"):
            # ل fused with the article cannot be split off: the span keeps it ("للجيش الوطني الليبي")
            return b.mention("لل" + actor.name[2:], actor)
        if clitic_l:
            b.add("ل")
        return b.mention(actor.name, actor)
    if how == "cap":  # a capital acting for its state ("باريس تستضيف") is the state
        return b.mention(CAPITALS[actor.name], actor)
    if how == "side":
        if clitic_l:  # "للجانب" would cut the span; write the state's name instead
            b.add("ل")
            return b.mention(actor.name, actor)
        return b.mention("الجانب " + actor.nisba_m, actor)
    return _render_person(b, s, actor, how == "per", clitic_l, may_appose)


def _prefix(b: Built, prefix: str, clitic_l: bool, first: list[bool]) -> None:
    if first[0] and clitic_l:
        b.add(_l_join(b, prefix))
    else:
        b.add(prefix)
    first[0] = False


def _render_person(b: Built, s: Sampler, p: Actor, with_role: bool, clitic_l: bool, may_appose: bool) -> int:
    r = s.rng
    full = p.name
    if p.kind != "foreign" and r.random() < 0.25:
        father = r.choice(s.pools.fathers)
        full = f"{p.first} {father} {p.short}"
    first = [True]  # whether the clitic has not been written yet
    roll = r.random()
    extra: list[tuple[Actor, str]] = []  # role organisations/states to mention after the name
    if with_role and roll < 0.16:
        # role phrase with a named organisation or state before the name
        if r.random() < 0.6:
            role = r.choice(roles.ORG_ROLES)
            org = s.org(b.used | {p.id}, role.kinds)
            word = role.fem if p.fem else role.masc
            _prefix(b, word + " ", clitic_l, first)
            oi = b.mention(org.name, org)
        else:
            role = r.choice(roles.STATE_ROLES)
            st = s.pick(s.pools.states, b.used | {p.id})
            word = role.fem if p.fem else role.masc
            _prefix(b, word + " ", clitic_l, first)
            oi = b.mention(st.name, st)
            if role.masc == "سفير" and r.random() < 0.5:
                host = s.pick(s.pools.states, b.used | {p.id})
                b.add(" لدى ")
                b.mention(host.name, host)
        b.add(" ")
        pi = b.mention(full, p)
        b.relations.append((pi, oi, "AFFILIATED_WITH", False))
        b.phenomena.add("role_phrase")
        return pi
    if with_role and may_appose and roll < 0.22:
        pi = _name_with_title(b, s, p, full, clitic_l, first)
        role = r.choice(roles.ORG_ROLES)
        org = s.org(b.used, role.kinds)
        b.add("، " + (role.fem if p.fem else role.masc) + " ")
        oi = b.mention(org.name, org)
        b.add("،")
        b.relations.append((pi, oi, "AFFILIATED_WITH", False))
        b.phenomena.add("apposition")
        return pi
    if with_role and roll < 0.32:
        # "وزير الخارجية التركي X": the nisba is the state's mention (seeds/ANNOTATION.md rule 4)
        nisba_state = s.pick(s.pools.states, b.used | {p.id})
        masc, fem = r.choice(roles.NISBA_ROLES)
        adj = nisba_state.nisba_f if p.fem else nisba_state.nisba_m
        _prefix(b, f"{fem if p.fem else masc} ", clitic_l, first)
        si = b.mention(adj, nisba_state)
        b.add(" ")
        pi = b.mention(full, p)
        b.relations.append((pi, si, "AFFILIATED_WITH", False))
        b.phenomena.add("nisba_role")
        return pi
    return _name_with_title(b, s, p, full, clitic_l, first)


def _name_with_title(b: Built, s: Sampler, p: Actor, full: str, clitic_l: bool, first: list[bool]) -> int:
    r = s.rng
    roll = r.random()
    if roll < 0.45 or p.kind == "foreign":
        if first[0] and clitic_l:
            b.add("ل")
            first[0] = False
        return b.mention(full, p)
    if p.fem:
        title = r.choice(people.CIVIL_TITLES_F)
    else:
        title = r.choice(people.MILITARY_RANKS if r.random() < 0.55 else people.CIVIL_TITLES_M)
    name = p.short if (roll > 0.85 and not p.fem) else full
    if r.random() < 0.55 and not (clitic_l and first[0]):
        first[0] = False
        return b.mention(f"{title} {name}", p)
    _prefix(b, title + " ", clitic_l, first)
    return b.mention(name, p)


@dataclass(frozen=True)
class Clause:
    """One clause template: text with slots, the relations it states, its form."""

    id: str
    text: str
    slots: dict[str, str]
    rels: tuple[tuple[str, str, str], ...] = ()
    form: str = "vf"  # vf (verb first) | sf (subject first) | nom | pass | masdar | head (headline)
    tags: tuple[str, ...] = ()
    hedged: bool = False
    dev: bool = False


def render_clause(b: Built, s: Sampler, c: Clause, hedged: bool = False) -> dict[str, int]:
    """Append the clause to b; record its relations; return slot -> mention index."""
    actors: dict[str, tuple[Actor, str]] = {}
    for slot in sorted(c.slots):
        a, how = s.actor(c.slots[slot], b.used | {x.id for x, _ in actors.values()})
        actors[slot] = (a, how)
    b.used.update(a.id for a, _ in actors.values())  # role phrases must not pick a slot's actor
    idx: dict[str, int] = {}
    pos = 0
    text = c.text
    for m in TOKEN.finditer(text):
        b.add(text[pos:m.start()])
        pos = m.end()
        tok = m.group(1)
        if tok in actors or tok.startswith("l:"):
            slot = tok[2:] if tok.startswith("l:") else tok
            a, how = actors[slot]
            if slot in idx:
                raise ValueError(f"{c.id}: slot {slot} used twice")
            rest = text[m.end():m.end() + 1]
            may_appose = rest in (" ",) and not text[m.end():].startswith(" و")
            idx[slot] = render_actor(b, s, a, how, tok.startswith("l:"), may_appose)
        elif tok.startswith("v:"):
            _, words, slot = tok.split(":")
            masc, fem = words.split("|")
            b.add(fem if actors[slot][0].fem else masc)
        elif tok.startswith("alt:"):
            b.add(s.rng.choice(tok[4:].split("|")))
        elif tok.startswith("opt:"):
            if s.rng.random() < 0.5:
                b.add(tok[4:])
        else:
            if tok == "date":
                b.phenomena.add("date")
            if tok == "quote":
                b.phenomena.add("quote")
            b.add(s.filler(tok))
    b.add(text[pos:])
    for sa, sb, label in c.rels:
        appositive = label.endswith("!")  # kinship/role stated in passing: the writer's own, not hedged
        label = label.rstrip("!")
        b.relations.append((idx[sa], idx[sb], label, (hedged or c.hedged) and not appositive))
    b.phenomena.update(c.tags)
    return idx
