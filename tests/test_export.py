"""Open data (donnees/): every export read back and compared with the data.

The calendar and the feed are read by parsers other than the libraries that wrote them (vobject
for iCalendar, feedparser for Atom). Both are test-only requirements: if one is missing, this
module fails to import, so the tests fail rather than skip.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import posixpath
import re
import shutil
import uuid
from collections.abc import Iterator
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import feedparser
import jsonschema
import pytest
import vobject
from referencing import Registry, Resource

from generator import exports as export
from generator.exports import calendar as calendar_module
from generator.exports import feed as feed_module
from generator.exports.calendar import fold
from generator.exports.schemas import dossier_schema, kind_docs
from generator.links import SiteUrls
from generator.load import load_documents
from generator.model import Briefing, Event
from generator.pipeline import generate, read_briefing
from generator.site import Site
from generator.words import words_for
from tests.conftest import FIXTURE, ROOT
from tests.test_site import build, make_project

SITE_URL = "https://example.org/briefing/"
# The exports of the French fixture briefing, where its catalogue puts them.
EXPORT_DIR = "donnees"
DOSSIER = f"{EXPORT_DIR}/dossier.json"
CALENDAR = f"{EXPORT_DIR}/evenements.ics"
FEED = f"{EXPORT_DIR}/flux.xml"
CSV_FILES = {
    "event": f"{EXPORT_DIR}/evenements.csv",
    "actor": f"{EXPORT_DIR}/acteurs.csv",
    "source": f"{EXPORT_DIR}/sources.csv",
}
SCHEMA_DIR = ROOT / "generator" / "schemas"
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
ID_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"

# Values that CSV, iCalendar and Atom must escape, added to a copy of the fixture (not to it).
DELICATE_EVENT = r"""id: 2024-05-10-sommet-delicat
date: 2024-05-10
status: planned
title: '=SOMME(1;2), le "sommet" prévu'
summary: "Première ligne, avec une virgule et des \"guillemets\".\n\nSeconde ligne ; point-virgule | barre."
actors: [valmontie, bordurie]
location: 'Port-Sable, "quai" nord'
tags: ["pêche, quotas", "a | b", "c; d", "e\nf"]
sources:
  - source: gazette-2024-03-06
    quote: "Un extrait, \"cité\"\net sur deux lignes."
"""
YEAR_EVENT = """id: 2022-tensions-anciennes
date: "2022"
status: occurred
title: Tensions anciennes sur la pêche
summary: Les deux pays se disputent déjà les eaux.
sources:
  - source: depeche-2023
    quote: Les deux pays se retrouveront l'an prochain.
"""
DELICATE_ACTOR = """id: bordurie
name: Bordurie
kind: state
aliases: ["Bordurie, État", "la \\"Bordurie\\"", "Bor\\ndurie"]
description: État imaginaire voisin.
affiliations:
  - actor: valmontie
    relation: "voisin, rival"
