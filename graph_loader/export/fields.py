"""The attribute schema every flat format shares (GraphML, GEXF, CSV).

Gephi and neo4j-admin need one declared type per attribute and no lists or
nulls, so the subgraph's attributes are flattened here, once: lists become
JSON strings, a missing value is simply left out, and an edge's evidence is
reduced to its first sentence with that sentence's document and id. The
declared order is also the column order, so files diff cleanly.
"""

from __future__ import annotations

import json
from typing import Any, Mapping

from graph_loader.export.selection import MEASURES

# (name, type) with type one of: string, int, float, boolean, json (a list, JSON-encoded)
NODE_FIELDS: tuple[tuple[str, str], ...] = (
    ("label", "string"),
    ("name", "string"),
    ("name_en", "string"),
    ("type", "string"),
    ("aliases", "json"),
    ("first_seen", "string"),
    ("last_seen", "string"),
    *MEASURES,
)

EDGE_FIELDS: tuple[tuple[str, str], ...] = (
    ("label", "string"),
    ("type", "string"),
    ("family", "string"),
    ("symmetric", "boolean"),
    ("weight", "float"),
    ("count", "int"),
    ("doc_count", "int"),
    ("confidence", "float"),
    ("hedged", "float"),
    ("first_seen", "string"),
    ("last_seen", "string"),
    ("documents", "json"),
    ("sentences", "json"),
    ("role", "string"),
    ("evidence", "string"),
    ("evidence_doc", "string"),
    ("evidence_sentence", "string"),
)


def _coerce(value: Any, kind: str) -> Any:
    if kind == "int":
        return int(value)
    if kind == "float":
        return float(value)
    if kind == "boolean":
        return bool(value)
    if kind == "json":
        return json.dumps(list(value), ensure_ascii=False)
    return str(value)


def flat_node(attrs: Mapping[str, Any]) -> dict[str, Any]:
    """Scalar attributes of one actor, in NODE_FIELDS order; absent values left out."""
    src = dict(attrs)
    src.setdefault("label", src.get("name"))
    out: dict[str, Any] = {}
    for name, kind in NODE_FIELDS:
        value = src.get(name)
        if value is None:
            continue
        out[name] = _coerce(value, kind)
    return out


def flat_edge(attrs: Mapping[str, Any]) -> dict[str, Any]:
    """Scalar attributes of one relationship, in EDGE_FIELDS order; absent values left out."""
    src = dict(attrs)
    src.setdefault("label", src.get("type"))
    src.setdefault("weight", src.get("count"))
    evidence = src.get("evidence") or []
    if evidence:
        first = evidence[0]
        src["evidence"] = first.get("text")
        src["evidence_doc"] = first.get("doc_id")
        src["evidence_sentence"] = first.get("sentence_id")
    else:
        src["evidence"] = None
    out: dict[str, Any] = {}
    for name, kind in EDGE_FIELDS:
        value = src.get(name)
        if value is None:
            continue
        out[name] = _coerce(value, kind)
    return out
