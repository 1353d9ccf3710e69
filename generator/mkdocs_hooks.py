"""MkDocs hooks: a thin adapter that reads no data; MkDocs only renders what `generate` wrote.

- The edit button of a generated page opens the YAML record it comes from (front matter
  `data_file`), not the generated Markdown; for a page made of a folder of records it opens
  the folder.
- The per-record "Modifier" links, written as `edit:<path>`, get the same treatment, or are
  removed when no repository is configured.
- French search finds words with or without accents: after each build, the accent folding of
  generator/assets/search-fold.js is appended to the theme's French lunr language file, which
  the search worker loads (see that file for why there).

Without this file the site still builds and reads the same, with edit buttons that open the
generated Markdown and a search that minds accents: nothing essential lives here.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

log = logging.getLogger("mkdocs.hooks.briefing")

_EDIT_LINK = re.compile(r'<a class="bf-edit" href="edit:([^"]*)">([^<]*)</a>')


def record_url(repo_url: str | None, edit_uri: str | None, docs_dir_name: str, data_file: str) -> str | None:
    """Address to edit `data_file` (a file) or browse it (a folder, ending in '/')."""
    if not repo_url or not edit_uri or not data_file:
        return None
    docs_edit = urljoin(repo_url.rstrip("/") + "/", edit_uri)  # …/edit/main/docs/
    root = docs_edit.rstrip("/").removesuffix(docs_dir_name).rstrip("/") + "/"
    if data_file.endswith("/"):
        root = root.replace("/edit/", "/tree/", 1)
    return root + data_file


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    data_file = page.meta.get("data_file") if page.meta else None
    if data_file:
        page.edit_url = record_url(config.repo_url, config.edit_uri, _docs_name(config), str(data_file))
    return markdown


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    def replace(match: re.Match[str]) -> str:
        url = record_url(config.repo_url, config.edit_uri, _docs_name(config), match.group(1))
        return f'<a class="bf-edit" href="{url}">{match.group(2)}</a>' if url else ""

    return _EDIT_LINK.sub(replace, html)


def _docs_name(config: Any) -> str:
    return str(config.docs_dir).rstrip("/").rsplit("/", 1)[-1]


# The theme's French language file for lunr, in the built site, and our addition to it.
LUNR_FR = Path("assets/javascripts/lunr/min/lunr.fr.min.js")
SEARCH_FOLD = Path(__file__).resolve().parent / "assets" / "search-fold.js"
FOLD_MARKER = "\n/* briefing-generator: accent folding (generator/assets/search-fold.js) */\n"


def on_post_build(config: Any) -> None:
    target = Path(config.site_dir) / LUNR_FR
    if not target.is_file():
        log.warning("%s is missing: French search will not ignore accents", LUNR_FR.as_posix())
        return
    append_search_fold(target)


def append_search_fold(target: Path) -> bool:
    """Append the folding script to `target` once; return whether the file changed.

    `mkdocs serve --dirty` does not copy the theme's file again when the copy is newer, so the
    file may already end with our script, perhaps an older version of it: whatever follows the
    marker is replaced, so the file holds exactly one copy, the current one.
    """
    text = target.read_text(encoding="utf-8")
    patched = text.split(FOLD_MARKER, 1)[0] + FOLD_MARKER + SEARCH_FOLD.read_text(encoding="utf-8")
    if patched == text:
        return False
    target.write_text(patched, encoding="utf-8")
    return True
