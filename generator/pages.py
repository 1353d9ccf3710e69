"""The pages of the site: which exist, where they go, and what each one is given to render.

A part of the site exists when the data has what it shows: no treaty, no treaties section (in
the navigation, on the home page, on the printable page, on the data page); no question, no
questions page. The navigation MkDocs shows is written here too (sitenav.py).
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable, Iterable, Mapping

from markupsafe import Markup

from . import exports
from .dates import PartialDate
from .exports.schemas import kind_docs, published_schemas
from .links import SiteUrls, to_root, url_path
from .model import Actor, Briefing, Event, Source, Treaty
from .relations import affiliation_tree
from .render import render_text
from .site import Site
from .sitenav import render_site_config
from .write import Page

LATEST_COUNT = 5
LATEST_CONTEXT_COUNT = 3  # the home page's latest events of context, after the subject's own
# Up to this many events, the printable page gives each in full; beyond, one line each (the
# year pages print in full): a page of thousands of detailed events is not read, only scrolled.
PRINT_IN_FULL = 1000


def render_site(
    briefing: Briefing,
    *,
    urls: SiteUrls | None = None,
    digests: Mapping[str, str] | None = None,
    remembered: Mapping[str, str] | None = None,
    remember: dict[str, str] | None = None,
    intact: Callable[[str], bool] | None = None,
    previous: Callable[[str], str | None] | None = None,
    updated: dt.date | None = None,
) -> list[Page]:
    """Render every generated file of the site, pages and exports; see Site for what is
    remembered across runs (`remember` receives what the next run should remember)."""
    site = Site(
        briefing, urls=urls, digests=digests, remembered=remembered, intact=intact, previous=previous, updated=updated
    )
    renderers: list[Callable[[Site], Iterable[Page]]] = [
        render_home,
        render_timeline,
        render_actors,
        render_treaties,
        render_questions,
        render_sources,
        render_data_page,
        render_method,
        render_print,
        render_moved,
        exports.render_exports,
        render_site_config,
    ]
    pages = [page for renderer in renderers for page in renderer(site)]
    if remember is not None:
        remember.update(site.to_remember(pages))
    return pages


def render_home(site: Site) -> list[Page]:
    b, w = site.briefing, site.words
    # The subject's own latest events first; the latest context events in a short list after them.
    latest = tuple(reversed([e for e in b.events if not e.context][-LATEST_COUNT:]))
    latest_context = tuple(reversed([e for e in b.events if e.context][-LATEST_CONTEXT_COUNT:]))
    statuses = w.raw("labels.question_status")
    by_status = {status: tuple(q for q in b.questions if q.status == status) for status in statuses}
    open_questions = by_status["open"] + by_status["partly_answered"]
    return [
        site.page(
            "home.md.j2",
            site.places.index("home"),
            title=w("home.title"),
            description=b.description,
            data_file=b.data_file,
            shows=[
                site.digest(b.data_file),
                *map(site.row_key, (*latest, *latest_context, *b.featured)),
                repr((len(b.events), len(b.actors), len(b.sources), b.years, site.updated)),
                *site.digests_of(b.treaties),
                *site.digests_of(b.questions),
            ],
            latest=latest,
            latest_context=latest_context,
            updated=PartialDate(site.updated.year, site.updated.month, site.updated.day) if site.updated else None,
            featured=sorted(b.featured, key=lambda e: e.sort_key),
            open_questions=open_questions,
            by_status=by_status,
        )
    ]


def render_timeline(site: Site) -> list[Page]:
    b, w = site.briefing, site.words
    folder = _folder_of(b.data_file, "events")
    pages = [
        site.page(
            "timeline.md.j2",
            site.places.index("timeline"),
            title=w("timeline.title"),
            description=w("timeline.description", events=w.count("counts.events", len(b.events))),
            data_file=folder,
            meta={"search": {"exclude": True}},
            shows=[*map(site.item_key, b.events), *site.digests_of(b.actors)],
        )
    ]
    for year in b.years:
        events = b.events_by_year[year]
        pages.append(
            site.page(
                "year.md.j2",
                site.places.year(year),
                title=w("year.title", year=year),
                description=w("year.description", events=w.count("counts.events", len(events)), year=year),
                data_file=f"{folder}{year}/",
                shows=[*(site.section_key(e) for e in events), repr(b.years)],
                year=year,
                events=events,
                months=by_month(events),
            )
        )
    return pages


def by_month(events: Iterable[Event]) -> list[tuple[int | None, tuple[Event, ...]]]:
    """A year's events by the month they start in, in order; first those whose month is not
    known (a year alone, bounds across two months), which the year page gathers apart."""
    months: dict[int | None, list[Event]] = {}
    for event in events:
        months.setdefault(event.dating.month, []).append(event)
    return sorted(((m, tuple(e)) for m, e in months.items()), key=lambda item: item[0] or 0)


def render_actors(site: Site) -> list[Page]:
    b, w = site.briefing, site.words
    if not b.actors:
        return []
    by_kind = {kind: tuple(a for a in b.actors if a.kind == kind) for kind in w.raw("labels.actor_kind")}
    pages = [
        site.page(
            "actors.md.j2",
            site.places.index("actors"),
            title=w("actors.title"),
            description=w("actors.description", count=len(b.actors)),
            data_file=_folder_of(b.data_file, "actors"),
            shows=[*site.digests_of(b.actors), repr({a: len(e) for a, e in b.events_by_actor.items()})],
            by_kind=by_kind,
            tree=affiliation_tree(b.actors),
        )
    ]
    for actor in b.actors:
        pages.append(
            site.page(
                "actor.md.j2",
                site.places.actor(actor),
                title=actor.name,
                description=actor.role or actor.description,
                data_file=actor.data_file,
                shows=[
                    site.digest(actor.data_file),
                    *(site.digest(b.actors_by_id[link.actor_id].data_file) for link in actor.affiliations),
                    *(site.row_key(e) for e in b.events_by_actor.get(actor.id, ())),
                ],
                actor=actor,
                events=b.events_by_actor.get(actor.id, ()),
            )
        )
    return pages


def render_treaties(site: Site) -> list[Page]:
    b, w = site.briefing, site.words
    if not b.treaties:
        return []
    pages = [
        site.page(
            "treaties.md.j2",
            site.places.index("treaties"),
            title=w("treaties.title"),
            description=w("treaties.description"),
            data_file=_folder_of(b.data_file, "treaties"),
            shows=[*site.digests_of(b.treaties), *site.digests_of(a for t in b.treaties for a in t.parties)],
        )
    ]
    for treaty in b.treaties:
        pages.append(
            site.page(
                "treaty.md.j2",
                site.places.treaty(treaty),
                title=treaty.title,
                description=treaty.summary,
                data_file=treaty.data_file,
                shows=[
                    *map(site.digest, _shown_by_treaty(treaty)),
                    *map(site.row_key, (*b.events_by_treaty.get(treaty.id, ()), *treaty_events(treaty))),
                ],
                treaty=treaty,
                events=b.events_by_treaty.get(treaty.id, ()),
                since=_since_start(treaty, b.events_by_treaty.get(treaty.id, ())),
            )
        )
    return pages


def render_questions(site: Site) -> list[Page]:
    b, w = site.briefing, site.words
    if not b.questions:
        return []
    return [
        site.page(
            "questions.md.j2",
            site.places.index("questions"),
            title=w("questions.title"),
            description=w("questions.description"),
            data_file=_folder_of(b.data_file, "questions"),
            shows=[
                *site.digests_of(b.questions),
                *(site.row_key(ev.event) for q in b.questions for ev in q.evidence),
                *site.digests_of(c.source for q in b.questions for c in q.citations),
            ],
        )
    ]


def render_sources(site: Site) -> list[Page]:
    b, w = site.briefing, site.words
    if not b.sources:
        return []
    pages = [
        site.page(
            "sources.md.j2",
            site.places.index("sources"),
            title=w("sources.title"),
            description=w("sources.description", count=len(b.sources)),
            data_file=_folder_of(b.data_file, "sources"),
            shows=[*site.digests_of(b.sources), repr({s: len(e) for s, e in b.events_by_source.items()})],
        )
    ]
    for source in b.sources:
        pages.append(
            site.page(
                "source.md.j2",
                site.places.source(source),
                title=source.title,
                description=w("source.description", title=source.title),
                data_file=source.data_file,
                shows=[
                    site.digest(source.data_file),
                    *(site.row_key(e) for e in b.events_by_source.get(source.id, ())),
                ],
                source=source,
                events=b.events_by_source.get(source.id, ()),
            )
        )
    return pages


def render_data_page(site: Site) -> list[Page]:
    """The data page: the exports beside it, and every field, from the schemas and the catalogue."""
    b, w = site.briefing, site.words
    kinds = [k for k in kind_docs(w) if _has_kind(b, k.kind)]
    return [
        site.page(
            "donnees.md.j2",
            site.places.index("data"),
            title=w("sections.data"),
            description=w("data_page.description"),
            data_file=posixpath.dirname(b.data_file) + "/",
            shows=[repr([k.kind for k in kinds])],  # and the schemas and the catalogue, part of the code
            export=exports,
            kinds=kinds,
            schemas=published_schemas(w),
        )
    ]


def render_method(site: Site) -> list[Page]:
    """How the briefing is made and how to read it: a text of the catalogue, not of the data."""
    w = site.words
    return [
        site.page(
            "method.md.j2",
            site.places.page("method"),
            title=w("sections.method"),
            description=w("method.description"),
            data_file=w.file,  # its edit button opens the catalogue, where its text is
            shows=[],
        )
    ]


def render_print(site: Site) -> list[Page]:
    """The whole briefing on one page, for paper; left out of search, which finds each record on its own page."""
    b, w = site.briefing, site.words
    by_kind = {kind: tuple(a for a in b.actors if a.kind == kind) for kind in w.raw("labels.actor_kind")}
    return [
        site.page(
            "print.md.j2",
            site.places.page("print"),
            title=w("print.title"),
            description=w("print.description", description=b.description),
            data_file=posixpath.dirname(b.data_file) + "/",
            meta={"search": {"exclude": True}},
            shows=[
                site.digest(b.data_file),
                *map(site.section_key if len(b.events) <= PRINT_IN_FULL else site.row_key, b.events),
                *site.digests_of((*b.actors, *b.sources, *b.treaties, *b.questions)),
            ],
            by_kind=by_kind,
            in_full=len(b.events) <= PRINT_IN_FULL,
            full_limit=PRINT_IN_FULL,
        )
    ]


def render_moved(site: Site) -> list[Page]:
    """A page at each old address of a renamed actor, source or treaty (its former_ids), that
    sends the reader on to the new one. Events and questions are anchors on a page: their old ids
    are anchors beside them (macros.md.j2, `former_anchors`)."""
    places, language = site.places, site.briefing.language
    records: list[tuple[str, Actor | Source | Treaty, str]] = [
        *(("actors", a, places.actor(a)) for a in site.briefing.actors),
        *(("sources", s, places.source(s)) for s in site.briefing.sources),
        *(("treaties", t, places.treaty(t)) for t in site.briefing.treaties),
    ]
    pages = []
    for part, record, target in records:
        title = record.name if isinstance(record, Actor) else record.title
        for former in record.former_ids:
            path = places.moved(part, former)
            href = Markup.escape(to_root(path) + url_path(target))  # HTML, not Markdown: no Markdown escapes
            link = Markup('<a href="{}">{}</a>').format(href, site.words.typeset(title))
            text = render_text("moved.html.j2", language=language, title=title, href=href, link=link)
            pages.append(Page(path, text, record.data_file))
    return pages


def _has_kind(briefing: Briefing, kind: str) -> bool:
    """Whether the briefing holds records of `kind` (the briefing and events always count)."""
    optional = {"actor": briefing.actors, "source": briefing.sources, "treaty": briefing.treaties}
    return bool(optional.get(kind, True)) and (kind != "question" or bool(briefing.questions))


def _shown_by_treaty(treaty: Treaty) -> list[str]:
    """The records a treaty page shows besides its events: the treaty, its parties, its sources."""
    citations = [c for step in treaty.history for c in step.citations]
    citations += [c for provision in treaty.provisions for c in provision.citations]
    return [
        treaty.data_file,
        *(actor.data_file for actor in (*treaty.parties, *treaty.signatories)),
        *(step.party.data_file for step in treaty.history if step.party),
        *(citation.source.data_file for citation in citations),
    ]


def _since_start(treaty: Treaty, events: tuple[Event, ...]) -> tuple[Event, ...]:
    """The events that come after the treaty was signed, or adopted (all of them before that)."""
    start = treaty.start
    if start is None:
        return events
    return tuple(e for e in events if e.dating.sort_key > start.dating.sort_key)


def treaty_events(treaty: Treaty) -> list[Event]:
    return [step.event for step in treaty.history if step.event is not None]


def _folder_of(briefing_file: str, kind_folder: str) -> str:
    """The data folder of a kind, next to briefing.yaml: data/events/."""
    return posixpath.join(posixpath.dirname(briefing_file), kind_folder) + "/"
