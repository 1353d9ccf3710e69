"""What the browser tests share: the served sites, and pages that record what they must not do."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tests.conftest import ROOT
from tests.test_site import build, make_project

ARTIFACTS = ROOT / "tests" / "artifacts"
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
SUB_PATH = "/depot/"
REPO = "https://github.com/team/briefing"  # a GitHub address: the theme would ask api.github.com about it
VIEWPORT = {"width": 1280, "height": 900}
# Chromium as root in a container needs --no-sandbox; the others stop it calling home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under SUB_PATH only, as GitHub Pages serves a project site."""

    def translate_path(self, path: str) -> str:
        url_path = urlsplit(path).path
        if not url_path.startswith(SUB_PATH):
            return str(Path(self.directory) / "no such file")
        return super().translate_path("/" + url_path.removeprefix(SUB_PATH))

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep the test output quiet


@dataclass
class Site:
    """A built site and the address it is served at."""

    folder: Path  # site/
    url: str  # http://127.0.0.1:PORT/depot/

    def address(self, path: str = "") -> str:
        return self.url + path


PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def pages_of(site: Site) -> list[str]:
    """Every page of the site, as addresses under it ('', 'timeline/2024/'…), but the pages left at
    renamed records' old addresses, which only send the reader on."""
    return sorted(
        p.relative_to(site.folder).as_posix().removesuffix("index.html")
        for p in site.folder.rglob("index.html")
        if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")
    )


def serve(tmp: Path, data: Path) -> Iterator[Site]:
    """Build `data` for the address it will be served at, then serve it; the port comes first."""
    site = tmp / "project" / "site"
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(site)))
    url = f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"
    result = build(make_project(tmp / "project", data), SITE_URL=url, REPO_URL=REPO, EDIT_URI="edit/main/docs/")
    assert result.returncode == 0, result.stderr
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield Site(site, url)
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Watch:
    """What the pages of one test did that they must not."""

    external: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return (
            [f"request to another host: {url}" for url in self.external]
            + [f"console error: {text}" for text in self.errors]
            + [f"dialog opened: {text}" for text in self.dialogs]
        )


def _route(watch: Watch, route: Any) -> None:
    url = route.request.url
    if urlsplit(url).hostname == "127.0.0.1":
        route.continue_()
    else:
        watch.external.append(url)
        route.abort()


def open_context(browser: Any, watch: Watch, *, locale: str = "fr-FR", **options: Any) -> Any:
    """A browser context whose pages are watched: other hosts blocked, errors and dialogs recorded."""
    context = browser.new_context(viewport=VIEWPORT, locale=locale, **options)
    context.route("**/*", functools.partial(_route, watch))

    def on_page(page: Any) -> None:
        page.on("console", lambda message: message.type == "error" and watch.errors.append(message.text))
        page.on("pageerror", lambda error: watch.errors.append(str(error)))
        page.on("dialog", lambda dialog: (watch.dialogs.append(dialog.message), dialog.dismiss()))

    context.on("page", on_page)
    return context
