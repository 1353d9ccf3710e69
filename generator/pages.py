"""The pages of the site: which exist, where they go, and what each one is given to render."""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Callable, Iterable, Mapping

from . import exports, labels, search
from .exports.schemas import kind_docs, published_schemas
from .links import SiteUrls, actor_target, source_target, treaty_target
from .model import Briefing, Event, Treaty
from .render import count_of
from .site import Site
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
) -> list[Page]:
    """Render every generated file of the site, pages and exports; see Site for what is
    remembered across runs (`remember` receives what the next run should remember)."""
    site = Site(briefing, urls=urls, digests=digests, remembered=remembered, intact=intact, previous=previous)
    renderers: list[Callable[[Site], Iterable[Page]]] = [
        render_home,
        render_timeline,
        render_actors,
        render_treaties,
        render_questions,
        render_sources,
        render_data_page,
        render_print,
        render_search_words,
        exports.render_exports,
    ]
    pages = [page for renderer in renderers for page in renderer(site)]
    if remember is not None:
        remember.update(site.to_remember(pages))
    return pages


def render_home(site: Site) -> list[Page]:
    b = site.briefing
    # The subject's own latest events first; the latest context events in a short list after them.
    latest = tuple(reversed([e for e in b.events if not e.context][-LATEST_COUNT:]))
    latest_context = tuple(reversed([e for e in b.events if e.context][-LATEST_CONTEXT_COUNT:]))
    by_status = {status: tuple(q for q in b.questions if q.status == status) for status in labels.QUESTION_STATUS}
    open_questions = by_status["open"] + by_status["partly_answered"]
    return [
        site.page(
            "home.md.j2",
            "index.md",
            title="Synthèse",
            description=b.description,
            data_file=b.data_file,
            shows=[
                site.digest(b.data_file),
                *map(site.row_key, (*latest, *latest_context, *b.featured)),
                repr((len(b.events), len(b.actors), len(b.sources), b.years)),
                *site.digests_of(b.treaties),
                *site.digests_of(b.questions),
            ],
            latest=latest,
            latest_context=latest_context,
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
            description=f"{count_of(len(b.events), 'événement')}, année par année.",
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
                f"chronologie/{year}.md",
                title=f"Chronologie {year}",
                description=f"{count_of(len(events), 'événement')} en {year}.",
                data_file=f"{folder}{year}/",
                shows=[*(site.section_key(e) for e in events), repr(b.years)],
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
            shows=[*site.digests_of(b.actors), repr({a: len(e) for a, e in b.events_by_actor.items()})],
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
    b = site.briefing
    pages = [
        site.page(
            "treaties.md.j2",
            "traites/index.md",
            title="Traités",
            description="Les traités et accords du dossier.",
            data_file=_folder_of(b.data_file, "treaties"),
            shows=[*site.digests_of(b.treaties), *site.digests_of(a for t in b.treaties for a in t.parties)],
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
                shows=[
                    *map(site.digest, _shown_by_treaty(treaty)),
                    *map(site.row_key, (*b.events_by_treaty.get(treaty.id, ()), *treaty_events(treaty))),
                ],
                treaty=treaty,
                events=b.events_by_treaty.get(treaty.id, ()),
                since=_since_signing(treaty, b.events_by_treaty.get(treaty.id, ())),
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
            shows=[
                *site.digests_of(b.questions),
                *(site.row_key(ev.event) for q in b.questions for ev in q.evidence),
                *site.digests_of(c.source for q in b.questions for c in q.citations),
            ],
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
            shows=[*site.digests_of(b.sources), repr({s: len(e) for s, e in b.events_by_source.items()})],
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
    """The Données page: the exports beside it under donnees/, and every field, from the schemas."""
    return [
        site.page(
            "donnees.md.j2",
            f"{exports.EXPORT_DIR}/index.md",
            title="Données",
            description="Le dossier en fichiers ouverts (JSON, CSV, calendrier, flux Atom) et chacun de ses champs.",
            data_file=posixpath.dirname(site.briefing.data_file) + "/",
            shows=[],  # made from the schemas alone, which are part of the code
            export=exports,
            kinds=kind_docs(),
            schemas=published_schemas(),
        )
    ]


def _shown_by_treaty(treaty: Treaty) -> list[str]:
    """The records a treaty page shows besides its events: the treaty, its parties, its sources."""
    citations = [c for step in treaty.history for c in step.citations]
    citations += [c for provision in treaty.provisions for c in provision.citations]
    return [
        treaty.data_file,
        *(actor.data_file for actor in (*treaty.parties, *treaty.signatories)),
        *(citation.source.data_file for citation in citations),
    ]


def _since_signing(treaty: Treaty, events: tuple[Event, ...]) -> tuple[Event, ...]:
    """The events that come after the signing in the timeline (all of them if it is not signed)."""
    signing = treaty.signing
    if signing is None:
        return events
    return tuple(e for e in events if e.dating.sort_key > signing.dating.sort_key)


def treaty_events(treaty: Treaty) -> list[Event]:
    return [step.event for step in treaty.history if step.event is not None]


def _folder_of(briefing_file: str, kind_folder: str) -> str:
    """The data folder of a kind, next to briefing.yaml: data/events/."""
    return posixpath.join(posixpath.dirname(briefing_file), kind_folder) + "/"


def render_search_words(site: Site) -> list[Page]:
    """The words the search box shows, in the briefing's language, for the MkDocs hook (search/words.py)."""
    language = site.briefing.language
    make = functools.partial(search.render_words, language)
    return [site.file(search.WORDS_FILE, shows=[language], make=make, data_file=site.briefing.data_file)]


def render_print(site: Site) -> list[Page]:
    """The whole briefing on one page, for paper; left out of search, which finds each record on its own page."""
    b = site.briefing
    by_kind = {kind: tuple(a for a in b.actors if a.kind == kind) for kind in labels.ACTOR_KIND}
    return [
        site.page(
            "print.md.j2",
            "imprimer.md",
            title="Version imprimable",
            description=f"Tout le dossier sur une page : {b.description}",
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
