"""Arabic normalisation for matching. Display text always keeps the original.

Matching must survive the spelling noise of real news: diacritics, tatweel,
hamza/alef variants, alef maqsura, ta marbuta, quote styles, digits and bidi
controls. Every function here maps a string to a *matching key*; none of them
is ever shown to a user.
"""

from __future__ import annotations

import re
import unicodedata

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_TATWEEL = "\u0640"
_BIDI = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u061c]")
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_QUOTES = re.compile("[\"'«»“”„‟‘’‚‛`´]")
_PUNCT = re.compile(r"[^\w\s-]")
_SPACE = re.compile(r"\s+")

# One-letter proclitics that attach to the next word. "ال" is handled apart
# because it is part of many names ("القاهرة") and must be optional in matching.
PROCLITICS = ("و", "ف", "ب", "ل", "ك")


def strip_invisible(text: str) -> str:
    """Drop bidi controls and zero-width characters (keeps offsets meaningful only if unused)."""
    return _BIDI.sub("", text)


def normalize_chars(text: str) -> str:
    """Character-level folding that keeps the string length (offsets stay valid).

    Diacritics and tatweel are replaced rather than deleted would break Arabic
    shaping, so this one is only for the char-aligned matcher: it maps them to
    a placeholder that the matcher skips.
    """
    out = []
    for ch in text:
        if _DIACRITICS.match(ch) or ch == _TATWEEL or _BIDI.match(ch):
            out.append("\u0000")
        else:
            out.append(ch.translate(_ALEF).translate(_DIGITS))
    return "".join(out)


def normalize(text: str) -> str:
    """The matching key of a phrase: folded letters, no marks, no punctuation, single spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = _BIDI.sub("", text)
    text = _DIACRITICS.sub("", text).replace(_TATWEEL, "")
    text = text.translate(_ALEF).translate(_DIGITS)
    text = _QUOTES.sub(" ", text)
    text = _PUNCT.sub(" ", text)
    return _SPACE.sub(" ", text).strip().lower()


def strip_article(word: str, clitics: bool = True) -> str:
    """Remove a leading ال (and, with `clitics`, a proclitic before it: وال، بال، لل)."""
    w = word
    if clitics and len(w) > 3 and w[0] in PROCLITICS and w[1:3] == "ال":
        w = w[1:]
    if w.startswith("لل") and len(w) > 3:
        return w[2:]
    if w.startswith("ال") and len(w) > 3:
        return w[2:]
    return w


def key_variants(phrase: str) -> set[str]:
    """Matching keys under which a registry name should be found."""
    n = normalize(phrase)
    if not n:
        return set()
    words = n.split(" ")
    variants = {n}
    variants.add(" ".join(strip_article(w, clitics=False) for w in words))
    return {v for v in variants if v}
