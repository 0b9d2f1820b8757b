"""Network measures of the actor graph, written back onto the actors.

Analysts sort actors by how connected and how central they are; computing
that once and storing it as actor properties lets the saved reports, Neo4j
Browser and every export use it without networkx. The graph is the whole
actor-to-actor relationship graph (taxonomy types only, rejected edges left
out), read through the same selection code as the exports.

Measures (all on every actor; an actor without relationships gets zeros and
a community of its own):
- degree: distinct actors it has any relationship with;
- weighted_degree and wd_<family>: evidence counts summed over its relationships;
- betweenness: on the undirected simple graph, normalised; sampled from
  `k` sources when the graph is large (the result says so);
- pagerank: on the directed graph weighted by evidence count, symmetric
  relationships counted both ways;
- community: Louvain on the undirected graph weighted by evidence count,
  numbered by size (0 the largest), with a fixed seed so a re-run agrees.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable

import networkx as nx

from graph_loader.export.selection import MEASURE_NAMES, Selection, select_subgraph
from graph_loader.model import FAMILIES

SEED = 42
BETWEENNESS_BUDGET = 20_000_000  # sources x edges; above it betweenness samples sources
MIN_SAMPLE = 64

Q_WRITE = """
UNWIND $rows AS r
MATCH (a:Actor {id: r.id})
SET a += r.m, a.analyzed_at = $at
"""


@dataclass
class Analysis:
    actors: int
    relationships: int
    communities: int
    measures: dict[str, dict[str, float | int]]  # actor id -> {measure: value}
    names: dict[str, dict[str, Any]]
    betweenness_sample: int | None = None
    seconds: float = 0.0
    written: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def top(self, measure: str, n: int = 10) -> list[dict[str, Any]]:
        """Top actors by one measure (for `community`: the largest communities, by their best-ranked member)."""
        if measure == "community":
            groups: dict[int, list[str]] = {}
            for a, m in self.measures.items():
                groups.setdefault(int(m["community"]), []).append(a)
            out = []
            for cid in sorted(groups)[:n]:
                members = sorted(groups[cid], key=lambda a: (-float(self.measures[a]["pagerank"]), a))
                out.append({"community": cid, "size": len(members),
                            "members": [self._who(a) for a in members[:5]]})
            return out
        ranked = sorted(self.measures, key=lambda a: (-float(self.measures[a][measure]), a))
        return [{**self._who(a), "value": self.measures[a][measure]} for a in ranked[:n]]

    def _who(self, actor_id: str) -> dict[str, Any]:
        d = self.names.get(actor_id, {})
        return {"id": actor_id, "name": d.get("name"), "name_en": d.get("name_en"), "type": d.get("type")}

    def to_dict(self, top: int = 10) -> dict[str, Any]:
        return {
            "actors": self.actors, "relationships": self.relationships, "communities": self.communities,
            "betweenness_sample": self.betweenness_sample, "written": self.written,
            "seconds": round(self.seconds, 3),
            "top": {m: self.top(m, top) for m in MEASURE_NAMES},
        }


def compute(g: nx.MultiDiGraph, seed: int = SEED) -> tuple[dict[str, dict[str, float | int]], int | None]:
    """Every measure for every node of `g`; returns (measures by actor, betweenness sample size or None)."""
    undirected = nx.Graph()
    directed = nx.DiGraph()
    undirected.add_nodes_from(g.nodes)
    directed.add_nodes_from(g.nodes)
    weighted: dict[str, dict[str, float]] = {n: {f: 0.0 for f in FAMILIES} for n in g.nodes}
    for s, o, d in g.edges(data=True):
        w = float(d.get("count") or 1)
        if s == o:
            continue
        fam = d.get("family")
        if fam in FAMILIES:
            weighted[s][fam] += w
            weighted[o][fam] += w
        if undirected.has_edge(s, o):
            undirected[s][o]["weight"] += w
        else:
            undirected.add_edge(s, o, weight=w)
        pairs = ((s, o), (o, s)) if d.get("symmetric") else ((s, o),)
        for a, b in pairs:
            if directed.has_edge(a, b):
                directed[a][b]["weight"] += w
            else:
                directed.add_edge(a, b, weight=w)

    n, m = undirected.number_of_nodes(), undirected.number_of_edges()
    sample: int | None = None
    if n and n * max(m, 1) > BETWEENNESS_BUDGET:
        sample = min(n, max(MIN_SAMPLE, BETWEENNESS_BUDGET // max(m, 1)))
    betweenness = nx.betweenness_centrality(undirected, k=sample, normalized=True, seed=seed) if n else {}
    pagerank = nx.pagerank(directed, weight="weight") if n else {}
    communities = nx.community.louvain_communities(undirected, weight="weight", seed=seed) if n else []
    ordered = sorted(communities, key=lambda c: (-len(c), min(c)))
    community_of = {a: i for i, c in enumerate(ordered) for a in c}

    out: dict[str, dict[str, float | int]] = {}
    for a in g.nodes:
        wd = weighted[a]
        out[a] = {
            "degree": int(undirected.degree(a)),
            "weighted_degree": float(sum(wd.values())),
            **{f"wd_{f}": float(wd[f]) for f in FAMILIES},
            "betweenness": round(float(betweenness.get(a, 0.0)), 6),
            "pagerank": round(float(pagerank.get(a, 0.0)), 6),
            "community": int(community_of.get(a, 0)),
        }
    return out, sample


def analyze(store, write: bool = True, seed: int = SEED, progress: Callable[[int], None] | None = None) -> Analysis:
    """Read the whole relationship graph, compute the measures and (unless `write=False`) store them."""
    t0 = time.perf_counter()
    g = select_subgraph(store, Selection(), evidence_per_edge=0, progress=progress)
    measures, sample = compute(g, seed)
    names = {a: {"name": d.get("name"), "name_en": d.get("name_en"), "type": d.get("type")} for a, d in g.nodes(data=True)}
    result = Analysis(
        actors=g.number_of_nodes(), relationships=g.number_of_edges(),
        communities=len({m["community"] for m in measures.values()}), measures=measures, names=names,
        betweenness_sample=sample,
    )
    if write:
        at = datetime.now(timezone.utc).isoformat(timespec="seconds")
        rows = [{"id": a, "m": m} for a, m in measures.items()]
        _write_rows(store, rows, at)
        result.written = True
    result.seconds = time.perf_counter() - t0
    return result


def _write_rows(store, rows: list[dict[str, Any]], at: str, size: int = 1000) -> None:
    for i in range(0, len(rows), size):
        store.write(Q_WRITE, {"rows": rows[i : i + size], "at": at})
