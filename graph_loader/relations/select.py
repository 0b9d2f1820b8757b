"""Choose the relation classifier a command runs with.

Kept apart from the transformer module so that importing it costs nothing:
torch is imported only when a transformer model is actually loaded.
"""

from __future__ import annotations

import sys
from pathlib import Path

from graph_loader.errors import ModelError
from graph_loader.relations.base import RelationClassifier

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
DEFAULT_MODEL = "ag-rel-small"


def shipped_model_path() -> Path | None:
    path = MODELS_DIR / DEFAULT_MODEL
    return path if (path / "config.json").exists() else None


def get_classifier(model: str | None = None, device: str | None = None) -> RelationClassifier:
    """`None` -> the shipped transformer; "lexicon" -> the cue baseline; else a model directory."""
    if model == "lexicon":
        from graph_loader.relations.lexicon import LexiconClassifier

        return LexiconClassifier()
    if model is None and shipped_model_path() is None:
        from graph_loader.relations.lexicon import LexiconClassifier

        print("warning: no shipped relation model found; using the cue lexicon", file=sys.stderr)
        return LexiconClassifier()
    try:
        from graph_loader.relations.transformer import load_classifier
    except ImportError as exc:  # pragma: no cover - only without torch/transformers
        raise ModelError(f"the transformer model needs torch and transformers: {exc}") from None
    kwargs = {"device": device} if device else {}
    return load_classifier(model, **kwargs)
