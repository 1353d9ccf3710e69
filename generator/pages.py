"""The pages of the site: which exist, where they go, and what each one is given to render."""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from markupsafe import Markup

from . import export, labels
from .links import actor_target, source_target, treaty_target
from .model import Actor, Briefing, Event, Question, Source, Treaty
from .render import count_of, environment, render_page
from .slug import slugify
from .write import Page

LATEST_COUNT = 5
LATEST_CONTEXT_COUNT = 3  # the home page's latest events of context, after the subject's own
# Up to this many events, the printable page gives each in full; beyond, one line each (the
# year pages print in full): a page of thousands of detailed events is not read, only scrolled.
PRINT_IN_FULL = 1000
# The event macros of macros.md.j2 that Site renders, and those that show linked records
# (actors, sources, treaties…), not only the event itself.
_MACROS = ("event_section", "event_print", "event_row", "event_item")
_SHOWING_LINKS = frozenset({"event_section", "event_print"})
# Where a citation names its source (macros.md.j2): replaced on each page, see Site._name_sources.
_SOURCE_MARK = re.compile(r"<!--bf-source:([a-z0-9-]+)-->")


class Site:
    """What every page is rendered from: the briefing, and each event's Markdown, made once.

    An event's Markdown is also kept across runs (`remembered`, see `remembered()`), keyed by
    the digests of every data file it shows (`digests`, by data file): the event's own, its
    actors', sources', treaties', linked events' and questions'. When none of them changed,
    neither did the Markdown.
    """

    def __init__(
        self,
        briefing: Briefing,
        *,
        digests: Mapping[str, str] | None = None,
        remembered: Mapping[str, str] | None = None,
        intact: Callable[[str], bool] | None = None,
    ) -> None:
        self.briefing = briefing
        self._intact = intact or (lambda path: False)
        self._macros = environment().get_template("macros.md.j2").module
        self._digests = digests or {}
        self._remembered = remembered or {}
        self._used: dict[str, str] = {}
        self._made: dict[tuple[str, str], Markup] = {}
        self._keys: dict[tuple[str, str], str | None] = {}
        self._sources = {slugify(source.id, max_length=200): source for source in briefing.sources}

    def section(self, event: Event) -> Markup:
        """The event in full, as the timeline shows it."""
        return self._event("event_section", event)

    def printed(self, event: Event) -> Markup:
        """The event in full, as the printable page shows it."""
        return self._event("event_print", event)

    def row(self, event: Event) -> Markup:
        """The event on one line, as lists of events show it."""
        return self._event("event_row", event)

    def remembered(self, pages: list[Page]) -> dict[str, str]:
        """What to remember for the next run: what this run used, and what it did not need to
        look at (a kept page's events) unless it is gone or this run made a newer version."""
        names = {key.rsplit(" ", 1)[0] for key in self._used}
        alive = {f"{macro} {event_id}" for macro, event_id in self._made} | {f"page {p.path}" for p in pages}
        alive |= {f"{macro} {event}" for macro in _MACROS for event in self.briefing.events_by_id}
        kept = {
            key: text
            for key, text in self._remembered.items()
            if (name := key.rsplit(" ", 1)[0]) not in names and name in alive
        }
        return {**kept, **self._used}

    def item(self, event: Event) -> Markup:
        """The event on one line with what the timeline filters read."""
        return self._event("event_item", event)

    def section_key(self, event: Event) -> str | None:
        return self._event_key("event_section", event)

    def row_key(self, event: Event) -> str | None:
        return self._event_key("event_row", event)

    def item_key(self, event: Event) -> str | None:
        return self._event_key("event_item", event)

    def _event_key(self, macro: str, event: Event) -> str | None:
        if (macro, event.id) not in self._keys:
            if macro in _SHOWING_LINKS:
                files = sorted(set(self._shown_by_section(event)))
                key = self._hashed(f"{macro} {event.id}", [(file, self.digest(file)) for file in files])
            else:  # a line shows a few fields: a change elsewhere in the file leaves it as it was
                key = self._hashed(f"{macro} {event.id}", _line_fields(event, with_filters=macro == "event_item"))
            self._keys[macro, event.id] = key
        return self._keys[macro, event.id]

    def _hashed(self, name: str, shown: Iterable[object]) -> str | None:
        """A key: the name of a fragment or page, and a digest of what it shows; None without
        digests (no cache), when nothing is remembered."""
        if not self._digests:
            return None
        return f"{name} " + hashlib.sha1(repr(tuple(shown)).encode(), usedforsecurity=False).hexdigest()

    def digests_of(self, records: Iterable[Actor | Source | Treaty | Question]) -> list[str]:
        return [self.digest(record.data_file) for record in records]

    def _event(self, macro: str, event: Event) -> Markup:
        """Render an event with a macro of macros.md.j2 (taking the event and the briefing), once."""
        found = self._made.get((macro, event.id))
        if found is None:
            render: Callable[[Event, Briefing], str] = getattr(self._macros, macro)
            key = self._event_key(macro, event)
            found = self._made[macro, event.id] = self._fragment(key, lambda: render(event, self.briefing))
        return found

    def digest(self, data_file: str) -> str:
        return self._digests.get(data_file, "?")

    def _shown_by_section(self, event: Event) -> list[str]:
        b = self.briefing
        files = [event.data_file]
        files += [actor.data_file for actor in (*event.actors, *event.according_to)]
        files += [citation.source.data_file for citation in event.citations]
        files += [b.treaties_by_id[link.treaty_id].data_file for link in event.treaty_links]
        if event.outcome_of:
            files.append(b.events_by_id[event.outcome_of].data_file)
        files += [outcome.data_file for outcome in b.outcomes.get(event.id, ())]
        files += [question.data_file for question in b.questions_by_event.get(event.id, ())]
        return files

    def _fragment(self, key: str | None, render: Callable[[], str]) -> Markup:
        if key is None:
            return Markup(render())
        text = self._remembered.get(key)
        if text is None:
            text = render()
        self._used[key] = text
        return Markup(text)

    def page(self, template: str, path: str, *, shows: list[str | None] | None = None, **kwargs: Any) -> Page:
        """Render a page. `shows` lists keys of all it shows (file digests, fragment keys): when
        they are those of the last run and `intact(path)` says its file in docs/ is as that run
        wrote it, the page is not rendered again (its text is None: keep the file)."""
        key = None
        if shows is not None and None not in shows:
            key = self._hashed(f"page {path}", [template, *shows])
        if key is not None:
            self._used[key] = ""  # pages are kept in docs/, not in the cache
            if key in self._remembered and self._intact(path):
                return Page(path, None, kwargs["data_file"])
        return render_page(template, path, briefing=self.briefing, fragments=self, finish=self._name_sources, **kwargs)

    def _name_sources(self, body: str) -> str:
        """Name each source a citation marker stands for (macros.md.j2, `citations`): in full at
        its first mention on the page, by its short title afterwards."""
        named: set[str] = set()

        def name(match: re.Match[str]) -> str:
            source = self._sources[match.group(1)]
            first = source.id not in named
            named.add(source.id)
            render: Callable[[Source], str] = getattr(self._macros, "source_full" if first else "source_short")
            return str(render(source))

        return _SOURCE_MARK.sub(name, body)


