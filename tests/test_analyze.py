"""`actorgraph analyze`: measures worked out by hand on a small graph, stored, sortable, exported.

The small graph (tests/test_export_selection.py) is, without its rejected edge:
a-b MET_WITH (2 evidence), a->c OPPOSES, b->c AFFILIATED_WITH, c-d COOPERATES_WITH,
d->e VISITED, and f with no relationship left.
"""

from __future__ import annotations

import json

import networkx as nx
import pytest

from graph_loader.analyze import analyze
from graph_loader.cli import cli
from graph_loader.export.selection import MEASURE_NAMES, Selection, select_subgraph
from tests.test_export_selection import build_small_graph

CENTRAL_REPORT = """// name: central
// description: Actors by PageRank (set by actorgraph analyze).
// @param {"name": "limit", "type": "int", "default": 10, "example": 5, "description": "at most this many rows"}
MATCH (a:Actor)
WHERE a.pagerank IS NOT NULL
RETURN a.id AS id, a.name AS name, a.pagerank AS pagerank, a.betweenness AS betweenness, a.community AS community
ORDER BY pagerank DESC, id
LIMIT $limit
"""


@pytest.fixture
def small(store):
    build_small_graph(store)
    return store


def test_measures_match_hand_computation(small):
    result = analyze(small)
    m = result.measures
    assert {a: m[a]["degree"] for a in m} == {"a": 2, "b": 2, "c": 3, "d": 2, "e": 1, "f": 0}
    assert {a: m[a]["weighted_degree"] for a in m} == {"a": 3, "b": 3, "c": 3, "d": 2, "e": 1, "f": 0}
    assert (m["a"]["wd_meetings"], m["a"]["wd_rivalries"], m["a"]["wd_alliances"]) == (2, 1, 0)
    assert (m["c"]["wd_structure"], m["c"]["wd_alliances"], m["c"]["wd_rivalries"]) == (1, 1, 1)
    assert m["e"]["wd_meetings"] == 1  # VISITED is a meeting
    # betweenness (undirected, normalised by (n-1)(n-2)/2 = 10): c lies on 4 shortest paths, d on 3
    assert {a: m[a]["betweenness"] for a in m} == {"a": 0, "b": 0, "c": 0.4, "d": 0.3, "e": 0, "f": 0}
    assert sum(m[a]["pagerank"] for a in m) == pytest.approx(1.0, abs=1e-4)
    assert all(m[a]["pagerank"] > 0 for a in m)
    assert m["a"]["community"] == m["b"]["community"] != m["f"]["community"]
    assert result.communities >= 2 and result.actors == 6 and result.relationships == 5
    assert result.betweenness_sample is None


def test_measures_are_written_on_the_actors(small):
    result = analyze(small)
    rows = {r["id"]: r for r in small.run(
        "MATCH (a:Actor) RETURN a.id AS id, a.analyzed_at AS at, " + ", ".join(f"a.{m} AS {m}" for m in MEASURE_NAMES))}
    assert set(rows) == set(result.measures)
    for actor, measures in result.measures.items():
        assert rows[actor]["at"]
        for name, value in measures.items():
            assert rows[actor][name] == pytest.approx(value)


def test_no_write_leaves_actors_alone(small, runner, cli_args):
    result = runner.invoke(cli, [*cli_args, "--quiet", "analyze", "--no-write", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["written"] is False
    assert small.run("MATCH (a:Actor) WHERE a.pagerank IS NOT NULL RETURN count(a) AS n")[0]["n"] == 0


def test_cli_json_prints_top_actors_per_measure(small, runner, cli_args):
    result = runner.invoke(cli, [*cli_args, "--quiet", "analyze", "--format", "json", "--top", "2"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data["top"]) == set(MEASURE_NAMES)
    assert data["top"]["degree"][0] == {"id": "c", "name": "وزارة الدفاع", "name_en": "Actor C", "type": "ORGANIZATION", "value": 3}
    assert [r["id"] for r in data["top"]["betweenness"]] == ["c", "d"]
    assert len(data["top"]["pagerank"]) == 2
    assert data["top"]["community"][0]["size"] >= data["top"]["community"][-1]["size"]
    table = runner.invoke(cli, [*cli_args, "--quiet", "analyze"])
    assert table.exit_code == 0 and "betweenness" in table.output and "وزارة الدفاع" in table.output


def test_a_report_can_sort_by_the_measures(small, runner, cli_args, tmp_path, monkeypatch):
    (tmp_path / "central.cypher").write_text(CENTRAL_REPORT, encoding="utf-8")
    monkeypatch.setenv("ACTORGRAPH_CYPHER_DIR", str(tmp_path))
    before = runner.invoke(cli, [*cli_args, "report", "central", "--format", "json"])
    assert before.exit_code == 0 and json.loads(before.output) == []
    result = analyze(small)
    rows = json.loads(runner.invoke(cli, [*cli_args, "report", "central", "--format", "json"]).output)
    assert [r["id"] for r in rows] == sorted(result.measures, key=lambda a: (-result.measures[a]["pagerank"], a))
    assert [r["pagerank"] for r in rows] == sorted((r["pagerank"] for r in rows), reverse=True)


def test_exports_carry_the_measures(small, tmp_path):
    from graph_loader.export import write_graph

    analyze(small)
    g = select_subgraph(small, Selection(actor="c", depth=1))
    assert g.nodes["c"]["degree"] == 3 and g.nodes["c"]["betweenness"] == 0.4
    write_graph(g, "graphml", str(tmp_path / "c.graphml"))
    back = nx.read_graphml(tmp_path / "c.graphml")
    assert back.nodes["c"]["degree"] == 3 and back.nodes["c"]["pagerank"] > 0
    assert isinstance(back.nodes["c"]["community"], int)


def test_analyze_the_seed_graph_in_a_copy(seed_graph, store, runner, cli_args):
    """The seed graph copied through the Cypher export into this test's graph, then analysed there."""
    import io

    from graph_loader.export import cypher

    whole = select_subgraph(seed_graph, Selection())
    buf = io.StringIO()
    cypher.write(whole, buf)
    cypher.run_script(store, buf.getvalue())
    result = runner.invoke(cli, [*cli_args, "--quiet", "analyze", "--format", "json", "--top", "3"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["actors"] == whole.number_of_nodes() and data["relationships"] == whole.number_of_edges()
    stored = store.run("MATCH (a:Actor) WHERE a.pagerank IS NOT NULL RETURN count(a) AS n")[0]["n"]
    assert stored == whole.number_of_nodes()
    top = data["top"]["degree"][0]
    assert top["value"] == max(d for _, d in nx.Graph(whole.to_undirected()).degree())
