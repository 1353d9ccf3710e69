"""An event in plain text, as the calendar and the feed give it, in the briefing's language."""

from __future__ import annotations

import datetime as dt

from ..links import Places, SiteUrls
from ..model import Event, Source
from ..words import Words


def headline(e: Event, w: Words) -> str:
    """The title with what a calendar would otherwise hide: status and how precise the date is."""
    text = e.title if e.status == "occurred" else f"[{w.table('labels.event_status')[e.status]}] {e.title}"
    precisions = {d.precision for d in (e.date, e.end_date) if d}
    notes = []
    if e.dating.bounded:
        notes.append(f"{w.dating(e.dating)}, {w('exports.unknown_day.bounded')}")
    elif "year" in precisions:
        notes.append(f"{w.dating(e.dating)}, {w('exports.unknown_day.year')}")
    elif "month" in precisions:
        notes.append(f"{w.dating(e.dating)}, {w('exports.unknown_day.month')}")
    if e.certainty != "exact":
        notes.append(w("exports.date", certainty=w.table("labels.certainty")[e.certainty]))
    return text + (f" ({', '.join(notes)})" if notes else "")


def revised(e: Event) -> dt.datetime:
    """When the event was last reported, as far as is known without inventing a day: the last day
    the latest of its sources can have been published (its day, or the last day of its month or
    year when only those are known), at 00:00 UTC. By then, every source had certainly appeared.

    Taken from the data, not the clock, so that a rebuild changes nothing.
    """
    latest = max(c.source.published.last_day for c in e.citations)
    return dt.datetime.combine(latest, dt.time(), tzinfo=dt.UTC)


def description(e: Event, urls: SiteUrls, places: Places, w: Words) -> str:
    """The event in plain text, for the calendar entry and the feed."""
    lines = [f"{w.dating(e.dating)} · {w.table('labels.event_status')[e.status]}"]
    if e.dating.bounded:
        lines.append(w("exports.span_note.bounded"))
    elif e.date.precision != "day" or (e.end_date and e.end_date.precision != "day"):
        lines.append(w("exports.span_note.period"))
    if e.date_note and e.certainty != "exact":
        lines.append(w("exports.date_note", certainty=w.table("labels.certainty")[e.certainty], note=e.date_note))
    elif e.date_note and e.dating.bounded:
        lines.append(w("exports.date_note_bounded", note=e.date_note))
    lines += ["", e.summary.strip(), ""]
    if e.according_to:
        lines.append(w("exports.according_to", names=", ".join(a.name for a in e.according_to)))
    if e.actors:
        lines.append(w("exports.actors", names=", ".join(a.name for a in e.actors)))
    sources = w.raw("list_separator").join(_source_words(c.source, w) for c in e.citations)
    lines.append(w("exports.sources", sources=sources))
    lines += ["", urls.address(places.event(e))]
    return "\n".join(lines)


def _source_words(s: Source, w: Words) -> str:
    """A source as a reader can look for it: its title, then its author, outlet and date when known."""
    outlet = f"{s.outlet} ({w('exports.outlet_inferred')})" if s.outlet and s.outlet_inferred else s.outlet
    known = [s.author, outlet, w.date(s.published)]
    return f"{s.title} ({', '.join(word for word in known if word)})"
