"""Node-link JSON for notebooks and web tools; its schema is `schema.json`.

The layout is networkx's node-link form (`directed`, `multigraph`, `graph`,
`nodes`, `links` with `source`/`target`/`key`), so
`networkx.node_link_graph(data, edges="links")` reads it straight back, and
d3-style tools take it as is. Unlike the flat formats, lists stay lists and
each link carries its evidence sentences as objects. Written one record a
line, so a large export is never held as one big string.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO

import networkx as nx

SCHEMA_PATH = Path(__file__).with_name("schema.json")
SCHEMA_ID = "https://actorgraph.invalid/schemas/export-node-link-1.json"

NODE_KEYS = ("name", "name_en", "type", "aliases", "first_seen", "last_seen")
LINK_KEYS = ("type", "family", "symmetric", "count", "doc_count", "confidence", "hedged", "first_seen", "last_seen",
             "documents", "sentences", "role", "roles", "evidence")


def load_schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def node_record(n: str, d: dict[str, Any]) -> dict[str, Any]:
    rec: dict[str, Any] = {"id": n}
    for k in NODE_KEYS:
        rec[k] = d.get(k)
    rec["aliases"] = list(d.get("aliases") or [])
    rec.update({k: v for k, v in d.items() if k not in rec and v is not None})
    return rec


def link_record(s: str, o: str, key: str, d: dict[str, Any]) -> dict[str, Any]:
    rec: dict[str, Any] = {"source": s, "target": o, "key": key}
    for k in LINK_KEYS:
        rec[k] = d.get(k)
    for k in ("documents", "sentences", "roles", "evidence"):
        rec[k] = list(rec[k] or [])
    return rec


def write(g: nx.MultiDiGraph, fh: TextIO) -> None:
    graph = {k: g.graph[k] for k in ("name", "generator", "exported_at", "selection") if k in g.graph}
    graph["documents"] = g.graph.get("documents", {})
    w = fh.write
    w('{"$schema":' + _dump(SCHEMA_ID) + ',"directed":true,"multigraph":true,\n"graph":' + _dump(graph) + ',\n"nodes":[')
    for i, (n, d) in enumerate(g.nodes(data=True)):
        w(("\n" if i == 0 else ",\n") + _dump(node_record(n, d)))
    w('\n],\n"links":[')
    for i, (s, o, key, d) in enumerate(g.edges(keys=True, data=True)):
        w(("\n" if i == 0 else ",\n") + _dump(link_record(s, o, key, d)))
    w("\n]}\n")
