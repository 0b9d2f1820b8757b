"""The spec's sentence-level rules applied after the classifier."""

from __future__ import annotations

from graph_loader.actors.mentions import DocumentContext, MentionFinder
from graph_loader.actors.registry import Registry
from graph_loader.model import ActorRef, Triple
from graph_loader.relations.inference import (
    affiliation_against_title, complete_meetings, relation_with_own_body, title_affiliations, visit_to_adjective,
)


def _t(s, o, rel="MET_WITH", conf=0.8, stype="PERSON", otype="PERSON"):
    return Triple("d", 0, "x", ActorRef(s, s, stype, s), rel, ActorRef(o, o, otype, o), conf, "test")


def test_three_people_in_one_meeting_are_all_paired():
    out = complete_meetings([_t("a", "b", conf=0.9), _t("b", "c", conf=0.6)])
    pairs = {frozenset((t.subject.id, t.object.id)): t.confidence for t in out}
    assert set(pairs) == {frozenset("ab"), frozenset("bc"), frozenset("ac")}
    assert pairs[frozenset("ac")] == round(0.6 * 0.9, 4)


def test_separate_meetings_and_non_people_are_not_joined():
    out = complete_meetings([_t("a", "b"), _t("c", "d")])
    assert len(out) == 2
    out = complete_meetings([_t("a", "b"), _t("b", "org", otype="ORGANIZATION")])
    assert len(out) == 2


def test_a_pair_the_sentence_relates_otherwise_is_not_made_to_meet():
    """"وقّع A ونظيره B مذكرة تفاهم بحضور C": A and B cooperate; one relation per pair."""
    out = complete_meetings([_t("a", "b", rel="COOPERATES_WITH"), _t("a", "c"), _t("b", "c")])
    assert sorted((t.subject.id, t.relation, t.object.id) for t in out) == [
        ("a", "COOPERATES_WITH", "b"), ("a", "MET_WITH", "c"), ("b", "MET_WITH", "c")]


def test_title_states_the_affiliation():
    finder = MentionFinder(Registry.load())
    sentence = "شكلت الزيارة التي أداها رئيس أركان الجيش الوطني الليبي، الفريق أول ركن خالد حفتر، إلى القاهرة محطة فارقة."
    found = title_affiliations(finder.find(sentence, DocumentContext()))
    assert [(p.actor_id, o.actor_id) for p, o, _ in found] == [("khaled-haftar", "libyan-national-army")]
    assert "رئيس" in found[0][2]


def test_a_title_body_outweighs_a_weak_affiliation_with_another_body():
    finder = MentionFinder(Registry.load())
    ms = finder.find("التقى قائد قوات اليونيفيل الجنرال ديوداتو أبانيارا قائد الجيش اللبناني العماد رودولف هيكل.",
                     DocumentContext())
    person = next(m for m in ms if m.text.endswith("أبانيارا"))
    army = next(m for m in ms if m.text == "الجيش اللبناني")
    assert person.org_id and person.org_id != army.actor_id
    assert affiliation_against_title(person, army, 0.6)
    assert not affiliation_against_title(person, army, 0.95)  # strong evidence stands
    own = next(m for m in ms if m.actor_id == person.org_id)
    assert not affiliation_against_title(person, own, 0.6)


def test_a_person_and_the_body_of_his_title_relate_only_by_affiliation():
    finder = MentionFinder(Registry.load())
    ms = finder.find("حل وزير الخارجية السعودي ضيفا على الجزائر.", DocumentContext())
    minister = next(m for m in ms if m.type.value == "PERSON")
    saudi = next(m for m in ms if m.actor_id == "saudi-arabia")
    algeria = next(m for m in ms if m.actor_id == "algeria")
    assert relation_with_own_body(minister, saudi, "VISITED") and relation_with_own_body(saudi, minister, "SUPPORTS")
    assert not relation_with_own_body(minister, saudi, "AFFILIATED_WITH")
    assert not relation_with_own_body(minister, algeria, "VISITED")


def test_nobody_visits_an_adjective():
    reg = Registry.load()
    ms = MentionFinder(reg).find("وصل الوفد المصري إلى أنقرة قادما من القاهرة.", DocumentContext())
    by_text = {m.text: m for m in ms}
    assert visit_to_adjective(by_text["المصري"], reg)
    assert not visit_to_adjective(by_text["أنقرة"], reg) and not visit_to_adjective(by_text["القاهرة"], reg)
