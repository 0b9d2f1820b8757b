"""Roles with their start dates: who held a role at a date (issue 4, affiliations from titles)."""

from __future__ import annotations

from graph_loader.actors.registry import Registry
from graph_loader.extract import Extractor
from graph_loader.load import Loader
from graph_loader.model import ActorRef, Document, Triple
from graph_loader.relations.lexicon import LexiconClassifier
from graph_loader.reports import get_report, run_report
from graph_loader.text.dates import find_start_date


def test_start_dates_are_read_only_after_an_appointment_cue():
    assert find_start_date("رئيس الأركان خالد حفتر، الذي عُيّن في 18 أغسطس الماضي، زار القاهرة", "2026-02-04") == "2025-08-18"
    assert find_start_date("كُلّف بمهامه في 3 مارس", "2026-05-01") == "2026-03-03"
    assert find_start_date("يتولى المنصب منذ مارس 2021", None) == "2021-03"
    assert find_start_date("زار القاهرة في 18 أغسطس", "2025-09-10") is None  # a date, but no appointment
    assert find_start_date("بمناسبة تعيينه في 18 أغسطس", None) is None  # no year anywhere: no guess


def test_a_titled_affiliation_carries_its_start_date():
    doc = Document(
        id="d1", date="2026-02-04",
        text="قال رئيس أركان الجيش الوطني الليبي خالد حفتر، الذي عُيّن في 18 أغسطس الماضي، إن التنسيق مستمر.",
    )
    triples = list(Extractor(LexiconClassifier(), Registry.load()).extract([doc]))
    aff = [t for t in triples if t.relation == "AFFILIATED_WITH"]
    assert [(t.subject.id, t.object.id, t.since) for t in aff] == [("khaled-haftar", "libyan-national-army", "2025-08-18")]
    assert aff[0].role and "رئيس" in aff[0].role
    assert Triple.from_dict(aff[0].to_dict()).since == "2025-08-18"


def _aff(doc: str, person: str, org: str, role: str, since: str | None, date: str) -> Triple:
    return Triple(doc, 0, f"جملة {doc}", ActorRef(person, person, "PERSON", person), "AFFILIATED_WITH",
                  ActorRef(org, org, "ORGANIZATION", org), 0.9, "test", date=date, role=role, since=since)


def test_roles_report_answers_who_held_a_role_at_a_date(store):
    items = [
        (Document("a", "", date="2025-09-01"), [_aff("a", "khaled", "army", "رئيس الأركان", "2025-08-18", "2025-09-01")]),
        (Document("b", "", date="2025-07-01"), [_aff("b", "abdelrazek", "army", "رئيس الأركان", None, "2025-07-01")]),
        (Document("c", "", date="2025-10-01"), [_aff("c", "saddam", "army", "نائب القائد العام", None, "2025-10-01")]),
    ]
    Loader(store).load_documents(items)
    report = get_report("roles")
    rows = run_report(store, report, {"org": "army"})
    assert [(r["a_id"], r["since"], r["first_seen"]) for r in rows] == [
        ("abdelrazek", None, "2025-07-01"), ("khaled", "2025-08-18", "2025-09-01"), ("saddam", None, "2025-10-01")]
    held = run_report(store, report, {"org": "army", "at": "2025-08-31"})
    assert [r["a_id"] for r in held] == ["abdelrazek", "khaled"]  # Khaled's start date counts, not his first article
    assert [r["a_id"] for r in run_report(store, report, {"actor": "saddam"})] == ["saddam"]
    # replacing the document that gave the start date clears it
    Loader(store).load_documents([(Document("a", "x", date="2025-09-01"), [_aff("a", "khaled", "army", "رئيس الأركان", None, "2025-09-01")])])
    assert [r["since"] for r in run_report(store, report, {"actor": "khaled"})] == [None]


def test_a_post_in_the_accusative_is_a_role_not_a_mention_of_its_holder():
    # "تعيينه نائبا للقائد العام" names the post "نائب القائد العام": the commander-in-chief,
    # who is named two sentences earlier, takes no part in this sentence.
    doc = Document(id="d2", text=(
        "استقبل القائد العام للجيش الوطني الليبي المشير خليفة حفتر وفدا عسكريا. "
        "وبعث الفريق أحمد خليفة برقية تهنئة إلى الفريق أول ركن صدام حفتر بمناسبة تعيينه نائبا للقائد العام للجيش الوطني الليبي."
    ))
    ex = Extractor(LexiconClassifier(), Registry.load())
    second = list(ex.mentions(doc))[1][1]
    assert [m.actor_id for m in second] == ["ahmed-khalifa", "saddam-haftar", "saddam-haftar", "libyan-national-army"]
    assert second[2].role == "نائب القائد العام"
    # a dual in construct is not an accusative post
    both = list(ex.mentions(Document(id="d3", text="التقى رئيسا المجلسين عقيلة صالح ومحمد تكالة في القاهرة.")))[0][1]
    assert all(m.role is None for m in both)
