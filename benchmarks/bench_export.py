"""How long does exporting a 100,000-relationship subgraph take, and how much memory?

1. Generates (once; reused while its counts match) synthetic graphs in an
   embedded FalkorDB with the real graph model: 25,000, 50,000 and 100,000
   actor-to-actor relationships of the ten taxonomy types with the loader's
   aggregate properties (count, documents, sentences, confidence, dates, ...),
   among a fifth as many actors (four labels, Arabic names, aliases), plus the
   :Sentence and :Document nodes their evidence points to. Written with UNWIND
   batches, not through the Loader (see bench_reports.py for why).
2. For each graph size and each format, a fresh child process selects the
   whole graph through graph_loader.export.selection (the same code as
   `actorgraph export`) and writes the format; it reports the selection time,
   the write time, the output size, and its peak resident memory (VmHWM, reset
   after imports) minus the resident memory it had then, so the figure is what
   the export itself costs.
3. One more child selects only `--family rivalries` from the 100,000 graph, to
   show that memory follows the subgraph and not the store.
The figures are appended to docs/benchmarks.md under "Export speed and memory".

    python benchmarks/bench_export.py [--data-dir DIR] [--sizes 25000,50000,100000] [--regenerate] [--no-write]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
HEADING = "## Export speed and memory"
FORMATS = ("graphml", "gexf", "json", "csv", "cypher", "html")
WORDS = ("الجيش", "الوطني", "مجلس", "النواب", "حكومة", "الوحدة", "بعثة", "الأمم", "المتحدة", "قوة", "مشتركة",
         "اجتمع", "التقى", "رئيس", "الأركان", "وفد", "زيارة", "اتفاق", "تعاون", "رفض", "انتقد", "دعم", "أشاد")


def _graph_name(size: int) -> str:
    return f"bench_export_{size}"


def generate(store, edges: int, seed: int = 7) -> None:
    from graph_loader.model import ACTOR_LABELS, RELATIONS, ActorType

    rng = random.Random(seed)
    store.clear()
    store.ensure_schema()
    n_actors = max(100, edges // 5)
    n_docs = max(10, edges // 50)
    n_sentences = max(100, edges // 5)
    types = list(ActorType)
    actors = []
    for i in range(n_actors):
        t = types[i % 4]
        name = " ".join(rng.choice(WORDS) for _ in range(2)) + f" {i}"
        actors.append({"id": f"actor-{i:06d}", "type": t.value, "props": {
            "name": name, "name_en": f"Actor {i}", "type": t.value,
            "aliases": [f"{name} الأول", f"{name} الثاني"], "keys": [f"actor-{i:06d}"]}})
    for t in types:
        rows = [a for a in actors if a["type"] == t.value]
        store.write_batches(f"UNWIND $rows AS r CREATE (a:Actor:{ACTOR_LABELS[t]} {{id: r.id}}) SET a += r.props", rows, 5000)
    docs = [{"id": f"doc-{d:05d}", "title": " ".join(rng.choice(WORDS) for _ in range(6)),
             "date": (dt.date(2024, 1, 1) + dt.timedelta(days=d % 700)).isoformat()} for d in range(n_docs)]
    store.write_batches("UNWIND $rows AS r CREATE (d:Document {id: r.id}) SET d.title = r.title, d.date = r.date", docs, 5000)
    sentences = []
    for s in range(n_sentences):
        doc = docs[s % n_docs]["id"]
        sentences.append({"id": f"{doc}#{s // n_docs}", "doc_id": doc, "index": s // n_docs,
                          "text": " ".join(rng.choice(WORDS) for _ in range(18)) + "."})
    store.write_batches("UNWIND $rows AS r MATCH (d:Document {id: r.doc_id}) "
                        "CREATE (s:Sentence {id: r.id}) SET s.doc_id = r.doc_id, s.index = r.index, s.text = r.text "
                        "CREATE (s)-[:IN_DOCUMENT]->(d)", sentences, 5000)
    rels = list(RELATIONS)
    seen: set[tuple[str, str, str]] = set()
    by_type: dict[str, list[dict[str, Any]]] = {}
    while len(seen) < edges:
        a, b = rng.randrange(n_actors), rng.randrange(n_actors)
        rel = rng.choice(rels)
        if a == b:
            continue
        s, o = f"actor-{a:06d}", f"actor-{b:06d}"
        if RELATIONS[rel].symmetric and o < s:
            s, o = o, s
        if (s, rel, o) in seen:
            continue
        seen.add((s, rel, o))
        sents = sorted({sentences[rng.randrange(n_sentences)]["id"] for _ in range(rng.choice((1, 1, 2, 3)))})
        dts = sorted(docs[int(x.split("-")[1].split("#")[0])]["date"] for x in sents)
        props = {"count": len(sents), "documents": sorted({x.split("#")[0] for x in sents}),
                 "doc_count": len({x.split("#")[0] for x in sents}), "confidence": round(rng.uniform(0.3, 1.0), 3),
                 "hedged": 0.0, "sentences": sents, "family": RELATIONS[rel].family,
                 "first_seen": dts[0], "last_seen": dts[-1]}
        if rel == "AFFILIATED_WITH":
            props["role"] = "قائد"
        by_type.setdefault(rel, []).append({"s": s, "o": o, "props": props})
    for rel, rows in by_type.items():
        store.write_batches(f"UNWIND $rows AS r MATCH (a:Actor {{id: r.s}}), (b:Actor {{id: r.o}}) "
                            f"CREATE (a)-[x:{rel}]->(b) SET x = r.props", rows, 5000)


def _edge_count(store) -> int:
    from graph_loader.model import RELATION_NAMES

    return sum(n for t, n in store.stats()["relationships"].items() if t in RELATION_NAMES)


def child(data_dir: str, graph: str, fmt: str, out: str, family: str | None) -> None:
    """One measurement in a fresh process: select + write, report JSON on stdout."""
    import networkx  # noqa: F401  (imports counted in the baseline, not in the export)

    from graph_loader.export import FORMATS as SPECS
    from graph_loader.export import write_graph
    from graph_loader.export.selection import Selection, select_subgraph
    from graph_loader.store.embedded import EmbeddedStore

    import graph_loader.export.csv, graph_loader.export.cypher, graph_loader.export.gexf  # noqa: E401,F401
    import graph_loader.export.graphml, graph_loader.export.html, graph_loader.export.json  # noqa: E401,F401

    store = EmbeddedStore(data_dir, graph)
    base = _reset_peak()
    cpu0 = _cpu()
    t0 = time.perf_counter()
    g = select_subgraph(store, Selection(families=(family,) if family else ()), SPECS[fmt].evidence_per_edge)
    t1 = time.perf_counter()
    where = write_graph(g, fmt, out)
    t2 = time.perf_counter()
    size = sum(p.stat().st_size for p in Path(where).rglob("*")) if Path(where).is_dir() else Path(where).stat().st_size
    peak = _peak_kb()
    print(json.dumps({"format": fmt, "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
                      "select_s": round(t1 - t0, 2), "write_s": round(t2 - t1, 2), "cpu_s": round(_cpu() - cpu0, 2),
                      "bytes": size,
                      "baseline_mb": round(base / 1024), "export_mb": round((peak - base) / 1024)}))
    store.close()


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(field)


def _reset_peak() -> int:
    """Reset the peak-RSS mark (Linux clear_refs 5) and return the current RSS in kB."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return _status_kb("VmRSS")
    except (OSError, KeyError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _peak_kb() -> int:
    try:
        return _status_kb("VmHWM")
    except (OSError, KeyError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def run_child(data_dir: str, graph: str, fmt: str, out: Path, family: str | None = None) -> dict[str, Any]:
    args = [sys.executable, __file__, "--child", "--data-dir", data_dir, "--graph", graph, "--format", fmt, "--out", str(out)]
    if family:
        args += ["--family", family]
    proc = subprocess.run(args, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"child failed ({graph}, {fmt}): {proc.stderr.strip()[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data-dir", default=str(Path(tempfile.gettempdir()) / "actorgraph-bench-export"))
    ap.add_argument("--sizes", default="25000,50000,100000")
    ap.add_argument("--regenerate", action="store_true")
    ap.add_argument("--no-write", action="store_true", help="print only, do not append to docs/benchmarks.md")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--graph", help=argparse.SUPPRESS)
    ap.add_argument("--format", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    ap.add_argument("--family", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.data_dir, args.graph, args.format, args.out, args.family)
        return

    from graph_loader.store.embedded import EmbeddedServer, EmbeddedStore

    EmbeddedServer(args.data_dir).start()
    sizes = [int(s) for s in args.sizes.split(",")]
    for size in sizes:
        store = EmbeddedStore(args.data_dir, _graph_name(size))
        if args.regenerate or _edge_count(store) != size:
            t = time.perf_counter()
            generate(store, size)
            print(f"generated {size} relationships in {time.perf_counter() - t:.1f}s", file=sys.stderr)
        store.close()

    results: list[dict[str, Any]] = []
    work = Path(tempfile.mkdtemp(prefix="bench-export-"))
    try:
        for size in sizes:
            for fmt in FORMATS:
                out = work / (f"{size}_{fmt}" + ("" if fmt == "csv" else f".{fmt}"))
                r = run_child(args.data_dir, _graph_name(size), fmt, out)
                r["graph"] = size
                results.append(r)
                print(json.dumps(r), file=sys.stderr)
                shutil.rmtree(out, ignore_errors=True) if out.is_dir() else out.unlink(missing_ok=True)
        biggest = max(sizes)
        r = run_child(args.data_dir, _graph_name(biggest), "graphml", work / "family.graphml", family="rivalries")
        r["graph"] = biggest
        r["selection"] = "--family rivalries"
        results.append(r)
        print(json.dumps(r), file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    lines = [
        f"\n### {dt.date.today().isoformat()} ({platform.machine()}, {platform.python_version()}, "
        f"{_cpu_count()} cores; embedded FalkorDB; load average {_load()} at the end; "
        "other processes on the machine inflate the times)\n",
        "Whole-graph selection (`actorgraph export`, no filters) of a synthetic graph, one fresh process per row. "
        "select = reading the subgraph from the store into networkx (incl. evidence sentences and documents); "
        "write = writing the format; client CPU = CPU seconds of the export process (the store's own work not included; unlike wall time, barely affected by other load); memory = peak RSS of the process minus its RSS after imports (VmHWM reset by clear_refs).\n",
        "| relationships in subgraph | actors | format | select s | write s | total s | client CPU s | output MB | memory MB |",
        "|---:|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        label = f"{r['edges']:,}" + (f" ({r['selection']} of {r['graph']:,})" if r.get("selection") else "")
        lines.append(f"| {label} | {r['nodes']:,} | {r['format']} | {r['select_s']} | {r['write_s']} | "
                     f"{round(r['select_s'] + r['write_s'], 2)} | {r['cpu_s']} | {r['bytes'] / 1e6:.1f} | {r['export_mb']} |")
    block = "\n".join(lines) + "\n"
    print(block)
    if args.no_write:
        return
    path = ROOT / "docs" / "benchmarks.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if HEADING not in text:
        text = text.rstrip() + f"\n\n{HEADING}\n\n`python benchmarks/bench_export.py` (see its docstring for the method).\n"
    head, _, rest = text.partition(HEADING)
    nxt = rest.find("\n## ")
    section, tail = (rest, "") if nxt < 0 else (rest[:nxt], rest[nxt:])
    path.write_text(head + HEADING + section.rstrip() + "\n" + block + tail, encoding="utf-8")
    print(f"appended to {path}")


def _load() -> str:
    import os

    try:
        return " / ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def _cpu_count() -> int:
    import os

    return os.cpu_count() or 1


if __name__ == "__main__":
    main()
