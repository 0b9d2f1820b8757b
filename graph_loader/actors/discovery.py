"""Discovery of actors the registry does not know: titled people, headed organisations, places.

Precision first: a person needs a title or role before the name (or a role
in apposition after it) and a name that looks like one (its first word a
known given name in the romanizer's dictionary, or, after a strong title,
two undeclined foreign-looking words); an organisation needs a head noun and
a complement that names it, not one that only describes it ("المؤسسة
العسكرية", "قوة مشتركة" are descriptions). Generic groups ("مراقبون", "عدد
من القيادات") never become actors. Ids are deterministic (see latin.py).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Sequence

from graph_loader.actors.latin import entity_id, is_given_name, is_name_word, name_counts, person_id, romanize
from graph_loader.actors.lexicon import (
    COLLECTIVE_PLACE_NOUNS, FORCE_BRANCH_WORDS, GENERIC_GROUP_WORDS, GENERIC_MODIFIERS, NAME_STOPWORDS, ORG_HEAD_KEYS, PLACE_HEADS,
    PLACE_HEADS_DEFINITE_NAMES, PROPER_NAME_ORG_HEADS, TRAVEL_WORDS, WEAK_ORG_HEADS,
)
from graph_loader.actors.roles import match_head, match_rank
from graph_loader.model import Actor, ActorType
from graph_loader.text.normalize import clitic_forms, normalize, strip_article

if TYPE_CHECKING:
    from graph_loader.actors.registry import Registry

_ARABIC_WORD = re.compile(r"^[\u0621-\u064a]+$")
_DIGITS = re.compile(r"^\d+$")
BRIGADE_HEADS = frozenset(normalize(w) for w in (
    "كتيبة", "الكتيبة", "لواء", "سرية", "فرقة", "جبهة", "حركة", "الحركة", "حزب", "تجمع", "مجموعة", "تحالف",
    "ائتلاف", "تنظيم", "كتائب", "ميليشيا", "مليشيا",
))
_RANK_WORDS = frozenset(normalize(w) for w in ("رتبة", "برتبة", "لرتبة", "الرتبة"))
ARMED_FORCES_HEADS = frozenset(normalize(w) for w in (
    "القوات", "قوات", "الجيش", "جيش", "الشرطة", "شرطة", "الحرس", "حرس", "الدرك", "درك", "قوى", "خفر",
))
_DEFINITE_NOT_NAMES = frozenset(normalize(w) for w in ("السيد", "السيدة", "الحاج", "العربي", "الأمين", "الشيخ", "الأمير"))
NAME_PARTICLES = frozenset(normalize(w) for w in ("عبد", "أبو", "ابو", "بن", "بو", "ابن", "آل", "ولد", "أبي"))


# verbs written with "أل" that normalise to a definite-looking word ("ألقت الشرطة ...")
_HAMZA_LAM_VERBS = frozenset(normalize(w) for w in (
    "ألقى", "ألقت", "ألغى", "ألغت", "ألزم", "ألزمت", "ألمح", "ألمحت", "ألحق", "ألحقت", "ألقوا", "ألف", "ألفت",
))


def is_definite(word: str) -> bool:
    if word in _HAMZA_LAM_VERBS or (word[:1] in "وف" and word[1:] in _HAMZA_LAM_VERBS):
        return False
    return any(form.startswith("ال") for form, _ in clitic_forms(word)) or word.startswith("لل")


@dataclass
class Found:
    """A discovered actor and the words of the sentence that name it."""

    actor: Actor
    start: int  # token index
    length: int  # tokens
    peeled: int = 0  # clitic letters before the name in the first token
    affiliations: list[str] = field(default_factory=list)


def person_name_length(
    words: Sequence[str], p: int, breaks: Sequence[bool], registry: "Registry", strong_title: bool,
    raw: Sequence[str] | None = None, titled: bool = False, role_before: bool = False,
) -> int:
    """How many words from p form a person's name (0 when they do not look like one).

    `raw` (the tokens as written) tells "علي" (Ali) from "على" (on), which normalise alike.
    `role_before`: a role phrase comes right before p, so a known given name may be followed by a
    family name the dictionary lacks ("المتحدثة باسم الحكومة يولاند ماكولو").
    """
    n = 0
    limit = min(p + 5, len(words))
    j = p
    while j < limit:
        w = words[j]
        if j > p and breaks[j]:
            break
        ali = raw is not None and ((w == "علي" and raw[j].endswith("ي")) or (w == "ان" and raw[j] == "آن"))  # Ali, Anne
        if not _ARABIC_WORD.match(w) or (w in NAME_STOPWORDS and not ali) or w in GENERIC_GROUP_WORDS \
                or w in _REGION_ADJECTIVES:
            break
        if j > p and (registry.nisba(w) or match_head(words[j:])[0] or match_rank(words[j:])) \
                and not _compound_given_name(words, p, j, breaks, registry):
            break
        if j > p and w[0] in "وف" and len(w) > 3 and not is_name_word(w, 3) and w not in NAME_PARTICLES \
                and not _f_initial_name(w):
            break
        n += 1
        j += 1
    if n == 0:
        return 0
    first = words[p]
    if any(f in ORG_HEAD_KEYS for f, _ in clitic_forms(first)):
        return 0  # "معهد هدسون", "حزب X": an organisation's head noun never starts a person's name
    if first in NAME_PARTICLES and n >= 2:
        known_first = is_name_word(words[p + 1])
    elif is_definite(first) and not (first[0] in "وفبلك" and is_given_name(first)):  # "فاليري" is a name, not ف+ال
        # a few given names carry the article (الطاهر، المهدي، الهادي، الصديق); common words do not count
        known_first = first not in _DEFINITE_NOT_NAMES and name_counts(first)[0] >= 8
    else:
        known_first = is_given_name(first)
    if known_first:
        # later words must look like names too; stop at the first that does not
        k = 2 if first in NAME_PARTICLES else 1  # "عبد الله", "أبو بكر": the particle's word is the first name
        first_end = k
        # a family name the dictionary lacks may follow the first name: after a strong title or a post
        # tied to a body, or after a very common given name ("الوزير محمد قطرنجي", "عبد الرحمن عقوب")
        common_first = first_end == 2 or is_given_name(first, 50)
        while k < n:
            w = words[p + k]
            if w in NAME_PARTICLES or words[p + k - 1] in NAME_PARTICLES or _later_name_word(w) or \
                    (k == first_end and (strong_title or titled or role_before or common_first) and _family_name_looking(w)) or \
                    (k == first_end and role_before and is_given_name(w) and w not in common_words()):
                # "السفير إريك جيرار": after a post, a given name may be the family name too; after a
                # rank a surname alone is common ("وأكد الفريق خليفة اعتزاز القوات": Khalifa, then a noun)
                k += 1
                continue
            if (strong_title or titled or role_before) and k + 1 < n and is_name_word(w) and w not in common_words() \
                    and _foreign_looking(words[p + k + 1]):
                k += 1  # a second given name before a foreign family name ("جان إيف لودريان")
                first_end = k
                continue
            break
        n = min(k, n)  # a particle with nothing after it ("أبو" ending a sentence) names no one
        while n > 1 and words[p + n - 1] in NAME_PARTICLES:
            n -= 1
        return n if n >= 2 else 0
    if not (strong_title or titled or role_before) or n < 2:
        return 0
    # foreign names after a strong title or a post tied to a body ("رئيس الوزراء الهندي ناريندرا مودي"):
    # exactly two undeclined words that are not ordinary words ("بول سولير", "جيرمي برنت")
    first, second = words[p : p + 2]
    if _foreign_looking(first, allow_final_alef=True) and (_foreign_looking(second, after_given_name=True) or is_name_word(second)) \
            and not (first.endswith("ا") and second.endswith("ا")):
        return 2
    if strong_title and is_name_word(first) and first not in common_words() and _family_name_looking(second):
        return 2  # "سفير فرنسا تيري فالا": a name the dictionary knows, though rarely as a given name
    return 0


def _compound_given_name(words: Sequence[str], p: int, j: int, breaks: Sequence[bool], registry: "Registry") -> bool:
    """"محمد الأمين سويف": a one-word post that is also a frequent given name, right after a frequent
    first name and before another name word, is the second part of the name, not a new role."""
    w = words[j]
    if j != p + 1 or j + 1 >= len(words) or breaks[j + 1] or registry.nisba(w) or match_rank(words[j:]):
        return False
    if match_head(words[j:])[0] != 1 or name_counts(w)[0] < 20 or not is_given_name(words[p], 50):
        return False
    nxt = words[j + 1]
    return _later_name_word(nxt) and nxt not in NAME_STOPWORDS and not registry.nisba(nxt) \
        and not match_head(words[j + 1:])[0] and nxt not in common_words()


def _family_name_looking(word: str) -> bool:
    """After a known given name and a title: a family name the dictionary lacks ("السقوطري", "زاخاروفا")."""
    if is_definite(word):
        bare = strip_article(word)
        return len(bare) >= 3 and word not in GENERIC_MODIFIERS and not any(f in ORG_HEAD_KEYS for f, _ in clitic_forms(word)) \
            and sum(name_counts(word)) < 2
    return _foreign_looking(word, allow_final_alef=True, after_given_name=True)


def _later_name_word(word: str) -> bool:
    """A father's or family name: seen as a surname, or a common given name (fathers' names are given names)."""
    given, surname = name_counts(word)
    if given < 20 and not is_definite(word) and word in common_words():
        return False  # "جان إيف لودريان زيارة": an ordinary word the dictionary once saw as a surname
    return surname >= 1 or given >= 20


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Ordinary words of the project's prose (training/common_words.py): never a foreign name."""
    path = Path(__file__).with_name("data") / "common_words.txt"
    if not path.exists():
        return frozenset()
    return frozenset(w for w in path.read_text(encoding="utf-8").split() if w)


