"""Saved reports: exact answers on a hand-built graph, examples on the seeds, hostile input.

The synthetic graph is written by the real Loader from hand-made Triple
objects, so the reports are tested against the real graph model. Its story:

  d1 2024-01-10  alpha MET_WITH beta, alpha VISITED epsilon, gamma MEDIATED alpha,
                 alpha COOPERATES_WITH beta
  d2 2024-02-15  alpha COOPERATES_WITH beta (0.7), beta SUPPORTS gamma, alpha OPPOSES gamma
  d3 2024-03-20  delta RIVAL_OF gamma (0.6), delta OPPOSES gamma, delta MET_WITH beta (0.4),
                 delta COOPERATES_WITH gamma
  d4 2024-06-01  zeta COOPERATES_WITH delta, eta MET_WITH alpha (then marked rejected)
"""

from __future__ import annotations

import json

import pytest

from graph_loader.actors.registry import Registry
from graph_loader.cli import cli
from graph_loader.errors import UnknownActor, UsageError
from graph_loader.load import Loader
from graph_loader.model import Actor, ActorRef, ActorType, Document, Triple
from graph_loader.store.literal import literal
from graph_loader.reports import (
    browser_script,
    example_params,
    get_report,
    list_reports,
    run_report,
)

ACTORS = {
    "alpha": ("ألف", "PERSON", "Alpha Person"),
    "beta": ("باء", "ORGANIZATION", "Beta Org"),
    "gamma": ("جيم", "STATE", "Gamma State"),
    "delta": ("دال", "PERSON", "Delta Person"),
    "epsilon": ("هاء", "PLACE", "Epsilon City"),
    "zeta": ("زاي", "ORGANIZATION", "Zeta Org"),
    "eta": ("حاء", "PERSON", "Eta Person"),
}
DATES = {"d1": "2024-01-10", "d2": "2024-02-15", "d3": "2024-03-20", "d4": "2024-06-01"}
TRIPLES = [
    ("d1", 0, "alpha", "MET_WITH", "beta", 0.9),
    ("d1", 0, "alpha", "VISITED", "epsilon", 0.8),
    ("d1", 1, "gamma", "MEDIATED", "alpha", 0.85),
    ("d1", 2, "alpha", "COOPERATES_WITH", "beta", 0.9),
    ("d2", 0, "alpha", "COOPERATES_WITH", "beta", 0.7),
    ("d2", 1, "beta", "SUPPORTS", "gamma", 0.8),
    ("d2", 2, "alpha", "OPPOSES", "gamma", 0.9),
    ("d3", 0, "delta", "RIVAL_OF", "gamma", 0.6),
    ("d3", 1, "delta", "OPPOSES", "gamma", 0.95),
    ("d3", 2, "delta", "MET_WITH", "beta", 0.4),
    ("d3", 3, "delta", "COOPERATES_WITH", "gamma", 0.8),
    ("d4", 0, "zeta", "COOPERATES_WITH", "delta", 0.9),
    ("d4", 1, "eta", "MET_WITH", "alpha", 0.9),
]


def sentence(doc: str, index: int) -> str:
    return f"جملة {doc} رقم {index}"


def ref(actor_id: str) -> ActorRef:
    name, atype, name_en = ACTORS[actor_id]
    return ActorRef(id=actor_id, name=name, type=atype, mention=name, name_en=name_en)


@pytest.fixture
def graph(store):
    registry = Registry()
    for actor_id, (name, atype, name_en) in ACTORS.items():
        aliases = ["الرفيق ألف"] if actor_id == "alpha" else []
        registry.add(Actor(id=actor_id, name=name, type=ActorType(atype), aliases=aliases, name_en=name_en))
    docs = []
    for doc_id, date in DATES.items():
        triples = [
            Triple(doc_id=d, sentence_index=i, sentence=sentence(d, i), subject=ref(s), relation=rel, object=ref(o),
                   confidence=c, extractor="test", date=date, title=f"title {d}")
            for d, i, s, rel, o, c in TRIPLES if d == doc_id
        ]
        docs.append((Document(id=doc_id, text="", title=f"title {doc_id}", date=date), triples))
    Loader(store, registry).load_documents(docs)
    store.write("MATCH (:Actor {id: 'eta'})-[r:MET_WITH]-(:Actor {id: 'alpha'}) SET r.rejected = true")
    return store


