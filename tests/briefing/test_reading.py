"""The real briefing in a browser: timeline filters, permanent links, and every main page (its search:
tests/briefing/test_search_relevance.py).

Each test's pages are watched (tests/browser/fixtures.py): no request may leave 127.0.0.1 and
no console error may occur. Screenshots go to tests/artifacts/ for a person to look at.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

import pytest
from playwright.sync_api import expect

from generator.model import Briefing
from generator.pipeline import read_briefing
from generator.sitescan import scan_site
from tests.browser.support import VIEWPORT, Site, Watch, open_context
from tests.conftest import ROOT

SIGNATURE = "chronologie/2024/#2024-signature-traite-partenariat"
SCREENSHOTS = {
    "accueil": "",
    "chronologie": "chronologie/",
    "annee-2024": "chronologie/2024/",
    "acteurs": "acteurs/",
    "acteur-kim-jong-un": "acteurs/kim-jong-un/",
    "traite": "traites/traite-partenariat-strategique-global-2024/",
    "questions": "questions/",
    "sources": "sources/",
    "donnees": "donnees/",
    "methode": "methode/",
    "imprimer": "imprimer/",
}


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return read_briefing(ROOT / "data")


def in_view(page: Any, selector: str) -> bool:
    """Whether the element is on screen, below the fixed header."""
    box = page.locator(selector).bounding_box()
    header = page.locator("header.md-header").bounding_box()
    return bool(box and header and header["height"] - 1 <= box["y"] <= VIEWPORT["height"] - box["height"])


def _shown(page: Any) -> int:
    count: int = page.locator(".bf-row:visible").count()
    return count


def test_filters_narrow_the_timeline_and_its_count(page: Any, real_site: Site, briefing: Briefing) -> None:
    total = len(briefing.events)
    page.goto(real_site.address("chronologie/"))
    count = page.locator(".bf-count")
    expect(count).to_have_text(f"{total} événements sur {total}")

    page.get_by_label("Acteur").select_option("serguei-choigou")
    choigou = briefing.events_by_actor["serguei-choigou"]
    expect(count).to_have_text(f"{len(choigou)} événements sur {total}")
    assert _shown(page) == len(choigou)

    # An option that would show nothing says so and cannot be chosen; the others say how many.
    years = page.get_by_label("Année")
    assert sum(e.year == 2025 for e in choigou) == 0
    expect(years.locator('option[value="2025"]')).to_have_text("2025 (0)")
    expect(years.locator('option[value="2025"]')).to_be_disabled()
    in_2023 = sum(e.year == 2023 for e in choigou)
    expect(years.locator('option[value="2023"]')).to_have_text(f"2023 ({in_2023})")
    years.select_option("2023")
    expect(count).to_have_text(re.compile(rf"^{in_2023} événements? sur {total}$"))
    assert page.locator(".bf-year:visible").count() == 1  # only 2023 is left
    assert "acteur=serguei-choigou" in page.url and "annee=2023" in page.url  # a filtered view can be shared

    page.get_by_role("button", name="Tout afficher").click()
    expect(count).to_have_text(f"{total} événements sur {total}")
    assert _shown(page) == total

    tagged = [e for e in briefing.events if "traité" in e.tags]
    page.get_by_label("Thème").select_option("traite")
    expect(count).to_have_text(f"{len(tagged)} événements sur {total}")


def test_events_of_context_are_marked_and_can_be_set_aside(page: Any, real_site: Site, briefing: Briefing) -> None:
    total = len(briefing.events)
    context = [e for e in briefing.events if e.context]
    assert context and len(context) < total
    page.goto(real_site.address("chronologie/"))
    marked = page.locator(".bf-row:has(.bf-context)")
    assert marked.count() == len(context)
    expect(marked.first.locator(".bf-context")).to_have_text("Contexte")  # in words, not only a colour

    page.get_by_label("Sujet ou contexte").select_option("sujet")
    expect(page.locator(".bf-count")).to_have_text(f"{total - len(context)} événements sur {total}")
    assert page.locator(".bf-row:visible .bf-context").count() == 0
    assert "portee=sujet" in page.url

    page.get_by_label("Sujet ou contexte").select_option("contexte")
    expect(page.locator(".bf-count")).to_have_text(f"{len(context)} événements sur {total}")
    page.goto(real_site.address("chronologie/?portee=sujet&annee=2025"))  # a shared address keeps the choice
    subject_2025 = [e for e in briefing.events if not e.context and e.year == 2025]
    expect(page.locator(".bf-count")).to_have_text(f"{len(subject_2025)} événements sur {total}")


def test_a_bounded_date_reads_in_words(page: Any, real_site: Site) -> None:
    page.goto(real_site.address(SIGNATURE))
    event = page.locator('[id="2024-signature-traite-partenariat"] + .bf-event')
    # How certain the date is, said once: by the note under it.
    expect(event.locator(".bf-date")).to_have_text("en 2024, au plus tôt le 17 juin")
    expect(event.locator(".bf-date-note")).to_contain_text("Date déduite")
    expect(event.locator(".bf-date-note")).to_contain_text("s'il est signé")


def test_a_shared_filtered_address_opens_filtered(page: Any, real_site: Site, briefing: Briefing) -> None:
    kim = briefing.events_by_actor["kim-jong-un"]
    page.goto(real_site.address("chronologie/?acteur=kim-jong-un"))
    expect(page.locator(".bf-count")).to_have_text(f"{len(kim)} événements sur {len(briefing.events)}")
    expect(page.get_by_label("Acteur")).to_have_value("kim-jong-un")


def test_filters_work_from_the_keyboard_alone(page: Any, real_site: Site, briefing: Briefing) -> None:
    total = len(briefing.events)
    page.goto(real_site.address("chronologie/"))
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "filtres-actors":
            break
    else:
        pytest.fail("Tab never reached the actor filter")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none", "no visible focus"

    page.keyboard.press("ArrowDown")  # the first actor of the list
    first = page.get_by_label("Acteur").input_value()
    expected = len(briefing.events_by_actor[first])
    expect(page.locator(".bf-count")).to_have_text(re.compile(rf"^{expected} événements? sur {total}$"))

    page.keyboard.press("Tab")  # theme
    page.keyboard.press("Tab")  # year
    page.keyboard.press("Tab")  # subject or context
    page.keyboard.press("Tab")  # "Tout afficher"
    assert page.evaluate("document.activeElement.textContent") == "Tout afficher"
    page.keyboard.press("Enter")
    expect(page.locator(".bf-count")).to_have_text(f"{total} événements sur {total}")


def test_a_permanent_link_brings_its_event_into_view(page: Any, real_site: Site) -> None:
    anchor = "2023-choigou-pourquoi-pas-visite-kim"  # far down its year page
    page.goto(real_site.address(f"chronologie/2023/#{anchor}"))
    assert in_view(page, f'[id="{anchor}"]')
    permalink = page.locator(f'[id="{anchor}"] + .bf-event a.bf-permalink')
    assert permalink.get_attribute("href") == f"#{anchor}"


def test_the_copy_button_copies_the_events_absolute_address(context: Any, page: Any, real_site: Site) -> None:
    origin = real_site.url.removesuffix("/depot/")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
    anchor = "2024-signature-traite-partenariat"
    page.goto(real_site.address("chronologie/2024/"))
    event = page.locator(f'[id="{anchor}"] + .bf-event')
    event.get_by_role("button", name="Copier le lien").click()
    expect(event.locator(".bf-copy-status")).to_have_text("Lien copié")
    assert page.evaluate("navigator.clipboard.readText()") == real_site.address(f"chronologie/2024/#{anchor}")


def test_when_copying_is_refused_the_address_is_shown(context: Any, page: Any, real_site: Site) -> None:
    # The clipboard refuses, and so does the old copy command.
    context.add_init_script(
        "navigator.clipboard.writeText = () => Promise.reject(new DOMException('refusé', 'NotAllowedError'));"
        "document.execCommand = () => false;"
    )
    anchor = "2024-signature-traite-partenariat"
    page.goto(real_site.address("chronologie/2024/"))
    event = page.locator(f'[id="{anchor}"] + .bf-event')
    event.get_by_role("button", name="Copier le lien").click()
    address = real_site.address(f"chronologie/2024/#{anchor}")
    expect(event.locator(".bf-copy-status")).to_have_text(f"Copiez ce lien : {address}")


def test_without_javascript_the_timeline_is_whole(browser: Any, real_site: Site, briefing: Briefing) -> None:
    watch = Watch()
    context = open_context(browser, watch, java_script_enabled=False)
    page = context.new_page()
    page.goto(real_site.address("chronologie/"))
    assert _shown(page) == len(briefing.events)
    expect(page.locator("form.bf-filters")).to_be_hidden()
    page.goto(real_site.address("chronologie/2024/#2024-signature-traite-partenariat"))
    assert page.locator("a.bf-permalink").count() == len(briefing.events_by_year[2024])
    assert page.locator("button.bf-copy").count() == 0
    context.close()
    assert not watch.problems(), watch.problems()


HEADINGS = "[...document.querySelectorAll('.md-content :is(h1, h2, h3, h4, h5, h6)')].map(h => Number(h.tagName[1]))"


@pytest.mark.parametrize(("name", "path"), SCREENSHOTS.items(), ids=SCREENSHOTS)
def test_page_reads_well(page: Any, real_site: Site, artifacts: Any, name: str, path: str) -> None:
    page.goto(real_site.address(path))
    assert page.get_attribute("html", "lang") == "fr"
    levels: list[int] = page.evaluate(HEADINGS)
    assert levels[0] == 1 and levels.count(1) == 1, levels
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), f"a heading level is skipped: {levels}"
    assert page.locator("img:not([alt])").count() == 0
    if path == "acteurs/":
        assert page.locator(".bf-tree li").count() >= 10  # who answers to whom, as nested lists
    page.screenshot(path=artifacts / f"{name}.png", full_page=path != "imprimer/")
    if path == "imprimer/":
        page.emulate_media(media="print")
        expect(page.locator("header.md-header")).to_be_hidden()
        expect(page.locator(".md-sidebar--primary")).to_be_hidden()
        page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
        paper = {"x": 0, "y": 0, "width": 794, "height": 3 * 1123}  # the first pages: the whole is very long
        page.screenshot(path=artifacts / "imprimer-papier.png", full_page=True, clip=paper)


def test_the_real_site_holds_nothing_that_could_run_but_its_own_scripts(real_site: Site) -> None:
    assert [str(finding) for finding in scan_site(real_site.folder)] == []
