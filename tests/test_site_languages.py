"""End to end in each language: the English briefing, with and without treaties, generated and
built with MkDocs --strict from the same project as the French one, with nothing changed but the
data. Every word a reader sees is in the briefing's language: the other language's interface
words, taken from the catalogues themselves, are counted on every built page, and must be none.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar
from xml.etree import ElementTree

import material
import pytest
import yaml
from babel import Locale

from generator.pipeline import read_briefing
from generator.sitenav import THEME_WORDS
from generator.words import LOCALES
from tests.conftest import ENGLISH, FIXTURE, english_with_treaties
from tests.test_site import build, make_project, primary_nav_pages

# ---- The sites --------------------------------------------------------------------------------


def built(folder: Path, data: Path) -> Path:
    project = make_project(folder, data)
    result = build(project, REPO_URL="https://example.org/team/briefing", EDIT_URI="edit/main/docs/")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def english_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built(tmp_path_factory.mktemp("english"), ENGLISH)


@pytest.fixture(scope="module")
def english_treaties_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("english-treaties")
    return built(folder / "project", english_with_treaties(folder))


@pytest.fixture(scope="module")
def french_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built(tmp_path_factory.mktemp("french"), FIXTURE)


def read(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


# ---- The English site -------------------------------------------------------------------------

ENGLISH_SECTIONS = ["", "timeline/", "actors/", "questions/", "sources/", "data/", "method/", "print/"]


def test_the_english_site_has_english_addresses(english_site: Path) -> None:
    for page in [
        "index.html",
        "timeline/index.html",
        "timeline/2022/index.html",
        "timeline/2025/index.html",
        "actors/index.html",
        "actors/jose-nunez/index.html",
        "questions/index.html",
        "sources/index.html",
        "sources/2022-10-ledger-bridge-talks/index.html",
        "data/index.html",
        "method/index.html",
        "print/index.html",
        "404.html",
    ]:
        assert (english_site / page).is_file(), page
    for export in ["briefing.json", "events.csv", "actors.csv", "sources.csv", "events.ics", "feed.xml"]:
        assert (english_site / "data" / export).is_file(), export
    for french in ["chronologie", "acteurs", "donnees", "methode", "imprimer", "traites"]:
        assert not (english_site / french).exists(), french


def test_every_english_page_says_it_is_english(english_site: Path) -> None:
    pages = sorted(english_site.rglob("*.html"))
    b = read_briefing(ENGLISH)
    # home, timeline, actors, questions, sources, data, method, print, 404; and a page per record
    assert len(pages) == 9 + len(b.years) + len(b.actors) + len(b.sources)
    for page in pages:
        assert '<html lang="en"' in page.read_text(encoding="utf-8"), page


def test_the_english_navigation_has_the_parts_the_data_has(english_site: Path) -> None:
    expected = [f"http://site/{section}" for section in ENGLISH_SECTIONS]
    assert primary_nav_pages(read(english_site, "index.html"), "") == expected
    # The page not found lists the parts of the site by their names in the navigation.
    missing = read(english_site, "404.html")
    parts = missing[missing.index("<h2>The parts of the briefing</h2>") :]
    assert re.findall(r'<li><a href="[^"]*">([^<]*)</a></li>', parts) == [
        "Overview",
        "Timeline",
        "Actors",
        "Open questions",
        "Sources",
        "Data",
        "Method",
        "Printable version",
    ]


def test_without_treaties_nothing_speaks_of_treaties(english_site: Path) -> None:
    """No treaty in the data: no treaties section, navigation entry, home card, printed part,
    field table, or page; the data files keep their (empty) place for treaties."""
    assert not (english_site / "treaties").exists()
    home = read(english_site, "index.html")
    assert 'href="treaties/' not in home
    assert "Treaties and agreements" not in home and "treaty or agreement" not in home
    printable = read(english_site, "print/index.html")
    assert 'id="treaties"' not in printable and "the treaties" not in printable
    data = read(english_site, "data/index.html")
    assert 'id="fields-treaty"' not in data
    dossier = json.loads((english_site / "data/briefing.json").read_text(encoding="utf-8"))
    assert dossier["treaties"] == []


def test_with_treaties_every_part_speaks_of_them(english_treaties_site: Path) -> None:
    site = english_treaties_site
    expected = [f"http://site/{s}" for s in ENGLISH_SECTIONS]
    expected.insert(3, "http://site/treaties/")
    assert primary_nav_pages(read(site, "index.html"), "") == expected
    assert (site / "treaties/vessen-navigation-convention/index.html").is_file()
    assert (site / "treaties/commission-toll-decision/index.html").is_file()
    home = read(site, "index.html")
    assert "treaties and agreements" in home and 'href="treaties/"' in home
    printable = read(site, "print/index.html")
    assert 'id="treaties"' in printable and "the actors, the treaties, and the open questions" in printable
    assert 'id="fields-treaty"' in read(site, "data/index.html")
    dossier = json.loads((site / "data/briefing.json").read_text(encoding="utf-8"))
    assert sorted(t["id"] for t in dossier["treaties"]) == ["commission-toll-decision", "vessen-navigation-convention"]


def test_a_treaty_a_party_left_and_rejoined_reads_in_english(english_treaties_site: Path) -> None:
    convention = visible_text(read(english_treaties_site, "treaties/vessen-navigation-convention/index.html"))
    for step in [
        "Signed — November 3, 2022",
        "Ratified — Arveland — February 2023",
        "Joined — Dornholm — between June and August 2023",
        "Withdrawn — Dornholm — March 15, 2024",
        "Rejoined — Dornholm — January 20, 2025",
    ]:
        assert step in convention, step
    assert "Current status: In force (April 1, 2023)" in convention  # a party's step is not the treaty's
    # How certain a step's date is, said once: in its note, not in its heading.
    assert convention.count("The date is approximate:") == 2 and "(approximate date)" not in convention
    decision = visible_text(read(english_treaties_site, "treaties/commission-toll-decision/index.html"))
    assert "Adopted on June 14, 2024" in decision and "Since it was adopted" in decision
    assert "Signed" not in decision and "Place of signing" not in decision


def test_the_theme_speaks_english_too(english_site: Path) -> None:
    """The theme's own words come from theme.language: the search box, the table of contents, the
    footer and the page not found are English."""
    home = read(english_site, "index.html")
    assert 'placeholder="Search"' in home
    assert 'aria-label="Table of contents"' in home
    assert "Every fact with its source, word for word." in home
    assert '"search.result.none": "No matching documents"' in home
    missing = read(english_site, "404.html")
    assert "<h1>Page not found</h1>" in missing and "The parts of the briefing" in missing


# ---- The other language's words, counted on every page ----------------------------------------

# Sections of a catalogue that hold names (addresses, file names, query parameters, anchors) or
# CLDR patterns, not words a reader reads as such.
_NAMES = {"paths", "files", "query", "anchors", "dates", "typography", "skeleton", "name"}
_WORD = re.compile(r"[^\W\d_]+")
_FIELD = re.compile(r"\{\w+\}|`[^`]*`")
# Shorter words are too often the same in both languages, or parts of names ("de", "on", "est").
MIN_LENGTH = 4


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, str):
        yield value


def words_of(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(_FIELD.sub(" ", text)) if len(w) >= MIN_LENGTH}


# The theme's own words in each language it speaks, which the catalogue picks (theme.language).
THEME_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"
_THEME_TEXT = re.compile(r'^\s*"([\w.]+)": "(.*)",?$', re.MULTILINE)


def theme_words(language: str) -> set[str]:
    text = (THEME_LANGUAGES / f"{language}.html").read_text(encoding="utf-8")
    shown = [value for key, value in _THEME_TEXT.findall(text) if key != "language" and "config" not in key]
    assert len(shown) > 30, f"the theme's {language}.html holds no words this test can read"
    return words_of(" ".join(shown))


def catalogue_words(tag: str) -> set[str]:
    """Every word the catalogue gives readers, the names of the months CLDR gives its dates, and
    the words of the theme in the language the catalogue gives it."""
    data = yaml.safe_load((LOCALES / f"{tag}.yaml").read_text(encoding="utf-8"))
    words = set()
    for section, value in data.items():
        if section not in _NAMES:
            for text in _strings(value):
                words |= words_of(text)
    months = Locale.parse(tag).months["format"]["wide"].values()
    words |= {m.casefold() for m in months if len(m) >= MIN_LENGTH}
    return words | theme_words(data["theme"]["language"])


def data_words(folder: Path) -> set[str]:
    """Every word of a briefing's data: a name or a quotation is not an interface word."""
    words: set[str] = set()
    for file in folder.rglob("*.yaml"):
        for text in _strings(yaml.safe_load(file.read_text(encoding="utf-8"))):
            words |= words_of(text)
    return words


