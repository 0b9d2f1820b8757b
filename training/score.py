"""Pair-level score of a saved model on annotated sentences (training format).

The seed gold scores the whole pipeline on five articles; this scores only the
classifier, with gold mentions, on any file in the training format, e.g. the
hand-written dev sentences, which are realistic prose the model never trained
on. Usage: python -m training.score MODEL_DIR FILE.jsonl [--source handwritten]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from graph_loader.relations.base import NONE_LABEL, PairInput
from graph_loader.relations.dataset import encode_label, record_examples
from graph_loader.relations.transformer import load_classifier


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m training.score")
    p.add_argument("model")
    p.add_argument("file", type=Path)
    p.add_argument("--source", default="", help="only records whose source starts with this")
    args = p.parse_args(argv)
    examples = []
    for line in args.file.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        if d.get("source", "").startswith(args.source):
            examples.extend(record_examples(d))
    clf = load_classifier(args.model)
    preds = clf.predict([PairInput(e.sentence, e.first, e.second) for e in examples])
    tp: Counter = Counter()
    npred: Counter = Counter()
    ngold: Counter = Counter()
    for e, pr in zip(examples, preds):
        pl = encode_label(pr.label, pr.forward) if pr.label != NONE_LABEL else NONE_LABEL
        g = e.label.rstrip("<>")
        if e.label != NONE_LABEL:
            ngold[g] += 1
        if pl != NONE_LABEL:
            npred[pl.rstrip("<>")] += 1
            if pl == e.label:
                tp[g] += 1
    def f(t: int, pp: int, gg: int) -> str:
        pr, rc = (t / pp if pp else 0.0), (t / gg if gg else 0.0)
        return f"P {pr:.3f} R {rc:.3f} F1 {2 * pr * rc / (pr + rc) if pr + rc else 0.0:.3f}"
    print(f"{len(examples)} pairs; overall {f(sum(tp.values()), sum(npred.values()), sum(ngold.values()))}")
    for rel in sorted(ngold, key=lambda r: -ngold[r]):
        print(f"  {rel:<16} gold {ngold[rel]:>4}  {f(tp[rel], npred[rel], ngold[rel])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
