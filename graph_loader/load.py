"""Triples -> store: idempotent, per-document replacement, batched UNWIND.

Graph model (README has the diagram):
  (:Actor:Person|Organization|State|Place {id, name, type, aliases, name_en, keys, first_seen, last_seen})
  (:Document {id, title, date, url, hash, loaded_at})
  (:Sentence {id, doc_id, index, text, start})-[:IN_DOCUMENT]->(:Document)
  (:Evidence {id, key, doc_id, sentence_id, rel, s, o, confidence, hedged, date, cue, role, s_mention, s_start, ...})
  (:Actor)-[:MET_WITH|SUPPORTS|... {count, documents, doc_count, confidence, first_seen, last_seen,
                                    hedged, sentences, family, roles}]->(:Actor)

Each triple is one :Evidence node keyed by (document, sentence, subject,
relation, object). The actor-to-actor relationship is an aggregate of its
evidence, recomputed for the keys a batch touched. Loading a document again
first removes its old evidence, so a re-run replaces a document's contribution
and a repeated load changes nothing. Relationship types come only from the
closed taxonomy (validated in model.Triple), never from user text.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable, Iterable, Iterator

from graph_loader.actors.registry import Registry
from graph_loader.model import ACTOR_LABELS, RELATIONS, ActorType, Document, Triple, sentence_id
from graph_loader.text.normalize import key_variants, normalize

MAX_EDGE_SENTENCES = 50  # sentence ids kept on an edge; all evidence stays on :Evidence nodes

Q_DELETE_EVIDENCE = """
UNWIND $doc_ids AS d
MATCH (e:Evidence {doc_id: d})
WITH e, e.key AS key
DETACH DELETE e
RETURN DISTINCT key
"""
Q_DELETE_SENTENCES = """
UNWIND $doc_ids AS d
MATCH (s:Sentence {doc_id: d})
DETACH DELETE s
"""
Q_DOCUMENTS = """
UNWIND $rows AS r
MERGE (d:Document {id: r.id})
SET d.title = r.title, d.date = r.date, d.url = r.url, d.hash = r.hash, d.loaded_at = r.loaded_at,
    d.triples = r.triples
"""
Q_SENTENCES = """
UNWIND $rows AS r
MATCH (d:Document {id: r.doc_id})
MERGE (s:Sentence {id: r.id})
SET s.doc_id = r.doc_id, s.index = r.index, s.text = r.text, s.start = r.start
MERGE (s)-[:IN_DOCUMENT]->(d)
"""
Q_ACTORS = """
UNWIND $rows AS r
MERGE (a:Actor {id: r.id})
SET a:{label}, a.name = r.name, a.type = r.type, a.aliases = r.aliases, a.name_en = r.name_en,
    a.keys = r.keys, a.source = r.source,
    a.first_seen = CASE WHEN r.date IS NULL THEN a.first_seen
                        WHEN a.first_seen IS NULL OR r.date < a.first_seen THEN r.date ELSE a.first_seen END,
    a.last_seen = CASE WHEN r.date IS NULL THEN a.last_seen
                       WHEN a.last_seen IS NULL OR r.date > a.last_seen THEN r.date ELSE a.last_seen END
"""
Q_EVIDENCE = """
UNWIND $rows AS r
MERGE (e:Evidence {id: r.id})
SET e += r.props
"""
Q_EVIDENCE_FOR_KEYS = """
UNWIND $keys AS k
MATCH (e:Evidence {key: k})
RETURN e.key AS key, e.doc_id AS doc_id, e.sentence_id AS sentence_id, e.confidence AS confidence,
       e.hedged AS hedged, e.date AS date, e.role AS role
