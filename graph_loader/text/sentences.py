"""Arabic-aware sentence splitting with offsets into the document.

News prose runs long sentences joined by "،" and "و"; we split only at strong
boundaries (line breaks, . ! ? ؟ followed by space; "…" joins headline parts) and never inside quotes
that open and close on the same line. Lines with no Arabic or Latin letter
("-", "240") are dropped. Offsets are kept so every triple traces back to the
document text.
"""

from __future__ import annotations

import re
from typing import Iterator

from graph_loader.model import Document, Sentence

_BOUNDARY = re.compile(r"(?<=[.!?؟])\s+|\n+")
_HAS_LETTER = re.compile(r"[A-Za-z\u0621-\u064a]")
_MAX_SENTENCE = 2000  # characters; longer runs (a pasted table, a huge line) are cut at commas/spaces
_OPENERS = {"«": "»", "“": "”", "(": ")"}


def split_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each sentence in `text`, stripped of surrounding space."""
    pos = 0
    for m in _BOUNDARY.finditer(text):
        if m.start() > pos and _inside_quote(text, pos, m.start()) and "\n" not in m.group():
            continue
        yield from _emit(text, pos, m.start())
        pos = m.end()
    yield from _emit(text, pos, len(text))


def _inside_quote(text: str, start: int, end: int) -> bool:
    chunk = text[start:end]
    for opener, closer in _OPENERS.items():
        if chunk.count(opener) > chunk.count(closer):
            return True
    return False


def _emit(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start or not _HAS_LETTER.search(text, start, end):
        return
    while end - start > _MAX_SENTENCE:
        cut = _cut_point(text, start, start + _MAX_SENTENCE)
        yield (start, cut)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield (start, end)


def _cut_point(text: str, start: int, limit: int) -> int:
    for sep in ("،", ",", "؛", ";", " "):
        i = text.rfind(sep, start + _MAX_SENTENCE // 2, limit)
        if i > start:
            return i + 1
    return limit


def split_sentences(doc: Document) -> list[Sentence]:
    return [
        Sentence(doc_id=doc.id, index=i, text=doc.text[s:e], start=s)
        for i, (s, e) in enumerate(split_spans(doc.text))
    ]
