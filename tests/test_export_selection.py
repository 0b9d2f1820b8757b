"""Selecting a subgraph in the store: ego networks, reports, families, types, dates, thresholds.

A small graph with known answers is loaded through the real Loader into the
test's own graph on the real embedded store, so every count below is worked
out by hand from the triples in `SMALL`.
"""

from __future__ import annotations

import json

import pytest

from graph_loader.cli import cli
from graph_loader.errors import UnknownActor, UsageError
from graph_loader.export.selection import Selection, select_subgraph
from graph_loader.load import Loader
from graph_loader.model import RELATIONS, ActorRef, Triple

ACTORS = {
    "a": ("أحمد سالم", "PERSON"),
    "b": ("بشير علي", "PERSON"),
    "c": ("وزارة الدفاع", "ORGANIZATION"),
    "d": ("مصر", "STATE"),
    "e": ("سرت", "PLACE"),
    "f": ("فرح ناصر", "PERSON"),
}
DATES = {"doc1": "2024-01-10", "doc2": "2024-03-05", "doc3": "2024-06-01"}
# (doc, sentence index, subject, relation, object, confidence)
SMALL = [
    ("doc1", 0, "a", "MET_WITH", "b", 0.9),
    ("doc2", 0, "a", "MET_WITH", "b", 0.6),
    ("doc2", 1, "a", "OPPOSES", "c", 0.5),
    ("doc1", 1, "b", "AFFILIATED_WITH", "c", 0.8),
    ("doc3", 0, "c", "COOPERATES_WITH", "d", 0.7),
    ("doc3", 1, "d", "VISITED", "e", 0.7),
    ("doc1", 2, "a", "RIVAL_OF", "f", 0.9),  # marked rejected below: never exported
]


def _ref(actor_id: str) -> ActorRef:
    name, atype = ACTORS[actor_id]
    return ActorRef(id=actor_id, name=name, type=atype, mention=name, name_en=f"Actor {actor_id.upper()}")


def small_triples() -> list[Triple]:
    out = []
    for doc, idx, s, rel, o, conf in sorted(SMALL):
        sentence = f"جملة {idx} من {doc}: {ACTORS[s][0]} و{ACTORS[o][0]}"
        out.append(Triple(doc_id=doc, sentence_index=idx, sentence=sentence, subject=_ref(s), relation=rel,
                          object=_ref(o), confidence=conf, extractor="test", date=DATES[doc], title=f"عنوان {doc}"))
    return out


def build_small_graph(store) -> None:
    Loader(store).load_triples(small_triples())
    store.write("MATCH (:Actor {id: 'a'})-[r:RIVAL_OF]-(:Actor {id: 'f'}) SET r.rejected = true")


@pytest.fixture
def small(store):
    build_small_graph(store)
    return store


def edges_of(g) -> set[tuple[str, str, str]]:
    return {(s, k, o) for s, o, k in g.edges(keys=True)}


@pytest.mark.parametrize("depth, nodes, edges", [
    (0, {"a"}, set()),
    (1, {"a", "b", "c"}, {("a", "MET_WITH", "b"), ("a", "OPPOSES", "c"), ("b", "AFFILIATED_WITH", "c")}),
    (2, {"a", "b", "c", "d"}, {("a", "MET_WITH", "b"), ("a", "OPPOSES", "c"), ("b", "AFFILIATED_WITH", "c"),
                               ("c", "COOPERATES_WITH", "d")}),
    (3, {"a", "b", "c", "d", "e"}, {("a", "MET_WITH", "b"), ("a", "OPPOSES", "c"), ("b", "AFFILIATED_WITH", "c"),
                                    ("c", "COOPERATES_WITH", "d"), ("d", "VISITED", "e")}),
])
def test_ego_network_by_depth(small, depth, nodes, edges):
    g = select_subgraph(small, Selection(actor="a", depth=depth))
    assert set(g.nodes) == nodes
    assert edges_of(g) == edges


@pytest.mark.parametrize("who", ["a", "أحمد سالم", "احمد سالم", "Actor A"])
def test_actor_by_id_name_variant_or_latin_name(small, who):
    g = select_subgraph(small, Selection(actor=who, depth=1))
    assert set(g.nodes) == {"a", "b", "c"}
    assert g.graph["selection"]["actor_id"] == "a"


def test_whole_graph_skips_rejected_edges_and_keeps_every_actor(small):
    g = select_subgraph(small)
    assert set(g.nodes) == set(ACTORS)  # f stays, without its rejected rivalry
    assert len(edges_of(g)) == 5
    assert not any(k == "RIVAL_OF" for _, _, k in g.edges(keys=True))
    assert {k for _, _, k in g.edges(keys=True)} <= set(RELATIONS)  # never IN_DOCUMENT


@pytest.mark.parametrize("selection, expected", [
    (Selection(families=("meetings",)), {("a", "MET_WITH", "b"), ("d", "VISITED", "e")}),
    (Selection(families=("alliances", "structure")), {("b", "AFFILIATED_WITH", "c"), ("c", "COOPERATES_WITH", "d")}),
    (Selection(types=("OPPOSES",)), {("a", "OPPOSES", "c")}),
    (Selection(families=("meetings",), types=("OPPOSES", "MET_WITH")), {("a", "MET_WITH", "b")}),
    (Selection(min_count=2), {("a", "MET_WITH", "b")}),
    (Selection(min_confidence=0.75), {("a", "MET_WITH", "b"), ("b", "AFFILIATED_WITH", "c")}),
    (Selection(since="2024-03-01"), {("a", "MET_WITH", "b"), ("a", "OPPOSES", "c"), ("c", "COOPERATES_WITH", "d"),
                                     ("d", "VISITED", "e")}),
    (Selection(until="2024-02-01"), {("a", "MET_WITH", "b"), ("b", "AFFILIATED_WITH", "c")}),
    (Selection(since="2024-02-01", until="2024-04-01"), {("a", "MET_WITH", "b"), ("a", "OPPOSES", "c")}),
    (Selection(actor="a", depth=2, families=("rivalries",)), {("a", "OPPOSES", "c")}),
])
def test_filters(small, selection, expected):
    g = select_subgraph(small, selection)
    assert edges_of(g) == expected
    assert set(g.nodes) == {s for s, _, _ in expected} | {o for _, _, o in expected} | ({"a"} if selection.actor else set())


