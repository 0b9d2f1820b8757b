"""Analyst decisions through the CLI on a real embedded store: merge/split, reject/restore, alias, rename.

Each decision must survive a rebuild from scratch (`build --fresh` re-extracts everything), keep the
evidence it hides, and be in the audit log with who/when/why. Reports accept a Latin name.
The cue-lexicon model keeps the builds fast; the decisions do not depend on the model.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph_loader.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def run(runner, cli_args, *args: str, ok: bool = True, env: dict | None = None):
    result = runner.invoke(cli, [*cli_args, "--quiet", *args], env=env)
    if ok:
        assert result.exit_code == 0, result.output
    return result


def build(runner, cli_args, fresh: bool = True) -> None:
    run(runner, cli_args, "build", str(SEEDS), "--model", "lexicon", "--format", "json", *(["--fresh"] if fresh else []))


def edges_of(store, actor_id: str) -> list[dict]:
    return store.run(
        "MATCH (a:Actor {id: $id})-[r]-(b:Actor) RETURN type(r) AS rel, b.id AS other, r.count AS count, "
        "r.rejected AS rejected ORDER BY rel, other", {"id": actor_id})


def evidence_count(store) -> int:
    return store.run("MATCH (e:Evidence) RETURN count(e) AS n")[0]["n"]


def log_entries(data_dir: Path, graph: str) -> list[dict]:
    path = data_dir / "decisions.jsonl"
    return [d for d in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if d["graph"] == graph]


def test_merge_moves_relationships_and_survives_a_rebuild_and_split_undoes_it(runner, cli_args, store, data_dir, graph_name) -> None:
    build(runner, cli_args)
    saddam_before = edges_of(store, "saddam-haftar")
    khalifa_before = {(e["rel"], e["other"]) for e in edges_of(store, "khalifa-haftar")}
    assert saddam_before
    n_evidence = evidence_count(store)

    out = run(runner, cli_args, "actors", "merge", "Khalifa Haftar", "صدام حفتر", "--reason", "test merge", "--format", "json")
    payload = json.loads(out.output)
    assert payload["keep"] == "khalifa-haftar" and payload["gone"] == "saddam-haftar" and payload["evidence_moved"] > 0

    def merged_state() -> None:
        assert edges_of(store, "saddam-haftar") == []
        after = {(e["rel"], e["other"]) for e in edges_of(store, "khalifa-haftar")}
        moved = {(e["rel"], e["other"]) for e in saddam_before if e["other"] != "khalifa-haftar"}
        assert moved <= after and khalifa_before - {(r, o) for r, o in khalifa_before if o == "saddam-haftar"} <= after
        listed = json.loads(run(runner, cli_args, "actors", "list", "--format", "json", "--limit", "500").output)
        assert "saddam-haftar" not in {r["id"] for r in listed}
        # Saddam's names now lead to Khalifa
        shown = json.loads(run(runner, cli_args, "actors", "show", "صدام حفتر", "--format", "json").output)
        assert shown["id"] == "khalifa-haftar" and "صدام حفتر" in shown["aliases"]

    merged_state()
    assert evidence_count(store) == n_evidence  # nothing deleted
    build(runner, cli_args)  # re-extract everything from scratch: the merge is replayed
    merged_state()

    run(runner, cli_args, "actors", "split", "khalifa-haftar", "saddam-haftar", "--reason", "undo")
    assert {(e["rel"], e["other"]) for e in edges_of(store, "saddam-haftar")} == {(e["rel"], e["other"]) for e in saddam_before}
    build(runner, cli_args)
    assert {(e["rel"], e["other"]) for e in edges_of(store, "saddam-haftar")} == {(e["rel"], e["other"]) for e in saddam_before}
    shown = json.loads(run(runner, cli_args, "actors", "show", "صدام حفتر", "--format", "json").output)
    assert shown["id"] == "saddam-haftar"
    actions = [d["action"] for d in log_entries(data_dir, graph_name)]
    assert actions == ["merge", "split"]


def test_reject_hides_an_edge_from_reports_keeps_evidence_and_survives_a_rebuild(runner, cli_args, store, data_dir, graph_name) -> None:
    build(runner, cli_args)
    met = [e for e in edges_of(store, "khaled-haftar") if e["rel"] == "MET_WITH"]
    assert met
    other = met[0]["other"]

    def report_partners() -> set[str]:
        rows = json.loads(run(runner, cli_args, "report", "meetings", "--param", "actor=khaled-haftar", "--format", "json").output)
        return {r["b_id"] if r["a_id"] == "khaled-haftar" else r["a_id"] for r in rows}

    assert other in report_partners()
    n_evidence = evidence_count(store)
    env = {"USER": "analyst-7"}
    run(runner, cli_args, "edges", "reject", "Khaled Haftar", "met_with", other, "--reason", "not a meeting", env=env)
    assert other not in report_partners()
    assert evidence_count(store) == n_evidence
    build(runner, cli_args)
    assert other not in report_partners()
    assert [e["rejected"] for e in edges_of(store, "khaled-haftar") if e["rel"] == "MET_WITH" and e["other"] == other] == [True]

    run(runner, cli_args, "edges", "restore", "khaled-haftar", "MET_WITH", other)
    assert other in report_partners()
    build(runner, cli_args)
    assert other in report_partners()

    entry = log_entries(data_dir, graph_name)[0]
    assert entry["action"] == "reject" and entry["who"] == "analyst-7" and entry["why"] == "not a meeting"
    assert entry["when"].startswith("20") and entry["args"] == {"s": "khaled-haftar", "rel": "MET_WITH", "o": other}


def test_a_report_called_with_the_latin_name_returns_the_arabic_name_rows(runner, cli_args) -> None:
    build(runner, cli_args)
    results = []
    for value in ("Khaled Haftar", "خالد حفتر", "khaled-haftar", "خالِد حَفتر", "الفريق خالد حفتر"):
        out = run(runner, cli_args, "report", "meetings", "--param", f"actor={value}", "--format", "json")
        results.append(json.loads(out.output))
    assert results[0]  # not vacuous
    assert all(r == results[0] for r in results)


def test_alias_and_rename_apply_now_and_after_a_rebuild(runner, cli_args, store) -> None:
    build(runner, cli_args)
    run(runner, cli_args, "actors", "alias", "khaled-haftar", "خالد بلقاسم", "--reason", "local spelling")
    run(runner, cli_args, "actors", "rename", "misrata", "مدينة مصراتة الليبية")
    for _ in range(2):
        rows = json.loads(run(runner, cli_args, "report", "meetings", "--param", "actor=خالد بلقاسم", "--format", "json").output)
        assert rows and all("khaled-haftar" in (r["a_id"], r["b_id"]) for r in rows)
        shown = json.loads(run(runner, cli_args, "actors", "show", "مصراتة", "--format", "json").output)
        assert shown["name"] == "مدينة مصراتة الليبية" and "مصراتة" in shown["aliases"]
        build(runner, cli_args)


def test_search_finds_by_any_spelling(runner, cli_args) -> None:
    build(runner, cli_args)
    for q in ("حفتر", "haftar", "حَفتر"):
        rows = json.loads(run(runner, cli_args, "actors", "search", q, "--format", "json").output)
        assert {"khalifa-haftar", "khaled-haftar", "saddam-haftar"} <= {r["id"] for r in rows}, q


def test_bad_decisions_are_one_line_usage_errors(runner, cli_args) -> None:
    build(runner, cli_args)
    cases = [
        ("edges", "reject", "khaled-haftar", "LOVES", "misrata"),
        ("edges", "reject", "khaled-haftar", "RIVAL_OF", "ankara"),
        ("actors", "merge", "khaled-haftar", "nobody-at-all"),
        ("actors", "merge", "khaled-haftar", "خالد حفتر"),
        ("actors", "split", "khaled-haftar", "saddam-haftar"),
    ]
    for args in cases:
        result = run(runner, cli_args, *args, ok=False)
        assert result.exit_code == 2, (args, result.output)
        assert "Traceback" not in result.output and result.output.strip().count("\n") == 0, result.output
