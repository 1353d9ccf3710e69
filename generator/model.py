"""The typed briefing built from validated records, with the indexes the pages need."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from .dates import Dating, PartialDate
from .load import Document

Certainty = Literal["exact", "approximate", "inferred"]


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    title: str
    outlet: str | None
    outlet_inferred: bool
    author: str | None
    author_inferred: bool
    published: PartialDate
    published_certainty: Certainty
    published_note: str | None
    language: str
    url: str | None
    notes: str | None
    credits: tuple[str, ...]
    archive: str | None
    data_file: str
    former_ids: tuple[str, ...] = ()  # ids it had before: old links lead here


@dataclass(frozen=True, slots=True)
class Affiliation:
    actor_id: str
    relation: str


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    kind: str
    role: str | None
    aliases: tuple[str, ...]
    description: str
    affiliations: tuple[Affiliation, ...]
    data_file: str
    former_ids: tuple[str, ...] = ()  # ids it had before: old links lead here


@dataclass(frozen=True, slots=True)
class Citation:
    source: Source
    quote: str
    note: str | None
    weak: bool


@dataclass(frozen=True, slots=True)
class TreatyLink:
    treaty_id: str
    provision_id: str | None


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    dating: Dating
    certainty: Certainty
    date_note: str | None
    status: str
    title: str
    summary: str
    context: bool  # background to the briefing's subject, not part of it
    actors: tuple[Actor, ...]
    according_to: tuple[Actor, ...]
    location: str | None
    tags: tuple[str, ...]
    citations: tuple[Citation, ...]
    outcome_of: str | None
    treaty_links: tuple[TreatyLink, ...]
    order: int
    data_file: str
    former_ids: tuple[str, ...] = ()  # ids it had before: old links lead here

    @property
    def date(self) -> PartialDate:
        return self.dating.date

    @property
    def end_date(self) -> PartialDate | None:
        return self.dating.end_date

    @property
    def year(self) -> int:
        return self.date.year

    @property
    def sort_key(self) -> tuple[object, ...]:
        """Timeline order: see Dating.sort_key; `order`, then the id, among the same dates."""
        return (*self.dating.sort_key, self.order, self.id)


@dataclass(frozen=True, slots=True)
class StatusStep:
    status: str
    party: Actor | None  # a step of one party (it ratified, joined, withdrew), or of the whole treaty
    dating: Dating
    certainty: Certainty
    date_note: str | None
    place: str | None
    event: Event | None
    note: str | None
    citations: tuple[Citation, ...]

    @property
    def date(self) -> PartialDate:
        return self.dating.date


@dataclass(frozen=True, slots=True)
class Provision:
    id: str
    label: str | None
    title: str
    summary: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class Treaty:
    id: str
    title: str
    summary: str
    parties: tuple[Actor, ...]
    signatories: tuple[Actor, ...]
    history: tuple[StatusStep, ...]
    provisions: tuple[Provision, ...]
    data_file: str
    former_ids: tuple[str, ...] = ()  # ids it had before: old links lead here

    def provision(self, provision_id: str) -> Provision:
        return next(p for p in self.provisions if p.id == provision_id)

    @property
    def signing(self) -> StatusStep | None:
        return next((step for step in self.history if step.status == "signed" and step.party is None), None)

    @property
    def start(self) -> StatusStep | None:
        """When it began to bind: its signing, or its adoption (a decision may never be signed)."""
        return self.signing or next((step for step in self.history if step.status == "adopted"), None)

    @property
    def current_status(self) -> StatusStep:
        """The latest step of the whole treaty (a party's withdrawal is not the treaty's status)."""
        whole = [step for step in self.history if step.party is None]
        return (whole or list(self.history))[-1]


@dataclass(frozen=True, slots=True)
class Evidence:
    event: Event
    stance: str
    note: str | None


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    question: str
    status: str
    raised: PartialDate
    context: str
    evidence: tuple[Evidence, ...]
    answer: str | None
    citations: tuple[Citation, ...]
    data_file: str
    former_ids: tuple[str, ...] = ()  # ids it had before: old links lead here


@dataclass(frozen=True, slots=True)
class Briefing:
    """Every record, in reading order, with the reverse links pages need."""

    title: str
    description: str
    language: str
    summary: str
    data_file: str
    sources: tuple[Source, ...]
    actors: tuple[Actor, ...]
    events: tuple[Event, ...]  # oldest first
    treaties: tuple[Treaty, ...]
    questions: tuple[Question, ...]
    featured: tuple[Event, ...]
    actors_by_id: Mapping[str, Actor]
    events_by_id: Mapping[str, Event]
    treaties_by_id: Mapping[str, Treaty]
    events_by_actor: Mapping[str, tuple[Event, ...]]
    events_by_source: Mapping[str, tuple[Event, ...]]
    events_by_treaty: Mapping[str, tuple[Event, ...]]
    outcomes: Mapping[str, tuple[Event, ...]]  # announced event id -> the events that carried it out
    questions_by_event: Mapping[str, tuple[Question, ...]]

    events_by_year: Mapping[int, tuple[Event, ...]]

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(self.events_by_year)


def build_briefing(documents: Iterable[Document]) -> Briefing:
    """Assemble the typed briefing from records that passed validation."""
    by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for doc in documents:
        record = dict(doc.data)
        record["_file"] = doc.data_file
        by_kind[doc.kind].append(record)
    sources = {r["id"]: _source(r) for r in sorted(by_kind["source"], key=lambda r: r["id"])}
    actors = {r["id"]: _actor(r) for r in sorted(by_kind["actor"], key=lambda r: r["id"])}
    events = {r["id"]: _event(r, actors, sources) for r in by_kind["event"]}
    ordered = tuple(sorted(events.values(), key=lambda e: e.sort_key))
    treaties = tuple(_treaty(r, actors, sources, events) for r in sorted(by_kind["treaty"], key=lambda r: r["id"]))
    questions = tuple(_question(r, sources, events) for r in sorted(by_kind["question"], key=lambda r: r["id"]))
    (meta,) = by_kind["briefing"]
    return Briefing(
        title=meta["title"],
        description=meta["description"],
        language=meta["language"],
        summary=meta["summary"],
        data_file=meta["_file"],
        sources=tuple(sources.values()),
        actors=tuple(sorted(actors.values(), key=lambda a: (a.name.casefold(), a.id))),
        events=ordered,
        treaties=treaties,
        questions=questions,
        featured=tuple(events[i] for i in meta.get("featured_events", [])),
        actors_by_id=actors,
        events_by_id=events,
        treaties_by_id={t.id: t for t in treaties},
        events_by_actor=_group(ordered, lambda e: {a.id for a in (*e.actors, *e.according_to)}),
        events_by_source=_group(ordered, lambda e: {c.source.id for c in e.citations}),
        events_by_treaty=_group(ordered, lambda e: {link.treaty_id for link in e.treaty_links}),
        outcomes=_group(ordered, lambda e: {e.outcome_of} if e.outcome_of else set()),
        questions_by_event=_group(questions, lambda q: {ev.event.id for ev in q.evidence}),
        events_by_year={int(year): events for year, events in _group(ordered, lambda e: {f"{e.year:04d}"}).items()},
    )


def _group(records: Iterable[Any], keys_of: Any) -> dict[str, tuple[Any, ...]]:
    groups: dict[str, list[Any]] = defaultdict(list)
    for record in records:
        for key in sorted(keys_of(record)):
            groups[key].append(record)
    return {key: tuple(items) for key, items in sorted(groups.items())}


def _date(record: dict[str, Any], name: str) -> PartialDate | None:
    return PartialDate.parse(record[name]) if name in record else None


def _dating(record: dict[str, Any]) -> Dating:
    return Dating(
        PartialDate.parse(record["date"]),
        _date(record, "end_date"),
        _date(record, "not_before"),
        _date(record, "not_after"),
    )


def _source(r: dict[str, Any]) -> Source:
    return Source(
        id=r["id"],
        title=r["title"],
        outlet=r.get("outlet"),
        outlet_inferred=r.get("outlet_inferred", False),
        author=r.get("author"),
        author_inferred=r.get("author_inferred", False),
        published=PartialDate.parse(r["published"]),
        published_certainty=r.get("published_certainty", "exact"),
        published_note=r.get("published_note"),
        language=r["language"],
        url=r.get("url"),
        notes=r.get("notes"),
        credits=tuple(r.get("credits", ())),
        archive=r.get("archive"),
        data_file=r["_file"],
        former_ids=tuple(r.get("former_ids", ())),
    )


def _actor(r: dict[str, Any]) -> Actor:
    return Actor(
        id=r["id"],
        name=r["name"],
        kind=r["kind"],
        role=r.get("role"),
        aliases=tuple(r.get("aliases", ())),
        description=r["description"],
        affiliations=tuple(Affiliation(a["actor"], a["relation"]) for a in r.get("affiliations", ())),
        data_file=r["_file"],
        former_ids=tuple(r.get("former_ids", ())),
    )


def _citations(items: list[dict[str, Any]] | None, sources: dict[str, Source]) -> tuple[Citation, ...]:
    return tuple(Citation(sources[c["source"]], c["quote"], c.get("note"), c.get("weak", False)) for c in items or ())


def _event(r: dict[str, Any], actors: dict[str, Actor], sources: dict[str, Source]) -> Event:
    return Event(
        id=r["id"],
        dating=_dating(r),
        certainty=r.get("date_certainty", "exact"),
        date_note=r.get("date_note"),
        status=r["status"],
        title=r["title"],
        summary=r["summary"],
        context=r.get("context", False),
        actors=tuple(actors[a] for a in r.get("actors", ())),
        according_to=tuple(actors[a] for a in r.get("according_to", ())),
        location=r.get("location"),
        tags=tuple(r.get("tags", ())),
        citations=_citations(r["sources"], sources),
        outcome_of=r.get("outcome_of"),
        treaty_links=tuple(TreatyLink(t["treaty"], t.get("provision")) for t in r.get("treaties", ())),
        order=r.get("order", 0),
        data_file=r["_file"],
        former_ids=tuple(r.get("former_ids", ())),
    )


def _treaty(
    r: dict[str, Any], actors: dict[str, Actor], sources: dict[str, Source], events: dict[str, Event]
) -> Treaty:
    history = tuple(
        StatusStep(
            status=s["status"],
            party=actors[s["party"]] if "party" in s else None,
            dating=_dating(s),
            certainty=s.get("date_certainty", "exact"),
            date_note=s.get("date_note"),
            place=s.get("place"),
            event=events.get(s.get("event", "")),
            note=s.get("note"),
            citations=_citations(s["sources"], sources),
        )
        for s in r["status_history"]
    )
    provisions = tuple(
        Provision(p["id"], p.get("label"), p["title"], p["summary"], _citations(p["sources"], sources))
        for p in r.get("provisions", ())
    )
    return Treaty(
        id=r["id"],
        title=r["title"],
        summary=r["summary"],
        parties=tuple(actors[a] for a in r["parties"]),
        signatories=tuple(actors[a] for a in r.get("signatories", ())),
        history=tuple(sorted(history, key=lambda s: s.dating.sort_key)),
        provisions=provisions,
        data_file=r["_file"],
        former_ids=tuple(r.get("former_ids", ())),
    )


def _question(r: dict[str, Any], sources: dict[str, Source], events: dict[str, Event]) -> Question:
    return Question(
        id=r["id"],
        question=r["question"],
        status=r["status"],
        raised=PartialDate.parse(r["raised"]),
        context=r["context"],
        evidence=tuple(Evidence(events[e["event"]], e["stance"], e.get("note")) for e in r.get("evidence", ())),
        answer=r.get("answer"),
        citations=_citations(r.get("sources"), sources),
        data_file=r["_file"],
        former_ids=tuple(r.get("former_ids", ())),
    )
