"""dossier.json: every record of the briefing, references resolved, one record per line.

Field names are the schemas' own; a value the data leaves out is left out, lists are always
there (empty when there is nothing), and defaults the data may omit are spelled out. Each record
is written on one line, so that the file stays readable and diffs well, and is assembled from
lines remembered from the last run: only the records that changed are made again.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..dates import PartialDate
from ..model import Actor, Briefing, Citation, Event, Question, Source, Treaty
from ..site import Site
from ..write import Page
from .names import DOSSIER_KEYS, DOSSIER_SCHEMA, FORMAT_VERSION


@dataclass(frozen=True, slots=True)
class Exported:
    """One record as the exports give it: its kind, id, what it shows, and its fields (made on demand)."""

    kind: str
    id: str
    shown: tuple[str | None, ...]  # keys or digests: the same as last run, the same record
    fields: Callable[[], dict[str, Any]]


def exported(site: Site, kind: str) -> list[Exported]:
    """The records of `kind` in the order of the exports: events oldest first, the others by id."""
    b, urls, places = site.briefing, site.urls, site.places
    base = urls.base
    where: dict[str, Callable[[Any], str]] = {
        "actor": places.actor,
        "source": places.source,
        "treaty": places.treaty,
        "question": places.question,
    }

    def of(record: Any, build: Callable[[Any, Briefing, str], dict[str, Any]], files: list[str]) -> Exported:
        shown = (base, *(site.digest(file) for file in files))
        name = f"{kind} {record.id}"
        page = urls.address(where[kind](record))
        return Exported(kind, record.id, shown, lambda: site.once(name, lambda: build(record, b, page)))

    if kind == "event":
        return [Exported(kind, e.id, (site.export_key(e),), _event_fields(site, e)) for e in b.events]
    if kind == "actor":
        return [
            of(a, actor_record, [a.data_file, *(b.actors_by_id[f.actor_id].data_file for f in a.affiliations)])
            for a in sorted(b.actors, key=lambda a: a.id)
        ]
    if kind == "source":
        return [of(s, source_record, [s.data_file]) for s in sorted(b.sources, key=lambda s: s.id)]
    if kind == "treaty":
        return [of(t, treaty_record, _shown_by_treaty(t)) for t in sorted(b.treaties, key=lambda t: t.id)]
    return [of(q, question_record, _shown_by_question(q)) for q in sorted(b.questions, key=lambda q: q.id)]


def _event_fields(site: Site, e: Event) -> Callable[[], dict[str, Any]]:
    page = site.urls.address(site.places.event(e))
    return lambda: site.once(f"event {e.id}", lambda: event_record(e, site.briefing, page))


def _shown_by_treaty(t: Treaty) -> list[str]:
    events = [step.event.data_file for step in t.history if step.event]
    citations = [c for step in t.history for c in step.citations] + [c for p in t.provisions for c in p.citations]
    actors = [a.data_file for a in (*t.parties, *t.signatories)]
    return [t.data_file, *actors, *events, *(c.source.data_file for c in citations)]


def _shown_by_question(q: Question) -> list[str]:
    return [q.data_file, *(ev.event.data_file for ev in q.evidence), *(c.source.data_file for c in q.citations)]


def render_dossier(site: Site, data_folder: str) -> Page:
    """One JSON object; each record on a line of its own, a piece of the file (see Site.pieces)."""
    b, urls = site.briefing, site.urls
    briefing = _present(
        title=b.title,
        description=b.description,
        language=b.language,
        summary=b.summary,
        featured_events=[_event_ref(e) for e in b.featured],
        page=urls.base,
    )
    schema = urls.address(f"{site.places.schemas()}/{DOSSIER_SCHEMA}")
    head = "{" + f'"$schema": {_dumps(schema)}, "version": {FORMAT_VERSION},\n'
    pieces: list[tuple[str | None, Callable[[], str]]] = [_fixed(head + f'"briefing": {_dumps(briefing)}')]
    for kind, key in DOSSIER_KEYS.items():
        if kind == "briefing":
            continue
        records = exported(site, kind)
        pieces.append(_fixed(f',\n"{key}": [' + ("\n" if records else "")))
        for index, record in enumerate(records):
            pieces.append((piece_key(record), _line_maker(record)))
            pieces.append(_fixed(",\n" if index < len(records) - 1 else "\n"))
        pieces.append(_fixed("]"))
    pieces.append(_fixed("}\n"))
    return site.pieces(site.places.export("dossier"), pieces, data_file=data_folder)


def piece_key(record: Exported) -> str | None:
    """A record's key in a file: its kind and id, and what it shows."""
    if None in record.shown:
        return None
    return f"{record.kind} {record.id} " + "/".join(str(part) for part in record.shown)


