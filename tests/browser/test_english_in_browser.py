"""The English briefing in a browser: the timeline's filters and their count, the permanent
links' copy button, and the pages at a phone's width, all in English.

The words the script shows come from the page (#bf-words, the filter form's data-shown-* texts),
written from the English catalogue; the plural form is the browser's own CLDR choice for the
page's language. Pages are watched (conftest): no request leaves 127.0.0.1, no console error.
Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from generator.model import Briefing
from generator.pipeline import read_briefing
from tests.browser.search_support import from_root, search
from tests.browser.support import Site
from tests.conftest import ENGLISH

PHONE = {"width": 390, "height": 844}
TOLLS = "2024-05-17-toll-dispute"


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return read_briefing(ENGLISH)


@pytest.fixture
def english_page(english_context: Any) -> Any:
    return english_context.new_page()


def _shown(page: Any) -> int:
    count: int = page.locator(".bf-row:visible").count()
    return count


def test_the_filters_count_in_english(english_page: Any, english_site: Site, briefing: Briefing) -> None:
    page, total = english_page, len(briefing.events)
    page.goto(english_site.address("timeline/"))
    assert page.get_attribute("html", "lang") == "en"
    count = page.locator(".bf-count")
    expect(count).to_have_text(f"{total} of {total} events")

    page.get_by_label("Actor").select_option("jose-nunez")
    nunez = briefing.events_by_actor["jose-nunez"]
    expect(count).to_have_text(f"{len(nunez)} of {total} events")
    assert _shown(page) == len(nunez)

    page.get_by_label("Year").select_option("2023")
    in_2023 = [e for e in nunez if e.year == 2023]
    assert len(in_2023) == 2
    expect(count).to_have_text(f"2 of {total} events")
    assert _shown(page) == 2
    assert page.locator(".bf-year:visible").count() == 1  # only 2023 is left
    assert "actor=jose-nunez" in page.url and "year=2023" in page.url  # English query parameters

    page.get_by_role("button", name="Show all").click()
    expect(count).to_have_text(f"{total} of {total} events")
    assert _shown(page) == total

    page.get_by_label("Actor").select_option("arveland-news-agency")  # named in one event
    expect(count).to_have_text(f"1 of {total} events")
    page.get_by_role("button", name="Show all").click()

    ferries = [e for e in briefing.events if "ferries" in e.tags]
    page.get_by_label("Topic").select_option("ferries")
    # Each option says how many events it would show with the other choices kept.
    expect(page.get_by_label("Subject or context").locator('option[value="subject"]')).to_have_text(
        f"Without context ({sum(not e.context for e in ferries)})"
    )
    expect(count).to_have_text(f"{len(ferries)} of {total} events")
    page.get_by_label("Subject or context").select_option("subject")
    subject = [e for e in ferries if not e.context]
    assert 0 < len(subject) < len(ferries)
    expect(count).to_have_text(f"{len(subject)} of {total} events")
    assert "topic=ferries" in page.url and "scope=subject" in page.url


def test_a_shared_english_address_opens_filtered(english_page: Any, english_site: Site, briefing: Briefing) -> None:
    okafor = [e for e in briefing.events_by_actor["mara-okafor"] if e.year == 2024]
    english_page.goto(english_site.address("timeline/?actor=mara-okafor&year=2024"))
    expect(english_page.locator(".bf-count")).to_have_text(f"{len(okafor)} of {len(briefing.events)} events")
    expect(english_page.get_by_label("Actor")).to_have_value("mara-okafor")
    expect(english_page.locator("form.bf-filters summary")).to_have_text("Filter the timeline")


def test_the_copy_button_speaks_english(english_context: Any, english_page: Any, english_site: Site) -> None:
    english_context.grant_permissions(
        ["clipboard-read", "clipboard-write"], origin=english_site.url.removesuffix("/depot/")
    )
    english_page.goto(english_site.address("timeline/2024/"))
    event = english_page.locator(f'[id="{TOLLS}"] + .bf-event')
    expect(event.locator("a.bf-permalink")).to_have_text("Permanent link")
    button = event.get_by_role("button", name="Copy link")
    expect(button).to_have_text("Copy link")
    button.click()
    expect(event.locator(".bf-copy-status")).to_have_text("Link copied")
    address = english_site.address(f"timeline/2024/#{TOLLS}")
    assert english_page.evaluate("navigator.clipboard.readText()") == address


def test_a_refused_copy_shows_the_address_in_english(
    english_context: Any, english_page: Any, english_site: Site
) -> None:
    english_context.add_init_script(
        "navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));"
        "document.execCommand = () => false;"
    )
    english_page.goto(english_site.address("timeline/2024/"))
    event = english_page.locator(f'[id="{TOLLS}"] + .bf-event')
    event.get_by_role("button", name="Copy link").click()
    address = english_site.address(f"timeline/2024/#{TOLLS}")
    expect(event.locator(".bf-copy-status")).to_have_text(f"Copy this link: {address}")


@pytest.mark.parametrize(
    ("name", "path"),
    [("english-phone-home", ""), ("english-phone-timeline", "timeline/"), ("english-phone-2025", "timeline/2025/")],
)
def test_the_english_site_fits_a_phone(
    english_page: Any, english_site: Site, artifacts: Any, name: str, path: str
) -> None:
    page = english_page
    page.set_viewport_size(PHONE)
    page.goto(english_site.address(path))
    assert page.get_attribute("html", "lang") == "en"
    assert page.get_attribute("input.md-search__input", "placeholder") == "Search"  # the theme's word
    # Nothing is wider than the screen: no sideways scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    if path == "timeline/":
        # On a phone the choices fold under their title, out of the first screen's way.
        expect(page.locator("form.bf-filters")).to_be_visible()
        expect(page.get_by_label("Actor")).to_be_hidden()
        page.locator("form.bf-filters summary").click()
        expect(page.get_by_label("Actor")).to_be_visible()
    page.screenshot(path=artifacts / f"{name}.png", full_page=True)
    assert (artifacts / f"{name}.png").stat().st_size > 10_000


def test_the_search_speaks_english(english_page: Any, english_site: Site) -> None:
    """The box, its count and its results' kinds in English; an English word found by its stem
    ("ferries" finds "ferry"); a result lands on its English address."""
    english_page.goto(english_site.address("timeline/"))
    expect(english_page.locator("#bf-search-input")).to_have_attribute("placeholder", "Search")
    found = search(english_page, "Arveland")
    assert found and found[0].title == "Arveland"
    assert found[0].about == "Actor"
    count = english_page.text_content("#bf-search-status") or ""
    assert re.fullmatch(r"1 result|([2-9]|\d\d+) results", count), count
    assert any(result.about.startswith("Event · ") for result in found)
    assert search(english_page, "ferries"), "English stemming: 'ferries' finds the ferry"
    found = search(english_page, "Arveland")
    assert from_root(found[0].href, english_site.url) == "actors/arveland/"
