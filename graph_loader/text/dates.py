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


_START_CUES = re.compile(r"(?:عي[ّ]?ن|تعيين|كل[ّ]?ف|تكليف|رق[ّ]?ي|ترقي|تول[ّ]?ى|تولي|تسل[ّ]?م|منذ|اعتبارا من)")
_MONTH_DATE = re.compile(r"(?:\b(\d{1,2})\s+)?(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")(?:\s+(?:من\s+)?(?:العام\s+)?(\d{4}))?")


def find_start_date(sentence: str, doc_date: str | None) -> str | None:
    """When a role began, if the sentence says: a date after an appointment cue ("عُيّن في 18 أغسطس الماضي").

    A day and month without a year take the document's year, or the year
    before when that month is still ahead of the document's date ("الماضي").
    Without a day the answer is a month (YYYY-MM); without any year it is None:
    a guessed year is worse than no date.
    """
    text = sentence.translate(_DIGITS)
    cue = _START_CUES.search(_strip_marks(text))
    if not cue:
        return None
    m = _MONTH_DATE.search(_strip_marks(text), cue.start())
    if not m or m.start() - cue.end() > 80:
        return None
    day, month, year = m.group(1), _MONTHS[m.group(2)], m.group(3)
    if year is None:
        if not doc_date:
            return None
        dy, dm = int(doc_date[:4]), int(doc_date[5:7])
        year = dy if month <= dm else dy - 1
    if day is None:
        return f"{int(year):04d}-{month:02d}"
    return _iso(int(year), month, int(day))


def _strip_marks(text: str) -> str:
    """Drop Arabic diacritics and tatweel: they vary in news text and no cue depends on them."""
    return re.sub("[\u064b-\u0652\u0640]", "", text)
