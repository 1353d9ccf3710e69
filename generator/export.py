"""Open data: the briefing as files anyone can reuse, published under donnees/ (issue 8).

Pure functions from the typed briefing and the site's address to file contents. The same data
and address always give the same bytes: no clock, no randomness, records in a fixed order. That
is what lets a calendar or a feed reader recognise an event as the same one from build to build.

- dossier.json: every record with its references resolved into {id, name} or {id, title}, the
  version of this format and the schema it follows (schemas/dossier.schema.json, made here from
  the record schemas, so the two cannot drift apart);
- evenements.csv, acteurs.csv, sources.csv: one row per record, one column per schema field;
- evenements.ics: the events as all-day calendar entries;
- flux.xml: an Atom feed of the latest events;
- schemas/: the record schemas, byte for byte, so that editors and validators can use them.

The Données page documents all of it from the same schemas (`kind_docs`); MkDocs adds the files
to the site in the `on_files` hook, which knows the site's address.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import posixpath
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import quote

from . import labels
from .dates import PartialDate
from .links import actor_target, event_target, question_target, source_target, treaty_target
from .model import Actor, Briefing, Citation, Event, Question, Source, Treaty
from .schema import SCHEMA_DIR, SCHEMA_FILES, load_schema
from .validate import REFERENCES

EXPORT_DIR = "donnees"
# Bumped when a field of dossier.json changes meaning or disappears; adding a field keeps it.
FORMAT_VERSION = 1
FEED_SIZE = 50
# Inside a CSV cell, list items go one per line: a line break is the one separator that no item
# can hold, because items have their white space collapsed (as the pages show them anyway).
LIST_SEPARATOR = "\n"
# Excel reads a CSV file without a byte order mark in the local code page and garbles accents.
CSV_BOM = "\ufeff"
# A cell starting with one of these is a formula to Excel and LibreOffice ("CSV injection"):
# such a cell gets a leading apostrophe, which makes a spreadsheet read it as text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
DOSSIER_SCHEMA = "dossier.schema.json"

DOSSIER = f"{EXPORT_DIR}/dossier.json"
CALENDAR = f"{EXPORT_DIR}/evenements.ics"
FEED = f"{EXPORT_DIR}/flux.xml"
SCHEMAS = f"{EXPORT_DIR}/schemas"
CSV_FILES = {
    "event": f"{EXPORT_DIR}/evenements.csv",
    "actor": f"{EXPORT_DIR}/acteurs.csv",
    "source": f"{EXPORT_DIR}/sources.csv",
}
# The kinds in the order of dossier.json, with their key there.
DOSSIER_KEYS = {
    "briefing": "briefing",
    "event": "events",
    "actor": "actors",
    "source": "sources",
    "treaty": "treaties",
    "question": "questions",
}
HEADINGS = {
    "briefing": "Le dossier",
    "event": "Événements",
    "actor": "Acteurs",
    "source": "Sources",
    "treaty": "Traités",
    "question": "Questions",
}
# A reference to another record becomes, in dossier.json, this object instead of the bare id.
SHAPES = {"actor": "named", "event": "titled", "source": "titled", "treaty": "titled", "provision": "titled"}
SHAPE_WORDS = {"named": "{id, name}", "titled": "{id, title}"}
_OF = {
    "actor": "d'un acteur",
    "event": "d'un événement",
    "source": "d'une source",
    "treaty": "d'un traité",
    "provision": "d'une disposition du traité",
}
# The iCalendar status of each event status: a planned summit is tentative until it happens.
_ICAL_STATUS = {
    "occurred": "CONFIRMED",
    "announced": "TENTATIVE",
    "planned": "TENTATIVE",
    "reported": "TENTATIVE",
    "denied": "CANCELLED",
    "cancelled": "CANCELLED",
}


@dataclass(frozen=True, slots=True)
class ExportFile:
    path: str  # inside the site, with forward slashes: donnees/dossier.json
    content: bytes


@dataclass(frozen=True, slots=True)
class SiteUrls:
    """The published site: where each page is, as an absolute address."""

    base: str  # ends with '/'
    directory_urls: bool = True

    @classmethod
    def at(cls, site_url: str, directory_urls: bool = True) -> SiteUrls:
        return cls(site_url.rstrip("/") + "/", directory_urls)

    def address(self, target: str) -> str:
        """'chronologie/2024.md#x' -> 'https://…/chronologie/2024/#x', as MkDocs publishes it."""
        path, _, anchor = target.partition("#")
        if not self.directory_urls:
            page = path.removesuffix(".md") + ".html"
        elif posixpath.basename(path) == "index.md":
            page = path.removesuffix("index.md")
        else:
            page = path.removesuffix(".md") + "/"
        return self.base + quote(page) + (f"#{anchor}" if anchor else "")

    def event_uid(self, event: Event) -> str:
        """A UUID from the site's address and the event id: the same event, the same UID, always.

        RFC 7986 recommends a UUID for UID; Atom wants a URI, which urn:uuid: makes of it.
        """
        return str(uuid.uuid5(uuid.NAMESPACE_URL, self.base + event.id))


def render_exports(briefing: Briefing, site_url: str, *, directory_urls: bool = True) -> list[ExportFile]:
    """Every file published under donnees/, in a fixed order."""
    site = SiteUrls.at(site_url, directory_urls)
    records = dossier(briefing, site)
    files = [ExportFile(DOSSIER, _json(records))]
    files += [
        ExportFile(path, csv_table(records[DOSSIER_KEYS[kind]], csv_columns(kind))) for kind, path in CSV_FILES.items()
    ]
    files.append(ExportFile(CALENDAR, calendar(briefing, site)))
    files.append(ExportFile(FEED, feed(briefing, site)))
    files += [ExportFile(f"{SCHEMAS}/{name}", (SCHEMA_DIR / name).read_bytes()) for name in schema_names()]
    files.append(ExportFile(f"{SCHEMAS}/{DOSSIER_SCHEMA}", _json(dossier_schema())))
    return files


def schema_names() -> list[str]:
    """The record schemas, copied as they are: their relative $refs keep working side by side."""
    return sorted(path.name for path in SCHEMA_DIR.glob("*.json"))


def published_schemas() -> list[tuple[str, str]]:
    """(file name, title) of every schema under donnees/schemas/, for the Données page."""
    titles = [(name, str(load_schema(name).get("title", name))) for name in schema_names()]
    return [*titles, (DOSSIER_SCHEMA, str(dossier_schema()["title"]))]


def _json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# --- dossier.json -------------------------------------------------------------------------------
# Field names are the schemas' own; a value the data leaves out is left out, lists are always
# there (empty when there is nothing), and defaults the data may omit are spelled out.


def dossier(b: Briefing, site: SiteUrls) -> dict[str, Any]:
    """The whole briefing as one JSON-ready value: events oldest first, other records by id."""
    return {
        "$schema": f"{site.base}{SCHEMAS}/{DOSSIER_SCHEMA}",
        "version": FORMAT_VERSION,
        "briefing": _present(
            title=b.title,
            description=b.description,
            language=b.language,
            summary=b.summary,
            featured_events=[_event_ref(e) for e in b.featured],
            page=site.base,
        ),
        "events": [_event_record(e, b, site) for e in b.events],
        "actors": [_actor_record(a, b, site) for a in sorted(b.actors, key=lambda a: a.id)],
        "sources": [_source_record(s, site) for s in sorted(b.sources, key=lambda s: s.id)],
        "treaties": [_treaty_record(t, site) for t in sorted(b.treaties, key=lambda t: t.id)],
        "questions": [_question_record(q, site) for q in sorted(b.questions, key=lambda q: q.id)],
    }


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


def _event_record(e: Event, b: Briefing, site: SiteUrls) -> dict[str, Any]:
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
        page=site.address(event_target(e)),
    )


def _iso(date: PartialDate | None) -> str | None:
    return date.iso if date else None


def _actor_record(a: Actor, b: Briefing, site: SiteUrls) -> dict[str, Any]:
    return _present(
        id=a.id,
        name=a.name,
        kind=a.kind,
        role=a.role,
        aliases=list(a.aliases),
        description=a.description,
        affiliations=[{"actor": _named(b.actors_by_id[f.actor_id]), "relation": f.relation} for f in a.affiliations],
        page=site.address(actor_target(a)),
    )


def _source_record(s: Source, site: SiteUrls) -> dict[str, Any]:
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
        page=site.address(source_target(s)),
    )


def _treaty_record(t: Treaty, site: SiteUrls) -> dict[str, Any]:
    history = [
        _present(
            status=step.status,
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
        page=site.address(treaty_target(t)),
    )


def _question_record(q: Question, site: SiteUrls) -> dict[str, Any]:
    return _present(
        id=q.id,
        question=q.question,
        status=q.status,
        raised=q.raised.iso,
        context=q.context,
        evidence=[_present(event=_event_ref(ev.event), stance=ev.stance, note=ev.note) for ev in q.evidence],
        answer=q.answer,
        sources=[_citation(c) for c in q.citations],
        page=site.address(question_target(q)),
    )


# --- CSV ----------------------------------------------------------------------------------------


def csv_columns(kind: str) -> tuple[str, ...]:
    """A CSV file's header: its kind's schema fields in the schema's order, then `page`."""
    return (*load_schema(SCHEMA_FILES[kind])["properties"], "page")


