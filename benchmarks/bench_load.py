"""Load speed: `actorgraph load` against the engine's raw UNWIND/MERGE and a naive one-MERGE-per-triple loader.

All three write the same triples into the embedded FalkorDB (each into a fresh
graph with the same indexes):
  - actorgraph: the CLI as a user runs it (a subprocess, startup included):
    documents, sentences, actors with keys, one :Evidence node per triple,
    aggregated edges, crash-safe commit per batch;
  - raw: the minimum the engine needs for the same facts, in batches of 2000
    rows: MERGE actors, MERGE one :Evidence node per triple, MERGE the edge
    with a running count (no documents, sentences, aggregates or commit marks);
  - naive: one query per triple doing the raw work (a round trip each),
    measured on a sample and extrapolated (rates are flat in N for it).

    python benchmarks/bench_load.py --triples 50000 1000000
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402

from graph_loader.store.embedded import EmbeddedStore  # noqa: E402

ACTORGRAPH = str(Path(sys.executable).with_name("actorgraph"))
BATCH = 2000

RAW_ACTORS = "UNWIND $rows AS r MERGE (a:Actor {id: r.id}) SET a.name = r.name, a.type = r.type"
RAW_EVIDENCE = """
UNWIND $rows AS r
MERGE (e:Evidence {id: r.id})
SET e.key = r.key, e.doc_id = r.doc_id, e.rel = r.rel, e.s = r.s, e.o = r.o, e.confidence = r.confidence,
    e.date = r.date, e.hedged = r.hedged, e.sentence = r.sentence
"""
RAW_EDGES = """
UNWIND $rows AS r
WITH r.s AS s, r.o AS o, count(*) AS n, max(r.confidence) AS c
MATCH (a:Actor {id: s}), (b:Actor {id: o})
MERGE (a)-[x:{rel}]->(b)
ON CREATE SET x.count = n, x.confidence = c
ON MATCH SET x.count = x.count + n, x.confidence = CASE WHEN c > x.confidence THEN c ELSE x.confidence END
"""
NAIVE = """
MERGE (a:Actor {id: $s}) SET a.name = $sn, a.type = $st
MERGE (b:Actor {id: $o}) SET b.name = $on, b.type = $ot
MERGE (e:Evidence {id: $id})
SET e.key = $key, e.doc_id = $doc_id, e.rel = $rel, e.s = $s, e.o = $o, e.confidence = $confidence,
    e.date = $date, e.hedged = $hedged, e.sentence = $sentence
MERGE (a)-[x:{rel}]->(b)
ON CREATE SET x.count = 1
ON MATCH SET x.count = x.count + 1
"""


def _rows(path: Path):
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            t = json.loads(line)
            s, o = t["subject"]["id"], t["object"]["id"]
            key = f"{s}|{t['relation']}|{o}"
            yield {
                "id": f"{t['doc_id']}#{t['sentence_index']}|{key}", "key": key, "doc_id": t["doc_id"],
                "rel": t["relation"], "s": s, "o": o, "confidence": t["confidence"], "date": t.get("date"),
                "hedged": t.get("hedged", False), "sentence": t["sentence"],
                "sn": t["subject"]["name"], "st": t["subject"]["type"], "on": t["object"]["name"], "ot": t["object"]["type"],
            }


def _fresh(data_dir: Path, graph: str) -> EmbeddedStore:
    store = EmbeddedStore(data_dir, graph)
    store.clear()
    store.ensure_schema()
    return store


def raw_load(path: Path, data_dir: Path, graph: str) -> float:
    store = _fresh(data_dir, graph)
    start = time.perf_counter()
    batch: list[dict] = []

    def flush() -> None:
        actors = {r["s"]: {"id": r["s"], "name": r["sn"], "type": r["st"]} for r in batch}
        actors.update({r["o"]: {"id": r["o"], "name": r["on"], "type": r["ot"]} for r in batch})
        store.write(RAW_ACTORS, {"rows": list(actors.values())})
        store.write(RAW_EVIDENCE, {"rows": batch})
        by_rel: dict[str, list[dict]] = {}
        for r in batch:
            by_rel.setdefault(r["rel"], []).append(r)
        for rel, rows in by_rel.items():
            store.write(RAW_EDGES.replace("{rel}", rel), {"rows": rows})

    for row in _rows(path):
        batch.append(row)
        if len(batch) >= BATCH:
            flush()
            batch = []
    if batch:
        flush()
    elapsed = time.perf_counter() - start
    store.clear()
    store.close()
    return elapsed


def naive_load(path: Path, data_dir: Path, graph: str, sample: int) -> tuple[float, int]:
    store = _fresh(data_dir, graph)
    n = 0
    start = time.perf_counter()
    for row in _rows(path):
        if n >= sample:
            break
        store.write(NAIVE.replace("{rel}", row["rel"]), row)
        n += 1
    elapsed = time.perf_counter() - start
    store.clear()
    store.close()
    return elapsed, n


def actorgraph_load(path: Path, data_dir: Path, graph: str) -> float:
    _fresh(data_dir, graph).close()
    start = time.perf_counter()
    subprocess.run([ACTORGRAPH, "--data-dir", str(data_dir), "--graph", graph, "-q", "load", str(path)], check=True,
                   stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    store = EmbeddedStore(data_dir, graph)
    store.clear()
    store.close()
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--triples", type=int, nargs="+", default=[50000])
    ap.add_argument("--naive-sample", type=int, default=5000)
    ap.add_argument("--data-dir", default=None, help="a scratch data dir (default: a new temporary one)")
    args = ap.parse_args()
    data_dir = Path(args.data_dir or tempfile.mkdtemp(prefix="ag-bench-"))
    results = []
    for n in args.triples:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"triples-{n}.jsonl"
            with path.open("w", encoding="utf-8") as fh:
                for t in corpus.triples(n, seed=11):
                    fh.write(json.dumps(t, ensure_ascii=False) + "\n")
            ag = actorgraph_load(path, data_dir, f"bench_ag_{n}")
            raw = raw_load(path, data_dir, f"bench_raw_{n}")
            naive_s, naive_n = naive_load(path, data_dir, f"bench_naive_{n}", min(n, args.naive_sample))
        r = {
            "triples": n,
            "actorgraph_s": round(ag, 2), "actorgraph_rate": round(n / ag),
            "raw_s": round(raw, 2), "raw_rate": round(n / raw),
            "naive_sample": naive_n, "naive_rate": round(naive_n / naive_s),
            "naive_s_extrapolated": round(naive_s * n / naive_n, 1),
        }
        r["ratio_vs_raw"] = round(r["actorgraph_rate"] / r["raw_rate"], 2)
        r["speedup_vs_naive"] = round(r["actorgraph_rate"] / r["naive_rate"], 1)
        results.append(r)
        print(json.dumps(r), flush=True)
    print(f"\nmachine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC")
    print("| triples | actorgraph load | raw UNWIND/MERGE | ratio (>= 0.5) | naive per-triple MERGE | speed-up (>= 20x) |")
    print("|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(f"| {r['triples']:,} | {r['actorgraph_s']} s ({r['actorgraph_rate']:,}/s) | {r['raw_s']} s ({r['raw_rate']:,}/s) "
              f"| {r['ratio_vs_raw']} | {r['naive_rate']:,}/s on {r['naive_sample']:,} (≈{r['naive_s_extrapolated']} s) "
              f"| {r['speedup_vs_naive']}x |")


if __name__ == "__main__":
    main()
