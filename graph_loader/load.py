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

import bisect
import hashlib
import json
from collections import OrderedDict
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
DETACH DELETE e
"""
Q_DELETE_SENTENCES = """
UNWIND $doc_ids AS d
MATCH (s:Sentence {doc_id: d})
DETACH DELETE s
"""
Q_KNOWN = """
UNWIND $ids AS i
MATCH (d:Document {id: i})
RETURN d.id AS id, d.hash AS hash, d.pending AS pending
"""
Q_OLD_KEYS = """
UNWIND $doc_ids AS d
MATCH (e:Evidence {doc_id: d})
RETURN DISTINCT e.doc_id AS doc_id, e.key AS key
"""
Q_DOCUMENTS = """
UNWIND $rows AS r
MERGE (d:Document {id: r.id})
SET d.title = r.title, d.date = r.date, d.url = r.url, d.hash = NULL, d.pending = r.pending,
    d.loaded_at = r.loaded_at
"""
Q_COMMIT = """
UNWIND $rows AS r
MATCH (d:Document {id: r.id})
SET d.hash = r.hash, d.triples = r.triples, d.pending = r.pending
"""
Q_UNFLUSHED = """
MATCH (d:Document)
WHERE d.hash IS NOT NULL AND d.pending IS NOT NULL
RETURN d.id AS id, d.pending AS pending
"""
Q_CLEAR_PENDING = """
UNWIND $rows AS r
MATCH (d:Document {id: r.id})
SET d.pending = NULL
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
       e.hedged AS hedged, e.date AS date, e.role AS role, e.since AS since
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
Q_DELETE_ORPHANS = """
UNWIND $rows AS r
MATCH (a:Actor {id: r.id})
WHERE NOT (a)--()
DELETE a
"""


@dataclass
class LoadStats:
    documents: int = 0
    unchanged: int = 0  # documents skipped because their committed hash matched
    triples: int = 0
    rejected: int = 0
    edges_written: int = 0
    edges_deleted: int = 0
    rejects: list[str] = field(default_factory=list)


def evidence_key(s: str, rel: str, o: str) -> str:
    return f"{s}|{rel}|{o}"


def document_hash(triples: list[Triple]) -> str:
    """Content hash of a triples-file document: what `load` compares to skip unchanged input."""
    h = hashlib.sha256()
    for line in sorted(t.to_json() for t in triples):
        h.update(line.encode())
    return h.hexdigest()[:16]


def text_hash(text: str, model: str) -> str:
    """Content hash of a source document for `build`: the text and the model that read it."""
    h = hashlib.sha256(model.encode())
    h.update(b"\0")
    h.update(text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:16]


@dataclass
class _Agg:
    """An edge aggregate held in memory while it is known to be complete (see Loader._update_aggregates)."""

    n: int = 0
    docs: set[str] = field(default_factory=set)
    sents: list[str] = field(default_factory=list)  # the MAX_EDGE_SENTENCES smallest ids, sorted
    conf: float = 0.0
    hedged: int = 0
    first: str | None = None
    last: str | None = None
    roles: set[str] = field(default_factory=set)
    since: str | None = None  # the earliest role start date a sentence gave

    def add(self, doc_id: str, sentence_id: str, confidence: float | None, hedged: bool, date: str | None,
            role: str | None, since: str | None = None) -> None:
        self.n += 1
        self.docs.add(doc_id)
        if len(self.sents) < MAX_EDGE_SENTENCES or sentence_id < self.sents[-1]:
            bisect.insort(self.sents, sentence_id)
            del self.sents[MAX_EDGE_SENTENCES:]
        self.conf = max(self.conf, float(confidence or 0.0))
        self.hedged += 1 if hedged else 0
        if date:
            self.first = date if self.first is None or date < self.first else self.first
            self.last = date if self.last is None or date > self.last else self.last
        if role:
            self.roles.add(role)
        if since and (self.since is None or since < self.since):
            self.since = since

    def props(self, rel: str) -> dict[str, Any]:
        props: dict[str, Any] = {
            "count": self.n, "documents": sorted(self.docs), "doc_count": len(self.docs),
            "confidence": round(self.conf, 4), "hedged": round(self.hedged / self.n, 4),
            "sentences": list(self.sents), "family": RELATIONS[rel].family,
            "first_seen": self.first, "last_seen": self.last,
        }
        if self.roles:
            props["roles"] = sorted(self.roles)
            props["role"] = props["roles"][0]
        if rel == "AFFILIATED_WITH":
            props["role_since"] = self.since  # null clears a start date whose evidence went away
        return props


