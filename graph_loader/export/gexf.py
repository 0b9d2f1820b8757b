"""GEXF 1.3 for Gephi.

GEXF 1.3 lets two actors have several relationships if each has its own
`kind`; the relation type is that kind, so Gephi keeps a meeting and a
rivalry between the same pair apart instead of merging them. Relationships
are all written directed (symmetric types carry `symmetric=true`): mixing
undirected edges into a directed GEXF graph is something networkx refuses to
read. `weight` is the evidence count.
"""

from __future__ import annotations

import json
from datetime import date
from typing import TextIO

import networkx as nx

from graph_loader.export.fields import EDGE_FIELDS, NODE_FIELDS, flat_edge, flat_node
from graph_loader.export.xmlout import attr, text

GEXF_TYPES = {"string": "string", "json": "string", "int": "integer", "float": "double", "boolean": "boolean"}
# carried by the element itself, not by <attvalues>
_NODE_SKIP = {"label"}
_EDGE_SKIP = {"label", "weight"}


def write(g: nx.MultiDiGraph, fh: TextIO) -> None:
    w = fh.write
    node_fields = [(n, k) for n, k in NODE_FIELDS if n not in _NODE_SKIP]
    edge_fields = [(n, k) for n, k in EDGE_FIELDS if n not in _EDGE_SKIP]
    node_ids = {name: str(i) for i, (name, _) in enumerate(node_fields)}
    edge_ids = {name: str(i) for i, (name, _) in enumerate(edge_fields)}
    w('<?xml version="1.0" encoding="UTF-8"?>\n')
    w('<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
      'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n')
    selection = json.dumps(g.graph.get("selection", {}), ensure_ascii=False, sort_keys=True)
    w(f'  <meta lastmodifieddate="{date.today().isoformat()}">\n'
      f'    <creator>{text(g.graph.get("generator", "actorgraph"))}</creator>\n'
      f'    <description>{text("actorgraph subgraph; selection " + selection)}</description>\n'
      "  </meta>\n")
    w('  <graph defaultedgetype="directed" mode="static">\n')
    w('    <attributes class="node" mode="static">\n')
    for name, kind in node_fields:
        w(f'      <attribute id="{node_ids[name]}" title="{name}" type="{GEXF_TYPES[kind]}"/>\n')
    w("    </attributes>\n")
    w('    <attributes class="edge" mode="static">\n')
    for name, kind in edge_fields:
        w(f'      <attribute id="{edge_ids[name]}" title="{name}" type="{GEXF_TYPES[kind]}"/>\n')
    w("    </attributes>\n")
    w("    <nodes>\n")
    for n, d in g.nodes(data=True):
        flat = flat_node(d)
        w(f'      <node id="{attr(n)}" label="{attr(flat.get("label", n))}"><attvalues>')
        for k, v in flat.items():
            if k not in _NODE_SKIP:
                w(f'<attvalue for="{node_ids[k]}" value="{attr(v)}"/>')
        w("</attvalues></node>\n")
    w("    </nodes>\n")
    w("    <edges>\n")
    for s, o, key, d in g.edges(keys=True, data=True):
        flat = flat_edge(d)
        w(f'      <edge id="{attr(f"{s}|{key}|{o}")}" source="{attr(s)}" target="{attr(o)}" '
          f'kind="{attr(key)}" label="{attr(flat.get("label", key))}" weight="{attr(float(flat.get("weight", 1.0)))}"><attvalues>')
        for k, v in flat.items():
            if k not in _EDGE_SKIP:
                w(f'<attvalue for="{edge_ids[k]}" value="{attr(v)}"/>')
        w("</attvalues></edge>\n")
    w("    </edges>\n  </graph>\n</gexf>\n")
