"""Checks one training record against the format the trainer reads.

Used by the generator before writing, by tests on the committed files, and on
handwritten.jsonl; every error names the file and line.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from graph_loader.model import RELATIONS
from graph_loader.relations.dataset import open_jsonl

TYPES = frozenset({"PERSON", "ORGANIZATION", "STATE", "PLACE"})


class DataError(ValueError):
    """A record that breaks the format; the message names where."""


def validate_record(rec: Any, where: str) -> None:
    if not isinstance(rec, dict):
        raise DataError(f"{where}: a record must be a JSON object")
    for key in ("id", "sentence", "mentions", "relations", "phenomena", "source"):
        if key not in rec:
            raise DataError(f"{where}: missing field {key!r}")
    sent = rec["sentence"]
    if not isinstance(sent, str) or not sent.strip():
        raise DataError(f"{where}: empty sentence")
    mentions = rec["mentions"]
    if not isinstance(mentions, list):
        raise DataError(f"{where}: mentions must be a list")
    for i, m in enumerate(mentions):
        try:
            start, end, text = int(m["start"]), int(m["end"]), m["text"]
        except (KeyError, TypeError, ValueError):
            raise DataError(f"{where}: mention {i} needs start, end and text") from None
        if not 0 <= start < end <= len(sent):
            raise DataError(f"{where}: mention {i} offsets {start}:{end} are outside the sentence")
        if sent[start:end] != text:
            raise DataError(f"{where}: mention {i} text {text!r} != sentence[{start}:{end}] {sent[start:end]!r}")
        if text != text.strip():
            raise DataError(f"{where}: mention {i} {text!r} has surrounding spaces")
        if m.get("type") not in TYPES:
            raise DataError(f"{where}: mention {i} has type {m.get('type')!r}")
        if not m.get("id"):
            raise DataError(f"{where}: mention {i} has no id")
    seen: set[frozenset[int]] = set()
    for j, r in enumerate(rec["relations"]):
        s, o, label = r.get("subject"), r.get("object"), r.get("label")
        if label not in RELATIONS:
            raise DataError(f"{where}: relation {j} label {label!r} is not in the taxonomy")
        if not (isinstance(s, int) and isinstance(o, int) and 0 <= s < len(mentions) and 0 <= o < len(mentions)):
            raise DataError(f"{where}: relation {j} indices {s},{o} do not name mentions")
        if mentions[s]["id"] == mentions[o]["id"]:
            raise DataError(f"{where}: relation {j} joins two mentions of the same actor")
        pair = frozenset((s, o))
        if pair in seen:
            raise DataError(f"{where}: relation {j} repeats the pair {s},{o}")
        seen.add(pair)
        if label == "AFFILIATED_WITH" and mentions[s]["type"] != "PERSON":
            raise DataError(f"{where}: relation {j} AFFILIATED_WITH needs a PERSON subject")
        if label == "VISITED" and mentions[o]["type"] == "PERSON":
            raise DataError(f"{where}: relation {j} VISITED needs a place, state or organisation object")
    if not isinstance(rec["phenomena"], list):
        raise DataError(f"{where}: phenomena must be a list")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Parse and validate a JSON Lines file, raising DataError naming path:line."""
    out = []
    with open_jsonl(Path(path)) as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise DataError(f"{path}:{n}: not JSON ({exc.msg})") from None
            validate_record(rec, f"{path}:{n}")
            out.append(rec)
    return out


def pair_count(rec: dict[str, Any]) -> int:
    """Pairs of mentions with different actors: the classifier's examples."""
    ids = [m["id"] for m in rec["mentions"]]
    return sum(1 for i in range(len(ids)) for j in range(i + 1, len(ids)) if ids[i] != ids[j])