"""
DELICATE_SOURCE_TITLE = (
    "title: Valmont et Bordurie se parlent à nouveau",
    "title: 'Valmont, \"enfin\", parle à Bordurie'",
)


def delicate_data(folder: Path) -> Path:
    data = folder / "briefing"
    shutil.copytree(FIXTURE, data)
    (data / "events/2024/2024-05-10-sommet-delicat.yaml").write_text(DELICATE_EVENT, encoding="utf-8")
    (data / "events/2022").mkdir()
    (data / "events/2022/2022-tensions-anciennes.yaml").write_text(YEAR_EVENT, encoding="utf-8")
    (data / "actors/bordurie.yaml").write_text(DELICATE_ACTOR, encoding="utf-8")
    source = data / "sources/depeche-2023.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace(*DELICATE_SOURCE_TITLE), encoding="utf-8")
    return data


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return delicate_data(tmp_path_factory.mktemp("data"))


@pytest.fixture(scope="module")
def briefing(data: Path) -> Briefing:
    return read_briefing(data)


def built_site(folder: Path, data: Path) -> Path:
    project = make_project(folder, data)
    result = build(project, SITE_URL=SITE_URL)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, data: Path) -> Path:
    return built_site(tmp_path_factory.mktemp("project"), data)


@pytest.fixture(scope="module")
def donnees(site: Path) -> Path:
    return site / "donnees"


def render_exports(briefing: Briefing, site_url: str = SITE_URL) -> dict[str, bytes]:
    """Every export of `briefing`, made as `generate` makes them, by path."""
    pages = export.render_exports(Site(briefing, urls=SiteUrls.at(site_url)))
    return {page.path: (page.text or "").encode("utf-8") for page in pages}


def page_of(event: Event) -> str:
    return f"{SITE_URL}chronologie/{event.year}/#{event.id}"


def uid_of(event: Event) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, SITE_URL + event.id))


def stamp_of(event: Event) -> dt.datetime:
    """The last day the latest source can have appeared: no day is invented for a month or a year."""
    latest = max(c.source.published.last_day for c in event.citations)
    return dt.datetime(latest.year, latest.month, latest.day, tzinfo=dt.UTC)


# --- dossier.json -------------------------------------------------------------------------------


def test_dossier_holds_every_record_with_references_resolved(donnees: Path, briefing: Briefing) -> None:
    dossier = json.loads((donnees / "dossier.json").read_text(encoding="utf-8"))
    assert dossier["version"] == export.FORMAT_VERSION
    assert dossier["$schema"] == f"{SITE_URL}donnees/schemas/dossier.schema.json"
    assert [e["id"] for e in dossier["events"]] == [e.id for e in briefing.events]
    assert [a["id"] for a in dossier["actors"]] == sorted(a.id for a in briefing.actors)
    assert [s["id"] for s in dossier["sources"]] == sorted(s.id for s in briefing.sources)
    assert [t["id"] for t in dossier["treaties"]] == [t.id for t in briefing.treaties]
    assert [q["id"] for q in dossier["questions"]] == [q.id for q in briefing.questions]
    for record, event in zip(dossier["events"], briefing.events, strict=True):
        assert record["title"] == event.title
        assert record["summary"] == event.summary
        assert record["date"] == event.date.iso
        assert record["actors"] == [{"id": a.id, "name": a.name} for a in event.actors]
        assert record["according_to"] == [{"id": a.id, "name": a.name} for a in event.according_to]
        assert record["tags"] == list(event.tags)
        assert [c["source"] for c in record["sources"]] == [
            {"id": c.source.id, "title": c.source.title} for c in event.citations
        ]
        assert [c["quote"] for c in record["sources"]] == [c.quote for c in event.citations]
        assert record["page"] == page_of(event)
    signing = next(e for e in dossier["events"] if e["id"] == "2024-03-05-signature-accord")
    assert signing["outcome_of"] == {
        "id": "2023-10-rencontre-annoncee",
        "title": "Une rencontre au sommet est annoncée",
    }
    assert signing["treaties"] == [
        {
            "treaty": {"id": "accord-peche", "title": "Accord de pêche Valmontie–Bordurie"},
            "provision": {"id": "quotas", "title": "Quotas de pêche"},
        }
    ]
    (treaty,) = dossier["treaties"]
    assert treaty["parties"] == [{"id": "valmontie", "name": "Valmontie"}, {"id": "bordurie", "name": "Bordurie"}]
    assert treaty["status_history"][0]["event"]["id"] == "2024-03-05-signature-accord"
    in_force = treaty["status_history"][1]
    assert (in_force["date"], in_force["not_before"], in_force["not_after"]) == ("2024-03", "2024-03-05", "2024-03-06")
    # Bounds and the context flag keep the schema's names; what the data leaves out stays out.
    storm = next(e for e in dossier["events"] if e["id"] == "2024-02-tempete")
    assert (storm["date"], storm["not_before"], storm["not_after"]) == ("2024-02", "2024-02-10", "2024-02-14")
    assert storm["context"] is True and signing["context"] is False
    assert "not_before" not in signing and "not_after" not in signing
    (question,) = dossier["questions"]
    assert all(set(ev["event"]) == {"id", "title"} for ev in question["evidence"])
    depeche = next(s for s in dossier["sources"] if s["id"] == "depeche-2023")
    assert depeche["outlet"] == "Le Courrier" and depeche["outlet_inferred"] is True
    assert depeche["published"] == "2023-11" and depeche["published_certainty"] == "inferred"
    assert "url" not in depeche  # what is not known is left out
    gazette = next(s for s in dossier["sources"] if s["id"] == "gazette-2024-03-06")
    assert gazette["credits"] == ["Photo : Paul Rivage"] and gazette["archive"] == "gazette-2024-03-06.txt"
    bordurie = next(a for a in dossier["actors"] if a["id"] == "bordurie")
    assert bordurie["affiliations"] == [
        {"actor": {"id": "valmontie", "name": "Valmontie"}, "relation": "voisin, rival"}
    ]


def schema_registry(folder: Path) -> Registry:
    """Schemas fetched by their file address, so relative $refs resolve as a tool would."""

    def retrieve(uri: str) -> Resource:
        return Resource.from_contents(json.loads(Path(urlsplit(uri).path).read_text(encoding="utf-8")))

    return Registry(retrieve=retrieve)


def published_validator(folder: Path, name: str) -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator({"$ref": (folder / name).as_uri()}, registry=schema_registry(folder))


def test_the_dossier_schema_follows_the_record_schemas_new_fields_included() -> None:
    events = dossier_schema()["properties"]["events"]["items"]
    assert {"not_before", "not_after", "context"} <= set(events["properties"])
    assert events["properties"]["not_before"] == {"$ref": "event.schema.json#/properties/not_before"}
    steps = dossier_schema()["properties"]["treaties"]["items"]["properties"]["status_history"]["items"]
    assert {"not_before", "not_after"} <= set(steps["properties"])
    # A bounded date needs its note, in dossier.json as in the data.
    assert {"$ref": "common.schema.json#/definitions/date_note_when_not_before"} in events["allOf"]


def test_dossier_follows_its_published_schema(donnees: Path) -> None:
    dossier = json.loads((donnees / "dossier.json").read_text(encoding="utf-8"))
    errors = list(published_validator(donnees / "schemas", "dossier.schema.json").iter_errors(dossier))
    assert [e.message for e in errors] == []
    dossier["events"][0]["actors"] = ["valmontie"]  # a bare id where the object belongs
    assert not published_validator(donnees / "schemas", "dossier.schema.json").is_valid(dossier)


def test_schemas_are_published_as_they_are_and_their_refs_work(donnees: Path, data: Path) -> None:
    for path in SCHEMA_DIR.glob("*.json"):
        assert (donnees / "schemas" / path.name).read_bytes() == path.read_bytes(), path.name
    documents = load_documents(data).documents
    assert documents
    for doc in documents:
        validator = published_validator(donnees / "schemas", f"{doc.kind}.schema.json")
        assert [e.message for e in validator.iter_errors(doc.data)] == [], doc.data_file


# --- CSV ----------------------------------------------------------------------------------------


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte order mark, for Excel"
    reader = csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""))
    rows = list(reader)
    return list(reader.fieldnames or []), rows


def as_cell(value: object) -> str:
    """The CSV cell the Données page promises for a value."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def one_line(text: str) -> str:
    return " ".join(text.split())