def run(store, name: str, **params):
    return run_report(store, get_report(name), params)


def pairs(rows, a="a_id", b="b_id"):
    return [(r[a], r[b]) for r in rows]


# -- exact answers ---------------------------------------------------------------


def test_alliances_exact(graph):
    rows = run(graph, "alliances")
    assert [(r["a_id"], r["b_id"], r["types"], r["support"], r["rivalry"], r["net"], r["documents"]) for r in rows] == [
        ("alpha", "beta", ["COOPERATES_WITH"], 2, 0, 2, 2),
        ("beta", "gamma", ["SUPPORTS"], 1, 0, 1, 1),
        ("delta", "zeta", ["COOPERATES_WITH"], 1, 0, 1, 1),
    ]  # delta-gamma: one alliance against two rivalry evidences, so it is net negative and left out
    assert pairs(run(graph, "alliances", actor="Gamma State")) == [("gamma", "beta")]
    assert pairs(run(graph, "alliances", min_confidence="0.95")) == []


def test_meetings_exact(graph):
    rows = run(graph, "meetings")
    assert pairs(rows) == [("alpha", "beta"), ("beta", "delta")]  # eta-alpha is rejected
    first = rows[0]
    assert (first["evidence"], first["documents"], first["first_seen"], first["last_seen"]) == (1, 1, "2024-01-10", "2024-01-10")
    assert first["places"] == ["هاء"] and first["sponsors"] == ["جيم"]
    assert rows[1]["places"] == [] and rows[1]["sponsors"] == []
    assert pairs(run(graph, "meetings", min_confidence="0.5")) == [("alpha", "beta")]
    assert pairs(run(graph, "meetings", actor="الرفيق ألف")) == [("alpha", "beta")]  # by alias


def test_rivalries_exact(graph):
    rows = run(graph, "rivalries")
    assert [(r["a_id"], r["b_id"], r["types"], r["evidence"], r["documents"], r["last_seen"]) for r in rows] == [
        ("delta", "gamma", ["OPPOSES", "RIVAL_OF"], 2, 1, "2024-03-20"),
        ("alpha", "gamma", ["OPPOSES"], 1, 1, "2024-02-15"),
    ]
    assert rows[0]["latest_sentence"] == sentence("d3", 1) and rows[0]["latest_document"] == "d3"
    assert [r["types"] for r in run(graph, "rivalries", actor="delta", min_confidence="0.7")] == [["OPPOSES"]]


def test_ego_exact(graph):
    rows = run(graph, "ego", actor="alpha")
    assert [(r["actor_id"], r["distance"], r["relations"], r["via"]) for r in rows] == [
        ("beta", 1, ["COOPERATES_WITH", "MET_WITH"], []),
        ("epsilon", 1, ["VISITED"], []),
        ("gamma", 1, ["MEDIATED", "OPPOSES"], []),
    ]  # eta only through a rejected edge
    rows = run(graph, "ego", actor="alpha", depth="2")
    delta = [r for r in rows if r["actor_id"] == "delta"]
    assert [r["actor_id"] for r in rows] == ["beta", "epsilon", "gamma", "delta"]
    assert sorted(delta[0]["relations"]) == ["COOPERATES_WITH", "MET_WITH", "OPPOSES", "RIVAL_OF"]
    assert sorted(delta[0]["via"]) == ["beta", "gamma"] and delta[0]["distance"] == 2
    rows = run(graph, "ego", actor="alpha", depth="2", families="alliances")
    assert [(r["actor_id"], r["distance"], r["via"]) for r in rows] == [("beta", 1, []), ("gamma", 2, ["beta"])]
    assert [r["actor_id"] for r in run(graph, "ego", actor="alpha", depth="3")][-1] == "zeta"


