"""One self-contained HTML page that draws the subgraph (no CDN, no network).

The graph library is vis-network, vendored from the npm registry into
`vendor/` (see vendor/README.md for the version and checksum) and inlined
here with the data, so the page opens from a mail attachment or a USB stick.
The page itself is `view.html`: actors coloured and shaped by type, edges
styled by family and as wide as their evidence, Arabic labels drawn
right-to-left with the Latin name on hover, a family filter, a search box
that folds Arabic spelling variants, and the evidence sentences with their
documents in a side panel when an edge is clicked.
"""

from __future__ import annotations

import html as html_lib
import io
import json
import re
from pathlib import Path
from typing import Any, TextIO

import networkx as nx

from graph_loader.export.selection import MEASURE_NAMES

HERE = Path(__file__).resolve().parent
TEMPLATE = HERE / "view.html"
VIS_JS = HERE / "vendor" / "vis-network.min.js"
VIS_VERSION = "10.1.5"
EVIDENCE_PER_EDGE = 5  # sentences carried per edge into the page

_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.MULTILINE)
_SCRIPT_END = re.compile(r"</(script)", re.IGNORECASE)


def _node(n: str, d: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": n, "name": d.get("name") or n, "name_en": d.get("name_en"), "type": d.get("type"),
        "aliases": list(d.get("aliases") or []), "first_seen": d.get("first_seen"), "last_seen": d.get("last_seen"),
        "measures": {m: d[m] for m in MEASURE_NAMES if d.get(m) is not None},
    }


def _edge(s: str, o: str, key: str, d: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": f"{s}|{key}|{o}", "from": s, "to": o, "type": key, "family": d.get("family"),
        "symmetric": bool(d.get("symmetric")), "count": d.get("count"), "doc_count": d.get("doc_count"),
        "confidence": d.get("confidence"), "hedged": d.get("hedged"), "first_seen": d.get("first_seen"),
        "last_seen": d.get("last_seen"), "role": d.get("role"), "documents": list(d.get("documents") or []),
        "evidence": list(d.get("evidence") or []),
    }


def _meta(g: nx.MultiDiGraph) -> dict[str, Any]:
    meta = {k: g.graph.get(k) for k in ("generator", "exported_at", "selection")}
    meta["vis_version"] = VIS_VERSION
    return meta


def page_data(g: nx.MultiDiGraph) -> dict[str, Any]:
    """The data the page draws (what `write` streams into it)."""
    return {"meta": _meta(g), "nodes": [_node(n, d) for n, d in g.nodes(data=True)],
            "edges": [_edge(s, o, k, d) for s, o, k, d in g.edges(keys=True, data=True)],
            "documents": g.graph.get("documents", {})}


def _js(value: Any) -> str:
    # "<" escaped inside the JSON: no string in the data can close the <script> element
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def _title(g: nx.MultiDiGraph) -> str:
    sel = g.graph.get("selection") or {}
    if sel.get("actor"):
        return f"actorgraph: {sel['actor']} (depth {sel.get('depth', 1)})"
    if sel.get("report"):
        return f"actorgraph: report {sel['report']}"
    return "actorgraph: actor network"


def write(g: nx.MultiDiGraph, fh: TextIO) -> None:
    """Stream the page: template, then the data record by record, then the library (no big string built)."""
    template = TEMPLATE.read_text(encoding="utf-8")
    template = template.replace("{{TITLE}}", html_lib.escape(_title(g)))
    template = template.replace("{{GENERATOR}}", html_lib.escape(g.graph.get("generator", "actorgraph")))
    head, _, rest = template.partition("/*__DATA__*/")
    middle, _, tail = rest.partition("/*__VIS_NETWORK__*/")
    w = fh.write
    w(head)
    w('{"meta":' + _js(_meta(g)) + ',"documents":' + _js(g.graph.get("documents", {})) + ',\n"nodes":[')
    for i, (n, d) in enumerate(g.nodes(data=True)):
        w(("" if i == 0 else ",\n") + _js(_node(n, d)))
    w('],\n"edges":[')
    for i, (s, o, k, d) in enumerate(g.edges(keys=True, data=True)):
        w(("" if i == 0 else ",\n") + _js(_edge(s, o, k, d)))
    w("]}")
    w(middle)
    w(_SCRIPT_END.sub(r"<\\/\1", _SOURCE_MAP.sub("", VIS_JS.read_text(encoding="utf-8"))))
    w(tail)


def render(g: nx.MultiDiGraph) -> str:
    buf = io.StringIO()
    write(g, buf)
    return buf.getvalue()
