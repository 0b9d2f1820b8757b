"""Bad input at the CLI: each case named with file (and line or byte offset), good inputs still loaded.

Exit codes: 0 when every input was processed, 1 when some were skipped (with
a summary), 2 for usage errors. The lexicon model keeps these fast; what is
tested is the reading and loading, which do not depend on the model.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph_loader.cli import cli

MEET = "اجتمع خليفة حفتر مع عبد الحميد الدبيبة في القاهرة لبحث ملف الانتخابات."
PRAISE = "أشاد عبد الحميد الدبيبة بجهود بعثة الأمم المتحدة في دعم المسار السياسي."


def _build(runner, cli_args, *paths: Path, fmt: str = "json"):
    return runner.invoke(cli, [*cli_args, "build", *map(str, paths), "--model", "lexicon", "--format", fmt])


def _summary(result) -> dict:
    return json.loads(result.stdout)


def _good(tmp: Path) -> Path:
    p = tmp / "good.txt"
    p.write_text(f"خبر\n{MEET}\n{PRAISE}\n", encoding="utf-8")
    return p


def _skip_lines(result) -> list[str]:
    return [ln.strip() for ln in result.stderr.splitlines() if ln.startswith("  ")]


def test_binary_file_is_skipped_by_name_and_good_files_still_load(tmp_path, runner, cli_args):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20)
    r = _build(runner, cli_args, _good(tmp_path), binary)
    assert r.exit_code == 1
    assert "1 input(s) skipped" in r.stderr
    assert _skip_lines(r) == [f"{binary}: binary file, not text (skipped)"]
    s = _summary(r)
    assert s["extracted"]["documents"] == 1 and s["extracted"]["triples"] >= 2 and s["graph"]["documents"] == 1
    assert "Traceback" not in r.output


def test_invalid_utf8_names_file_and_byte_offset(tmp_path, runner, cli_args):
    bad = tmp_path / "latin1.txt"
    raw = "خبر\n".encode() + b"caf\xe9 " + MEET.encode()
    bad.write_bytes(raw)
    r = _build(runner, cli_args, _good(tmp_path), bad)
    assert r.exit_code == 1
    (line,) = _skip_lines(r)
    offset = raw.index(b"\xe9")
    assert line.startswith(f"{bad}: invalid UTF-8 at byte offset {offset}")
    assert _summary(r)["graph"]["documents"] == 1


def test_empty_and_blank_files_are_skipped(tmp_path, runner, cli_args):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text("  \n\n\t\n", encoding="utf-8")
    (tmp_path / "empty.jsonl").write_bytes(b"\n\n")
    r = _build(runner, cli_args, _good(tmp_path), tmp_path / "empty.txt", tmp_path / "blank.md", tmp_path / "empty.jsonl")
    assert r.exit_code == 1
    lines = _skip_lines(r)
    assert len(lines) == 3 and all("empty file" in ln for ln in lines)
    assert _summary(r)["graph"]["documents"] == 1


def test_huge_single_line_is_processed(tmp_path, runner, cli_args):
    """3 MB on one line (a pasted data blob, then the article): read, split and loaded, no crash."""
    big = tmp_path / "one-line.txt"
    blob = "data:image/png;base64," + "iVBORw0KGgoAAAANSUhEUgAA" * 125_000
    big.write_text(f"{blob} {MEET} {PRAISE}", encoding="utf-8")
    assert big.stat().st_size > 3_000_000 and big.read_bytes().count(b"\n") == 0
    r = _build(runner, cli_args, big)
    assert r.exit_code == 0, r.output
    assert _summary(r)["extracted"]["triples"] >= 2


def test_mixed_arabic_english_and_bidi_controls(tmp_path, runner, cli_args):
    mixed = tmp_path / "mixed.txt"
    mixed.write_text(
        "Libya talks / محادثات ليبيا\n"
        f"According to Reuters (Tripoli, 2024): {MEET} The meeting lasted two hours.\n", encoding="utf-8")
    bidi = tmp_path / "bidi.txt"
    # RLM, LRE/PDF, RLI/PDI and a zero-width joiner inside names and around the sentence
    bidi.write_text("خبر\n\u200fأشاد عبد\u200c الحميد الدبيبة\u202a بجهود\u202c \u2067بعثة الأمم المتحدة\u2069 في دعم المسار.\n",
                    encoding="utf-8")
    r = _build(runner, cli_args, mixed, bidi)
    assert r.exit_code == 0, r.output
    s = _summary(r)
    assert s["extracted"]["documents"] == 2 and s["extracted"]["triples"] >= 2
    out = runner.invoke(cli, [*cli_args, "extract", str(bidi), "--model", "lexicon"])
    triples = [json.loads(ln) for ln in out.stdout.splitlines()]
    assert triples and all(not any(c in t["sentence"] for c in "\u200f\u202a\u202c\u2067\u2069") for t in triples)
    assert "SUPPORTS" in {t["relation"] for t in triples}


def test_html_pasted_as_text(tmp_path, runner, cli_args):
    page = tmp_path / "page.txt"
    page.write_text(
        "<html><head><style>p {color: red}</style><script>var x = '<p>اجتمع';</script></head><body>"
        f"<h1>عاجل</h1><p>{MEET}</p><div class=\"ad\">إعلان</div><p>{PRAISE} &amp; المزيد&nbsp;</p></body></html>",
        encoding="utf-8")
    out = runner.invoke(cli, [*cli_args, "extract", str(page), "--model", "lexicon"])
    assert out.exit_code == 0, out.output
    triples = [json.loads(ln) for ln in out.stdout.splitlines()]
    assert len(triples) >= 2
    for t in triples:
        assert "<" not in t["sentence"] and "&amp;" not in t["sentence"] and "color" not in t["sentence"]


def test_malformed_json_lines_name_file_and_line_and_the_rest_loads(tmp_path, runner, cli_args):
    docs = tmp_path / "news.jsonl"
    docs.write_text("\n".join([
        json.dumps({"id": "n1", "text": MEET}, ensure_ascii=False),
        '{"id": "n2", "text": "unterminated',
        "[1, 2, 3]",
        json.dumps({"id": "n4"}),
        json.dumps({"id": "n5", "text": PRAISE}, ensure_ascii=False),
    ]) + "\n", encoding="utf-8")
    r = _build(runner, cli_args, docs)
    assert r.exit_code == 1
    lines = _skip_lines(r)
    assert [ln.split(": ")[0] for ln in lines] == [f"{docs}:2", f"{docs}:3", f"{docs}:4"]
    assert "malformed JSON" in lines[0] and "JSON object" in lines[1] and "'text'" in lines[2]
    assert _summary(r)["graph"]["documents"] == 2


def _triple(**over) -> dict:
    t = {"doc_id": "x1", "sentence_index": 0, "sentence": MEET, "relation": "MET_WITH", "confidence": 0.9,
         "subject": {"id": "khalifa-haftar", "name": "خليفة حفتر", "type": "PERSON", "mention": "خليفة حفتر"},
         "object": {"id": "abdul-hamid-dbeibah", "name": "عبد الحميد الدبيبة", "type": "PERSON", "mention": "الدبيبة"},
         "extractor": "test"}
    t.update(over)
    return t


def test_load_rejects_bad_triples_with_reasons_and_never_writes_them(tmp_path, runner, cli_args):
    f = tmp_path / "t.jsonl"
    no_id = _triple(doc_id="x3")
    no_id["object"] = {"name": "مجهول", "type": "PERSON", "mention": "مجهول"}
    f.write_text("\n".join([
        json.dumps(_triple(), ensure_ascii=False),
        json.dumps(_triple(doc_id="x2", relation="BOMBED"), ensure_ascii=False),
        json.dumps(no_id, ensure_ascii=False),
        "{not json",
        json.dumps(_triple(doc_id="x4", relation="SUPPORTS", sentence_index=1), ensure_ascii=False),
    ]) + "\n", encoding="utf-8")
    r = runner.invoke(cli, [*cli_args, "load", str(f)])
    assert r.exit_code == 1
    assert "Loaded 2 triples from 2 documents." in r.stdout
    lines = _skip_lines(r)
    assert lines[0].startswith(f"{f}:2: rejected triple: relation 'BOMBED' is not in the taxonomy")
    assert lines[1] == f"{f}:3: rejected triple: object has no id"
    assert lines[2].startswith(f"{f}:4: malformed JSON")
    stats = json.loads(runner.invoke(cli, [*cli_args, "stats", "--format", "json"]).stdout)
    assert stats["nodes"]["Evidence"] == 2 and stats["nodes"]["Document"] == 2
    assert set(stats["relationships"]) - {"IN_DOCUMENT"} == {"MET_WITH", "SUPPORTS"}


def test_all_good_inputs_exit_zero(tmp_path, runner, cli_args):
    r = _build(runner, cli_args, _good(tmp_path))
    assert r.exit_code == 0 and "skipped" not in r.stderr


@pytest.mark.parametrize("args", [
    ["build"],                                   # no paths
    ["build", ".", "--workers", "0"],            # out of range
    ["build", ".", "--device", "tpu"],           # not a choice
    ["load", "/no/such/triples.jsonl"],          # click checks existence
    ["report"],                                   # no name
    ["stats", "--bogus"],
])
def test_usage_errors_exit_2(runner, cli_args, args):
    r = runner.invoke(cli, [*cli_args, *args])
    assert r.exit_code == 2, r.output
    assert "Traceback" not in r.output


def test_missing_input_path_is_a_skip_not_a_crash(tmp_path, runner, cli_args):
    r = _build(runner, cli_args, _good(tmp_path), tmp_path / "nope.txt")
    assert r.exit_code == 1
    assert _skip_lines(r) == [f"{tmp_path / 'nope.txt'}: no such file or folder"]
