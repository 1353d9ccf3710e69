"""evenements.ics: every event, planned and announced ones included, as an all-day entry.

icalendar writes each entry: typed values, escaping, parameters. Its folding of long lines into
75-octet pieces (RFC 5545, 3.1) walks every character and encodes it on its own, which made it
half the cost of the calendar (about 0.1 ms per event), so lines are folded here the same way,
byte for byte (tested against icalendar's own folding), by slicing the encoded line. Each
entry's text is remembered across runs: an edit remakes one entry, not the calendar.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..model import Event
from ..site import Site
from ..write import Page
from .entries import description, headline, revised

if TYPE_CHECKING:
    import icalendar

# The iCalendar status of each event status: a planned summit is tentative until it happens.
_ICAL_STATUS = {
    "occurred": "CONFIRMED",
    "announced": "TENTATIVE",
    "planned": "TENTATIVE",
    "reported": "TENTATIVE",
    "denied": "CANCELLED",
    "cancelled": "CANCELLED",
}
_LIMIT = 75  # octets per line, the line break excluded, as icalendar folds
_ESCAPES = b"\\^"  # never left at the end of a piece: the escape would be cut from what it escapes


def render_calendar(site: Site, data_folder: str) -> Page:
    """The calendar's properties, then an entry per event, each a piece of the file (see Site.pieces)."""
    head, end = _frame(site)
    pieces: list[tuple[str | None, Callable[[], str]]] = [(None, lambda: head)]
    for e in site.briefing.events:
        key = site.export_key(e)
        pieces.append((f"{e.id} {key}" if key else None, _entry_maker(site, e)))
    pieces.append((None, lambda: end))
    return site.pieces(site.places.export("calendar"), pieces, data_file=data_folder)


def _frame(site: Site) -> tuple[str, str]:
    """What comes before the entries and after them."""
    import icalendar  # here, not at the top: generating pages alone should not pay for loading it

    b = site.briefing
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//briefing-generator//{site.places.paths['data']}//{site.words.tag.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    # icalendar escapes only the properties it knows as text; these names it passes through raw.
    cal.add("name", icalendar.vText(b.title))
    cal.add("x-wr-calname", icalendar.vText(b.title))
    cal.add("x-wr-caldesc", icalendar.vText(b.description))
    *head, end = _lines(cal)
    return "".join(head), end


def _entry_maker(site: Site, e: Event) -> Callable[[], str]:
    return lambda: _entry_text(site, e)


def _entry_text(site: Site, e: Event) -> str:
    import icalendar

    start, end = calendar_span(e)
    entry = icalendar.Event()
    entry.add("uid", site.urls.event_uid(e))
    entry.add("dtstamp", revised(e))
    entry.add("dtstart", start)  # a date, not a datetime: VALUE=DATE, all day
    entry.add("dtend", end)
    entry.add("summary", headline(e, site.words.plain()))
    entry.add("description", description(e, site.urls, site.places, site.words.plain()))
    if e.location:
        entry.add("location", e.location)
    if e.tags:
        entry.add("categories", list(e.tags))
    entry.add("status", _ICAL_STATUS[e.status])
    entry.add("transp", "TRANSPARENT")  # a month-long entry must not mark the month busy
    entry.add("url", site.urls.address(site.places.event(e)))
    return "".join(_lines(entry))


def calendar_span(e: Event) -> tuple[dt.date, dt.date]:
    """All-day span (start, exclusive end) over every day the event may cover: an event known to
    the month covers the whole month, one known within bounds the days between them."""
    return e.dating.earliest, e.dating.last + dt.timedelta(days=1)


def _lines(component: icalendar.cal.component.Component) -> list[str]:
    """The component's content lines, folded, each ending with CRLF."""
    return [fold(line) + "\r\n" for line in component.content_lines() if line]


def fold(line: str) -> str:
    """Fold a content line into pieces of at most 74 octets, as icalendar does: each piece as long
    as it can be without splitting a character, and none ending with an escape character."""
    if line.isascii() and len(line) < _LIMIT:
        return line
    data = line.encode("utf-8")
    pieces = []
    start = 0
    while len(data) - start >= _LIMIT:
        end = start + _LIMIT - 1
        while data[end] & 0xC0 == 0x80:  # the middle of a character: cut before it
            end -= 1
        if data[end - 1] in _ESCAPES and end - 1 > start:
            end -= 1
        pieces.append(data[start:end])
        start = end
    pieces.append(data[start:])
    return b"\r\n ".join(pieces).decode("utf-8")
