"""Document dates: ISO strings from metadata, or the dateline of Arabic news text.

A date is what lets a report order events and answer "since"; a wrong date is
worse than none, so only unambiguous forms are read.
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    "يناير": 1, "كانون الثاني": 1, "فبراير": 2, "شباط": 2, "مارس": 3, "آذار": 3, "أبريل": 4, "ابريل": 4,
    "إبريل": 4, "نيسان": 4, "مايو": 5, "أيار": 5, "يونيو": 6, "حزيران": 6, "يوليو": 7, "تموز": 7,
    "أغسطس": 8, "اغسطس": 8, "آب": 8, "سبتمبر": 9, "أيلول": 9, "أكتوبر": 10, "اكتوبر": 10, "تشرين الأول": 10,
    "نوفمبر": 11, "تشرين الثاني": 11, "ديسمبر": 12, "كانون الأول": 12,
}
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
_AR_DATE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\s+(\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_date(value: str) -> str | None:
    """ISO date (YYYY-MM-DD) from an ISO-ish or Arabic date string, else None."""
    value = value.translate(_DIGITS)
    m = _ISO.search(value)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return find_date(value)


def find_date(text: str) -> str | None:
    m = _AR_DATE.search(text.translate(_DIGITS))
    if not m:
        return None
    return _iso(int(m.group(3)), _MONTHS[m.group(2)], int(m.group(1)))


def _iso(y: int, mo: int, d: int) -> str | None:
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return None
