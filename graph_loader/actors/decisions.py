"""Analyst decisions: merge, split, alias, rename actors; reject or restore an edge.

Every decision is appended to an audit log in the user overlay
(`<data-dir>/decisions.jsonl`: action, graph, arguments, who, when, why) and
applied at once to the graph. Re-extraction writes the graph again from the
articles, so the log is replayed, in order, after every `build` and `load`
(`reapply`): a correction is never silently undone. Aliases and renames are
also applied to the registry before extraction, so the new names are matched.

The graph side keeps evidence: a merge rewrites the subject/object of B's
:Evidence nodes to A (remembering B in `s_was`/`o_was`) and re-aggregates the
touched relationships; a split moves exactly that evidence back; a reject
only flags the relationship (`rejected = true`), which every report ignores.
All Cypher is here, with values passed as parameters; relationship types are
checked against the closed taxonomy before they are spliced into a pattern.
"""

from __future__ import annotations

import getpass
import json
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from graph_loader.errors import InputError, UnknownActor, UsageError
from graph_loader.model import RELATIONS, Actor, ActorType
from graph_loader.text.normalize import key_variants, normalize

if TYPE_CHECKING:
    from graph_loader.actors.registry import Registry

DECISIONS_FILE = "decisions.jsonl"
ACTIONS = ("merge", "split", "alias", "rename", "reject", "restore")

Q_ACTOR = """
MATCH (a:Actor {id: $id})
RETURN a.id AS id, a.name AS name, a.type AS type, a.aliases AS aliases, a.name_en AS name_en, a.keys AS keys,
       a.merged_into AS merged_into, a.merged AS merged, a.own_keys AS own_keys, a.own_aliases AS own_aliases,
       a.saved_keys AS saved_keys, a.source AS source, a.first_seen AS first_seen, a.last_seen AS last_seen
"""
Q_SET_ACTOR = """
MATCH (a:Actor {id: $id})
SET a += $props
"""
Q_KEEP_ACTOR = """
MERGE (a:Actor {id: $id})
SET a:{label}, a += $props
"""
Q_EVIDENCE_OF = """
MATCH (e:Evidence)
WHERE e.s = $id OR e.o = $id
RETURN e.id AS id, e.s AS s, e.o AS o, e.rel AS rel, e.key AS key, e.s_was AS s_was, e.o_was AS o_was,
       e.s_mention AS s_mention, e.o_mention AS o_mention, e.s_start AS s_start, e.o_start AS o_start,
       e.s_end AS s_end, e.o_end AS o_end
"""
Q_EVIDENCE_WAS = """
MATCH (e:Evidence)
WHERE e.s_was = $id OR e.o_was = $id
RETURN e.id AS id, e.s AS s, e.o AS o, e.rel AS rel, e.key AS key, e.s_was AS s_was, e.o_was AS o_was,
       e.s_mention AS s_mention, e.o_mention AS o_mention, e.s_start AS s_start, e.o_start AS o_start,
       e.s_end AS s_end, e.o_end AS o_end
"""
Q_SET_EVIDENCE = """
UNWIND $rows AS r
MATCH (e:Evidence {id: r.id})
SET e += r.props
"""
Q_FLAG_EDGE = """
MATCH (a:Actor {id: $a})-[x:{rel}]->(b:Actor {id: $b})
SET x.rejected = $rejected, x.rejected_by = $who, x.rejected_at = $when, x.rejected_reason = $why
RETURN count(x) AS n
"""
Q_ACTOR_EDGES = """
MATCH (a:Actor {id: $id})-[r]-(b:Actor)
RETURN type(r) AS rel, startNode(r).id AS s, endNode(r).id AS o, b.id AS other_id, b.name AS other,
       r.count AS count, r.doc_count AS documents, r.confidence AS confidence, r.rejected AS rejected
ORDER BY r.count DESC, rel, other_id
"""
Q_LIST = """
MATCH (a:Actor)
WHERE a.merged_into IS NULL AND ($type IS NULL OR a.type = $type)
OPTIONAL MATCH (a)-[r]-(:Actor)
WITH a, count(r) AS relationships
RETURN a.id AS id, a.name AS name, a.type AS type, a.name_en AS name_en, a.source AS source,
       relationships, a.first_seen AS first_seen, a.last_seen AS last_seen
ORDER BY relationships DESC, id
LIMIT $limit
"""
Q_SEARCH = """
MATCH (a:Actor)
WHERE a.merged_into IS NULL AND (any(k IN coalesce(a.keys, []) WHERE any(q IN $keys WHERE k CONTAINS q))
      OR toLower(coalesce(a.name_en, '')) CONTAINS $latin OR a.id CONTAINS $latin)
RETURN a.id AS id, a.name AS name, a.type AS type, a.name_en AS name_en, a.source AS source
ORDER BY id
LIMIT $limit
"""


