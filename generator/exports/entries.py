"""An event in plain text, as the calendar and the feed give it."""

from __future__ import annotations

import datetime as dt

from .. import labels
from ..links import SiteUrls, event_target
from ..model import Event, Source


def headline(e: Event) -> str:
    """The title with what a calendar would otherwise hide: status and how precise the date is."""
    text = e.title if e.status == "occurred" else f"[{labels.EVENT_STATUS[e.status]}] {e.title}"
    precisions = {d.precision for d in (e.date, e.end_date) if d}
    notes = []
    if e.dating.bounded:
        notes.append(f"{e.when}, {labels.UNKNOWN_DAY['bounded']}")
    elif "year" in precisions:
        notes.append(f"{e.when}, {labels.UNKNOWN_DAY['year']}")
    elif "month" in precisions:
        notes.append(f"{e.when}, {labels.UNKNOWN_DAY['month']}")
    if e.certainty != "exact":
        notes.append(f"date {labels.CERTAINTY[e.certainty]}")
    return text + (f" ({', '.join(notes)})" if notes else "")


def revised(e: Event) -> dt.datetime:
    """When the event was last reported, as far as is known without inventing a day: the last day
    the latest of its sources can have been published (its day, or the last day of its month or
    year when only those are known), at 00:00 UTC. By then, every source had certainly appeared.

    Taken from the data, not the clock, so that a rebuild changes nothing.
    """
    latest = max(c.source.published.last_day for c in e.citations)
    return dt.datetime.combine(latest, dt.time(), tzinfo=dt.UTC)


def description(e: Event, urls: SiteUrls) -> str:
    """The event in plain text, for the calendar entry and the feed."""
    lines = [f"{e.when} · {labels.EVENT_STATUS[e.status]}"]
    if e.dating.bounded:
        lines.append(labels.SPAN_NOTE["bounded"])
    elif e.date.precision != "day" or (e.end_date and e.end_date.precision != "day"):
        lines.append(labels.SPAN_NOTE["period"])
    if e.date_note and (e.certainty != "exact" or e.dating.bounded):
        certainty = labels.CERTAINTY[e.certainty]
        lines.append(f"Date {certainty} : {e.date_note}" if certainty else f"Date : {e.date_note}")
    lines += ["", e.summary.strip(), ""]
    if e.according_to:
        lines.append("Selon : " + ", ".join(a.name for a in e.according_to))
    if e.actors:
        lines.append("Acteurs : " + ", ".join(a.name for a in e.actors))
    lines.append("Sources : " + " ; ".join(_source_words(c.source) for c in e.citations))
    lines += ["", urls.address(event_target(e))]
    return "\n".join(lines)


def _source_words(s: Source) -> str:
    """A source as a reader can look for it: its title, then its author, outlet and date when known."""
    outlet = f"{s.outlet} ({labels.INFERRED_OUTLET})" if s.outlet and s.outlet_inferred else s.outlet
    known = [s.author, outlet, s.published.french()]
    return f"{s.title} ({', '.join(word for word in known if word)})"
