"""Site search: Pagefind's index, made from the data by `python -m generator search` after
`mkdocs build`, and read in the reader's browser by the search box of the site's header.

- records.py: one small HTML document per event, actor, source, treaty, provision and question,
  from the typed briefing, saying what ranks first (names and titles), where each leads (its own
  anchor) and its date;
- bundle.py: the Pagefind binary of the pinned wheel indexes them into site/pagefind/, and the
  site scan asks it whether that folder holds anything Pagefind did not write;
- the words the box shows are the catalogue's (`search` in generator/locales/<tag>.yaml), which
  generator/sitenav.py hands to the box's template through docs/.site.yml.

Why Pagefind and not the theme's search: its index is split into small files fetched as a query
needs them (about 0.3 MB for a first query at 10,000 events), where the theme's lunr downloads
its whole index, 17.9 MB at 10,000 events, on a reader's first page view, searching or not.
The box itself (overrides/partials/search-box.html, docs/assets/javascripts/search.js) is ours:
Pagefind's bundled interfaces show some values as HTML, and contributors' text is untrusted.
"""

from __future__ import annotations

from pathlib import Path

from .bundle import INDEX_DIR, IndexStats, build_index, foreign_files
from .records import Record, make_records

__all__ = [
    "INDEX_DIR",
    "IndexStats",
    "Record",
    "build_index",
    "foreign_files",
    "index_site",
    "make_records",
]


def index_site(data_dir: Path, docs_dir: Path, site_dir: Path) -> IndexStats:
    """Index the briefing of `data_dir` and the pages of `docs_dir` into the built site."""
    from ..pipeline import read_briefing

    return build_index(make_records(read_briefing(data_dir), docs_dir), site_dir)
