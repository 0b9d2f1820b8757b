"""Latin names and ids for actors the registry does not know.

People get a Latin name from `arabic-name-romanizer` (offline dictionary plus
a tiny bundled model); its name dictionary also tells discovery whether a
word is a known given name or surname. Ids of discovered actors are
deterministic: the same Arabic name gives the same id in every run.
"""

from __future__ import annotations

import hashlib
import unicodedata
import re
import sqlite3
from functools import lru_cache
from pathlib import Path

from graph_loader.text.normalize import normalize

_TRANSLIT = {
    "ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r",
    "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "a", "غ": "gh", "ف": "f",
    "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "a", "و": "w", "ي": "y", "ء": "", " ": "-",
}
_SLUG = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=1)
def _romanizer():
    try:
        import arabic_name_romanizer
    except ImportError:  # pragma: no cover - installed with the package
        return None
    return arabic_name_romanizer


@lru_cache(maxsize=20000)
def romanize(name: str) -> str | None:
    """Latin form of a personal name ("خالد حفتر" -> "Khalid Haftar"); None if it cannot."""
    mod = _romanizer()
    if mod is None or not name.strip():
        return None
    try:
        out = mod.transliterate(name)
    except Exception:  # a romanizer failure must never stop extraction
        return None
    if isinstance(out, list):
        out = out[0] if out else None
    return str(out).strip() or None if out else None


def slug(text: str) -> str:
    """ASCII slug; accented letters keep their base letter ("Éric Gérard" -> "eric-gerard")."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _SLUG.sub("-", folded.lower()).strip("-")


def transliterate_slug(arabic: str) -> str:
    """A readable ASCII slug of an Arabic phrase by letters (for organisation and place ids)."""
    return slug("".join(_TRANSLIT.get(ch, ch if ch.isascii() else "") for ch in normalize(arabic)))


def short_hash(text: str) -> str:
    return hashlib.sha1(normalize(text).encode("utf-8")).hexdigest()[:6]


def person_id(name: str) -> str:
    """Slug of the romanised name; falls back to letters + hash when romanisation fails."""
    latin = romanize(name)
    base = slug(latin) if latin else ""
    return base or f"person-{transliterate_slug(name)[:40]}-{short_hash(name)}"


def entity_id(prefix: str, name: str) -> str:
    base = transliterate_slug(name)[:48].strip("-")
    return f"{prefix}-{base}-{short_hash(name)}" if base else f"{prefix}-{short_hash(name)}"


# -- the romanizer's name dictionary: is this word a name? ----------------------


@lru_cache(maxsize=1)
def _names_db() -> sqlite3.Connection | None:
    mod = _romanizer()
    if mod is None:
        return None
    path = Path(mod.__file__).with_name("resources") / "names.sqlite3"
    if not path.exists():
        return None
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


@lru_cache(maxsize=50000)
def name_counts(word: str) -> tuple[int, int]:
    """(times seen as a given name, times seen as a surname) in the romanizer's dictionary."""
    db = _names_db()
    if db is None:
        return (0, 0)
    try:
        from arabic_name_romanizer.normalize import lookup_key

        key = lookup_key(word)
        rows = db.execute("SELECT role, SUM(count) FROM units WHERE arabic_key = ? GROUP BY role", (key,)).fetchall()
    except Exception:
        return (0, 0)
    given = sum(n for role, n in rows if role == "given")
    surname = sum(n for role, n in rows if role in ("surname", "unknown"))
    if not rows and len(word) > 6 and word.startswith(("عبدال", "عبد ال")):
        # "عبدالحكيم", "عبدالخالق": the fused spelling of a compound name the dictionary has only for
        # the commonest ones; "عبد" + a definite word is a name, given or family
        return (5, 1)
    return (int(given), int(surname))


def is_given_name(word: str, min_count: int = 2) -> bool:
    return name_counts(word)[0] >= min_count


def is_name_word(word: str, min_count: int = 2) -> bool:
    g, s = name_counts(word)
    return g + s >= min_count
