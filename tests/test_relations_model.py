"""The transformer relation stage: data, tokenizer, training, loading, evaluation.

Everything runs on the real code paths (real tokenizers, real torch training,
real save/load), on small slices so that the file stays well under two minutes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from graph_loader.errors import InputError, ModelError
from graph_loader.model import RELATIONS, ActorRef, Triple
from graph_loader.relations.base import NONE_LABEL, PairInput, Span
from graph_loader.relations.dataset import (
    LoadStats,
    decode_label,
    encode_label,
    label_scheme,
    load_examples,
    record_examples,
)
from graph_loader.relations.evaluate import format_errors, format_table, score
from graph_loader.relations.tokenizer import normalize_text, prepare_text, segment_word

ROOT = Path(__file__).resolve().parent.parent
# the training data; an override lets the tests run against another copy
DATA = Path(os.environ.get("ACTORGRAPH_TEST_TRAINING_DATA", ROOT / "training" / "data"))


def _pair(sentence: str, a: str, ta: str, b: str, tb: str) -> PairInput:
    i = sentence.index(a)
    j = sentence.index(b, i + len(a))
    return PairInput(sentence, Span(i, i + len(a), ta), Span(j, j + len(b), tb))


# ---------------------------------------------------------------- dataset and labels


def test_label_scheme_has_none_symmetric_and_both_directions() -> None:
    labels = label_scheme()
    assert labels[0] == NONE_LABEL
    assert "MET_WITH" in labels and "MET_WITH>" not in labels
    assert {"VISITED>", "VISITED<", "APPOINTED>", "APPOINTED<"} <= set(labels)
    assert len(labels) == 1 + 4 + 2 * 6
    assert decode_label(encode_label("SUPPORTS", forward=False)) == ("SUPPORTS", False)
    assert encode_label("RIVAL_OF", forward=False) == "RIVAL_OF"


def test_record_examples_direction_none_and_ambiguous_pairs() -> None:
    s = "أشاد حفتر بمصر وقال حفتر إن تركيا تتدخل"
    m = [
        {"start": 5, "end": 9, "type": "PERSON", "id": "haftar"},
        {"start": 11, "end": 14, "type": "STATE", "id": "egypt"},
        {"start": 20, "end": 24, "type": "PERSON", "id": "haftar"},
        {"start": 28, "end": 33, "type": "STATE", "id": "turkey"},
    ]
    rec = {"id": "x", "sentence": s, "mentions": m, "relations": [{"subject": 1, "object": 0, "label": "SUPPORTS"}]}
    stats = LoadStats()
    ex = record_examples(rec, "f:1", stats)
    by_spans = {(e.first.start, e.second.start): e.label for e in ex}
    # egypt (second in text) supports haftar (first): backward
    assert by_spans[(5, 11)] == "SUPPORTS<"
    # the second haftar mention with egypt is the same actor pair: neither NONE nor SUPPORTS, skipped
    assert (11, 20) not in by_spans and stats.skipped_ambiguous == 1
    assert by_spans[(20, 28)] == NONE_LABEL and by_spans[(5, 28)] == NONE_LABEL
    assert (5, 20) not in by_spans  # same actor


def test_bad_training_line_names_file_and_line(tmp_path: Path) -> None:
    f = tmp_path / "train.jsonl"
    good = {"id": "a", "sentence": "التقى حفتر خوري", "mentions": [], "relations": []}
    bad = {"id": "b", "sentence": "abc", "mentions": [{"start": 0, "end": 9, "type": "PERSON", "id": "x"}], "relations": []}
    f.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_examples(f)
    assert f"{f}:2" in str(err.value) and "outside the sentence" in str(err.value)


def test_compressed_split_reads_like_plain_and_a_stale_copy_is_refused(tmp_path: Path) -> None:
    import gzip

    from graph_loader.relations.dataset import split_path

    rec = {"id": "a", "sentence": "التقى حفتر خوري", "relations": [{"subject": 0, "object": 1, "label": "MET_WITH"}],
           "mentions": [{"start": 6, "end": 10, "type": "PERSON", "id": "h"},
                        {"start": 11, "end": 15, "type": "PERSON", "id": "k"}]}
    gz = tmp_path / "train.jsonl.gz"
    with gzip.open(gz, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    assert split_path(tmp_path, "train") == gz and split_path(tmp_path, "dev") is None
    assert [e.label for e in load_examples(gz)] == ["MET_WITH"]
    (tmp_path / "train.jsonl").write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        split_path(tmp_path, "train")
    assert "train.jsonl and train.jsonl.gz" in str(err.value) and str(tmp_path) in str(err.value)


# ---------------------------------------------------------------- tokenizer


def test_normalisation_folds_spelling_variants() -> None:
    assert normalize_text("أحمَدُ") == normalize_text("احمد") == "احمد"
    assert normalize_text("مدرسة") == "مدرسه" and normalize_text("إلى") == "الي"
    assert normalize_text("اجتمـــاع") == "اجتماع"
    assert normalize_text("بـمصر") == "ب مصر"


def test_clitics_are_split_but_names_are_not() -> None:
    assert segment_word("والقاهره") == ["و", "ال", "قاهره"]
    assert segment_word("فبالجيش") == ["ف", "ب", "ال", "جيش"]
    assert segment_word("للجيش") == ["ل", "ال", "جيش"]
    assert segment_word("واجتمع") == ["و", "اجتمع"]
    assert segment_word("وزير") == ["وزير"]
    assert prepare_text("واجتمع بالقاهرة") == prepare_text("و اجتمع ب القاهره")


# ---------------------------------------------------------------- evaluation arithmetic


def _t(doc: str, start: int, s: str, rel: str, o: str, sentence: str = "x" * 10) -> Triple:
    return Triple(
        doc_id=doc, sentence_index=0, sentence=sentence, subject=ActorRef(s, s, "PERSON", s), relation=rel,
        object=ActorRef(o, o, "PERSON", o), confidence=1.0, extractor="test", sentence_start=start,
    )


def test_evaluation_counts_strict_pair_family_and_confusion() -> None:
    gold = [
        _t("d", 0, "a", "MET_WITH", "b"),
        _t("d", 0, "a", "VISITED", "p"),
        _t("d", 20, "c", "SUPPORTS", "a"),
        _t("d", 20, "c", "OPPOSES", "b"),
    ]
    pred = [
        _t("d", 2, "b", "MET_WITH", "a"),  # symmetric, reversed, sentence range shifted: strict hit
        _t("d", 0, "p", "VISITED", "a"),  # wrong direction: strict miss, pair hit
        _t("d", 20, "c", "OPPOSES", "a"),  # right pair, wrong type
        _t("d", 40, "a", "MET_WITH", "b"),  # a sentence with no gold
    ]
    r = score(gold, pred)
    strict = r["strict"]
    assert strict["overall"] == {"precision": 0.25, "recall": 0.25, "f1": 0.25, "tp": 1, "pred": 4, "gold": 4}
    assert strict["per_family"]["meetings"]["precision"] == round(1 / 3, 4)
    assert strict["per_family"]["meetings"]["recall"] == 0.5
    assert strict["per_family"]["meetings"]["f1"] == 0.4
    assert strict["per_family"]["alliances"]["f1"] == 0.0 and strict["per_family"]["rivalries"]["f1"] == 0.0
    assert strict["per_type"]["VISITED"]["f1"] == 0.0
    pair = r["pair"]
    assert pair["overall"]["precision"] == 0.75 and pair["overall"]["recall"] == 0.75
    assert pair["per_type"]["VISITED"]["f1"] == 1.0
    assert pair["per_type"]["SUPPORTS"]["recall"] == 1.0
    assert pair["per_type"]["OPPOSES"]["precision"] == 1.0 and pair["per_type"]["OPPOSES"]["recall"] == 0.0
    assert r["confusion"] == {
        "MET_WITH": {"MET_WITH": 1},
        "NONE": {"MET_WITH": 1},
        "OPPOSES": {"NONE": 1},
        "SUPPORTS": {"OPPOSES": 1},
        "VISITED": {"VISITED": 1},
    }
    assert r["direction_errors"] == 1
    text = format_table(r)
    assert "family:meetings" in text and "direction errors (type right, direction wrong): 1" in text
    # the error list names exactly the strict misses and extras, misses first within a sentence
    got = {(e["kind"], e["subject"], e["relation"], e["object"]) for e in r["errors"]}
    assert got == {
        ("missed", "a", "VISITED", "p"), ("missed", "c", "SUPPORTS", "a"), ("missed", "c", "OPPOSES", "b"),
        ("extra", "p", "VISITED", "a"), ("extra", "c", "OPPOSES", "a"), ("extra", "a", "MET_WITH", "b"),
    }
    listing = format_errors(r)
    assert listing.startswith("== strict errors (6)")
    assert "  - p (p) VISITED" not in listing and "  - a (a) VISITED p (p)" in listing
    assert "  + p (p) VISITED a (a)  (1.00)" in listing


def test_evaluation_perfect_and_duplicates() -> None:
    gold = [_t("d", 0, "a", "MET_WITH", "b"), _t("e", 0, "a", "MET_WITH", "b")]
    r = score(gold, list(gold))
    assert r["strict"]["overall"]["f1"] == 1.0 and r["pair"]["overall"]["f1"] == 1.0
    # a duplicate prediction in the same sentence is a false positive, not a second hit
    r = score(gold, gold + [gold[0]])
    assert r["strict"]["overall"]["precision"] == round(2 / 3, 4) and r["strict"]["overall"]["recall"] == 1.0


# ---------------------------------------------------------------- import hygiene and loading errors


def test_relation_modules_do_not_import_torch() -> None:
    code = (
        "import sys\n"
        "import graph_loader.relations.transformer, graph_loader.relations.train, graph_loader.relations.evaluate\n"
        "import graph_loader.relations.dataset, graph_loader.relations.tokenizer\n"
        "bad = [m for m in ('torch', 'transformers') if m in sys.modules]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_loading_a_directory_that_is_not_a_model_is_a_clear_error(tmp_path: Path) -> None:
    from graph_loader.relations.transformer import load_classifier

    with pytest.raises(ModelError, match="not a relation model directory"):
        load_classifier(str(tmp_path))
    with pytest.raises(ModelError, match="no such model directory"):
        load_classifier(str(tmp_path / "missing"))


# ---------------------------------------------------------------- training (real torch, small slices)

TINY = dict(layers=2, hidden=64, heads=2, intermediate=128, vocab_size=1500, max_length=128)


@pytest.fixture(scope="module")
def tiny_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    import time

    from graph_loader.relations.train import train

    out = tmp_path_factory.mktemp("tiny-model")
    t0 = time.time()
    metrics = train(DATA, out, epochs=3, seed=1, train_limit=400, dev_limit=150, lr=1e-3, log=lambda _: None, **TINY)
    metrics["wall"] = time.time() - t0
    return out, metrics


def test_tiny_model_trains_fast_and_learns(tiny_run: tuple[Path, dict]) -> None:
    out, m = tiny_run
    assert m["seconds"] < 60, m["seconds"]
    # the majority class (NONE) finds no relation at all: F1 0
    assert m["dev"]["f1"] > 0.2, m["dev"]
    losses = [h["loss"] for h in m["history"]]
    assert losses[-1] < 0.7 * losses[0], losses
    for name in ("model.safetensors", "config.json", "head.safetensors", "tokenizer.json", "labels.json", "thresholds.json", "MODEL_CARD.md"):
        assert (out / name).is_file(), name
    thresholds = json.loads((out / "thresholds.json").read_text())["thresholds"]
    assert set(thresholds) == set(RELATIONS)
    assert all(0.0 < t < 1.0 for t in thresholds.values())
    assert m["temperature"] > 0


def test_tiny_model_predicts_through_the_seam(tiny_run: tuple[Path, dict]) -> None:
    from graph_loader.model import RELATIONS
    from graph_loader.relations.transformer import load_classifier

    clf = load_classifier(str(tiny_run[0]))
    s = "بحسب تقارير، التقى خليفة حفتر بعبد الحميد الدبيبة في القاهرة"
    pairs = [_pair(s, "خليفة حفتر", "PERSON", "عبد الحميد الدبيبة", "PERSON"), _pair(s, "خليفة حفتر", "PERSON", "القاهرة", "PLACE")]
    preds = clf.predict(pairs)
    assert len(preds) == 2 and clf.predict([]) == []
    for p in preds:
        assert p.label == NONE_LABEL or p.label in RELATIONS
        assert 0.0 <= p.confidence <= 1.0
        assert isinstance(p.hedged, bool) and (p.label != NONE_LABEL or not p.hedged)
        assert p.cue is None or p.cue in s
    assert clf.name.startswith("ag-rel-small@")


def test_same_seed_same_model(tmp_path: Path, tiny_run: tuple[Path, dict]) -> None:
    from graph_loader.relations.train import train

    m = train(DATA, tmp_path, epochs=1, seed=1, train_limit=150, dev_limit=60, log=lambda _: None, **TINY)
    m2 = train(DATA, tmp_path / "again", epochs=1, seed=1, train_limit=150, dev_limit=60, log=lambda _: None, **TINY)
    assert m["history"] == m2["history"]


def _tiny_pretrained_encoder(where: Path) -> Path:
    """A small 'pretrained' BERT as a hub would ship it: BertTokenizer over a WordPiece vocab + weights."""
    from collections import Counter

    from transformers import BertConfig, BertModel, BertTokenizer

    from graph_loader.relations.dataset import read_records

    words: Counter[str] = Counter()
    chars: set[str] = set()
    for k, (_, d) in enumerate(read_records(DATA / "train.jsonl.gz")):
        if k >= 300:
            break
        for w in d["sentence"].split():
            w = w.strip("،,.:؛\"«»()")
            words[w] += 1
            chars.update(w)
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + sorted(chars) + [f"##{c}" for c in sorted(chars)]
    vocab += [w for w, _ in words.most_common(800) if w and w not in vocab]
    vocab += ["،", ",", ".", ":", "«", "»"]
    tok = BertTokenizer(vocab={w: i for i, w in enumerate(dict.fromkeys(vocab))}, do_lower_case=False)
    config = BertConfig(vocab_size=len(tok), hidden_size=32, num_hidden_layers=2, num_attention_heads=2, intermediate_size=64)
    out = where / "tiny-bert"
    BertModel(config).save_pretrained(str(out))
    tok.save_pretrained(str(out))
    return out


def test_pretrained_base_model_path_fine_tunes_and_loads(tmp_path: Path) -> None:
    from graph_loader.relations.train import train
    from graph_loader.relations.transformer import load_classifier, marker_tokens

    base = _tiny_pretrained_encoder(tmp_path)
    out = tmp_path / "fine-tuned"
    m = train(DATA, out, base_model=str(base), epochs=1, seed=3, train_limit=200, dev_limit=60, max_length=128, log=lambda _: None)
    assert m["base_model"] == str(base)
    labels = json.loads((out / "labels.json").read_text())
    assert labels["preprocess"] is None  # the base tokenizer's own conventions, not our segmentation
    clf = load_classifier(str(out))
    for marker in marker_tokens():  # markers are whole tokens in the extended vocabulary
        assert clf.tokenizer.tokenize(f"{marker}") == [marker]
    assert clf.model.encoder.get_input_embeddings().num_embeddings >= len(clf.tokenizer)
    s = "التقى خليفة حفتر بعبد الحميد الدبيبة"
    preds = clf.predict([_pair(s, "خليفة حفتر", "PERSON", "عبد الحميد الدبيبة", "PERSON")])
    assert len(preds) == 1 and 0.0 <= preds[0].confidence <= 1.0


def test_missing_base_model_is_a_clear_error(tmp_path: Path) -> None:
    from graph_loader.relations.train import train

    with pytest.raises(ModelError, match="cannot load base model"):
        train(DATA, tmp_path / "o", base_model=str(tmp_path / "nope-model"), epochs=1, train_limit=20, dev_limit=10, log=lambda _: None)


# ---------------------------------------------------------------- CLI


def _slice(src: Path, dst: Path, n_train: int, n_dev: int) -> Path:
    dst.mkdir(parents=True, exist_ok=True)
    from graph_loader.relations.dataset import open_jsonl, split_path

    for name, n in (("train", n_train), ("dev", n_dev)):
        with open_jsonl(split_path(src, name)) as fh:
            lines = fh.read().splitlines()[:n]
        (dst / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return dst


def test_cli_train_then_evaluate_on_seed_gold(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from graph_loader.cli import cli

    data = _slice(DATA, tmp_path / "data", 150, 60)
    out = tmp_path / "model"
    runner = CliRunner()
    done = runner.invoke(cli, ["-q", "train", "--data", str(data), "--out", str(out), "--epochs", "1", "--seed", "5"])
    assert done.exit_code == 0, done.output
    assert "dev micro P" in done.output and (out / "MODEL_CARD.md").is_file()
    done = runner.invoke(cli, ["evaluate", str(ROOT / "seeds" / "gold.jsonl"), "--model", str(out), "--format", "json"])
    assert done.exit_code == 0, done.output
    report = json.loads(done.output)
    assert set(report) >= {"strict", "pair", "confusion", "direction_errors", "model", "errors"}
    strict = report["strict"]["overall"]
    assert sum(e["kind"] == "missed" for e in report["errors"]) == strict["gold"] - strict["tp"]
    assert set(report["strict"]["per_family"]) == {"meetings", "alliances", "rivalries", "structure"}
    assert report["counts"]["gold"] > 100


def test_cli_evaluate_table_and_bad_gold(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from graph_loader.cli import cli

    runner = CliRunner()
    done = runner.invoke(cli, ["evaluate", str(ROOT / "seeds" / "gold.jsonl"), "--model", "lexicon"])
    assert done.exit_code == 0, done.output
    assert "family:meetings" in done.output and "confusion" in done.output
    assert "strict errors" not in done.output
    done = runner.invoke(cli, ["evaluate", str(ROOT / "seeds" / "gold.jsonl"), "--model", "lexicon", "--errors"])
    assert done.exit_code == 0, done.output
    listing = done.output.split("== strict errors (", 1)[1]
    n = int(listing.split(")", 1)[0])
    assert n > 0 and listing.count("\n  - ") + listing.count("\n  + ") == n
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"doc_id": "x"}\n', encoding="utf-8")
    done = runner.invoke(cli, ["evaluate", str(bad), "--docs", str(ROOT / "seeds")])
    assert done.exit_code == 1
    assert f"{bad}:1" in done.output and "missing field" in done.output
    done = runner.invoke(cli, ["train", "--data", str(tmp_path / "nothing"), "--out", str(tmp_path / "o")])
    assert done.exit_code == 2 and "no such data directory" in done.output


# ---------------------------------------------------------------- the shipped model


@pytest.fixture(scope="module")
def shipped():
    import socket

    from graph_loader.relations.transformer import default_model_path, load_classifier

    assert (default_model_path() / "model.safetensors").is_file()
    real_connect = socket.socket.connect

    def no_network(self, address):  # type: ignore[no-untyped-def]
        if isinstance(address, tuple):  # unix sockets (the embedded store) are local
            raise AssertionError(f"the relation model tried to reach the network: {address}")
        return real_connect(self, address)

    socket.socket.connect = no_network  # type: ignore[method-assign]
    try:
        yield load_classifier()
    finally:
        socket.socket.connect = real_connect  # type: ignore[method-assign]


def test_shipped_model_is_small_and_complete() -> None:
    from graph_loader.relations.transformer import default_model_path

    path = default_model_path()
    total = sum(p.stat().st_size for p in path.iterdir() if p.is_file())
    assert total <= 25 * 1024 * 1024
    for name in ("model.safetensors", "head.safetensors", "config.json", "tokenizer.json", "labels.json", "thresholds.json", "MODEL_CARD.md"):
        assert (path / name).is_file(), name
    card = (path / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "actorgraph train" in card and "Dev scores" in card and "Seed gold" in card


def test_shipped_model_reads_simple_unseen_sentences(shipped) -> None:
    # (a name that is also a cue word fools the model: with "سامح شكري" — شكري ~ "my thanks" — it says
    # SUPPORTS; see the model card's known weaknesses)
    meeting = "واستقبل وزير الخارجية الجزائري أحمد عطاف نظيره التونسي نبيل عمار في الجزائر لبحث العلاقات الثنائية."
    visit = "ووصل المبعوث الأممي عبد الله باتيلي إلى مدينة بنغازي في زيارة رسمية تستغرق يومين."
    preds = shipped.predict(
        [
            _pair(meeting, "أحمد عطاف", "PERSON", "نبيل عمار", "PERSON"),
            _pair(visit, "عبد الله باتيلي", "PERSON", "بنغازي", "PLACE"),
        ]
    )
    assert preds[0].label == "MET_WITH", preds[0]
    assert preds[1].label == "VISITED" and preds[1].forward, preds[1]
    assert all(0.0 <= p.confidence <= 1.0 for p in preds)


def test_shipped_model_reads_denials_in_held_out_prose(shipped) -> None:
    """Denials and negations ("نفى ... اجتماع", "لم يلتق") must not become relations.

    Measured on every hand-written dev sentence with a denial or negation (realistic prose the model
    never trained on: 315 related and 1,294 unrelated pairs) rather than on one sentence. ag-rel-small@4
    turns 6.9 % of the unrelated pairs into a relation (@3: 7.5 %), no more than on unrelated pairs in
    general (7.2 % over all hand-written dev); the cue lexicon did so for 42 % of the first 486. It
    finds 75 % of the related pairs (@3: 71 %; @2 45 % on the first 104). See the model card.
    """
    from graph_loader.relations.dataset import read_records, record_examples

    cues = ("نفى", "نفت", "ينفي", "تنفي", "لم يلتق", "لا صحة", "لم يعقد", "لم تعقد")
    examples = []
    for _, rec in read_records(DATA / "dev.jsonl"):
        if rec["source"] == "handwritten" and ("negation" in rec["phenomena"] or any(c in rec["sentence"] for c in cues)):
            examples.extend(record_examples(rec))
    unrelated = [e for e in examples if e.label == NONE_LABEL]
    related = [e for e in examples if e.label != NONE_LABEL]
    assert len(unrelated) > 200 and len(related) > 50
    false = [p for p in shipped.predict([PairInput(e.sentence, e.first, e.second) for e in unrelated]) if p.label != NONE_LABEL]
    found = [p for p in shipped.predict([PairInput(e.sentence, e.first, e.second) for e in related]) if p.label != NONE_LABEL]
    assert len(false) / len(unrelated) <= 0.12, len(false)
    assert len(found) / len(related) >= 0.65, len(found)


def test_pipeline_score_splits_misses_into_mention_and_model() -> None:
    """training.pipeline_score runs the real pipeline (registry, shipped model) on annotated sentences."""
    from graph_loader.actors.registry import Registry
    from graph_loader.extract import Extractor
    from graph_loader.relations.transformer import load_classifier
    from training.pipeline_score import score_records

    s = "استقبل الرئيس المصري عبد الفتاح السيسي في القاهرة وزير الخارجية التركي هاكان فيدان."

    def m(text: str, typ: str) -> dict:
        start = s.index(text)
        return {"start": start, "end": start + len(text), "type": typ, "text": text}
    mentions = [m("المصري", "STATE"), m("عبد الفتاح السيسي", "PERSON"), m("القاهرة", "PLACE"),
                m("التركي", "STATE"), m("هاكان فيدان", "PERSON")]
    unfindable = "التقى الجار صديقه القديم."  # no actor the mention stage can find
    records = [
        {"id": "a", "sentence": s, "mentions": mentions, "relations": [
            {"subject": 1, "object": 0, "label": "AFFILIATED_WITH"},
            {"subject": 1, "object": 4, "label": "MET_WITH"},
            {"subject": 4, "object": 3, "label": "AFFILIATED_WITH"}]},
        {"id": "b", "sentence": unfindable, "mentions": [
            {"start": 6, "end": 11, "type": "PERSON", "text": "الجار"}, {"start": 12, "end": 17, "type": "PERSON", "text": "صديقه"}],
         "relations": [{"subject": 0, "object": 1, "label": "MET_WITH"}]},
    ]
    out = score_records(records, Extractor(load_classifier(None, device="cpu"), Registry.load())).to_dict()
    assert out["mentions"]["gold"] == 7 and out["mentions"]["found"] == 5
    assert out["missed"]["mention_not_found"] == 1  # the second sentence's pair
    assert out["types"]["MET_WITH"]["recall"] == 0.5  # Sisi and Fidan found, the unfindable pair not
    assert out["overall"]["precision"] > 0.5
    # by actor: 4 distinct gold triples (the unfindable pair counts), the found ones scored by actor ids
    assert out["actors"]["recall"] <= 0.75 and out["actors"]["precision"] > 0.5
