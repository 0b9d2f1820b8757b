"""The relation training data: format, completeness, determinism and coverage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph_loader.model import RELATIONS
from training.generate import main, stats
from training.markup import convert, parse_block, sources
from training.swap import Swapper, swapped_copies
from training.actors import build_pools
from training.validate import DataError, pair_count, read_jsonl, validate_record

DATA = Path(__file__).resolve().parents[1] / "training" / "data"


def _run(out: Path) -> None:
    assert main(["--seed", "7", "--out", str(out), "--train", "300", "--dev", "80"]) == 0


def test_small_generation_validates_and_is_deterministic(tmp_path: Path) -> None:
    _run(tmp_path / "a")
    _run(tmp_path / "b")
    assert not (tmp_path / "a" / "train.jsonl").exists()
    for name in ("train.jsonl.gz", "dev.jsonl"):
        a = (tmp_path / "a" / name).read_bytes()
        assert a == (tmp_path / "b" / name).read_bytes()
        records = read_jsonl(tmp_path / "a" / name)  # validates every line
        assert records
        for rec in records:
            for m in rec["mentions"]:
                assert rec["sentence"][m["start"]:m["end"]] == m["text"]
            pairs = [frozenset((r["subject"], r["object"])) for r in rec["relations"]]
            assert len(pairs) == len(set(pairs))
    other = tmp_path / "c"
    assert main(["--seed", "8", "--out", str(other), "--train", "300", "--dev", "80"]) == 0
    assert (other / "train.jsonl.gz").read_bytes() != (tmp_path / "a" / "train.jsonl.gz").read_bytes()


def test_dev_uses_names_train_never_shows(tmp_path: Path) -> None:
    _run(tmp_path)
    gen = lambda recs: [r for r in recs if r["source"].startswith("template:")]  # noqa: E731
    train_people = {m["id"] for r in gen(read_jsonl(tmp_path / "train.jsonl.gz")) for m in r["mentions"]
                    if m["type"] == "PERSON"}
    dev_people = {m["id"] for r in gen(read_jsonl(tmp_path / "dev.jsonl")) for m in r["mentions"]
                  if m["type"] == "PERSON"}
    assert dev_people and len(dev_people & train_people) / len(dev_people) < 0.05


def test_validator_rejects_bad_records() -> None:
    good = {"id": "x", "sentence": "التقى خالد بأحمد", "phenomena": [], "source": "t",
            "mentions": [{"start": 6, "end": 10, "type": "PERSON", "text": "خالد", "id": "k"},
                         {"start": 12, "end": 16, "type": "PERSON", "text": "أحمد", "id": "a"}],
            "relations": [{"subject": 0, "object": 1, "label": "MET_WITH"}]}
    validate_record(good, "ok")
    assert pair_count(good) == 1
    bad_span = json.loads(json.dumps(good))
    bad_span["mentions"][1]["start"] = 11
    with pytest.raises(DataError, match="where: mention 1 text"):
        validate_record(bad_span, "where")
    bad_label = json.loads(json.dumps(good))
    bad_label["relations"][0]["label"] = "LIKES"
    with pytest.raises(DataError, match="not in the taxonomy"):
        validate_record(bad_label, "where")
    dup = json.loads(json.dumps(good))
    dup["relations"].append({"subject": 1, "object": 0, "label": "SUPPORTS"})
    with pytest.raises(DataError, match="repeats the pair"):
        validate_record(dup, "where")


def test_bad_jsonl_line_names_file_and_line(tmp_path: Path) -> None:
    p = tmp_path / "x.jsonl"
    p.write_text('{"id": 1}\n', encoding="utf-8")
    with pytest.raises(DataError, match=r"x\.jsonl:1: missing field"):
        read_jsonl(p)


def test_handwritten_source_matches_committed_jsonl() -> None:
    root = DATA.parent
    records: list = []
    for source in sources():
        convert(source, records)
    assert len(records) >= 150
    committed = read_jsonl(root / "handwritten.jsonl")
    assert records == committed


def test_committed_files_cover_labels_orders_and_phenomena() -> None:
    train = read_jsonl(DATA / "train.jsonl.gz")
    dev = read_jsonl(DATA / "dev.jsonl")
    originals = [r for r in train if not r["source"].endswith("+swap")]
    assert len(dev) > 0.1 * len(originals)
    s = stats(train)
    assert sum(s["labels"].values()) >= 4000
    for label in RELATIONS:
        for order in ("subject_first", "object_first"):
            assert s["orders"][(label, order)] > 0, (label, order)
    for phenomenon in ("negation", "reported", "multi4", "hedged", "long", "verb_first", "subject_first", "headline"):
        assert s["phenomena"][phenomenon] > 0, phenomenon
    assert s["labels"]["NONE"] > 0
    assert sum(1 for r in train if r["source"] == "handwritten") >= 1000
    assert sum(1 for r in dev if r["source"] == "handwritten") >= 250


def test_no_training_sentence_borrows_from_the_seed_articles() -> None:
    """The seeds are the test set: no 7-word run of a seed article may appear in the training data."""
    import re

    words = lambda text: re.findall(r"[\u0600-\u06FF]+", text)  # noqa: E731
    seed_grams: set[tuple[str, ...]] = set()
    for path in (DATA.parents[1] / "seeds").glob("*.txt"):
        w = words(path.read_text(encoding="utf-8"))
        seed_grams.update(tuple(w[i:i + 7]) for i in range(len(w) - 6))
    assert len(seed_grams) > 1000
    for name in ("train.jsonl.gz", "dev.jsonl"):
        for rec in read_jsonl(DATA / name):
            w = words(rec["sentence"])
            shared = [g for g in (tuple(w[i:i + 7]) for i in range(len(w) - 6)) if g in seed_grams]
            assert not shared, (rec["id"], " ".join(shared[0]))


def _block(text: str, rels: str) -> dict:
    return parse_block([text, "> " + rels], "test", 0)


def test_swapped_copies_keep_annotation_and_offsets() -> None:
    rec = _block("استقبل [المشير خليفة حفتر|P|kh] في [بنغازي|L] وزير الخارجية [التركي|S] [هاكان فيدان|P]، "
                 "وأكد [حفتر|P|kh] دعم [للجيش الوطني الليبي|O] و[المبعوث الأمريكي|P]",
                 "0-3 MET_WITH; 3>2 AFFILIATED_WITH")
    copies = swapped_copies([rec] * 20, build_pools(False, 13), 2, seed=5)
    assert len(copies) >= 30
    changed = set()
    for c in copies:
        assert c["relations"] == rec["relations"] and c["source"] == "handwritten+swap"
        for m in c["mentions"]:
            assert c["sentence"][m["start"]:m["end"]] == m["text"]
        ms = c["mentions"]
        assert ms[0]["text"].startswith("المشير ")  # the title stays
        assert ms[0]["id"] == ms[4]["id"]  # one actor, one replacement
        if ms[0]["id"] != "kh":
            assert ms[0]["text"].endswith(" " + ms[4]["text"])  # the surname follows the new name
        assert ms[2]["text"].startswith("ال") and ms[2]["text"].endswith("ي")  # a nisba stays a nisba
        assert ms[5]["text"].startswith("لل")  # fused article stays fused
        assert ms[6]["text"] == "المبعوث الأمريكي"  # a description is never swapped
        changed.update(m["text"] for m in ms)
    assert "هاكان فيدان" in changed and len(changed) > 40


def test_lam_before_a_definite_name_is_spelled_fused_in_marks_and_swaps() -> None:
    rec = _block("قدمت [تركيا|S] دعما ل[الحكومة الليبية|O] و ل[اللجنة العسكرية المشتركة|O]", "0>1 SUPPORTS")
    assert rec["sentence"] == "قدمت تركيا دعما للحكومة الليبية و للجنة العسكرية المشتركة"
    assert [m["text"] for m in rec["mentions"]][1:] == ["للحكومة الليبية", "للجنة العسكرية المشتركة"]
    assert rec["mentions"][1]["id"] == _block("[الحكومة الليبية|O]", "")["mentions"][0]["id"]  # same actor id
    # a swapped-in name with the article after a bare "ل" is fused too, never "لال..."
    rec = _block("قدمت [تركيا|S] دعما ل[حكومة الوحدة|O] و ل[علي الحسن|P]", "0>1 SUPPORTS")
    for c in swapped_copies([rec] * 30, build_pools(False, 13), 2, seed=3):
        assert " لال" not in c["sentence"]
        for m in c["mentions"]:
            assert c["sentence"][m["start"]:m["end"]] == m["text"]
    hand = [r for r in read_jsonl(DATA / "dev.jsonl") if r["source"].startswith("handwritten")]
    assert not [r["id"] for r in hand if " لال" in r["sentence"]]


def test_swapping_is_deterministic_and_uses_train_names_only() -> None:
    rec = _block("التقى [محمد العبيدي|P] [سالم الزوي|P]", "0-1 MET_WITH")
    a = swapped_copies([rec], build_pools(False, 13), 5, seed=1)
    assert a == swapped_copies([rec], build_pools(False, 13), 5, seed=1)
    dev_names = {p.name for p in build_pools(True, 13).persons_m}
    assert not {m["text"] for c in a for m in c["mentions"]} & dev_names
    assert Swapper  # the class is public for callers that want one copy at a time


def test_score_reports_pair_level_figures_of_a_model(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    from graph_loader.relations.transformer import default_model_path
    from training.score import main as score_main

    rec = _block("استقبل [أحمد عطاف|P] في [الجزائر|L] نظيره [نبيل عمار|P]", "0-2 MET_WITH")
    other = {**_block("اتهم [الجيش السوداني|O] [قوات الدعم السريع|O] بقصف المدينة", "0>1 OPPOSES"), "source": "template:x"}
    path = tmp_path / "dev.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in (rec, other)) + "\n", encoding="utf-8")
    assert score_main([str(default_model_path()), str(path), "--source", "handwritten"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("3 pairs; overall P ")  # the template record is filtered out
    assert "MET_WITH         gold    1" in out


def test_shipped_common_words_are_built_from_the_train_split() -> None:
    """graph_loader/actors/data/common_words.txt must be rebuilt (python -m training.common_words) with the data."""
    from training.common_words import OUT, build

    words = build(DATA / "train.jsonl.gz")
    assert OUT.read_text(encoding="utf-8").split() == words
    assert "تعزيز" in words and "مودي" not in words
