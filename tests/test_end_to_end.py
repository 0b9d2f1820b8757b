"""Issue 2's path, for real: seed articles in, a queryable actor graph out."""

from __future__ import annotations

import json
import shutil

import pytest

from graph_loader.cli import cli
from tests.conftest import SEEDS


def _keys(triples):
    out = set()
    for t in triples:
        out.add((t["subject"]["id"], t["relation"], t["object"]["id"]))
    return out


@pytest.fixture(scope="module")
def seed_triples(tmp_path_factory):
    from click.testing import CliRunner

    out = tmp_path_factory.mktemp("extract") / "triples.jsonl"
    result = CliRunner().invoke(cli, ["--quiet", "extract", str(SEEDS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def _has(keys, s, rel, o):
    return (s, rel, o) in keys or (o, rel, s) in keys and rel in ("MET_WITH", "COOPERATES_WITH", "RIVAL_OF", "RELATIVE_OF")


@pytest.mark.parametrize(
    "s,rel,o",
    [
        ("khaled-haftar", "MET_WITH", "ahmed-khalifa"),
        ("khaled-haftar", "VISITED", "cairo"),
        # The issue's "RELATIVE_OF (the Haftar sons)": Saddam, "نجل ونائب قائد «الجيش الوطني»" (004).
        # The issue's RIVAL_OF(Khaled, Saddam) is not asserted: 003 states four relations for the two
        # brothers in two sentences, the classifier gives a pair one label per sentence, and
        # ag-rel-small@4 gives that pair none above its thresholds (@3 found the rivalry but fewer
        # triples overall); see the model card.
        ("khalifa-haftar", "RELATIVE_OF", "saddam-haftar"),
        ("khaled-haftar", "AFFILIATED_WITH", "libyan-national-army"),
        ("saddam-haftar", "MET_WITH", "ibrahim-dbeibah"),
    ],
)
def test_seed_triples_include_the_issue_examples(seed_triples, s, rel, o):
    assert _has(_keys(seed_triples), s, rel, o), sorted(_keys(seed_triples))


def test_triples_follow_the_spec(seed_triples):
    from graph_loader.model import RELATIONS, Triple

    assert seed_triples
    for d in seed_triples:
        t = Triple.from_dict(d)  # raises on anything the spec forbids
        assert t.relation in RELATIONS
        assert 0.0 <= t.confidence <= 1.0
        assert d["extractor"]
        sent = d["sentence"]
        for ref in (d["subject"], d["object"]):
            assert sent[ref["start"] : ref["end"]] == ref["mention"]
        assert (SEEDS / f"{d['doc_id']}.txt").exists()


def test_build_twice_leaves_stats_identical(runner, cli_args):
    first = runner.invoke(cli, [*cli_args, "--quiet", "build", str(SEEDS), "--format", "json"])
    assert first.exit_code == 0, first.output
    summary = json.loads(first.stdout)
    assert summary["graph"]["documents"] == 5
    stats1 = json.loads(runner.invoke(cli, [*cli_args, "stats", "--format", "json"]).stdout)
    second = runner.invoke(cli, [*cli_args, "--quiet", "build", str(SEEDS), "--format", "json"])
    assert second.exit_code == 0, second.output
    stats2 = json.loads(runner.invoke(cli, [*cli_args, "stats", "--format", "json"]).stdout)
    assert stats1 == stats2
    assert set(stats1) == {"nodes", "relationships"}
    assert stats1["nodes"]["Document"] == 5 and stats1["nodes"]["Actor"] > 10


def test_meetings_report_pairs_khaled_haftar_and_ahmed_khalifa(seed_graph, runner, data_dir):
    result = runner.invoke(cli, ["--data-dir", str(data_dir), "--graph", "seeds", "report", "meetings", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    pairs = {frozenset((r["actor_a"], r["actor_b"])) for r in rows}
    assert frozenset(("خالد حفتر", "أحمد خليفة")) in pairs


@pytest.mark.parametrize("name", ["alliances", "meetings", "rivalries"])
def test_family_reports_return_rows_in_every_format(seed_graph, runner, data_dir, name):
    base = ["--data-dir", str(data_dir), "--graph", "seeds", "report", name]
    as_json = runner.invoke(cli, [*base, "--format", "json"])
    assert as_json.exit_code == 0, as_json.output
    rows = json.loads(as_json.stdout)
    assert rows and all({"actor_a", "actor_b"} <= set(r) for r in rows)
    as_csv = runner.invoke(cli, [*base, "--format", "csv", "--limit", "2"])
    assert as_csv.exit_code == 0 and len(as_csv.output.strip().splitlines()) == 3
    as_table = runner.invoke(cli, [*base])
    assert as_table.exit_code == 0 and "actor_a" in as_table.output


def test_report_list_json_has_examples_for_every_param(runner):
    result = runner.invoke(cli, ["report", "--list", "--format", "json"])
    assert result.exit_code == 0
    reports = {r["name"]: r for r in json.loads(result.stdout)}
    assert {"alliances", "meetings", "rivalries"} <= set(reports)
    for r in reports.values():
        assert r["description"]
        for p in r["params"]:
            assert p["example"] is not None, (r["name"], p["name"])


@pytest.mark.parametrize(
    "value",
    [
        "x' DETACH DELETE n //",
        '"}) MATCH (n) DETACH DELETE n //',
        "{actor: 1}",
        "خالد'); MATCH (n) DETACH DELETE n; //",
    ],
)
def test_hostile_params_never_change_the_graph(seed_graph, runner, data_dir, value):
    before = seed_graph.stats()
    for name in ("meetings", "alliances", "rivalries"):
        result = runner.invoke(cli, ["--data-dir", str(data_dir), "--graph", "seeds", "report", name, "--param", f"actor={value}"])
        assert result.exit_code in (0, 2), result.output
        assert "Traceback" not in result.output
        result = runner.invoke(cli, ["--data-dir", str(data_dir), "--graph", "seeds", "report", name, "--param", f"min_confidence={value}"])
        assert result.exit_code == 2 and "min_confidence" in result.output
    assert seed_graph.stats() == before


def test_unknown_report_and_param_are_usage_errors(runner, data_dir):
    r = runner.invoke(cli, ["--data-dir", str(data_dir), "report", "no-such-report"])
    assert r.exit_code == 2 and "no report named" in r.output
    r = runner.invoke(cli, ["--data-dir", str(data_dir), "report", "meetings", "--param", "nope=1"])
    assert r.exit_code == 2 and "no parameter" in r.output
    r = runner.invoke(cli, ["--data-dir", str(data_dir), "report", "meetings", "--param", "novalue"])
    assert r.exit_code == 2


def test_print_cypher_has_param_preamble(seed_graph, runner, data_dir):
    r = runner.invoke(cli, ["--data-dir", str(data_dir), "--graph", "seeds", "report", "meetings", "--print-cypher",
                            "--param", "actor=Khaled Haftar"])
    assert r.exit_code == 0, r.output
    assert ":param actor => 'khaled-haftar';" in r.stdout
    assert "MATCH" in r.stdout


def test_load_is_idempotent_and_stats_json_shape(runner, cli_args, tmp_path):
    triples = tmp_path / "t.jsonl"
    r = runner.invoke(cli, ["--quiet", "extract", str(SEEDS / "001_eaa35d80fffb81f7.txt"), "-o", str(triples)])
    assert r.exit_code == 0
    assert runner.invoke(cli, [*cli_args, "--quiet", "load", str(triples)]).exit_code == 0
    s1 = json.loads(runner.invoke(cli, [*cli_args, "stats", "--format", "json"]).stdout)
    assert runner.invoke(cli, [*cli_args, "--quiet", "load", str(triples)]).exit_code == 0
    s2 = json.loads(runner.invoke(cli, [*cli_args, "stats", "--format", "json"]).stdout)
    assert s1 == s2 and s1["nodes"]["Document"] == 1


def test_server_restart_keeps_data(tmp_path, runner):
    home = tmp_path / "home"
    args = ["--data-dir", str(home)]
    try:
        r = runner.invoke(cli, [*args, "--quiet", "build", str(SEEDS / "001_eaa35d80fffb81f7.txt"), "--model", "lexicon"])
        assert r.exit_code == 0, r.output
        before = json.loads(runner.invoke(cli, [*args, "stats", "--format", "json"]).stdout)
        assert runner.invoke(cli, [*args, "db", "stop"]).exit_code == 0
        status = json.loads(runner.invoke(cli, [*args, "db", "status", "--format", "json"]).stdout)
        assert status["running"] is False and status["graph"] == "actorgraph" and status["socket"].endswith(".sock")
        assert runner.invoke(cli, [*args, "db", "start"]).exit_code == 0
        status = json.loads(runner.invoke(cli, [*args, "db", "status", "--format", "json"]).stdout)
        assert status["running"] is True
        after = json.loads(runner.invoke(cli, [*args, "stats", "--format", "json"]).stdout)
        assert after == before and after["nodes"]["Document"] == 1
    finally:
        runner.invoke(cli, [*args, "db", "stop"])


def test_bad_files_are_named_and_good_files_still_yield_triples(tmp_path, runner):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS / "001_eaa35d80fffb81f7.txt", folder / "good.txt")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 100)
    (folder / "latin1.txt").write_bytes("café خالد".encode("utf-8") + b"\xe9\xff")
    (folder / "empty.txt").write_text("")
    (folder / "huge.txt").write_text("كلمة " * 600_000)  # one 3 MB line
    (folder / "english.txt").write_text("Khalifa Haftar met officials in Cairo on Monday.")
    out = tmp_path / "t.jsonl"
    r = runner.invoke(cli, ["extract", str(folder), "-o", str(out)])
    assert r.exit_code == 1, r.output
    assert "binary.txt" in r.output and "binary" in r.output
    assert "latin1.txt" in r.output and "byte offset 14" in r.output
    assert "empty.txt" in r.output
    assert "Traceback" not in r.output
    docs = {json.loads(l)["doc_id"] for l in out.read_text(encoding="utf-8").splitlines()}
    assert "good" in docs