"""
Q_SET_EDGE = """
UNWIND $rows AS r
MATCH (a:Actor {id: r.s}), (b:Actor {id: r.o})
MERGE (a)-[x:{rel}]->(b)
SET x += r.props
"""
Q_DELETE_EDGE = """
UNWIND $rows AS r
MATCH (a:Actor {id: r.s})-[x:{rel}]->(b:Actor {id: r.o})
DELETE x
"""


@dataclass
class LoadStats:
    documents: int = 0
    triples: int = 0
    rejected: int = 0
    edges_written: int = 0
    edges_deleted: int = 0
    rejects: list[str] = field(default_factory=list)


def evidence_key(s: str, rel: str, o: str) -> str:
    return f"{s}|{rel}|{o}"


def document_hash(triples: list[Triple]) -> str:
    h = hashlib.sha256()
    for line in sorted(t.to_json() for t in triples):
        h.update(line.encode())
    return h.hexdigest()[:16]


class Loader:
    def __init__(self, store, registry: Registry | None = None, batch_docs: int = 200, batch_rows: int = 2000):
        self.store = store
        self.registry = registry
        self.batch_docs = batch_docs
        self.batch_rows = batch_rows
        self.stats = LoadStats()
        self._schema_done = False
        self._loaded: set[str] = set()  # documents this loader already replaced: later triples add to them

    # -- public ---------------------------------------------------------------
    def load_documents(
        self,
        items: Iterable[tuple[Document, list[Triple]]],
        progress: Callable[[int], None] | None = None,
    ) -> LoadStats:
        """Load (document, its triples) pairs; each batch of documents is one unit of replacement."""
        self._ensure_schema()
        batch: list[tuple[Document, list[Triple]]] = []
        rows = 0
        for doc, triples in items:
            batch.append((doc, triples))
            rows += len(triples) + 1
            if len(batch) >= self.batch_docs or rows >= self.batch_rows:
                self._write_batch(batch)
                if progress:
                    progress(len(batch))
                batch, rows = [], 0
        if batch:
            self._write_batch(batch)
            if progress:
                progress(len(batch))
        return self.stats

    def load_triples(self, triples: Iterable[Triple], progress: Callable[[int], None] | None = None) -> LoadStats:
        """Load a triple stream (e.g. a JSON Lines file): grouped by consecutive doc_id."""
        return self.load_documents(_group_by_document(triples), progress)

    # -- internals ------------------------------------------------------------
    def _ensure_schema(self) -> None:
        if not self._schema_done:
            self.store.ensure_schema()
            self._schema_done = True

    def _write_batch(self, batch: list[tuple[Document, list[Triple]]]) -> None:
        doc_ids = [d.id for d, _ in batch if d.id not in self._loaded]
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        old_keys: set[str] = set()
        if doc_ids:
            old_keys = {r["key"] for r in self.store.write(Q_DELETE_EVIDENCE, {"doc_ids": doc_ids})}
            self.store.write(Q_DELETE_SENTENCES, {"doc_ids": doc_ids})
        self._loaded.update(doc_ids)
        self.store.write(
            Q_DOCUMENTS,
            {"rows": [
                {"id": d.id, "title": d.title, "date": d.date, "url": d.url, "hash": document_hash(ts),
                 "loaded_at": now, "triples": len(ts)}
                for d, ts in batch
            ]},
        )
        sentences: dict[str, dict[str, Any]] = {}
        actors: dict[str, dict[str, Any]] = {}
        evidence: dict[str, dict[str, Any]] = {}
        for doc, triples in batch:
            for t in triples:
                sid = sentence_id(t.doc_id, t.sentence_index)
                sentences.setdefault(sid, {"id": sid, "doc_id": t.doc_id, "index": t.sentence_index,
                                           "text": t.sentence, "start": t.sentence_start})
                for ref in (t.subject, t.object):
                    self._actor_row(actors, ref, t.date)
                s, rel, o = t.key
                key = evidence_key(s, rel, o)
                swapped = s != t.subject.id
                subj, obj = (t.object, t.subject) if swapped else (t.subject, t.object)
                eid = f"{sid}|{key}"
                props = {
                    "key": key, "doc_id": t.doc_id, "sentence_id": sid, "rel": rel, "s": s, "o": o,
                    "confidence": float(t.confidence), "hedged": bool(t.hedged), "date": t.date, "cue": t.cue,
                    "role": t.role, "extractor": t.extractor,
                    "s_mention": subj.mention, "s_start": subj.start, "s_end": subj.end,
                    "o_mention": obj.mention, "o_start": obj.start, "o_end": obj.end,
                }
                if eid not in evidence or evidence[eid]["props"]["confidence"] < props["confidence"]:
                    evidence[eid] = {"id": eid, "props": {k: v for k, v in props.items() if v is not None}}
        self.store.write_batches(Q_SENTENCES, sentences.values(), self.batch_rows)
        for atype in ActorType:
            rows = [a for a in actors.values() if a["type"] == atype.value]
            if rows:
                self.store.write_batches(Q_ACTORS.replace("{label}", ACTOR_LABELS[atype]), rows, self.batch_rows)
        self.store.write_batches(Q_EVIDENCE, evidence.values(), self.batch_rows)
        new_keys = {e["props"]["key"] for e in evidence.values()}
        self._recompute_edges(old_keys | new_keys)
        self.stats.documents += len(batch)
        self.stats.triples += len(evidence)

    def _actor_row(self, actors: dict[str, dict[str, Any]], ref, date: str | None) -> None:
        row = actors.get(ref.id)
        if row is None:
            actor = self.registry.actors.get(ref.id) if self.registry else None
            aliases = list(actor.aliases) if actor else []
            name_en = (actor.name_en if actor else None) or ref.name_en
            name = actor.name if actor else ref.name
            atype = actor.type.value if actor else ref.type
            keys = {ref.id, name, *aliases}
            keys |= {k for n in (name, *aliases) for k in key_variants(n)}
            if name_en:
                keys |= {name_en, normalize(name_en)}
            row = {"id": ref.id, "name": name, "type": atype, "aliases": aliases, "name_en": name_en,
                   "keys": sorted(keys), "source": actor.source if actor else "triples", "date": date}
            actors[ref.id] = row
        elif date and (row["date"] is None or date < row["date"]):
            row["date"] = date

    def _recompute_edges(self, keys: set[str]) -> None:
        if not keys:
            return
        agg: dict[str, dict[str, Any]] = {}
        key_list = sorted(keys)
        for i in range(0, len(key_list), self.batch_rows):
            for r in self.store.run(Q_EVIDENCE_FOR_KEYS, {"keys": key_list[i : i + self.batch_rows]}):
                a = agg.setdefault(r["key"], {"n": 0, "docs": set(), "sents": [], "conf": 0.0, "hedged": 0,
                                              "dates": [], "roles": set()})
                a["n"] += 1
                a["docs"].add(r["doc_id"])
                a["sents"].append(r["sentence_id"])
                a["conf"] = max(a["conf"], float(r["confidence"] or 0.0))
                a["hedged"] += 1 if r["hedged"] else 0
                if r["date"]:
                    a["dates"].append(r["date"])
                if r["role"]:
                    a["roles"].add(r["role"])
        set_rows: dict[str, list[dict[str, Any]]] = {}
        del_rows: dict[str, list[dict[str, Any]]] = {}
        for key in keys:
            s, rel, o = key.split("|")
            if rel not in RELATIONS:
                continue
            a = agg.get(key)
            if a is None:
                del_rows.setdefault(rel, []).append({"s": s, "o": o})
                continue
            props = {
                "count": a["n"], "documents": sorted(a["docs"]), "doc_count": len(a["docs"]),
                "confidence": round(a["conf"], 4), "hedged": round(a["hedged"] / a["n"], 4),
                "sentences": sorted(a["sents"])[:MAX_EDGE_SENTENCES], "family": RELATIONS[rel].family,
                "first_seen": min(a["dates"]) if a["dates"] else None,
                "last_seen": max(a["dates"]) if a["dates"] else None,
            }
            if a["roles"]:
                props["roles"] = sorted(a["roles"])
                props["role"] = sorted(a["roles"])[0]
            set_rows.setdefault(rel, []).append({"s": s, "o": o, "props": props})
        for rel, rows in set_rows.items():
            self.store.write_batches(Q_SET_EDGE.replace("{rel}", rel), rows, self.batch_rows)
            self.stats.edges_written += len(rows)
        for rel, rows in del_rows.items():
            self.store.write_batches(Q_DELETE_EDGE.replace("{rel}", rel), rows, self.batch_rows)
            self.stats.edges_deleted += len(rows)


def _group_by_document(triples: Iterable[Triple]) -> Iterator[tuple[Document, list[Triple]]]:
    current: Document | None = None
    bucket: list[Triple] = []
    for t in triples:
        if current is None or t.doc_id != current.id:
            if current is not None:
                yield current, bucket
            current = Document(id=t.doc_id, text="", title=t.title, date=t.date, url=t.url)
            bucket = []
        bucket.append(t)
    if current is not None:
        yield current, bucket


def read_triples_jsonl(path: str, on_error: Callable[[Exception], None]) -> Iterator[Triple]:
    """Stream triples from a JSON Lines file; bad lines reported with their number and skipped."""
    from graph_loader.errors import InputError, InvalidTriple

    opener = open(path, "rb") if path != "-" else __import__("sys").stdin.buffer
    with opener as fh:
        for lineno, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw.decode("utf-8"))
                yield Triple.from_dict(obj)
            except UnicodeDecodeError as exc:
                on_error(InputError(f"invalid UTF-8 at byte {exc.start} of the line (line skipped)", path, lineno))
            except json.JSONDecodeError as exc:
                on_error(InputError(f"malformed JSON ({exc.msg}; line skipped)", path, lineno))
            except InvalidTriple as exc:
                on_error(InputError(f"rejected triple: {exc.message}", path, lineno))