def csv_table(records: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> bytes:
    """RFC 4180 CSV (comma, double quotes, CRLF), UTF-8 with a byte order mark for Excel."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=",", quotechar='"', lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(columns)
    for record in records:
        writer.writerow([_defused(_cell(record.get(column))) for column in columns])
    return (CSV_BOM + buffer.getvalue()).encode("utf-8")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):  # before int: a bool is an int
        return "true" if value else "false"
    if isinstance(value, int | str):
        return str(value)
    if isinstance(value, list):
        return LIST_SEPARATOR.join(_item(item) for item in value)
    return _item(value)


def _item(value: Any) -> str:
    """One list item, or a reference, as one line of text: ids stand for the records they name."""
    if isinstance(value, str):
        return " ".join(value.split())
    if "id" in value:  # a resolved reference
        return str(value["id"])
    if "source" in value:  # a citation: its source; the quotes are in dossier.json
        return str(value["source"]["id"])
    if "treaty" in value:  # treaty#provision: '#' cannot occur in an id
        provision = value.get("provision")
        return str(value["treaty"]["id"]) + (f"#{provision['id']}" if provision else "")
    if "actor" in value:  # an affiliation, 'actor: relation': ':' cannot occur in an id
        return f"{value['actor']['id']}: {_item(value['relation'])}"
    raise TypeError(f"no CSV form for {value!r}")  # a new kind of field: decide how it reads


def _defused(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_START) else cell


# --- Calendar and feed --------------------------------------------------------------------------


def calendar_span(e: Event) -> tuple[dt.date, dt.date]:
    """All-day span (start, exclusive end) over every day the event may cover: an event known to
    the month covers the whole month, one known within bounds the days between them."""
    return e.dating.earliest, e.dating.last + dt.timedelta(days=1)


def headline(e: Event) -> str:
    """The title with what a calendar would otherwise hide: status and how precise the date is."""
    text = e.title if e.status == "occurred" else f"[{labels.EVENT_STATUS[e.status]}] {e.title}"
    precisions = {d.precision for d in (e.date, e.end_date) if d}
    notes = []
    if e.dating.bounded:
        notes.append(f"{e.when}, {labels.UNKNOWN_DAY['bounded']}")
    elif "year" in precisions:
        notes.append(f"{e.when}, {labels.UNKNOWN_DAY['year']}")
    elif "month" in precisions:
        notes.append(f"{e.when}, {labels.UNKNOWN_DAY['month']}")
    if e.certainty != "exact":
        notes.append(f"date {labels.CERTAINTY[e.certainty]}")
    return text + (f" ({', '.join(notes)})" if notes else "")


def revised(e: Event) -> dt.datetime:
    """When the event was last reported, as far as is known without inventing a day: the last day
    the latest of its sources can have been published (its day, or the last day of its month or
    year when only those are known), at 00:00 UTC. By then, every source had certainly appeared.

    Taken from the data, not the clock, so that a rebuild changes nothing.
    """
    latest = max(c.source.published.last_day for c in e.citations)
    return dt.datetime.combine(latest, dt.time(), tzinfo=dt.UTC)


def description(e: Event, site: SiteUrls) -> str:
    """The event in plain text, for the calendar entry and the feed."""
    lines = [f"{e.when} · {labels.EVENT_STATUS[e.status]}"]
    if e.dating.bounded:
        lines.append(labels.SPAN_NOTE["bounded"])
    elif e.date.precision != "day" or (e.end_date and e.end_date.precision != "day"):
        lines.append(labels.SPAN_NOTE["period"])
    if e.date_note and (e.certainty != "exact" or e.dating.bounded):
        certainty = labels.CERTAINTY[e.certainty]
        lines.append(f"Date {certainty} : {e.date_note}" if certainty else f"Date : {e.date_note}")
    lines += ["", e.summary.strip(), ""]
    if e.according_to:
        lines.append("Selon : " + ", ".join(a.name for a in e.according_to))
    if e.actors:
        lines.append("Acteurs : " + ", ".join(a.name for a in e.actors))
    lines.append("Sources : " + " ; ".join(_source_words(c.source) for c in e.citations))
    lines += ["", site.address(event_target(e))]
    return "\n".join(lines)


def _source_words(s: Source) -> str:
    """A source as a reader can look for it: its title, then its author, outlet and date when known."""
    outlet = f"{s.outlet} ({labels.INFERRED_OUTLET})" if s.outlet and s.outlet_inferred else s.outlet
    known = [s.author, outlet, s.published.french()]
    return f"{s.title} ({', '.join(word for word in known if word)})"


def calendar(b: Briefing, site: SiteUrls) -> bytes:
    """Every event, planned and announced ones included, as an all-day iCalendar entry."""
    import icalendar  # here, not at the top: generating pages alone should not pay for loading it

    cal = icalendar.Calendar()
    cal.add("prodid", "-//briefing-generator//donnees//FR")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    # icalendar escapes only the properties it knows as text; these names it passes through raw.
    cal.add("name", icalendar.vText(b.title))
    cal.add("x-wr-calname", icalendar.vText(b.title))
    cal.add("x-wr-caldesc", icalendar.vText(b.description))
    for e in b.events:
        start, end = calendar_span(e)
        entry = icalendar.Event()
        entry.add("uid", site.event_uid(e))
        entry.add("dtstamp", revised(e))
        entry.add("dtstart", start)  # a date, not a datetime: VALUE=DATE, all day
        entry.add("dtend", end)
        entry.add("summary", headline(e))
        entry.add("description", description(e, site))
        if e.location:
            entry.add("location", e.location)
        if e.tags:
            entry.add("categories", list(e.tags))
        entry.add("status", _ICAL_STATUS[e.status])
        entry.add("transp", "TRANSPARENT")  # a month-long entry must not mark the month busy
        entry.add("url", site.address(event_target(e)))
        cal.add_component(entry)
    result: bytes = cal.to_ical()
    return result


def feed(b: Briefing, site: SiteUrls) -> bytes:
    """An Atom feed of the FEED_SIZE latest events by date, newest first."""
    latest = list(reversed(b.events[-FEED_SIZE:]))
    # Imported here, not at the top: generating pages alone should not pay for loading it.
    from feedgen.feed import FeedGenerator  # type: ignore[import-untyped]  # feedgen ships no type hints

    generator = FeedGenerator()
    generator.id(f"{site.base}{FEED}")
    generator.title(b.title)
    generator.subtitle(" ".join(b.description.split()))
    generator.author({"name": b.title})
    generator.language(b.language)
    generator.link(href=site.address("chronologie/index.md"), rel="alternate", type="text/html")
    generator.link(href=f"{site.base}{FEED}", rel="self", type="application/atom+xml")
    generator.updated(max((revised(e) for e in latest), default=_EPOCH))  # set, or feedgen uses the clock
    for e in latest:
        entry = generator.add_entry(order="append")
        entry.id(f"urn:uuid:{site.event_uid(e)}")
        entry.title(headline(e))
        entry.updated(revised(e))
        entry.link(href=site.address(event_target(e)), rel="alternate", type="text/html")
        entry.summary(description(e, site), type="text")
        for tag in e.tags:
            entry.category(term=tag)
    result: bytes = generator.atom_str(pretty=True, encoding="UTF-8")
    return result


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


# --- The schemas: dossier.schema.json and the field documentation ------------------------------


@dataclass(frozen=True, slots=True)
class _At:
    """A place in one of the schema files: the file's name and a JSON pointer into it."""

    file: str
    pointer: str = ""

    @property
    def node(self) -> dict[str, Any]:
        value: Any = load_schema(self.file)
        for part in self.pointer.split("/")[1:]:
            value = value[int(part)] if isinstance(value, list) else value[part]
        result: dict[str, Any] = value
        return result

    def child(self, *parts: str | int) -> _At:
        return _At(self.file, self.pointer + "".join(f"/{part}" for part in parts))

    @property
    def ref(self) -> str:
        return f"{self.file}#{self.pointer}"


def _layers(at: _At) -> list[_At]:
    """The node and every node it takes keywords from through $ref and allOf, nearest first."""
    node = at.node
    layers = [at]
    if "$ref" in node:
        file, _, pointer = str(node["$ref"]).partition("#")
        layers += _layers(_At(file or at.file, pointer))
    for index in range(len(node.get("allOf", []))):
        layers += _layers(at.child("allOf", index))
    return layers


def _merged(at: _At) -> dict[str, Any]:
    """The keywords that apply at `at`, the nearest winning (a field's own description first)."""
    merged: dict[str, Any] = {}
    for layer in reversed(_layers(at)):
        merged.update({k: v for k, v in layer.node.items() if k not in ("$ref", "allOf")})
    return merged


def _where(at: _At, keyword: str) -> _At:
    """The layer of `at` that holds `keyword` (properties, items), to walk on from there."""
    return next(layer for layer in _layers(at) if keyword in layer.node).child(keyword)


FieldPath = tuple[str, ...]  # ('sources', '*', 'source'): '*' is every list item


@cache
def _references(kind: str) -> dict[FieldPath, str]:
    """Where a record of `kind` names another record, and the kind it names ('*': list items)."""
    paths = {tuple(str(p) for p in path): target for path, target in REFERENCES.get(kind, [])}
    if kind == "event":
        paths[("treaties", "*", "provision")] = "provision"  # checked apart from REFERENCES
    return paths


def dossier_schema() -> dict[str, Any]:
    """The JSON Schema of dossier.json, made from the record schemas it sits beside.

    A field keeps its record schema by $ref; only the fields that hold references are rewritten,
    since dossier.json resolves them into {id, name} or {id, title}.
    """
    line = {"$ref": "common.schema.json#/definitions/line"}
    ident = {"$ref": "common.schema.json#/definitions/id"}
    properties: dict[str, Any] = {"$schema": {"type": "string", "format": "uri"}, "version": {"const": FORMAT_VERSION}}
    for kind, key in DOSSIER_KEYS.items():
        record = _exported_record(kind)
        properties[key] = record if kind == "briefing" else {"type": "array", "items": record}
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "Dossier",
        "description": "dossier.json: every record of the briefing, references resolved. "
        "Generated from the record schemas beside this file.",
        "type": "object",
        "additionalProperties": False,
        "required": list(properties),
        "properties": properties,
        "definitions": {
            "named": _object({"id": ident, "name": line}),
            "titled": _object({"id": ident, "title": line}),
            "page": {"type": "string", "format": "uri", "description": "Address of the record on the site."},
        },
    }


