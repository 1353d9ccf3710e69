"""Links readers keep: every address the site once published still leads to what it showed.

A renamed record keeps its old address through `former_ids` (a page that sends the reader on, or
an anchor beside the record). The list is tests/briefing/published-addresses.txt; the few
addresses that lead nowhere on purpose are below, each with why.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from tests.browser.support import Site

ADDRESSES = Path(__file__).with_name("published-addresses.txt")

GONE = {
    # Not actors: the agency, outlet, authors and photographer that the articles credit. They
    # became the sources' credits, authors and outlets (the careful-editor issue), shown on
    # each source's page; no record took their place.
    "acteurs/afp/": "a credit of the sources now",
    "acteurs/gavriil-grigorov/": "a photographer credited by a source now",
    "acteurs/le-huffpost/": "an outlet of the sources now",
    "acteurs/olivier-mouton/": "an author of a source now",
    "acteurs/ramil-sitdikov/": "a photographer credited by a source now",
    # A question no article could answer, removed with nothing to replace it.
    "questions/#qualite-des-munitions": "removed, no successor",
}

_REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)"')


def published() -> list[str]:
    lines = ADDRESSES.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if not line.startswith("#")]


def _file(site: Path, path: str) -> Path:
    return site / path / "index.html" if path == "" or path.endswith("/") else site / path


def _leads_to(site: Path, address: str) -> str | None:
    """Why `address` leads nowhere, or None when it leads to its page (and anchor)."""
    path, _, anchor = address.partition("#")
    file = _file(site, path)
    if not file.is_file():
        return "no such page"
    if not anchor:
        text = file.read_text(encoding="utf-8") if file.suffix == ".html" else ""
        moved = _REFRESH.search(text)
        if moved:  # a renamed record's old page: where it sends the reader must exist
            target = (file.parent / unescape(moved.group(1)).partition("#")[0]).resolve()
            if not (target / "index.html").is_file() and not target.is_file():
                return f"sends the reader to {moved.group(1)}, which does not exist"
        return None
    if f'id="{anchor}"' not in file.read_text(encoding="utf-8"):
        return f"no element #{anchor} on the page"
    return None


def test_the_list_is_the_published_one() -> None:
    addresses = published()
    assert len(addresses) == 151 and len(set(addresses)) == len(addresses)
    assert set(GONE) <= set(addresses), "an address said to be gone that was never published"


def test_every_published_address_still_leads_somewhere(real_site: Site) -> None:
    broken = {
        address: why for address in published() if address not in GONE and (why := _leads_to(real_site.folder, address))
    }
    assert broken == {}


@pytest.mark.parametrize("address", sorted(GONE))
def test_what_is_said_gone_is_gone(real_site: Site, address: str) -> None:
    """An address listed as gone that works again should leave the list."""
    assert _leads_to(real_site.folder, address) is not None