def test_path_exact(graph):
    rows = run(graph, "path", source="alpha", target="zeta")
    assert {r["hops"] for r in rows} == {3} and len(rows) == 8
    assert {tuple(r["actor_ids"]) for r in rows} == {("alpha", "gamma", "delta", "zeta"), ("alpha", "beta", "delta", "zeta")}
    strict = run(graph, "path", source="alpha", target="zeta", min_confidence="0.5")
    assert len(strict) == 6 and all(r["actor_ids"][1] == "gamma" for r in strict)
    assert [r["path"] for r in run(graph, "path", source="beta", target="delta")] == ["باء -[MET_WITH]- دال"]
    around = run(graph, "path", source="beta", target="delta", min_confidence="0.5")
    assert {(r["hops"], tuple(r["relations"])) for r in around} == {
        (2, ("SUPPORTS", "COOPERATES_WITH")), (2, ("SUPPORTS", "OPPOSES")), (2, ("SUPPORTS", "RIVAL_OF"))}
    assert "باء -[SUPPORTS]-> جيم" in around[0]["path"]
    assert run(graph, "path", source="alpha", target="eta") == []  # only a rejected edge joins them


def test_evidence_exact(graph):
    rows = run(graph, "evidence", source="beta", target="Alpha Person")
    assert [(r["date"], r["document"], r["sentence_id"], r["relation"]) for r in rows] == [
        ("2024-01-10", "d1", "d1#0", "MET_WITH"),
        ("2024-01-10", "d1", "d1#2", "COOPERATES_WITH"),
        ("2024-02-15", "d2", "d2#0", "COOPERATES_WITH"),
    ]
    assert rows[0]["sentence"] == sentence("d1", 0) and rows[0]["title"] == "title d1"
    assert len(run(graph, "evidence", source="alpha", target="beta", min_confidence="0.75")) == 2
    assert run(graph, "evidence", source="alpha", target="eta") == []


def test_timeline_exact(graph):
    rows = run(graph, "timeline", actor="ألف")
    assert [(r["date"], r["sentence_id"], r["relation"], r["direction"], r["other_id"]) for r in rows] == [
        ("2024-01-10", "d1#0", "MET_WITH", "with", "beta"),
        ("2024-01-10", "d1#0", "VISITED", "to", "epsilon"),
        ("2024-01-10", "d1#1", "MEDIATED", "from", "gamma"),
        ("2024-01-10", "d1#2", "COOPERATES_WITH", "with", "beta"),
        ("2024-02-15", "d2#0", "COOPERATES_WITH", "with", "beta"),
        ("2024-02-15", "d2#2", "OPPOSES", "to", "gamma"),
    ]
    assert [r["sentence_id"] for r in run(graph, "timeline", actor="alpha", since="2024-02-01")] == ["d2#0", "d2#2"]


def test_brokers_exact(graph):
    rows = run(graph, "brokers")
    assert [(r["actor_id"], r["neighbours"], r["open_pairs"], r["brokerage"]) for r in rows] == [
        ("alpha", 3, 2, 0.667), ("delta", 3, 2, 0.667), ("beta", 3, 1, 0.333), ("gamma", 3, 1, 0.333)]
    strict = run(graph, "brokers", min_confidence="0.5")
    assert [(r["actor_id"], r["open_pairs"]) for r in strict] == [("alpha", 2), ("gamma", 2), ("delta", 1)]
    assert [(r["actor_id"], r["open_pairs"]) for r in run(graph, "brokers", actor="delta")] == [("delta", 2)]
    assert run(graph, "brokers", actor="zeta") == []  # one neighbour: nothing to broker
    assert run(graph, "brokers", max_neighbours="2") == []  # everyone with 3 neighbours counts as a hub here
    graph.write("MATCH (a:Actor {id: 'beta'}) SET a.betweenness = 5.0")
    assert [r["actor_id"] for r in run(graph, "brokers")][0] == "beta"