def render_site(
    briefing: Briefing,
    *,
    digests: Mapping[str, str] | None = None,
    remembered: Mapping[str, str] | None = None,
    remember: dict[str, str] | None = None,
    intact: Callable[[str], bool] | None = None,
) -> list[Page]:
    """Render every generated page of the site; see Site for what is remembered across runs
    (`remember` receives what the next run should remember)."""
    site = Site(briefing, digests=digests, remembered=remembered, intact=intact)
    renderers: list[Callable[[Site], Iterable[Page]]] = [
        render_home,
        render_timeline,
        render_actors,
        render_treaties,
        render_questions,
        render_sources,
        render_data_page,
        render_print,
    ]
    pages = [page for renderer in renderers for page in renderer(site)]
    if remember is not None:
        remember.update(site.remembered(pages))
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
    """The Données page: the exports MkDocs adds under donnees/, and every field, from the schemas."""
    return [
        site.page(
            "donnees.md.j2",
            f"{export.EXPORT_DIR}/index.md",
            title="Données",
            description="Le dossier en fichiers ouverts (JSON, CSV, calendrier, flux Atom) et chacun de ses champs.",
            data_file=posixpath.dirname(site.briefing.data_file) + "/",
            shows=[],  # made from the schemas alone, which are part of the code
            export=export,
            kinds=export.kind_docs(),
            schemas=export.published_schemas(),
        )
    ]


def _line_fields(event: Event, *, with_filters: bool) -> tuple[object, ...]:
    """What an event's one-line form shows (macros event_row, event_item): its key is made of these."""
    fields: tuple[object, ...] = (event.id, event.when, event.certainty, event.title, event.status, event.context)
    if with_filters:
        fields += (event.year, [a.id for a in (*event.actors, *event.according_to)], event.tags)
    return fields


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