def foreign_words(language: str, other: str, *data: Path) -> set[str]:
    """The interface words of `other` that `language` never uses, nor any briefing's data."""
    words = catalogue_words(other) - catalogue_words(language)
    for folder in data:
        words -= data_words(folder)
    return words


class _Visible(HTMLParser):
    """The text a reader can see or hear: text outside scripts and styles, the attributes
    browsers show or read out, and the words the theme's and our scripts show (their JSON
    configuration, the data-* words of #bf-words and the timeline's count)."""

    SHOWN: ClassVar[frozenset[str]] = frozenset({"title", "alt", "placeholder", "aria-label"})
    # The words our script shows: those of #bf-words (overrides/main.html) and the timeline's count.
    SCRIPT_WORDS: ClassVar[frozenset[str]] = frozenset(f"data-{name.replace('_', '-')}" for name in THEME_WORDS)

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0
        self._config: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "svg", "code"):  # code: field names and values, in no language
            self._skip += 1
            if dict(attrs).get("id") == "__config":
                self._config = []
        for name, value in attrs:
            if value and (name in self.SHOWN | self.SCRIPT_WORDS or name.startswith("data-shown-")):
                self.parts.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "svg", "code") and self._skip:
            self._skip -= 1
            if self._config is not None:
                self.parts.extend(_strings(json.loads("".join(self._config)).get("translations", {})))
                self._config = None

    def handle_data(self, data: str) -> None:
        if self._config is not None:
            self._config.append(data)
        elif not self._skip:
            self.parts.append(data)


