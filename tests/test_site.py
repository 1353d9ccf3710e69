"""End to end: generate the fixture briefing and build it with MkDocs --strict, as `make build` does."""

from __future__ import annotations

import html
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from generator.pipeline import read_briefing
from generator.sitescan import scan_site
from generator.words import words_for
from tests.conftest import FIXTURE, ROOT

REPO = "https://example.org/team/briefing"


def make_project(folder: Path, data: Path = FIXTURE) -> Path:
    """A project like ours: mkdocs.yml, the docs the repository holds (assets), theme overrides, and
    the given data; generate writes every page."""
    shutil.copytree(data, folder / "data")
    shutil.copytree(ROOT / "docs" / "assets", folder / "docs" / "assets")
    shutil.copytree(ROOT / "overrides", folder / "overrides")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("generator/mkdocs_hooks.py", str(ROOT / "generator" / "mkdocs_hooks.py"))
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    return folder


def build(project: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Build as `make build` does: generate, mkdocs build --strict, then the search index."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1", **env}
    steps = (["-m", "generator", "generate"], ["-m", "mkdocs", "build", "--strict"], ["-m", "generator", "search"])
    for command in steps:
        result = subprocess.run(
            [sys.executable, *command], cwd=project, env=environment, capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            return result
    return result


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("project"))
    result = build(project, REPO_URL=REPO, EDIT_URI="edit/main/docs/")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    return project / "site"


def test_every_kind_of_page_is_built(site: Path) -> None:
    for page in [
        "index.html",
        "chronologie/index.html",
        "chronologie/2023/index.html",
        "chronologie/2024/index.html",
        "acteurs/index.html",
        "acteurs/anne-leroy/index.html",
        "traites/index.html",
        "traites/accord-peche/index.html",
        "questions/index.html",
        "sources/index.html",
        "sources/gazette-2024-03-06/index.html",
        "methode/index.html",
    ]:
        assert (site / page).is_file(), page


def primary_nav_pages(html: str, page: str) -> list[str]:
    """The pages the main navigation links to (not the current page's own headings), from the root."""
    start = html.index('<nav class="md-nav md-nav--primary"')
    depth = 0
    for match in re.finditer(r"<(/?)nav\b", html[start:]):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            nav = html[start : start + match.end()]
            break
    links = re.findall(r'<a href="([^"#]*)"\s+class="md-nav__link', nav)
    return list(dict.fromkeys(urljoin(f"http://site/{page}", link) for link in links))


def test_navigation_lists_sections_only(site: Path) -> None:
    sections = [
        "",
        "chronologie/",
        "acteurs/",
        "traites/",
        "questions/",
        "sources/",
        "donnees/",
        "methode/",
        "imprimer/",
    ]
    expected = [f"http://site/{section}" for section in sections]
    assert primary_nav_pages((site / "index.html").read_text(encoding="utf-8"), "") == expected
    year = (site / "chronologie/2024/index.html").read_text(encoding="utf-8")
    assert primary_nav_pages(year, "chronologie/2024/") == expected


def test_event_anchor_and_search_index(site: Path) -> None:
    html = (site / "chronologie/2024/index.html").read_text(encoding="utf-8")
    assert 'id="2024-03-05-signature-accord"' in html
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["version"] == "1.5.2" and list(entry["languages"]) == ["fr"]
    # The theme's search is off: no lunr index, and the box in the header is ours.
    assert not (site / "search").exists()
    assert 'id="bf-search-input"' in (site / "404.html").read_text(encoding="utf-8")


def test_edit_links_open_the_yaml_record(site: Path) -> None:
    actor = (site / "acteurs/anne-leroy/index.html").read_text(encoding="utf-8")
    buttons = re.findall(r'<a href="([^"]+)" title="[^"]*" class="md-content__button md-icon"', actor)
    assert buttons == [f"{REPO}/edit/main/data/actors/anne-leroy.yaml"]
    year = (site / "chronologie/2024/index.html").read_text(encoding="utf-8")
    assert f'<a class="bf-edit" href="{REPO}/edit/main/data/events/2024/2024-03-05-signature-accord.yaml">' in year
    assert f'href="{REPO}/tree/main/data/events/2024/"' in year
    methode = (site / "methode/index.html").read_text(encoding="utf-8")
    assert f'href="{REPO}/edit/main/generator/locales/fr.yaml"' in methode  # its text is the catalogue's