# -- the log -------------------------------------------------------------------


@dataclass
class Decision:
    action: str
    graph: str
    args: dict[str, Any]
    why: str | None = None
    who: str = field(default_factory=lambda: os.environ.get("USER") or _user())
    when: str = field(default_factory=lambda: datetime.now(timezone.utc).isoformat(timespec="seconds"))

    def to_dict(self) -> dict[str, Any]:
        return {"action": self.action, "graph": self.graph, "args": self.args, "who": self.who, "when": self.when,
                "why": self.why}


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "unknown"


def log_path(overlay_dir: str | Path) -> Path:
    return Path(overlay_dir) / DECISIONS_FILE


def record(overlay_dir: str | Path, decision: Decision) -> None:
    path = log_path(overlay_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(decision.to_dict(), ensure_ascii=False) + "\n")


def read_decisions(overlay_dir: str | Path, graph: str | None = None) -> list[dict[str, Any]]:
    """The decisions recorded for `graph` (all graphs when None), oldest first."""
    path = log_path(overlay_dir)
    if not path.exists():
        return []
    out = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
                if not isinstance(d, dict) or d.get("action") not in ACTIONS or not isinstance(d.get("args"), dict):
                    raise ValueError("not a decision (action, graph, args)")
            except (json.JSONDecodeError, ValueError) as exc:
                raise InputError(f"bad decision entry ({exc})", str(path), lineno) from None
            if graph is None or d.get("graph") == graph:
                out.append(d)
    return out


# -- registry side ---------------------------------------------------------------


def apply_to_registry(registry: "Registry", decisions: Iterable[dict[str, Any]]) -> None:
    """Aliases and renames change what extraction matches and shows; merges and rejects are graph-side."""
    for d in decisions:
        args = d["args"]
        if d["action"] == "alias":
            actor = _registry_actor(registry, args)
            if args["alias"] not in actor.aliases and args["alias"] != actor.name:
                actor.aliases.append(args["alias"])
            registry.add(actor, registry.extra.get(actor.id))
        elif d["action"] == "rename":
            actor = _registry_actor(registry, args)
            if actor.name != args["name"]:
                if actor.name not in actor.aliases:
                    actor.aliases.append(actor.name)
                actor.name = args["name"]
            registry.add(actor, registry.extra.get(actor.id))


def _registry_actor(registry: "Registry", args: dict[str, Any]) -> Actor:
    actor = registry.actors.get(args["id"])
    if actor is None or args["id"] in registry.discovered:
        actor = Actor(id=args["id"], name=args.get("actor_name") or args["id"],
                      type=ActorType(args.get("type") or "PERSON"), name_en=args.get("name_en"), source="user")
    return actor


# -- graph side --------------------------------------------------------------------


def actor_row(store, actor_id: str) -> dict[str, Any] | None:
    rows = store.run(Q_ACTOR, {"id": actor_id})
    return rows[0] if rows else None


def require_actor(store, value: str) -> dict[str, Any]:
    """An actor of the graph by id, name, alias or Latin name (UnknownActor otherwise)."""
    from graph_loader.reports import resolve_actor

    row = actor_row(store, value)
    if row is None:
        row = actor_row(store, resolve_actor(store, value))
    if row is None:  # pragma: no cover - resolve_actor only returns ids it found
        raise UnknownActor(f"no actor matches {value!r}")
    return row


