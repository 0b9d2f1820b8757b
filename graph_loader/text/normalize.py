"""Arabic normalisation for matching. Display text always keeps the original.

Matching must survive the spelling noise of real news: diacritics, tatweel,
hamza/alef variants, alef maqsura, ta marbuta, Persian letter forms, quote and
bracket styles, Latin/Arabic digits, bidi controls and attached clitics
(و ف ب ل ك ال). Every function here maps a string to a *matching key*; none
of them is ever shown to a user.
"""

from __future__ import annotations

import re
import unicodedata

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_TATWEEL = "\u0640"
_BIDI = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u061c\u00ad]")
_LETTERS = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    "ی": "ي", "ي": "ي", "ک": "ك", "ۀ": "ه", "ە": "ه", "ڤ": "ف", "گ": "ك", "پ": "ب", "چ": "ج",
})
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_QUOTES = re.compile("[\"'«»“”„‟‘’‚‛`´‹›〝〞＂]")
_BRACKETS = re.compile(r"[()\[\]{}<>﴾﴿【】〈〉《》]")
_PUNCT = re.compile(r"[^\w\s+-]")
_SPACE = re.compile(r"\s+")

# One-letter proclitics that attach to the next word. "ال" is handled apart
# because it is part of many names ("القاهرة") and must be optional in matching.
PROCLITICS = ("و", "ف", "ب", "ل", "ك")
CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")


def strip_invisible(text: str) -> str:
    """Drop bidi controls and zero-width characters (changes offsets: for keys only)."""
    return _BIDI.sub("", text)


def is_mark(ch: str) -> bool:
    """A character the matcher ignores (diacritic, tatweel, bidi control)."""
    return bool(_DIACRITICS.match(ch)) or ch == _TATWEEL or bool(_BIDI.match(ch))


def normalize_chars(text: str) -> str:
    """Character-level folding that keeps the string length (offsets stay valid).

    Marks are replaced by NUL rather than deleted, so position i of the result
    is position i of the input; the matcher skips the NULs.
    """
    out = []
    for ch in text:
        if is_mark(ch):
            out.append("\u0000")
        else:
            out.append(ch.translate(_LETTERS).translate(_DIGITS))
    return "".join(out)


def fold_letters(text: str) -> str:
    """Letter folding only (no punctuation changes): marks dropped, variants unified."""
    text = unicodedata.normalize("NFKC", text)
    text = _BIDI.sub("", text)
    text = _DIACRITICS.sub("", text).replace(_TATWEEL, "")
    return text.translate(_LETTERS).translate(_DIGITS)


def normalize(text: str) -> str:
    """The matching key of a phrase: folded letters, no marks, no punctuation, single spaces."""
    text = fold_letters(text)
    text = _QUOTES.sub(" ", text)
    text = _BRACKETS.sub(" ", text)
    text = _PUNCT.sub(" ", text)
    return _SPACE.sub(" ", text).strip().lower()


def strip_article(word: str, clitics: bool = True) -> str:
    """Remove a leading ال (and, with `clitics`, a proclitic before it: وال، بال، لل)."""
    w = word
    if clitics and len(w) > 3 and w[0] in PROCLITICS and w[1:3] == "ال":
        w = w[1:]
    if clitics and len(w) > 4 and w[0] in CONJUNCTIONS and w[1] in PREPOSITIONS and w[2:4] == "ال":
        w = w[2:]
    if w.startswith("لل") and len(w) > 3:
        return w[2:]
    if w.startswith("ال") and len(w) > 3:
        return w[2:]
    return w


def clitic_forms(word: str) -> list[tuple[str, int]]:
    """(form, letters peeled) of a normalised word: as is, then without و/ف, then without ب/ل/ك.

    "وبالقاهرة" -> [("وبالقاهره", 0), ("بالقاهره", 1), ("القاهره", 2)]; "للجيش" -> also ("الجيش", 0), and
    "للجنة" -> ("اللجنه", 0) (ل + اللجنة drops the alef and one lam) before ("الجنه", 0)
    (the ل of لل replaces the article's alef, so nothing is peeled from the text). A form keeps at least three letters,
    so short names are not eaten ("وليد" stays a candidate as itself first).
    """
    forms = [(word, 0)]
    w, peeled = word, 0
    if len(w) > 3 and w[0] in CONJUNCTIONS:
        w, peeled = w[1:], 1
        forms.append((w, peeled))
    if len(w) > 3 and w[0] in PREPOSITIONS:
        if w.startswith("لل") and len(w) > 4:
            forms.append(("ال" + w[1:], peeled))  # "للجنة": before a word that starts with ل, one lam is gone too
            forms.append(("ال" + w[2:], peeled))  # the article's alef is gone: keep the whole token
        else:
            forms.append((w[1:], peeled + 1))
    return forms


def key_variants(phrase: str) -> set[str]:
    """Matching keys under which a registry name should be found (article optional)."""
    n = normalize(phrase)
    if not n:
        return set()
    words = n.split(" ")
    variants = {n}
    variants.add(" ".join(strip_article(w, clitics=False) for w in words))
    return {v for v in variants if v}


def original_offset(text: str, letters: int) -> int:
    """Index in `text` after skipping `letters` non-mark characters (maps peeled clitics back)."""
    seen = 0
    for i, ch in enumerate(text):
        if is_mark(ch):
            continue  # a mark belongs to the letter before it
        if seen == letters:
            return i
        seen += 1
    return len(text)
