"""Which part of the graph an export takes, chosen in the store, built as networkx.

Every filter the user gives reaches the engine as a query parameter; the
relationship types are a parameter too (`type(r) IN $types`), so only the
actor-to-actor types of the closed taxonomy can ever be selected (never
IN_DOCUMENT) and edges marked `rejected = true` are skipped as the reports do.

The work is done in batches of actor ids (UNWIND), never as one query that
returns the whole graph: an ego network is grown hop by hop, and the edges of
a node set are read per batch of source actors, so memory follows the size of
the subgraph and not of the store.
"""

from __future__ import annotations

import importlib.metadata
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable, Iterable, Iterator, Mapping

import networkx as nx

from graph_loader.errors import UnknownActor, UsageError
from graph_loader.model import FAMILIES, RELATION_NAMES, RELATIONS, relations_in_family

BATCH = 500  # actor ids per UNWIND query
MAX_SENTENCE_IDS = 50  # as many as the loader keeps on an edge
_ACTOR_COLUMN = re.compile(r"^[a-z]_id$")  # a_id, b_id (c_id...): the actor columns of a report row

# Actor properties written by `actorgraph analyze`; exported when present.
MEASURES: tuple[tuple[str, str], ...] = (
    ("degree", "int"),
    ("weighted_degree", "float"),
    ("wd_meetings", "float"),
    ("wd_alliances", "float"),
    ("wd_rivalries", "float"),
    ("wd_structure", "float"),
    ("betweenness", "float"),
    ("pagerank", "float"),
    ("community", "int"),
)
MEASURE_NAMES: tuple[str, ...] = tuple(name for name, _ in MEASURES)

_EDGE_PREDICATE = """type(r) IN $types
  AND coalesce(r.rejected, false) = false
  AND ($min_confidence IS NULL OR r.confidence >= $min_confidence)
  AND ($min_count IS NULL OR r.count >= $min_count)
  AND ($since IS NULL OR r.last_seen >= $since)
  AND ($until IS NULL OR r.first_seen <= $until)"""

Q_ALL_ACTOR_IDS = "MATCH (a:Actor) RETURN a.id AS id ORDER BY id"

Q_NEIGHBOURS = f"""
UNWIND $ids AS id
MATCH (a:Actor {{id: id}})-[r]-(b:Actor)
WHERE {_EDGE_PREDICATE}
RETURN DISTINCT b.id AS id
"""

Q_EDGES_FROM = f"""
UNWIND $ids AS id
MATCH (a:Actor {{id: id}})-[r]->(b:Actor)
WHERE {_EDGE_PREDICATE}
RETURN a.id AS s, b.id AS o, type(r) AS type, r.count AS count, r.doc_count AS doc_count,
       r.confidence AS confidence, r.hedged AS hedged, r.first_seen AS first_seen, r.last_seen AS last_seen,
       r.documents AS documents, r.sentences[0..$sentence_ids] AS sentences, r.role AS role, r.roles AS roles
"""

Q_ACTORS = """
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN a.id AS id, a.name AS name, a.name_en AS name_en, a.type AS type, a.aliases AS aliases,
       a.first_seen AS first_seen, a.last_seen AS last_seen, {measures}
""".replace("{measures}", ", ".join(f"a.{m} AS {m}" for m in MEASURE_NAMES))

Q_SENTENCES = """
UNWIND $ids AS id
MATCH (s:Sentence {id: id})
RETURN s.id AS id, s.doc_id AS doc_id, s.text AS text
"""

Q_DOCUMENTS = """
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d.id AS id, d.title AS title, d.date AS date, d.url AS url
"""


@dataclass
class Selection:
    """What the user asked for; `None`/empty means "no restriction"."""

    actor: str | None = None  # id, name, alias or Latin name
    depth: int = 1
    report: str | None = None
    report_params: dict[str, Any] = field(default_factory=dict)
    families: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    min_confidence: float | None = None
    min_count: int | None = None

    def validate(self) -> None:
        if self.actor is not None and self.report is not None:
            raise UsageError("--actor and --report pick different subgraphs; give one of them")
        if self.report_params and self.report is None:
            raise UsageError("--param goes with --report")
        if self.depth < 0:
            raise UsageError(f"--depth must be 0 or more, got {self.depth}")
        for f in self.families:
            if f not in FAMILIES:
                raise UsageError(f"unknown family {f!r}; choose from {', '.join(FAMILIES)}")
        for t in self.types:
            if t not in RELATIONS:
                raise UsageError(f"unknown relation type {t!r}; choose from {', '.join(RELATION_NAMES)}")
        if self.since and self.until and self.since > self.until:
            raise UsageError(f"--since {self.since} is after --until {self.until}")
        if self.min_confidence is not None and not 0.0 <= self.min_confidence <= 1.0:
            raise UsageError(f"--min-confidence must be within [0, 1], got {self.min_confidence}")

    def relation_types(self) -> list[str]:
        """The taxonomy types this selection admits (types ∩ families)."""
        allowed = list(RELATION_NAMES)
        if self.families:
            fam = {t for f in self.families for t in relations_in_family(f)}
            allowed = [t for t in allowed if t in fam]
        if self.types:
            allowed = [t for t in allowed if t in self.types]
        return allowed

    def is_whole_graph(self) -> bool:
        return (self.actor is None and self.report is None and not self.families and not self.types
                and self.since is None and self.until is None and self.min_confidence is None
                and self.min_count is None)

    def to_dict(self) -> dict[str, Any]:
        d = {
            "actor": self.actor, "depth": self.depth if self.actor is not None else None,
            "report": self.report, "report_params": dict(self.report_params) or None,
            "families": list(self.families) or None, "types": list(self.types) or None,
            "since": self.since, "until": self.until,
            "min_confidence": self.min_confidence, "min_count": self.min_count,
        }
        return {k: v for k, v in d.items() if v is not None}


