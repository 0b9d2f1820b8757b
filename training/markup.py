"""Builds training/handwritten.jsonl from the readable source training/handwritten.txt.

Hand-written sentences are easier to write and review with inline marks than
with character offsets. A block (blank-line separated) is:

    التقى [المشير خليفة حفتر|P|khalifa-haftar] ب[رئيس الوزراء اليوناني|P] ...
    > 0-1 MET_WITH; 0>2 SUPPORTS h
    # negation reported

Marks: [text|T] or [text|T|id], T one of P O S L (person, organisation, state,
place); the id defaults to a slug of the text. "ل[الحكومة|O]" becomes the word
"للحكومة", all of it the mention (as Arabic spells it and the mention stage reads it). "> " lists relations by mention
index: "a-b" for symmetric types, "a>b" subject to object, a trailing "h" for
hedged. "# " lists phenomena. Run: python -m training.markup

Sources: handwritten.txt, then every handwritten/*.txt in name order (one file
per author or topic, so several people can write at once without conflicts).
`python -m training.markup --check FILE` validates one file and prints its
label counts without writing anything.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from graph_loader.model import RELATIONS
from training.lexicon.slug import slugify
from training.validate import DataError, validate_record

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "handwritten.txt"
SOURCE_DIR = HERE / "handwritten"
TARGET = HERE / "handwritten.jsonl"
TYPES = {"P": "PERSON", "O": "ORGANIZATION", "S": "STATE", "L": "PLACE"}
MARK = re.compile(r"\[([^\[\]|]+)\|([POSL])(?:\|([a-z0-9-]+))?\]")
REL = re.compile(r"^(\d+)\s*([->])\s*(\d+)\s+([A-Z_]+)(\s+h)?$")


def parse_block(lines: list[str], where: str, n: int) -> dict[str, Any]:
    text_lines = [l for l in lines if not l.startswith((">", "#"))]
    if len(text_lines) != 1:
        raise DataError(f"{where}: a block needs exactly one sentence line")
    marked = text_lines[0].strip()
    sentence, mentions, pos = "", [], 0
    for m in MARK.finditer(marked):
        sentence += marked[pos:m.start()]
        text = m.group(1)
        if text.startswith("ال") and re.search(r"(?:^|\s)ل$", sentence):
            # "ل[الحكومة|O]" is written "للحكومة" (and "ل[اللجنة|O]" "للجنة"): the preposition takes the
            # article's alef, and the mention is the whole word, as the mention stage reads it
            sentence = sentence[:-1]
            text = ("ل" if text.startswith("الل") else "لل") + text[2:]
        start = len(sentence)
        sentence += text
        mentions.append({"start": start, "end": len(sentence), "type": TYPES[m.group(2)], "text": text,
                         "id": m.group(3) or slugify(m.group(1))})
        pos = m.end()
    sentence += marked[pos:]
    if "[" in sentence or "]" in sentence:
        raise DataError(f"{where}: unparsed mark in {marked[:60]!r}")
    relations, phenomena = [], []
    for line in lines:
        if line.startswith(">"):
            for part in filter(None, (p.strip() for p in line[1:].split(";"))):
                rm = REL.match(part)
                if not rm:
                    raise DataError(f"{where}: bad relation {part!r}")
                s, arrow, o, label, hedged = rm.groups()
                if label not in RELATIONS:
                    raise DataError(f"{where}: unknown label {label}")
                if RELATIONS[label].symmetric != (arrow == "-"):
                    raise DataError(f"{where}: {label} needs {'-' if RELATIONS[label].symmetric else '>'}")
                rel: dict[str, Any] = {"subject": int(s), "object": int(o), "label": label}
                if hedged:
                    rel["hedged"] = True
                relations.append(rel)
        elif line.startswith("#"):
            phenomena.extend(line[1:].split())
    if len(mentions) >= 4:
        phenomena.append("multi4")
    if len(sentence) >= 180:
        phenomena.append("long")
    if any(r.get("hedged") for r in relations):
        phenomena.append("hedged")
    rec = {"id": f"hw-{n:04d}", "sentence": sentence, "mentions": mentions, "relations": relations,
           "phenomena": sorted(set(phenomena)), "source": "handwritten"}
    validate_record(rec, where)
    return rec


def sources() -> list[Path]:
    return [SOURCE] + sorted(SOURCE_DIR.glob("*.txt"))


def convert(source: Path = SOURCE, records: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    records = records if records is not None else []
    block: list[str] = []
    start = 0
    lines = source.read_text(encoding="utf-8").splitlines() + [""]
    for i, line in enumerate(lines, 1):
        if line.strip() and not line.startswith("//"):
            if not block:
                start = i
            block.append(line.strip())
        elif not line.strip() and block:
            records.append(parse_block(block, f"{source}:{start}", len(records)))
            block = []
    return records


def _check(path: Path) -> int:
    try:
        records = convert(path)
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    counts: dict[str, int] = {}
    for rec in records:
        for r in rec["relations"]:
            counts[r["label"]] = counts.get(r["label"], 0) + 1
        if not rec["relations"]:
            counts["(no relation)"] = counts.get("(no relation)", 0) + 1
    print(f"{path}: {len(records)} sentences OK")
    for label, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"  {label:<16} {n}")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--check"] and len(argv) == 2:
        return _check(Path(argv[1]))
    try:
        records: list[dict[str, Any]] = []
        for path in sources():
            convert(path, records)
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    with open(TARGET, "w", encoding="utf-8", newline="\n") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{len(records)} hand-written sentences -> {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