def merge(store, keep: str, gone: str) -> dict[str, int]:
    """Move every relationship and alias of `gone` onto `keep` (evidence kept, origin remembered)."""
    if keep == gone:
        raise UsageError("merge needs two different actors")
    a, b = actor_row(store, keep), actor_row(store, gone)
    if a is None or b is None:
        return {"evidence": 0}
    moved, touched = [], set()
    for e in store.run(Q_EVIDENCE_OF, {"id": gone}):
        row, old, new = _rewire(e, {gone: keep}, remember=True)
        moved.append(row)
        touched |= {old, new}
    if moved:
        store.write_batches(Q_SET_EVIDENCE, moved, 1000)
    own_keys = a["own_keys"] if a["own_keys"] is not None else (a["keys"] or [])
    own_aliases = a["own_aliases"] if a["own_aliases"] is not None else (a["aliases"] or [])
    saved = b["saved_keys"] if b["merged_into"] else (b["keys"] or [])
    keys = _union(a["keys"] or [], saved)
    aliases = _union(a["aliases"] or [], [b["name"], *(b["aliases"] or [])])
    aliases = [x for x in aliases if x != a["name"]]
    _recompute(store, touched)  # the loader drops actors left without edges: GONE is written back below
    store.write(Q_SET_ACTOR, {"id": keep, "props": {"keys": keys, "aliases": aliases, "own_keys": own_keys,
                                                     "own_aliases": own_aliases, "merged": _union(a["merged"] or [], [gone])}})
    label = ActorType(str(b["type"]).upper()).label
    props = {"name": b["name"], "type": b["type"], "aliases": b["aliases"] or [], "name_en": b["name_en"],
             "source": b["source"], "first_seen": b["first_seen"], "last_seen": b["last_seen"],
             "merged_into": keep, "saved_keys": saved, "keys": []}
    store.write(Q_KEEP_ACTOR.replace("{label}", label), {"id": gone, "props": props})
    return {"evidence": len(moved)}


def split(store, keep: str, gone: str) -> dict[str, int]:
    """Undo `merge(keep, gone)`: the evidence that was gone's goes back, with its names."""
    a, b = actor_row(store, keep), actor_row(store, gone)
    moved, touched = [], set()
    for e in store.run(Q_EVIDENCE_WAS, {"id": gone}):
        row, old, new = _rewire(e, {keep: gone}, remember=False, only_was=gone)
        moved.append(row)
        touched |= {old, new}
    if moved:
        store.write_batches(Q_SET_EVIDENCE, moved, 1000)
    if b is not None and b["merged_into"]:
        store.write(Q_SET_ACTOR, {"id": gone, "props": {"merged_into": None, "keys": b["saved_keys"] or [], "saved_keys": None}})
    if a is not None:
        remaining = [m for m in (a["merged"] or []) if m != gone]
        own_keys = a["own_keys"] if a["own_keys"] is not None else (a["keys"] or [])
        own_aliases = a["own_aliases"] if a["own_aliases"] is not None else (a["aliases"] or [])
        keys, aliases = list(own_keys), list(own_aliases)
        for other in remaining:
            o = actor_row(store, other)
            if o is not None:
                keys = _union(keys, o["saved_keys"] or [])
                aliases = _union(aliases, [o["name"], *(o["aliases"] or [])])
        props: dict[str, Any] = {"keys": keys, "aliases": aliases, "merged": remaining}
        if not remaining:
            props.update({"own_keys": None, "own_aliases": None})
        store.write(Q_SET_ACTOR, {"id": keep, "props": props})
    _recompute(store, touched)
    return {"evidence": len(moved)}


def alias(store, actor_id: str, name: str) -> None:
    a = actor_row(store, actor_id)
    if a is None:
        return
    keys = _union(a["keys"] or [], [name, *sorted(key_variants(name))])
    props: dict[str, Any] = {"aliases": _union(a["aliases"] or [], [name]), "keys": keys}
    if a["own_keys"] is not None:
        props["own_keys"] = _union(a["own_keys"], [name, *sorted(key_variants(name))])
        props["own_aliases"] = _union(a["own_aliases"] or [], [name])
    store.write(Q_SET_ACTOR, {"id": actor_id, "props": props})


def rename(store, actor_id: str, name: str) -> None:
    a = actor_row(store, actor_id)
    if a is None or a["name"] == name:
        return
    extra = [name, *sorted(key_variants(name))]
    props: dict[str, Any] = {
        "name": name,
        "aliases": [x for x in _union(a["aliases"] or [], [a["name"]]) if x != name],
        "keys": _union(a["keys"] or [], extra),
    }
    if a["own_keys"] is not None:
        props["own_keys"] = _union(a["own_keys"], extra)
    store.write(Q_SET_ACTOR, {"id": actor_id, "props": props})


