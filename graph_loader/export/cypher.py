"""A Cypher script that recreates the subgraph in another store, idempotently.

Every statement MERGEs by actor id, and relationships by (subject, type,
object), then SETs the properties: running the script twice gives the same
graph as running it once, and running it on a store that already has some of
these actors updates them in place. Values are literals (a script cannot take
parameters), written by `literal()`, which escapes every string; labels and
relationship types come only from the taxonomy. Rows go in UNWIND batches so
a large script loads at bulk speed; each statement is on one line ending in
`;`, which cypher-shell (`cypher-shell -f export.cypher`) and `run_script`
both read.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator, Mapping, TextIO

import networkx as nx

from graph_loader.errors import InputError, StoreError, StoreUnavailable
from graph_loader.model import ACTOR_LABELS, RELATIONS
from graph_loader.store.literal import key as _key, literal

BATCH = 200
_LABELS = {t.value: l for t, l in ACTOR_LABELS.items()}
_NODE_KEYS = ("name", "name_en", "type", "aliases", "first_seen", "last_seen")
_EDGE_KEYS = ("family", "count", "doc_count", "confidence", "hedged", "first_seen", "last_seen", "documents",
              "sentences", "role", "roles")


def _batches(rows: Iterable[Any], size: int = BATCH) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for r in rows:
        batch.append(r)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _node_props(d: Mapping[str, Any]) -> dict[str, Any]:
    from graph_loader.export.selection import MEASURE_NAMES

    props = {k: d.get(k) for k in (*_NODE_KEYS, *MEASURE_NAMES)}
    props["aliases"] = list(d.get("aliases") or [])
    return {k: v for k, v in props.items() if v is not None}


def _edge_props(d: Mapping[str, Any]) -> dict[str, Any]:
    props = {k: d.get(k) for k in _EDGE_KEYS}
    ev = (d.get("evidence") or [])[:1]
    if ev:
        props.update(evidence=ev[0]["text"], evidence_doc=ev[0]["doc_id"], evidence_sentence=ev[0]["sentence_id"])
    return {k: v for k, v in props.items() if v is not None and v != []}


def write(g: nx.MultiDiGraph, fh: TextIO) -> None:
    w = fh.write
    w("// actorgraph subgraph export: an idempotent script (MERGE by actor id and by subject-type-object).\n")
    w(f"// {g.graph.get('generator', 'actorgraph')}, exported {g.graph.get('exported_at', '')}; "
      f"{g.number_of_nodes()} actors, {g.number_of_edges()} relationships.\n")
    w("// Neo4j: run `CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;` first for speed,\n")
    w("// then `cypher-shell -f THIS_FILE`. FalkorDB/actorgraph: graph_loader.export.cypher.run_script(store, text).\n")
    by_label: dict[str, list[dict[str, Any]]] = {}
    for n, d in g.nodes(data=True):
        by_label.setdefault(_LABELS.get(str(d.get("type")), ""), []).append({"id": n, "props": _node_props(d)})
    for label, rows in sorted(by_label.items()):
        set_label = f"SET a:{label} " if label else ""
        for batch in _batches(rows):
            w(f"UNWIND {literal(batch)} AS r MERGE (a:Actor {{id: r.id}}) {set_label}SET a += r.props;\n")
    by_type: dict[str, list[dict[str, Any]]] = {}
    for s, o, key, d in g.edges(keys=True, data=True):
        by_type.setdefault(key, []).append({"s": s, "o": o, "props": _edge_props(d)})
    for rel, rows in sorted(by_type.items()):
        if rel not in RELATIONS:  # keys come from the taxonomy; never interpolate anything else
            raise ValueError(f"relation type {rel!r} is not in the taxonomy")
        for batch in _batches(rows):
            w(f"UNWIND {literal(batch)} AS r MATCH (a:Actor {{id: r.s}}), (b:Actor {{id: r.o}}) "
              f"MERGE (a)-[x:{rel}]->(b) SET x += r.props;\n")


def statements(text: str, source: str = "<script>") -> Iterator[tuple[int, str]]:
    """(line number, statement) for each `;`-terminated statement; `//` lines are comments."""
    buf: list[str] = []
    start = 0
    for lineno, line in enumerate(text.splitlines(), start=1):
        s = line.strip()
        if not buf and (not s or s.startswith("//")):
            continue
        if not buf:
            start = lineno
        buf.append(line)
        if s.endswith(";"):
            yield start, "\n".join(buf).rstrip().rstrip(";")
            buf = []
    if buf:
        raise InputError("the last statement has no closing ';'", source, start)


def run_script(store, text: str, source: str = "<script>") -> int:
    """Run an exported script statement by statement; returns the number run."""
    store.ensure_schema()
    n = 0
    for lineno, stmt in statements(text, source):
        try:
            store.write(stmt)
        except StoreUnavailable:
            raise
        except StoreError as exc:  # name the statement that failed
            raise InputError(f"statement failed: {exc.message}", source, lineno) from None
        n += 1
    return n

