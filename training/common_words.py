"""Build graph_loader/actors/data/common_words.txt: ordinary words of the project's own prose.

Discovery accepts two unknown, undeclined words after a title as a foreign name
("ناريندرا مودي"), and it cannot tell them from ordinary words by shape alone
("سبل تعزيز"). Words that the training sentences use outside every actor
mention are ordinary words; a word the name dictionary
knows as a name is kept out of the list, and so is a word the sentences use
inside mentions as often as outside them (a name left unmarked where it was in
no relation: "نفاه كاغامي"). Actor-swapped copies are not counted: they repeat
their original's words. Built from the train split only, so the hand-written dev
sentences stay a fair test of the mention stage.

Usage: python -m training.common_words [--data training/data] [--min-count 1]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from graph_loader.actors.latin import name_counts
from graph_loader.actors.tokens import tokenize
from graph_loader.relations.dataset import open_jsonl, split_path

OUT = Path(__file__).resolve().parent.parent / "graph_loader" / "actors" / "data" / "common_words.txt"


def build(train: Path, min_count: int = 1) -> list[str]:
    counts: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    with open_jsonl(train) as fh:
        lines = fh.read().splitlines()
    for line in lines:
        r = json.loads(line)
        if r.get("source", "").endswith("+swap"):
            continue
        spans = [(m["start"], m["end"]) for m in r["mentions"]]
        for t in tokenize(r["sentence"]):
            if len(t.norm) < 3:
                continue
            if any(a < t.end and t.start < b for a, b in spans):
                inside[t.norm] += 1
            else:
                counts[t.norm] += 1
    return sorted(w for w, n in counts.items() if n >= min_count and n > inside[w] and sum(name_counts(w)) < 5)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m training.common_words")
    p.add_argument("--data", type=Path, default=Path("training/data"))
    p.add_argument("--min-count", type=int, default=1)
    args = p.parse_args(argv)
    train = split_path(args.data, "train")
    if train is None:
        p.error(f"{args.data}: no train.jsonl or train.jsonl.gz")
    words = build(train, args.min_count)
    OUT.write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
