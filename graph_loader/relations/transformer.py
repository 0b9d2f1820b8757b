"""The transformer relation classifier: a small BERT encoder reading marked pairs.

Each candidate pair is shown to the encoder as the sentence with typed entity
markers around the two mentions ("[E1:PERSON] خالد حفتر [/E1] ... [E2:STATE]
مصر [/E2]"), and the relation is read from the hidden states of the two
opening markers (the "entity start" representation, which beats the [CLS]
vector for relation classification because it knows which span is which).
Labels encode type and direction together (see dataset.label_scheme).

torch and transformers are imported inside functions only: commands that do
not extract (stats, report, export, db) import this package without paying for
torch. Nothing here ever reaches the network.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from graph_loader.errors import ModelError
from graph_loader.model import RELATIONS, ActorType
from graph_loader.relations.base import NONE_LABEL, PairInput, Prediction
from graph_loader.relations.dataset import decode_label, relation_of
from graph_loader.relations.tokenizer import PREPROCESS_ID, normalize_text, prepare_text

DEFAULT_MODEL_NAME = "ag-rel-small"
LABELS_FILE = "labels.json"
THRESHOLDS_FILE = "thresholds.json"
HEAD_FILE = "head.safetensors"
CONTEXT_WORDS = 16  # words kept before the first and after the second mention
MIDDLE_WORDS = 60  # words kept between the mentions (half from each end)


def marker_tokens() -> list[str]:
    """The entity-marker vocabulary: one opening marker per actor type and slot, one closing per slot."""
    types = [t.value for t in ActorType]
    return [f"[E1:{t}]" for t in types] + ["[/E1]"] + [f"[E2:{t}]" for t in types] + ["[/E2]"]


def e1_markers() -> list[str]:
    return [m for m in marker_tokens() if m.startswith("[E1:")]


def e2_markers() -> list[str]:
    return [m for m in marker_tokens() if m.startswith("[E2:")]


def _crop_words(text: str, keep: int, from_end: bool) -> str:
    words = text.split()
    if len(words) <= keep:
        return text.strip()
    return " ".join(words[-keep:] if from_end else words[:keep])


def _crop_middle(text: str, keep: int) -> str:
    words = text.split()
    if len(words) <= keep:
        return text.strip()
    half = keep // 2
    return " ".join(words[:half] + ["…"] + words[-half:])


def marked_text(
    sentence: str,
    first: Any,
    second: Any,
    prepare: bool,
    mask_first: bool = False,
    mask_second: bool = False,
    mask_token: str = "[MASK]",
    word_dropout: float = 0.0,
    rng: Any = None,
) -> str:
    """The string the encoder reads for one pair: context cropped, markers inserted.

    Cropping is by words, before tokenisation, so that the markers always
    survive truncation. Masking replaces a mention's words (training-time
    augmentation that teaches the model to read the context, not the names);
    word dropout deletes context words at random, so that no single template
    word becomes a crutch.
    """
    pieces = [
        sentence[: first.start],
        sentence[first.start : first.end],
        sentence[first.end : second.start],
        sentence[second.start : second.end],
        sentence[second.end :],
    ]
    if prepare:
        pieces = [prepare_text(p) for p in pieces]
    if word_dropout and rng is not None:  # training-time noise on the context, never on the mentions
        for k in (0, 2, 4):
            pieces[k] = " ".join(w for w in pieces[k].split() if rng.random() >= word_dropout)
    before = _crop_words(pieces[0], CONTEXT_WORDS, from_end=True)
    middle = _crop_middle(pieces[2], MIDDLE_WORDS)
    after = _crop_words(pieces[4], CONTEXT_WORDS, from_end=False)
    m1 = mask_token if mask_first else pieces[1].strip()
    m2 = mask_token if mask_second else pieces[3].strip()
    return (
        f"{before} [E1:{first.type}] {m1} [/E1] {middle} [E2:{second.type}] {m2} [/E2] {after}".strip()
    )


# ---------------------------------------------------------------- hedges and cues

_HEDGE_CUES = [
    "مزعوم", "مزعومه", "المزعوم", "المزعومه", "مزاعم", "بحسب تقارير", "وفق تقارير", "وفقا لتقارير",
    "حسب تقارير", "تقارير اعلاميه", "يعتقد", "يعتقد ان", "يشتبه", "يزعم", "زعم", "زعمت", "يرجح",
    "غير مؤكد", "غير مؤكده", "لم يتسن التاكد", "لم يتم التاكد", "انباء عن", "انباء غير", "شائعات",
    "تردد ان", "ترددت", "يقال", "قيل ان", "ربما", "مصادر مطلعه", "مصادر لم", "وفق مصادر", "بحسب مصادر",
    "حسب انباء", "بحسب انباء", "وفق ما تردد", "وفق ما يتردد", "ما يتردد", "تتحدث تقارير", "تشير انباء", "تشير تقارير",
]
_HEDGE_RE = re.compile(
    r"(?<![\w])[وف]?(?:" + "|".join(re.escape(c) for c in sorted(set(_HEDGE_CUES), key=len, reverse=True)) + r")(?![\w])"
)

# stems (folded) of the words that usually carry each relation; for the `cue` field only
_CUE_STEMS: dict[str, tuple[str, ...]] = {
    "MET_WITH": ("اجتمع", "اجتماع", "التقي", "التقت", "لقاء", "لقائه", "لقائها", "استقبل", "استقبال", "بحث", "بحثا",
                 "محادثات", "مباحثات", "اتصال", "اتصالا", "مكالمه", "قمه", "مشاورات", "يلتقي", "تلتقي", "اجتماعا"),
    "VISITED": ("زار", "زارت", "زياره", "وصل", "وصلت", "يزور", "تزور", "وصول", "جوله"),
    "MEDIATED": ("برعايه", "رعايه", "استضاف", "استضافت", "وساطه", "توسط", "توسطت", "يستضيف", "تستضيف"),
    "COOPERATES_WITH": ("اتفق", "اتفقا", "اتفاق", "اتفاقيه", "تعاون", "التعاون", "تنسيق", "التنسيق", "شراكه", "مشتركه",
                        "تحالف", "مذكره", "وقع", "وقعا", "توقيع"),
    "SUPPORTS": ("اشاد", "اشادت", "دعم", "دعمه", "يدعم", "تدعم", "هنا", "هنات", "تهنئه", "تاييد", "ايد", "ايدت", "شكر",
                 "ثمن", "ثمنت", "رحب", "رحبت", "ساند"),
    "OPPOSES": ("رفض", "رفضت", "انتقد", "انتقدت", "اتهم", "اتهمت", "احتجاج", "هدد", "هددت", "هاجم", "هاجمت", "ادان",
                "ادانت", "استنكر", "استنكرت", "ندد", "نددت", "تصدي", "حمل", "حملت", "طالب"),
    "RIVAL_OF": ("تنافس", "صراع", "خلاف", "خلافات", "نزاع", "اقتتال", "اشتباكات", "مواجهات", "منافس", "غريم"),
    "APPOINTED": ("عين", "عينت", "تعيين", "كلف", "كلفت", "تكليف", "ترقيه", "رقي", "قرار", "اصدر", "قرارا"),
    "AFFILIATED_WITH": ("رئيس", "قائد", "سفير", "عضو", "وزير", "وزيره", "مدير", "امر", "ناطق", "المتحدث", "متحدث",
                        "مبعوث", "ممثل", "نائب", "رئيسه", "قائدا"),
    "RELATIVE_OF": ("نجل", "ابن", "اخ", "شقيق", "شقيقه", "ابنه", "والد", "زوج", "زوجه", "عم", "خال", "صهر", "نجله"),
}
_WORD = re.compile(r"[^\s\"'«»“”()\[\]،,.:؛;!?؟]+")


def hedge_cue(sentence: str) -> str | None:
    """The hedging phrase of a sentence (folded form), if it reports something as alleged."""
    m = _HEDGE_RE.search(normalize_text(sentence))
    return m.group(0) if m else None


def _strip_proclitics(word: str) -> list[str]:
    out = [word]
    for p in ("و", "ف", "ب", "ل", "ك"):
        if word.startswith(p) and len(word) > 3:
            out.append(word[1:])
    for w in list(out):
        if w.startswith("ال") and len(w) > 4:
            out.append(w[2:])
    return out


def find_cue(sentence: str, first: Any, second: Any, relation: str) -> str | None:
    """The cue word nearest the pair (inside it preferred), as written in the sentence."""
    stems = _CUE_STEMS.get(relation)
    if not stems:
        return None
    best: tuple[int, str] | None = None
    for m in _WORD.finditer(sentence):
        if first.start <= m.start() < first.end or second.start <= m.start() < second.end:
            continue
        folded = normalize_text(m.group(0))
        if not any(form == s or (len(s) >= 4 and form.startswith(s)) for form in _strip_proclitics(folded) for s in stems):
            continue
        if first.end <= m.start() < second.start:
            dist = 0
        elif m.start() < first.start:
            dist = first.start - m.end()
        else:
            dist = m.start() - second.end
        if best is None or dist < best[0]:
            best = (dist, m.group(0))
    return best[1] if best else None


# ---------------------------------------------------------------- the model

_MODEL_CLASS: Any = None


def model_class() -> Any:
    """The nn.Module class (built on first use so that importing this module never imports torch)."""
    global _MODEL_CLASS
    if _MODEL_CLASS is not None:
        return _MODEL_CLASS
    import torch
    from torch import nn

    class MarkerRelationModel(nn.Module):
        """Encoder + linear head over the concatenated [E1:*] and [E2:*] marker states."""

        def __init__(self, encoder: Any, num_labels: int, dropout: float = 0.1):
            super().__init__()
            self.encoder = encoder
            hidden = int(encoder.config.hidden_size)
            self.dropout = nn.Dropout(dropout)
            self.head = nn.Linear(2 * hidden, num_labels)
            # is the relation reported as alleged? Learnt per pair, because a hedge
            # ("بحسب تقارير") often covers one clause of a sentence and not the next
            self.hedge = nn.Linear(2 * hidden, 1)

        def forward(self, input_ids: Any, attention_mask: Any, e1_pos: Any, e2_pos: Any) -> tuple[Any, Any]:
            """(relation logits, hedge logit) per row."""
            states = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            rows = torch.arange(states.size(0), device=states.device)
            pair = self.dropout(torch.cat([states[rows, e1_pos], states[rows, e2_pos]], dim=-1))
            return self.head(pair), self.hedge(pair).squeeze(-1)

    _MODEL_CLASS = MarkerRelationModel
    return _MODEL_CLASS


def marker_positions(input_ids: Sequence[int], e1_ids: set[int], e2_ids: set[int]) -> tuple[int, int]:
    """Indices of the opening markers (0 = [CLS] if truncation ate one, which cropping prevents)."""
    p1 = next((k for k, t in enumerate(input_ids) if t in e1_ids), 0)
    p2 = next((k for k, t in enumerate(input_ids) if t in e2_ids), 0)
    return p1, p2


@dataclass
class ModelMeta:
    """What labels.json records: everything needed to turn logits back into predictions."""

    labels: list[str]
    markers: list[str]
    preprocess: str | None
    max_length: int
    temperature: float = 1.0
    name: str = DEFAULT_MODEL_NAME
    version: str = "0"
    thresholds: dict[str, float] = field(default_factory=dict)

    def to_labels_json(self) -> dict[str, Any]:
        return {
            "labels": self.labels, "markers": self.markers, "preprocess": self.preprocess,
            "max_length": self.max_length, "temperature": self.temperature, "name": self.name, "version": self.version,
        }


def read_meta(path: Path) -> ModelMeta:
    try:
        d = json.loads((path / LABELS_FILE).read_text(encoding="utf-8"))
        thr = json.loads((path / THRESHOLDS_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ModelError(f"{path}: not a relation model directory (missing {Path(exc.filename).name})") from None
    except json.JSONDecodeError as exc:
        raise ModelError(f"{path}: broken model metadata ({exc.msg})") from None
    return ModelMeta(
        labels=list(d["labels"]), markers=list(d["markers"]), preprocess=d.get("preprocess"),
        max_length=int(d.get("max_length", 256)), temperature=float(d.get("temperature", 1.0)),
        name=str(d.get("name", DEFAULT_MODEL_NAME)), version=str(d.get("version", "0")),
        thresholds={k: float(v) for k, v in thr.get("thresholds", thr).items()},
    )


def quiet_transformers() -> None:
    """No download, no progress bars, no advisory warnings on the user's terminal.

    Also asks OpenMP to sleep rather than spin while waiting: on a machine that
    is busy with other work, spinning threads make torch several times slower
    (measured: 2-thread matmul 5.6 → 33 GFLOPS under load). Only effective if
    torch is not imported yet, which is why torch is imported after this call.
    """
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()


def _threads() -> int:
    env = os.environ.get("ACTORGRAPH_THREADS")
    if env and env.isdigit() and int(env) > 0:
        return int(env)
    return max(1, min(os.cpu_count() or 1, 8))


class TransformerRelationClassifier:
    """RelationClassifier over a saved model directory (see train.save_model for its layout)."""

    def __init__(self, path: str | Path, batch_size: int = 64):
        self.path = Path(path)
        self.meta = read_meta(self.path)
        self.name = f"{self.meta.name}@{self.meta.version}"
        self.batch_size = batch_size
        self._load()

    def _load(self) -> None:
        quiet_transformers()
        import torch
        from safetensors.torch import load_file
        from transformers import AutoModel, AutoTokenizer

        if not os.environ.get("OMP_NUM_THREADS"):
            torch.set_num_threads(_threads())
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(str(self.path), local_files_only=True)
            encoder = AutoModel.from_pretrained(str(self.path), local_files_only=True)
        except (OSError, ValueError) as exc:
            raise ModelError(f"{self.path}: cannot load the encoder or tokenizer ({exc})") from None
        self.model = model_class()(encoder, len(self.meta.labels))
        heads = load_file(str(self.path / HEAD_FILE))
        for name in ("head", "hedge"):
            part = {k.removeprefix(name + "."): v for k, v in heads.items() if k.startswith(name + ".")}
            if part:
                getattr(self.model, name).load_state_dict(part)
        self._learnt_hedge = any(k.startswith("hedge.") for k in heads)
        self.model.eval()
        self._e1 = set(self.tokenizer.convert_tokens_to_ids(e1_markers()))
        self._e2 = set(self.tokenizer.convert_tokens_to_ids(e2_markers()))
        self._prepare = self.meta.preprocess == PREPROCESS_ID
        self._none = self.meta.labels.index(NONE_LABEL)

    def encode(self, pairs: Sequence[PairInput]) -> list[list[int]]:
        texts = [marked_text(p.sentence, p.first, p.second, self._prepare) for p in pairs]
        enc = self.tokenizer(texts, truncation=True, max_length=self.meta.max_length)
        return list(enc["input_ids"])

    def probabilities(self, pairs: Sequence[PairInput]) -> tuple[list[list[float]], list[float]]:
        """Calibrated label probabilities and hedge probability per pair, in input order.

        Batches go shortest first so that padding stays small.
        """
        import torch

        ids = self.encode(pairs)
        order = sorted(range(len(ids)), key=lambda k: len(ids[k]))
        out: list[list[float]] = [[] for _ in ids]
        hedge: list[float] = [0.0 for _ in ids]
        pad = int(self.tokenizer.pad_token_id or 0)
        with torch.inference_mode():
            for b in range(0, len(order), self.batch_size):
                chunk = order[b : b + self.batch_size]
                width = max(len(ids[k]) for k in chunk)
                x = torch.full((len(chunk), width), pad, dtype=torch.long)
                mask = torch.zeros((len(chunk), width), dtype=torch.long)
                pos1, pos2 = [], []
                for r, k in enumerate(chunk):
                    x[r, : len(ids[k])] = torch.tensor(ids[k])
                    mask[r, : len(ids[k])] = 1
                    p1, p2 = marker_positions(ids[k], self._e1, self._e2)
                    pos1.append(p1)
                    pos2.append(p2)
                logits, hedge_logits = self.model(x, mask, torch.tensor(pos1), torch.tensor(pos2))
                probs = torch.softmax(logits / self.meta.temperature, dim=-1).tolist()
                hedged = torch.sigmoid(hedge_logits).tolist()
                for r, k in enumerate(chunk):
                    out[k] = probs[r]
                    hedge[k] = hedged[r]
        return out, hedge

    def predict(self, pairs: Sequence[PairInput]) -> list[Prediction]:
        if not pairs:
            return []
        probs, hedge = self.probabilities(pairs)
        return [self._decide(p, pr, h) for p, pr, h in zip(pairs, probs, hedge)]

    def _decide(self, pair: PairInput, probs: list[float], hedge_prob: float) -> Prediction:
        label, confidence = decide(probs, self.meta.labels, self.meta.thresholds)
        if label == NONE_LABEL:
            return Prediction(NONE_LABEL, True, confidence)
        relation, forward = decode_label(label)
        hedged = hedge_prob >= 0.5 if self._learnt_hedge else hedge_cue(pair.sentence) is not None
        return Prediction(
            relation, forward, confidence, hedged=hedged,
            cue=find_cue(pair.sentence, pair.first, pair.second, relation),
        )


def decide(probs: Sequence[float], labels: Sequence[str], thresholds: dict[str, float]) -> tuple[str, float]:
    """The label to emit: the best relation label if its type's probability clears the type threshold.

    The type's probability is the sum over its two directions, so an uncertain
    direction does not hide a confident relation; confidence is that of the
    emitted (type, direction) label, or p(NONE) for NONE.
    """
    none = labels.index(NONE_LABEL)
    best = max((k for k in range(len(labels)) if k != none), key=lambda k: probs[k])
    relation = relation_of(labels[best])
    type_prob = sum(p for k, p in enumerate(probs) if k != none and relation_of(labels[k]) == relation)
    if type_prob >= thresholds.get(relation, 0.5):
        return labels[best], float(max(probs[best], 0.0))
    return NONE_LABEL, float(probs[none])


def default_model_path() -> Path:
    """The shipped model inside the package."""
    return Path(__file__).resolve().parent.parent / "models" / DEFAULT_MODEL_NAME


def load_classifier(path: str | None = None, device: str | None = None) -> TransformerRelationClassifier:
    """The classifier in `path` (None: the shipped default); never touches the network.

    `device` is accepted for the CLI's sake; only "cpu" is supported (the
    project's machines have no GPU, and the model is sized for CPUs).
    """
    if device not in (None, "cpu"):
        raise ModelError(f"device {device!r} is not supported; the relation model runs on cpu")
    target = Path(path) if path else default_model_path()
    if not target.is_dir():
        raise ModelError(f"{target}: no such model directory")
    return TransformerRelationClassifier(target)


__all__ = ["load_classifier", "TransformerRelationClassifier", "marker_tokens", "marked_text", "RELATIONS"]
