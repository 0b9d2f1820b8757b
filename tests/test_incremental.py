"""Incremental, crash-safe ingestion: skip unchanged, replace changed, resume after SIGKILL.

All on the real embedded store with the lexicon model (fast, deterministic).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from graph_loader.cli import cli
from graph_loader.errors import StoreError
from graph_loader.load import Q_EVIDENCE, Loader
from graph_loader.model import Document, Triple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import corpus  # noqa: E402

ACTORGRAPH = str(Path(sys.executable).with_name("actorgraph"))


def _stats(runner, data_dir, graph) -> dict:
    r = runner.invoke(cli, ["--data-dir", str(data_dir), "--graph", graph, "stats", "--format", "json"])
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def _write_corpus(path: Path, docs: int, seed: int = 3) -> list[dict]:
    arts = list(corpus.articles(docs=docs, seed=seed))
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in arts), encoding="utf-8")
    return arts


def _integrity(store) -> dict:
    """Facts that must hold after any completed run: no duplicates, everything committed."""
    q = lambda cypher: store.run(cypher)[0]  # noqa: E731
    return {
        "documents": q("MATCH (d:Document) RETURN count(d) AS n, count(DISTINCT d.id) AS ids"),
        "uncommitted": q("MATCH (d:Document) WHERE d.hash IS NULL OR d.pending IS NOT NULL RETURN count(d) AS n")["n"],
        "evidence": q("MATCH (e:Evidence) RETURN count(e) AS n, count(DISTINCT e.id) AS ids"),
        "sentences": q("MATCH (s:Sentence) RETURN count(s) AS n, count(DISTINCT s.id) AS ids"),
    }


def test_sigkill_mid_build_then_rerun_equals_a_clean_run(tmp_path, data_dir, runner):
    src = tmp_path / "big.jsonl"
    arts = _write_corpus(src, 360)
    clean, killed = f"clean_{uuid.uuid4().hex[:8]}", f"killed_{uuid.uuid4().hex[:8]}"

    r = runner.invoke(cli, ["--data-dir", str(data_dir), "--graph", clean, "-q", "build", str(src), "--model", "lexicon",
                            "--format", "json"])
    assert r.exit_code == 0, r.output
    clean_stats = _stats(runner, data_dir, clean)

    from graph_loader.store.embedded import EmbeddedStore

    watch = EmbeddedStore(data_dir, killed)
    proc = subprocess.Popen([ACTORGRAPH, "--data-dir", str(data_dir), "--graph", killed, "-q", "build", str(src),
                             "--model", "lexicon"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    committed = 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            committed = watch.run("MATCH (d:Document) WHERE d.hash IS NOT NULL RETURN count(d) AS n")[0]["n"]
        except (StoreError, IndexError):
            committed = 0  # the graph key does not exist yet, or is being created
        if committed:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the build finished before it could be killed: make the corpus bigger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = watch.run("MATCH (d:Document) RETURN count(d) AS n")[0]["n"]
    assert 0 < committed < len(arts) and partial < len(arts)

    r = runner.invoke(cli, ["--data-dir", str(data_dir), "--graph", killed, "build", str(src), "--model", "lexicon",
                            "--format", "json"])
    assert r.exit_code == 0, r.output
    summary = json.loads(r.stdout)
    assert summary["extracted"]["unchanged_documents"] >= committed  # committed work is not redone
    assert summary["extracted"]["unchanged_documents"] + summary["extracted"]["documents"] == len(arts)
    assert _stats(runner, data_dir, killed) == clean_stats

    facts = _integrity(watch)
    assert facts["documents"] == {"n": len(arts), "ids": len(arts)}
    assert facts["uncommitted"] == 0
    assert facts["evidence"]["n"] == facts["evidence"]["ids"]
    assert facts["sentences"]["n"] == facts["sentences"]["ids"]
    clean_store = EmbeddedStore(data_dir, clean)
    edges = "MATCH (a:Actor)-[r]->(b:Actor) RETURN a.id AS a, type(r) AS t, b.id AS b, r.count AS c, r.doc_count AS d ORDER BY a, t, b"
    assert watch.run(edges) == clean_store.run(edges)  # aggregates too, not only counts
    watch.close()
    clean_store.close()


def _txt(path: Path, body: str) -> None:
    path.write_text(body, encoding="utf-8")


MEET = "اجتمع خليفة حفتر مع عبد الحميد الدبيبة في القاهرة لبحث ملف الانتخابات المقبلة."
PRAISE = "أشاد عبد الحميد الدبيبة بجهود بعثة الأمم المتحدة في دعم المسار السياسي."
CRITIC = "انتقد مجلس النواب تصريحات عبد الحميد الدبيبة بشأن توزيع عائدات النفط."


def test_unchanged_documents_are_skipped_and_changed_ones_replaced(tmp_path, runner, cli_args, data_dir):
    folder = tmp_path / "news"
    folder.mkdir()
    _txt(folder / "a.txt", f"خبر أ\n{MEET}\n{PRAISE}\n")
    _txt(folder / "b.txt", f"خبر ب\n{CRITIC}\n")
    _txt(folder / "c.txt", f"خبر ج\n{PRAISE}\n")
    args = [*cli_args, "-q", "build", str(folder), "--model", "lexicon", "--format", "json"]
    first = json.loads(runner.invoke(cli, args).stdout)
    assert first["extracted"]["documents"] == 3 and first["extracted"]["triples"] >= 3

    again = json.loads(runner.invoke(cli, args).stdout)
    assert again["extracted"]["documents"] == 0 and again["extracted"]["unchanged_documents"] == 3

    _txt(folder / "a.txt", f"خبر أ\n{CRITIC}\n")  # a's meeting and praise are gone, a criticism arrives
    changed = json.loads(runner.invoke(cli, args).stdout)
    assert changed["extracted"]["documents"] == 1 and changed["extracted"]["unchanged_documents"] == 2

    fresh = [a if a != cli_args[3] else f"fresh_{uuid.uuid4().hex[:8]}" for a in args]
    json.loads(runner.invoke(cli, fresh).stdout)
    assert _stats(runner, data_dir, cli_args[3]) == _stats(runner, data_dir, fresh[3])
    assert "MET_WITH" not in _stats(runner, data_dir, cli_args[3])["relationships"]


def test_another_model_is_a_change(tmp_path, runner, cli_args):
    """The hash covers the model: switching models re-extracts instead of keeping stale triples."""
    _txt(tmp_path / "a.txt", f"خبر\n{MEET}\n")
    base = [*cli_args, "-q", "build", str(tmp_path / "a.txt"), "--format", "json"]
    first = json.loads(runner.invoke(cli, [*base, "--model", "lexicon"]).stdout)
    assert first["extracted"]["documents"] == 1
    from graph_loader.load import text_hash

    assert text_hash("x", "lexicon") != text_hash("x", "other") and text_hash("x", "a") != text_hash("y", "a")


def test_load_twice_skips_unchanged_and_reports_it(tmp_path, runner, cli_args):
    f = tmp_path / "t.jsonl"
    f.write_text("".join(json.dumps(t, ensure_ascii=False) + "\n" for t in corpus.triples(300, seed=5)), encoding="utf-8")
    r1 = runner.invoke(cli, [*cli_args, "load", str(f)])
    assert r1.exit_code == 0, r1.output
    assert "Loaded 300 triples from 15 documents." in r1.stdout
    r2 = runner.invoke(cli, [*cli_args, "load", str(f)])
    assert r2.exit_code == 0 and "Loaded 0 triples from 0 documents; 15 unchanged" in r2.stdout


class _FailingStore:
    """The real store, made to fail at one chosen write: the kill between two writes of a batch."""

    def __init__(self, store, fail_on: str):
        self._store, self._fail_on = store, fail_on

    def __getattr__(self, name):
        return getattr(self._store, name)

    def write(self, query, params=None):
        if query == self._fail_on:
            raise StoreError("injected crash")
        return self._store.write(query, params)

    def write_batches(self, query, rows, size=1000, key="rows"):
        if query == self._fail_on:
            raise StoreError("injected crash")
        return self._store.write_batches(query, rows, size, key)


def _triple(doc: str, i: int, s: str, rel: str, o: str) -> Triple:
    return Triple.from_dict({
        "doc_id": doc, "sentence_index": i, "sentence": f"{s} {rel} {o}", "relation": rel, "confidence": 0.9,
        "subject": {"id": s, "name": s, "type": "PERSON", "mention": s},
        "object": {"id": o, "name": o, "type": "PERSON", "mention": o}, "extractor": "test",
    })


def test_crash_after_deleting_old_evidence_still_drops_the_old_edge(store, data_dir):
    """The stale edge keys are saved on the Document before deletion, so a rerun recomputes them."""
    v1 = [_triple("d1", 0, "x", "MET_WITH", "y"), _triple("d1", 1, "x", "OPPOSES", "z")]
    v2 = [_triple("d1", 0, "x", "MET_WITH", "y")]
    Loader(store).load_documents([(Document("d1", ""), v1)])
    assert store.run("MATCH ()-[r:OPPOSES]->() RETURN count(r) AS n")[0]["n"] == 1
    with pytest.raises(StoreError):
        Loader(_FailingStore(store, Q_EVIDENCE)).load_documents([(Document("d1", ""), v2)])
    doc = store.run("MATCH (d:Document {id: 'd1'}) RETURN d.hash AS h, d.pending AS p")[0]
    assert doc["h"] is None and "x|OPPOSES|z" in doc["p"]  # uncommitted, and it remembers what to fix
    Loader(store).load_documents([(Document("d1", ""), v2)])
    assert store.run("MATCH ()-[r:OPPOSES]->() RETURN count(r) AS n")[0]["n"] == 0
    assert store.run("MATCH ()-[r:MET_WITH]->() RETURN r.count AS c")[0]["c"] == 1
    doc = store.run("MATCH (d:Document {id: 'd1'}) RETURN d.hash AS h, d.pending AS p")[0]
    assert doc["h"] is not None and doc["p"] is None


def test_edge_aggregates_from_memory_match_a_reread(store, data_dir, graph_name):
    """Keys aggregated in Python across batches give the same edges as one batch read back from the store."""
    ts = [Triple.from_dict(t) for t in corpus.triples(1200, seed=9)]
    Loader(store, batch_rows=100).load_triples(ts)
    from graph_loader.store.embedded import EmbeddedStore

    other = EmbeddedStore(data_dir, graph_name + "_one")
    Loader(other, batch_rows=100000, batch_docs=100000).load_triples(ts)
    q = ("MATCH (a:Actor)-[r]->(b:Actor) RETURN a.id AS a, type(r) AS t, b.id AS b, r.count AS c, r.doc_count AS d, "
         "r.documents AS docs, r.sentences AS s, r.confidence AS conf, r.hedged AS h, r.first_seen AS f, r.last_seen AS l "
         "ORDER BY a, t, b")
    assert store.run(q) == other.run(q)
    # a second run on a non-empty graph reads existing aggregates back instead
    more = [Triple.from_dict({**t, "doc_id": "more-" + t["doc_id"]}) for t in corpus.triples(600, seed=10)]
    Loader(store, batch_rows=100).load_triples(more)
    Loader(other, batch_rows=100000, batch_docs=100000).load_triples(more)
    assert store.run(q) == other.run(q)
    other.clear()
    other.close()
