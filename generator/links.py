"""Where each page and record is, and the links that lead there.

Paths follow the briefing's language: they come from its catalogue ("chronologie/" in French,
"timeline/" in English), and are part of what is published.

Links in Markdown are written from the root of docs/ ("/acteurs/x.md"). MkDocs, configured with
`validation.links.absolute_links: relative_to_docs`, checks each one and turns it into a
relative link. Links in the HTML pieces (see templates/macros.md.j2) start with ROOT, which each
page replaces with its way back to the site's root; the site scan checks those.
"""

from __future__ import annotations

import os
import posixpath
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup

from .model import Actor, Event, Question, Source, Treaty

# Where the site is published. mkdocs.yml reads the same variable with the same default
# (`site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]`), so pages and exports agree.
SITE_URL_VARIABLE = "SITE_URL"
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"
# Starts the links written in HTML pieces; each page replaces it with its way back to the root.
ROOT = "\x01"


@dataclass(frozen=True)
class Places:
    """The paths of a site in one language, inside docs/: 'chronologie/2024.md#x'."""

    paths: Mapping[str, str]  # part of the site -> its folder or page name
    files: Mapping[str, str]  # export -> its file name

    def index(self, part: str) -> str:
        """The page of a part of the site: 'acteurs/index.md'; 'index.md' for the home page."""
        return "index.md" if part == "home" else f"{self.paths[part]}/index.md"

    def page(self, part: str) -> str:
        """A part of the site that is one page: 'imprimer.md', 'methode.md'."""
        return f"{self.paths[part]}.md"

    def year(self, year: int) -> str:
        return f"{self.paths['timeline']}/{year}.md"

    def event(self, event: Event) -> str:
        return f"{self.year(event.year)}#{event.id}"

    def actor(self, actor: Actor) -> str:
        return f"{self.paths['actors']}/{actor.id}.md"

    def source(self, source: Source) -> str:
        return f"{self.paths['sources']}/{source.id}.md"

    def treaty(self, treaty: Treaty, provision_id: str | None = None) -> str:
        return f"{self.paths['treaties']}/{treaty.id}.md" + (f"#{provision_id}" if provision_id else "")

    def question(self, question: Question) -> str:
        return f"{self.index('questions')}#{question.id}"

    def moved(self, part: str, former_id: str) -> str:
        """The page left at the old address of a renamed record: 'acteurs/ancien-id/index.html',
        a file MkDocs copies as it is to where the page 'acteurs/ancien-id.md' was published."""
        return f"{self.paths[part]}/{former_id}/index.html"

    def export(self, name: str) -> str:
        """An open-data file: 'donnees/evenements.csv'."""
        return f"{self.paths['data']}/{self.files[name]}"

    def schemas(self) -> str:
        return f"{self.paths['data']}/schemas"


def url_path(target: str) -> str:
    """Where MkDocs publishes a target, from the site's root: 'chronologie/2024.md#x' ->
    'chronologie/2024/#x' (directory URLs: mkdocs.yml keeps MkDocs' default, tested)."""
    path, _, anchor = target.partition("#")
    if posixpath.basename(path) == "index.md":
        page = path.removesuffix("index.md")
    elif path.endswith(".md"):
        page = path.removesuffix(".md") + "/"
    else:
        page = path  # a file, not a page: donnees/flux.xml
    return quote(page) + (f"#{anchor}" if anchor else "")


def to_root(page_path: str) -> str:
    """The way from a page back to the site's root: 'acteurs/x.md' -> '../../'."""
    return "../" * url_path(page_path).count("/")


class Links:
    """Link destinations, for the templates: Markdown ones (to, event…), which MkDocs checks and
    makes relative, and HTML ones (href_…), for the pieces written in HTML."""

    def __init__(self, places: Places) -> None:
        self.places = places

    def to(self, target: str) -> Markup:
        return Markup("/" + target)

    def index(self, part: str) -> Markup:
        return self.to(self.places.index(part))

    def page(self, part: str) -> Markup:
        return self.to(self.places.page(part))

    def year(self, year: int) -> Markup:
        return self.to(self.places.year(year))

    def export(self, name: str) -> Markup:
        return self.to(self.places.export(name))

    def event(self, event: Event) -> Markup:
        return self.to(self.places.event(event))

    def actor(self, actor: Actor) -> Markup:
        return self.to(self.places.actor(actor))

    def source(self, source: Source) -> Markup:
        return self.to(self.places.source(source))

    def treaty(self, treaty: Treaty, provision_id: str | None = None) -> Markup:
        return self.to(self.places.treaty(treaty, provision_id))

    def question(self, question: Question) -> Markup:
        return self.to(self.places.question(question))

    def href(self, target: str) -> Markup:
        return Markup(ROOT + url_path(target))

    def href_event(self, event: Event) -> Markup:
        return self.href(self.places.event(event))

    def href_actor(self, actor: Actor) -> Markup:
        return self.href(self.places.actor(actor))

    def href_source(self, source: Source) -> Markup:
        return self.href(self.places.source(source))

    def href_treaty(self, treaty: Treaty, provision_id: str | None = None) -> Markup:
        return self.href(self.places.treaty(treaty, provision_id))

    def href_question(self, question: Question) -> Markup:
        return self.href(self.places.question(question))


@dataclass(frozen=True, slots=True)
class SiteUrls:
    """The published site: where each page is, as an absolute address (MkDocs' directory URLs)."""

    base: str  # ends with '/'

    @classmethod
    def at(cls, site_url: str | None = None) -> SiteUrls:
        """The site at `site_url`, else at $SITE_URL, else at the local preview's address."""
        url = site_url or os.environ.get(SITE_URL_VARIABLE) or DEFAULT_SITE_URL
        return cls(url.rstrip("/") + "/")

    def address(self, target: str) -> str:
        """'chronologie/2024.md#x' -> 'https://…/chronologie/2024/#x', as MkDocs publishes it."""
        return self.base + url_path(target)

    def event_uid(self, event: Event) -> str:
        """A UUID from the site's address and the event id: the same event, the same UID, always.

        RFC 7986 recommends a UUID for UID; Atom wants a URI, which urn:uuid: makes of it.
        """
        return str(uuid.uuid5(uuid.NAMESPACE_URL, self.base + event.id))
