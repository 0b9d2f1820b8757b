"""Matching keys survive the spelling noise of real Arabic news; display text is never touched."""

from __future__ import annotations

import pytest

from graph_loader.text.normalize import clitic_forms, key_variants, normalize, original_offset, strip_article


@pytest.mark.parametrize(
    "a, b",
    [
        ("أحمَدُ", "احمد"),  # diacritics
        ("اجتمـــاع", "اجتماع"),  # tatweel
        ("إبراهيم", "ابراهيم"),  # hamza under alef
        ("آمر", "امر"),  # madda
        ("مصطفى", "مصطفي"),  # alef maqsura
        ("مصراتة", "مصراته"),  # ta marbuta
        ("رئيس", "رييس"),  # ya with hamza
        ("«الجيش الوطني»", "الجيش الوطني"),  # guillemets
        ("“أفريكوم”", "‘أفريكوم’"),  # curly quotes of either kind
        ("(الخارجية)", "[الخارجية]"),  # brackets
        ("اللواء ١٠٦", "اللواء 106"),  # Arabic-Indic digits
        ("اللواء ۱۰۶", "اللواء 106"),  # Persian digits
        ("\u200fخالد\u200e حفتر\u2069", "خالد حفتر"),  # bidi controls
        ("ی", "ي"),  # Persian yeh
        ("Khaled  HAFTAR", "khaled haftar"),  # Latin case and spacing
    ],
)
def test_variants_fold_to_one_key(a: str, b: str) -> None:
    assert normalize(a) == normalize(b)


def test_different_names_stay_different() -> None:
    assert normalize("خالد حفتر") != normalize("خليفة حفتر")
    assert normalize("صدام") != normalize("صدامة")


def test_clitics_are_peeled_in_order_and_keep_short_words() -> None:
    forms = dict(clitic_forms(normalize("وبالقاهرة")))
    assert forms == {"وبالقاهره": 0, "بالقاهره": 1, "القاهره": 2}
    assert ("الجيش", 0) in clitic_forms(normalize("للجيش"))  # لل: the article's alef is gone, nothing peeled
    assert ("اللجنه", 0) in clitic_forms(normalize("للجنة"))  # ل + اللجنة: the alef and one lam are gone
    assert ("مصر", 1) in clitic_forms("فمصر")
    assert clitic_forms("ولد") == [("ولد", 0)]  # three letters: never peeled
    assert clitic_forms("كما")[0] == ("كما", 0)


def test_article_is_optional_and_key_variants_cover_it() -> None:
    assert strip_article("والقاهرة") == "قاهرة"
    assert strip_article("للجيش") == "جيش"
    assert strip_article("ال") == "ال"
    assert "جيش وطني ليبي" in key_variants("الجيش الوطني الليبي")
    assert key_variants("   ") == set()


def test_original_offset_skips_marks() -> None:
    text = "وَبِالقاهرة"
    assert text[original_offset(text, 2):].startswith("ال")
    assert original_offset("abc", 5) == 3
