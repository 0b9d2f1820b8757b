"""Annotated sentences → pair examples with one label per (type, direction).

The training files annotate whole sentences: every mention, and every relation
between mentions (subject → object). The classifier instead sees one pair of
mentions at a time, always in text order (`first` before `second`), exactly as
extract.py will ask it. So a directed relation becomes two labels — "TYPE>"
when the subject comes first in the text, "TYPE<" when it comes second — and a
symmetric one a single label. Any pair of mentions of different actors that is
not annotated is NONE, because the annotation is complete per sentence.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Iterable, Iterator, Sequence

from graph_loader.errors import InputError
from graph_loader.model import RELATIONS, ActorType
from graph_loader.relations.base import NONE_LABEL, Span

FORWARD = ">"  # first mention in the text is the subject
BACKWARD = "<"  # second mention in the text is the subject


def label_scheme() -> list[str]:
    """All classifier labels in a fixed order: NONE, then each relation (directed ones twice)."""
    labels = [NONE_LABEL]
    for rel in RELATIONS.values():
        if rel.symmetric:
            labels.append(rel.name)
        else:
            labels.extend([rel.name + FORWARD, rel.name + BACKWARD])
    return labels


def encode_label(relation: str, forward: bool) -> str:
    """The classifier label for a relation whose subject is `first` (forward) or `second`."""
    if relation == NONE_LABEL or RELATIONS[relation].symmetric:
        return relation
    return relation + (FORWARD if forward else BACKWARD)


def decode_label(label: str) -> tuple[str, bool]:
    """(relation, forward) of a classifier label; symmetric and NONE labels are forward."""
    if label.endswith(FORWARD):
        return label[:-1], True
    if label.endswith(BACKWARD):
        return label[:-1], False
    return label, True


def relation_of(label: str) -> str:
    return decode_label(label)[0]


@dataclass(frozen=True)
class PairExample:
    """One training/evaluation pair, with where it came from for error messages."""

    sentence: str
    first: Span
    second: Span
    label: str
    hedged: bool = False
    source: str = ""  # "file:line"
    record_id: str = ""


@dataclass
class LoadStats:
    sentences: int = 0
    pairs: int = 0
    skipped_ambiguous: int = 0  # same actors related through another mention of theirs
    dropped_extra_labels: int = 0  # a second relation on the same pair (single-label classifier)


def _fail(path: Path, line: int, message: str) -> InputError:
    return InputError(message, source=str(path), line=line)


def _check_record(d: Any, path: Path, line: int) -> tuple[str, list[dict[str, Any]], list[dict[str, Any]]]:
    if not isinstance(d, dict):
        raise _fail(path, line, "each line must be a JSON object")
    sentence = d.get("sentence")
    if not isinstance(sentence, str) or not sentence:
        raise _fail(path, line, "missing or empty 'sentence'")
    mentions = d.get("mentions")
    if not isinstance(mentions, list):
        raise _fail(path, line, "'mentions' must be a list")
    for k, m in enumerate(mentions):
        if not isinstance(m, dict):
            raise _fail(path, line, f"mention {k} is not an object")
        try:
            start, end = int(m["start"]), int(m["end"])
        except (KeyError, TypeError, ValueError):
            raise _fail(path, line, f"mention {k} needs integer 'start' and 'end'") from None
        if not 0 <= start < end <= len(sentence):
            raise _fail(path, line, f"mention {k} span {start}..{end} is outside the sentence")
        if str(m.get("type", "")).upper() not in ActorType.__members__:
            raise _fail(path, line, f"mention {k} has unknown type {m.get('type')!r}")
        if "text" in m and sentence[start:end] != m["text"]:
            raise _fail(path, line, f"mention {k} text {m['text']!r} != sentence[{start}:{end}] {sentence[start:end]!r}")
        if not m.get("id"):
            raise _fail(path, line, f"mention {k} has no 'id'")
    relations = d.get("relations") or []
    if not isinstance(relations, list):
        raise _fail(path, line, "'relations' must be a list")
    for k, r in enumerate(relations):
        if not isinstance(r, dict):
            raise _fail(path, line, f"relation {k} is not an object")
        if r.get("label") not in RELATIONS:
            raise _fail(path, line, f"relation {k} label {r.get('label')!r} is not in the taxonomy")
        for role in ("subject", "object"):
            idx = r.get(role)
            if not isinstance(idx, int) or not 0 <= idx < len(mentions):
                raise _fail(path, line, f"relation {k} {role} {idx!r} is not a mention index")
        if r["subject"] == r["object"]:
            raise _fail(path, line, f"relation {k} relates a mention to itself")
    return sentence, mentions, relations


def record_examples(d: dict[str, Any], source: str = "", stats: LoadStats | None = None) -> list[PairExample]:
    """All pair examples of one annotated sentence (record already validated)."""
    stats = stats if stats is not None else LoadStats()
    sentence = d["sentence"]
    mentions = d["mentions"]
    spans = [Span(int(m["start"]), int(m["end"]), str(m["type"]).upper()) for m in mentions]
    ids = [str(m["id"]) for m in mentions]
    # relation on exact mention pairs: (i, j) unordered -> (label, hedged), first listed wins
    on_pair: dict[tuple[int, int], tuple[str, bool]] = {}
    related_ids: set[frozenset[str]] = set()
    for r in d.get("relations") or []:
        s, o = r["subject"], r["object"]
        i, j = sorted((s, o), key=lambda k: (spans[k].start, spans[k].end, k))
        label = encode_label(r["label"], forward=(i == s))
        key = (i, j)
        if key in on_pair:
            if on_pair[key][0] != label:
                stats.dropped_extra_labels += 1
            continue
        on_pair[key] = (label, bool(r.get("hedged", False)))
        related_ids.add(frozenset((ids[s], ids[o])))
    order = sorted(range(len(mentions)), key=lambda k: (spans[k].start, spans[k].end, k))
    out: list[PairExample] = []
    for a_pos, i in enumerate(order):
        for j in order[a_pos + 1 :]:
            if ids[i] == ids[j]:
                continue
            if spans[i].end > spans[j].start:
                continue  # overlapping mentions cannot both be marked
            if (i, j) in on_pair:
                label, hedged = on_pair[(i, j)]
            elif frozenset((ids[i], ids[j])) in related_ids:
                stats.skipped_ambiguous += 1
                continue
            else:
                label, hedged = NONE_LABEL, False
            out.append(PairExample(sentence, spans[i], spans[j], label, hedged, source, str(d.get("id", ""))))
    stats.sentences += 1
    stats.pairs += len(out)
    return out


def open_jsonl(path: Path) -> IO[str]:
    """A JSONL file for reading, gzip-compressed when it ends in .gz (the train split ships that way:
    31 MB of JSON is 3 MB compressed, and the repository keeps every file under 25 MB)."""
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def split_path(data_dir: Path, name: str) -> Path | None:
    """DIR/NAME.jsonl or DIR/NAME.jsonl.gz; both at once is refused, one of them would be stale."""
    found = [p for p in (data_dir / f"{name}.jsonl", data_dir / f"{name}.jsonl.gz") if p.is_file()]
    if len(found) > 1:
        raise InputError(f"both {found[0].name} and {found[1].name} exist; remove the stale one",
                         source=str(data_dir))
    return found[0] if found else None


def read_records(path: str | Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Validated (line number, record) of a training JSONL file (.jsonl or .jsonl.gz); bad lines raise InputError."""
    path = Path(path)
    if not path.is_file():
        raise InputError("no such file", source=str(path))
    with open_jsonl(path) as fh:
        for n, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                d = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise _fail(path, n, f"not valid JSON ({exc.msg})") from None
            _check_record(d, path, n)
            yield n, d


def load_examples(path: str | Path, stats: LoadStats | None = None, limit: int | None = None) -> list[PairExample]:
    """Pair examples of a whole file (optionally only its first `limit` sentences)."""
    stats = stats if stats is not None else LoadStats()
    out: list[PairExample] = []
    for k, (n, d) in enumerate(read_records(path)):
        if limit is not None and k >= limit:
            break
        out.extend(record_examples(d, f"{path}:{n}", stats))
    return out


def sentences_of(paths: Iterable[str | Path]) -> Iterator[str]:
    """Raw sentences of training files (the tokenizer's corpus)."""
    for p in paths:
        for _, d in read_records(p):
            yield d["sentence"]


def label_counts(examples: Sequence[PairExample]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for e in examples:
        counts[e.label] = counts.get(e.label, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: -kv[1]))
