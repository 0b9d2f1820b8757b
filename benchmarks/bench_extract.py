"""Extraction speed and peak memory of `actorgraph extract` at growing corpus sizes.

Each size is a synthetic corpus (benchmarks/corpus.py) of exactly N sentences,
extracted by the CLI in a fresh process; peak memory is that process's maximum
resident set (getrusage of a dedicated parent). Flat memory across sizes is
the point: documents stream in, triples stream out.

    python benchmarks/bench_extract.py --sentences 1000 10000 100000 --model lexicon
    python benchmarks/bench_extract.py --sentences 1000 10000 --workers 2      # the shipped transformer
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
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402

ACTORGRAPH = str(Path(sys.executable).with_name("actorgraph"))

# A tiny parent per run, so RUSAGE_CHILDREN is the peak of that one extract (and its workers: the max of any).
MEASURE = """
import json, resource, subprocess, sys, time
t = time.perf_counter()
r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
elapsed = time.perf_counter() - t
if r.returncode != 0:
    sys.exit(r.stderr)
print(json.dumps({"seconds": elapsed, "peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def run(n: int, model: str | None, workers: int, tmp: Path) -> dict:
    src = tmp / f"corpus-{n}.jsonl"
    docs = 0
    with src.open("w", encoding="utf-8") as fh:
        for art in corpus.articles(sentences=n, seed=21):
            fh.write(json.dumps(art, ensure_ascii=False) + "\n")
            docs += 1
    out = tmp / f"triples-{n}.jsonl"
    cmd = [ACTORGRAPH, "-q", "extract", str(src), "-o", str(out), "--workers", str(workers)]
    if model:
        cmd += ["--model", model]
    m = json.loads(subprocess.run([sys.executable, "-c", MEASURE, *cmd], capture_output=True, text=True, check=True).stdout)
    triples = sum(1 for _ in out.open(encoding="utf-8"))
    return {"sentences": n, "documents": docs, "triples": triples, "seconds": round(m["seconds"], 1),
            "sentences_per_s": round(n / m["seconds"]), "peak_mb": round(m["peak_mb"]),
            "input_mb": round(src.stat().st_size / 1e6, 1), "output_mb": round(out.stat().st_size / 1e6, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sentences", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--model", default=None, help="lexicon, a model dir, or omit for the shipped transformer")
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sentences:
            r = run(n, args.model, args.workers, Path(tmp))
            rows.append(r)
            print(json.dumps(r), flush=True)
    print(f"\nmodel: {args.model or 'shipped transformer'}, workers: {args.workers}; machine: {platform.machine()}, "
          f"{os.cpu_count()} cores, Python {platform.python_version()}, {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC")
    print("| sentences | documents | triples | time | sentences/s | peak RSS | input | output |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['sentences']:,} | {r['documents']:,} | {r['triples']:,} | {r['seconds']} s | {r['sentences_per_s']:,} "
              f"| {r['peak_mb']} MB | {r['input_mb']} MB | {r['output_mb']} MB |")


if __name__ == "__main__":
    main()
