"""The first briefing's pages on a phone (390 × 844): none wider than the screen, the actors page
light (at most 700 KB before any interaction, Mermaid's 3.5 MB gone), the long year pages one tap
from each month. Screenshots of the main pages at both widths go to tests/artifacts/.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.support import DESKTOP, PHONE, Site, pages_of

LIGHT_BYTES = 700_000


@pytest.fixture
def phone(context: Any) -> Any:
    page = context.new_page()
    page.set_viewport_size(PHONE)
    return page


def test_no_page_of_the_briefing_is_wider_than_a_phone(phone: Any, real_site: Site) -> None:
    pages = pages_of(real_site)
    assert len(pages) > 60  # the section pages, every actor, source, year and treaty
    wider = []
    for path in pages:
        phone.goto(real_site.address(path))
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wider.append((path, width))
    assert wider == []


@pytest.mark.parametrize("path", ["", "acteurs/", "chronologie/2025/", "questions/", "traites/"])
def test_a_page_weighs_at_most_700_kb_before_any_interaction(phone: Any, real_site: Site, path: str) -> None:
    """Every byte the page loads, as sent (uncompressed: the upper bound), cache empty."""
    sizes: dict[str, int] = {}
    phone.on("response", lambda response: sizes.__setitem__(response.url, len(response.body())))
    phone.goto(real_site.address(path), wait_until="networkidle")
    assert sizes and sum(sizes.values()) <= LIGHT_BYTES, sorted(sizes.items(), key=lambda item: -item[1])[:5]
    assert not any("mermaid" in url for url in sizes)


def test_each_month_of_the_longest_year_is_one_tap_away(phone: Any, real_site: Site) -> None:
    phone.goto(real_site.address("chronologie/2025/"))
    bar = phone.locator("nav.bf-months")
    box = bar.bounding_box()
    assert box and box["y"] + box["height"] <= PHONE["height"] / 2, "the bar is on the first screen"
    links = bar.get_by_role("link")
    assert links.count() >= 3
    last = links.nth(links.count() - 1)
    target = last.get_attribute("href") or ""
    last.click()
    heading = phone.locator(f"[id='{target.partition('#')[2]}']")
    heading_box = heading.bounding_box()
    assert heading_box and 0 <= heading_box["y"] < PHONE["height"] / 2


SHOWN = ["", "chronologie/2025/", "acteurs/", "traites/traite-partenariat-strategique-global-2024/"]


@pytest.mark.parametrize("path", SHOWN)
def test_screenshots_at_phone_and_desktop_widths(context: Any, real_site: Site, artifacts: Any, path: str) -> None:
    page = context.new_page()
    name = path.strip("/").replace("/", "-") or "accueil"
    for width, size in (("phone", PHONE), ("desktop", DESKTOP)):
        page.set_viewport_size(size)
        page.goto(real_site.address(path))
        shot = artifacts / f"briefing-{width}-{name}.png"
        page.screenshot(path=shot, full_page=False)
        assert shot.stat().st_size > 10_000
