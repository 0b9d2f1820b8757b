"""Neo4j 5 through the official driver, for teams.

Configured the usual way (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD,
NEO4J_DATABASE). Connection problems must reach the user as one line within
seconds, so connectivity is verified up front with short timeouts, and
transient errors during writes are retried with backoff for a bounded time.
"""

from __future__ import annotations

import os
import random
import time
import warnings
from typing import Any, Mapping

from graph_loader.errors import StoreError, StoreUnavailable
from graph_loader.store.base import GraphStore

CONNECT_TIMEOUT = 4.0
RETRY_BUDGET = 30.0  # total wait for one statement across transient failures (leader switch, restart, dropped link)
DRIVER_RETRY = 5.0  # the driver's own retry inside one attempt; ours bounds the total


class Neo4jStore(GraphStore):
    engine = "neo4j"

    def __init__(
        self,
        uri: str | None = None,
        user: str | None = None,
        password: str | None = None,
        database: str | None = None,
    ):
        try:
            import neo4j
            from neo4j import exceptions as nx
        except ImportError:
            raise StoreUnavailable("the Neo4j store needs the neo4j package (pip install neo4j)") from None
        self._nx = nx
        self.uri = uri or os.environ.get("NEO4J_URI", "bolt://localhost:7687")
        user = user or os.environ.get("NEO4J_USERNAME") or os.environ.get("NEO4J_USER", "neo4j")
        password = password if password is not None else os.environ.get("NEO4J_PASSWORD", "")
        self.graph = database or os.environ.get("NEO4J_DATABASE") or "neo4j"
        try:
            self._driver = neo4j.GraphDatabase.driver(
                self.uri, auth=(user, password), connection_timeout=CONNECT_TIMEOUT,
                connection_acquisition_timeout=CONNECT_TIMEOUT, max_transaction_retry_time=DRIVER_RETRY,
            )
            with warnings.catch_warnings():  # verify_connectivity(database=) is a "preview" keyword in driver 5/6
                warnings.simplefilter("ignore")
                self._driver.verify_connectivity(database=self.graph)
        except nx.AuthError:
            raise StoreUnavailable(f"Neo4j at {self.uri} refused the credentials of user {user!r} (check NEO4J_USERNAME/NEO4J_PASSWORD)") from None
        except (nx.ServiceUnavailable, OSError) as exc:
            raise StoreUnavailable(f"cannot reach Neo4j at {self.uri} ({_first_line(exc)}); is it running? (docker compose up -d)") from None
        except nx.ClientError as exc:
            raise StoreUnavailable(f"Neo4j at {self.uri}: {_first_line(exc)} (database {self.graph!r}; check NEO4J_DATABASE)") from None
        except Exception as exc:
            raise StoreUnavailable(f"cannot connect to Neo4j at {self.uri}: {_first_line(exc)}") from None

    def _execute(self, query: str, params: Mapping[str, Any] | None, write: bool) -> list[dict[str, Any]]:
        nx = self._nx
        deadline = time.monotonic() + RETRY_BUDGET
        delay = 0.2
        while True:
            try:
                records, _, keys = self._driver.execute_query(
                    query, dict(params or {}), database_=self.graph, routing_="w" if write else "r",
                )
                return [_plain(r.data()) for r in records]
            except (nx.TransientError, nx.ServiceUnavailable, nx.SessionExpired) as exc:
                if time.monotonic() + delay > deadline:
                    raise StoreUnavailable(f"Neo4j at {self.uri} kept failing for {RETRY_BUDGET:.0f}s: {_first_line(exc)}") from None
                time.sleep(delay + random.random() * delay)
                delay = min(delay * 2, 5.0)
            except nx.AuthError:
                raise StoreUnavailable(f"Neo4j at {self.uri} refused the credentials") from None
            except nx.Neo4jError as exc:
                raise StoreError(f"query failed: {_first_line(exc)}") from None

    def run(self, query: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        return self._execute(query, params, write=False)

    def write(self, query: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        return self._execute(query, params, write=True)

    def close(self) -> None:
        self._driver.close()


def _first_line(exc: BaseException) -> str:
    msg = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return str(msg).strip().splitlines()[0].rstrip(":")


def _plain(value: Any) -> Any:
    """Driver graph types and temporal values -> plain Python data."""
    try:
        from neo4j.graph import Node, Path, Relationship
    except ImportError:  # pragma: no cover
        return value
    if isinstance(value, Node):
        return {"_labels": sorted(value.labels), **dict(value)}
    if isinstance(value, Relationship):
        return {"_type": value.type, **dict(value)}
    if isinstance(value, Path):
        return {"nodes": [_plain(n) for n in value.nodes], "relationships": [_plain(r) for r in value.relationships]}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value
