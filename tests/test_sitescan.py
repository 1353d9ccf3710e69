"""The site scan: what the theme puts on every page passes, anything else that could run is found."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.sitescan import scan_site
from tests.conftest import Run

THEME = (
    '<script>__md_scope=new URL("{root}",location),__md_get=()=>1</script>'
    '<script id="__config" type="application/json">{{"base": "{root}"}}</script>'
    '<script src="{prefix}assets/javascripts/bundle.min.js"></script>'
)


def make_site(folder: Path, body: str) -> Path:
    (folder / "assets/javascripts").mkdir(parents=True)
    (folder / "assets/javascripts/bundle.min.js").write_text("", encoding="utf-8")
    (folder / "404.html").write_text(THEME.format(root="/", prefix="/"), encoding="utf-8")
    (folder / "page").mkdir()
    page = f"<html><body>{body}{THEME.format(root='..', prefix='../')}</body></html>"
    (folder / "page/index.html").write_text(page, encoding="utf-8")
    return folder


def test_theme_scripts_pass(tmp_path: Path) -> None:
    assert scan_site(make_site(tmp_path, "<p>&lt;script&gt;alert(1)&lt;/script&gt; onclick=x</p>")) == []


@pytest.mark.parametrize(
    ("body", "finding"),
    [
        ("<script>alert(1)</script>", "inline <script> not from the theme"),
        ("<svg><script>alert(1)</script></svg>", "inline <script> not from the theme"),
        ('<script src="https://cdn.example.org/x.js"></script>', "is not one of the site's own scripts"),
        ('<script src="//cdn.example.org/assets/javascripts/bundle.min.js"></script>', "not one of the site's own"),
        ('<script src="../evil.js"></script>', "is not one of the site's own scripts"),
        ('<img src=x onerror="alert(1)">', "event-handler attribute onerror"),
        ("<details open ontoggle=alert(1)>", "event-handler attribute ontoggle"),
        ('<a href="javascript:alert(1)">x</a>', "points to a script or data address"),
        ('<a href=" JaVa&#x09;ScRiPt:alert(1)">x</a>', "points to a script or data address"),
        ('<a href="data:text/html,<script>alert(1)</script>">x</a>', "points to a script or data address"),
        ('<img src="data:image/svg+xml,<svg onload=alert(1)>">', "points to a script or data address"),
        ('<form action="javascript:alert(1)"></form>', "points to a script or data address"),
        ('<iframe src="https://example.org"></iframe>', "<iframe> element"),
        ('<object data="x.swf"></object>', "<object> element"),
        ('<embed src="x.swf">', "<embed> element"),
        ('<base href="https://example.org/">', "<base> element"),
        ('<meta http-equiv="refresh" content="0;url=https://example.org">', "meta http-equiv=refresh"),
        ('<meta http-equiv="refresh" content="0; url=javascript:alert(1)">', "meta http-equiv=refresh"),
        ('<meta http-equiv="refresh" content="5">', "meta http-equiv=refresh"),
        ('<meta http-equiv="refresh" content="0; url=../nowhere/">', "the link '../nowhere/' leads nowhere"),
    ],
)
def test_injected_content_is_found(tmp_path: Path, body: str, finding: str) -> None:
    findings = scan_site(make_site(tmp_path, body))
    assert len(findings) == 1, findings
    assert findings[0].page == "page/index.html"
    assert finding in findings[0].what


def test_a_refresh_to_a_page_of_the_site_passes(tmp_path: Path) -> None:
    """The page left at a renamed record's old address (templates/moved.html.j2)."""
    assert scan_site(make_site(tmp_path, '<meta http-equiv="refresh" content="0; url=../page/">')) == []


def test_safe_data_images_pass(tmp_path: Path) -> None:
    assert scan_site(make_site(tmp_path, '<img src="data:image/png;base64,AAAA">')) == []


def test_scan_command(tmp_path: Path, run: Run) -> None:
    clean = make_site(tmp_path / "clean", "<p>texte</p>")
    status, out, _ = run("scan", "--site", str(clean))
    assert status == 0
    assert "no script" in out
    dirty = make_site(tmp_path / "dirty", "<img src=x onerror=alert(1)>")
    status, _, err = run("scan", "--site", str(dirty))
    assert status == 1
    assert f"{dirty}/page/index.html:1: <img> has an event-handler attribute onerror='alert(1)'" in err
    status, _, err = run("scan", "--site", str(tmp_path / "nothing"))
    assert status == 1
    assert "no built site" in err


@pytest.mark.parametrize(
    ("body", "finding"),
    [
        ('<a href="../nowhere/">x</a>', "the link '../nowhere/' leads nowhere: no such page or file in the site"),
        ('<a href="#missing">x</a>', "leads nowhere: no element with id 'missing' on page/index.html"),
        ('<a href="../page/#absent">x</a>', "no element with id 'absent' on page/index.html"),
        ('<a href="../../outside/">x</a>', "no such page or file in the site"),
    ],
)
def test_links_that_lead_nowhere_are_found(tmp_path: Path, body: str, finding: str) -> None:
    (found,) = scan_site(make_site(tmp_path, body))
    assert finding in found.what


def test_links_that_lead_somewhere_pass(tmp_path: Path) -> None:
    body = (
        '<h2 id="here">x</h2><a href="#here">a</a><a href="../page/#here">b</a><a href="./">c</a>'
        '<a href="../assets/javascripts/bundle.min.js">d</a><a href="https://example.org/x">e</a>'
        '<a href="/absolute/">f</a><a href="mailto:x@example.org">g</a><a href="?acteur=x">h</a>'
    )
    assert scan_site(make_site(tmp_path, body)) == []
