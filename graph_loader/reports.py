"""Saved reports: read `cypher/*.cypher`, bind parameters, run.

A report file is Cypher that also runs pasted into Neo4j Browser; its header
(`// name:`, `// description:`, `// @param {json}` lines) says what it takes.
The query text is never rewritten: every value the user gives reaches the
engine as a parameter. Parameters of type `actor` accept an id, a name, an
alias or a Latin name and are resolved to the canonical id before binding.

Header keys of a `@param` line: name, type, default, example, description, and
optionally required (true), min/max (numbers) and choices (allowed values).
Where one engine needs its own text, `NAME.ENGINE.cypher` (e.g.
`path.neo4j.cypher`) sits next to the portable `NAME.cypher`; `run_report`
picks it by the store's engine, and `--print-cypher` prints the Neo4j text,
since Neo4j Browser is where it will be pasted.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from graph_loader.errors import ReportError, UnknownActor, UsageError
from graph_loader.store.literal import literal
from graph_loader.text.normalize import key_variants, normalize

PARAM_TYPES = ("string", "int", "float", "bool", "date", "actor", "list")
ENGINES = ("falkordb", "neo4j")


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
    required: bool = False
    minimum: float | None = None
    maximum: float | None = None
    choices: list[Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        d = {"name": self.name, "type": self.type, "default": self.default, "example": self.example,
             "description": self.description, "required": self.required}
        for key, value in (("min", self.minimum), ("max", self.maximum), ("choices", self.choices)):
            if value is not None:
                d[key] = value
        return d


@dataclass
class Report:
    name: str
    description: str
    query: str
    path: Path
    params: list[Param] = field(default_factory=list)
    family: str | None = None
    notes: list[str] = field(default_factory=list)
    variants: dict[str, Path] = field(default_factory=dict)  # engine -> NAME.ENGINE.cypher

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "description": self.description, "family": self.family,
                "params": [p.to_dict() for p in self.params], "path": str(self.path),
                "variants": {e: str(p) for e, p in sorted(self.variants.items())}}

    def query_for(self, engine: str | None) -> str:
        """The text to run on this engine: its variant file where there is one, else the portable query."""
        path = self.variants.get(engine or "")
        return path.read_text(encoding="utf-8") if path else self.query


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
                p = Param(d["name"], d.get("type", "string"), d.get("default"), d.get("example"), d.get("description", ""),
                          bool(d.get("required", False)), d.get("min"), d.get("max"), d.get("choices"))
            except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
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
    files = sorted(directory.glob("*.cypher"))
    reports = [parse_report(p) for p in files if "." not in p.stem]
    by_file = {r.path.stem: r for r in reports}
    for p in files:
        base, _, engine = p.stem.partition(".")
        if not engine:
            continue
        if engine not in ENGINES:
            raise ReportError(f"{p}: unknown engine {engine!r} in the file name (use one of {', '.join(ENGINES)})")
        if base not in by_file:
            raise ReportError(f"{p}: engine variant without a portable {base}.cypher next to it")
        variant = parse_report(p)
        if [q.to_dict() for q in variant.params] != [q.to_dict() for q in by_file[base].params]:
            raise ReportError(f"{p}: its @param lines must match those of {base}.cypher")
        by_file[base].variants[engine] = p
    return reports


def get_report(name: str, directory: Path | None = None) -> Report:
    reports = {r.name: r for r in list_reports(directory)}
    if name not in reports:
        raise UsageError(f"no report named {name!r}; available: {', '.join(sorted(reports))}")
    return reports[name]


def coerce(param: Param, raw: Any) -> Any:
    """A CLI string (or JSON value) -> the parameter's type, checked against the header's bounds and choices."""
    value = _convert(param, raw)
    if value is None:
        return None
    if param.type in ("int", "float"):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise UsageError(f"parameter {param.name!r} expects a finite {param.type}, got {raw!r}")
        if param.minimum is not None and value < param.minimum:
            raise UsageError(f"parameter {param.name!r} must be at least {param.minimum}, got {value}")
        if param.maximum is not None and value > param.maximum:
            raise UsageError(f"parameter {param.name!r} must be at most {param.maximum}, got {value}")
    if param.choices is not None:
        values = value if isinstance(value, list) else [value]
        bad = [v for v in values if v not in param.choices]
        if bad:
            raise UsageError(f"parameter {param.name!r} accepts {', '.join(map(str, param.choices))}; "
                             f"not {', '.join(map(repr, bad))}")
    if param.type == "list" and not value:
        return None
    return value


def _convert(param: Param, raw: Any) -> Any:
    if raw is None:
        return None
    if not isinstance(raw, str):
        if param.type == "float" and isinstance(raw, int) and not isinstance(raw, bool):
            return float(raw)
        if param.type == "list" and not isinstance(raw, list):
            raise UsageError(f"parameter {param.name!r} expects a list, got {raw!r}")
        if param.type in ("string", "actor", "date") and not isinstance(raw, str):
            raise UsageError(f"parameter {param.name!r} expects text, got {raw!r}")
        return raw
    if param.type != "string" and raw.strip().lower() in ("", "null", "none"):
        return None
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


Q_ACTOR_BY_ID = """
MATCH (a:Actor {id: $value})
RETURN a.id AS id
"""
# UNWIND first so that the engine looks each key up in the index of the list
# property `keys` (FalkorDB indexes list elements); a WHERE over all actors took
# 150 ms on 100,000 actors.
Q_ACTOR_BY_KEY = """
UNWIND $keys AS k
MATCH (a:Actor)
WHERE k IN a.keys
RETURN DISTINCT a.id AS id
LIMIT 6
"""


def resolve_actor(store, value: str) -> str:
    """Canonical id for an id, name, alias or Latin name (normalised); UnknownActor otherwise."""
    if store.run(Q_ACTOR_BY_ID, {"value": value}):
        return value
    keys = sorted({value, normalize(value), *key_variants(value)} - {""})
    ids = sorted({r["id"] for r in store.run(Q_ACTOR_BY_KEY, {"keys": keys})})
    if len(ids) == 1:
        return ids[0]
    if len(ids) > 1:
        raise UnknownActor(f"{value!r} matches several actors: {', '.join(ids)}; use an id")
    raise UnknownActor(f"no actor matches {value!r} (check the spelling, or use an id from `actorgraph report ego`)")


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
        if value is None and p.required:
            raise UsageError(f"report {report.name!r} needs --param {p.name}=... ({p.description}); "
                             f"for example --param {p.name}={_cli_example(p.example)}")
        if p.type == "actor" and value is not None and store is not None:
            value = resolve_actor(store, str(value))
        params[p.name] = value
    return params


def _cli_example(value: Any) -> str:
    return ",".join(map(str, value)) if isinstance(value, list) else str(value)


def example_params(report: Report) -> dict[str, Any]:
    """Every parameter at its header example: what `report --list` promises will run."""
    return {p.name: p.example for p in report.params}


def run_report(store, report: Report, given: Mapping[str, Any], limit: int | None = None) -> list[dict[str, Any]]:
    given = dict(given)
    if limit is not None and any(p.name == "limit" for p in report.params):
        given["limit"] = limit
    params = bind(report, given, store)
    rows = store.run(report.query_for(getattr(store, "engine", None)), params)
    return rows[:limit] if limit is not None else rows


def browser_script_for(report: Report, given: Mapping[str, Any], store_factory=None) -> str:
    """`--print-cypher`: actor names are resolved to ids (through the store) only when one was given."""
    needs_store = any(p.type == "actor" and given.get(p.name) not in (None, "") for p in report.params)
    params = bind(report, given, store_factory() if needs_store and store_factory else None)
    return browser_script(report, params)


def browser_script(report: Report, params: Mapping[str, Any]) -> str:
    """The query with a `:param` preamble, ready to paste into Neo4j Browser."""
    # The :param lines come first: a comment in front of a client command could make
    # Browser's multi-statement splitter send it to the server as Cypher.
    lines = [f":param {name} => {literal(value)};" for name, value in params.items()]
    lines.append("")
    lines.append(f"// {report.name}: {report.description}")
    body = "\n".join(l for l in report.query_for("neo4j").splitlines() if not l.strip().startswith("//")).strip()
    lines.append(body.rstrip(";") + ";")
    return "\n".join(lines) + "\n"


