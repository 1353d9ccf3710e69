"""The pages of the site: which exist, where they go, and what each one is given to render."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable
from typing import Any

from markupsafe import Markup

from . import export, labels
from .links import actor_target, source_target, treaty_target
from .model import Briefing, Event
from .render import Page, count_of, environment, render_page

LATEST_COUNT = 5


class Site:
    """What every page is rendered from: the briefing, and each event's Markdown, made once."""

    def __init__(self, briefing: Briefing) -> None:
        self.briefing = briefing
        macros = environment().get_template("macros.md.j2").module
        self._event_section: Callable[[Event, Briefing], str] = macros.event_section  # type: ignore[attr-defined]
        self._event_row: Callable[[Event], str] = macros.event_row  # type: ignore[attr-defined]
        self._sections: dict[str, Markup] = {}
        self._rows: dict[str, Markup] = {}

    def section(self, event: Event) -> Markup:
        """The event in full, as the timeline shows it."""
        found = self._sections.get(event.id)
        if found is None:
            found = self._sections[event.id] = Markup(self._event_section(event, self.briefing))
        return found

    def row(self, event: Event) -> Markup:
        """The event on one line, as lists of events show it."""
        found = self._rows.get(event.id)
        if found is None:
            found = self._rows[event.id] = Markup(self._event_row(event))
        return found

    def page(self, template: str, path: str, **kwargs: Any) -> Page:
        return render_page(template, path, briefing=self.briefing, fragments=self, **kwargs)


def render_site(briefing: Briefing) -> list[Page]:
    """Render every generated page of the site."""
    site = Site(briefing)
    renderers: list[Callable[[Site], Iterable[Page]]] = [
        render_home,
        render_timeline,
        render_actors,
        render_treaties,
        render_questions,
        render_sources,
        render_data_page,
    ]
    return [page for renderer in renderers for page in renderer(site)]


def render_home(site: Site) -> list[Page]:
    b = site.briefing
    latest = tuple(reversed(b.events[-LATEST_COUNT:]))
    by_status = {status: tuple(q for q in b.questions if q.status == status) for status in labels.QUESTION_STATUS}
    open_questions = by_status["open"] + by_status["partly_answered"]
    return [
        site.page(
            "home.md.j2",
            "index.md",
            title="Synthèse",
            description=b.description,
            data_file=b.data_file,
            latest=latest,
            open_questions=open_questions,
            by_status=by_status,
        )
    ]


def render_timeline(site: Site) -> list[Page]:
    b = site.briefing
    folder = _folder_of(b.data_file, "events")
    pages = [
        site.page(
            "timeline.md.j2",
            "chronologie/index.md",
            title="Chronologie",
            description=f"{len(b.events)} événements, année par année.",
            data_file=folder,
            meta={"search": {"exclude": True}},
        )
    ]
    for year in b.years:
        events = b.events_by_year[year]
        pages.append(
            site.page(
                "year.md.j2",
                f"chronologie/{year}.md",
                title=f"Chronologie {year}",
                description=f"{count_of(len(events), 'événement')} en {year}.",
                data_file=f"{folder}{year}/",
                year=year,
                events=events,
            )
        )
    return pages


def render_actors(site: Site) -> list[Page]:
    b = site.briefing
    by_kind = {kind: tuple(a for a in b.actors if a.kind == kind) for kind in labels.ACTOR_KIND}
    pages = [
        site.page(
            "actors.md.j2",
            "acteurs/index.md",
            title="Acteurs",
            description=f"Les {len(b.actors)} acteurs du dossier.",
            data_file=_folder_of(b.data_file, "actors"),
            by_kind=by_kind,
        )
    ]
    for actor in b.actors:
        pages.append(
            site.page(
                "actor.md.j2",
                actor_target(actor),
                title=actor.name,
                description=actor.role or actor.description,
                data_file=actor.data_file,
                actor=actor,
                events=b.events_by_actor.get(actor.id, ()),
            )
        )
    return pages


def render_treaties(site: Site) -> list[Page]:
    b = site.briefing
    pages = [
        site.page(
            "treaties.md.j2",
            "traites/index.md",
            title="Traités",
            description="Les traités et accords du dossier.",
            data_file=_folder_of(b.data_file, "treaties"),
        )
    ]
    for treaty in b.treaties:
        pages.append(
            site.page(
                "treaty.md.j2",
                treaty_target(treaty),
                title=treaty.title,
                description=treaty.summary,
                data_file=treaty.data_file,
                treaty=treaty,
                events=b.events_by_treaty.get(treaty.id, ()),
            )
        )
    return pages


def render_questions(site: Site) -> list[Page]:
    b = site.briefing
    return [
        site.page(
            "questions.md.j2",
            "questions/index.md",
            title="Questions ouvertes",
            description="Ce que les sources laissent ouvert, et les faits qui éclairent chaque question.",
            data_file=_folder_of(b.data_file, "questions"),
        )
    ]


def render_sources(site: Site) -> list[Page]:
    b = site.briefing
    pages = [
        site.page(
            "sources.md.j2",
            "sources/index.md",
            title="Sources",
            description=f"Les {len(b.sources)} sources citées et ce que l'on sait de chacune.",
            data_file=_folder_of(b.data_file, "sources"),
        )
    ]
    for source in b.sources:
        pages.append(
            site.page(
                "source.md.j2",
                source_target(source),
                title=source.title,
                description=f"Source : {source.title}",
                data_file=source.data_file,
                source=source,
                events=b.events_by_source.get(source.id, ()),
            )
        )
    return pages


def render_data_page(site: Site) -> list[Page]:
    """The Données page: the exports MkDocs adds under donnees/, and every field, from the schemas."""
    return [
        site.page(
            "donnees.md.j2",
            f"{export.EXPORT_DIR}/index.md",
            title="Données",
            description="Le dossier en fichiers ouverts (JSON, CSV, calendrier, flux Atom) et chacun de ses champs.",
            data_file=posixpath.dirname(site.briefing.data_file) + "/",
            export=export,
            kinds=export.kind_docs(),
            schemas=export.published_schemas(),
        )
    ]


def _folder_of(briefing_file: str, kind_folder: str) -> str:
    """The data folder of a kind, next to briefing.yaml: data/events/."""
    return posixpath.join(posixpath.dirname(briefing_file), kind_folder) + "/"