def expected_event_row(e: Event) -> dict[str, str]:
    values: dict[str, object] = {
        "id": e.id,
        "date": e.date.iso,
        "end_date": e.end_date.iso if e.end_date else None,
        "not_before": e.dating.not_before.iso if e.dating.not_before else None,
        "not_after": e.dating.not_after.iso if e.dating.not_after else None,
        "date_certainty": e.certainty,
        "date_note": e.date_note,
        "order": e.order,
        "status": e.status,
        "title": e.title,
        "summary": e.summary,
        "context": e.context,
        "actors": "\n".join(a.id for a in e.actors),
        "according_to": "\n".join(a.id for a in e.according_to),
        "location": e.location,
        "tags": "\n".join(one_line(t) for t in e.tags),
        "outcome_of": e.outcome_of,
        "treaties": "\n".join(t.treaty_id + (f"#{t.provision_id}" if t.provision_id else "") for t in e.treaty_links),
        "sources": "\n".join(c.source.id for c in e.citations),
        "former_ids": "\n".join(e.former_ids),
        "page": page_of(e),
    }
    return {name: as_cell(value) for name, value in values.items()}


def schema_properties(kind: str) -> list[str]:
    return list(json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))["properties"])


def test_events_csv_has_every_event_field_by_field(donnees: Path, briefing: Briefing) -> None:
    header, rows = read_csv(donnees / "evenements.csv")
    assert header == [*schema_properties("event"), "page"]
    assert rows == [expected_event_row(e) for e in briefing.events]