def flag_edge(store, s: str, rel: str, o: str, rejected: bool, who: str | None = None, when: str | None = None,
              why: str | None = None) -> int:
    """Set or clear `rejected` on the s-[rel]->o relationship (either direction for symmetric types)."""
    rel = check_relation(rel)
    q = Q_FLAG_EDGE.replace("{rel}", rel)
    params = {"rejected": True if rejected else None, "who": who if rejected else None,
              "when": when if rejected else None, "why": why if rejected else None}
    n = store.write(q, {"a": s, "b": o, **params})[0]["n"]
    if RELATIONS[rel].symmetric:
        n += store.write(q, {"a": o, "b": s, **params})[0]["n"]
    return int(n)


def check_relation(rel: str) -> str:
    r = rel.strip().upper()
    if r not in RELATIONS:
        raise UsageError(f"unknown relation {rel!r}; one of: {', '.join(RELATIONS)}")
    return r


@dataclass
class Reapplied:
    decisions: int = 0
    evidence_moved: int = 0
    edges_flagged: int = 0


def reapply(store, registry: "Registry | None") -> Reapplied:
    """Replay this graph's decisions after a build/load, in the order they were taken."""
    out = Reapplied()
    if registry is None or not registry.decisions:
        return out
    for d in registry.decisions:
        out.decisions += 1
        out.evidence_moved += apply_to_graph(store, d).get("evidence", 0)
        if d["action"] in ("reject", "restore"):
            out.edges_flagged += 1
    return out


def apply_to_graph(store, d: dict[str, Any]) -> dict[str, int]:
    args, action = d["args"], d["action"]
    if action == "merge":
        return merge(store, args["keep"], args["gone"])
    if action == "split":
        return split(store, args["keep"], args["gone"])
    if action == "alias":
        alias(store, args["id"], args["alias"])
    elif action == "rename":
        rename(store, args["id"], args["name"])
    elif action in ("reject", "restore"):
        flag_edge(store, args["s"], args["rel"], args["o"], action == "reject", d.get("who"), d.get("when"), d.get("why"))
    return {}


# -- helpers -------------------------------------------------------------------------


def _union(first: Iterable[str], more: Iterable[str]) -> list[str]:
    out = list(dict.fromkeys(first))
    for x in more:
        if x not in out:
            out.append(x)
    return out


def _rewire(e: dict[str, Any], mapping: dict[str, str], remember: bool, only_was: str | None = None) -> tuple[dict, str, str]:
    """New endpoints for one evidence node; symmetric pairs keep their canonical (sorted) order."""
    s, o = e["s"], e["o"]
    s_was, o_was = e["s_was"], e["o_was"]
    if only_was is None:
        if s in mapping:
            s_was = s_was or s
            s = mapping[s]
        if o in mapping:
            o_was = o_was or o
            o = mapping[o]
    else:
        if s_was == only_was:
            s, s_was = only_was, None
        if o_was == only_was:
            o, o_was = only_was, None
    side = {"s_mention": e["s_mention"], "s_start": e["s_start"], "s_end": e["s_end"],
            "o_mention": e["o_mention"], "o_start": e["o_start"], "o_end": e["o_end"]}
    if RELATIONS.get(e["rel"]) is not None and RELATIONS[e["rel"]].symmetric and o < s:
        s, o, s_was, o_was = o, s, o_was, s_was
        side = {"s_mention": side["o_mention"], "s_start": side["o_start"], "s_end": side["o_end"],
                "o_mention": side["s_mention"], "o_start": side["s_start"], "o_end": side["s_end"]}
    key = f"{s}|{e['rel']}|{o}"
    props = {"s": s, "o": o, "key": key, "s_was": s_was, "o_was": o_was, "self_loop": True if s == o else None, **side}
    return {"id": e["id"], "props": props}, e["key"], key


def _recompute(store, keys: set[str]) -> None:
    """Re-aggregate the relationships of `keys` from their evidence, through the loader (one aggregation rule)."""
    from graph_loader.load import Loader

    keys = {k for k in keys if k and len(k.split("|")) == 3 and k.split("|")[0] != k.split("|")[2]}
    if not keys:
        return
    Loader(store).recompute(keys)


def search_keys(text: str) -> list[str]:
    return sorted({text, normalize(text), *key_variants(text)} - {""})
