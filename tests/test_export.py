"""Every export format for `--actor "خالد حفتر" --depth 2` on the seed graph, read back.

The acceptance checks of the export issue: networkx reads the GraphML and
GEXF back with the same node and edge counts (and the same attributes), the
JSON validates against its published schema, the CSV folder (and zip) loads
into a fresh embedded graph with the same counts, and the Cypher script run
twice on an empty graph gives the same graph as running it once.
"""

from __future__ import annotations

import csv
import json

import networkx as nx
import pytest

from graph_loader.cli import cli
from graph_loader.export import FORMATS, guess_format
from graph_loader.export.csv import load_csv
from graph_loader.export.cypher import literal, run_script, statements
from graph_loader.export.json import load_schema
from graph_loader.export.selection import Selection, select_subgraph
from graph_loader.model import RELATION_NAMES

ACTOR = "خالد حفتر"


@pytest.fixture(scope="module")
def expected(seed_graph):
    g = select_subgraph(seed_graph, Selection(actor=ACTOR, depth=2))
    assert g.number_of_edges() > 10, "the seed ego network is big enough to mean something"
    return g


@pytest.fixture(scope="module")
def exports(seed_graph, data_dir, tmp_path_factory):
    from click.testing import CliRunner

    out = tmp_path_factory.mktemp("exports")
    paths = {"graphml": out / "k.graphml", "gexf": out / "k.gexf", "json": out / "k.json", "csv": out / "k_csv",
             "csv_zip": out / "k.zip", "cypher": out / "k.cypher", "html": out / "k.html"}
    for name, path in paths.items():
        fmt = "csv" if name.startswith("csv") else name
        result = CliRunner().invoke(cli, ["--data-dir", str(data_dir), "--graph", "seeds", "export", "--actor", ACTOR,
                                          "--depth", "2", "--format", fmt, "-o", str(path)])
        assert result.exit_code == 0, result.output
        assert "exported" in result.output and fmt in result.output
    return paths


def _counts(store) -> tuple[int, int]:
    s = store.stats()
    return s["nodes"].get("Actor", 0), sum(s["relationships"].values())


def test_every_format_is_written(exports):
    for name, path in exports.items():
        assert path.exists() and (path.is_dir() or path.stat().st_size > 500), name
    assert set(FORMATS) == {"graphml", "gexf", "json", "csv", "cypher", "html"}


def test_graphml_reads_back_with_same_counts_and_attributes(exports, expected):
    g = nx.read_graphml(exports["graphml"])
    assert (g.number_of_nodes(), g.number_of_edges()) == (expected.number_of_nodes(), expected.number_of_edges())
    assert g.is_directed() and g.is_multigraph()
    node = g.nodes["khaled-haftar"]
    assert node["name"] == ACTOR and node["type"] == "PERSON" and node["name_en"]
    assert isinstance(json.loads(node["aliases"]), list)
    for s, o, key, d in g.edges(keys=True, data=True):
        assert d["type"] in RELATION_NAMES and key == f"{s}|{d['type']}|{o}"
        assert isinstance(d["count"], int) and isinstance(d["confidence"], float)
        assert d["weight"] == float(d["count"])
        assert d["evidence"] and d["evidence_doc"] and isinstance(json.loads(d["documents"]), list)
        assert d["family"] == expected.edges[s, o, d["type"]]["family"]
    text = exports["graphml"].read_text(encoding="utf-8")
    assert ">None<" not in text and "['" not in text  # no Python reprs leak into the file


def test_gexf_reads_back_with_same_counts(exports, expected):
    g = nx.read_gexf(exports["gexf"])
    assert (g.number_of_nodes(), g.number_of_edges()) == (expected.number_of_nodes(), expected.number_of_edges())
    assert g.nodes["khaled-haftar"]["label"] == ACTOR
    kinds = {d["type"] for _, _, d in g.edges(data=True)}
    assert kinds <= set(RELATION_NAMES)
    text = exports["gexf"].read_text(encoding="utf-8")
    assert 'version="1.3"' in text and 'kind="MET_WITH"' in text and "None" not in text