def _object(properties: dict[str, Any], required: Sequence[str] | None = None) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": list(properties if required is None else required),
        "properties": properties,
    }


def _exported_record(kind: str) -> dict[str, Any]:
    root = _At(SCHEMA_FILES[kind])
    record = _exported(root, (), _references(kind))
    record["properties"]["page"] = {"$ref": "#/definitions/page"}
    record["required"] = [*record["required"], "page"]
    return record


def _exported(at: _At, path: FieldPath, references: Mapping[FieldPath, str]) -> dict[str, Any]:
    """The schema of the value at `path` in dossier.json (root: the record itself)."""
    if path in references:
        return {"$ref": f"#/definitions/{SHAPES[references[path]]}"}
    if path and not any(p[: len(path)] == path for p in references):
        return {"$ref": at.ref}  # holds no reference: the record schema says it all
    merged = _merged(at)
    if "items" in merged:
        # No minItems: an empty list stands for a field the data leaves out.
        items = _exported(_where(at, "items"), (*path, "*"), references)
        return {"type": "array", "items": items, **({"uniqueItems": True} if merged.get("uniqueItems") else {})}
    fields = _where(at, "properties")
    out = _object(
        {name: _exported(fields.child(name), (*path, name), references) for name in merged["properties"]},
        merged.get("required", []),
    )
    out.update({k: v for k, v in at.node.items() if k in ("if", "then", "allOf")})  # conditional requirements
    return out