def test_balance_exact(graph):
    rows = run(graph, "balance")
    assert [(r["a_id"], r["b_id"], r["c_id"], r["a_b"], r["b_c"], r["a_c"]) for r in rows] == [
        ("alpha", "beta", "gamma", ["COOPERATES_WITH"], ["SUPPORTS"], ["OPPOSES"])]
    for who in ("alpha", "beta", "gamma"):  # the actor in each of the three positions
        assert [(r["a_id"], r["b_id"], r["c_id"]) for r in run(graph, "balance", actor=who)] == [("alpha", "beta", "gamma")]
    assert run(graph, "balance", actor="delta") == []
    assert run(graph, "balance", min_confidence="0.95") == []


def test_new_actors_exact(graph):
    assert [r["actor_id"] for r in run(graph, "new-actors", since="2024-05-01")] == ["zeta"]  # eta: rejected only
    rows = run(graph, "new-actors", since="2024-03-01")
    assert [(r["actor_id"], r["first_seen"], r["partners_count"], r["evidence"], r["documents"]) for r in rows] == [
        ("delta", "2024-03-20", 3, 5, 2), ("zeta", "2024-06-01", 1, 1, 1)]


# -- the library on the seeds --------------------------------------------------------


def test_list_json_has_every_report_with_examples(runner, cli_args):
    result = runner.invoke(cli, [*cli_args, "report", "--list", "--format", "json"])
    assert result.exit_code == 0, result.output
    listed = {r["name"]: r for r in json.loads(result.output)}
    assert set(listed) >= {"alliances", "meetings", "rivalries", "ego", "path", "evidence", "timeline", "brokers",
                           "balance", "new-actors"}
    for r in listed.values():
        assert r["description"] and r["family"]
        names = [p["name"] for p in r["params"]]
        assert "min_confidence" in names and "limit" in names
        assert all(p["example"] is not None for p in r["params"]), r["name"]
    assert listed["path"]["variants"] == {"neo4j": listed["path"]["path"].replace("path.cypher", "path.neo4j.cypher")}


def test_every_report_runs_with_its_examples_on_the_seeds(seed_graph, runner, data_dir):
    for report in list_reports():
        args = ["--data-dir", str(data_dir), "--graph", "seeds", "report", report.name, "--format", "json"]
        for name, value in example_params(report).items():
            args += ["--param", f"{name}={','.join(value) if isinstance(value, list) else value}"]
        result = runner.invoke(cli, args)
        assert result.exit_code == 0, (report.name, result.output)
        json.loads(result.output or "[]")
    for name in ("alliances", "meetings", "rivalries"):
        assert run_report(seed_graph, get_report(name), {}), name


def test_formats_and_limit(seed_graph, runner, data_dir):
    base = ["--data-dir", str(data_dir), "--graph", "seeds", "report", "meetings", "--limit", "2"]
    rows = json.loads(runner.invoke(cli, [*base, "--format", "json"]).output)
    assert len(rows) == 2
    csv_out = runner.invoke(cli, [*base, "--format", "csv"]).output.splitlines()
    assert csv_out[0].startswith("a_id,actor_a,b_id,actor_b") and len(csv_out) == 3
    table = runner.invoke(cli, [*base]).output
    assert "\u2068" in table  # Arabic cells are isolated so they cannot reorder the row


