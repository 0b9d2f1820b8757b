"""A subword tokenizer for Arabic news, trained on the project's own text.

Arabic glues conjunctions, prepositions and the article to the next word
(و+اجتمع، ب+ال+قاهرة، لل+جيش), and spells the same word with or without
diacritics, tatweel, hamza on alef, ى/ي and ة/ه. A WordPiece vocabulary learnt
on raw text would spend most of its entries on those variants and still split
an unseen "وبالعاصمة" badly. So text is first folded (`normalize_text`) and the
common proclitic clusters are split off (`segment_word`) — the same function
runs at training and at inference (`prepare_text`), and the model directory
records that it was used (`PREPROCESS_ID`), so a pretrained hub tokenizer is
never fed our segmentation by mistake.

Only `tokenizers` is needed here; transformers is imported lazily when the
tokenizer is wrapped for the model.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any, Iterable

PREPROCESS_ID = "arabic-fold-clitics-v1"

PAD, UNK, CLS, SEP, MASK = "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"
BASE_SPECIAL = [PAD, UNK, CLS, SEP, MASK]

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_TATWEEL = "\u0640"
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u061c]")
_FOLD = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", **dict(zip("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789"))}
)
# "بـخليفة"، "لـمصر": a one-letter proclitic written apart with tatweel is its own word.
_TATWEEL_CLITIC = re.compile(r"(?<![\w])([وفبلك])\u0640+")
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")

# ordered longest first; each value is the clitic tokens the prefix stands for
_ARTICLE_PREFIXES: list[tuple[str, list[str]]] = []
for conj in ("", "و", "ف"):
    for prep in ("", "ب", "ك", "ل"):
        if prep == "ل":
            _ARTICLE_PREFIXES.append((conj + "لل", [c for c in (conj,) if c] + ["ل", "ال"]))
        _ARTICLE_PREFIXES.append((conj + prep + "ال", [c for c in (conj, prep) if c] + ["ال"]))
_ARTICLE_PREFIXES.sort(key=lambda kv: -len(kv[0]))
_VERB_STARTS = set("اتين")


def normalize_text(text: str) -> str:
    """Fold spelling variants that do not change meaning for relation extraction."""
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text)
    text = _TATWEEL_CLITIC.sub(r"\1 ", text)
    text = _DIACRITICS.sub("", text).replace(_TATWEEL, "")
    return text.translate(_FOLD).lower()


def segment_word(word: str) -> list[str]:
    """Split the proclitics of one folded Arabic word.

    Splits only where the stem left is long enough to be a word: the article
    clusters (وال، بال، فبال، لل، ولل ...) and و before a verb-looking stem
    (واجتمع → و اجتمع). Other attached letters are left to WordPiece, which
    learns them as pieces anyway; over-splitting names (وزير، ليبيا) would hurt
    more than it helps.
    """
    for prefix, parts in _ARTICLE_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            return parts + [word[len(prefix) :]]
    if word.startswith("و") and len(word) >= 5 and word[1] in _VERB_STARTS:
        return ["و", word[1:]]
    return [word]


def _segment_match(m: re.Match[str]) -> str:
    return " ".join(segment_word(m.group(0)))


def prepare_text(text: str) -> str:
    """The exact string the project's tokenizer sees: folded, proclitics split."""
    return _ARABIC_WORD.sub(_segment_match, normalize_text(text))


def _build_pipeline(tokenizer: Any) -> None:
    from tokenizers import decoders, normalizers, pre_tokenizers

    tokenizer.normalizer = normalizers.NFKC()
    tokenizer.pre_tokenizer = pre_tokenizers.Sequence(
        [pre_tokenizers.WhitespaceSplit(), pre_tokenizers.Punctuation(), pre_tokenizers.Digits(individual_digits=False)]
    )
    tokenizer.decoder = decoders.WordPiece()


def learn_vocabulary(texts: Iterable[str], vocab_size: int, min_frequency: int = 2, max_piece: int = 8) -> list[str]:
    """A WordPiece vocabulary learnt deterministically from prepared text.

    Why not the `tokenizers` trainers: they break ties between equally
    frequent merges by hash order, so two runs with the same data give
    different vocabularies — and a model trained with the same seed would not
    be the same model. Here every character (word-initial and "##"
    continuation) is in, then the substrings that save the most pieces:
    word-initial prefixes (whole words included) and continuation pieces,
    scored by frequency × (length - 1), ties broken alphabetically.
    """
    from collections import Counter

    from tokenizers import Tokenizer, models

    probe = Tokenizer(models.WordPiece({UNK: 0}, unk_token=UNK))
    _build_pipeline(probe)
    assert probe.pre_tokenizer is not None
    words: Counter[str] = Counter()
    for text in texts:
        words.update(w for w, _ in probe.pre_tokenizer.pre_tokenize_str(prepare_text(text)))
    chars: set[str] = set()
    pieces: Counter[str] = Counter()
    for w, f in words.items():
        chars.update(w)
        for k in range(2, min(len(w), max_piece) + 1):
            pieces[w[:k]] += f
        if len(w) > max_piece:
            pieces[w] += f
        for i in range(1, len(w)):
            for j in range(i + 2, min(len(w), i + max_piece - 2) + 1):
                pieces["##" + w[i:j]] += f
    base = sorted(chars) + ["##" + c for c in sorted(chars)]
    ranked = sorted(
        ((p, f) for p, f in pieces.items() if f >= min_frequency),
        key=lambda pf: (-pf[1] * (len(pf[0].removeprefix("##")) - 1), pf[0]),
    )
    budget = max(0, vocab_size - len(BASE_SPECIAL) - len(base))
    return base + [p for p, _ in ranked[:budget]]


def train_tokenizer(
    texts: Iterable[str],
    out_dir: str | Path,
    extra_special: list[str],
    vocab_size: int = 8000,
    min_frequency: int = 2,
    model_max_length: int = 256,
) -> Any:
    """Learn a WordPiece vocabulary on prepared text and save it as a transformers fast tokenizer.

    `extra_special` are the entity-marker tokens; they are special tokens from
    the start so that no piece ever crosses them.
    """
    from tokenizers import Tokenizer, models, processors

    specials = BASE_SPECIAL + [t for t in extra_special if t not in BASE_SPECIAL]
    vocab = list(dict.fromkeys(specials + learn_vocabulary(texts, vocab_size, min_frequency)))
    tok = Tokenizer(models.WordPiece({w: i for i, w in enumerate(vocab)}, unk_token=UNK, max_input_chars_per_word=64))
    _build_pipeline(tok)
    tok.post_processor = processors.TemplateProcessing(
        single=f"{CLS} $A {SEP}",
        pair=f"{CLS} $A {SEP} $B:1 {SEP}:1",
        special_tokens=[(CLS, tok.token_to_id(CLS)), (SEP, tok.token_to_id(SEP))],
    )
    fast = wrap_tokenizer(tok, extra_special, model_max_length)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    fast.save_pretrained(str(out))
    return fast


def wrap_tokenizer(tok: Any, extra_special: list[str], model_max_length: int = 256) -> Any:
    """A `tokenizers.Tokenizer` as a transformers PreTrainedTokenizerFast with BERT's special tokens."""
    from transformers import PreTrainedTokenizerFast

    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok,
        unk_token=UNK,
        pad_token=PAD,
        cls_token=CLS,
        sep_token=SEP,
        mask_token=MASK,
        model_max_length=model_max_length,
    )
    fast.add_special_tokens({"additional_special_tokens": list(extra_special)})
    return fast
