"""Engine-specific statements: the only Cypher here that is not portable.

Neo4j 5 has uniqueness constraints with IF NOT EXISTS; FalkorDB has plain
range indexes (its constraints are a Redis command, not Cypher) and errors on
an index that already exists, which the embedded store tolerates.
"""

from __future__ import annotations

# (label, property, unique)
KEYS: list[tuple[str, str, bool]] = [
    ("Actor", "id", True),
    ("Document", "id", True),
    ("Sentence", "id", True),
    ("Evidence", "id", True),
    ("Evidence", "key", False),
    ("Evidence", "doc_id", False),
    ("Sentence", "doc_id", False),
    ("Actor", "first_seen", False),
    ("Actor", "keys", False),
]


def statements(engine: str) -> list[str]:
    out: list[str] = []
    for label, prop, unique in KEYS:
        if engine == "neo4j":
            name = f"{label.lower()}_{prop}"
            if unique:
                out.append(f"CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{label}) REQUIRE n.{prop} IS UNIQUE")
            else:
                out.append(f"CREATE INDEX {name} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})")
        elif engine == "falkordb":
            out.append(f"CREATE INDEX FOR (n:{label}) ON (n.{prop})")
        else:
            raise ValueError(f"unknown engine {engine!r}")
    return out