def test_print_cypher_is_a_browser_script(seed_graph, runner, data_dir):
    result = runner.invoke(cli, ["--data-dir", str(data_dir), "--graph", "seeds", "report", "path",
                                 "--param", "source=Khaled Haftar", "--param", "target=مايكل لانجلي", "--print-cypher"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert ":param source => 'khaled-haftar';" in lines and ":param target => 'michael-langley';" in lines
    assert ":param min_confidence => 0.0;" in lines and ":param limit => 10;" in lines
    assert "allShortestPaths" in result.output  # Browser gets the Neo4j variant
    assert result.output.rstrip().endswith(";")


def test_neo4j_path_variant_agrees_on_a_small_graph(graph):
    """Neo4j cannot run here; its path text still runs on FalkorDB at this size and gives the same answer."""
    report = get_report("path")
    neo4j_text = report.query_for("neo4j")
    assert neo4j_text != report.query and "allShortestPaths" in neo4j_text
    for source, target in (("alpha", "zeta"), ("beta", "delta"), ("alpha", "eta")):
        params = {"source": source, "target": target, "min_confidence": 0.0, "limit": 20}
        assert graph.run(neo4j_text, params) == graph.run(report.query, params)


def test_param_literals_are_valid_cypher(graph):
    """Every :param value is a Cypher literal that evaluates back to the same value."""
    for value in ["it's", 'say "x"', "back\\slash", "}) MATCH (n) DETACH DELETE n //", "line\nbreak", "مصر", 0.25, 3,
                  None, True, ["a", "b'c"]]:
        assert graph.run(f"RETURN {literal(value)} AS v")[0]["v"] == value


# -- hostile parameters -----------------------------------------------------------------

HOSTILE = ["'", '"', "{", "}", "DETACH DELETE", "}) MATCH (n) DETACH DELETE n //", "x' OR 1=1 //", "$actor", "\\"]


def counts(store) -> tuple[int, int]:
    return (store.run("MATCH (n) RETURN count(n) AS n")[0]["n"], store.run("MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"])


def test_hostile_values_never_change_the_graph(graph, runner, cli_args):
    before = counts(graph)
    for report in list_reports():
        for p in report.params:
            for value in HOSTILE:
                params = {q.name: q.example for q in report.params if q.required and q.name != p.name}
                args = [*cli_args, "report", report.name, "--format", "json", "--param", f"{p.name}={value}"]
                args += [a for k, v in params.items() for a in ("--param", f"{k}={'alpha' if isinstance(v, str) else v}")]
                result = runner.invoke(cli, args)
                assert result.exit_code in (0, 2), (report.name, p.name, value, result.output)
                assert result.exception is None or isinstance(result.exception, SystemExit), (report.name, p.name, value)
                if result.exit_code == 2:
                    assert "Traceback" not in result.output and result.output.startswith("Error: ")
    result = runner.invoke(cli, [*cli_args, "report", "ego", "--param", "actor=alpha", "--param", "x}) DETACH DELETE n //=1"])
    assert result.exit_code == 2 and "has no parameter" in result.output
    assert counts(graph) == before


def test_clean_usage_errors(graph):
    with pytest.raises(UnknownActor):
        run(graph, "ego", actor="nobody at all")
    with pytest.raises(UsageError, match="needs --param actor"):
        run(graph, "ego")
    with pytest.raises(UsageError, match="at most 3"):
        run(graph, "ego", actor="alpha", depth="7")
    with pytest.raises(UsageError, match="accepts"):
        run(graph, "ego", actor="alpha", families="alliances,bogus")
    with pytest.raises(UsageError, match="expects date"):
        run(graph, "new-actors", since="last week")
    with pytest.raises(UsageError, match="finite"):
        run(graph, "alliances", min_confidence="nan")


def test_browser_script_strips_comments():
    script = browser_script(get_report("ego"), {"actor": "alpha", "depth": 2, "families": None,
                                                "min_confidence": 0.0, "limit": 5})
    lines = script.splitlines()
    assert lines[0] == ":param actor => 'alpha';" and ":param families => null;" in lines
    assert lines[6] == "// ego: " + get_report("ego").description  # one comment naming the report, after the params
    assert len([l for l in lines if l.strip().startswith("//")]) == 1