Item = tuple[Document, list[Triple]] | tuple[Document, list[Triple], str]


class Loader:
    """Writes documents batch by batch; a batch is committed when its documents' hashes are written.

    Order inside a batch, chosen so that a kill at any point is repaired by
    running the same command again:
      1. Document nodes get hash = NULL and `pending` = the edge keys their
         old evidence fed (so a crash after step 2 still knows which edges
         to recompute);
      2. old evidence and sentences of those documents are deleted;
      3. sentences, actors, evidence are written; edges recomputed;
      4. hash set, pending cleared: the documents are committed.
    A document whose stored hash equals its new hash is skipped.
    """

    def __init__(self, store, registry: Registry | None = None, batch_docs: int = 200, batch_rows: int = 2000,
                 cache_keys: int = 200_000, flush_every: int = 10):
        self.store = store
        self.registry = registry
        self.batch_docs = batch_docs
        self.batch_rows = batch_rows
        self.stats = LoadStats()
        self._schema_done = False
        self._loaded: set[str] = set()  # documents this loader already replaced: later triples add to them
        # Edge aggregates known to be complete, so a key touched again by a later
        # batch is updated in memory instead of re-reading all its evidence.
        self._cache: OrderedDict[str, _Agg] = OrderedDict()
        self._cache_keys = cache_keys
        self._seen_keys: set[str] | None = None  # keys written this run, when the graph had no evidence at start
        # Edges are rewritten every `flush_every` batches, not every batch: a hot pair's
        # aggregate (with its list of documents) is then written N/flush_every times. Until
        # then the touched keys stay in each committed Document's `pending`, so a run that
        # dies before the flush is repaired by the next one (see _repair).
        self.flush_every = flush_every
        self._dirty: set[str] = set()
        self._unflushed: list[str] = []
        self._batches = 0

    # -- public ---------------------------------------------------------------
    def known_hashes(self, doc_ids: list[str]) -> dict[str, str | None]:
        """Committed hash per document id (None: present but not committed)."""
        if not doc_ids:
            return {}
        return {r["id"]: r["hash"] for r in self.store.run(Q_KNOWN, {"ids": doc_ids})}

    def load_documents(self, items: Iterable[Item], progress: Callable[[int], None] | None = None) -> LoadStats:
        """Load (document, triples[, hash]) items; without a hash, the triples' hash is used."""
        with self.store.write_lock():
            self._ensure_schema()
            batch: list[tuple[Document, list[Triple], str]] = []
            rows = 0
            for item in items:
                doc, triples = item[0], item[1]
                h = item[2] if len(item) > 2 else document_hash(triples)  # type: ignore[misc]
                batch.append((doc, triples, h))
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
            self._flush()
        return self.stats

    def load_triples(self, triples: Iterable[Triple], progress: Callable[[int], None] | None = None) -> LoadStats:
        """Load a triple stream (e.g. a JSON Lines file): grouped by consecutive doc_id."""
        return self.load_documents(_group_by_document(triples), progress)

    # -- internals ------------------------------------------------------------
    def recompute(self, keys: Iterable[str]) -> None:
        """Re-aggregate the relationships of these evidence keys from the store (after an analyst's merge/split)."""
        self._update_aggregates(set(keys), [])
        self._flush()

    def _ensure_schema(self) -> None:
        if not self._schema_done:
            self.store.ensure_schema()
            self._schema_done = True
            rows = self.store.run("MATCH (e:Evidence) RETURN e.id AS id LIMIT 1")
            self._seen_keys = set() if not rows else None
            self._repair()

    def _repair(self) -> None:
        """Rewrite the edges of documents committed by a run that died before flushing them."""
        rows = self.store.run(Q_UNFLUSHED)
        if not rows:
            return
        self._dirty.update(k for r in rows for k in (r["pending"] or []))
        for k in self._dirty:
            self._cache.pop(k, None)  # read back from the evidence
        self._unflushed.extend(r["id"] for r in rows)
        self._flush()

    def _write_batch(self, batch: list[tuple[Document, list[Triple], str]]) -> None:
        known = {r["id"]: r for r in self.store.run(Q_KNOWN, {"ids": [d.id for d, _, _ in batch]})}
        todo = []
        for doc, triples, h in batch:
            if doc.id not in self._loaded and doc.id in known and known[doc.id]["hash"] == h:
                self.stats.unchanged += 1
            else:
                todo.append((doc, triples, h))
        if not todo:
            return
        replace = sorted({d.id for d, _, _ in todo if d.id not in self._loaded})
        stale: dict[str, set[str]] = {d: set(known[d]["pending"] or []) if d in known else set() for d in replace}
        if replace:
            for r in self.store.run(Q_OLD_KEYS, {"doc_ids": replace}):
                stale[r["doc_id"]].add(r["key"])
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        docs: dict[str, dict[str, Any]] = {}
        for d, _, _ in todo:
            docs[d.id] = {"id": d.id, "title": d.title, "date": d.date, "url": d.url, "loaded_at": now,
                          "pending": sorted(stale.get(d.id, ())) or None}
        self.store.write(Q_DOCUMENTS, {"rows": list(docs.values())})  # 1: uncommitted, remembers its stale keys
        if replace:  # 2
            self.store.write(Q_DELETE_EVIDENCE, {"doc_ids": replace})
            self.store.write(Q_DELETE_SENTENCES, {"doc_ids": replace})
        self._loaded.update(replace)
        sentences: dict[str, dict[str, Any]] = {}
        actors: dict[str, dict[str, Any]] = {}
        evidence: dict[str, dict[str, Any]] = {}
        for doc, triples, _ in todo:
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
                    "role": t.role, "since": t.since, "extractor": t.extractor,
                    "s_mention": subj.mention, "s_start": subj.start, "s_end": subj.end,
                    "o_mention": obj.mention, "o_start": obj.start, "o_end": obj.end,
                }
                if eid not in evidence or evidence[eid]["props"]["confidence"] < props["confidence"]:
                    evidence[eid] = {"id": eid, "props": {k: v for k, v in props.items() if v is not None}}
        # 3: documents missing from the triples (a triple's doc_id differs) still need their node
        self.store.write_batches(Q_SENTENCES, sentences.values(), self.batch_rows)
        for atype in ActorType:
            rows = [a for a in actors.values() if a["type"] == atype.value]
            if rows:
                self.store.write_batches(Q_ACTORS.replace("{label}", ACTOR_LABELS[atype]), rows, self.batch_rows)
        self.store.write_batches(Q_EVIDENCE, evidence.values(), self.batch_rows)
        all_stale = set().union(*stale.values()) if stale else set()
        self._update_aggregates(all_stale, list(evidence.values()))
        # 4: commit; the document keeps the keys of edges not yet rewritten until the next flush
        counts: dict[str, int] = {}
        keys: dict[str, set[str]] = {d.id: set(stale.get(d.id, ())) for d, _, _ in todo}
        for e in evidence.values():
            counts[e["props"]["doc_id"]] = counts.get(e["props"]["doc_id"], 0) + 1
            keys.setdefault(e["props"]["doc_id"], set()).add(e["props"]["key"])
        self.store.write(Q_COMMIT, {"rows": [{"id": d.id, "hash": h, "triples": counts.get(d.id, 0),
                                              "pending": sorted(keys.get(d.id, ())) or None} for d, _, h in todo]})
        self._unflushed.extend(d.id for d, _, _ in todo if keys.get(d.id))
        self.stats.documents += len(todo)
        self.stats.triples += len(evidence)
        self._batches += 1
        if self._batches >= self.flush_every:
            self._flush()

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

    def _update_aggregates(self, stale: set[str], evidence: list[dict[str, Any]]) -> None:
        """Bring the aggregate of every key this batch touched up to date (memory or a read); mark it dirty.

        A key's aggregate is read back from its evidence only when it is not
        known in memory: first touch in a graph that had evidence before the
        run, after a deletion (stale), or after eviction from the cache. Keys
        whose whole evidence was written by this run are aggregated in Python,
        so a big load does not re-read hot edges batch after batch.
        """
        new_by_key: dict[str, list[dict[str, Any]]] = {}
        for e in evidence:
            new_by_key.setdefault(e["props"]["key"], []).append(e["props"])
        touched = stale | set(new_by_key)
        if not touched:
            return
        for k in stale:
            self._cache.pop(k, None)
            if self._seen_keys is not None:
                self._seen_keys.discard(k)
        to_read = []
        for k in touched:
            if k in self._cache:
                self._cache.move_to_end(k)
                for p in new_by_key.get(k, ()):
                    self._cache[k].add(p["doc_id"], p["sentence_id"], p.get("confidence"), p.get("hedged", False),
                                       p.get("date"), p.get("role"), p.get("since"))
            elif k not in stale and self._seen_keys is not None and k not in self._seen_keys:
                agg = _Agg()  # the graph had no evidence when this run began: the batch holds all of it
                for p in new_by_key[k]:
                    agg.add(p["doc_id"], p["sentence_id"], p.get("confidence"), p.get("hedged", False), p.get("date"), p.get("role"), p.get("since"))
                self._remember(k, agg)
            else:
                to_read.append(k)
        read: dict[str, _Agg] = {}
        key_list = sorted(to_read)
        for i in range(0, len(key_list), self.batch_rows):
            for r in self.store.run(Q_EVIDENCE_FOR_KEYS, {"keys": key_list[i : i + self.batch_rows]}):
                read.setdefault(r["key"], _Agg()).add(r["doc_id"], r["sentence_id"], r["confidence"], bool(r["hedged"]),
                                                      r["date"], r["role"], r["since"])
        for k, agg in read.items():
            self._remember(k, agg)
        self._dirty |= touched

    def _flush(self) -> None:
        """Write the aggregates of all dirty keys, then clear `pending` on the documents that fed them."""
        self._batches = 0
        if not self._dirty and not self._unflushed:
            return
        missing = sorted(k for k in self._dirty if k not in self._cache)  # evicted or without evidence
        read: dict[str, _Agg] = {}
        for i in range(0, len(missing), self.batch_rows):
            for r in self.store.run(Q_EVIDENCE_FOR_KEYS, {"keys": missing[i : i + self.batch_rows]}):
                read.setdefault(r["key"], _Agg()).add(r["doc_id"], r["sentence_id"], r["confidence"], bool(r["hedged"]),
                                                      r["date"], r["role"], r["since"])
        set_rows: dict[str, list[dict[str, Any]]] = {}
        del_rows: dict[str, list[dict[str, Any]]] = {}
        for key in sorted(self._dirty):
            s, rel, o = key.split("|")
            if rel not in RELATIONS:
                continue
            agg = self._cache.get(key) or read.get(key)
            if agg is None:
                del_rows.setdefault(rel, []).append({"s": s, "o": o})
                continue
            set_rows.setdefault(rel, []).append({"s": s, "o": o, "props": agg.props(rel)})
        for rel, rows in set_rows.items():
            self.store.write_batches(Q_SET_EDGE.replace("{rel}", rel), rows, self.batch_rows)
            self.stats.edges_written += len(rows)
        for rel, rows in del_rows.items():
            self.store.write_batches(Q_DELETE_EDGE.replace("{rel}", rel), rows, self.batch_rows)
            self.stats.edges_deleted += len(rows)
        if del_rows:  # an actor whose last edge went with a replaced document leaves the graph with it
            ids = sorted({x for rows in del_rows.values() for r in rows for x in (r["s"], r["o"])})
            self.store.write_batches(Q_DELETE_ORPHANS, ({"id": i} for i in ids), self.batch_rows)
        self.store.write_batches(Q_CLEAR_PENDING, ({"id": d} for d in self._unflushed), self.batch_rows)
        self._dirty.clear()
        self._unflushed.clear()

    def _remember(self, key: str, agg: _Agg) -> None:
        self._cache[key] = agg
        if self._seen_keys is not None:
            self._seen_keys.add(key)
        while len(self._cache) > self._cache_keys:
            self._cache.popitem(last=False)  # evicted keys are read back from the store when touched again


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
