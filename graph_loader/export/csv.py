"""CSV with neo4j-admin import headers: `actors.csv` + `relationships.csv`.

The files load into an empty Neo4j with

    neo4j-admin database import full neo4j --nodes=actors.csv --relationships=relationships.csv

(the id space is `Actor`, arrays use neo4j-admin's default `;` delimiter, and
`:LABEL` gives every actor `Actor` plus its type label), open in a spreadsheet
as they are, and load into any actorgraph store with `load_csv` below, which
understands the same headers. Written into a folder, or a zip when the path
ends in `.zip`. A README.txt beside them repeats the command.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Any, Iterable, Iterator, TextIO

import networkx as nx

from graph_loader.errors import InputError
from graph_loader.export.fields import EDGE_FIELDS, NODE_FIELDS, flat_edge
from graph_loader.model import ACTOR_LABELS, RELATIONS

ACTORS_FILE = "actors.csv"
RELATIONSHIPS_FILE = "relationships.csv"
ARRAY_DELIMITER = ";"
IMPORT_COMMAND = f"neo4j-admin database import full neo4j --nodes={ACTORS_FILE} --relationships={RELATIONSHIPS_FILE}"

_NEO4J_TYPES = {"string": "", "int": ":int", "float": ":float", "boolean": ":boolean", "json": ":string[]"}
_SKIP_NODE = {"label"}  # the display label is `name`; :LABEL is the node label column
_SKIP_EDGE = {"label", "weight", "type"}  # `:TYPE` carries the type; weight repeats count

NODE_COLUMNS: list[tuple[str, str]] = [(n, k) for n, k in NODE_FIELDS if n not in _SKIP_NODE]
EDGE_COLUMNS: list[tuple[str, str]] = [(n, k) for n, k in EDGE_FIELDS if n not in _SKIP_EDGE]
_LABELS = {t.value: l for t, l in ACTOR_LABELS.items()}
_ACTOR_LABEL_SET = set(_LABELS.values())

README = f"""actorgraph export: actors and their relationships, with neo4j-admin import headers.

Load into an EMPTY Neo4j 5 database (stop it first; the files go in its import/ folder):

    {IMPORT_COMMAND}

Load into an actorgraph store (embedded FalkorDB or Neo4j), merging with what is there:

    python -c "from graph_loader.store import open_store; from graph_loader.export.csv import load_csv; print(load_csv(open_store('embedded', None, 'mygraph'), 'THIS_FOLDER'))"

Arrays (aliases, documents, sentences) are separated by '{ARRAY_DELIMITER}'. See docs/export.md.
"""


def node_header() -> list[str]:
    return ["id:ID(Actor)", ":LABEL"] + [f"{n}{_NEO4J_TYPES[k]}" for n, k in NODE_COLUMNS]


def edge_header() -> list[str]:
    return [":START_ID(Actor)", ":END_ID(Actor)", ":TYPE"] + [f"{n}{_NEO4J_TYPES[k]}" for n, k in EDGE_COLUMNS]


def _cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "json":
        return ARRAY_DELIMITER.join(str(v).replace(ARRAY_DELIMITER, ",") for v in value)
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "float":
        return repr(float(value))
    return str(value)


def _node_rows(g: nx.MultiDiGraph) -> Iterator[list[str]]:
    for n, d in g.nodes(data=True):
        label = _LABELS.get(str(d.get("type")))
        labels = "Actor" + (f"{ARRAY_DELIMITER}{label}" if label else "")
        yield [n, labels] + [_cell(d.get(name), kind) for name, kind in NODE_COLUMNS]


def _edge_rows(g: nx.MultiDiGraph) -> Iterator[list[str]]:
    for s, o, key, d in g.edges(keys=True, data=True):
        flat = flat_edge(d)
        values = {**d, **{k: flat.get(k) for k in ("evidence", "evidence_doc", "evidence_sentence")}}
        yield [s, o, key] + [_cell(values.get(name), kind) for name, kind in EDGE_COLUMNS]


def _write_csv(fh: TextIO, header: list[str], rows: Iterable[list[str]]) -> None:
    w = csv.writer(fh, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)


def write(g: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write the two files (and README.txt) into folder `path`, or into a zip if it ends in .zip."""
    path = Path(path)
    if path.suffix.lower() == ".zip":
        path.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name, header, rows in ((ACTORS_FILE, node_header(), _node_rows(g)),
                                       (RELATIONSHIPS_FILE, edge_header(), _edge_rows(g))):
                with zf.open(name, "w") as raw, io.TextIOWrapper(raw, encoding="utf-8", newline="") as fh:
                    _write_csv(fh, header, rows)
            zf.writestr("README.txt", README)
        return path
    if path.exists() and not path.is_dir():
        raise InputError("the CSV export writes a folder (or a .zip); a file is in the way", str(path))
    path.mkdir(parents=True, exist_ok=True)
    with open(path / ACTORS_FILE, "w", encoding="utf-8", newline="") as fh:
        _write_csv(fh, node_header(), _node_rows(g))
    with open(path / RELATIONSHIPS_FILE, "w", encoding="utf-8", newline="") as fh:
        _write_csv(fh, edge_header(), _edge_rows(g))
    (path / "README.txt").write_text(README, encoding="utf-8")
    return path


