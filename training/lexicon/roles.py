"""Role phrases that put a person inside an organisation or a state.

A role phrase written next to a name ("رئيس المجلس الرئاسي محمد ...") makes the
organisation a mention of its own and the person AFFILIATED_WITH it, exactly as
the spec's structure family asks. Each role lists the organisation kinds it fits
(see training/actors.py `org_kind`).
"""

from __future__ import annotations

from typing import NamedTuple


class Role(NamedTuple):
    masc: str
    fem: str
    kinds: frozenset[str]  # organisation kinds, or {"state"}


def _r(masc: str, fem: str, *kinds: str) -> Role:
    return Role(masc, fem, frozenset(kinds))


ORG_ROLES: tuple[Role, ...] = (
    _r("رئيس", "رئيسة", "council", "gov", "party", "company", "intl", "body"),
    _r("قائد", "قائدة", "unit", "army"),
    _r("آمر", "آمرة", "unit"),
    _r("عضو", "عضوة", "council", "party"),
    _r("المتحدث باسم", "المتحدثة باسم", "council", "gov", "army", "unit", "ministry", "intl", "body", "embassy", "party"),
    _r("الناطق الرسمي باسم", "الناطقة الرسمية باسم", "army", "unit", "gov", "ministry", "body"),
    _r("مدير", "مديرة", "body", "company"),
    _r("نائب رئيس", "نائبة رئيس", "council", "gov", "party", "intl"),
    _r("مستشار", "مستشارة", "gov", "council", "body"),
    _r("رئيس أركان", "رئيسة أركان", "army"),
    _r("ممثل", "ممثلة", "intl"),
    _r("القيادي في", "القيادية في", "party", "unit"),
    _r("مسؤول في", "مسؤولة في", "ministry", "gov", "body", "intl", "company"),
    _r("الضابط في", "الضابطة في", "army", "unit"),
    _r("وكيل", "وكيلة", "ministry"),
    _r("الملحق العسكري في", "الملحقة العسكرية في", "embassy"),
    _r("رئيس لجنة الدفاع في", "رئيسة لجنة الدفاع في", "council"),
    _r("المدير التنفيذي في", "المديرة التنفيذية في", "company"),
)

STATE_ROLES: tuple[Role, ...] = (
    _r("وزير خارجية", "وزيرة خارجية", "state"),
    _r("وزير دفاع", "وزيرة دفاع", "state"),
    _r("رئيس وزراء", "رئيسة وزراء", "state"),
    _r("سفير", "سفيرة", "state"),
    _r("مبعوث", "مبعوثة", "state"),
    _r("رئيس", "رئيسة", "state"),
    _r("نائب رئيس وزراء", "نائبة رئيس وزراء", "state"),
    _r("وزير داخلية", "وزيرة داخلية", "state"),
    _r("القائم بأعمال سفارة", "القائمة بأعمال سفارة", "state"),
)

# Roles written with a nisba adjective: no state mention is made, so no relation.
NISBA_ROLES: tuple[tuple[str, str], ...] = (
    ("وزير الخارجية", "وزيرة الخارجية"), ("وزير الدفاع", "وزيرة الدفاع"), ("الرئيس", "الرئيسة"),
    ("رئيس الوزراء", "رئيسة الوزراء"), ("السفير", "السفيرة"), ("المبعوث", "المبعوثة"),
    ("وزير الداخلية", "وزيرة الداخلية"), ("رئيس الأركان", "رئيسة الأركان"), ("الدبلوماسي", "الدبلوماسية"),
)