def _foreign_looking(word: str, allow_final_alef: bool = False, after_given_name: bool = False) -> bool:
    """Could be a transliterated foreign name: unknown to the name dictionary and to ordinary prose, not
    declined, no conjunction, no pronoun ending."""
    if sum(name_counts(word)) >= 2:
        return False  # a known word of the dictionary that is not a given name: a noun, not a foreign name
    common = common_words()
    if word.endswith("ا") and not allow_final_alef and (not common or word[:-1] in common or len(word) < 5):
        return False  # an accusative noun ("سفيرا"); "إيتيفا", "زاخاروفا" end so too
    if len(word) < 3 or is_definite(word) or (word[0] in "وف" and not (after_given_name and _f_initial_name(word))):
        return False
    if word in common:
        return False
    if word.endswith(("ه", "ها", "هم", "نا")) and not is_name_word(word):
        stem = word[:-2] if word.endswith(("ها", "هم", "نا")) else word[:-1]
        if not common or len(word) < 4 or stem in common or stem + "ه" in common:
            return False  # a noun with a pronoun ("تهانيه"); "سيبيها" is a name whose stem is no word
    if len(word) == 4 and word[0] in "يتن" and not (common and (word.endswith("ي") or after_given_name)):
        return False  # the imperfect verb pattern (يبرز، تؤكد), not a name; "تامي", "(متين) يلدز" are
    return word not in NAME_STOPWORDS and word not in GENERIC_GROUP_WORDS


