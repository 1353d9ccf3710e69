"""Rendering: golden pages for the fixture briefing, determinism, and escaping of every value."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.links import SiteUrls, to_root
from generator.pages import render_site
from generator.pipeline import read_briefing
from generator.write import Page
from tests.conftest import ENGLISH, FIXTURE, ROOT, english_with_treaties

GOLDEN = Path(__file__).parent / "golden"
GOLDEN_EN = Path(__file__).parent / "golden-en"
# The English briefing with treaties: only its treaty pages (the rest is golden-en's, plus links).
GOLDEN_EN_TREATIES = Path(__file__).parent / "golden-en-treaties"


GOLDEN_SITE = "https://example.org/briefing/"


def golden_pages(golden: Path = GOLDEN) -> list[Path]:
    """The golden pages and exports; tests/golden/diff/ holds the reports of test_diff.py."""
    return [p for p in golden.rglob("*") if p.is_file() and p.relative_to(golden).parts[0] != "diff"]


@pytest.fixture(scope="module")
def pages() -> list[Page]:
    return render_site(read_briefing(FIXTURE), urls=SiteUrls.at(GOLDEN_SITE))


@pytest.fixture(scope="module")
def english_pages() -> list[Page]:
    return render_site(read_briefing(ENGLISH), urls=SiteUrls.at(GOLDEN_SITE))


@pytest.fixture(scope="module")
def english_treaty_pages(tmp_path_factory: pytest.TempPathFactory) -> list[Page]:
    data = english_with_treaties(tmp_path_factory.mktemp("english"))
    return render_site(read_briefing(data), urls=SiteUrls.at(GOLDEN_SITE))


def match_golden(rendered: dict[str, str | None], golden: Path) -> None:
    """Set UPDATE_GOLDEN=1 to rewrite the golden folder after an intended change, then review the diff."""
    if os.environ.get("UPDATE_GOLDEN"):
        for stale in golden_pages(golden):
            stale.unlink()
        for path, text in rendered.items():
            (golden / path).parent.mkdir(parents=True, exist_ok=True)
            (golden / path).write_bytes((text or "").encode("utf-8"))
    expected = {p.relative_to(golden).as_posix(): p.read_bytes().decode("utf-8") for p in golden_pages(golden)}
    assert sorted(rendered) == sorted(expected)
    for path, text in rendered.items():
        assert text == expected[path], f"{path} differs from {golden.relative_to(ROOT)}/{path}"


def test_pages_match_golden_files(pages: list[Page]) -> None:
    match_golden({page.path: page.text for page in pages}, GOLDEN)


def test_english_pages_match_golden_files(english_pages: list[Page]) -> None:
    match_golden({page.path: page.text for page in english_pages}, GOLDEN_EN)


def test_english_treaty_pages_match_golden_files(english_treaty_pages: list[Page]) -> None:
    treaties = {page.path: page.text for page in english_treaty_pages if page.path.startswith("treaties/")}
    assert len(treaties) == 3  # the list and the two treaties
    match_golden(treaties, GOLDEN_EN_TREATIES)


def test_english_rendering_is_deterministic(english_pages: list[Page]) -> None:
    assert render_site(read_briefing(ENGLISH), urls=SiteUrls.at(GOLDEN_SITE)) == english_pages


def test_rendering_is_deterministic(pages: list[Page]) -> None:
    assert render_site(read_briefing(FIXTURE), urls=SiteUrls.at(GOLDEN_SITE)) == pages


def test_every_page_has_front_matter(pages: list[Page]) -> None:
    for page in pages:
        if not page.path.endswith(".md"):
            continue  # an export
        head = page.text.split("\n---\n", 1)[0]
        assert head.startswith("---\ntitle: "), page.path
        assert "\ndescription: " in head
        assert "\ndata_file: " in head
        assert "\ngenerator: briefing-generator" in head


def test_each_page_names_a_cited_source_in_full_once_then_by_its_short_title(pages: list[Page]) -> None:
    briefing = read_briefing(FIXTURE)
    for page in pages:
        assert "bf-source:" not in page.text, page.path  # every marker was replaced
        root = to_root(page.path)
        full = {s.id: f'<a href="{root}sources/{s.id}/">{s.title}</a> — ' for s in briefing.sources}
        for source_id, words in full.items():
            link = f'"{root}sources/{source_id}/"'
            if link in page.text and "bf-quote" in page.text:
                assert page.text.count(words) <= 1, (page.path, source_id)
                if page.text.count(words):  # the first mention is the full one
                    assert page.text.index(words) + words.index(link) == page.text.index(link), page.path
    year = next(p.text for p in pages if p.path == "chronologie/2024.md")
    named = '<a href="../../sources/gazette-2024-03-06/">L\'accord de pêche est signé à Port-Sable</a>'
    assert year.count(named + " — Jeanne Marin, La Gazette du Nord, 6 mars 2024") == 1
    assert year.count(named + '<span class="bf-quote">') == 2


def test_readers_see_neither_the_archive_file_nor_an_unknown_outlet_in_citations(pages: list[Page]) -> None:
    for page in pages:
        if not page.path.endswith(".md"):
            continue  # the open data gives every field, `archive` included
        assert "gazette-2024-03-06.txt" not in page.text, page.path  # `archive` is for maintainers
        if page.path.startswith("sources/"):
            continue
        citations = [line for line in page.text.splitlines() if line.startswith("<li>") and "sources/" in line]
        assert all("non identifié" not in line for line in citations), page.path
    year = next(p.text for p in pages if p.path == "chronologie/2024.md")
    assert sum(line.startswith("<li>") and "sources/" in line for line in year.splitlines()) >= 3


def test_the_home_page_puts_the_subject_before_its_context(pages: list[Page]) -> None:
    home = next(p.text for p in pages if p.path == "index.md")
    latest = home.split("## Derniers développements", 1)[1].split("[Toute la chronologie", 1)[0]
    subject, context = latest.split("**Dans le contexte\u00a0:**")
    assert "Signature de l'accord de pêche" in subject and "bf-context" not in subject
    assert "Une tempête ferme le port" in context and "bf-context" in context


def test_a_bounded_date_reads_in_words_wherever_the_event_shows(pages: list[Page]) -> None:
    for path in ("chronologie/2024.md", "chronologie/index.md", "index.md", "acteurs/bordurie.md", "imprimer.md"):
        text = next(p.text for p in pages if p.path == path)
        assert "entre le 10 et le 14 février 2024" in text, path
    treaty = next(p.text for p in pages if p.path == "traites/accord-peche.md")
    assert "**Statut actuel\u00a0:** En vigueur (entre le 5 et le 6 mars 2024)" in treaty
