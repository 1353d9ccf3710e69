"""The search box on the fixture briefing, served from a sub-path: typing finds what a reader means,
the keyboard alone works, a result lands on its record's own anchor, nothing is fetched before the
box is used and nothing from another host ever, on a desktop and on a phone.

Each test's pages are watched (fixtures.py): a request to another host, a console error or a
dialog fails the test.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from generator.words import words_for
from tests.browser.search_support import INPUT, from_root, load_queries, report, score, search
from tests.browser.support import Site
from tests.conftest import ROOT

SIGNATURE = "chronologie/2024/#2024-03-05-signature-accord"
WORDS = words_for("fr")


def test_queries_find_what_a_reader_means(page: Any, fixture_site: Site) -> None:
    page.goto(fixture_site.address("chronologie/"))
    scores = score(page, fixture_site.url, load_queries(ROOT / "tests/browser/search-queries.yaml"))
    assert all(s.hit for s in scores), report(scores)


def test_a_result_shows_its_kind_and_date_and_lands_on_the_events_anchor(page: Any, fixture_site: Site) -> None:
    page.goto(fixture_site.address("acteurs/"))
    found = search(page, "signature accord")
    assert from_root(found[0].href, fixture_site.url) == SIGNATURE
    assert found[0].title == "Signature de l'accord de pêche"
    assert found[0].about == f"{WORDS.table('search.kind')['event']} · 5–6 mars 2024"
    counted = WORDS.count("search.found", len(found))
    assert page.text_content("#bf-search-status") == counted
    page.click("#bf-search-results [role=option] a")
    page.wait_for_url(fixture_site.address(SIGNATURE))
    heading = page.locator('[id="2024-03-05-signature-accord"]')
    expect(heading).to_be_in_viewport()
    assert not page.is_checked("#__search"), "the search panel closes"


def test_the_keyboard_alone_chooses_and_opens_a_result(page: Any, fixture_site: Site) -> None:
    page.goto(fixture_site.address())
    page.keyboard.press("/")  # opens the box, as the theme's search does
    expect(page.locator(INPUT)).to_be_focused()
    found = search(page, "quotas")
    assert len(found) >= 2
    box = page.locator(INPUT)
    expect(box).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", "bf-search-option-1")
    expect(page.locator("#bf-search-option-1")).to_have_attribute("aria-selected", "true")
    page.keyboard.press("ArrowUp")
    expect(box).to_have_attribute("aria-activedescendant", "bf-search-option-0")
    expect(page.locator("#bf-search-option-1")).to_have_attribute("aria-selected", "false")
    page.keyboard.press("ArrowUp")  # from the first, round to the last
    expect(box).to_have_attribute("aria-activedescendant", f"bf-search-option-{len(found) - 1}")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(found[0].href)


def test_enter_opens_the_first_result_and_escape_clears_then_closes(page: Any, fixture_site: Site) -> None:
    page.goto(fixture_site.address())
    search(page, "tempete")
    page.keyboard.press("Escape")
    expect(page.locator(INPUT)).to_have_value("")
    expect(page.locator("#bf-search-results [role=option]")).to_have_count(0)
    expect(page.locator("#bf-search-status")).to_have_text(WORDS("search.prompt"))
    page.keyboard.press("Escape")
    assert not page.is_checked("#__search")
    found = search(page, "tempete")
    page.keyboard.press("Enter")
    page.wait_for_url(found[0].href)
    assert from_root(page.url, fixture_site.url) == "chronologie/2024/#2024-02-tempete"


def test_screen_readers_get_roles_names_and_the_count(page: Any, fixture_site: Site) -> None:
    page.goto(fixture_site.address())
    box = page.get_by_role("combobox", name=WORDS("search.label"))
    expect(box).to_have_attribute("aria-controls", "bf-search-results")
    expect(page.get_by_role("listbox", name=WORDS("search.results"))).to_be_attached()
    search(page, "Bordurie")
    status = page.get_by_role("status")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_have_text(re.compile(r"^\d+ résultats$"))
    option = page.get_by_role("option").first
    expect(option).to_have_accessible_name("Bordurie Acteur")
    nobody = search(page, "zzzzqx")
    assert nobody == []
    expect(status).to_have_text(WORDS("search.none"))


def test_nothing_is_fetched_before_the_box_is_used_and_all_from_the_sub_path(page: Any, fixture_site: Site) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(fixture_site.address("acteurs/anne-leroy/"))
    page.wait_for_load_state("networkidle")
    assert not [url for url in requests if "/pagefind/" in url]
    search(page, "Leroy")
    fetched = [url for url in requests if "/pagefind/" in url]
    assert fetched and all(url.startswith(fixture_site.address("pagefind/")) for url in fetched)


def test_a_query_of_several_words_finds_the_records_holding_all_of_them(page: Any, fixture_site: Site) -> None:
    page.goto(fixture_site.address())
    quotas = {from_root(r.href, fixture_site.url) for r in search(page, "quotas")}
    both = {from_root(r.href, fixture_site.url) for r in search(page, "quotas Bordurie")}
    assert "questions/#quotas-respectes" in quotas  # about quotas, not about the Bordurie by name
    assert both == {"chronologie/2024/#2024-04-quotas-contestes", "traites/accord-peche/#quotas"}


def test_short_words_are_not_the_start_of_others(page: Any, fixture_site: Site) -> None:
    """A lone short word finds the records that hold that very word ("un", not "une"); a short word
    among others is left out ("de" is not the start of "deux")."""
    page.goto(fixture_site.address())
    found = [from_root(r.href, fixture_site.url) for r in search(page, "un")]
    assert "traites/accord-peche/" in found  # "Un accord qui partage…"
    assert "chronologie/2024/#2024-02-tempete" not in found  # "Une tempête…" only
    assert [from_root(r.href, fixture_site.url) for r in search(page, "AVP")] == [
        "acteurs/agence-valmont/",
        "chronologie/2023/#2023-10-rencontre-annoncee",  # according to the AVP
    ]
    assert [r.href for r in search(page, "accord de pêche")] == [r.href for r in search(page, "accord pêche")]


def test_the_404_page_searches_from_the_site_root(page: Any, fixture_site: Site) -> None:
    page.goto(fixture_site.address("404.html"))
    found = search(page, "tempete")
    assert found[0].href == fixture_site.address("chronologie/2024/#2024-02-tempete")


@pytest.mark.parametrize("width", [390, 1280])
def test_the_box_in_the_themes_look_on_a_phone_and_a_desktop(
    page: Any, fixture_site: Site, artifacts: Any, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 844 if width < 500 else 900})
    page.goto(fixture_site.address("chronologie/2024/"))
    if width < 500:  # behind the magnifier, as the theme's own search
        expect(page.locator(".md-search__inner")).to_have_css("opacity", "0")
        page.click('label.md-header__button[for="__search"]')
        expect(page.locator(".md-search__inner")).to_have_css("opacity", "1")
        expect(page.locator(INPUT)).to_be_focused()
    found = search(page, "accord")
    assert found
    panel = page.locator(".md-search__output")
    expect(panel).to_be_visible()
    box = panel.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, box
    first = page.locator("#bf-search-results [role=option]").first
    expect(first).to_be_in_viewport()
    page.screenshot(path=artifacts / f"recherche-{width}.png")