def _f_initial_name(word: str) -> bool:
    """A later name word that starts with ف ("فاغن", "فييرا", "فالا"): not ف + an ordinary word ("فأكد",
    "فالتقى", "فقد"). و stays a conjunction: a name after a first name rarely starts with it."""
    rest = word[1:]
    return word[0] == "ف" and len(word) >= 4 and rest not in common_words() and rest not in NAME_STOPWORDS \
        and not is_definite(rest) and word not in common_words()


def make_person(name: str, registry: "Registry") -> Actor:
    actor_id = person_id(name)
    known = registry.actors.get(actor_id)
    if known is not None and (known.id not in registry.discovered or normalize(known.name) != normalize(name)):
        actor_id = f"{actor_id}-{entity_id('p', name).rsplit('-', 1)[-1]}"
    return Actor(id=actor_id, name=name, type=ActorType.PERSON, name_en=romanize(name), source="discovered")


def state_body_length(words: Sequence[str], i: int, breaks: Sequence[bool], registry: "Registry") -> tuple[int, str | None]:
    """(2, state) for a state's body named by its nisba alone: "الخارجية الإماراتية", "البرلمان التركي",
    "السلطات التشادية" are organisations of that state, as the project's annotation has them. Only
    outside a role phrase: in "وزير الخارجية المصري" the nisba stays the state."""
    if i + 1 >= len(words) or breaks[i + 1] or not any(f in _STATE_BODY_HEADS for f, _ in clitic_forms(words[i])):
        return 0, None
    state = registry.nisba(words[i + 1])
    if state is None or words[i + 1][0] == "و" or registry.actors[state].type != ActorType.STATE:
        return 0, None
    return 2, state


