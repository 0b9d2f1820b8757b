"""Word tokens of a sentence and the small text helpers the mention rules share."""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph_loader.text.normalize import normalize

_WORD = re.compile(r"[\w\u064b-\u065f\u0670\u0640]+(?:[-\u2010+][\w\u064b-\u065f\u0670\u0640]+)*")
STRONG_BREAK = re.compile(r"[،,.:;؛!?؟()\[\]\n|–—/]")
QUOTE = re.compile("[\"'«»“”„‟‘’‚‛`´]")


@dataclass
class Token:
    start: int
    end: int
    text: str
    norm: str


def tokenize(sentence: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group(), normalize(m.group())) for m in _WORD.finditer(sentence)]


def article_form(text: str) -> str:
    """"للقائد العام" -> "القائد العام" (the ل of لل is a preposition)."""
    return "ال" + text[2:] if text.startswith("لل") else text


def strip_quotes(text: str) -> str:
    return QUOTE.sub("", text).strip()
