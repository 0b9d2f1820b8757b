"""How fast does every saved report answer on a large graph in the embedded store?

1. Generates (once; reused while its counts match) a synthetic graph in the
   embedded FalkorDB with the real graph model: 100,000 actors (four labels),
   1,000,000 actor-to-actor relationships of the ten taxonomy types carrying the
   loader's aggregate properties (count, documents, confidence, first_seen, ...,
   1% marked rejected), one :Evidence node per relationship, 20,000 documents
   and 200,000 sentences. Endpoints are 80% uniform and 20% skewed towards low
   actor numbers, so there are hubs (the busiest actor has ~1,300 relationships)
   as in real news graphs. It is written directly with UNWIND batches, not
   through the Loader, because the Loader's per-key recomputation is built for
   correctness on small increments, not for a million synthetic rows.
2. Ensures the schema (graph_loader/store/schema.py: the indexes reports use).
3. Runs each report through graph_loader.reports (so actor resolution and
   binding are measured too) with parameters drawn at random for every call
   (a different actor each time, from all 100,000), after a warm-up, and prints
   p50/p95/max per report. A report that takes an optional actor is measured
   twice: focused on one actor and over the whole graph.
The figures are appended to docs/benchmarks.md under "Report speed".

    python benchmarks/bench_reports.py [--data-dir DIR] [--runs 40] [--regenerate] [--no-write]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph_loader.errors import StoreError  # noqa: E402
from graph_loader.model import RELATIONS  # noqa: E402
from graph_loader.reports import get_report, run_report  # noqa: E402
from graph_loader.store.embedded import EmbeddedStore  # noqa: E402

GRAPH = "bench_reports"
N_ACTORS = 100_000
N_RELS = 1_000_000
N_DOCS = 20_000
N_SENTENCES = 200_000
BATCH = 20_000
TIMEOUT_MS = 60_000  # a graph-wide case slower than this is recorded as ">= 60000 ms"
TYPES = [("PERSON", "Person"), ("ORGANIZATION", "Organization"), ("STATE", "State"), ("PLACE", "Place")]
# share of each relation type among the million relationships
REL_WEIGHTS = {"MET_WITH": 25, "COOPERATES_WITH": 15, "SUPPORTS": 10, "OPPOSES": 15, "RIVAL_OF": 8,
               "VISITED": 8, "MEDIATED": 4, "AFFILIATED_WITH": 8, "APPOINTED": 3, "RELATIVE_OF": 4}


def day(i: int) -> str:
    return (dt.date(2020, 1, 1) + dt.timedelta(days=i % 1800)).isoformat()


def actor_index(rng: random.Random) -> int:
    if rng.random() < 0.8:
        return rng.randrange(N_ACTORS)
    return min(N_ACTORS - 1, int(N_ACTORS * rng.random() ** 3))


def generate(store: EmbeddedStore, seed: int = 7) -> None:
    rng = random.Random(seed)
    store.clear()
    store.ensure_schema()
    t0 = time.monotonic()
    docs = [{"id": f"doc{i:05d}", "date": day(i // 11), "title": f"document {i}"} for i in range(N_DOCS)]
    store.write_batches("UNWIND $rows AS r CREATE (:Document {id: r.id, date: r.date, title: r.title})", docs, BATCH)
    sentences = ({"id": f"doc{i % N_DOCS:05d}#{i // N_DOCS}", "doc": f"doc{i % N_DOCS:05d}", "index": i // N_DOCS,
                  "text": f"sentence {i} about actors"} for i in range(N_SENTENCES))
    store.write_batches(
        "UNWIND $rows AS r MATCH (d:Document {id: r.doc}) "
        "CREATE (:Sentence {id: r.id, doc_id: r.doc, index: r.index, text: r.text})-[:IN_DOCUMENT]->(d)",
        sentences, BATCH)
    print(f"  documents and sentences: {time.monotonic() - t0:.0f}s", file=sys.stderr)
    for atype, label in TYPES:
        rows = [{"id": f"a{i:06d}", "name": f"actor {i}", "name_en": f"Actor {i}", "type": atype,
                 "keys": [f"a{i:06d}", f"actor {i}", f"Actor {i}"], "first_seen": day(i), "last_seen": day(i + 300)}
                for i in range(N_ACTORS) if TYPES[i % 4][0] == atype]
        store.write_batches(
            f"UNWIND $rows AS r CREATE (:Actor:{label} {{id: r.id, name: r.name, name_en: r.name_en, type: r.type, "
            "aliases: [], keys: r.keys, first_seen: r.first_seen, last_seen: r.last_seen})", rows, BATCH)
    print(f"  actors: {time.monotonic() - t0:.0f}s", file=sys.stderr)
    names, weights = zip(*REL_WEIGHTS.items())
    by_type: dict[str, list[dict[str, Any]]] = {n: [] for n in names}
    seen: set[tuple[int, str, int]] = set()
    made = 0
    while made < N_RELS:
        rel = rng.choices(names, weights)[0]
        s, o = actor_index(rng), actor_index(rng)
        if s == o:
            continue
        if RELATIONS[rel].symmetric and o < s:
            s, o = o, s
        if (s, rel, o) in seen:
            continue
        seen.add((s, rel, o))
        sent = rng.randrange(N_SENTENCES)
        doc = sent % N_DOCS
        date = day(doc // 11)
        sid, oid = f"a{s:06d}", f"a{o:06d}"
        key = f"{sid}|{rel}|{oid}"
        by_type[rel].append({
            "s": sid, "o": oid,
            "props": {"count": 1, "documents": [f"doc{doc:05d}"], "doc_count": 1,
                      "confidence": round(0.3 + 0.7 * rng.random(), 3), "first_seen": date, "last_seen": date,
                      "hedged": 0.0, "sentences": [f"doc{doc:05d}#{sent // N_DOCS}"], "family": RELATIONS[rel].family,
                      **({"rejected": True} if rng.random() < 0.01 else {})},
            "ev": {"id": f"doc{doc:05d}#{sent // N_DOCS}|{key}", "key": key, "doc_id": f"doc{doc:05d}",
                   "sentence_id": f"doc{doc:05d}#{sent // N_DOCS}", "rel": rel, "s": sid, "o": oid,
                   "confidence": 0.9, "hedged": False, "date": date, "cue": "cue"},
        })
        made += 1
    for rel, rows in by_type.items():
        store.write_batches(
            f"UNWIND $rows AS r MATCH (a:Actor {{id: r.s}}), (b:Actor {{id: r.o}}) CREATE (a)-[x:{rel}]->(b) SET x = r.props",
            rows, BATCH)
        store.write_batches("UNWIND $rows AS r CREATE (e:Evidence) SET e = r.ev", rows, BATCH)
        print(f"  {rel}: {len(rows)} relationships, {time.monotonic() - t0:.0f}s", file=sys.stderr)


def counts(store: EmbeddedStore) -> tuple[int, int]:
    if not store._exists():
        return 0, 0
    actors = store.run("MATCH (a:Actor) RETURN count(a) AS n")[0]["n"]
    rels = store.run("MATCH (:Actor)-[r]->(:Actor) RETURN count(r) AS n")[0]["n"]
    return actors, rels


def cases(rng: random.Random) -> list[tuple[str, str, Callable[[], dict[str, Any]]]]:
    """(label, report, params factory): a fresh random actor for every call."""
    def actor() -> str:
        return f"a{rng.randrange(N_ACTORS):06d}"

    def name() -> str:
        return f"actor {rng.randrange(N_ACTORS)}"

    return [
        ("alliances (actor)", "alliances", lambda: {"actor": actor()}),
        ("alliances (all)", "alliances", lambda: {}),
        ("meetings (actor)", "meetings", lambda: {"actor": name()}),
        ("meetings (all)", "meetings", lambda: {}),
        ("rivalries (actor)", "rivalries", lambda: {"actor": actor()}),
        ("rivalries (all)", "rivalries", lambda: {}),
        ("ego (depth 1)", "ego", lambda: {"actor": actor(), "depth": "1"}),
        ("ego (depth 2)", "ego", lambda: {"actor": actor(), "depth": "2"}),
        ("path", "path", lambda: {"source": actor(), "target": actor()}),
        ("evidence", "evidence", lambda: {"source": actor(), "target": actor()}),
        ("timeline", "timeline", lambda: {"actor": name()}),
        ("brokers (actor)", "brokers", lambda: {"actor": actor()}),
        ("brokers (all)", "brokers", lambda: {}),
        ("balance (actor)", "balance", lambda: {"actor": actor()}),
        ("balance (all)", "balance", lambda: {}),
        ("new-actors", "new-actors", lambda: {"since": day(rng.randrange(1500, 1790))}),
    ]


def evidence_pair(store: EmbeddedStore, rng: random.Random) -> Callable[[], dict[str, Any]]:
    """The evidence report is asked about pairs that have edges (a random pair almost never has one)."""
    pairs = store.run("MATCH (a:Actor)-[r:MET_WITH|OPPOSES]->(b:Actor) WHERE a.id STARTS WITH 'a0' "
                      "RETURN a.id AS s, b.id AS t LIMIT 2000")

    def make() -> dict[str, Any]:
        p = rng.choice(pairs)
        return {"source": p["s"], "target": p["t"]}

    return make


def measure(store: EmbeddedStore, runs: int, warmup: int = 3, global_runs: int = 2,
            only: set[str] | None = None) -> list[dict[str, Any]]:
    """Graph-wide cases take seconds each, so they get `global_runs` runs and no warm-up."""
    rng = random.Random(11)
    results = []
    for label, name, make in cases(rng):
        if only and label not in only:
            continue
        if name == "evidence":
            make = evidence_pair(store, rng)
        report = get_report(name)
        whole = label.endswith("(all)")
        n_runs, n_warm = (global_runs, 0) if whole else (runs, warmup)
        for _ in range(n_warm):
            run_report(store, report, make())
        times, rows = [], []
        for _ in range(n_runs):
            params = make()
            t = time.perf_counter()
            try:
                out = run_report(store, report, params)
            except StoreError as exc:  # the server's query timeout (set in main) stops runaway graph-wide cases
                print(f"{label}: {exc}", file=sys.stderr)
                times.append(TIMEOUT_MS)
                rows.append(0)
                break
            times.append((time.perf_counter() - t) * 1000)
            rows.append(len(out))
        times.sort()
        r = {"case": label, "runs": len(times), "p50_ms": round(statistics.median(times), 1),
             "p95_ms": round(times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)], 1),
             "max_ms": round(times[-1], 1), "mean_rows": round(sum(rows) / len(rows), 1)}
        print(json.dumps(r), file=sys.stderr)
        results.append(r)
    return results


def machine() -> str:
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    except (OSError, StopIteration):
        cpu = platform.processor() or "unknown CPU"
    import os

    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GB RAM, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def write_doc(results: list[dict[str, Any]], command: str, gen_seconds: float | None) -> None:
    path = ROOT / "docs" / "benchmarks.md"
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    lines = [
        "",
        f"### Run of {dt.datetime.now(dt.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')} (commit {commit})",
        "",
        f"- machine: {machine()}",
        f"- command: `{command}`",
        f"- graph: {N_ACTORS:,} actors, {N_RELS:,} actor relationships, {N_RELS:,} evidence nodes, "
        f"{N_DOCS:,} documents, {N_SENTENCES:,} sentences (embedded FalkorDB)"
        + (f"; generated in {gen_seconds:.0f}s" if gen_seconds else ""),
        "",
        "| case | runs | p50 ms | p95 ms | max ms | rows (mean) | p95 ≤ 100 ms |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        timed_out = r["max_ms"] >= TIMEOUT_MS
        lines.append(f"| {r['case']} | {r['runs']} | {r['p50_ms']} | {r['p95_ms']}{' (timeout)' if timed_out else ''} | {r['max_ms']} | {r['mean_rows']} | "
                     f"{'yes' if r['p95_ms'] <= 100 else 'no (+%.0f ms)' % (r['p95_ms'] - 100)} |")
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if "\n## Report speed" not in text:
        text = text.rstrip("\n") + "\n\n## Report speed\n\nWritten by `benchmarks/bench_reports.py`; newest run last.\n"
    path.write_text(text.rstrip("\n") + "\n" + "\n".join(lines) + "\n", encoding="utf-8")


def scale(relationships: int) -> None:
    """Size the synthetic graph: the default is the issue's 100,000 actors / 1,000,000 relationships."""
    global N_ACTORS, N_RELS, N_DOCS, N_SENTENCES, GRAPH
    N_RELS = relationships
    N_ACTORS = max(1_000, relationships // 10)
    N_DOCS = max(100, relationships // 50)
    N_SENTENCES = max(1_000, relationships // 5)
    if relationships != 1_000_000:
        GRAPH = f"bench_reports_{relationships}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", default="/tmp/actorgraph-bench")
    ap.add_argument("--runs", type=int, default=40)
    ap.add_argument("--regenerate", action="store_true")
    ap.add_argument("--generate-only", action="store_true")
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--only", default=None, help="comma-separated case labels to run, e.g. 'brokers (actor),path'")
    ap.add_argument("--relationships", type=int, default=N_RELS,
                    help="graph size; actors, documents and sentences scale with it (1/10, 1/50, 1/5)")
    args = ap.parse_args()
    scale(args.relationships)
    store = EmbeddedStore(args.data_dir, GRAPH)
    gen_seconds = None
    if args.regenerate or counts(store) != (N_ACTORS, N_RELS):
        print("generating the synthetic graph ...", file=sys.stderr)
        t = time.monotonic()
        generate(store)
        gen_seconds = time.monotonic() - t
        print(f"generated in {gen_seconds:.0f}s", file=sys.stderr)
    store.ensure_schema()
    if args.generate_only:
        return
    store._db.connection.execute_command("GRAPH.CONFIG", "SET", "TIMEOUT_DEFAULT", TIMEOUT_MS)
    results = measure(store, args.runs, only={c.strip() for c in args.only.split(",")} if args.only else None)
    if not args.no_write:
        write_doc(results, "python " + " ".join(["benchmarks/bench_reports.py", *sys.argv[1:]]), gen_seconds)


if __name__ == "__main__":
    main()