def test_json_validates_against_schema_and_reads_back(exports, expected):
    import jsonschema

    data = json.loads(exports["json"].read_text(encoding="utf-8"))
    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    g = nx.node_link_graph(data, edges="links")
    assert (g.number_of_nodes(), g.number_of_edges()) == (expected.number_of_nodes(), expected.number_of_edges())
    cited = {ev["doc_id"] for l in data["links"] for ev in l["evidence"]}
    assert cited and cited <= set(data["graph"]["documents"])
    assert data["graph"]["selection"]["actor_id"] == "khaled-haftar"


def test_json_schema_tracks_the_taxonomy():
    schema = load_schema()
    assert schema["$defs"]["relation_type"]["enum"] == list(RELATION_NAMES)


def test_json_schema_rejects_a_broken_export(exports):
    import jsonschema

    data = json.loads(exports["json"].read_text(encoding="utf-8"))
    data["links"][0]["type"] = "HUGS"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, load_schema(), cls=jsonschema.Draft202012Validator)


@pytest.mark.parametrize("which", ["csv", "csv_zip"])
def test_csv_loads_into_a_fresh_graph_with_same_counts(exports, expected, store, which):
    loaded = load_csv(store, exports[which])
    assert loaded == {"actors": expected.number_of_nodes(), "relationships": expected.number_of_edges()}
    assert _counts(store) == (expected.number_of_nodes(), expected.number_of_edges())
    row = store.run("MATCH (a:Actor:Person {id: 'khaled-haftar'}) RETURN a.name AS name, a.aliases AS aliases")[0]
    assert row["name"] == ACTOR and isinstance(row["aliases"], list)
    s, o, key = next(iter(expected.edges(keys=True)))
    d = expected.edges[s, o, key]
    r = store.run(f"MATCH (:Actor {{id: $s}})-[r:{key}]->(:Actor {{id: $o}}) RETURN r.count AS count, r.documents AS docs",
                  {"s": s, "o": o})[0]
    assert r == {"count": d["count"], "docs": d["documents"]}
    load_csv(store, exports[which])  # merging again changes nothing
    assert _counts(store) == (expected.number_of_nodes(), expected.number_of_edges())