@dataclass(frozen=True, slots=True)
class FieldDoc:
    name: str  # its path in the record: 'sources[].quote'
    type: str  # in French words
    required: str  # 'oui', 'non', or the condition that makes it required
    description: str
    values: tuple[tuple[str, str], ...]  # allowed codes, with their French label when there is one


@dataclass(frozen=True, slots=True)
class KindDoc:
    kind: str
    heading: str
    schema: str  # file name in schemas/
    title: str
    description: str
    dossier_key: str
    csv: str | None  # path of its CSV file, if it has one
    columns: tuple[str, ...]
    fields: tuple[FieldDoc, ...]


def kind_docs() -> list[KindDoc]:
    """What the Données page says of each kind, read from the schemas."""
    docs = []
    for kind in ("event", "actor", "source", "treaty", "question", "briefing"):  # most read first
        root = _At(SCHEMA_FILES[kind])
        schema = root.node
        docs.append(
            KindDoc(
                kind=kind,
                heading=HEADINGS[kind],
                schema=SCHEMA_FILES[kind],
                title=str(schema.get("title", kind)),
                description=str(schema.get("description", "")),
                dossier_key=DOSSIER_KEYS[kind],
                csv=CSV_FILES.get(kind),
                columns=csv_columns(kind) if kind in CSV_FILES else (),
                fields=tuple(_field_docs(root, "", (), _references(kind))),
            )
        )
    return docs


