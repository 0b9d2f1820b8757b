"""--workers: the same triples, in the same order, as one process; and the same graph from `build`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from graph_loader.cli import cli

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import corpus  # noqa: E402


def _corpus(tmp_path: Path, docs: int = 24) -> Path:
    src = tmp_path / "c.jsonl"
    src.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in corpus.articles(docs=docs, seed=4)),
                   encoding="utf-8")
    return src


def test_parallel_extract_equals_serial_in_order(tmp_path, runner, cli_args):
    src = _corpus(tmp_path)
    one = runner.invoke(cli, [*cli_args, "-q", "extract", str(src), "--model", "lexicon"])
    two = runner.invoke(cli, [*cli_args, "-q", "extract", str(src), "--model", "lexicon", "--workers", "2"])
    assert one.exit_code == 0 and two.exit_code == 0, two.output
    assert one.stdout.count("\n") > 100
    assert one.stdout == two.stdout  # byte for byte: document order and per-document order kept


def test_parallel_build_equals_serial_build(tmp_path, runner, data_dir, graph_name):
    src = _corpus(tmp_path, 16)
    out = {}
    for w in ("1", "2"):
        g = f"{graph_name}_w{w}"
        r = runner.invoke(cli, ["--data-dir", str(data_dir), "--graph", g, "-q", "build", str(src), "--model", "lexicon",
                                "--workers", w, "--format", "json"])
        assert r.exit_code == 0, r.output
        s = json.loads(r.stdout)
        out[w] = (s["extracted"], s["graph"])
    assert out["1"] == out["2"]
    assert out["1"][0]["documents"] == 16 and out["1"][0]["sentences"] > 120
