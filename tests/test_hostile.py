"""A valid briefing full of scripts and markup builds into a site that shows it all as text."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.sitescan import scan_site
from tests.conftest import ROOT
from tests.test_site import build, make_project

HOSTILE = ROOT / "tests" / "fixtures" / "hostile"


class _Text(HTMLParser):
    """The text a reader sees, and the elements the page holds."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[tuple[str, str]] = []  # (tag, text inside, filled at the end)
        self._open: list[tuple[str, int]] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        self._open.append((tag, len(self.parts)))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                start = self._open[index][1]
                self.tags.append((tag, " ".join("".join(self.parts[start:]).split())))
                del self._open[index:]
                break

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self.parts).split())


def page(site: Path, path: str) -> _Text:
    parser = _Text()
    parser.feed((site / path).read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("hostile"), HOSTILE)
    result = build(project, REPO_URL="https://example.org/team/briefing", EDIT_URI="edit/main/docs/")
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_nothing_that_could_run_reaches_the_site(site: Path) -> None:
    assert [str(f) for f in scan_site(site)] == []


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ("index.html", "<script>alert('briefing-title')</script> **gras** {{ 7*7 }}"),
        ("index.html", "<iframe src=\"javascript:alert('iframe')\"></iframe> [clic](javascript:alert('lien'))"),
        ("index.html", "# pas un titre - pas une liste {: onclick=\"alert('attr-list')\" }"),
        ("index.html", '!!! note "pas un encadré"'),
        ("index.html", "{% raw %}{% endraw %} {{ config }} <!-- commentaire --> &lt;script&gt;"),
        ("acteurs/acteur-hostile/index.html", "</title><script>alert('actor-name')</script>"),
        ("acteurs/acteur-hostile/index.html", "{: #x onclick=alert('desc') } <details open ontoggle=alert('details')>"),
        ("acteurs/acteur-hostile/index.html", "*[HTML]: abbr, [^1]"),
        ("acteurs/etat-hostile/index.html", "État &amp; <Cie> \"guillemets\" 'apostrophes'"),
        ("chronologie/2024/index.html", "<script>alert('event-title')</script> {#faux-id} ## pas un titre"),
        ("chronologie/2024/index.html", "<img src=x onerror=\"alert('summary')\">"),
        ("chronologie/2024/index.html", "![image](x\" onerror=\"alert('image'))"),
        ("chronologie/2024/index.html", "2024. pas une liste numérotée"),
        ("chronologie/2024/index.html", "« </span><script>alert('quote')</script> « citation » »"),
        ("sources/source-hostile/index.html", "`code` *em* _em_ ~~barré~~ ==mark== ^^sup^^"),
        (
            "sources/source-hostile/index.html",
            "<img src=x onerror=alert('credit')> [crédit](javascript:alert('credit-link'))",
        ),
        ("sources/source-hostile/index.html", "| a | b | | - | - | | <script>alert('table')</script> | x |"),
        ("traites/traite-hostile/index.html", "<javascript:alert('autolink')> <https://example.org>"),
        ("traites/traite-hostile/index.html", "[x]: javascript:alert('ref-link') 'titre'"),
        ("questions/index.html", "<form action=\"javascript:alert('form')\"><button>ok</button></form>"),
        ("questions/index.html", "\\<script\\>alert('backslash')\\</script\\>"),
    ],
)
def test_text_shows_as_typed(site: Path, path: str, shown: str) -> None:
    assert shown in page(site, path).text


def test_markup_in_text_creates_no_element(site: Path) -> None:
    home = page(site, "index.html")
    assert not any(tag == "h1" and "pas un titre" in text for tag, text in home.tags)
    assert not any(tag == "li" and text.startswith("pas une liste") for tag, text in home.tags)
    assert not any(tag in ("table", "pre", "code") for tag, _ in page(site, "sources/source-hostile/index.html").tags)
    assert not any(
        tag in ("strong", "em", "code", "del", "mark", "sup") and "gras" in text
        for tag, text in home.tags
        if tag != "strong" or "**" not in text
    )
    year = page(site, "chronologie/2024/index.html")
    assert not any(tag == "li" and "pas une liste" in text for tag, text in year.tags)
    assert "49" not in home.text


def test_the_archived_file_name_is_not_shown_to_readers(site: Path) -> None:
    for html_file in site.rglob("*.html"):
        assert "alert('archive')" not in html.unescape(html_file.read_text(encoding="utf-8")), html_file


def test_source_address_is_percent_encoded(site: Path) -> None:
    html = (site / "sources/source-hostile/index.html").read_text(encoding="utf-8")
    expected = "https://example.org/a?b=%22%3E%3Cscript%3Ealert%28'url'%29%3C/script%3E"
    assert f'href="{expected}"' in html


def test_titles_and_descriptions_stay_text(site: Path) -> None:
    html = (site / "acteurs/acteur-hostile/index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    assert title is not None
    assert title.group(1).startswith("&lt;/title&gt;&lt;script&gt;")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<meta name="description" content="&quot;&gt;&lt;img src=x onerror=' in home


def test_the_relations_are_given_as_text(site: Path) -> None:
    text = page(site, "acteurs/index.html").text
    tree = text[text.index("État &amp; <Cie>") :]  # the state first, the actor under it
    assert "</title><script>alert('actor-name')</script> — <script>alert('relation')</script>" in tree


def test_timeline_filters_show_names_and_tags_as_text(site: Path) -> None:
    timeline = page(site, "chronologie/index.html")
    options = [text for tag, text in timeline.tags if tag == "option"]
    assert "</title><script>alert('actor-name')</script>" in options
    assert "<script>alert('tag')</script>" in options
    assert "\" onmouseover=\"alert('tag-attr')" in options
    raw = (site / "chronologie/index.html").read_text(encoding="utf-8")
    for values in re.findall(r'data-(?:actors|tags|year)="([^"]*)"', raw):
        assert re.fullmatch(r"[a-z0-9 -]*", values), values
    assert re.findall(r'<option value="([^"]*)"', raw) == [
        "",
        "acteur-hostile",
        "etat-hostile",
        "",
        "onmouseover-alert-tag-attr",
        "script-alert-tag-script",
    ]  # one year: no choice of year
