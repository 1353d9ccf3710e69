"""The hostile briefing (scripts and markup in every text field) in a browser: nothing runs.

Every page of the built site is opened. Before any of the page's own scripts, an init script
replaces alert, confirm, prompt and print with recorders and notes the window's globals; the
watch (fixtures.py) records dialogs. After load: no call, no dialog, no console error, and no
global but those the theme defines on its own 404 page, and Mermaid's.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.search_support import search
from tests.browser.support import Site

SPY = """
window.__calls = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
  window[name] = (...args) => { window.__calls.push(name + "(" + args.join(", ") + ")"); };
}
window.__globals = Object.getOwnPropertyNames(window);
"""
NEW_GLOBALS = "Object.getOwnPropertyNames(window).filter(name => !window.__globals.includes(name))"


def _pages(site: Site) -> list[str]:
    return sorted(p.relative_to(site.folder).as_posix().removesuffix("index.html") for p in site.folder.rglob("*.html"))


def test_every_page_runs_nothing_from_the_data(context: Any, page: Any, hostile_site: Site) -> None:
    context.add_init_script(SPY)
    # The globals the site's own scripts define: those of 404.html, which the theme renders from
    # no data.
    page.goto(hostile_site.address("404.html"))
    expected = {"__globals", "__calls", *page.evaluate(NEW_GLOBALS)}
    for path in _pages(hostile_site):
        page.goto(hostile_site.address(path))
        assert page.evaluate("window.__calls") == [], path
        unexpected = set(page.evaluate(NEW_GLOBALS)) - expected
        assert not unexpected, f"{path}: globals the theme does not define: {unexpected}"


def test_search_results_show_the_scripts_as_text(page: Any, hostile_site: Site) -> None:
    """Titles, dates and excerpts come from the data: the box shows them as the characters they are."""
    page.goto(hostile_site.address())
    found = search(page, "script alert")
    titles = {result.title for result in found}
    assert "<script>alert('question')</script> ?" in titles
    assert "</title><script>alert('actor-name')</script>" in titles
    assert any("<script>" in result.text for result in found), "excerpts show markup as text too"
    results = page.locator("#bf-search-results")
    assert results.locator("script, img, iframe, object, embed, style, form, svg, b").count() == 0
    handlers = "[...document.querySelectorAll('.md-search-result *')].flatMap(e => [...e.attributes])"
    assert page.evaluate(f"{handlers}.filter(a => a.name.startsWith('on')).length") == 0
    links = page.eval_on_selector_all("#bf-search-results a", "links => links.map(a => a.href)")
    assert links and all(link.startswith(hostile_site.url) for link in links)


def test_the_relations_show_names_and_relations_as_text(page: Any, hostile_site: Site) -> None:
    """The tree of who answers to whom shows the hostile names as the characters they are."""
    page.goto(hostile_site.address("acteurs/"))
    tree = page.locator(".bf-tree")
    text = tree.inner_text()
    for label in (
        "</title><script>alert('actor-name')</script>",
        "<script>alert('relation')</script>",
        "État &amp; <Cie> \"guillemets\" 'apostrophes'",
    ):
        assert label in text
    assert tree.locator("script, img, iframe, object, embed, base").count() == 0


@pytest.mark.parametrize("path", ["chronologie/", "chronologie/2024/", "acteurs/"])
def test_screenshots(page: Any, hostile_site: Site, artifacts: Any, path: str) -> None:
    page.goto(hostile_site.address(path))
    name = "hostile-" + (path.strip("/").replace("/", "-") or "accueil")
    page.screenshot(path=artifacts / f"{name}.png", full_page=True)