def org_length(
    words: Sequence[str],
    i: int,
    breaks: Sequence[bool],
    registry: "Registry",
    span_at: Callable[[int], tuple[str, int, int] | None],
) -> tuple[int, str | None, list[str]]:
    """(tokens, country id, affiliated org ids) of an organisation named from a head noun at i; 0 if none."""
    head_forms = [f for f, _ in clitic_forms(words[i])]
    head = next((f for f in head_forms if f in ORG_HEAD_KEYS), None)
    if head is None:
        return 0, None, []
    if i > 0 and words[i - 1] in _RANK_WORDS:
        return 0, None, []  # "رتبة لواء": a rank, not a brigade
    if words[i] in _PREPOSITIONAL_MASDARS:
        return 0, None, []  # "وفد برئاسة المبعوث", "لإدارة قطاع غزة": headed by, to run; no body
    nxt = words[i + 1] if i + 1 < len(words) and not breaks[i + 1] else ""
    if head == _ARM and nxt not in FORCE_BRANCH_WORDS:
        return 0, None, []  # "سلاح الجو" is a branch, "سلاح المقاومة" a weapon
    if head in _DIWAN and match_head(list(words[i + 1:]))[0]:
        return 0, None, []  # "مدير ديوان الرئيس التشادي": the office of a post, whose state the role names
    if head == _ZONE and nxt != _MILITARY:
        return 0, None, []  # "المنطقة العسكرية الغربية" is a command, "المنطقة الشرقية" a region
    if head.startswith("ال") and head_forms[0] == head and i > 0 and not breaks[i] and is_definite(words[i - 1]) \
            and words[i - 1] not in NAME_STOPWORDS:
        return 0, None, []  # "الجريمة المنظمة": a definite head right after a definite noun is its adjective
    if head in _MILITIA_HEADS and i + 1 < len(words) and not breaks[i + 1] and (
            span_at(i + 1) is not None or any(f in ORG_HEAD_KEYS for f, _ in clitic_forms(words[i + 1]))):
        return 0, None, []
    brigade = head in BRIGADE_HEADS
    definite_head = head.startswith("ال")
    j = i + 1
    mods: list[str] = []
    country: str | None = None
    parts: list[str] = []
    proper = False  # a proper word names it ("شركة توساش"), however generic the rest
    while j < len(words) and j - i <= 7:
        if breaks[j]:
            break
        w = words[j]
        if w in NAME_STOPWORDS or w in GENERIC_GROUP_WORDS or (w[0] in "لبك" and w[1:] in NAME_STOPWORDS):
            break
        if w in _TIME_WORDS or w in _CLAUSE_PARTICIPLES:
            break  # "للجنة التنفيذية الأسبوع المقبل", "اللجنة الرباعية المكونة من ...": the name has ended
        if j > i and w[0] in "بو" and w[1:].startswith("بال" if w[0] == "و" else "ال") and registry.nisba(w) is None \
                and span_at(j) is None:
            break  # "متهمة المنظمة الإقليمية بالابتعاد عن ...": a ب phrase is the verb's, not the name's
        if j == i + 1 and not definite_head and w[0] == "ل" and not w.startswith("لل") and head not in _PROPER_HEADS:
            break  # "بعثة لتقصي الحقائق": an indefinite head with a purpose phrase is a description
        if match_rank(words[j:]):
            break  # "قائد الحرس الرئاسي الجنرال صالح ديبي": the rank starts the next name
        hit = span_at(j)
        if hit is not None:
            actor = registry.actors.get(hit[0])
            if actor is None or actor.type == ActorType.PERSON or (w[0] == "و" and hit[2] > 0) \
                    or (actor.type == ActorType.PLACE and (hit[2] > 0 or head == _ZONE or (definite_head and j == i + 1))):
                # a person, a coordinated actor ("شرطة الاحتلال والشرطة الإسرائيلية"), a location ("... بطرابلس"),
                # a place after a definite head, which takes no genitive ("زار رئيس المفوضية سبها")
                break
            if actor.type == ActorType.STATE:
                country = country or actor.id
            else:
                parts.append(actor.id)
            j += hit[1]
            if actor.type in (ActorType.PLACE, ActorType.STATE) and j < len(words) and not breaks[j] \
                    and words[j].startswith("ال") and not strip_article(words[j]).endswith(("ي", "يه", "ه", "ى")) \
                    and words[j] not in GENERIC_MODIFIERS and registry.nisba(words[j]) is None and span_at(j) is None:
                break  # "المجلس البلدي مصراتة [القرار]": a noun after the place is the verb's object
            continue
        state = registry.nisba(w)
        if state is not None:
            if registry.actors[state].type == ActorType.STATE:
                country = country or state
            else:
                parts.append(state)
            j += 1
            if j < len(words) and not breaks[j] and registry.nisba(words[j]) is None:
                break  # a nisba closes the name: "وزارة الداخلية المصرية [القبض على ...]"
            continue
        if (j > i + 1 or w[0] == "و") and (match_head(words[j:])[0] or any(
                f in ORG_HEAD_KEYS and f not in _CONDITIONAL_HEADS for f, _ in clitic_forms(w)[1:])):
            break  # a role or a body of its own ("الاتحاد والرئيس قيس سعيد"): not part of this name
        if _DIGITS.match(w):
            mods.append(w)
            j += 1
            continue
        if is_definite(w):
            if j > i + 1 and words[j - 1].startswith("لل") and registry.nisba(w) is None \
                    and not strip_article(w).endswith(("يه", "ي")) and w not in GENERIC_MODIFIERS:
                break  # "المفوضية العليا للانتخابات [النتائج ...]": a noun after the genitive is the verb's object
            mods.append(strip_article(w))
            j += 1
            continue
        if w[0] == "ل" and j + 1 < len(words) and not breaks[j + 1] and is_definite(words[j + 1]):
            # "المفوضية السامية لحقوق الإنسان"; a "ب" phrase is not part of a name ("الحكومة بتجاهل السيادة")
            mods.append(w[1:])
            j += 1
            continue
        if head in _PROPER_HEADS and j - i <= 3 and _proper_word(w, head in _TRIBE_HEADS):
            mods.append(w)
            proper = True
            j += 1
            continue
        if head in _PROPER_HEADS and j == i + 1 and w[0] not in "وف" and _ARABIC_WORD.match(w) \
                and j + 1 < len(words) and not breaks[j + 1] and words[j + 1].startswith("لل"):
            mods.append(w)  # a name before its field: "مركز عمران للدراسات", "مؤسسة كارنيغي للسلام"
            proper = True
            j += 1
            continue
        if head in _MILITIA_HEADS and j == i + 1 and w[0] not in "وف" and _ARABIC_WORD.match(w) \
                and j + 1 < len(words) and not breaks[j + 1] and is_definite(words[j + 1]) \
                and words[j + 1] not in GENERIC_MODIFIERS and words[j + 1] not in NAME_STOPWORDS:
            mods.append(w)  # a construct name: "قوات درع الوسطى", "كتائب سيد الشهداء"
            j += 1
            continue
        if brigade and not definite_head and _ARABIC_WORD.match(w) and j - i <= 3 and w[0] not in "وف":
            mods.append(w)
            j += 1
            continue
        break
    n = j - i
    if n <= 1:
        return 0, None, []
    if proper:
        return n, country, parts
    if not parts and mods and all(m in GENERIC_BARE for m in mods) and not (country and head in ARMED_FORCES_HEADS):
        return 0, None, []  # "المؤسسة العسكرية الليبية": a description (but "السفارة البريطانية" names one)
    if not parts and not mods and (country is None or head in WEAK_ORG_HEADS or not definite_head):
        # "المؤسسة العسكرية (الليبية)", "شركة أمريكية": a description; the nisba alone may still name the state
        return 0, None, []
    if not parts and country is None and head in WEAK_ORG_HEADS and len(mods) < 2 \
            and not (mods and mods[0] in _BRANCHES):
        return 0, None, []  # "القوات المشاركة" describes; "القوات البرية", "رئاسة الأركان" name
    return n, country, parts


