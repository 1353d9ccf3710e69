"""flux.xml: an Atom feed of the latest events by date, newest first."""

from __future__ import annotations

import datetime as dt

from ..site import Site
from ..write import Page
from .entries import description, headline, revised
from .names import FEED_SIZE

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def render_feed(site: Site, data_folder: str) -> Page:
    b = site.briefing
    latest = list(reversed(b.events[-FEED_SIZE:]))
    shows = [site.digest(b.data_file), site.urls.base, *map(site.export_key, latest)]
    return site.file(site.places.export("feed"), shows=shows, make=lambda: _feed_text(site), data_file=data_folder)


def _feed_text(site: Site) -> str:
    # Imported here, not at the top: generating pages alone should not pay for loading it.
    from feedgen.feed import FeedGenerator  # type: ignore[import-untyped]  # feedgen ships no type hints

    b, urls = site.briefing, site.urls
    latest = list(reversed(b.events[-FEED_SIZE:]))
    generator = FeedGenerator()
    feed = urls.address(site.places.export("feed"))
    generator.id(feed)
    generator.title(b.title)
    generator.subtitle(" ".join(b.description.split()))
    generator.author({"name": b.title})
    generator.language(b.language)
    generator.link(href=urls.address(site.places.index("timeline")), rel="alternate", type="text/html")
    generator.link(href=feed, rel="self", type="application/atom+xml")
    generator.updated(max((revised(e) for e in latest), default=_EPOCH))  # set, or feedgen uses the clock
    for e in latest:
        entry = generator.add_entry(order="append")
        entry.id(f"urn:uuid:{urls.event_uid(e)}")
        entry.title(headline(e, site.words.plain()))
        entry.updated(revised(e))
        entry.link(href=urls.address(site.places.event(e)), rel="alternate", type="text/html")
        entry.summary(description(e, urls, site.places, site.words), type="text")
        for tag in e.tags:
            entry.category(term=tag)
    text: str = generator.atom_str(pretty=True, encoding="UTF-8").decode("utf-8")
    return text