def test_csv_headers_are_neo4j_admin_headers(exports):
    actors = (exports["csv"] / "actors.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    rels = (exports["csv"] / "relationships.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert actors[:2] == ["id:ID(Actor)", ":LABEL"] and "aliases:string[]" in actors
    assert rels[:3] == [":START_ID(Actor)", ":END_ID(Actor)", ":TYPE"] and "count:int" in rels
    assert "neo4j-admin database import full" in (exports["csv"] / "README.txt").read_text(encoding="utf-8")


def test_csv_loader_names_the_bad_line(exports, store, tmp_path):
    from graph_loader.errors import InputError

    bad = tmp_path / "bad"
    bad.mkdir()
    for name in ("actors.csv", "relationships.csv"):
        (bad / name).write_text((exports["csv"] / name).read_text(encoding="utf-8"), encoding="utf-8")
    with open(bad / "relationships.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    rows[2][2] = "HUGS"  # file line 3: a relationship type outside the taxonomy
    with open(bad / "relationships.csv", "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    with pytest.raises(InputError) as err:
        load_csv(store, bad)
    assert "relationships.csv:3" in err.value.message and "HUGS" in err.value.message


def test_cypher_script_twice_on_an_empty_graph_gives_the_same_counts(exports, expected, store):
    text = exports["cypher"].read_text(encoding="utf-8")
    assert "CREATE " not in "\n".join(l for l in text.splitlines() if not l.startswith("//"))  # MERGE only
    run_script(store, text, str(exports["cypher"]))
    once = _counts(store)
    props = store.run("MATCH (a:Actor)-[r]->(b:Actor) RETURN a.id AS s, type(r) AS t, b.id AS o, r.count AS c ORDER BY s, t, o")
    run_script(store, text, str(exports["cypher"]))
    assert once == _counts(store) == (expected.number_of_nodes(), expected.number_of_edges())
    assert props == store.run("MATCH (a:Actor)-[r]->(b:Actor) RETURN a.id AS s, type(r) AS t, b.id AS o, r.count AS c ORDER BY s, t, o")
    assert store.run("MATCH (a:State) RETURN count(a) AS n")[0]["n"] == sum(
        1 for _, d in expected.nodes(data=True) if d["type"] == "STATE")


def test_cypher_literals_survive_quotes_backslashes_and_newlines(store):
    nasty = "قال: 'لا' \\ \"نعم\"\nسطر ثانٍ // ليس تعليقا; ولا نهاية"
    run_script(store, f"MERGE (a:Actor {{id: 'x'}}) SET a.name = {literal(nasty)}, a.n = {literal([1.5, 2])}, "
                      f"a.ok = {literal(True)}, a.gone = {literal(None)};\n")
    row = store.run("MATCH (a:Actor {id: 'x'}) RETURN a.name AS name, a.n AS n, a.ok AS ok, a.gone AS gone")[0]
    assert row == {"name": nasty, "n": [1.5, 2], "ok": True, "gone": None}
    assert [s for _, s in statements("// c\nRETURN 1;\n\nRETURN\n 2;\n")] == ["RETURN 1", "RETURN\n 2"]


def test_html_is_one_file_with_the_library_and_data(exports, expected):
    text = exports["html"].read_text(encoding="utf-8")
    assert "vis-network" in text and "10.1.5" in text
    assert text.count("<script") == 3 and "src=" not in text.split("<script type=\"application/json\"")[0].lower()
    assert "khaled-haftar" in text


def test_vendored_library_version_matches():
    from graph_loader.export.html import VIS_JS, VIS_VERSION

    head = VIS_JS.read_text(encoding="utf-8")[:600]
    assert f"@version {VIS_VERSION}" in head
    assert (VIS_JS.parent / "LICENSE-vis-network-MIT.txt").exists()


def test_output_to_stdout_and_format_from_extension(seed_graph, data_dir, runner, tmp_path):
    args = ["--data-dir", str(data_dir), "--graph", "seeds", "--quiet", "export", "--actor", ACTOR, "--depth", "1"]
    result = runner.invoke(cli, [*args, "--format", "graphml", "-o", "-"])
    assert result.exit_code == 0 and result.output.startswith("<?xml")
    result = runner.invoke(cli, [*args, "-o", str(tmp_path / "x.gexf")])
    assert result.exit_code == 0 and "<gexf" in (tmp_path / "x.gexf").read_text(encoding="utf-8")
    assert guess_format("a/b.GRAPHML") == "graphml" and guess_format("x.zip") == "csv" and guess_format("-") is None


def test_same_selection_gives_identical_files(seed_graph, tmp_path):
    from graph_loader.export import write_graph

    a = select_subgraph(seed_graph, Selection(actor=ACTOR, depth=2))
    b = select_subgraph(seed_graph, Selection(actor=ACTOR, depth=2))
    for g in (a, b):
        g.graph["exported_at"] = "fixed"
    write_graph(a, "graphml", str(tmp_path / "a.graphml"))
    write_graph(b, "graphml", str(tmp_path / "b.graphml"))
    assert (tmp_path / "a.graphml").read_bytes() == (tmp_path / "b.graphml").read_bytes()


def test_html_data_cannot_close_the_script_element(tmp_path):
    import networkx as nx

    from graph_loader.export import write_graph

    g = nx.MultiDiGraph(selection={}, documents={})
    evil = "</script><script>alert(1)</script><!--"
    g.add_node("x", name=evil, name_en=evil, type="PERSON", aliases=[evil])
    g.add_node("y", name="ص", name_en=None, type="STATE", aliases=[])
    g.add_edge("x", "y", key="SUPPORTS", type="SUPPORTS", family="alliances", symmetric=False, count=1, doc_count=1,
               confidence=0.5, hedged=0.0, documents=["d"], sentences=["d#0"],
               evidence=[{"sentence_id": "d#0", "doc_id": "d", "text": evil}])
    write_graph(g, "html", str(tmp_path / "evil.html"))
    text = (tmp_path / "evil.html").read_text(encoding="utf-8")
    assert text.lower().count("</script") == 3  # the data, the library and the page script close; nothing else
    assert "alert(1)" in text  # the text is kept, escaped
