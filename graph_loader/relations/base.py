"""What a relation classifier is: the seam between candidate pairs and triples.

extract.py builds candidate pairs of mentions in a sentence and asks a
RelationClassifier about them in batches; it never cares whether the answer
comes from the transformer or the cue lexicon.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, Sequence

NONE_LABEL = "NONE"


@dataclass(frozen=True)
class Span:
    start: int  # character offsets into PairInput.sentence
    end: int
    type: str  # PERSON | ORGANIZATION | STATE | PLACE


@dataclass(frozen=True)
class PairInput:
    """Two mentions in one sentence; `first` precedes `second` in the text."""

    sentence: str
    first: Span
    second: Span


@dataclass(frozen=True)
class Prediction:
    """The relation the sentence states between the pair, if any.

    `label` is a relation name from graph_loader.model.RELATIONS or NONE.
    `forward` is True when `first` is the subject (ignored for symmetric types).
    `confidence` is a calibrated probability in [0, 1].
    """

    label: str
    forward: bool
    confidence: float
    hedged: bool = False
    cue: str | None = None


class RelationClassifier(Protocol):
    name: str  # "model-name@version", written to each triple's `extractor`

    def predict(self, pairs: Sequence[PairInput]) -> list[Prediction]: ...
