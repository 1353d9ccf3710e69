"""Render the briefing into Markdown pages: pure, deterministic, from the templates in files."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import frontmatter
import jinja2
from markupsafe import Markup

from . import labels
from .dates import french_on
from .escape import markdown_paragraphs, markdown_text, plain_attribute, safe_url
from .model import Actor, Briefing, Event, Question, Source, Treaty
from .slug import slugify

TEMPLATE_DIR = Path(__file__).parent / "templates"
# Written into the front matter of every generated page: the writer never touches a page without it.
MARKER = "briefing-generator"
LATEST_COUNT = 5
_BLANK_LINES = re.compile(r"\n{3,}")


@dataclass(frozen=True, slots=True)
class Page:
    path: str  # inside docs/, with forward slashes
    text: str
    data_file: str  # the record (or folder of records) it shows, for edit links and errors


# Where each record is shown. Every link between pages is made from these.
def event_target(event: Event) -> str:
    return f"chronologie/{event.year}.md#{event.id}"


def actor_target(actor: Actor) -> str:
    return f"acteurs/{actor.id}.md"


def source_target(source: Source) -> str:
    return f"sources/{source.id}.md"


def treaty_target(treaty: Treaty, provision_id: str | None = None) -> str:
    return f"traites/{treaty.id}.md" + (f"#{provision_id}" if provision_id else "")


def question_target(question: Question) -> str:
    return f"questions/index.md#{question.id}"


class Links:
    """Relative links from one page to the others, as Markdown wants them."""

    def __init__(self, page_path: str) -> None:
        self._folder = posixpath.dirname(page_path)

    def to(self, target: str) -> Markup:
        path, _, anchor = target.partition("#")
        relative = posixpath.relpath(path, self._folder or ".")
        return Markup(relative + (f"#{anchor}" if anchor else ""))

    def event(self, event: Event) -> Markup:
        return self.to(event_target(event))

    def actor(self, actor: Actor) -> Markup:
        return self.to(actor_target(actor))

    def source(self, source: Source) -> Markup:
        return self.to(source_target(source))

    def treaty(self, treaty: Treaty, provision_id: str | None = None) -> Markup:
        return self.to(treaty_target(treaty, provision_id))

    def question(self, question: Question) -> Markup:
        return self.to(question_target(question))


def _slug(value: object) -> Markup:
    """An id as it goes in anchors and attributes; tags are folded into one."""
    return Markup(slugify(str(value), max_length=200))


def plural(number: int, singular: str, many: str | None = None) -> str:
    """The word for `number` of things: French puts 0 and 1 in the singular."""
    return singular if number < 2 else many or singular + "s"


def count_of(number: int, singular: str, many: str | None = None) -> str:
    """'1 événement', '2 événements'."""
    return f"{number} {plural(number, singular, many)}"


def elide_de(text: str) -> str:
    """'de mars 2024' but 'd'octobre 2023'."""
    return f"d'{text}" if text[:1].lower() in "aeiouyéèêh" else f"de {text}"


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,  # macros then return Markup, so their output is not escaped twice
        finalize=markdown_text,  # every {{ value }} shows as text unless it is Markup already
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["paragraphs"] = markdown_paragraphs
    env.filters["slug"] = _slug
    env.filters["slugs"] = lambda values: Markup(" ".join(sorted({_slug(v) for v in values})))
    env.filters["path"] = lambda value: Markup(quote(str(value)))
    env.filters["url"] = safe_url
    env.filters["count_of"] = count_of
    env.filters["plural"] = plural
    env.filters["de"] = elide_de
    env.filters["on"] = french_on
    env.globals["labels"] = labels.ALL
    return env


def render_page(
    template: str,
    path: str,
    *,
    title: str,
    description: str,
    data_file: str,
    meta: dict[str, Any] | None = None,
    **context: Any,
) -> Page:
    """Render one template into a page with its front matter."""
    body = environment().get_template(template).render(links=Links(path), page_path=path, **context)
    # Templates may leave extra blank lines around their blocks; one is what Markdown needs.
    body = _BLANK_LINES.sub("\n\n", body)
    post = frontmatter.Post(
        body.strip() + "\n",
        title=plain_attribute(title),
        description=plain_attribute(description),
        data_file=data_file,
        generator=MARKER,
        **(meta or {}),
    )
    return Page(path, frontmatter.dumps(post, sort_keys=False) + "\n", data_file)


