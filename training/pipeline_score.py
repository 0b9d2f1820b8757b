"""The whole pipeline on annotated sentences (training format): found mentions, the model, the rules.

`training.score` measures the classifier alone with gold mentions. An analyst's
graph also depends on the mention stage finding the actors at all, which the
seed gold (five Libyan articles, whose actors the registry knows) hardly tests.
This runs `Extractor` on each sentence as its own document and matches the
triples to the gold relations by span overlap (type and direction must agree;
symmetric types in either order). It also reports how many gold mentions the
mention stage overlaps, and splits the missed relations into "a mention was
not found" and "both found, the model missed it".

A second score counts what the graph keeps: per sentence, the set of (subject
actor, type, object actor) with each gold mention read as the actor of the
found mention that overlaps it. Two mentions of one actor in a sentence
("السعودية ... المملكة") then give one triple, and a found mention the
annotation left unmarked (a bare "الحكومة") is scored by the actor it names.

Usage: python -m training.pipeline_score MODEL_DIR FILE.jsonl [--source handwritten] [--limit N] [--format json]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from graph_loader.actors.registry import Registry
from graph_loader.extract import Extractor
from graph_loader.model import RELATIONS, Document

Span = tuple[int, int]


@dataclass
class PipelineScore:
    sentences: int = 0
    gold_mentions: int = 0
    found_mentions: int = 0  # gold mentions overlapped by a found mention
    tp: Counter = field(default_factory=Counter)
    pred: Counter = field(default_factory=Counter)
    gold: Counter = field(default_factory=Counter)
    missed_no_mention: int = 0
    missed_by_model: int = 0
    actor_tp: int = 0  # the same counts over distinct (actor, type, actor) per sentence
    actor_pred: int = 0
    actor_gold: int = 0

    @staticmethod
    def prf(tp: int, pred: int, gold: int) -> dict[str, float]:
        p = tp / pred if pred else 0.0
        r = tp / gold if gold else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4)}

    def to_dict(self) -> dict[str, Any]:
        fam: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        for rel in RELATIONS:
            f = fam[RELATIONS[rel].family]
            f[0] += self.tp[rel]
            f[1] += self.pred[rel]
            f[2] += self.gold[rel]
        return {
            "sentences": self.sentences,
            "mentions": {"gold": self.gold_mentions, "found": self.found_mentions,
                         "recall": round(self.found_mentions / self.gold_mentions, 4) if self.gold_mentions else 0.0},
            "overall": self.prf(sum(self.tp.values()), sum(self.pred.values()), sum(self.gold.values())),
            "families": {k: self.prf(*v) for k, v in sorted(fam.items())},
            "types": {rel: self.prf(self.tp[rel], self.pred[rel], self.gold[rel]) for rel in RELATIONS if self.gold[rel]},
            "missed": {"mention_not_found": self.missed_no_mention, "model": self.missed_by_model},
            "actors": self.prf(self.actor_tp, self.actor_pred, self.actor_gold),
        }


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _actor_triple(t: tuple[Span, str, Span], found: list[tuple[Span, str]], unfound: str) -> tuple[str, ...]:
    """(type, actor, actor) of a span triple; an unfound gold mention gets an id no prediction has."""
    def actor(span: Span, side: str) -> str:
        return next((a for f, a in found if _overlap(span, f)), f"{unfound}-{side}")
    a, b = actor(t[0], "s"), actor(t[2], "o")
    if RELATIONS[t[1]].symmetric:
        a, b = sorted((a, b))
    return (t[1], a, b)


def score_records(records: Sequence[dict], extractor: Extractor) -> PipelineScore:
    docs = [Document(id=str(r.get("id", i)), text=r["sentence"]) for i, r in enumerate(records)]
    predicted: dict[str, list[tuple[Span, str, Span]]] = defaultdict(list)
    for t in extractor.extract(docs):
        d = t.to_dict()
        off = d.get("sentence_start") or 0
        predicted[d["doc_id"]].append((
            (off + d["subject"]["start"], off + d["subject"]["end"]), d["relation"],
            (off + d["object"]["start"], off + d["object"]["end"]),
        ))
    out = PipelineScore(sentences=len(records))
    for doc, r in zip(docs, records):
        found_ids = [((s.start + m.start, s.start + m.end), m.actor_id) for s, ms in extractor.mentions(doc) for m in ms]
        found = [f for f, _ in found_ids]
        ms = r["mentions"]
        out.gold_mentions += len(ms)
        out.found_mentions += sum(any(_overlap((g["start"], g["end"]), f) for f in found) for g in ms)
        gold = [((ms[g["subject"]]["start"], ms[g["subject"]]["end"]), g["label"], (ms[g["object"]]["start"], ms[g["object"]]["end"]))
                for g in r.get("relations", [])]
        for g in gold:
            out.gold[g[1]] += 1
        used: set[int] = set()
        for p in predicted[doc.id]:
            out.pred[p[1]] += 1
            for k, g in enumerate(gold):
                if k in used or g[1] != p[1]:
                    continue
                if (_overlap(p[0], g[0]) and _overlap(p[2], g[2])) or \
                        (RELATIONS[p[1]].symmetric and _overlap(p[0], g[2]) and _overlap(p[2], g[0])):
                    used.add(k)
                    out.tp[p[1]] += 1
                    break
        actor_gold = {_actor_triple(g, found_ids, f"gold-{k}") for k, g in enumerate(gold)}
        actor_pred = {_actor_triple(p, found_ids, "") for p in predicted[doc.id]}
        out.actor_gold += len(actor_gold)
        out.actor_pred += len(actor_pred)
        out.actor_tp += len(actor_gold & actor_pred)
        for k, g in enumerate(gold):
            if k not in used:
                if any(_overlap(g[0], f) for f in found) and any(_overlap(g[2], f) for f in found):
                    out.missed_by_model += 1
                else:
                    out.missed_no_mention += 1
    return out


def main(argv: list[str] | None = None) -> int:
    from graph_loader.relations.transformer import load_classifier

    p = argparse.ArgumentParser(prog="python -m training.pipeline_score")
    p.add_argument("model")
    p.add_argument("file", type=Path)
    p.add_argument("--source", default="", help="only records whose source starts with this")
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--format", choices=("table", "json"), default="table")
    args = p.parse_args(argv)
    records = [json.loads(line) for line in args.file.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = [r for r in records if r.get("source", "").startswith(args.source)][: args.limit]
    s = score_records(records, Extractor(load_classifier(args.model, device="cpu"), Registry.load())).to_dict()
    if args.format == "json":
        print(json.dumps(s, ensure_ascii=False, indent=2))
        return 0
    o, m = s["overall"], s["mentions"]
    print(f"{s['sentences']} sentences; mentions found {m['found']}/{m['gold']} ({m['recall']:.3f})")
    print(f"triples: P {o['precision']:.3f} R {o['recall']:.3f} F1 {o['f1']:.3f}")
    print("families: " + ", ".join(f"{k} {v['f1']:.3f}" for k, v in s["families"].items()))
    print("types: " + ", ".join(f"{k} {v['f1']:.2f}" for k, v in s["types"].items()))
    a = s["actors"]
    print(f"by actor (distinct actor triples per sentence): P {a['precision']:.3f} R {a['recall']:.3f} F1 {a['f1']:.3f}")
    print(f"missed relations: a mention not found {s['missed']['mention_not_found']}, both found but the model missed {s['missed']['model']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
