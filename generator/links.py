"""Where each record is shown, and the links that lead there.

Links are written from the root of docs/ ("/acteurs/x.md"). MkDocs, configured with
`validation.links.absolute_links: relative_to_docs`, checks each one and turns it into a
relative link. So a link to a record reads the same on every page, and the Markdown for an event
can be rendered once and reused wherever the event appears.
"""

from __future__ import annotations

from markupsafe import Markup

from .model import Actor, Event, Question, Source, Treaty


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
    """Markdown link destinations, for the templates."""

    def to(self, target: str) -> Markup:
        return Markup("/" + target)

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