def visible_text(page: str) -> str:
    parser = _Visible()
    parser.feed(page)
    return " ".join(" ".join(parser.parts).split())


# Code in prose, the same in every language: field names (author_inferred), file names and paths
# (actor.schema.json, data/actors/), and the shape of a reference in the data files ({id, name}).
_CODE = re.compile(r"\S*(?:_|\w[./]\w)\S*|\{[\w ,]*\}")


def calendar_text(text: str) -> str:
    """What a calendar shows of its entries: their titles, descriptions and places."""
    unfolded = text.replace("\r\n", "\n").replace("\n ", "")
    values = re.findall(r"^(?:SUMMARY|DESCRIPTION|LOCATION|NAME|X-WR-CALNAME|X-WR-CALDESC)[^:]*:(.*)$", unfolded, re.M)
    return " ".join(values).replace("\\n", " ").replace("\\", "")


def feed_text(text: str) -> str:
    """What a feed reader shows: the titles and summaries."""
    root = ElementTree.fromstring(text.encode("utf-8"))
    shown = [e.text or "" for e in root.iter() if e.tag.rsplit("}", 1)[-1] in ("title", "subtitle", "summary")]
    return " ".join(shown)


def foreign_on_site(site: Path, words: set[str]) -> dict[str, list[str]]:
    """Each page of the site, its calendar and its feed, with the foreign words it shows."""
    found = {}
    for file in sorted(site.rglob("*")):
        if file.suffix == ".html":
            shown = visible_text(file.read_text(encoding="utf-8"))
        elif file.suffix == ".ics":
            shown = calendar_text(file.read_text(encoding="utf-8"))
        elif file.suffix == ".xml" and file.name != "sitemap.xml":
            shown = feed_text(file.read_text(encoding="utf-8"))
        else:
            continue
        hits = sorted(words & {w.casefold() for w in _WORD.findall(_CODE.sub(" ", shown))})
        if hits:
            found[file.relative_to(site).as_posix()] = hits
    return found


def test_the_word_lists_hold_the_words_that_tell_the_languages_apart() -> None:
    """The lists are the catalogues' own words, less those both use and those of any data."""
    french = foreign_words("en", "fr", ENGLISH, FIXTURE)
    english = foreign_words("fr", "en", ENGLISH, FIXTURE)
    assert {"chronologie", "acteurs", "événements", "imprimable", "juin"} <= french
    assert {"timeline", "printable", "overview", "unanswered", "april"} <= english
    assert not french & english
    assert "sources" not in french | english  # the same word in both languages
    assert len(french) > 300 and len(english) > 300


def test_the_english_site_shows_no_french_interface_word(english_site: Path, english_treaties_site: Path) -> None:
    french = foreign_words("en", "fr", ENGLISH, FIXTURE)
    assert foreign_on_site(english_site, french) == {}
    assert foreign_on_site(english_treaties_site, french) == {}
    # The scan reads the pages: the English list's words are there, by the hundred.
    english = foreign_words("fr", "en", ENGLISH, FIXTURE)
    assert len(set().union(*foreign_on_site(english_treaties_site, english).values())) > 200


def test_the_french_site_shows_no_english_interface_word(french_site: Path) -> None:
    english = foreign_words("fr", "en", ENGLISH, FIXTURE)
    assert foreign_on_site(french_site, english) == {}
    french = foreign_words("en", "fr", ENGLISH, FIXTURE)
    assert len(set().union(*foreign_on_site(french_site, french).values())) > 200


def test_the_count_sees_a_word_left_in_the_other_language(english_site: Path, tmp_path: Path) -> None:
    """The scan itself: a French word in a built English page is found, where it is."""
    french = foreign_words("en", "fr", ENGLISH, FIXTURE)
    page = tmp_path / "site" / "index.html"
    page.parent.mkdir()
    text = read(english_site, "index.html").replace("Latest developments", "Derniers développements", 1)
    page.write_text(text.replace('placeholder="Search"', 'placeholder="Rechercher"'), encoding="utf-8")
    assert foreign_on_site(tmp_path / "site", french) == {"index.html": ["derniers", "développements", "rechercher"]}
