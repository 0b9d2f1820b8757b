"""The whole path in one call: files -> documents -> triples -> store.

The CLI's `build` is this function plus output. Bad inputs are collected as
`problems` (file/line and reason) while every good document is still loaded.

Incremental: each document's hash (its text and the model name) is compared
with the one committed on its :Document node before any extraction, so a
daily re-run over a big folder only reads the unchanged files. The loader
writes the hash last, so a run killed at any point resumes where it stopped.

Parallel: with `workers > 1` documents are extracted by a pool of processes,
each with its own classifier; results come back in document order and at
most a few chunks are in flight, so memory stays flat.
"""

from __future__ import annotations

import os
from collections import deque
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterable, Iterator

from graph_loader.actors.registry import Registry
from graph_loader.errors import InputError
from graph_loader.extract import Extractor, ExtractStats
from graph_loader.load import Loader, text_hash
from graph_loader.model import Document, Triple
from graph_loader.relations.base import RelationClassifier
from graph_loader.text.reader import read_documents

CHUNK_DOCS = 16  # documents per task sent to a worker


@dataclass
class BuildResult:
    documents: int = 0
    sentences: int = 0
    mentions: int = 0
    triples: int = 0
    actors: int = 0
    unchanged: int = 0  # documents skipped: the same text was already committed with the same model
    problems: list[InputError] = field(default_factory=list)


@dataclass(frozen=True)
class WorkerSpec:
    """What a worker process needs to build its own extractor (classifiers are not shared across processes)."""

    model: str | None = None
    device: str | None = None
    actors: tuple[str, ...] = ()
    batch_size: int = 256
    overlay_dir: str | None = None  # the user's actors.jsonl and decisions (aliases, renames) apply in workers too
    graph: str | None = None


def build(
    paths: Iterable[str | os.PathLike[str]],
    store,
    classifier: RelationClassifier,
    registry: Registry,
    progress: Callable[..., None] | None = None,
    batch_size: int = 256,
    workers: int = 1,
    spec: WorkerSpec | None = None,
) -> BuildResult:
    result = BuildResult()
    loader = Loader(store, registry)
    model_name = classifier.name
    with store.write_lock():
        docs = read_documents(paths, result.problems.append)
        changed = _changed_only(docs, loader, model_name, result)
        stats = ExtractStats()
        pairs = extract_documents(changed, classifier, registry, batch_size, workers, spec, stats)

        def counted() -> Iterable[tuple[Document, list[Triple], str]]:
            for doc, triples in pairs:
                yield doc, triples, text_hash(doc.text, model_name)
                if progress:
                    progress(documents=1, triples=len(triples))

        loader.load_documents(counted())
        from graph_loader.actors.decisions import reapply

        reapply(store, registry)  # analysts' merges/rejects/aliases survive re-extraction
    result.documents, result.sentences, result.mentions = stats.documents, stats.sentences, stats.mentions
    result.triples, result.actors = stats.triples, len(stats.actors)
    return result


def _changed_only(docs: Iterable[Document], loader: Loader, model_name: str, result: BuildResult,
                  chunk: int = 200) -> Iterator[Document]:
    """Drop documents whose committed hash equals their current one, looking hashes up per chunk."""
    buf: list[Document] = []

    def flush() -> Iterator[Document]:
        known = loader.known_hashes([d.id for d in buf])
        for d in buf:
            if known.get(d.id) is not None and known[d.id] == text_hash(d.text, model_name):
                result.unchanged += 1
            else:
                yield d
        buf.clear()

    for d in docs:
        buf.append(d)
        if len(buf) >= chunk:
            yield from flush()
    if buf:
        yield from flush()


def extract_documents(
    docs: Iterable[Document],
    classifier: RelationClassifier | None,
    registry: Registry | None,
    batch_size: int = 256,
    workers: int = 1,
    spec: WorkerSpec | None = None,
    stats: ExtractStats | None = None,
) -> Iterator[tuple[Document, list[Triple]]]:
    """(document, its triples) in input order, documents without triples included; `stats` is filled in."""
    stats = stats if stats is not None else ExtractStats()
    if workers <= 1:
        assert classifier is not None
        extractor = Extractor(classifier, registry, batch_size=batch_size)
        extractor.stats = stats
        yield from _serial(extractor, docs)
        return
    yield from _parallel(docs, workers, spec or WorkerSpec(batch_size=batch_size), stats)


def _serial(extractor: Extractor, docs: Iterable[Document]) -> Iterator[tuple[Document, list[Triple]]]:
    ready: deque[tuple[Document, list[Triple]]] = deque()
    for _ in extractor.extract(docs, on_document=lambda d, ts: ready.append((d, ts))):
        while ready:
            yield ready.popleft()
    while ready:  # the stream is exhausted: documents with no triples were reported through on_document too
        yield ready.popleft()


# -- worker processes ----------------------------------------------------------

_WORKER: Extractor | None = None


def _init_worker(spec: WorkerSpec, threads: int) -> None:
    global _WORKER
    os.environ.setdefault("OMP_NUM_THREADS", str(threads))
    if spec.model != "lexicon":  # torch costs ~200 MB a process; the lexicon never needs it
        try:
            import torch

            torch.set_num_threads(threads)  # N workers share the cores instead of each taking all
        except ImportError:  # pragma: no cover
            pass
    from graph_loader.relations.select import get_classifier

    _WORKER = Extractor(get_classifier(spec.model, spec.device), Registry.load(spec.actors, overlay_dir=spec.overlay_dir, graph=spec.graph),
                        batch_size=spec.batch_size)


def _extract_chunk(docs: list[Document]) -> tuple[list[tuple[Document, list[Triple]]], dict[str, Any]]:
    assert _WORKER is not None
    _WORKER.stats = ExtractStats()
    out = [(_without_text(d), ts) for d, ts in _serial(_WORKER, docs)]
    s = _WORKER.stats
    return out, {"documents": s.documents, "sentences": s.sentences, "mentions": s.mentions,
                 "candidates": s.candidates, "triples": s.triples, "actors": s.actors}


def _without_text(d: Document) -> Document:
    """The loader needs no text back from a worker; keeping it out halves the pickling."""
    return replace(d, text="")


def _parallel(docs: Iterable[Document], workers: int, spec: WorkerSpec, stats: ExtractStats
              ) -> Iterator[tuple[Document, list[Triple]]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    threads = max(1, (os.cpu_count() or 1) // workers)
    ctx = multiprocessing.get_context("spawn")  # torch and fork do not mix
    in_flight: deque = deque()
    max_in_flight = workers * 2

    def collect(item) -> Iterator[tuple[Document, list[Triple]]]:
        future, texts = item
        pairs, s = future.result()
        stats.documents += s["documents"]
        stats.sentences += s["sentences"]
        stats.mentions += s["mentions"]
        stats.candidates += s["candidates"]
        stats.triples += s["triples"]
        stats.actors.update(s["actors"])
        for (d, ts), text in zip(pairs, texts):
            yield replace(d, text=text), ts  # the caller hashes the text

    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker, initargs=(spec, threads)) as pool:
        chunk: list[Document] = []
        for d in docs:
            chunk.append(d)
            if len(chunk) >= CHUNK_DOCS:
                in_flight.append((pool.submit(_extract_chunk, chunk), [c.text for c in chunk]))
                chunk = []
                while len(in_flight) >= max_in_flight:
                    yield from collect(in_flight.popleft())
        if chunk:
            in_flight.append((pool.submit(_extract_chunk, chunk), [c.text for c in chunk]))
        while in_flight:
            yield from collect(in_flight.popleft())
