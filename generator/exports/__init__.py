"""Open data: the briefing as files anyone can reuse, published under donnees/.

Written by `generate` into docs/ like the pages (MkDocs copies them as they are), from the typed
briefing and the site's address (links.SiteUrls). The same data and address always give the
same bytes: no clock, no randomness, records in a fixed order. That is what lets a calendar or
a feed reader recognise an event as the same one from build to build.

- dossier.json (records.py): every record with its references resolved into {id, name} or
  {id, title}, one record per line, the version of this format and the schema it follows;
- evenements.csv, acteurs.csv, sources.csv (tables.py): one row per record, one column per
  schema field;
- evenements.ics (calendar.py): the events as all-day calendar entries;
- flux.xml (feed.py): an Atom feed of the latest events;
- schemas/ (schemas.py): the record schemas, byte for byte, and dossier.schema.json, made from
  them so the two cannot drift apart; the Données page documents all of it from the same schemas.

Each record's part of each file is made once and remembered across runs (Site.text), keyed by
what it shows: editing one event remakes its entry only, and a file whose records are all as
last time is not made again.
"""

from __future__ import annotations

from ..site import Site
from ..write import Page
from . import calendar, feed, records, schemas, tables
from .names import CSV_FILES, DOSSIER_SCHEMA, FEED_SIZE, FORMAT_VERSION

__all__ = ["CSV_FILES", "DOSSIER_SCHEMA", "FEED_SIZE", "FORMAT_VERSION", "render_exports"]


def render_exports(site: Site) -> list[Page]:
    """Every file published under donnees/, in a fixed order."""
    folder = site.briefing.data_file.rsplit("/", 1)[0] + "/"
    return [
        records.render_dossier(site, folder),
        *tables.render_tables(site, folder),
        calendar.render_calendar(site, folder),
        feed.render_feed(site, folder),
        *schemas.render_schemas(site, folder),
    ]
