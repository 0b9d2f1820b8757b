"""Documents -> triples, streaming, in batches the classifier can chew.

Per document: sentences, then mentions (with a coreference context that never
leaves the document), then every pair of distinct actors in a sentence becomes
a candidate. Candidates from many sentences are classified together (one batch
of up to `batch_size` pairs), so the transformer runs on full batches while
memory stays bounded by one batch plus one document.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from graph_loader.actors.mentions import DocumentContext, MentionFinder
from graph_loader.actors.registry import Registry
from graph_loader.model import RELATIONS, ActorRef, ActorType, Document, Mention, Sentence, Triple
from graph_loader.relations.base import NONE_LABEL, PairInput, Prediction, RelationClassifier, Span
from graph_loader.relations.inference import (
    TITLE_CONFIDENCE, affiliation_against_title, complete_meetings, relation_with_own_body, title_affiliations,
    visit_to_adjective,
)
from graph_loader.text.dates import find_start_date
from graph_loader.text.sentences import split_sentences

MAX_MENTIONS_PER_SENTENCE = 12

# Which actor types a relation may join (subject types, object types). A pair
# outside these is dropped: it is a model error whatever the confidence.
_ANY = frozenset(ActorType)
_AGENTS = frozenset({ActorType.PERSON, ActorType.ORGANIZATION, ActorType.STATE, ActorType.PLACE})
TYPE_CONSTRAINTS: dict[str, tuple[frozenset[ActorType], frozenset[ActorType]]] = {
    "VISITED": (_AGENTS, frozenset({ActorType.PLACE, ActorType.STATE, ActorType.ORGANIZATION})),
    "AFFILIATED_WITH": (frozenset({ActorType.PERSON}), frozenset({ActorType.ORGANIZATION, ActorType.STATE})),
    "RELATIVE_OF": (frozenset({ActorType.PERSON}), frozenset({ActorType.PERSON})),
    "APPOINTED": (_AGENTS, frozenset({ActorType.PERSON})),
}


@dataclass
class _Candidate:
    doc: Document
    sentence: Sentence
    first: Mention
    second: Mention


@dataclass
class ExtractStats:
    documents: int = 0
    sentences: int = 0
    mentions: int = 0
    candidates: int = 0
    triples: int = 0
    actors: set[str] = field(default_factory=set)


class Extractor:
    def __init__(
        self,
        classifier: RelationClassifier,
        registry: Registry | None = None,
        batch_size: int = 256,
        min_confidence: float = 0.0,
    ):
        self.classifier = classifier
        self.registry = registry or Registry.load()
        self.finder = MentionFinder(self.registry)
        self.batch_size = batch_size
        self.min_confidence = min_confidence
        self.stats = ExtractStats()
        self._title_triples: dict[int, list[Triple]] = {}  # per document (by id()), until its batch is flushed

    def mentions(self, doc: Document) -> Iterator[tuple[Sentence, list[Mention]]]:
        context = DocumentContext()
        for sentence in split_sentences(doc):
            yield sentence, self.finder.find(sentence.text, context)

    def candidates(self, doc: Document) -> Iterator[_Candidate]:
        self.stats.documents += 1
        for sentence, mentions in self.mentions(doc):
            self.stats.sentences += 1
            self.stats.mentions += len(mentions)
            self.stats.actors.update(m.actor_id for m in mentions)
            for person, org, role in title_affiliations(mentions):
                t = self._triple(doc, sentence, person, org, "AFFILIATED_WITH", TITLE_CONFIDENCE, None, "title", role)
                self._title_triples.setdefault(id(doc), []).append(t)
            for first, second in _pairs(mentions[:MAX_MENTIONS_PER_SENTENCE]):
                yield _Candidate(doc, sentence, first, second)

    def extract(
        self, documents: Iterable[Document], on_document: Callable[[Document, list[Triple]], None] | None = None
    ) -> Iterator[Triple]:
        """Triples of each document, in document order.

        A document's triples are yielded together once all its candidates are
        classified, so a consumer can commit per document (crash safety).
        """
        pending: list[_Candidate] = []
        done_docs: list[tuple[Document, int]] = []  # documents whose candidates are all queued, with count
        results: dict[int, list[Triple]] = {}
        for doc in documents:
            n = 0
            for cand in self.candidates(doc):
                pending.append(cand)
                n += 1
            done_docs.append((doc, n))
            if len(pending) >= self.batch_size:
                yield from self._flush(pending, done_docs, on_document)
                pending = []
        yield from self._flush(pending, done_docs, on_document)

    def _flush(self, pending: list[_Candidate], done_docs: list[tuple[Document, int]], on_document) -> Iterator[Triple]:
        predictions = self.classifier.predict([_pair_input(c) for c in pending]) if pending else []
        self.stats.candidates += len(pending)
        by_doc: dict[int, list[Triple]] = {}
        for cand, pred in zip(pending, predictions):
            triple = self._to_triple(cand, pred)
            if triple is not None:
                by_doc.setdefault(id(cand.doc), []).append(triple)
        for doc, _ in done_docs:
            found = by_doc.get(id(doc), []) + self._title_triples.pop(id(doc), [])
            triples = _dedupe(_per_sentence(found, complete_meetings))
            self.stats.triples += len(triples)
            if on_document is not None:
                on_document(doc, triples)
            yield from triples
        done_docs.clear()

    def _to_triple(self, cand: _Candidate, pred: Prediction) -> Triple | None:
        if pred.label == NONE_LABEL or pred.label not in RELATIONS or pred.confidence < self.min_confidence:
            return None
        subj, obj = (cand.first, cand.second) if pred.forward or RELATIONS[pred.label].symmetric else (cand.second, cand.first)
        allowed = TYPE_CONSTRAINTS.get(pred.label)
        if allowed and (subj.type not in allowed[0] or obj.type not in allowed[1]):
            return None
        if pred.label == "AFFILIATED_WITH" and affiliation_against_title(subj, obj, pred.confidence):
            return None
        if relation_with_own_body(subj, obj, pred.label):
            return None
        if pred.label == "VISITED" and visit_to_adjective(obj, self.registry):
            return None
        return self._triple(cand.doc, cand.sentence, subj, obj, pred.label, pred.confidence, pred.hedged, pred.cue,
                            subj.role if pred.label == "AFFILIATED_WITH" else None)

    def _triple(self, doc: Document, sentence: Sentence, subj: Mention, obj: Mention, relation: str,
                confidence: float, hedged: bool | None, cue: str | None, role: str | None) -> Triple:
        if RELATIONS[relation].symmetric and obj.actor_id < subj.actor_id:
            subj, obj = obj, subj
        return Triple(
            doc_id=doc.id,
            sentence_index=sentence.index,
            sentence=sentence.text,
            subject=self._ref(subj),
            relation=relation,
            object=self._ref(obj),
            confidence=confidence,
            extractor=self.classifier.name,
            sentence_start=sentence.start,
            date=doc.date,
            hedged=bool(hedged),
            cue=cue,
            role=role,
            since=find_start_date(sentence.text, doc.date) if relation == "AFFILIATED_WITH" else None,
            title=doc.title,
            url=doc.url,
        )

    def _ref(self, m: Mention) -> ActorRef:
        actor = self.registry.actors.get(m.actor_id)
        return ActorRef(
            id=m.actor_id, name=m.name, type=m.type.value, mention=m.text, start=m.start, end=m.end,
            name_en=(actor.name_en if actor else None),
        )


def _pairs(mentions: list[Mention]) -> Iterator[tuple[Mention, Mention]]:
    """Each unordered pair of distinct actors once, using their closest mentions."""
    best: dict[tuple[str, str], tuple[int, Mention, Mention]] = {}
    for a, b in itertools.combinations(mentions, 2):
        if a.actor_id == b.actor_id:
            continue
        key = tuple(sorted((a.actor_id, b.actor_id)))
        gap = b.start - a.end
        if key not in best or gap < best[key][0]:
            best[key] = (gap, a, b)
    for _, a, b in sorted(best.values(), key=lambda t: (t[1].start, t[2].start)):
        yield a, b


def _pair_input(c: _Candidate) -> PairInput:
    return PairInput(
        sentence=c.sentence.text,
        first=Span(c.first.start, c.first.end, c.first.type.value),
        second=Span(c.second.start, c.second.end, c.second.type.value),
    )


def _per_sentence(triples: list[Triple], rule) -> list[Triple]:
    by_sentence: dict[int, list[Triple]] = {}
    for t in triples:
        by_sentence.setdefault(t.sentence_index, []).append(t)
    return [t for group in by_sentence.values() for t in rule(group)]


def _dedupe(triples: list[Triple]) -> list[Triple]:
    """One triple per (sentence, key): the most confident."""
    best: dict[tuple, Triple] = {}
    for t in triples:
        k = (t.sentence_index, t.key)
        if k not in best or t.confidence > best[k].confidence:
            best[k] = t
    return list(best.values())