def test_csv_round_trips_commas_quotes_newlines_and_list_separators(donnees: Path, briefing: Briefing) -> None:
    _, rows = read_csv(donnees / "evenements.csv")
    row = next(r for r in rows if r["id"] == "2024-05-10-sommet-delicat")
    event = briefing.events_by_id["2024-05-10-sommet-delicat"]
    assert row["location"] == 'Port-Sable, "quai" nord'
    assert row["summary"] == event.summary and "\n\n" in row["summary"]
    assert row["tags"].split("\n") == ["pêche, quotas", "a | b", "c; d", "e f"]
    assert row["actors"].split("\n") == ["valmontie", "bordurie"]
    assert row["title"] == "'" + event.title, "a cell that starts like a formula is defused"
    raw = (donnees / "evenements.csv").read_bytes().decode("utf-8-sig")
    assert '"Port-Sable, ""quai"" nord"' in raw  # RFC 4180: quoted, inner quotes doubled
    assert raw.split("\r\n", 1)[0].startswith("id,date,"), "CRLF between records"


def test_actors_csv(donnees: Path, briefing: Briefing) -> None:
    header, rows = read_csv(donnees / "acteurs.csv")
    assert header == [*schema_properties("actor"), "page"]
    expected = [
        {
            "id": a.id,
            "name": a.name,
            "kind": a.kind,
            "role": a.role or "",
            "aliases": "\n".join(one_line(x) for x in a.aliases),
            "description": a.description,
            "affiliations": "\n".join(f"{f.actor_id}: {f.relation}" for f in a.affiliations),
            "former_ids": "\n".join(a.former_ids),
            "page": f"{SITE_URL}acteurs/{a.id}/",
        }
        for a in sorted(briefing.actors, key=lambda a: a.id)
    ]
    assert rows == expected
    bordurie = next(r for r in rows if r["id"] == "bordurie")
    assert bordurie["aliases"].split("\n") == ["Bordurie, État", 'la "Bordurie"', "Bor durie"]


def test_sources_csv(donnees: Path, briefing: Briefing) -> None:
    header, rows = read_csv(donnees / "sources.csv")
    assert header == [*schema_properties("source"), "page"]
    expected = [
        {
            "id": s.id,
            "title": s.title,
            "outlet": s.outlet or "",
            "outlet_inferred": as_cell(s.outlet_inferred),
            "author": s.author or "",
            "author_inferred": as_cell(s.author_inferred),
            "published": s.published.iso,
            "published_certainty": s.published_certainty,
            "published_note": s.published_note or "",
            "language": s.language,
            "url": s.url or "",
            "notes": s.notes or "",
            "credits": "\n".join(s.credits),
            "archive": s.archive or "",
            "former_ids": "\n".join(s.former_ids),
            "page": f"{SITE_URL}sources/{s.id}/",
        }
        for s in briefing.sources
    ]
    assert rows == expected
    assert rows[0]["title"] == 'Valmont, "enfin", parle à Bordurie'


# --- Calendar -----------------------------------------------------------------------------------


def read_calendar(path: Path) -> Any:
    return vobject.readOne(path.read_bytes().decode("utf-8"))


def test_calendar_has_every_event_all_day_as_the_page_says(donnees: Path, briefing: Briefing) -> None:
    calendar = read_calendar(donnees / "evenements.ics")
    entries = {entry.uid.value: entry for entry in calendar.vevent_list}
    assert list(entries) == [uid_of(e) for e in briefing.events]
    for event in briefing.events:
        entry = entries[uid_of(event)]
        start, end = entry.dtstart.value, entry.dtend.value
        assert type(start) is dt.date and type(end) is dt.date, "all day: VALUE=DATE"
        low, high = event.dating.not_before, event.dating.not_after
        assert start == (low or event.date).first_day, "the first day it may fall on"
        last = (event.end_date or high or event.date).last_day
        assert end == last + dt.timedelta(days=1), "DTEND is exclusive"
        assert entry.dtstamp.value == stamp_of(event), "DTSTAMP comes from the data, not the clock"
        assert entry.url.value == page_of(event)
        assert event.title in entry.summary.value
        assert event.summary.strip() in entry.description.value
    spans = {e.id: (entries[uid_of(e)].dtstart.value, entries[uid_of(e)].dtend.value) for e in briefing.events}
    assert spans["2024-03-05-signature-accord"] == (dt.date(2024, 3, 5), dt.date(2024, 3, 7))
    assert spans["2024-04-quotas-contestes"] == (dt.date(2024, 4, 1), dt.date(2024, 5, 1))
    assert spans["2022-tensions-anciennes"] == (dt.date(2022, 1, 1), dt.date(2023, 1, 1))
    # Known only within bounds, inside February: the entry spans the days between them.
    assert spans["2024-02-tempete"] == (dt.date(2024, 2, 10), dt.date(2024, 2, 15))