def _batches(items: Iterable[str], size: int = BATCH) -> Iterator[list[str]]:
    batch: list[str] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _prefetched(store, query: str, params: Iterable[Mapping[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    """Rows of `query` for each parameter set, the next batch already running while this one is used.

    The store works in its own process: with one query always in flight, its
    time overlaps ours (turning rows into graph objects) instead of adding to
    it. One background thread, one query at a time, so the store never sees
    two concurrent requests from us.
    """
    it = iter(params)
    first = next(it, None)
    if first is None:
        return
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="export-prefetch") as pool:
        pending = pool.submit(store.run, query, first)
        for nxt in it:
            rows = pending.result()
            pending = pool.submit(store.run, query, nxt)
            yield rows
        yield pending.result()


def _version() -> str:
    try:
        return importlib.metadata.version("actorgraph")
    except importlib.metadata.PackageNotFoundError:
        return "dev"


class SubgraphBuilder:
    """Runs a Selection against a store and returns a MultiDiGraph (see module doc)."""

    def __init__(self, store, evidence_per_edge: int = 1, progress: Callable[[int], None] | None = None):
        self.store = store
        self.evidence_per_edge = max(0, evidence_per_edge)
        self.progress = progress

    def build(self, sel: Selection) -> nx.MultiDiGraph:
        sel.validate()
        pairs: set[frozenset[str]] | None = None
        centre: str | None = None
        g = nx.MultiDiGraph()
        if not self.store.stats()["nodes"].get("Actor"):  # an empty (or not yet created) graph exports as empty
            if sel.actor is not None:
                raise UnknownActor(f"no actor matches {sel.actor!r}: the graph has no actors yet (build or load first)")
            return self._finish(g, sel, None)
        if sel.report is not None:
            pairs, node_ids = self._report_pairs(sel)
        params = self._edge_params(sel)
        if sel.actor is not None:
            from graph_loader.reports import resolve_actor

            centre = resolve_actor(self.store, sel.actor)
            node_ids = self._ego(centre, sel.depth, params)
        elif sel.report is None:
            node_ids = [r["id"] for r in self.store.run(Q_ALL_ACTOR_IDS)]
        restrict = None if (sel.actor is None and sel.report is None) else set(node_ids)

        edges: list[tuple[str, str, str, dict[str, Any]]] = []
        for row in self._edges(sorted(node_ids), params):
            if restrict is not None and row["o"] not in restrict:
                continue
            if pairs is not None and frozenset((row["s"], row["o"])) not in pairs:
                continue
            edges.append((row["s"], row["o"], row["type"], _edge_attrs(row)))
        keep = {e[0] for e in edges} | {e[1] for e in edges}
        if sel.is_whole_graph():
            keep = set(node_ids)
        elif centre is not None:
            keep.add(centre)
        # sorted nodes and edges: the same selection gives byte-identical files (diffable exports)
        self._add_actors(g, sorted(keep))
        edges.sort(key=lambda e: (e[0], e[2], e[1]), reverse=True)
        while edges:  # popped one by one: networkx copies each attribute dict, so never hold two of them all
            s, o, key, attrs = edges.pop()
            g.add_edge(s, o, key=key, **attrs)
        self._add_evidence(g)
        return self._finish(g, sel, centre)

    def _finish(self, g: nx.MultiDiGraph, sel: Selection, centre: str | None) -> nx.MultiDiGraph:
        g.graph.setdefault("documents", {})
        g.graph.update({
            "name": "actorgraph export",
            "generator": f"actorgraph {_version()}",
            "exported_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "selection": {**sel.to_dict(), **({"actor_id": centre} if centre else {})},
        })
        return g

    # -- parts ------------------------------------------------------------------
    def _edge_params(self, sel: Selection) -> dict[str, Any]:
        types = sel.relation_types()
        if not types:
            raise UsageError("the --family/--types given admit no relation type")
        return {"types": types, "min_confidence": sel.min_confidence, "min_count": sel.min_count,
                "since": sel.since, "until": sel.until}

    def _ego(self, centre: str, depth: int, params: Mapping[str, Any]) -> list[str]:
        seen = {centre}
        frontier = [centre]
        for _ in range(depth):
            found: set[str] = set()
            for batch in _batches(frontier):
                found.update(r["id"] for r in self.store.run(Q_NEIGHBOURS, {**params, "ids": batch}))
            frontier = sorted(found - seen)
            if not frontier:
                break
            seen.update(frontier)
        return sorted(seen)

    def _report_pairs(self, sel: Selection) -> tuple[set[frozenset[str]], list[str]]:
        """The actor pairs a report's rows name: every relationship between them is exported.

        A report does not say which relationship types its rows stand for (the
        balance report mixes alliances and rivalries), so all taxonomy types
        between the pairs are taken; --family/--types narrow them as usual.
        """
        from graph_loader.reports import get_report, run_report

        rep = get_report(sel.report)  # type: ignore[arg-type]
        rows = run_report(self.store, rep, sel.report_params)
        columns = sorted({c for r in rows for c in r if _ACTOR_COLUMN.match(c)})
        if rows and not {"a_id", "b_id"} <= set(columns):
            raise UsageError(f"report {rep.name!r} has no a_id/b_id columns, so it names no relationships to export")
        pairs: set[frozenset[str]] = set()
        for r in rows:  # every pair of actors in a row (a triad report names three pairs)
            ids = sorted({r[c] for c in columns if isinstance(r.get(c), str) and r[c]})
            pairs.update(frozenset((x, y)) for i, x in enumerate(ids) for y in ids[i + 1 :])
        nodes = sorted({a for p in pairs for a in p})
        return pairs, nodes

    def _edges(self, node_ids: list[str], params: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
        # sentence ids are provenance in every export; analytics (no evidence) skips reading them
        limit = MAX_SENTENCE_IDS if self.evidence_per_edge else 0
        batches = ({**params, "ids": batch, "sentence_ids": limit} for batch in _batches(node_ids))
        for rows in _prefetched(self.store, Q_EDGES_FROM, batches):
            yield from rows
            if self.progress:
                self.progress(len(rows))

    def _add_actors(self, g: nx.MultiDiGraph, ids: list[str]) -> None:
        batches = list(_batches(ids))
        for batch, rows in zip(batches, _prefetched(self.store, Q_ACTORS, ({"ids": b} for b in batches))):
            found: dict[str, dict[str, Any]] = {}
            for r in rows:
                attrs = {"name": r["name"] or r["id"], "name_en": r["name_en"], "type": r["type"],
                         "aliases": list(r["aliases"] or []), "first_seen": r["first_seen"],
                         "last_seen": r["last_seen"]}
                for m in MEASURE_NAMES:
                    if r.get(m) is not None:
                        attrs[m] = r[m]
                found[r["id"]] = attrs
            for a in batch:
                # an edge end always has an :Actor row; should one vanish mid-export, it still gets the keys every format expects
                g.add_node(a, **found.get(a, {"name": a, "name_en": None, "type": None, "aliases": []}))

    def _add_evidence(self, g: nx.MultiDiGraph) -> None:
        """Attach up to `evidence_per_edge` sentences (and the documents cited) to each edge."""
        k = self.evidence_per_edge
        wanted = sorted({sid for _, _, d in g.edges(data=True) for sid in d["sentences"][:k]}) if k else []
        sentences: dict[str, dict[str, Any]] = {}
        for rows in _prefetched(self.store, Q_SENTENCES, ({"ids": b} for b in _batches(wanted))):
            for r in rows:
                sentences[r["id"]] = {"sentence_id": r["id"], "doc_id": r["doc_id"], "text": r["text"]}
        doc_ids: set[str] = set()
        for _, _, d in g.edges(data=True):
            d["evidence"] = [sentences[s] for s in d["sentences"][:k] if s in sentences]
            doc_ids.update(d["documents"])
        documents: dict[str, dict[str, Any]] = {}
        for batch in _batches(sorted(doc_ids)):
            for r in self.store.run(Q_DOCUMENTS, {"ids": batch}):
                documents[r["id"]] = {"id": r["id"], "title": r["title"], "date": r["date"], "url": r["url"]}
        g.graph["documents"] = documents


def _edge_attrs(row: Mapping[str, Any]) -> dict[str, Any]:
    rel = RELATIONS[row["type"]]
    return {
        "type": rel.name,
        "family": rel.family,
        "symmetric": rel.symmetric,
        "count": int(row["count"] or 0),
        "doc_count": int(row["doc_count"] or 0),
        "confidence": float(row["confidence"] or 0.0),
        "hedged": float(row["hedged"] or 0.0),
        "first_seen": row["first_seen"],
        "last_seen": row["last_seen"],
        "documents": list(row["documents"] or []),
        "sentences": list(row["sentences"] or []),
        "role": row["role"],
        "roles": list(row["roles"] or []),
    }


def select_subgraph(store, selection: Selection | None = None, evidence_per_edge: int = 1,
                    progress: Callable[[int], None] | None = None) -> nx.MultiDiGraph:
    """The subgraph a Selection names, as a MultiDiGraph keyed by actor id and relation type."""
    return SubgraphBuilder(store, evidence_per_edge, progress).build(selection or Selection())