def test_report_selection_takes_the_pairs_in_its_rows(small):
    g = select_subgraph(small, Selection(report="meetings", report_params={"actor": "بشير علي"}))
    assert edges_of(g) == {("a", "MET_WITH", "b")}
    # d VISITED e is in the meetings family, but the report's rows list only meeting pairs
    g = select_subgraph(small, Selection(report="meetings"))
    assert edges_of(g) == {("a", "MET_WITH", "b")} and set(g.nodes) == {"a", "b"}
    g = select_subgraph(small, Selection(report="meetings", families=("rivalries",)))
    assert edges_of(g) == set() and set(g.nodes) == set()


def test_report_without_actor_columns_is_refused(small, tmp_path, monkeypatch):
    (tmp_path / "docs_only.cypher").write_text("// name: docs_only\n// description: documents\n"
                                               "MATCH (d:Document) RETURN d.id AS doc_id\n", encoding="utf-8")
    monkeypatch.setenv("ACTORGRAPH_CYPHER_DIR", str(tmp_path))
    with pytest.raises(UsageError) as err:
        select_subgraph(small, Selection(report="docs_only"))
    assert "no a_id/b_id columns" in err.value.message


def test_edge_attributes_and_evidence(small):
    g = select_subgraph(small, Selection(actor="a", depth=1), evidence_per_edge=3)
    d = g.edges["a", "b", "MET_WITH"]
    assert d["count"] == 2 and d["doc_count"] == 2 and d["confidence"] == 0.9
    assert d["family"] == "meetings" and d["symmetric"] is True
    assert d["first_seen"] == "2024-01-10" and d["last_seen"] == "2024-03-05"
    assert d["documents"] == ["doc1", "doc2"]
    assert [e["sentence_id"] for e in d["evidence"]] == ["doc1#0", "doc2#0"]
    assert d["evidence"][0]["text"].startswith("جملة 0 من doc1")
    assert g.graph["documents"]["doc1"]["title"] == "عنوان doc1"
    n = g.nodes["c"]
    assert n["name"] == "وزارة الدفاع" and n["type"] == "ORGANIZATION" and n["name_en"] == "Actor C"


def test_user_values_are_parameters_not_query_text(small):
    with pytest.raises(UnknownActor):
        select_subgraph(small, Selection(actor="a' OR 1=1 //"))
    g = select_subgraph(small, Selection(since="2024-01-01' OR true //"))  # compared as a string, selects nothing odd
    assert all(d["last_seen"] >= "2024-01-01' OR true //" for _, _, d in g.edges(data=True))


@pytest.mark.parametrize("selection, message", [
    (Selection(actor="a", report="meetings"), "give one of them"),
    (Selection(types=("MEETS",)), "unknown relation type 'MEETS'"),
    (Selection(families=("friends",)), "unknown family 'friends'"),
    (Selection(families=("meetings",), types=("OPPOSES",)), "admit no relation type"),
    (Selection(since="2024-05-01", until="2024-01-01"), "is after"),
    (Selection(report_params={"actor": "a"}), "--param goes with --report"),
])
def test_bad_selections_are_usage_errors(small, selection, message):
    with pytest.raises(UsageError) as err:
        select_subgraph(small, selection)
    assert message in err.value.message


def test_cli_errors_are_one_line(small, runner, cli_args):
    result = runner.invoke(cli, [*cli_args, "export", "--actor", "nobody-at-all", "--format", "json"])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: no actor matches 'nobody-at-all'")
    result = runner.invoke(cli, [*cli_args, "export", "--types", "MET_WITH,HUGS"])
    assert result.exit_code == 2 and "unknown relation type 'HUGS'" in result.output
    result = runner.invoke(cli, [*cli_args, "export", "--since", "last tuesday"])
    assert result.exit_code == 2 and "--since expects a date" in result.output
    result = runner.invoke(cli, [*cli_args, "export", "--format", "csv", "-o", "-"])
    assert result.exit_code == 2 and "-o FOLDER" in result.output
    result = runner.invoke(cli, [*cli_args, "export", "--depth", "2"])
    assert result.exit_code == 2 and "--depth goes with --actor" in result.output


def test_cli_export_json_to_stdout(small, runner, cli_args):
    result = runner.invoke(cli, [*cli_args, "--quiet", "export", "--actor", "Actor A", "--family", "meetings", "-o", "-"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [(l["source"], l["key"], l["target"]) for l in data["links"]] == [("a", "MET_WITH", "b")]
    assert {n["id"] for n in data["nodes"]} == {"a", "b"}


def test_an_empty_graph_exports_empty_and_names_the_problem_for_an_actor(store):
    g = select_subgraph(store)  # the graph does not even exist yet
    assert g.number_of_nodes() == 0 and g.graph["documents"] == {}
    with pytest.raises(UnknownActor) as err:
        select_subgraph(store, Selection(actor="أحمد سالم"))
    assert "no actors yet" in err.value.message