def test_calendar_says_how_precise_and_how_sure(donnees: Path, briefing: Briefing) -> None:
    entries = {e.uid.value: e for e in read_calendar(donnees / "evenements.ics").vevent_list}

    def entry(event_id: str) -> Any:
        return entries[uid_of(briefing.events_by_id[event_id])]

    assert entry("2024-04-quotas-contestes").summary.value.endswith("(avril 2024, jour inconnu, date approximative)")
    assert entry("2022-tensions-anciennes").summary.value.endswith("(2022, mois et jour inconnus)")
    storm = entry("2024-02-tempete")
    assert storm.summary.value.endswith("(entre le 10 et le 14 février 2024, jour inconnu, date approximative)")
    assert "Jour inconnu : l'entrée couvre tous les jours où il a pu avoir lieu." in storm.description.value
    assert "Date approximative : « Mi-février » selon la gazette" in storm.description.value
    assert entry("2024-03-05-signature-accord").summary.value == "Signature de l'accord de pêche"
    planned = entry("2024-05-10-sommet-delicat")
    assert planned.summary.value == '[Prévu] =SOMME(1;2), le "sommet" prévu'
    assert planned.status.value == "TENTATIVE"
    assert planned.location.value == 'Port-Sable, "quai" nord'
    assert planned.categories.value == ["pêche, quotas", "a | b", "c; d", "e\nf"]
    assert entry("2024-03-05-signature-accord").status.value == "CONFIRMED"
    assert entry("2023-10-rencontre-annoncee").summary.value.startswith("[Annoncé] ")


# --- Feed ---------------------------------------------------------------------------------------


def test_feed_is_valid_atom_with_absolute_links_to_each_event(donnees: Path, briefing: Briefing, site: Path) -> None:
    parsed = feedparser.parse((donnees / "flux.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.id == f"{SITE_URL}donnees/flux.xml"
    newest_first = list(reversed(briefing.events))[: export.FEED_SIZE]
    assert [entry.id for entry in parsed.entries] == [f"urn:uuid:{uid_of(e)}" for e in newest_first]
    for entry, event in zip(parsed.entries, newest_first, strict=True):
        assert entry.link == page_of(event)
        assert entry.title.endswith(event.title) or event.title in entry.title
        assert dt.datetime(*entry.updated_parsed[:6], tzinfo=dt.UTC) == stamp_of(event)
        # The link leads to the event's anchor on its year page.
        path, _, anchor = entry.link.removeprefix(SITE_URL).partition("#")
        assert f'id="{anchor}"' in (site / path / "index.html").read_text(encoding="utf-8")
    latest = max(stamp_of(e) for e in newest_first)
    assert dt.datetime(*parsed.feed.updated_parsed[:6], tzinfo=dt.UTC) == latest


def test_feed_keeps_the_latest_events_only(briefing: Briefing, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feed_module, "FEED_SIZE", 2)
    parsed = feedparser.parse(render_exports(briefing)[FEED])
    assert [entry.link for entry in parsed.entries] == [page_of(e) for e in reversed(briefing.events[-2:])]


# --- Stability ----------------------------------------------------------------------------------


def test_a_second_build_gives_the_same_ids_and_bytes(donnees: Path, data: Path, tmp_path: Path) -> None:
    again = built_site(tmp_path, data) / "donnees"
    first_uids = [e.uid.value for e in read_calendar(donnees / "evenements.ics").vevent_list]
    second_uids = [e.uid.value for e in read_calendar(again / "evenements.ics").vevent_list]
    assert first_uids == second_uids
    first_ids = [e.id for e in feedparser.parse((donnees / "flux.xml").read_bytes()).entries]
    second_ids = [e.id for e in feedparser.parse((again / "flux.xml").read_bytes()).entries]
    assert first_ids == second_ids
    exported = sorted(p.relative_to(donnees) for p in donnees.rglob("*") if p.is_file() and p.suffix != ".html")
    for path in exported:
        assert (again / path).read_bytes() == (donnees / path).read_bytes(), path


def test_rendering_is_deterministic(briefing: Briefing) -> None:
    first = render_exports(briefing)
    assert render_exports(briefing) == first
    assert len(first) == len(export.render_exports(Site(briefing)))


def test_hostile_data_still_gives_files_that_parse() -> None:
    files = render_exports(read_briefing(HOSTILE))
    parsed = feedparser.parse(files[FEED])
    assert not parsed.bozo and parsed.entries[0].title.endswith(")")
    assert "<script>" in parsed.entries[0].title, "shown as text, not markup"
    assert len(vobject.readOne(files[CALENDAR].decode("utf-8")).vevent_list) == 1
    json.loads(files[DOSSIER])
    _, rows = read_csv_bytes(files[CSV_FILES["source"]])
    assert rows[0]["url"] == "https://example.org/a?b=\"><script>alert('url')</script>"


def read_csv_bytes(raw: bytes) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""))
    rows = list(reader)
    return list(reader.fieldnames or []), rows