def _fixed(text: str) -> tuple[None, Callable[[], str]]:
    return None, lambda: text


def _line_maker(record: Exported) -> Callable[[], str]:
    return lambda: _dumps(record.fields())


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _present(**fields: Any) -> dict[str, Any]:
    """The fields that have a value, in the order given (the schema's)."""
    return {name: value for name, value in fields.items() if value is not None}


def _named(actor: Actor) -> dict[str, str]:
    return {"id": actor.id, "name": actor.name}


def _titled(record_id: str, title: str) -> dict[str, str]:
    return {"id": record_id, "title": title}


def _event_ref(event: Event) -> dict[str, str]:
    return _titled(event.id, event.title)


def _citation(c: Citation) -> dict[str, Any]:
    return _present(source=_titled(c.source.id, c.source.title), quote=c.quote, note=c.note, weak=c.weak)


def event_record(e: Event, b: Briefing, page: str) -> dict[str, Any]:
    treaties = []
    for link in e.treaty_links:
        treaty = b.treaties_by_id[link.treaty_id]
        provision = treaty.provision(link.provision_id) if link.provision_id else None
        treaties.append(
            _present(
                treaty=_titled(treaty.id, treaty.title),
                provision=_titled(provision.id, provision.title) if provision else None,
            )
        )
    return _present(
        id=e.id,
        date=e.date.iso,
        end_date=_iso(e.end_date),
        not_before=_iso(e.dating.not_before),
        not_after=_iso(e.dating.not_after),
        date_certainty=e.certainty,
        date_note=e.date_note,
        order=e.order,
        status=e.status,
        title=e.title,
        summary=e.summary,
        context=e.context,
        actors=[_named(a) for a in e.actors],
        according_to=[_named(a) for a in e.according_to],
        location=e.location,
        tags=list(e.tags),
        outcome_of=_event_ref(b.events_by_id[e.outcome_of]) if e.outcome_of else None,
        treaties=treaties,
        sources=[_citation(c) for c in e.citations],
        former_ids=list(e.former_ids),
        page=page,
    )


def _iso(date: PartialDate | None) -> str | None:
    return date.iso if date else None


def actor_record(a: Actor, b: Briefing, page: str) -> dict[str, Any]:
    return _present(
        id=a.id,
        name=a.name,
        kind=a.kind,
        role=a.role,
        aliases=list(a.aliases),
        description=a.description,
        affiliations=[{"actor": _named(b.actors_by_id[f.actor_id]), "relation": f.relation} for f in a.affiliations],
        former_ids=list(a.former_ids),
        page=page,
    )


def source_record(s: Source, b: Briefing, page: str) -> dict[str, Any]:
    return _present(
        id=s.id,
        title=s.title,
        outlet=s.outlet,
        outlet_inferred=s.outlet_inferred,
        author=s.author,
        author_inferred=s.author_inferred,
        published=s.published.iso,
        published_certainty=s.published_certainty,
        published_note=s.published_note,
        language=s.language,
        url=s.url,
        notes=s.notes,
        credits=list(s.credits),
        archive=s.archive,
        former_ids=list(s.former_ids),
        page=page,
    )


def treaty_record(t: Treaty, b: Briefing, page: str) -> dict[str, Any]:
    history = [
        _present(
            status=step.status,
            party=_named(step.party) if step.party else None,
            date=step.date.iso,
            not_before=_iso(step.dating.not_before),
            not_after=_iso(step.dating.not_after),
            date_certainty=step.certainty,
            date_note=step.date_note,
            place=step.place,
            event=_event_ref(step.event) if step.event else None,
            note=step.note,
            sources=[_citation(c) for c in step.citations],
        )
        for step in t.history
    ]
    provisions = [
        _present(id=p.id, label=p.label, title=p.title, summary=p.summary, sources=[_citation(c) for c in p.citations])
        for p in t.provisions
    ]
    return _present(
        id=t.id,
        title=t.title,
        summary=t.summary,
        parties=[_named(a) for a in t.parties],
        signatories=[_named(a) for a in t.signatories],
        status_history=history,
        provisions=provisions,
        former_ids=list(t.former_ids),
        page=page,
    )


def question_record(q: Question, b: Briefing, page: str) -> dict[str, Any]:
    return _present(
        id=q.id,
        question=q.question,
        status=q.status,
        raised=q.raised.iso,
        context=q.context,
        evidence=[_present(event=_event_ref(ev.event), stance=ev.stance, note=ev.note) for ev in q.evidence],
        answer=q.answer,
        sources=[_citation(c) for c in q.citations],
        former_ids=list(q.former_ids),
        page=page,
    )