# -- reading back ---------------------------------------------------------------

Q_LOAD_ACTORS = """
UNWIND $rows AS r
MERGE (a:Actor {id: r.id})
SET a:{label}, a += r.props
"""
Q_LOAD_EDGES = """
UNWIND $rows AS r
MATCH (a:Actor {id: r.s}), (b:Actor {id: r.o})
MERGE (a)-[x:{rel}]->(b)
SET x += r.props
"""


def _parse(value: str, column: str, where: str) -> tuple[str, Any]:
    name, _, kind = column.partition(":")
    if value == "":
        return name, None
    try:
        if kind == "int":
            return name, int(value)
        if kind == "float":
            return name, float(value)
        if kind == "boolean":
            if value.lower() not in ("true", "false"):
                raise ValueError(value)
            return name, value.lower() == "true"
        if kind == "string[]":
            return name, value.split(ARRAY_DELIMITER)
    except ValueError:
        raise InputError(f"column {column!r}: {value!r} is not a {kind}", where) from None
    return name, value


def _read_table(open_file, name: str, source: str, required: list[str]) -> Iterator[tuple[int, dict[str, str], list[str]]]:
    try:
        fh = open_file(name)
    except (FileNotFoundError, KeyError):
        raise InputError(f"no {name} in the export", source) from None
    with fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header is None:
            raise InputError("empty file (no header)", f"{source}/{name}")
        missing = [c for c in required if c not in header]
        if missing:
            raise InputError(f"header lacks {', '.join(missing)}", f"{source}/{name}", 1)
        for lineno, row in enumerate(reader, start=2):
            if not row:
                continue
            if len(row) != len(header):
                raise InputError(f"{len(row)} fields, the header has {len(header)}", f"{source}/{name}", lineno)
            yield lineno, dict(zip(header, row)), header


def load_csv(store, path: str | Path, batch_size: int = 1000) -> dict[str, int]:
    """Merge an exported folder or zip into `store`; returns {"actors": n, "relationships": m}.

    Idempotent (MERGE by actor id and by (subject, type, object)). Labels and
    relationship types are checked against the taxonomy before they reach a
    query, since they cannot be parameters.
    """
    path = Path(path)
    source = str(path)
    zf: zipfile.ZipFile | None = None
    if path.is_dir():
        def open_file(name: str) -> TextIO:
            return open(path / name, encoding="utf-8", newline="")
    elif path.suffix.lower() == ".zip" and path.is_file():
        zf = zipfile.ZipFile(path)

        def open_file(name: str) -> TextIO:
            return io.TextIOWrapper(zf.open(name), encoding="utf-8", newline="")  # type: ignore[union-attr]
    else:
        raise InputError("not an exported CSV folder or .zip", source)
    try:
        store.ensure_schema()
        actors: dict[str, list[dict[str, Any]]] = {}
        n_actors = 0
        for lineno, row, header in _read_table(open_file, ACTORS_FILE, source, ["id:ID(Actor)", ":LABEL"]):
            where = f"{source}/{ACTORS_FILE}:{lineno}"
            labels = [l for l in row[":LABEL"].split(ARRAY_DELIMITER) if l and l != "Actor"]
            bad = [l for l in labels if l not in _ACTOR_LABEL_SET]
            if bad or len(labels) > 1:
                raise InputError(f"label(s) {row[':LABEL']!r}: expected Actor plus one of {', '.join(sorted(_ACTOR_LABEL_SET))}", where)
            props = dict(_parse(row[c], c, where) for c in header if not c.startswith(":") and c != "id:ID(Actor)")
            if not row["id:ID(Actor)"]:
                raise InputError("empty actor id", where)
            props = {k: v for k, v in props.items() if v is not None}
            if "aliases" not in props:
                props["aliases"] = []
            actors.setdefault(labels[0] if labels else "Actor", []).append({"id": row["id:ID(Actor)"], "props": props})
            n_actors += 1
        for label, rows in actors.items():
            store.write_batches(Q_LOAD_ACTORS.replace("{label}", label), rows, batch_size)
        del actors
        edges: dict[str, list[dict[str, Any]]] = {}
        n_edges = 0
        for lineno, row, header in _read_table(open_file, RELATIONSHIPS_FILE, source,
                                               [":START_ID(Actor)", ":END_ID(Actor)", ":TYPE"]):
            where = f"{source}/{RELATIONSHIPS_FILE}:{lineno}"
            rel = row[":TYPE"]
            if rel not in RELATIONS:
                raise InputError(f"relationship type {rel!r} is not in the taxonomy", where)
            props = dict(_parse(row[c], c, where) for c in header if not c.startswith(":"))
            props = {k: v for k, v in props.items() if v is not None}
            edges.setdefault(rel, []).append({"s": row[":START_ID(Actor)"], "o": row[":END_ID(Actor)"], "props": props})
            n_edges += 1
        for rel, rows in edges.items():
            store.write_batches(Q_LOAD_EDGES.replace("{rel}", rel), rows, batch_size)
        return {"actors": n_actors, "relationships": n_edges}
    finally:
        if zf is not None:
            zf.close()

