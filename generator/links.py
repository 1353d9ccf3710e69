"""Where each record is shown, and the links that lead there.

Links are written from the root of docs/ ("/acteurs/x.md"). MkDocs, configured with
`validation.links.absolute_links: relative_to_docs`, checks each one and turns it into a
relative link. So a link to a record reads the same on every page, and the Markdown for an event
can be rendered once and reused wherever the event appears.
"""

from __future__ import annotations

import os
import posixpath
import uuid
from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup

from .model import Actor, Event, Question, Source, Treaty

# Where the site is published. mkdocs.yml reads the same variable with the same default
# (`site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]`), so pages and exports agree.
SITE_URL_VARIABLE = "SITE_URL"
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"


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


# Starts the links written in HTML pieces; each page replaces it with its way back to the root.
ROOT = "\x01"


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

    def to(self, target: str) -> Markup:
        return Markup("/" + target)

    def href(self, target: str) -> Markup:
        return Markup(ROOT + url_path(target))

    def href_event(self, event: Event) -> Markup:
        return self.href(event_target(event))

    def href_actor(self, actor: Actor) -> Markup:
        return self.href(actor_target(actor))

    def href_source(self, source: Source) -> Markup:
        return self.href(source_target(source))

    def href_treaty(self, treaty: Treaty, provision_id: str | None = None) -> Markup:
        return self.href(treaty_target(treaty, provision_id))

    def href_question(self, question: Question) -> Markup:
        return self.href(question_target(question))

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


LINKS = Links()


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