def render_site(briefing: Briefing) -> list[Page]:
    """Render every generated page of the site."""
    renderers: list[Callable[[Briefing], Iterable[Page]]] = [
        render_home,
        render_timeline,
        render_actors,
        render_treaties,
        render_questions,
        render_sources,
    ]
    return [page for renderer in renderers for page in renderer(briefing)]


def render_home(b: Briefing) -> list[Page]:
    latest = tuple(reversed(b.events[-LATEST_COUNT:]))
    by_status = {status: tuple(q for q in b.questions if q.status == status) for status in labels.QUESTION_STATUS}
    open_questions = by_status["open"] + by_status["partly_answered"]
    return [
        render_page(
            "home.md.j2",
            "index.md",
            title="Synthèse",
            description=b.description,
            data_file=b.data_file,
            briefing=b,
            latest=latest,
            open_questions=open_questions,
            by_status=by_status,
        )
    ]


def render_timeline(b: Briefing) -> list[Page]:
    folder = _folder_of(b.data_file, "events")
    pages = [
        render_page(
            "timeline.md.j2",
            "chronologie/index.md",
            title="Chronologie",
            description=f"{len(b.events)} événements, année par année.",
            data_file=folder,
            meta={"search": {"exclude": True}},
            briefing=b,
        )
    ]
    for year in b.years:
        events = tuple(e for e in b.events if e.year == year)
        pages.append(
            render_page(
                "year.md.j2",
                f"chronologie/{year}.md",
                title=f"Chronologie {year}",
                description=f"{count_of(len(events), 'événement')} en {year}.",
                data_file=f"{folder}{year}/",
                briefing=b,
                year=year,
                events=events,
            )
        )
    return pages


def render_actors(b: Briefing) -> list[Page]:
    by_kind = {kind: tuple(a for a in b.actors if a.kind == kind) for kind in labels.ACTOR_KIND}
    pages = [
        render_page(
            "actors.md.j2",
            "acteurs/index.md",
            title="Acteurs",
            description=f"Les {len(b.actors)} acteurs du dossier.",
            data_file=_folder_of(b.data_file, "actors"),
            briefing=b,
            by_kind=by_kind,
        )
    ]
    for actor in b.actors:
        pages.append(
            render_page(
                "actor.md.j2",
                actor_target(actor),
                title=actor.name,
                description=actor.role or actor.description,
                data_file=actor.data_file,
                briefing=b,
                actor=actor,
                events=b.events_by_actor.get(actor.id, ()),
            )
        )
    return pages


def render_treaties(b: Briefing) -> list[Page]:
    pages = [
        render_page(
            "treaties.md.j2",
            "traites/index.md",
            title="Traités",
            description="Les traités et accords du dossier.",
            data_file=_folder_of(b.data_file, "treaties"),
            briefing=b,
        )
    ]
    for treaty in b.treaties:
        pages.append(
            render_page(
                "treaty.md.j2",
                treaty_target(treaty),
                title=treaty.title,
                description=treaty.summary,
                data_file=treaty.data_file,
                briefing=b,
                treaty=treaty,
                events=b.events_by_treaty.get(treaty.id, ()),
            )
        )
    return pages


def render_questions(b: Briefing) -> list[Page]:
    return [
        render_page(
            "questions.md.j2",
            "questions/index.md",
            title="Questions ouvertes",
            description="Ce que les sources laissent ouvert, et les faits qui éclairent chaque question.",
            data_file=_folder_of(b.data_file, "questions"),
            briefing=b,
        )
    ]


def render_sources(b: Briefing) -> list[Page]:
    pages = [
        render_page(
            "sources.md.j2",
            "sources/index.md",
            title="Sources",
            description=f"Les {len(b.sources)} sources citées et ce que l'on sait de chacune.",
            data_file=_folder_of(b.data_file, "sources"),
            briefing=b,
        )
    ]
    for source in b.sources:
        pages.append(
            render_page(
                "source.md.j2",
                source_target(source),
                title=source.title,
                description=f"Source : {source.title}",
                data_file=source.data_file,
                briefing=b,
                source=source,
                events=b.events_by_source.get(source.id, ()),
            )
        )
    return pages


def _folder_of(briefing_file: str, kind_folder: str) -> str:
    """The data folder of a kind, next to briefing.yaml: data/events/."""
    return posixpath.join(posixpath.dirname(briefing_file), kind_folder) + "/"
