"""One store interface, two engines (embedded FalkorDB, Neo4j 5).

Everything above this layer speaks Cypher with parameters and gets rows back
as plain dicts; it never sees a driver object. Engine differences that cannot
be written portably live in `schema.py` (constraints, indexes) and nowhere else.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from contextlib import AbstractContextManager, nullcontext
from typing import Any, Iterable, Mapping

from graph_loader.store import schema


class GraphStore(ABC):
    engine: str  # "falkordb" | "neo4j"
    graph: str

    @abstractmethod
    def run(self, query: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run one read query; rows as dicts keyed by the RETURN columns."""

    @abstractmethod
    def write(self, query: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run one write query in its own transaction."""

    @abstractmethod
    def close(self) -> None: ...

    def write_lock(self) -> AbstractContextManager[Any]:
        """Held by `build` and `load` for their whole run so two writers never interleave batches.

        Neo4j serialises conflicting transactions itself and teams share it, so
        the base is a no-op; the embedded store locks the graph in its data dir.
        """
        return nullcontext()

    def ensure_schema(self) -> None:
        for statement in schema.statements(self.engine):
            self._schema_statement(statement)

    def _schema_statement(self, statement: str) -> None:
        self.write(statement)

    def stats(self) -> dict[str, dict[str, int]]:
        """{"nodes": {label: count}, "relationships": {type: count}}, both sorted by name."""
        labels = [r["label"] for r in self.run("CALL db.labels() YIELD label RETURN label")]
        types = [r["relationshipType"] for r in self.run("CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType")]
        nodes: dict[str, int] = {}
        for label in sorted(labels):
            # label names come from the database itself, never from a user
            n = self.run(f"MATCH (n:`{_safe(label)}`) RETURN count(n) AS n")[0]["n"]
            if n:
                nodes[label] = n
        rels: dict[str, int] = {}
        for rtype in sorted(types):
            n = self.run(f"MATCH ()-[r:`{_safe(rtype)}`]->() RETURN count(r) AS n")[0]["n"]
            if n:
                rels[rtype] = n
        return {"nodes": nodes, "relationships": rels}

    def clear(self) -> None:
        """Delete every node and relationship of this graph (used by tests and `build --fresh`)."""
        while True:
            rows = self.write("MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS n")
            if not rows or not rows[0]["n"]:
                break

    def write_batches(self, query: str, rows: Iterable[Mapping[str, Any]], size: int = 1000, key: str = "rows") -> int:
        batch: list[Mapping[str, Any]] = []
        total = 0
        for row in rows:
            batch.append(row)
            if len(batch) >= size:
                self.write(query, {key: batch})
                total += len(batch)
                batch = []
        if batch:
            self.write(query, {key: batch})
            total += len(batch)
        return total

    def __enter__(self) -> "GraphStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _safe(name: str) -> str:
    return name.replace("`", "``")
