"""Saved reports: read `cypher/*.cypher`, bind parameters, run.

A report file is Cypher that also runs pasted into Neo4j Browser; its header
(`// name:`, `// description:`, `// @param {json}` lines) says what it takes.
The query text is never rewritten: every value the user gives reaches the
engine as a parameter. Parameters of type `actor` accept an id, a name, an
alias or a Latin name and are resolved to the canonical id before binding.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from graph_loader.errors import ReportError, UnknownActor, UsageError
from graph_loader.text.normalize import key_variants, normalize

PARAM_TYPES = ("string", "int", "float", "bool", "date", "actor", "list")


def reports_dir() -> Path:
    env = os.environ.get("ACTORGRAPH_CYPHER_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent / "cypher"


@dataclass
class Param:
    name: str
    type: str
    default: Any
    example: Any
    description: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type, "default": self.default, "example": self.example,
                "description": self.description}


@dataclass
class Report:
    name: str
    description: str
    query: str
    path: Path
    params: list[Param] = field(default_factory=list)
    family: str | None = None
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "description": self.description, "family": self.family,
                "params": [p.to_dict() for p in self.params], "path": str(self.path)}


def parse_report(path: Path) -> Report:
    name = path.stem
    description = ""
    family = None
    params: list[Param] = []
    notes: list[str] = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        s = line.strip()
        if not s.startswith("//"):
            if s:
                break
            continue
        body = s[2:].strip()
        if body.startswith("@param"):
            try:
                d = json.loads(body[len("@param"):].strip())
                p = Param(d["name"], d.get("type", "string"), d.get("default"), d.get("example"), d.get("description", ""))
            except (json.JSONDecodeError, KeyError) as exc:
                raise ReportError(f"{path}:{lineno}: bad @param header ({exc})") from None
            if p.type not in PARAM_TYPES:
                raise ReportError(f"{path}:{lineno}: unknown parameter type {p.type!r}")
            params.append(p)
        elif body.startswith("name:"):
            name = body[5:].strip()
        elif body.startswith("description:"):
            description = body[12:].strip()
        elif body.startswith("family:"):
            family = body[7:].strip()
        elif body:
            notes.append(body)
    return Report(name, description, path.read_text(encoding="utf-8"), path, params, family, notes)


def list_reports(directory: Path | None = None) -> list[Report]:
    directory = directory or reports_dir()
    if not directory.is_dir():
        raise ReportError(f"no report folder at {directory}")
    return [parse_report(p) for p in sorted(directory.glob("*.cypher"))]


def get_report(name: str, directory: Path | None = None) -> Report:
    reports = {r.name: r for r in list_reports(directory)}
    if name not in reports:
        raise UsageError(f"no report named {name!r}; available: {', '.join(sorted(reports))}")
    return reports[name]


def coerce(param: Param, raw: Any) -> Any:
    """A CLI string (or JSON value) -> the parameter's type; UsageError naming the parameter."""
    if raw is None:
        return None
    if not isinstance(raw, str):
        return raw
    try:
        if param.type == "int":
            return int(raw)
        if param.type == "float":
            return float(raw)
        if param.type == "bool":
            if raw.lower() in ("1", "true", "yes", "y"):
                return True
            if raw.lower() in ("0", "false", "no", "n"):
                return False
            raise ValueError(raw)
        if param.type == "list":
            return [v.strip() for v in raw.split(",") if v.strip()]
        if param.type == "date":
            from graph_loader.text.dates import parse_date

            d = parse_date(raw)
            if d is None:
                raise ValueError(raw)
            return d
    except ValueError:
        raise UsageError(f"parameter {param.name!r} expects {param.type}, got {raw!r}") from None
    return raw


Q_RESOLVE_ACTOR = """
MATCH (a:Actor)
WHERE a.id = $value OR any(k IN $keys WHERE k IN a.keys)
RETURN a.id AS id, a.name AS name
LIMIT 5
"""


def resolve_actor(store, value: str) -> str:
    """Canonical id for an id, name, alias or Latin name (normalised); UnknownActor otherwise."""
    keys = sorted({value, normalize(value), *key_variants(value)})
    rows = store.run(Q_RESOLVE_ACTOR, {"value": value, "keys": keys})
    ids = sorted({r["id"] for r in rows})
    if len(ids) == 1:
        return ids[0]
    if len(ids) > 1:
        raise UnknownActor(f"{value!r} matches several actors: {', '.join(ids)}; use an id")
    raise UnknownActor(f"no actor matches {value!r} (try `actorgraph actors search`)")


def bind(report: Report, given: Mapping[str, Any], store=None) -> dict[str, Any]:
    known = {p.name: p for p in report.params}
    unknown = sorted(set(given) - set(known))
    if unknown:
        raise UsageError(
            f"report {report.name!r} has no parameter {', '.join(map(repr, unknown))}; "
            f"it takes: {', '.join(known) or 'none'}"
        )
    params: dict[str, Any] = {}
    for p in report.params:
        value = coerce(p, given[p.name]) if p.name in given else p.default
        if p.type == "actor" and value is not None and store is not None:
            value = resolve_actor(store, str(value))
        params[p.name] = value
    return params


def run_report(store, report: Report, given: Mapping[str, Any], limit: int | None = None) -> list[dict[str, Any]]:
    given = dict(given)
    if limit is not None and any(p.name == "limit" for p in report.params):
        given["limit"] = limit
    params = bind(report, given, store)
    rows = store.run(report.query, params)
    return rows[:limit] if limit is not None else rows


def browser_script(report: Report, params: Mapping[str, Any]) -> str:
    """The query with a `:param` preamble, ready to paste into Neo4j Browser."""
    lines = [f"// {report.name}: {report.description}"]
    for name, value in params.items():
        lines.append(f":param {name} => {_cypher_literal(value)};")
    lines.append("")
    lines.append("\n".join(l for l in report.query.splitlines() if not l.strip().startswith("//")).strip())
    return "\n".join(lines) + "\n"


def _cypher_literal(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_cypher_literal(v) for v in value) + "]"
    s = str(value).replace("\\", "\\\\").replace("'", "\\'")
    return f"'{s}'"
