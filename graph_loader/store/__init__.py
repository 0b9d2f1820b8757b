"""Graph stores: `open_store` picks the engine from the CLI's --store."""

from __future__ import annotations

import os

from graph_loader.errors import UsageError
from graph_loader.store.base import GraphStore

STORES = ("embedded", "neo4j")


def open_store(kind: str = "embedded", data_dir: str | os.PathLike[str] | None = None, graph: str | None = None) -> GraphStore:
    if kind == "embedded":
        from graph_loader.store.embedded import DEFAULT_GRAPH, EmbeddedStore

        return EmbeddedStore(data_dir, graph or DEFAULT_GRAPH)
    if kind == "neo4j":
        from graph_loader.store.neo4j import Neo4jStore

        return Neo4jStore(database=graph)
    raise UsageError(f"unknown store {kind!r} (choose from {', '.join(STORES)})")
