"""The constants of the export formats. Their file names follow the language (catalogue `files`)."""

from __future__ import annotations

# Bumped when a field of dossier.json changes meaning or disappears; adding a field keeps it.
FORMAT_VERSION = 1
FEED_SIZE = 50
DOSSIER_SCHEMA = "dossier.schema.json"
# The kinds with a CSV file, and the name of that file in the catalogue's `files`.
CSV_FILES = {"event": "events_csv", "actor": "actors_csv", "source": "sources_csv"}
# The kinds in the order of dossier.json, with their key there.
DOSSIER_KEYS = {
    "briefing": "briefing",
    "event": "events",
    "actor": "actors",
    "source": "sources",
    "treaty": "treaties",
    "question": "questions",
}
