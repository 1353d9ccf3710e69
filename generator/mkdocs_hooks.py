"""MkDocs hooks: a thin adapter between MkDocs and the generator.

- Under `mkdocs serve`, the data folder (`data/` next to mkdocs.yml) is watched too, and each
  rebuild first regenerates docs/ from it. The writer leaves unchanged pages alone, so this does
  not make MkDocs rebuild forever; invalid data is reported and the last good pages stay.
- The edit button of a generated page opens the YAML record it comes from (front matter
  `data_file`), not the generated Markdown; for a page made of a folder of records it opens
  the folder.
- The per-record "Modifier" links, written as `edit:<path>`, get the same treatment, or are
  removed when no repository is configured.
- French search finds words with or without accents: after each build, the accent folding of
  generator/assets/search-fold.js is appended to the theme's French lunr language file, which
  the search worker loads (see that file for why there).
"""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

# MkDocs loads this file by path; make the generator package importable however it was started.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from generator.cache import Cache
from generator.errors import DataError
from generator.export import ExportFile, render_exports
from generator.pipeline import generate, read_briefing

log = logging.getLogger("mkdocs.hooks.briefing")
_command: list[str] = []  # the MkDocs command being run, set at startup
_served_exports: dict[Path, list[ExportFile]] = {}  # under `mkdocs serve`, those of the first build
_serve_caches: dict[Path, Cache] = {}  # under `mkdocs serve`, what generation remembers, in memory

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


def on_startup(command: str, dirty: bool) -> None:
    _command[:] = [command]


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    server.watch(str(_data_dir(config)))
    return server


def on_pre_build(config: Any) -> None:
    if _command != ["serve"]:
        return  # `make build` generates before building; nothing to do twice
    try:
        data_dir = _data_dir(config)
        cache = _serve_caches.setdefault(data_dir, Cache.for_data(data_dir))
        outcome = generate(data_dir, Path(config.docs_dir), cache=cache)
    except DataError as error:
        log.error("the data has problems; the preview shows the last good pages:\n%s", error.report())
        return
    if outcome.written or outcome.removed:
        log.info("regenerated %d page(s), removed %d", len(outcome.written), len(outcome.removed))


def on_files(files: Files, config: Any) -> Files:
    """Add the open-data exports (donnees/) to the site, made from data/ with the site's address.

    They are never written into docs/: MkDocs copies them to site/ like any file, and its link
    check sees them, so the Données page can link to them under --strict.
    """
    if not config.site_url:
        raise PluginError("site_url is not set: the exports (donnees/) need it for their absolute links")
    data_dir = _data_dir(config)
    if _command == ["serve"] and data_dir in _served_exports:
        exports = _served_exports[data_dir]  # a preview makes them once: on thousands of events they take seconds
    else:
        try:
            briefing = read_briefing(data_dir)
        except DataError as error:
            if _command == ["serve"]:  # the preview keeps going, as in on_pre_build
                log.error("the data has problems; the preview has no exports (donnees/):\n%s", error.report())
                return files
            raise PluginError(f"the data has problems; no exports were made:\n{error.report()}") from error
        exports = render_exports(briefing, config.site_url, directory_urls=config.use_directory_urls)
        if _command == ["serve"]:
            _served_exports[data_dir] = exports
            log.info("the exports (donnees/) are made once per preview; `make build` makes them afresh")
    for export in exports:
        existing = files.get_file_from_path(export.path)
        if existing is not None:
            log.warning("docs/%s is replaced by the generated export of the same name", export.path)
            files.remove(existing)
        files.append(File.generated(config, export.path, content=export.content))
    return files


def _data_dir(config: Any) -> Path:
    return Path(config.config_file_path).resolve().parent / "data"


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
