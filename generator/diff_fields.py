"""What each record says, field by field, as `diff` compares and shows it.

A record becomes an ordered mapping from each of its fields, named as in the data
(`sources[0]`), to what the field shows. References are compared by id and shown by name, so
an event does not change when one of its actors is renamed (the actor does); dates and codes
read as the site writes them, in the words of the briefing's catalogue (`Words`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .dates import Dating
from .model import Actor, Briefing, Certainty, Citation, Event, Question, Source, Treaty
from .words import Words, words_for
from .yamlsafe import Path


@dataclass(frozen=True, slots=True)
class Ref:
    """A record or a code, known by its id and shown with its name: equal when the ids are."""

    id: str
    name: str = field(default="", compare=False)


@dataclass(frozen=True, slots=True)
class Quote:
    """Words quoted from a source, shown in full."""

    text: str


Part = str | Ref | Quote


@dataclass(frozen=True, slots=True)
class Shown:
    """What one field shows: a list of values ("a, b"), or the pieces of one value."""

    parts: tuple[Part, ...] = ()
    listed: bool = False


NOTHING = Shown()


@dataclass(frozen=True, slots=True)
class RecordView:
    kind: str
    id: str
    title: str
    when: str | None  # an event's dates, in words: shown beside its title in lists
    fields: Mapping[Path, Shown]


# The order fields are shown in, by kind: as a contributor writes them (see the schemas).
ORDER: dict[str, tuple[str, ...]] = {
    "briefing": ("title", "description", "language", "summary", "featured_events"),
    "event": (
        *("title", "date", "date_certainty", "date_note", "status", "summary", "actors", "according_to"),
        *("location", "tags", "sources", "outcome_of", "treaties", "order"),
    ),
    "actor": ("name", "kind", "role", "aliases", "description", "affiliations"),
    "source": (
        *("title", "outlet", "outlet_inferred", "author", "author_inferred", "published"),
        *("published_certainty", "published_note", "language", "url", "notes"),
    ),
    "treaty": ("title", "summary", "parties", "signatories", "status_history", "provisions"),
    "question": ("question", "status", "raised", "context", "evidence", "answer", "sources"),
}
KINDS = tuple(ORDER)


def sort_key(kind: str, path: Path) -> tuple[int, tuple[str, ...]]:
    """Where a field goes among the fields of its kind: items of a list in their order."""
    return ORDER[kind].index(str(path[0])), tuple(f"{part:09d}" if isinstance(part, int) else part for part in path)


def views(briefing: Briefing | None) -> dict[str, dict[str, RecordView]]:
    """Every record of a briefing as the diff sees it, by kind then id; none without a briefing."""
    found: dict[str, dict[str, RecordView]] = {kind: {} for kind in KINDS}
    if briefing is None:
        return found
    b = briefing
    w = words_for(b.language)
    found["briefing"]["briefing"] = RecordView("briefing", "briefing", b.title, None, _briefing_fields(b, w))
    for e in b.events:
        found["event"][e.id] = RecordView("event", e.id, e.title, w.dating(e.dating), _event_fields(e, b, w))
    for a in b.actors:
        found["actor"][a.id] = RecordView("actor", a.id, a.name, None, _actor_fields(a, b, w))
    for s in b.sources:
        found["source"][s.id] = RecordView("source", s.id, s.title, None, _source_fields(s, w))
    for t in b.treaties:
        found["treaty"][t.id] = RecordView("treaty", t.id, t.title, None, _treaty_fields(t, w))
    for q in b.questions:
        found["question"][q.id] = RecordView("question", q.id, q.question, None, _question_fields(q, w))
    return found


def _briefing_fields(b: Briefing, w: Words) -> dict[Path, Shown]:
    return {
        ("title",): _text(b.title),
        ("description",): _text(b.description),
        ("language",): _one(Ref(b.language, w.language_name(b.language))),
        ("summary",): _text(b.summary),
        ("featured_events",): _list(Ref(e.id, e.title) for e in b.featured),
    }


def _event_fields(e: Event, b: Briefing, w: Words) -> dict[Path, Shown]:
    announced = b.events_by_id[e.outcome_of] if e.outcome_of else None
    fields: dict[Path, Shown] = {
        ("title",): _text(e.title),
        ("date",): _text(w.dating(e.dating)),  # with end_date: "5–6 mars 2024"
        ("date_certainty",): _certainty(e.certainty, w),
        ("date_note",): _text(e.date_note),
        ("status",): _one(_code(e.status, w.table("labels.event_status"))),
        ("summary",): _text(e.summary),
        ("actors",): _actors(e.actors),
        ("according_to",): _actors(e.according_to),
        ("location",): _text(e.location),
        ("tags",): _list(e.tags),
        ("outcome_of",): _one(Ref(announced.id, announced.title) if announced else None),
        ("order",): _text(str(e.order) if e.order else None),
        **_citations(("sources",), e.citations),
    }
    for index, link in enumerate(e.treaty_links):
        treaty = b.treaties_by_id[link.treaty_id]
        provision = treaty.provision(link.provision_id) if link.provision_id else None
        shown = Ref(provision.id, provision.title) if provision else None
        fields["treaties", index] = _pieces(Ref(treaty.id, treaty.title), shown)
    return fields


def _actor_fields(a: Actor, b: Briefing, w: Words) -> dict[Path, Shown]:
    fields: dict[Path, Shown] = {
        ("name",): _text(a.name),
        ("kind",): _one(Ref(a.kind)),
        ("role",): _text(a.role),
        ("aliases",): _list(a.aliases),
        ("description",): _text(a.description),
    }
    for index, link in enumerate(a.affiliations):
        fields["affiliations", index] = _pieces(Ref(link.actor_id, b.actors_by_id[link.actor_id].name), link.relation)
    return fields


def _source_fields(s: Source, w: Words) -> dict[Path, Shown]:
    return {
        ("title",): _text(s.title),
        ("outlet",): _text(s.outlet),
        ("outlet_inferred",): _flag(s.outlet_inferred),
        ("author",): _text(s.author),
        ("author_inferred",): _flag(s.author_inferred),
        ("published",): _text(w.date(s.published)),
        ("published_certainty",): _certainty(s.published_certainty, w),
        ("published_note",): _text(s.published_note),
        ("language",): _one(Ref(s.language, w.language_name(s.language))),
        ("url",): _text(s.url),
        ("notes",): _text(s.notes),
    }


def _treaty_fields(t: Treaty, w: Words) -> dict[Path, Shown]:
    fields: dict[Path, Shown] = {
        ("title",): _text(t.title),
        ("summary",): _text(t.summary),
        ("parties",): _actors(t.parties),
        ("signatories",): _actors(t.signatories),
    }
    for index, step in enumerate(t.history):
        fields["status_history", index] = _pieces(
            _code(step.status, w.table("labels.treaty_status")),
            _date(step.dating, step.certainty, w),
            Ref(step.party.id, step.party.name) if step.party else None,
            step.date_note,
            step.place,
            Ref(step.event.id, step.event.title) if step.event else None,
            step.note,
        )
        fields.update(_citations(("status_history", index, "sources"), step.citations))
    for index, provision in enumerate(t.provisions):
        fields["provisions", index] = _pieces(Ref(provision.id, provision.title), provision.label, provision.summary)
        fields.update(_citations(("provisions", index, "sources"), provision.citations))
    return fields


def _question_fields(q: Question, w: Words) -> dict[Path, Shown]:
    fields: dict[Path, Shown] = {
        ("question",): _text(q.question),
        ("status",): _one(_code(q.status, w.table("labels.question_status"))),
        ("raised",): _text(w.date(q.raised)),
        ("context",): _text(q.context),
        ("answer",): _text(q.answer),
        **_citations(("sources",), q.citations),
    }
    for index, evidence in enumerate(q.evidence):
        fields["evidence", index] = _pieces(
            Ref(evidence.event.id, evidence.event.title),
            _code(evidence.stance, w.table("labels.stance")),
            evidence.note,
        )
    return fields


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def _plain(text: str) -> str:
    """Text as the site reads it: a line break inside a paragraph is a space, like several spaces."""
    return "\n\n".join(" ".join(p.split()) for p in _PARAGRAPH_BREAK.split(text.strip()) if p.strip())


def _text(value: str | None) -> Shown:
    return Shown((_plain(value),)) if value else NOTHING


def _one(part: Part | None) -> Shown:
    return Shown((part,)) if part else NOTHING


def _list(parts: Iterable[Part]) -> Shown:
    return Shown(tuple(parts), listed=True)


def _pieces(*parts: Part | None) -> Shown:
    return Shown(tuple(_plain(p) if isinstance(p, str) else p for p in parts if p))


def _code(value: str, names: Mapping[str, str]) -> Ref:
    """A value the schema enumerates, with the words the site shows for it."""
    return Ref(value, names.get(value, ""))


def _date(dating: Dating, certainty: Certainty, w: Words) -> str:
    text = w.dating(dating)
    return (
        text
        if certainty == "exact"
        else f"{text} {w('event.uncertain', certainty=w.table('labels.certainty')[certainty])}"
    )


def _certainty(value: Certainty, w: Words) -> Shown:
    return NOTHING if value == "exact" else _one(_code(value, w.table("labels.certainty")))


def _flag(value: bool) -> Shown:
    return _one(Ref("true")) if value else NOTHING


def _actors(actors: Iterable[Actor]) -> Shown:
    return _list(Ref(a.id, a.name) for a in actors)


def _citations(at: Path, citations: Iterable[Citation]) -> dict[Path, Shown]:
    return {
        (*at, index): _pieces(
            Ref(c.source.id, c.source.title), Quote(_plain(c.quote)), c.note, Ref("weak") if c.weak else None
        )
        for index, c in enumerate(citations)
    }
