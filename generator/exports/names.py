"""Where the exports go, and the constants of their formats."""

from __future__ import annotations

EXPORT_DIR = "donnees"
# Bumped when a field of dossier.json changes meaning or disappears; adding a field keeps it.
FORMAT_VERSION = 1
FEED_SIZE = 50
DOSSIER_SCHEMA = "dossier.schema.json"

DOSSIER = f"{EXPORT_DIR}/dossier.json"
CALENDAR = f"{EXPORT_DIR}/evenements.ics"
FEED = f"{EXPORT_DIR}/flux.xml"
SCHEMAS = f"{EXPORT_DIR}/schemas"
CSV_FILES = {
    "event": f"{EXPORT_DIR}/evenements.csv",
    "actor": f"{EXPORT_DIR}/acteurs.csv",
    "source": f"{EXPORT_DIR}/sources.csv",
}
# The kinds in the order of dossier.json, with their key there.
DOSSIER_KEYS = {
    "briefing": "briefing",
    "event": "events",
    "actor": "actors",
    "source": "sources",
    "treaty": "treaties",
    "question": "questions",
}
