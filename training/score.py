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
from pathlib import Path

from graph_loader.relations.base import NONE_LABEL, PairInput
from graph_loader.relations.dataset import encode_label, record_examples
from graph_loader.relations.train import pair_scores
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
    pred = [NONE_LABEL if p.label == NONE_LABEL else encode_label(p.label, p.forward) for p in preds]
    s = pair_scores([e.label for e in examples], pred)
    print(f"{len(examples)} pairs; overall P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}")
    for rel, t in sorted(s["per_type"].items(), key=lambda kv: -kv[1]["gold"]):
        print(f"  {rel:<16} gold {t['gold']:>4}  P {t['precision']:.3f} R {t['recall']:.3f} F1 {t['f1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
