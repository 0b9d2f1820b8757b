"""How well the mention stage finds the actors of a gold file (the acceptance measure).

Per document, the set of actor ids the mention stage finds is compared with
the set of actor ids in that document's gold triples. Two scopes are given:
`document` counts every actor found anywhere in the document (strict: the
gold only annotates actors that take part in a relation, so an actor merely
mentioned counts against precision), and `annotated` counts actors found in
the sentences the gold annotates (the gold's sentences are located by their
offsets). Mention-level agreement on the gold's own spans is reported too.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from graph_loader.actors.mentions import DocumentContext, MentionFinder
from graph_loader.actors.registry import Registry
from graph_loader.errors import InputError
from graph_loader.model import Document, Mention
from graph_loader.text.sentences import split_sentences


@dataclass
class SetScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def add(self, found: set[str], gold: set[str]) -> None:
        self.tp += len(found & gold)
        self.fp += len(found - gold)
        self.fn += len(gold - found)

    def to_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class ActorScores:
    document: SetScore = field(default_factory=SetScore)
    annotated: SetScore = field(default_factory=SetScore)
    spans_total: int = 0  # gold mention spans
    spans_found: int = 0  # ... overlapped by a found mention
    spans_right: int = 0  # ... with the same actor id
    per_document: dict[str, dict] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "document": self.document.to_dict(),
            "annotated": self.annotated.to_dict(),
            "spans": {"total": self.spans_total, "found": self.spans_found, "right_id": self.spans_right},
            "per_document": self.per_document,
        }


def document_mentions(finder: MentionFinder, doc: Document) -> list[tuple[int, Mention]]:
    """(absolute offset of the sentence, mention) for a whole document, with one coreference context."""
    ctx = DocumentContext(date=doc.date)
    out = []
    for sentence in split_sentences(doc):
        for m in finder.find(sentence.text, ctx):
            out.append((sentence.start, m))
    return out


def read_gold(path: Path) -> list[dict]:
    rows = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputError(f"malformed JSON ({exc.msg})", str(path), lineno) from None
    return rows


def score_actors(gold_path: Path, documents: Iterable[Document], registry: Registry | None = None) -> ActorScores:
    registry = registry or Registry.load()
    finder = MentionFinder(registry)
    gold = read_gold(gold_path)
    gold_ids: dict[str, set[str]] = defaultdict(set)
    gold_sentences: dict[str, set[tuple[int, int]]] = defaultdict(set)
    gold_spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for g in gold:
        doc_id = g["doc_id"]
        start = int(g.get("sentence_start", 0))
        gold_sentences[doc_id].add((start, start + len(g["sentence"])))
        for role in ("subject", "object"):
            ref = g[role]
            gold_ids[doc_id].add(ref["id"])
            if ref.get("start") is not None:
                gold_spans[doc_id].append((start + int(ref["start"]), start + int(ref["end"]), ref["id"]))
    scores = ActorScores()
    for doc in documents:
        if doc.id not in gold_ids:
            continue
        found = document_mentions(finder, doc)
        everywhere = {m.actor_id for _, m in found}
        annotated = {
            m.actor_id for s, m in found
            if any(a <= s + m.start < b for a, b in gold_sentences[doc.id])
        }
        scores.document.add(everywhere, gold_ids[doc.id])
        scores.annotated.add(annotated, gold_ids[doc.id])
        for a, b, actor_id in set(gold_spans[doc.id]):
            scores.spans_total += 1
            hits = [m for s, m in found if s + m.start < b and a < s + m.end]
            if hits:
                scores.spans_found += 1
                if any(m.actor_id == actor_id for m in hits):
                    scores.spans_right += 1
        scores.per_document[doc.id] = {
            "missed": sorted(gold_ids[doc.id] - annotated),
            "extra_annotated": sorted(annotated - gold_ids[doc.id]),
            "extra_document": sorted(everywhere - gold_ids[doc.id]),
        }
    return scores
