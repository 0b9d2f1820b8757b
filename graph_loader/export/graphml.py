"""GraphML for Gephi, yEd, networkx and igraph.

Every attribute has one declared type (see `fields.py`); lists are JSON
strings and missing values are left out, so Gephi and `networkx.read_graphml`
read the file back unchanged. Edge ids are `subject|TYPE|object`, which
networkx takes as the multigraph key. `weight` is the evidence count, the
value Gephi uses for edge thickness.
"""

from __future__ import annotations

import json
from typing import TextIO

import networkx as nx

from graph_loader.export.fields import EDGE_FIELDS, NODE_FIELDS, flat_edge, flat_node
from graph_loader.export.xmlout import attr, text

GRAPHML_TYPES = {"string": "string", "json": "string", "int": "int", "float": "double", "boolean": "boolean"}
GRAPH_FIELDS = ("generator", "exported_at", "selection")


def write(g: nx.MultiDiGraph, fh: TextIO) -> None:
    w = fh.write
    w('<?xml version="1.0" encoding="UTF-8"?>\n')
    w('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
      'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
    for name in GRAPH_FIELDS:
        w(f'  <key id="g_{name}" for="graph" attr.name="{name}" attr.type="string"/>\n')
    for name, kind in NODE_FIELDS:
        w(f'  <key id="n_{name}" for="node" attr.name="{name}" attr.type="{GRAPHML_TYPES[kind]}"/>\n')
    for name, kind in EDGE_FIELDS:
        w(f'  <key id="e_{name}" for="edge" attr.name="{name}" attr.type="{GRAPHML_TYPES[kind]}"/>\n')
    w('  <graph id="actorgraph" edgedefault="directed">\n')
    for name in GRAPH_FIELDS:
        value = g.graph.get(name)
        if value is not None:
            if not isinstance(value, str):
                value = json.dumps(value, ensure_ascii=False, sort_keys=True)
            w(f'    <data key="g_{name}">{text(value)}</data>\n')
    for n, d in g.nodes(data=True):
        w(f'    <node id="{attr(n)}">')
        for k, v in flat_node(d).items():
            w(f'<data key="n_{k}">{text(v)}</data>')
        w("</node>\n")
    for s, o, key, d in g.edges(keys=True, data=True):
        w(f'    <edge id="{attr(f"{s}|{key}|{o}")}" source="{attr(s)}" target="{attr(o)}">')
        for k, v in flat_edge(d).items():
            w(f'<data key="e_{k}">{text(v)}</data>')
        w("</edge>\n")
    w("  </graph>\n</graphml>\n")
