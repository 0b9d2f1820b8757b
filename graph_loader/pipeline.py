"""The whole path in one call: files -> documents -> triples -> store.

The CLI's `build` is this function plus output. Bad inputs are collected as
`problems` (file/line and reason) while every good document is still loaded.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Callable, Iterable

from graph_loader.actors.registry import Registry
from graph_loader.errors import InputError
from graph_loader.extract import Extractor
from graph_loader.load import Loader
from graph_loader.model import Document, Triple
from graph_loader.relations.base import RelationClassifier
from graph_loader.text.reader import read_documents


@dataclass
class BuildResult:
    documents: int = 0
    sentences: int = 0
    mentions: int = 0
    triples: int = 0
    actors: int = 0
    problems: list[InputError] = field(default_factory=list)


def build(
    paths: Iterable[str | os.PathLike[str]],
    store,
    classifier: RelationClassifier,
    registry: Registry,
    progress: Callable[..., None] | None = None,
    batch_size: int = 256,
) -> BuildResult:
    result = BuildResult()
    extractor = Extractor(classifier, registry, batch_size=batch_size)
    loader = Loader(store, registry)

    def counted() -> Iterable[tuple[Document, list[Triple]]]:
        for doc, triples in _each_document(extractor, paths, result):
            yield doc, triples
            if progress:
                progress(documents=1, triples=len(triples))

    loader.load_documents(counted())
    from graph_loader.actors.decisions import reapply

    reapply(store, registry)  # analysts' merges/rejects survive re-extraction
    s = extractor.stats
    result.documents, result.sentences, result.mentions = s.documents, s.sentences, s.mentions
    result.triples, result.actors = s.triples, len(s.actors)
    return result


def _each_document(extractor: Extractor, paths, result: BuildResult) -> Iterable[tuple[Document, list[Triple]]]:
    """(document, triples) as soon as each document is fully classified, documents without triples included."""
    ready: list[tuple[Document, list[Triple]]] = []
    docs = read_documents(paths, result.problems.append)
    stream = extractor.extract(docs, on_document=lambda d, ts: ready.append((d, ts)))
    for _ in stream:
        while ready:
            yield ready.pop(0)
    # the stream is exhausted: documents with no triples were reported through on_document too
    while ready:
        yield ready.pop(0)
