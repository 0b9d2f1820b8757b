"""Actor pools for the generator, split into disjoint train and dev halves.

Dev sentences draw people, bodies, states and places the train split never
shows, so dev accuracy measures whether the classifier learned cues and syntax
rather than names.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from training.lexicon import bodies, geo, people
from training.lexicon.slug import slugify

DEV_EVERY = 7  # every 7th entry of each list goes to dev


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    type: str  # PERSON | ORGANIZATION | STATE | PLACE
    fem: bool
    short: str = ""  # persons: family name alone ("حفتر")
    first: str = ""
    kind: str = ""  # organisations: see org_kind; persons: "foreign" or ""
    nisba_m: str = ""
    nisba_f: str = ""


@dataclass
class Pools:
    persons_m: list[Actor] = field(default_factory=list)
    persons_f: list[Actor] = field(default_factory=list)
    orgs: list[Actor] = field(default_factory=list)
    states: list[Actor] = field(default_factory=list)
    places: list[Actor] = field(default_factory=list)
    fathers: tuple[str, ...] = ()

    def orgs_of(self, kinds: frozenset[str]) -> list[Actor]:
        return [o for o in self.orgs if o.kind in kinds]


_KIND_PREFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ministry", ("وزارة",)),
    ("embassy", ("سفارة",)),
    ("army", ("الجيش", "القوات المسلحة", "رئاسة الأركان", "القيادة العامة", "الحرس الثوري", "البنتاغون")),
    ("unit", ("اللواء", "الكتيبة", "الفرقة", "السرية", "المجموعة", "كتيبة", "لواء", "سرية", "قوة", "غرفة",
              "تجمع", "جهاز", "قوات", "مجموعة", "الفيلق")),
    ("party", ("حزب", "تحالف", "حركة")),
    ("company", ("شركة", "مؤسسة", "المؤسسة", "مصرف", "الشركة")),
    ("gov", ("حكومة", "الحكومة")),
    ("council", ("مجلس", "المجلس", "البرلمان", "المفوضية", "هيئة", "ديوان", "اللجنة")),
    ("intl", ("الأمم", "بعثة", "الاتحاد", "جامعة", "منظمة", "حلف", "صندوق", "البنك", "المحكمة", "أفريكوم",
              "عملية", "الوكالة", "المفوضية السامية", "الصليب", "القيادة الأمريكية")),
)


def org_kind(name: str) -> str:
    """A coarse kind that decides which role words fit the organisation."""
    for kind, prefixes in _KIND_PREFIXES:
        if any(name == p or name.startswith(p + " ") for p in prefixes):
            return kind
    return "body"


def _split(items: list, dev: bool) -> list:
    return [x for i, x in enumerate(items) if (i % DEV_EVERY == DEV_EVERY - 1) == dev]


def build_pools(dev: bool, seed: int) -> Pools:
    """People are combinations of split name lists; everything else is split as listed."""
    rng = random.Random(f"pools-{seed}-{dev}")
    firsts = _split(list(people.MALE_FIRST), dev)
    ffirsts = _split(list(people.FEMALE_FIRST), dev)
    families = _split(list(people.FAMILY), dev)
    foreign = _split(list(people.FOREIGN_FULL), dev)
    pools = Pools(fathers=tuple(firsts))
    seen: set[str] = set()

    def person(first: str, family: str, fem: bool, kind: str = "") -> None:
        name = f"{first} {family}"
        if name in seen:
            return
        seen.add(name)
        actor = Actor(slugify(name), name, "PERSON", fem, short=family, first=first, kind=kind)
        (pools.persons_f if fem else pools.persons_m).append(actor)

    n_male = 900 if not dev else 250
    for _ in range(n_male):
        person(rng.choice(firsts), rng.choice(families), False)
    for _ in range(n_male // 6):
        person(rng.choice(ffirsts), rng.choice(families), True)
    for full in foreign:
        first, _, family = full.partition(" ")
        person(first, family, full in people.FOREIGN_FEMALE, "foreign")

    all_orgs = list(bodies.NAMED) + bodies.built_bodies()
    for name, fem in _split(all_orgs, dev):
        pools.orgs.append(Actor(slugify(name), name, "ORGANIZATION", fem, kind=org_kind(name)))
    for s in _split(list(geo.STATES), dev):
        pools.states.append(Actor(slugify(s.name), s.name, "STATE", s.fem, nisba_m=s.nisba_m, nisba_f=s.nisba_f))
    for p in _split(list(geo.PLACES), dev):
        pools.places.append(Actor(slugify(p), p, "PLACE", True))
    return pools
