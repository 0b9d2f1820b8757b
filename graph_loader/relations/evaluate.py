"""Score extracted triples against hand gold triples.

Matching unit: the gold *sentence*. Each predicted triple is assigned to the
gold sentence of the same document whose character range
(`sentence_start .. sentence_start + len(sentence)`) overlaps its own the most;
a prediction overlapping no gold sentence is a unit of its own (all false
positives). Why sentences, not whole documents: a document-level set would
credit a relation "found" in a sentence that does not state it, and hide a
relation stated twice but extracted once — the graph keeps provenance per
sentence, so that is what must be right. Why overlap, not sentence_index: the
gold annotator and the pipeline may split sentences differently (quotes,
abbreviations), and offsets survive that where indices do not. Triples without
`sentence_start` fall back to the exact sentence text, then to the index.

Two views, each with per-type, per-family and overall P/R/F1:
- strict: subject id + type + object id (+ direction for directed types;
  symmetric types are order-free), one-to-one within a unit;
- pair-only: the unordered actor pair in the unit, whatever the type. For a
  type's row, precision counts its predictions whose pair is in the gold, and
  recall its gold triples whose pair was predicted with any type.
Plus a confusion table over types (NONE where one side has nothing for the pair)
and a count of triples whose type was right but direction wrong.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence

from graph_loader.errors import InputError, InvalidTriple
from graph_loader.model import FAMILIES, RELATIONS, Triple

NONE = "NONE"


@dataclass(frozen=True)
class Item:
    unit: tuple[Any, ...]
    subject: str
    relation: str
    object: str

    @property
    def strict_key(self) -> tuple[str, str, str]:
        s, o = self.subject, self.object
        if RELATIONS[self.relation].symmetric and o < s:
            s, o = o, s
        return (s, self.relation, o)

    @property
    def pair(self) -> frozenset[str]:
        return frozenset((self.subject, self.object))


def read_triples(path: str | Path) -> list[Triple]:
    """Spec-format triples of a JSONL file; a bad line raises InputError naming file and line."""
    path = Path(path)
    if not path.is_file():
        raise InputError("no such file", source=str(path))
    out: list[Triple] = []
    with path.open(encoding="utf-8") as fh:
        for n, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                out.append(Triple.from_dict(json.loads(raw)))
            except json.JSONDecodeError as exc:
                raise InputError(f"not valid JSON ({exc.msg})", source=str(path), line=n) from None
            except InvalidTriple as exc:
                raise InputError(exc.message, source=str(path), line=n) from None
    return out


def _range(t: Triple) -> tuple[int, int] | None:
    if t.sentence_start is None:
        return None
    return (t.sentence_start, t.sentence_start + len(t.sentence))


def _gold_units(gold: Sequence[Triple]) -> dict[str, list[tuple[tuple[Any, ...], Triple]]]:
    """Per document: (unit id, a representative gold triple) for each gold sentence."""
    units: dict[str, dict[tuple[Any, ...], Triple]] = defaultdict(dict)
    for t in gold:
        units[t.doc_id].setdefault(_unit_of_gold(t), t)
    return {doc: list(u.items()) for doc, u in units.items()}


def _unit_of_gold(t: Triple) -> tuple[Any, ...]:
    r = _range(t)
    return (t.doc_id, "range", r[0], r[1]) if r else (t.doc_id, "index", t.sentence_index)


def _assign(pred: Triple, units: dict[str, list[tuple[tuple[Any, ...], Triple]]]) -> tuple[Any, ...]:
    """The gold unit a prediction belongs to (max character overlap, then same text, then same index)."""
    candidates = units.get(pred.doc_id, [])
    r = _range(pred)
    if r is not None:
        best, best_overlap = None, 0
        for unit, g in candidates:
            gr = _range(g)
            if gr is None:
                continue
            overlap = min(r[1], gr[1]) - max(r[0], gr[0])
            if overlap > best_overlap:
                best, best_overlap = unit, overlap
        if best is not None:
            return best
    for unit, g in candidates:  # offsets on one side only: fall back to the sentence text
        if (r is None or _range(g) is None) and g.sentence.strip() == pred.sentence.strip():
            return unit
    if r is None:
        for unit, g in candidates:
            if g.sentence_index == pred.sentence_index and _range(g) is None:
                return unit
    return (pred.doc_id, "pred-only", r if r else pred.sentence_index)


def _items(gold: Sequence[Triple], pred: Sequence[Triple]) -> tuple[list[Item], list[Item]]:
    units = _gold_units(gold)
    g = [Item(_unit_of_gold(t), t.subject.id, t.relation, t.object.id) for t in gold]
    p = [Item(_assign(t, units), t.subject.id, t.relation, t.object.id) for t in pred]
    return g, p


def prf(tp_pred: int, npred: int, tp_gold: int, ngold: int) -> dict[str, Any]:
    p = tp_pred / npred if npred else 0.0
    r = tp_gold / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp_gold, "pred": npred, "gold": ngold}


def _strict_matches(gold: list[Item], pred: list[Item]) -> tuple[list[bool], list[bool]]:
    """One-to-one matching on (unit, strict key): which gold and which predicted items are matched."""
    pool: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for k, g in enumerate(gold):
        pool[(g.unit, g.strict_key)].append(k)
    gold_hit = [False] * len(gold)
    pred_hit = [False] * len(pred)
    for k, p in enumerate(pred):
        free = pool.get((p.unit, p.strict_key))
        if free:
            gold_hit[free.pop(0)] = True
            pred_hit[k] = True
    return gold_hit, pred_hit


def _pair_matches(gold: list[Item], pred: list[Item]) -> tuple[list[bool], list[bool]]:
    gold_pairs = {(g.unit, g.pair) for g in gold}
    pred_pairs = {(p.unit, p.pair) for p in pred}
    return [(g.unit, g.pair) in pred_pairs for g in gold], [(p.unit, p.pair) in gold_pairs for p in pred]


def _view(gold: list[Item], pred: list[Item], gold_hit: list[bool], pred_hit: list[bool], unique_pairs: bool) -> dict[str, Any]:
    def scores(relations: Iterable[str]) -> dict[str, Any]:
        rels = set(relations)
        gi = [k for k, g in enumerate(gold) if g.relation in rels]
        pi = [k for k, p in enumerate(pred) if p.relation in rels]
        return prf(sum(pred_hit[k] for k in pi), len(pi), sum(gold_hit[k] for k in gi), len(gi))

    per_type = {rel: scores([rel]) for rel in RELATIONS if any(i.relation == rel for i in (*gold, *pred))}
    per_family = {fam: scores(r for r in RELATIONS if RELATIONS[r].family == fam) for fam in FAMILIES}
    if unique_pairs:
        gset = {(g.unit, g.pair) for g in gold}
        pset = {(p.unit, p.pair) for p in pred}
        overall = prf(len(gset & pset), len(pset), len(gset & pset), len(gset))
    else:
        overall = scores(RELATIONS)
    return {"overall": overall, "per_family": per_family, "per_type": per_type}


def _confusion(gold: list[Item], pred: list[Item]) -> tuple[dict[str, dict[str, int]], int]:
    """Counts gold type → predicted type per (unit, pair); also type-right-direction-wrong count."""
    by_pair: dict[tuple[Any, ...], tuple[list[Item], list[Item]]] = defaultdict(lambda: ([], []))
    for g in gold:
        by_pair[(g.unit, g.pair)][0].append(g)
    for p in pred:
        by_pair[(p.unit, p.pair)][1].append(p)
    table: dict[str, Counter[str]] = defaultdict(Counter)
    direction_errors = 0
    for gs, ps in by_pair.values():
        g_rest = list(gs)
        p_rest = list(ps)
        for g in gs:  # same type first (direction errors still count as the same type here)
            same = next((p for p in p_rest if p.relation == g.relation), None)
            if same is not None:
                table[g.relation][g.relation] += 1
                if same.strict_key != g.strict_key:
                    direction_errors += 1
                g_rest.remove(g)
                p_rest.remove(same)
        for g, p in zip(g_rest, p_rest):
            table[g.relation][p.relation] += 1
        for g in g_rest[len(p_rest) :]:
            table[g.relation][NONE] += 1
        for p in p_rest[len(g_rest) :]:
            table[NONE][p.relation] += 1
    return {g: dict(c) for g, c in sorted(table.items())}, direction_errors


def _error_rows(triples: Sequence[Triple], hit: list[bool], kind: str) -> list[dict[str, Any]]:
    return [
        {
            "kind": kind,
            "doc_id": t.doc_id,
            "sentence_index": t.sentence_index,
            "sentence": t.sentence,
            "subject": t.subject.id,
            "subject_mention": t.subject.mention,
            "relation": t.relation,
            "object": t.object.id,
            "object_mention": t.object.mention,
            "confidence": t.confidence,
            "hedged": t.hedged,
        }
        for t, ok in zip(triples, hit)
        if not ok
    ]


def score(gold: Sequence[Triple], pred: Sequence[Triple]) -> dict[str, Any]:
    """The full report: strict and pair-only views, confusion table, direction errors, and the
    strict errors themselves (missed gold triples, extra predictions): the figures say how much
    is wrong, the error list says what to fix."""
    g, p = _items(gold, pred)
    s_gold, s_pred = _strict_matches(g, p)
    p_gold, p_pred = _pair_matches(g, p)
    confusion, direction_errors = _confusion(g, p)
    errors = _error_rows(gold, s_gold, "missed") + _error_rows(pred, s_pred, "extra")
    errors.sort(key=lambda e: (e["doc_id"], e["sentence_index"], e["kind"] != "missed"))
    return {
        "strict": _view(g, p, s_gold, s_pred, unique_pairs=False),
        "pair": _view(g, p, p_gold, p_pred, unique_pairs=True),
        "confusion": confusion,
        "direction_errors": direction_errors,
        "counts": {"gold": len(g), "predicted": len(p), "gold_sentences": len({i.unit for i in g})},
        "errors": errors,
    }


def format_errors(report: dict[str, Any]) -> str:
    """Strict errors grouped by sentence: '-' a gold triple the pipeline missed, '+' an extra one."""
    lines: list[str] = [f"== strict errors ({len(report['errors'])})"]
    last: tuple[str, int] | None = None
    for e in report["errors"]:
        where = (e["doc_id"], e["sentence_index"])
        if where != last:
            lines.append(f"{e['doc_id']} #{e['sentence_index']}: {e['sentence']}")
            last = where
        mark = "-" if e["kind"] == "missed" else "+"
        conf = "" if e["kind"] == "missed" else f"  ({e['confidence']:.2f})"
        hedge = " hedged" if e["hedged"] else ""
        lines.append(f"  {mark} {e['subject_mention']} ({e['subject']}) {e['relation']} {e['object_mention']} ({e['object']}){hedge}{conf}")
    return "\n".join(lines) + "\n"


def format_table(report: dict[str, Any]) -> str:
    """The report as aligned plain-text tables."""
    lines: list[str] = []
    for view, title in (("strict", "strict (subject + type + object + direction)"), ("pair", "pair-only (unordered actor pair)")):
        v = report[view]
        lines.append(f"== {title}")
        lines.append(f"{'':20} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'pred':>5} {'gold':>5}")

        def row(name: str, s: dict[str, Any]) -> str:
            return f"{name:20} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['tp']:5d} {s['pred']:5d} {s['gold']:5d}"

        lines.append(row("overall", v["overall"]))
        for fam, s in v["per_family"].items():
            lines.append(row(f"family:{fam}", s))
        for rel, s in v["per_type"].items():
            lines.append(row(rel, s))
        lines.append("")
    conf = report["confusion"]
    cols = sorted({c for r in conf.values() for c in r} | set(conf), key=lambda x: (x == NONE, x))
    short = {c: c[:8] for c in cols}
    lines.append("== confusion (rows: gold, columns: predicted)")
    lines.append(f"{'':16}" + "".join(f"{short[c]:>9}" for c in cols))
    for r in cols:
        if r not in conf:
            continue
        lines.append(f"{r[:16]:16}" + "".join(f"{conf[r].get(c, 0) or '.':>9}" for c in cols))
    lines.append(f"direction errors (type right, direction wrong): {report['direction_errors']}")
    c = report["counts"]
    lines.append(f"gold triples {c['gold']} in {c['gold_sentences']} sentences; predicted {c['predicted']}")
    return "\n".join(lines) + "\n"


def gold_documents(gold_path: Path, docs: Path | None, gold: Sequence[Triple]) -> list[Path]:
    """The document files the gold refers to (file stem = doc id), from `docs` or the gold file's folder."""
    folder = docs or gold_path.parent
    if not folder.is_dir():
        raise InputError("no such documents folder", source=str(folder))
    wanted = sorted({t.doc_id for t in gold})
    found = {p.stem: p for p in folder.iterdir() if p.is_file() and p.suffix in (".txt", ".json", ".jsonl", ".md", ".html")}
    missing = [d for d in wanted if d not in found]
    if missing:
        raise InputError(f"no document file for doc id(s) {', '.join(missing)}", source=str(folder))
    return [found[d] for d in wanted]


def evaluate_pipeline(
    gold_path: str | Path, model: str | None = None, docs: str | Path | None = None, registry: Any = None
) -> dict[str, Any]:
    """Run the full pipeline (actors + relation model) on the gold's documents and score it."""
    from graph_loader.extract import Extractor
    from graph_loader.relations.select import get_classifier
    from graph_loader.text.reader import read_documents

    gold_path = Path(gold_path)
    gold = read_triples(gold_path)
    paths = gold_documents(gold_path, Path(docs) if docs else None, gold)
    classifier = get_classifier(model)
    pred = list(Extractor(classifier=classifier, registry=registry).extract(read_documents([str(p) for p in paths])))
    report = score(gold, pred)
    report["model"] = classifier.name
    return report
