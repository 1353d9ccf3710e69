"""Browser tests' fixtures: the built site, served from a sub-path on 127.0.0.1, driven by Chromium.

A plugin of the whole test suite (tests/conftest.py), not a conftest of tests/browser/: the tests
of the real briefing (tests/briefing/) use the same browser and sites, started once per session.

The sites are built once per session, as GitHub Pages serves a project site: from a sub-path
(http://127.0.0.1:PORT/depot/), with SITE_URL set to that address. One is built from the real
data/, one from the fixture briefing, one from the hostile fixture, one from the English fixture.

Which Chromium: $CHROMIUM_PATH when set; else the one Playwright installed when
$PLAYWRIGHT_BROWSERS_PATH is set (GitHub's runners: `python -m playwright install chromium`);
else Debian's /usr/bin/chromium (or `chromium` on the PATH); else Playwright's own, if
installed. When none is found the tests skip with the reason, unless REQUIRE_BROWSER=1, which
makes them fail: CI sets it, so a missing browser can never pass unnoticed.

Every page a test opens is watched: a request to any host but 127.0.0.1 is blocked and
reported, and so is any console error or uncaught exception. The test fails at teardown if any
happened.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.support import ARTIFACTS, CHROMIUM_ARGS, HOSTILE, Site, Watch, open_context, serve
from tests.conftest import ENGLISH, FIXTURE, ROOT


def _unavailable(reason: str) -> None:
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1 but the browser tests cannot run: {reason}", pytrace=False)
    pytest.skip(f"browser tests skipped: {reason} (set REQUIRE_BROWSER=1 to make this an error)")


def chromium_executable(playwright_chromium: Any) -> str | None:
    """The Chromium to launch (None: Playwright's own); skips or fails when there is none."""
    explicit = os.environ.get("CHROMIUM_PATH")
    if explicit:
        if not os.access(explicit, os.X_OK):
            _unavailable(f"CHROMIUM_PATH={explicit} is not an executable file")
        return explicit
    bundled = Path(playwright_chromium.executable_path)
    if os.environ.get("PLAYWRIGHT_BROWSERS_PATH"):
        if not bundled.is_file():
            _unavailable(f"PLAYWRIGHT_BROWSERS_PATH is set but Playwright's Chromium is not installed at {bundled}")
        return None
    system = next((p for p in ("/usr/bin/chromium", shutil.which("chromium")) if p and os.access(p, os.X_OK)), None)
    if system:
        return system
    if bundled.is_file():
        return None
    _unavailable("no Chromium found (CHROMIUM_PATH, /usr/bin/chromium, chromium on the PATH, Playwright's own)")
    return None  # not reached: _unavailable raises


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError as error:
        _unavailable(f"Playwright is not installed ({error})")
    with sync_playwright() as playwright:
        executable = chromium_executable(playwright.chromium)
        try:
            launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        except Error as error:
            first_line = error.message.splitlines()[0]
            _unavailable(f"Chromium ({executable or 'Playwright’s own'}) does not start: {first_line}")
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    yield from serve(tmp_path_factory.mktemp("real-site"), ROOT / "data")


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    yield from serve(tmp_path_factory.mktemp("fixture-site"), FIXTURE)


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    yield from serve(tmp_path_factory.mktemp("hostile-site"), HOSTILE)


@pytest.fixture(scope="session")
def english_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The English fixture briefing (no treaty)."""
    yield from serve(tmp_path_factory.mktemp("english-site"), ENGLISH)


@pytest.fixture
def english_context(browser: Any, watch: Watch) -> Iterator[Any]:
    """A watched context whose browser speaks English, as an English site's reader's would."""
    context = open_context(browser, watch, locale="en-US")
    yield context
    context.close()
    assert not watch.problems(), "\n".join(watch.problems())


@pytest.fixture
def watch() -> Watch:
    return Watch()


@pytest.fixture
def context(browser: Any, watch: Watch) -> Iterator[Any]:
    context = open_context(browser, watch)
    yield context
    context.close()
    assert not watch.problems(), "\n".join(watch.problems())


@pytest.fixture
def page(context: Any) -> Any:
    return context.new_page()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
