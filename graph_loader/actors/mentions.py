"""Find actor mentions in a sentence: registry names, titled short names, coreference.

First version: longest registry match over word tokens (proclitics و ف ب ل ك
peeled off the first word, ال optional), titles and ranks just before a name
kept in the mention, and surname-only forms ("حفتر") resolved to the most
recent compatible full mention in the same document. Nothing crosses
documents: a DocumentContext lives for one document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph_loader.actors.registry import Registry
from graph_loader.model import ActorType, Mention
from graph_loader.text.normalize import PROCLITICS, normalize, strip_article

_WORD = re.compile(r"[\w\u064b-\u065f\u0670\u0640]+(?:[-\u2010][\w\u064b-\u065f\u0670\u0640]+)*")
MAX_NAME_WORDS = 8

TITLES = (
    "الفريق أول ركن", "الفريق أول", "الفريق ركن", "الفريق", "المشير", "اللواء", "العميد", "العقيد", "المقدم",
    "الرائد", "النقيب", "الدكتور", "د", "الشيخ", "السيد", "السيدة", "الرئيس", "الأمير", "الملك", "المستشار",
)
_TITLE_KEYS = sorted({tuple(normalize(t).split()) for t in TITLES}, key=len, reverse=True)


@dataclass
class Token:
    start: int
    end: int
    text: str
    norm: str


def tokenize(sentence: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group(), normalize(m.group())) for m in _WORD.finditer(sentence)]


def _first_word_forms(tok: Token) -> list[tuple[str, int]]:
    """(form, chars peeled) for the first word of a name: as is, minus 1–2 proclitics."""
    forms = [(tok.norm, 0)]
    w = tok.norm
    peeled = 0
    for _ in range(2):
        if len(w) > 3 and w[0] in PROCLITICS:
            w = w[1:]
            peeled += 1
            forms.append((w, peeled))
        else:
            break
    return forms


@dataclass
class DocumentContext:
    """What coreference may use: actors already mentioned in this document, in order."""

    recent: list[str] = field(default_factory=list)

    def saw(self, actor_id: str) -> None:
        if actor_id in self.recent:
            self.recent.remove(actor_id)
        self.recent.append(actor_id)


class MentionFinder:
    def __init__(self, registry: Registry):
        self.registry = registry

    def find(self, sentence: str, context: DocumentContext | None = None) -> list[Mention]:
        context = context or DocumentContext()
        tokens = tokenize(sentence)
        mentions: list[Mention] = []
        i = 0
        while i < len(tokens):
            hit = self._match_at(sentence, tokens, i, context)
            if hit is None:
                i += 1
                continue
            mention, consumed = hit
            mentions.append(mention)
            context.saw(mention.actor_id)
            i += consumed
        return mentions

    def _match_at(self, sentence: str, tokens: list[Token], i: int, ctx: DocumentContext) -> tuple[Mention, int] | None:
        for n in range(min(MAX_NAME_WORDS, len(tokens) - i), 0, -1):
            rest = " ".join(strip_article(t.norm) for t in tokens[i + 1 : i + n])
            for form, peeled in _first_word_forms(tokens[i]):
                phrase = (strip_article(form, clitics=False) + (" " + rest if rest else "")).strip()
                ids = self.registry.lookup(phrase)
                resolved_by = "registry"
                if not ids:
                    ids = self.registry.lookup_short(phrase)
                    if ids:
                        ids = self._by_recency(ids, ctx)
                        resolved_by = "coreference"
                if len(ids) == 1:
                    actor = self.registry.actors[next(iter(ids))]
                    start = tokens[i].start + peeled
                    start = self._extend_with_title(sentence, tokens, i, start) if peeled == 0 else start
                    end = tokens[i + n - 1].end
                    return (
                        Mention(start, end, sentence[start:end], actor.id, actor.name, actor.type, resolved_by=resolved_by),
                        n,
                    )
        return None

    @staticmethod
    def _by_recency(ids: set[str], ctx: DocumentContext) -> set[str]:
        for actor_id in reversed(ctx.recent):
            if actor_id in ids:
                return {actor_id}
        return set()

    @staticmethod
    def _extend_with_title(sentence: str, tokens: list[Token], i: int, start: int) -> int:
        """Keep a rank or honorific that directly precedes the name inside the mention."""
        for key in _TITLE_KEYS:
            k = len(key)
            if i - k < 0:
                continue
            window = tokens[i - k : i]
            norms = [window[0].norm[1:] if j == 0 and len(window[0].norm) > 2 and window[0].norm[0] in PROCLITICS and window[0].norm[1:] == key[0] else t.norm for j, t in enumerate(window)]
            if tuple(norms) == key and "،" not in sentence[window[-1].end : tokens[i].start]:
                first = window[0]
                return first.start + (1 if first.norm != key[0] else 0)
        return start


def person_types() -> tuple[ActorType, ...]:
    return (ActorType.PERSON,)