GENERIC_BARE = frozenset(strip_article(m) for m in GENERIC_MODIFIERS)  # without the article ("موازيه", "مشتركه")
_REGION_ADJECTIVES = frozenset(normalize(w) for w in (
    "خليجي", "خليجية", "عربي", "عربية", "أفريقي", "أفريقية", "إفريقي", "آسيوي", "آسيوية", "أوروبي", "أوروبية",
    "لاتيني", "غربي", "غربية", "شرقي", "شرقية", "أممي", "أممية", "دولي", "دولية", "إقليمي", "إقليمية", "أجنبي",
    "أجنبية", "رفيع", "رفيعة", "رفيعا", "كبير", "كبيرة", "بارز", "بارزة", "سابق", "سابقة",
))
_PREPOSITIONAL_MASDARS = frozenset(normalize(w) for w in (
    "برئاسة", "وبرئاسة", "لإدارة", "ولإدارة", "لقيادة", "ولقيادة", "بقيادة", "وبقيادة",
))
_CLAUSE_PARTICIPLES = frozenset(normalize(w) for w in (
    "المكونة", "المكون", "المؤلفة", "المؤلف", "المشكلة", "المشكل", "المنبثقة", "المنبثق",
))
_TIME_WORDS = frozenset(normalize(w) for w in (
    "الأسبوع", "الأسابيع", "الشهر", "الأشهر", "الأيام", "الساعات", "الجاري", "الجارية", "الماضي", "الماضية",
    "المنصرم", "المنصرمة", "الفائت", "الفائتة",
))
_BRANCHES = frozenset(strip_article(m) for m in FORCE_BRANCH_WORDS)
_ARM, _ZONE, _MILITARY = normalize("سلاح"), normalize("المنطقة"), normalize("العسكرية")
# heads that are ordinary nouns inside another name ("كتلة الوفاء للمقاومة", "الهيئة العامة للمنطقة الاقتصادية")
_DIWAN = frozenset(normalize(w) for w in ("الديوان", "ديوان"))
_CONDITIONAL_HEADS = frozenset(normalize(w) for w in ("المقاومة", "المنطقة", "التجمع", "الديوان", "ديوان", "سلاح"))
# plural militia heads: a name of their own ("كتائب سيد الشهداء"), but "ألوية الحزام الأمني" is the
# registered body with a head noun before it, and "قوات حرس الحدود" names the guard, not new forces
_MILITIA_HEADS = frozenset(normalize(w) for w in ("كتائب", "ألوية", "سرايا", "فيلق"))
_PROPER_HEADS = frozenset(normalize(h) for h in PROPER_NAME_ORG_HEADS)
_STATE_BODY_HEADS = frozenset(normalize(w) for w in (
    "الخارجية", "الرئاسة", "السلطات", "البرلمان", "البحرية", "المخابرات", "الاستخبارات", "الداخلية", "الشرطة",
    "القضاء",  # "القضاء الجزائري"; "القضاء على" is not followed by a nisba
))
_REGION_WORDS = frozenset(normalize(w) for w in ("شمال", "جنوب", "شرق", "غرب", "وسط", "أعالي", "نهر", "جبل", "بحر"))
_TO_WORDS = frozenset(normalize(w) for w in ("إلى", "الى", "في", "لـ"))
_TRIBE_HEADS = frozenset(normalize(h) for h in ("قبيلة", "عشيرة", "عشائر", "قبائل"))