# --- The Données page ---------------------------------------------------------------------------


class _Page(HTMLParser):
    """The links of a page, and the cells of each table row."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs += [value for name, value in attrs if name == "href" and value]
        elif tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def read_page(site: Path, path: str) -> _Page:
    parser = _Page()
    parser.feed((site / path).read_text(encoding="utf-8"))
    return parser


def test_every_export_is_linked_from_the_data_page(site: Path, donnees: Path) -> None:
    page = read_page(site, "donnees/index.html")
    linked = {
        posixpath.normpath(posixpath.join("donnees", href))
        for href in page.hrefs
        if not urlsplit(href).scheme and not href.startswith("#")
    }
    exported = {p.relative_to(site).as_posix() for p in donnees.rglob("*") if p.is_file() and p.name != "index.html"}
    assert len(exported) == 7 + len(list(SCHEMA_DIR.glob("*.json")))
    assert exported <= linked, exported - linked
    nav = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="donnees/"' in nav


@cache
def _schema(file: str) -> Any:
    """A schema with its local $refs ('#/…') spelled with their file, to resolve them anywhere."""

    def qualify(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: f"{file}{v}" if k == "$ref" and v.startswith("#") else qualify(v) for k, v in node.items()}
        return [qualify(v) for v in node] if isinstance(node, list) else node

    return qualify(json.loads((SCHEMA_DIR / file).read_text(encoding="utf-8")))


def _deref(node: dict[str, Any]) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    if "$ref" in node:
        file, _, pointer = node["$ref"].partition("#")
        target = _schema(file)
        for part in filter(None, pointer.split("/")):
            target = target[part]
        merged.update(_deref(target))
    for part in node.get("allOf", []):
        merged.update(_deref(part))
    merged.update({k: v for k, v in node.items() if k not in ("$ref", "allOf")})
    return merged


def schema_fields(node: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, dict[str, Any], bool]]:
    """(name as the page writes it, its schema, required) for every field, nested ones too."""
    node = _deref(node)
    for name, prop in node.get("properties", {}).items():
        prop = _deref(prop)
        yield prefix + name, prop, name in node.get("required", [])
        items = _deref(prop["items"]) if "items" in prop else {}
        if "properties" in prop:
            yield from schema_fields(prop, f"{prefix}{name}.")
        elif "properties" in items:
            yield from schema_fields(items, f"{prefix}{name}[].")


def test_the_data_page_documents_every_field_of_every_schema(site: Path) -> None:
    text = (site / "donnees/index.html").read_text(encoding="utf-8")
    kinds = ("briefing", "event", "actor", "source", "treaty", "question")
    for kind in kinds:
        start = text.index(f'id="champs-{kind}"')
        following = [text.find(f'id="champs-{k}"', start + 1) for k in kinds]
        end = min([i for i in following if i > 0] or [len(text)])
        section = _Page()
        section.feed(text[start:end])
        rows = {row[0]: row for row in section.rows if row and row[0] != "Champ"}
        documented = [name for name, _, _ in schema_fields(_schema(f"{kind}.schema.json"))]
        assert list(rows) == documented, kind
        for name, prop, required in schema_fields(_schema(f"{kind}.schema.json")):
            _, kind_words, required_words, description, values = rows[name]
            assert required_words.startswith("oui") if required else True, (kind, name)
            if not required:
                assert required_words == "non" or required_words.startswith("oui, si "), (kind, name)
            assert description not in ("—", "", one_line(prop.get("description", ""))), (kind, name)  # in French
            for code in prop.get("enum", []):
                assert code in values, (kind, name, code)
            assert kind_words, (kind, name)


def test_the_data_page_explains_the_choices(site: Path) -> None:
    text = html.unescape(re.sub(r"<[^>]+>", "", (site / "donnees/index.html").read_text(encoding="utf-8")))
    text = " ".join(text.split())
    for words in [
        "UTF-8 avec BOM",
        "le séparateur est le retour à la ligne",
        "un événement daté seulement au mois couvre le mois entier",
        "connu seulement entre des bornes (not_before, not_after), il couvre les jours entre elles",
        "aucun jour n'est inventé",
        "flux Atom des 50 événements les plus récents",
        "JSON Schema draft-07",
    ]:
        assert words in text, words


# --- Made by generate --------------------------------------------------------------------------


def test_generate_writes_the_exports_for_the_site_address_mkdocs_reads(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SITE_URL", SITE_URL)
    generate(project / "data", project / "docs")
    docs = project / "docs"
    written = {p.relative_to(docs).as_posix() for p in (docs / "donnees").rglob("*") if p.is_file()}
    expected = render_exports(read_briefing(project / "data"))
    assert written - {"donnees/index.md"} == set(expected)
    dossier = (project / "docs" / DOSSIER).read_bytes()
    assert dossier == expected[DOSSIER]
    assert json.loads(dossier)["$schema"].startswith(SITE_URL)


def test_the_exports_follow_the_site_address(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new address remakes every export, though no data changed: the cache knows the address too."""
    monkeypatch.setenv("SITE_URL", "https://one.example/")
    generate(project / "data", project / "docs")
    monkeypatch.setenv("SITE_URL", "https://two.example/")
    outcome = generate(project / "data", project / "docs")
    addressed = {path for path in render_exports(read_briefing(project / "data")) if "/schemas/" not in path}
    assert addressed <= set(outcome.written)  # the record schemas hold no address: they stay
    assert "https://one.example" not in (project / "docs" / FEED).read_text(encoding="utf-8")


