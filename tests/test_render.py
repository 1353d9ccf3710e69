"""Rendering: golden pages for the fixture briefing, determinism, and escaping of every value."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.pages import render_site
from generator.pipeline import read_briefing
from generator.write import Page
from tests.conftest import FIXTURE

GOLDEN = Path(__file__).parent / "golden"


def golden_pages() -> list[Path]:
    """The golden pages; tests/golden/diff/ holds the reports of test_diff.py."""
    return [p for p in GOLDEN.rglob("*.md") if p.relative_to(GOLDEN).parts[0] != "diff"]


@pytest.fixture(scope="module")
def pages() -> list[Page]:
    return render_site(read_briefing(FIXTURE))


def test_pages_match_golden_files(pages: list[Page]) -> None:
    """Set UPDATE_GOLDEN=1 to rewrite tests/golden/ after an intended change, then review the diff."""
    rendered = {page.path: page.text for page in pages}
    if os.environ.get("UPDATE_GOLDEN"):
        for stale in golden_pages():
            stale.unlink()
        for path, text in rendered.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_text(text, encoding="utf-8")
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8") for p in golden_pages()}
    assert sorted(rendered) == sorted(expected)
    for path, text in rendered.items():
        assert text == expected[path], f"{path} differs from tests/golden/{path}"


def test_rendering_is_deterministic(pages: list[Page]) -> None:
    assert render_site(read_briefing(FIXTURE)) == pages


def test_every_page_has_front_matter(pages: list[Page]) -> None:
    for page in pages:
        head = page.text.split("\n---\n", 1)[0]
        assert head.startswith("---\ntitle: "), page.path
        assert "\ndescription: " in head
        assert "\ndata_file: " in head
        assert "\ngenerator: briefing-generator" in head