def _field_docs(at: _At, prefix: str, path: FieldPath, references: Mapping[FieldPath, str]) -> Iterator[FieldDoc]:
    merged = _merged(at)
    required = set(merged.get("required", []))
    conditions = _conditions(at)
    fields = _where(at, "properties")
    for name in merged["properties"]:
        field_at = fields.child(name)
        field = _merged(field_at)
        field_path = (*path, name)
        yield FieldDoc(
            name=prefix + name,
            type=_type_words(field_at, field_path, references),
            required="oui" if name in required else conditions.get(name, "non"),
            # A reference shows its own description, not the one of the id it is made of.
            description=str((field_at.node if field_path in references else field).get("description", "")),
            values=_values(field),
        )
        if "properties" in field:
            yield from _field_docs(field_at, f"{prefix}{name}.", field_path, references)
        elif "items" in field and "properties" in _merged(_where(field_at, "items")):
            yield from _field_docs(_where(field_at, "items"), f"{prefix}{name}[].", (*field_path, "*"), references)


def _conditions(at: _At) -> dict[str, str]:
    """Fields an if/then makes required, with the condition in words."""
    found: dict[str, list[str]] = {}
    for layer in _layers(at):
        node = layer.node
        if "if" in node and "then" in node:
            # Each field the condition names: by the values it must have, or by its mere presence.
            rules = node["if"].get("properties", {})
            words = " et ".join(
                f"{name} vaut {' ou '.join(_code(v) for v in rules[name].get('enum', [rules[name].get('const')]))}"
                if name in rules
                else f"{name} est renseigné"
                for name in {**dict.fromkeys(node["if"].get("required", [])), **rules}
            )
            for name in node["then"].get("required", []):
                found.setdefault(name, []).append(words)
    return {name: "oui, si " + " ou si ".join(conditions) for name, conditions in found.items()}


