"""MkDocs hooks: a thin adapter that reads no data; MkDocs only renders what `generate` wrote.

- The edit button of a generated page opens the YAML record it comes from (front matter
  `data_file`), not the generated Markdown; for a page made of a folder of records it opens
  the folder.
- The per-record "Modifier" links, written as `edit:<path>`, get the same treatment, or are
  removed when no repository is configured.

Without this file the site still builds and reads the same, with edit buttons that open the
generated Markdown: nothing essential lives here.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin

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
