"""Sentence-level consequences of the spec's rules, applied after the classifier.

Two things a pairwise classifier cannot see on its own:

- "A meeting of three or more named participants yields MET_WITH between each
  pair" (spec). The classifier judges each pair alone, and the pair at the two
  ends of a long participant list is the hardest. Within one sentence, MET_WITH
  pairs that share a participant describe the same meeting, so each connected
  group of participants is completed. The inferred pair gets the lower of the
  two confidences it rests on, discounted. Only named people are completed.
- A title that names a person's body ("قائد قوات اليونيفيل الجنرال ديوداتو أبانيارا") makes another
  body of the sentence his only on strong evidence: the classifier's weaker AFFILIATED_WITH to it
  is dropped (on hand-written train sentences, 30 of 35 such predictions below the bar were wrong).
- A person and the body his own title names relate by that affiliation and nothing else: on
  hand-written sentences every other relation predicted between them (a minister "visiting" his
  state's nisba, "supporting" his ministry) was wrong (36 of 36, train and dev).
- Nobody visits an adjective: VISITED to a nisba ("السعودي") is dropped (every such prediction on
  hand-written train and dev sentences was wrong).
- Affiliations stated by a title ("رئيس أركان الجيش الوطني الليبي خالد حفتر"):
  the actor stage reads the role and its organisation from the title phrase
  (Mention.role / Mention.org_id); when that organisation is itself mentioned
  in the sentence, the title states AFFILIATED_WITH(person -> organisation)
  with that role.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import combinations

from graph_loader.actors.registry import Registry
from graph_loader.model import ActorType, Mention, Triple

CLOSURE_DISCOUNT = 0.9
TITLE_CONFIDENCE = 0.9
OTHER_BODY_AFFILIATION = 0.9  # the confidence an affiliation needs with a body other than the title's


def complete_meetings(triples: list[Triple]) -> list[Triple]:
    """Add the MET_WITH pairs implied by shared participants in one sentence."""
    # Only people: a model error that pairs a person with a body or a state would otherwise spread
    # to every other participant.
    meets = [t for t in triples if t.relation == "MET_WITH" and t.subject.type == t.object.type == "PERSON"]
    if len(meets) < 2:
        return triples
    refs = {}
    conf: dict[frozenset[str], float] = {}
    neighbours: dict[str, set[str]] = {}
    for t in meets:
        refs.setdefault(t.subject.id, t.subject)
        refs.setdefault(t.object.id, t.object)
        pair = frozenset((t.subject.id, t.object.id))
        conf[pair] = max(conf.get(pair, 0.0), t.confidence)
        neighbours.setdefault(t.subject.id, set()).add(t.object.id)
        neighbours.setdefault(t.object.id, set()).add(t.subject.id)
    # one relation per pair: two people the sentence already relates otherwise ("وقّع A ونظيره B مذكرة
    # تفاهم ... بحضور C") are not also made to meet
    related = {frozenset((t.subject.id, t.object.id)) for t in triples if t.relation != "MET_WITH"}
    added: list[Triple] = []
    for group in _components(neighbours):
        if len(group) < 3:
            continue
        floor = min(conf[p] for p in conf if p <= group) * CLOSURE_DISCOUNT
        for a, b in combinations(sorted(group), 2):
            if frozenset((a, b)) in conf or frozenset((a, b)) in related:
                continue
            template = meets[0]
            added.append(replace(template, subject=refs[a], object=refs[b], confidence=round(floor, 4),
                                 cue=template.cue, hedged=any(t.hedged for t in meets)))
    return triples + added


def _components(neighbours: dict[str, set[str]]) -> list[frozenset[str]]:
    seen: set[str] = set()
    out: list[frozenset[str]] = []
    for start in neighbours:
        if start in seen:
            continue
        stack, group = [start], set()
        while stack:
            n = stack.pop()
            if n in group:
                continue
            group.add(n)
            stack.extend(neighbours[n] - group)
        seen |= group
        out.append(frozenset(group))
    return out


def title_affiliations(mentions: list[Mention]) -> list[tuple[Mention, Mention, str]]:
    """(person mention, organisation mention, role) for titles whose organisation is named in the sentence."""
    orgs: dict[str, Mention] = {}
    for m in mentions:
        if m.type in (ActorType.ORGANIZATION, ActorType.STATE):
            orgs.setdefault(m.actor_id, m)
    out = []
    for m in mentions:
        if m.type is ActorType.PERSON and m.org_id and m.role and m.org_id in orgs and m.org_id != m.actor_id:
            out.append((m, orgs[m.org_id], m.role))
    return out


def affiliation_against_title(person: Mention, org: Mention, confidence: float) -> bool:
    """True when the person's title names another body and the classifier is not sure enough."""
    return bool(person.org_id) and person.org_id != org.actor_id and confidence < OTHER_BODY_AFFILIATION


def relation_with_own_body(a: Mention, b: Mention, relation: str) -> bool:
    """True for a relation other than AFFILIATED_WITH between a person and the body of his title."""
    return relation != "AFFILIATED_WITH" and (
        (a.type is ActorType.PERSON and a.org_id == b.actor_id) or (b.type is ActorType.PERSON and b.org_id == a.actor_id))


def visit_to_adjective(obj: Mention, registry: Registry) -> bool:
    """True when a VISITED object is a nisba adjective ("السعودي"), not a place or state name."""
    return registry.nisba(obj.text) is not None and not registry.lookup(obj.text)