def _proper_word(word: str, head_is_tribe: bool = False) -> bool:
    """An undeclined word that the project's prose never uses as an ordinary word: part of a name."""
    if not _ARABIC_WORD.match(word) or len(word) < 2 or is_definite(word):
        return False
    if word in NAME_STOPWORDS or word in GENERIC_GROUP_WORDS or word in GENERIC_MODIFIERS:
        return False
    common = common_words()
    if not common or word in common or (word[0] in "وفبل" and word[1:] in common):
        return False
    if word.endswith("يه") or (word.endswith("ي") and (word[:-1] in common or word + "ه" in common)):
        return False  # an indefinite adjective ("يسارية", "يساري"), not a name
    if word.endswith("ه") and not head_is_tribe:
        return False  # "شركة ناشئة"; tribes keep theirs ("قبيلة ورفلة")
    given, surname = name_counts(word)
    return not (given >= 5 and given > surname) and not (len(word) == 4 and word[0] in "يتن")


def make_org(name: str, country: str | None, parts: list[str]) -> Actor:
    return Actor(
        id=entity_id("org", name), name=name, type=ActorType.ORGANIZATION, country=country,
        affiliations=list(parts), source="discovered",
    )


def place_length(words: Sequence[str], i: int, breaks: Sequence[bool], span_at) -> int:
    """Tokens of a place named after a place noun ("مدينة ترهونة" -> 1 for "ترهونة"); 0 if none."""
    forms = {f for f, _ in clitic_forms(words[i])}
    if not forms & PLACE_HEADS or i + 1 >= len(words) or breaks[i + 1]:
        return 0
    w = words[i + 1]
    if span_at(i + 1) is not None or not _ARABIC_WORD.match(w) or w in NAME_STOPWORDS or w in GENERIC_GROUP_WORDS:
        return 0
    if w in GENERIC_MODIFIERS or strip_article(w) in GENERIC_BARE or len(w) < 3:
        return 0
    if forms & PLACE_HEADS_DEFINITE_NAMES and is_definite(w):
        # "قاعدة الوطية", "مخيم الزعتري": a definite word the project's prose never uses ordinarily
        bare = strip_article(w)
        common = common_words()
        return 1 if common and w not in common and bare not in common and sum(name_counts(w)) < 5 else 0
    if is_definite(w) or w.endswith("يه") or w.endswith("ين"):
        return 0  # adjectives ("المنطقة الشرقية") and plurals, not names
    common = common_words()
    if w in common or (w[0] in "لبو" and w[1:] in common) or w in _REGION_WORDS:
        return 0  # "قرية قرب ...", "قاعدة لإطلاق ...", "ولاية شمال ...": ordinary words, not the name
    return 1