def _code(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value)


def _type_words(at: _At, path: FieldPath, references: Mapping[FieldPath, str]) -> str:
    s = _merged(at)
    if path in references:
        target = references[path]
        return f"identifiant {_OF[target]} ; dans dossier.json : {SHAPE_WORDS[SHAPES[target]]}"
    if "enum" in s or "const" in s:
        return "code (valeurs ci-contre)"
    kind = s.get("type")
    if kind == "array" or "items" in s:
        limits = []
        if s.get("uniqueItems"):
            limits.append("sans doublon")
        if s.get("minItems"):
            limits.append(f"au moins {s['minItems']}")
        inner = _type_words(_where(at, "items"), (*path, "*"), references)
        return f"liste{' (' + ', '.join(limits) + ')' if limits else ''} ; chaque élément : {inner}"
    if kind == "object" or "properties" in s:
        return "objet (ses champs suivent)"
    if kind == "boolean":
        return "booléen : true ou false"
    if kind == "integer":
        return f"entier de {s.get('minimum', '…')} à {s.get('maximum', '…')}"
    words = "texte" + (f", {s['maxLength']} caractères au plus" if "maxLength" in s else "")
    if "x-expected" in s or "pattern" in s:
        words += f" ; attendu : {s.get('x-expected') or s['pattern']}"
    return words


def _values(field: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    codes = [str(v) for v in field.get("enum", [field["const"]] if "const" in field else [])]
    # The French words of the pages, when one label table covers exactly these codes.
    table = next((t for t in labels.ALL.values() if set(t) == set(codes)), {})
    return tuple((code, table.get(code, "")) for code in codes)
