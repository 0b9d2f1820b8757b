"""Writes the relation classifier's train and dev files from templates and hand-written sentences.

    python -m training.generate --seed 13 --out training/data [--train 7000 --dev 1200]

Sentences are composed from clause templates (training/lexicon/clauses_*.py):
an optional opener, an optional reporting or hedging frame, a main clause, and
sometimes a second or third clause joined by a connector. Relations hold only
inside a clause, so every cross-clause pair is a NONE example. Dev uses
held-out templates and held-out names (training/actors.py), so it measures
generalisation. The same seed gives byte-identical files.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from graph_loader.model import RELATIONS
from training.actors import build_pools
from training.lexicon import clauses_alliances as al
from training.lexicon import clauses_meetings as me
from training.lexicon import clauses_none as no
from training.lexicon import clauses_rivalries as ri
from training.lexicon import clauses_structure as st
from training.lexicon import fillers
from training.render import Built, Clause, Sampler, render_clause
from training.swap import swapped_copies
from training.validate import DataError, read_jsonl, validate_record

HERE = Path(__file__).resolve().parent
HANDWRITTEN = HERE / "handwritten.jsonl"
HANDWRITTEN_DEV_EVERY = 5  # every 5th hand-written sentence goes to dev
SWAPS = 3  # actor-swapped copies of each hand-written train sentence (training/swap.py)

# family -> (positive clauses, negated clauses, hedged clauses, weight)
FAMILIES: dict[str, tuple[list[Clause], list[Clause], list[Clause], float]] = {
    "meeting": (me.MET, me.MET_NEG, me.MET_HEDGED, 1.5),
    "visit": (me.VISIT, me.VISIT_NEG, [], 1.0),
    "mediation": (me.MEDIATED, me.MEDIATED_NEG, [], 0.8),
    "coop": (al.COOP, al.COOP_NEG, [], 1.0),
    "support": (al.SUPPORT, al.SUPPORT_NEG, al.SUPPORT_HEDGED, 1.0),
    "oppose": (ri.OPPOSE, ri.OPPOSE_NEG, [], 1.0),
    "rival": (ri.RIVAL, ri.RIVAL_NEG, ri.RIVAL_HEDGED, 0.9),
    "appoint": (st.APPOINT, st.APPOINT_NEG, [], 0.9),
    "affil": (st.AFFIL, st.AFFIL_NEG, [], 0.7),
    "kin": (st.KIN, st.KIN_NEG, [], 0.7),
    "none": (no.NONE, [], [], 0.8),
}

# Reporting frames: (text before the clause, source slot kind or "", hedged?)
# The frame ends in إن/أن/بأن; a verb-first clause gets the pronoun ـه after it.
REPORT_FRAMES: tuple[tuple[str, str, bool], ...] = (
    ("{v:قال|قالت:S} {S} إن", "coll", False),
    ("{v:قال|قالت:S} {S} إن", "per", False),
    ("أفاد بيان صادر عن {S} بأن", "coll", False),
    ("{v:أعلن|أعلنت:S} {S} أن", "coll", False),
    ("{v:ذكر|ذكرت:S} {S} في تصريح صحفي أن", "per", False),
    ("{v:أكد|أكدت:S} مصدر مقرب من {S} أن", "actor", False),
    ("أفادت تقارير إعلامية بأن", "", True),
    ("ذكرت مصادر مطلعة أن", "", True),
    ("{alt:اعتبر|يرى} مراقبون أن", "", True),
    ("بحسب متابعين، فإن", "", True),
    ("{v:أفادت|أفادت:S} {S} بأن", "coll", False),
    ("وفق بيان {v:صادر عن|صادر عن:S} {S}، فإن", "coll", False),
    ("نقلت وكالة الأنباء الرسمية أن", "", False),
    ("{v:كشف|كشفت:S} {S} أن", "actor", False),
    ("{alt:أوضح|أضاف} {S} أن", "per", False),
    ("تشير أنباء غير مؤكدة إلى أن", "", True),
    ("يُعتقد أن", "", True),
    ("{v:زعم|زعمت:S} {S} أن", "actor", True),
    ("تتحدث تقارير لم يتسن التأكد منها عن أن", "", True),
)
HEDGE_PREFIXES: tuple[str, ...] = ("بحسب تقارير، ", "بحسب متابعين، ", "وفق تقارير إعلامية، ", "وفق ما تردد، ", "حسب أنباء متداولة، ", "بحسب مصادر لم تكشف هويتها، ")
CONNECTORS: tuple[tuple[str, frozenset[str]], ...] = (
    ("، فيما ", frozenset({"vf", "sf"})), ("، بينما ", frozenset({"vf", "sf"})), ("، في حين ", frozenset({"vf", "sf"})),
    ("، وذلك بعد أن ", frozenset({"vf"})), ("، كما ", frozenset({"vf"})), ("، و", frozenset({"vf", "pass"})),
    ("، وفي الأثناء، ", frozenset({"vf", "sf", "nom", "pass"})), ("؛ ", frozenset({"vf", "sf", "pass", "nom"})),
    ("، وفي سياق آخر، ", frozenset({"vf", "sf", "pass", "masdar"})), ("، قبل أن يتبين أن ", frozenset({"sf", "nom"})),
    ("، بالتزامن مع إعلان أن ", frozenset({"sf", "nom"})),
)
# Clauses opening with a particle need the pronoun after إن/أن ("إنه ليس هناك", "أنه لا صحة").
PARTICLE_STARTS: tuple[str, ...] = ("ليس", "لا ", "لم ", "لن ", "من المقرر", "يُعتقد")
FORM_PHENOMENON = {"vf": "verb_first", "sf": "subject_first", "nom": "nominal", "pass": "passive",
                   "masdar": "masdar", "head": "headline"}


class Generator:
    def __init__(self, seed: int, dev: bool) -> None:
        self.rng = random.Random(f"{seed}-{'dev' if dev else 'train'}")
        self.sampler = Sampler(self.rng, build_pools(dev, seed))
        self.families: dict[str, tuple[list[Clause], list[Clause], list[Clause], float]] = {
            name: tuple([c for c in group if c.dev == dev] for group in groups[:3]) + (groups[3],)  # type: ignore[misc]
            for name, groups in FAMILIES.items()
        }

    def clause(self, forms: frozenset[str] | None = None, family: str | None = None) -> tuple[Clause, str]:
        """A clause (positive, negated or hedged) whose form fits the slot it fills."""
        r = self.rng
        names = list(self.families)
        for _ in range(200):
            fam = family or r.choices(names, weights=[self.families[n][3] for n in names])[0]
            pos, neg, hed, _w = self.families[fam]
            roll = r.random()
            group = neg if roll < 0.2 and neg else hed if roll < 0.27 and hed else pos
            if not group:
                continue
            c = r.choice(group)
            if forms is None or c.form in forms:
                return c, fam
        fits = [(c, n) for n, groups in self.families.items() for g in groups[:3] for c in g  # type: ignore[union-attr]
                if forms is None or c.form in forms]
        if not fits:
            raise RuntimeError(f"no clause has a form in {sorted(forms or ())}")
        return r.choice(fits)

    def sentence(self) -> tuple[Built, list[str]]:
        r = self.rng
        b = Built()
        used: list[str] = []
        if r.random() < 0.07:  # headline: one short clause, no final stop
            c, _ = self.clause(frozenset({"head"}))
            render_clause(b, self.sampler, c)
            used.append(c.id)
            b.phenomena.add("headline")
            return b, used
        roll = r.random()
        forms_main = frozenset({"vf", "sf", "nom", "pass", "masdar"})
        hedged = False
        if roll < 0.16:  # reporting frame
            text, kind, hedged = r.choice(REPORT_FRAMES)
            c, _ = self.clause(frozenset({"vf", "sf", "nom", "pass"}))
            if r.random() < 0.3:
                b.add(r.choice(("و", "وفي سياق متصل، ", "من جهته، ", "كما ")))
            frame = Clause("frame", text, {"S": kind} if kind else {}, (), "vf")
            render_clause(b, self.sampler, frame)
            b.add("ه " if c.form in ("vf", "pass") or c.text.startswith(PARTICLE_STARTS) else " ")
            b.phenomena.add("reported")
            if hedged:
                b.phenomena.add("hedged")
        elif roll < 0.22:
            b.add(r.choice(HEDGE_PREFIXES))
            c, _ = self.clause(frozenset({"vf", "sf", "pass"}))
            hedged = True
            b.phenomena.update({"hedged", "hedge_word"})
        else:
            c, _ = self.clause(forms_main)
            opener = r.choice(fillers.OPENERS)
            if opener == "كما " and c.form not in ("vf", "pass"):
                opener = ""
            if opener == "و" and c.form in ("masdar", "nom") and r.random() < 0.5:
                opener = ""
            b.add(opener)
        render_clause(b, self.sampler, c, hedged=hedged)
        used.append(c.id)
        b.phenomena.add(FORM_PHENOMENON[c.form])
        n_more = 0
        roll = r.random()
        if roll < 0.28:
            n_more = 1
        elif roll < 0.35:
            n_more = 2
        for _ in range(n_more):
            if r.random() < 0.35:
                b.add(r.choice(fillers.CONTEXT_TAILS))
            conn, forms = r.choice(CONNECTORS)
            try:
                c2, _ = self.clause(forms)
            except RuntimeError:  # a small dev template set may lack the form: fall back to "، و"
                conn, forms = CONNECTORS[5]
                c2, _ = self.clause(forms)
            b.add(conn)
            render_clause(b, self.sampler, c2)
            used.append(c2.id)
            b.phenomena.add("multi_clause")
        if r.random() < 0.3:
            b.add(r.choice(fillers.CONTEXT_TAILS))
        b.add(".")
        return b, used

    def record(self, rid: str) -> dict[str, Any]:
        b, used = self.sentence()
        return to_record(rid, b, "template:" + "+".join(used), self.rng)


def to_record(rid: str, b: Built, source: str, rng: random.Random) -> dict[str, Any]:
    rels = []
    for s, o, label, hedged in b.relations:
        if RELATIONS[label].symmetric and rng.random() < 0.5:
            s, o = o, s  # symmetric: direction carries nothing, so show both orders
        rel: dict[str, Any] = {"subject": s, "object": o, "label": label}
        if hedged:
            rel["hedged"] = True
        rels.append(rel)
    phen = set(b.phenomena)
    if len(b.mentions) >= 4:
        phen.add("multi4")
    if len(b.text) >= 180:
        phen.add("long")
    if "«" in b.text or "“" in b.text:
        phen.add("quote")
    if any(r.get("hedged") for r in rels):
        phen.add("hedged")
    return {
        "id": rid,
        "sentence": b.text,
        "mentions": [{"start": m.start, "end": m.end, "type": m.type, "text": m.text, "id": m.id} for m in b.mentions],
        "relations": rels,
        "phenomena": sorted(phen),
        "source": source,
    }


def generate(seed: int, n_train: int, n_dev: int, swaps: int = SWAPS) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Template sentences plus the hand-written ones (and, in train, actor-swapped copies of them)."""
    train: list[dict[str, Any]] = []
    dev: list[dict[str, Any]] = []
    for split, n, out, prefix in ((False, n_train, train, "gen"), (True, n_dev, dev, "dev")):
        g = Generator(seed, split)
        for i in range(n):
            rec = g.record(f"{prefix}-{i:06d}")
            validate_record(rec, rec["id"])
            out.append(rec)
    if HANDWRITTEN.exists():
        hw_train: list[dict[str, Any]] = []
        for i, rec in enumerate(read_jsonl(HANDWRITTEN)):
            (dev if i % HANDWRITTEN_DEV_EVERY == HANDWRITTEN_DEV_EVERY - 1 else hw_train).append(rec)
        train.extend(hw_train)
        for rec in swapped_copies(hw_train, build_pools(False, seed), swaps, seed):
            validate_record(rec, rec["id"])
            train.append(rec)
    return train, dev


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> None:
    """One record a line; gzip-compressed when the name ends in .gz, with no name or time in the
    header so that a seed gives the same bytes on every run."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(json.dumps(rec, ensure_ascii=False) + "\n" for rec in records).encode("utf-8")
    if path.suffix == ".gz":
        with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as fh:
            fh.write(text)
    else:
        path.write_bytes(text)


def stats(records: list[dict[str, Any]]) -> dict[str, Counter]:
    """Pair counts per label (NONE included), per surface order and per phenomenon."""
    labels: Counter = Counter()
    orders: Counter = Counter()
    phen: Counter = Counter()
    for rec in records:
        ids = [m["id"] for m in rec["mentions"]]
        related = {frozenset((r["subject"], r["object"])) for r in rec["relations"]}
        for r in rec["relations"]:
            labels[r["label"]] += 1
            orders[(r["label"], "subject_first" if r["subject"] < r["object"] else "object_first")] += 1
        for i in range(len(ids)):
            for j in range(i + 1, len(ids)):
                if ids[i] != ids[j] and frozenset((i, j)) not in related:
                    labels["NONE"] += 1
        phen.update(rec["phenomena"])
    return {"labels": labels, "orders": orders, "phenomena": phen}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m training.generate", description=__doc__.splitlines()[0])
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--out", type=Path, default=HERE / "data")
    p.add_argument("--train", type=int, default=3000, help="template sentences in train")
    p.add_argument("--dev", type=int, default=400, help="template sentences in dev")
    p.add_argument("--swaps", type=int, default=SWAPS, help="actor-swapped copies of each hand-written train sentence")
    args = p.parse_args(argv)
    t0 = time.perf_counter()
    try:
        train, dev = generate(args.seed, args.train, args.dev, args.swaps)
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    (args.out / "train.jsonl").unlink(missing_ok=True)  # an uncompressed copy would be read instead
    write_jsonl(args.out / "train.jsonl.gz", train)
    write_jsonl(args.out / "dev.jsonl", dev)
    for name, recs in (("train", train), ("dev", dev)):
        s = stats(recs)
        pairs = sum(s["labels"].values())
        print(f"{name}: {len(recs)} sentences, {pairs} pairs; " +
              ", ".join(f"{k}={v}" for k, v in sorted(s["labels"].items())))
    print(f"written to {args.out} in {time.perf_counter() - t0:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