def test_editing_one_event_remakes_its_entries_only(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[str] = []
    real = calendar_module.description
    generate(project / "data", project / "docs")
    event = project / "data/events/2024/2024-03-05-signature-accord.yaml"
    event.write_text(event.read_text("utf-8").replace("title: Signature", "title: Conclusion"), "utf-8")
    monkeypatch.setattr(calendar_module, "description", lambda e, *rest: made.append(e.id) or real(e, *rest))
    outcome = generate(project / "data", project / "docs")
    assert made == ["2024-03-05-signature-accord"]  # the other entries are remembered
    assert {CALENDAR, DOSSIER, FEED} <= set(outcome.written)
    assert "Conclusion de l'accord" in (project / "docs" / CALENDAR).read_text(encoding="utf-8")


def test_folding_is_icalendar_s_own() -> None:
    """Lines are folded here for speed: byte for byte as icalendar folds them."""
    from icalendar.parser.string import _foldline

    alphabet = "aé€𝄞\\^ xß中"
    lines = ["", "a" * 74, "a" * 75, "a" * 73 + "\\n", "é" * 40, "𝄞" * 30 + "^" * 50, "x" * 300]
    for i, n in enumerate(range(0, 400, 7)):
        lines.append("".join(alphabet[(i * 7 + j * 3) % len(alphabet)] for j in range(n)))
    for line in lines:
        assert fold(line) == _foldline(line), line


def test_the_data_page_says_when_a_bounded_date_needs_its_note() -> None:
    for kind, name in (("event", "date_note"), ("treaty", "status_history[].date_note")):
        (doc,) = [k for k in kind_docs(words_for("fr")) if k.kind == kind]
        (field,) = [f for f in doc.fields if f.name == name]
        assert field.required == (
            "oui, si date_certainty vaut approximate ou inferred ou si not_before est renseigné "
            "ou si not_after est renseigné"
        )