def test_without_a_repository_there_are_no_edit_links(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    result = build(project)
    assert result.returncode == 0, result.stderr
    year = (project / "site/chronologie/2024/index.html").read_text(encoding="utf-8")
    assert 'href="edit:' not in year
    assert 'class="bf-edit"' not in year


# ---- Reading the site: search, printable page, accessibility, no third-party request ----------


def test_the_search_box_has_its_words_and_the_way_to_the_root(site: Path) -> None:
    """Every word of the box comes from the briefing's catalogue, in the briefing's language."""
    w = words_for("fr")
    for page, root in (("index.html", "."), ("chronologie/2024/index.html", "../.."), ("404.html", "/")):
        text = (site / page).read_text(encoding="utf-8")
        box = re.search(
            r'<div class="md-search bf-search" data-bf-search data-bf-root="([^"]*)" data-bf-words=\'([^\']*)\'', text
        )
        assert box, page
        assert box.group(1) == root
        words = json.loads(html.unescape(box.group(2)))
        assert words["language"] == "fr" and words["prompt"] == w("search.prompt") and words["none"] == w("search.none")
        assert words["found"] == w.raw("search.found") and words["kind"] == w.table("search.kind")
        assert f'placeholder="{w("search.label")}"' in text
        assert 'role="combobox"' in text and 'role="listbox"' in text and 'role="status"' in text


def test_the_header_is_the_themes_but_for_the_search_box() -> None:
    """overrides/partials/header.html is the theme's with our box in place of its search: after an
    upgrade of the theme that changes its header, copy it again and put the box back."""
    import material

    theirs = (Path(material.__file__).parent / "templates/partials/header.html").read_text(encoding="utf-8")
    ours = (ROOT / "overrides/partials/header.html").read_text(encoding="utf-8")

    def without_search(header: str, first: str, last: str) -> str:
        body = header.split("-#}", 1)[1]  # after the comment at the top
        start = body.index(first)
        return body[:start] + body[body.index(last, start) + len(last) :]

    theirs_rest = without_search(theirs, '{% if "material/search" in config.plugins %}', "{% endif %}\n    {% endif %}")
    ours_rest = without_search(ours, "{#- Our search box", '{% include "partials/search-box.html" %}')
    assert ours_rest == theirs_rest


def test_the_printable_page_holds_the_whole_briefing(site: Path) -> None:
    printable = (site / "imprimer/index.html").read_text(encoding="utf-8")
    briefing = read_briefing(FIXTURE)
    for event in briefing.events:
        assert f'id="{event.id}"' in printable
    for record in (*briefing.actors, *briefing.sources):
        assert html.escape(record.title if hasattr(record, "title") else record.name, quote=False) in printable
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="imprimer/"' in home
    assert re.search(
        r'<a href="imprimer/" class="md-nav__link">\s*<span class="md-ellipsis">\s*Version imprimable', home
    )


MOVED = '<meta http-equiv="refresh"'  # a page left at a renamed record's old address


def test_old_addresses_of_renamed_records_lead_to_them(site: Path) -> None:
    """former_ids: a page at an actor's old address refreshes to its page; an event's and a
    question's old ids are anchors just above them."""
    moved = (site / "acteurs/valmont-presse/index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../../acteurs/agence-valmont/">' in moved
    assert '<a href="../../acteurs/agence-valmont/">Agence Valmont Presse</a>' in moved
    assert '<meta name="robots" content="noindex">' in moved
    assert (site / "acteurs/agence-valmont/index.html").is_file()
    year = (site / "chronologie/2024/index.html").read_text(encoding="utf-8")
    for old in ("2024-03-signature-accord", "signature-accord"):
        assert re.search(
            rf'<div id="{old}" class="bf-former"></div>\s*(<div [^>]*></div>\s*)?'
            r'<h3 [^>]*id="2024-03-05-signature-accord"',
            year,
        ), old
    questions = (site / "questions/index.html").read_text(encoding="utf-8")
    assert re.search(r'<div id="quotas" class="bf-former"></div>\s*<h2 [^>]*id="quotas-respectes"', questions)
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "valmont-presse" not in sitemap


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _content(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    return text[text.index('<div class="md-content"') : text.index("<footer")]


def test_pages_are_french_and_their_headings_go_down_one_level_at_a_time(site: Path) -> None:
    for page in _pages(site):
        text = page.read_text(encoding="utf-8")
        assert '<html lang="fr"' in text, page
        if page.name == "404.html" or MOVED in text:
            continue
        levels = [int(level) for level in re.findall(r"<h([1-6])\b", _content(page))]
        assert levels[:1] == [1] and levels.count(1) == 1, (page, levels)
        assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), (page, levels)
        assert not re.search(r"<img(?![^>]*\balt=)", text), page


def test_no_page_loads_anything_from_another_host(site: Path) -> None:
    loads = re.compile(r"<(?:script|img|iframe|source|audio|video)\b[^>]*\bsrc=\"([^\"]*)\"|<link\b([^>]*)>")
    for page in _pages(site):
        text = page.read_text(encoding="utf-8")
        for src, link in loads.findall(text):
            if link and not re.search(r'\brel="(?:stylesheet|preload|modulepreload|icon|manifest)"', link):
                continue  # canonical, alternate…: addresses, not downloads
            url = src or re.search(r'\bhref="([^"]*)"', link).group(1)  # type: ignore[union-attr]
            assert not urlsplit(url).netloc, f"{page}: loads {url}"
        # The theme asks api.github.com about the repository when the link carries this.
        assert 'data-md-component="source"' not in text, page
        assert "unpkg.com" not in text, page
    assert scan_site(site) == []


def test_the_relations_are_a_tree_of_lists_without_a_script(site: Path) -> None:
    """Who answers to whom: each actor under the one its first affiliation names, in a nested list
    a phone reads as well as a desktop, with no diagram library to download."""
    actors = (site / "acteurs/index.html").read_text(encoding="utf-8")
    tree = actors[actors.index('<div class="bf-tree">') :]
    assert re.search(
        r'<li><a href="valmontie/">Valmontie</a>\s*<ul>\s*<li><a href="agence-valmont/">'
        r"Agence Valmont Presse</a> — Agence officielle</li>",
        tree,
    ), tree[:600]
    assert "mermaid" not in actors
    assert not (site / "assets/javascripts/vendor").exists()


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours."""
    light, dark = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_colours_of_the_stylesheet_are_readable() -> None:
    """Text colours against their backgrounds: 4.5:1 at least (WCAG AA for body text)."""
    css = (ROOT / "docs/assets/briefing.css").read_text(encoding="utf-8")
    colour = {name: value for name, value in re.findall(r"--([\w-]+):\s*(#[0-9a-f]{6})\b", css)}
    white, text, link = "#ffffff", "#212121", "#4051b5"  # the theme's background, text and links (indigo)
    pairs = [
        (colour["bf-muted"], white),
        (colour["bf-muted"], colour["bf-facts-bg"]),
        (text, colour["bf-facts-bg"]),
        (link, colour["bf-facts-bg"]),
        (link, colour["bf-target-bg"]),
        (colour["bf-chip-fg"], colour["bf-chip-bg"]),
        (colour["bf-warn-fg"], colour["bf-warn-bg"]),
        (colour["bf-stop-fg"], colour["bf-stop-bg"]),
        (colour["md-accent-fg-color"], white),
        (colour["bf-focus"], white),
    ]
    for foreground, background in pairs:
        assert contrast(foreground, background) >= 4.5, (foreground, background)
    assert contrast("#777777", white) < 4.5 < contrast("#767676", white)  # the check itself, on known values