def proper_place_length(words: Sequence[str], i: int, breaks: Sequence[bool], span_at) -> int:
    """Tokens of an unknown place after a collective noun or a travel word: "أعيان مسلاتة", "زيارته إلى
    فلاديفوستوك", "جولة شملت طوكيو وسيول" -> 1; the word must be one the project's prose never uses."""
    if i + 1 >= len(words) or breaks[i + 1]:
        return 0
    forms = {f for f, _ in clitic_forms(words[i])}
    travel = bool(forms & TRAVEL_WORDS)
    if not (travel or forms & COLLECTIVE_PLACE_NOUNS):
        return 0
    k = i + 1
    if travel and words[k] in _TO_WORDS and k + 1 < len(words) and not breaks[k + 1]:
        k += 1
    if any(f in PLACE_HEADS or f in ORG_HEAD_KEYS or f in BRIGADE_HEADS for f, _ in clitic_forms(words[k])):
        return 0  # "أعيان مدينة الرمادي", "وجهاء عشيرة ...": the head's own rule takes it
    w = words[k]
    if span_at(k) is not None or not _proper_word(w, head_is_tribe=True) or len(w) < 3 or is_given_name(w, 5):
        return 0
    if travel and k == i + 1 and w.endswith("ه"):
        return 0  # "زيارة مجاملة": a noun or an adjective; names reached by travel follow "إلى"
    if not travel and w.endswith(("يه", "ين", "ون")):
        return 0
    return k - i + 1


def make_place(name: str) -> Actor:
    return Actor(id=entity_id("place", name), name=name, type=ActorType.PLACE, source="discovered")
