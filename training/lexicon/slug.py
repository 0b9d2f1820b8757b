"""Stable ASCII ids for generated actors, so one actor has one id everywhere."""

from __future__ import annotations

import re

_MAP: dict[str, str] = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ء": "", "ؤ": "u", "ئ": "i", "ب": "b", "ت": "t", "ث": "th",
    "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s",
    "ض": "d", "ط": "t", "ظ": "z", "ع": "a", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m",
    "ن": "n", "ه": "h", "و": "w", "ي": "y", "ى": "a", "ة": "a", "گ": "g", "پ": "p", "ڤ": "v",
}


def slugify(text: str) -> str:
    """Transliterate Arabic letters and digits to a lowercase hyphenated key."""
    out = []
    for ch in text:
        if ch in _MAP:
            out.append(_MAP[ch])
        elif ch.isascii() and ch.isalnum():
            out.append(ch.lower())
        elif ch.isdigit():
            out.append(str(int(ch)))
        else:
            out.append("-")
    return re.sub(r"-+", "-", "".join(out)).strip("-") or "x"
