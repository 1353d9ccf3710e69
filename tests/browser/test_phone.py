"""Reading on a phone (390 × 844) and on a desktop (1280 × 900): the months of a year one tap
away, filters where the events are, the key facts on the first screen, light pages, no page
wider than the screen, and what a page says of itself when shared.

Run on the English fixture briefing (tests/fixtures/english/), whose years hold events of
several months and one whose month is not known; the first briefing's own pages are measured in
tests/briefing/. Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from generator.model import Briefing
from generator.pages import by_month
from generator.pipeline import read_briefing
from tests.browser.support import DESKTOP, PHONE, Site, pages_of
from tests.conftest import ENGLISH


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return read_briefing(ENGLISH)


@pytest.fixture
def phone(english_context: Any) -> Any:
    page = english_context.new_page()
    page.set_viewport_size(PHONE)
    return page


@pytest.fixture
def desktop(english_context: Any) -> Any:
    page = english_context.new_page()
    page.set_viewport_size(DESKTOP)
    return page


def test_no_page_is_wider_than_a_phone(phone: Any, english_site: Site) -> None:
    wider = []
    for path in pages_of(english_site):
        phone.goto(english_site.address(path))
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wider.append((path, width))
    assert wider == []


def test_every_month_is_one_tap_from_the_top_of_its_year(
    phone: Any, english_site: Site, briefing: Briefing, artifacts: Any
) -> None:
    months = by_month(briefing.events_by_year[2022])
    assert [m for m, _ in months] == [None, 3, 9]  # a group whose month is unknown, then two months
    phone.goto(english_site.address("timeline/2022/"))
    bar = phone.get_by_role("navigation", name="The months of 2022")
    links = bar.get_by_role("link")
    expect(links).to_have_text(["Month unknown", "Mar", "Sep"])
    box = bar.bounding_box()
    assert box and box["y"] + box["height"] <= PHONE["height"] / 2, "the bar is on the first screen"
    phone.screenshot(path=artifacts / "phone-year-top.png")

    links.nth(2).click()  # September, in one tap
    heading = phone.locator("h2#month-09")
    expect(heading).to_contain_text("September 2022")
    expect(heading).to_be_in_viewport()
    # The bar stays in view, under the header, and the month's heading is not hidden under it.
    bar_box, heading_box = bar.bounding_box(), heading.bounding_box()
    assert bar_box and heading_box and bar_box["y"] >= 0
    assert heading_box["y"] >= bar_box["y"] + bar_box["height"] - 1
    phone.screenshot(path=artifacts / "phone-year-september.png")


def test_a_year_page_filters_its_events_its_months_and_its_contents(
    desktop: Any, english_site: Site, briefing: Briefing, artifacts: Any
) -> None:
    page = desktop
    events = briefing.events_by_year[2024]
    page.goto(english_site.address("timeline/2024/"))
    count = page.locator(".bf-count")
    expect(count).to_have_text(f"{len(events)} of {len(events)} events")
    assert page.get_by_label("Year").count() == 0  # a year page has no choice of year

    saint_elie = [e for e in events if "saint-elie" in {a.id for a in (*e.actors, *e.according_to)}]
    assert 0 < len(saint_elie) < len(events)
    actors = page.get_by_label("Actor")
    expect(actors.locator('option[value="saint-elie"]')).to_have_text(f"Saint-Élie ({len(saint_elie)})")
    actors.select_option("saint-elie")
    expect(count).to_have_text(f"{len(saint_elie)} of {len(events)} events")
    assert page.locator("h3.bf-event-title:visible").count() == len(saint_elie)
    shown_months = {e.dating.month for e in saint_elie}
    for month, _ in by_month(events):
        heading = page.locator(f"h2#month-{month:02d}")
        table_of_contents = page.locator(f'.md-sidebar--secondary a[href="#month-{month:02d}"]')
        bar = page.locator(f'.bf-months a[href="#month-{month:02d}"]')
        if month in shown_months:
            expect(heading).to_be_visible()
            expect(table_of_contents).to_be_visible()
            expect(bar).to_be_visible()
        else:  # a month left without events goes, from the page, its contents and the bar
            expect(heading).to_be_hidden()
            expect(table_of_contents).to_be_hidden()
            expect(bar).to_be_hidden()
    hidden = next(e for e in events if e not in saint_elie)
    expect(page.locator(f'.md-sidebar--secondary a[href="#{hidden.id}"]')).to_be_hidden()
    assert "actor=saint-elie" in page.url
    page.screenshot(path=artifacts / "desktop-year-filtered.png", full_page=True)


def test_filters_that_match_nothing_say_so_and_offer_to_start_again(
    desktop: Any, english_site: Site, briefing: Briefing
) -> None:
    total = len(briefing.events)
    # Options that would show nothing cannot be chosen; a shared address can still ask for it.
    actor, year = next(
        (a.id, y) for a in briefing.actors for y in briefing.years
        if a.id in briefing.events_by_actor and not [e for e in briefing.events_by_actor[a.id] if e.year == y]
    )  # fmt: skip
    desktop.goto(english_site.address(f"timeline/?actor={actor}&year={year}"))
    empty = desktop.locator(".bf-empty")
    expect(desktop.locator(".bf-count")).to_have_text(f"0 of {total} events")
    expect(empty).to_be_visible()
    expect(empty).to_contain_text("No event matches these filters.")
    assert desktop.locator(".bf-row:visible").count() == 0
    empty.get_by_role("button", name="Show all").click()
    expect(desktop.locator(".bf-count")).to_have_text(f"{total} of {total} events")
    expect(empty).to_be_hidden()


def test_the_first_screen_of_the_home_page_shows_dated_key_facts(
    phone: Any, english_site: Site, briefing: Briefing, artifacts: Any
) -> None:
    phone.goto(english_site.address())
    key_facts = phone.get_by_role("heading", name="Key facts")
    expect(key_facts).to_be_in_viewport()
    first = phone.locator("h2:has-text('Key facts') + ul li").first
    box = first.bounding_box()
    assert box and box["y"] + box["height"] <= PHONE["height"], "a key fact is on the first screen"
    event = sorted(briefing.featured, key=lambda e: e.sort_key)[0]
    expect(first.locator("strong")).to_have_text(re.compile(r"\d{4}"))  # dated
    expect(first.get_by_role("link")).to_have_text(event.title)
    phone.screenshot(path=artifacts / "phone-home.png")


def test_the_certainty_of_a_date_is_a_mark_with_its_words(phone: Any, english_site: Site) -> None:
    phone.goto(english_site.address("timeline/"))
    marks = phone.locator(".bf-row .bf-uncertain")
    assert marks.count() >= 1
    mark = marks.first
    expect(mark.locator("[aria-hidden=true]")).to_have_text("≈")
    expect(mark.locator("[aria-hidden=true]")).to_have_attribute("title", re.compile(r"^(approximate|inferred) date$"))
    expect(mark.locator(".bf-sr")).to_have_text(re.compile(r"^ \((approximate|inferred) date\)$"))
    # The words are for screen readers: the eye reads the mark, and they take no room.
    box = mark.locator(".bf-sr").bounding_box()
    assert box and box["width"] <= 1 and box["height"] <= 1


def test_pages_say_what_they_are_when_shared_and_announce_the_feed(desktop: Any, english_site: Site) -> None:
    desktop.goto(english_site.address("timeline/2024/"))
    expect(desktop.locator('meta[property="og:title"]')).to_have_attribute("content", "Timeline of 2024")
    expect(desktop.locator('meta[property="og:description"]')).to_have_attribute("content", re.compile(r"in 2024\.$"))
    expect(desktop.locator('meta[property="og:url"]')).to_have_attribute(
        "content", english_site.address("timeline/2024/")
    )
    feed = desktop.locator('link[type="application/atom+xml"]')
    expect(feed).to_have_attribute("rel", "alternate feed")
    href = desktop.evaluate("document.querySelector('link[type=\"application/atom+xml\"]').href")
    assert href == english_site.address("data/feed.xml")
    assert desktop.request.get(href).status == 200


def test_the_404_page_offers_a_way_on_in_the_sites_language(phone: Any, english_site: Site) -> None:
    # GitHub Pages answers any address that leads nowhere with this page: its links are absolute.
    phone.goto(english_site.address("404.html"))
    expect(phone.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Page not found"))
    phone.locator(".md-content label[for=__search]").click()  # the search, from the page itself
    expect(phone.locator("#bf-search-input")).to_be_focused()
    phone.keyboard.type("bridge")
    expect(phone.locator("#bf-search-results [role=option]").first).to_be_visible()
    phone.keyboard.press("Escape")
    phone.keyboard.press("Escape")
    parts = phone.locator(".md-content").get_by_role("link")
    assert parts.count() >= 5
    parts.filter(has_text="Timeline").first.click()
    expect(phone.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Timeline"))


@pytest.mark.parametrize("path", ["", "timeline/", "timeline/2024/", "actors/", "questions/"])
def test_screenshots_at_phone_and_desktop_widths(
    english_context: Any, english_site: Site, artifacts: Any, path: str
) -> None:
    page = english_context.new_page()
    name = path.strip("/").replace("/", "-") or "home"
    for width, size in (("phone", PHONE), ("desktop", DESKTOP)):
        page.set_viewport_size(size)
        page.goto(english_site.address(path))
        page.screenshot(path=artifacts / f"english-{width}-{name}.png", full_page=True)
        assert (artifacts / f"english-{width}-{name}.png").stat().st_size > 10_000
