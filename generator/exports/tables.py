"""The CSV files: one row per record, one column per schema field, then `page`.

RFC 4180 (comma, double quotes, CRLF), UTF-8 with a byte order mark: Excel reads a CSV file
without one in the local code page and garbles accents. Rows are remembered across runs like
dossier.json's lines.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from typing import Any

from ..schema import SCHEMA_FILES, load_schema
from ..site import Site
from ..write import Page
from .names import CSV_FILES
from .records import Exported, exported, piece_key

# Inside a cell, list items go one per line: a line break is the one separator that no item can
# hold, because items have their white space collapsed (as the pages show them anyway).
LIST_SEPARATOR = "\n"
CSV_BOM = "\ufeff"
# A cell starting with one of these is a formula to Excel and LibreOffice ("CSV injection"):
# such a cell gets a leading apostrophe, which makes a spreadsheet read it as text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def render_tables(site: Site, data_folder: str) -> list[Page]:
    return [_table(site, kind, site.places.export(name), data_folder) for kind, name in CSV_FILES.items()]


def _table(site: Site, kind: str, path: str, data_folder: str) -> Page:
    """A header, then a row per record, each a piece of the file (see Site.pieces)."""
    columns = csv_columns(kind)
    header = CSV_BOM + _line(columns)
    pieces = [(None, lambda: header), *((piece_key(r), _row_maker(r, columns)) for r in exported(site, kind))]
    return site.pieces(path, pieces, data_file=data_folder)


def _row_maker(record: Exported, columns: Sequence[str]) -> Callable[[], str]:
    return lambda: csv_row(record.fields(), columns)


def csv_columns(kind: str) -> tuple[str, ...]:
    """A CSV file's header: its kind's schema fields in the schema's order, then `page`."""
    return (*load_schema(SCHEMA_FILES[kind])["properties"], "page")


def csv_row(record: dict[str, Any], columns: Sequence[str]) -> str:
    return _line([_defused(_cell(record.get(column))) for column in columns])


def _line(cells: Sequence[str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=",", quotechar='"', lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(cells)
    return buffer.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):  # before int: a bool is an int
        return "true" if value else "false"
    if isinstance(value, int | str):
        return str(value)
    if isinstance(value, list):
        return LIST_SEPARATOR.join(_item(item) for item in value)
    return _item(value)


def _item(value: Any) -> str:
    """One list item, or a reference, as one line of text: ids stand for the records they name."""
    if isinstance(value, str):
        return " ".join(value.split())
    if "id" in value:  # a resolved reference
        return str(value["id"])
    if "source" in value:  # a citation: its source; the quotes are in dossier.json
        return str(value["source"]["id"])
    if "treaty" in value:  # treaty#provision: '#' cannot occur in an id
        provision = value.get("provision")
        return str(value["treaty"]["id"]) + (f"#{provision['id']}" if provision else "")
    if "actor" in value:  # an affiliation, 'actor: relation': ':' cannot occur in an id
        return f"{value['actor']['id']}: {_item(value['relation'])}"
    raise TypeError(f"no CSV form for {value!r}")  # a new kind of field: decide how it reads


def _defused(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_START) else cell
