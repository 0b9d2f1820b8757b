"""Cypher literals for values, where a script must carry data inline.

Queries the tool runs always bind values as parameters; only text meant for a
person to paste (a Browser `:param` preamble) or a standalone script (the
Cypher export) spells values out, and both use this one writer.
"""

from __future__ import annotations

import math
from typing import Any, Mapping


def literal(value: Any) -> str:
    """A Cypher literal for a JSON-like value (both Neo4j and FalkorDB read it)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return "null"
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{key(k)}: {literal(v)}" for k, v in value.items()) + "}"
    s = str(value)
    s = (s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\r", "\\r")
         .replace("\t", "\\t"))
    return f"'{s}'"


def key(k: str) -> str:
    return k if k.isidentifier() and k.isascii() else "`" + k.replace("`", "``") + "`"
