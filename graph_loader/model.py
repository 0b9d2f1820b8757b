"""The data that flows between pipeline stages, and the fixed taxonomy.

The taxonomy is `shared/spec/relations.md` (v1). Other tools read our output, so
this module is the single place where relation names, their direction and their
report family are written down; every other module asks it.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any, Iterable, Mapping

from graph_loader.errors import InvalidTriple


class ActorType(str, Enum):
    PERSON = "PERSON"
    ORGANIZATION = "ORGANIZATION"
    STATE = "STATE"
    PLACE = "PLACE"

    @property
    def label(self) -> str:
        """The second node label the store gives an actor of this type."""
        return ACTOR_LABELS[self]


ACTOR_LABELS: dict[ActorType, str] = {
    ActorType.PERSON: "Person",
    ActorType.ORGANIZATION: "Organization",
    ActorType.STATE: "State",
    ActorType.PLACE: "Place",
}


@dataclass(frozen=True)
class RelationType:
    name: str
    symmetric: bool
    family: str
    description: str


FAMILIES: tuple[str, ...] = ("meetings", "alliances", "rivalries", "structure")

RELATIONS: dict[str, RelationType] = {
    r.name: r
    for r in (
        RelationType("MET_WITH", True, "meetings", "took part in the same meeting, talks, reception or call"),
        RelationType("VISITED", False, "meetings", "an official visit (actor -> place/state/organization)"),
        RelationType("MEDIATED", False, "meetings", "sponsored, hosted or brokered talks (sponsor -> party)"),
        RelationType("COOPERATES_WITH", True, "alliances", "agreement, coordination, joint force, partnership"),
        RelationType("SUPPORTS", False, "alliances", "praises, backs, congratulates, thanks, endorses"),
        RelationType("OPPOSES", False, "rivalries", "rejects, criticizes, accuses, protests, threatens, attacks"),
        RelationType("RIVAL_OF", True, "rivalries", "rivalry, competition, conflict or dispute"),
        RelationType("APPOINTED", False, "structure", "appoints, promotes, assigns to a post"),
        RelationType("AFFILIATED_WITH", False, "structure", "holds a role in, commands or belongs to"),
        RelationType("RELATIVE_OF", True, "structure", "kinship"),
    )
}

RELATION_NAMES: tuple[str, ...] = tuple(RELATIONS)


def relations_in_family(family: str) -> list[str]:
    return [r.name for r in RELATIONS.values() if r.family == family]


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    title: str | None = None
    date: str | None = None  # ISO 8601 date where known
    url: str | None = None
    source: str | None = None  # the file it came from, for messages


@dataclass(frozen=True)
class Sentence:
    doc_id: str
    index: int
    text: str
    start: int  # character offset within the document text

    @property
    def id(self) -> str:
        return sentence_id(self.doc_id, self.index)


def sentence_id(doc_id: str, index: int) -> str:
    return f"{doc_id}#{index}"


@dataclass
class Actor:
    id: str
    name: str
    type: ActorType
    aliases: list[str] = field(default_factory=list)
    name_en: str | None = None
    titles: list[str] = field(default_factory=list)
    roles: list[dict[str, Any]] = field(default_factory=list)  # {"role", "org", "since"?}
    affiliations: list[str] = field(default_factory=list)
    country: str | None = None
    description: str | None = None
    source: str = "registry"  # registry | discovered | user

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["type"] = self.type.value
        return {k: v for k, v in d.items() if v not in (None, [], "")}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Actor":
        return cls(
            id=str(d["id"]),
            name=str(d["name"]),
            type=ActorType(str(d["type"]).upper()),
            aliases=list(d.get("aliases") or []),
            name_en=d.get("name_en"),
            titles=list(d.get("titles") or []),
            roles=list(d.get("roles") or []),
            affiliations=list(d.get("affiliations") or []),
            country=d.get("country"),
            description=d.get("description"),
            source=d.get("source", "registry"),
        )


@dataclass
class Mention:
    """A span of a sentence that refers to an actor (offsets into the sentence)."""

    start: int
    end: int
    text: str
    actor_id: str
    name: str
    type: ActorType
    role: str | None = None  # a title/role seen with the mention, e.g. "رئيس الأركان"
    org_id: str | None = None  # the organisation that role belongs to, where stated
    resolved_by: str = "registry"  # registry | coreference | discovery


@dataclass
class ActorRef:
    id: str
    name: str
    type: str
    mention: str
    start: int | None = None
    end: int | None = None
    name_en: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v is not None}


@dataclass
class Triple:
    """One extracted (actor, relation, actor) in the spec's JSON Lines format."""

    doc_id: str
    sentence_index: int
    sentence: str
    subject: ActorRef
    relation: str
    object: ActorRef
    confidence: float
    extractor: str
    sentence_start: int | None = None
    date: str | None = None
    hedged: bool = False
    cue: str | None = None
    role: str | None = None  # AFFILIATED_WITH only
    since: str | None = None  # AFFILIATED_WITH only: when the role began, where the sentence says (ISO date or YYYY-MM)
    title: str | None = None  # the document's title, for provenance
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "doc_id": self.doc_id,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "subject": self.subject.to_dict(),
            "relation": self.relation,
            "object": self.object.to_dict(),
            "confidence": round(float(self.confidence), 4),
            "extractor": self.extractor,
        }
        for key in ("sentence_start", "date", "cue", "role", "since", "title", "url"):
            value = getattr(self, key)
            if value is not None:
                d[key] = value
        if self.hedged:
            d["hedged"] = True
        return d

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @property
    def key(self) -> tuple[str, str, str]:
        """(subject, relation, object) with symmetric pairs in one canonical order."""
        s, o = self.subject.id, self.object.id
        if RELATIONS[self.relation].symmetric and o < s:
            s, o = o, s
        return (s, self.relation, o)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Triple":
        """Validate one spec-format object; raise InvalidTriple with the reason."""
        if not isinstance(d, Mapping):
            raise InvalidTriple("a triple must be a JSON object")
        missing = [k for k in ("doc_id", "sentence_index", "sentence", "subject", "relation", "object") if k not in d]
        if missing:
            raise InvalidTriple(f"missing field(s): {', '.join(missing)}")
        relation = d["relation"]
        if relation not in RELATIONS:
            raise InvalidTriple(f"relation {relation!r} is not in the taxonomy ({', '.join(RELATION_NAMES)})")
        refs = []
        for role in ("subject", "object"):
            r = d[role]
            if not isinstance(r, Mapping):
                raise InvalidTriple(f"{role} must be an object")
            if not r.get("id") or not isinstance(r.get("id"), str):
                raise InvalidTriple(f"{role} has no id")
            if not r.get("name"):
                raise InvalidTriple(f"{role} {r.get('id')!r} has no name")
            atype = str(r.get("type", "")).upper()
            if atype not in ActorType.__members__:
                raise InvalidTriple(f"{role} {r['id']!r} has unknown type {r.get('type')!r}")
            refs.append(
                ActorRef(
                    id=r["id"], name=str(r["name"]), type=atype, mention=str(r.get("mention") or r["name"]),
                    start=_opt_int(r.get("start")), end=_opt_int(r.get("end")), name_en=r.get("name_en"),
                )
            )
        if refs[0].id == refs[1].id:
            raise InvalidTriple(f"subject and object are the same actor {refs[0].id!r}")
        try:
            confidence = float(d.get("confidence", 1.0))
            sentence_index = int(d["sentence_index"])
        except (TypeError, ValueError) as exc:
            raise InvalidTriple(f"bad number: {exc}") from None
        if not 0.0 <= confidence <= 1.0:
            raise InvalidTriple(f"confidence {confidence} is outside [0, 1]")
        return cls(
            doc_id=str(d["doc_id"]),
            sentence_index=sentence_index,
            sentence=str(d["sentence"]),
            subject=refs[0],
            relation=relation,
            object=refs[1],
            confidence=confidence,
            extractor=str(d.get("extractor", "unknown")),
            sentence_start=_opt_int(d.get("sentence_start")),
            date=d.get("date"),
            hedged=bool(d.get("hedged", False)),
            cue=d.get("cue"),
            role=d.get("role"),
            since=d.get("since"),
            title=d.get("title"),
            url=d.get("url"),
        )


def _opt_int(v: Any) -> int | None:
    return None if v is None else int(v)


def triples_to_jsonl(triples: Iterable[Triple]) -> Iterable[str]:
    for t in triples:
        yield t.to_json() + "\n"
