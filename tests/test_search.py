"""The search index (generator/search/): one record per thing a reader looks for, each leading to its
own place on the site, every value text, in the briefing's language; and nothing but Pagefind's
own files where the site serves the index."""

from __future__ import annotations

import dataclasses
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator import search
from generator.pipeline import read_briefing
from generator.search.records import W_NAME
from generator.sitescan import scan_search_index
from generator.words import available, words_for
from tests.browser.support import HOSTILE
from tests.conftest import FIXTURE, Run
from tests.test_site import build, make_project

FR = words_for("fr")


class _Document(HTMLParser):
    """A record as Pagefind reads it: its elements, its metadata, its text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.meta: dict[str, str] = {}
        self.text: list[str] = []
        self._meta_key: str | None = None
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.tags.append((tag, values))
        key = values.get("data-pagefind-meta", "")
        if key.endswith("[content]"):
            self.meta[key.removesuffix("[content]")] = values["content"]
        elif ":" in key:
            name, _, value = key.partition(":")
            self.meta[name] = value
        elif key:
            self._meta_key = key

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._meta_key:
            self.meta[self._meta_key] = data
            self._meta_key = None


@pytest.fixture(scope="module")
def fixture_records() -> dict[str, _Document]:
    made = search.make_records(read_briefing(FIXTURE), Path("no-docs"))
    return {record.url: _Document(record.html) for record in made}


def test_each_event_leads_to_its_anchor_and_shows_its_date(fixture_records: dict[str, _Document]) -> None:
    for event in read_briefing(FIXTURE).events:
        record = fixture_records[f"chronologie/{event.year}/#{event.id}"]
        assert record.meta["kind"] == "event"
        assert record.meta["url"] == f"chronologie/{event.year}/#{event.id}"
        assert record.meta["date"].startswith(FR.plain().dating(event.dating))
        assert ("h1", {"data-pagefind-weight": "8"}) in record.tags  # the title, weighted
        assert event.title in "".join(record.text)
    inferred = fixture_records["chronologie/2023/#2023-10-rencontre-annoncee"]
    assert inferred.meta["date"] == "octobre 2023 (date déduite)"


def test_every_spelling_of_an_actor_leads_to_the_actor(fixture_records: dict[str, _Document]) -> None:
    for actor in read_briefing(FIXTURE).actors:
        record = fixture_records[f"acteurs/{actor.id}/"]
        assert record.meta["kind"] == "actor"
        assert record.meta["names"].split(" · ") == [actor.name, *actor.aliases]
        weights = {values.get("data-pagefind-weight") for tag, values in record.tags if tag in ("h1", "span")}
        assert weights <= {f"{W_NAME:g}", None}
    # Who took part in an event is named with every spelling: "Le Roy" finds the signature too.
    signature = fixture_records["chronologie/2024/#2024-03-05-signature-accord"]
    assert "Anne Leroy, A. Leroy, Anne Le Roy" in "".join(signature.text)


def test_treaties_provisions_questions_and_sources_have_their_records(fixture_records: dict[str, _Document]) -> None:
    kinds = {url: record.meta["kind"] for url, record in fixture_records.items()}
    assert kinds["traites/accord-peche/"] == "treaty"
    assert kinds["traites/accord-peche/#quotas"] == "provision"
    assert kinds["questions/#quotas-respectes"] == "question"
    assert kinds["sources/gazette-2024-03-06/"] == "source"
    assert sorted(set(kinds.values())) == ["actor", "event", "provision", "question", "source", "treaty"]


def test_pages_that_are_not_records_are_indexed_below_them(project: Path, run: Run) -> None:
    """The summary, the Données page and the hand-written pages are in, by title and description;
    lists of records and pages left out of search are not."""
    (project / "docs" / "contact.md").write_text("# Contact\n\nÉcrivez à la rédaction.\n", encoding="utf-8")
    assert run("generate")[0] == 0
    pages = {r.url: _Document(r.html) for r in search.make_records(read_briefing(project / "data"), project / "docs")}
    pages = {url: doc for url, doc in pages.items() if doc.meta["kind"] == "page"}
    assert sorted(pages) == ["", "contact/", "donnees/", "methode/"]
    assert "Écrivez à la rédaction." in "".join(pages["contact/"].text)
    assert "Deux États imaginaires" in "".join(pages[""].text)  # the summary's text
    assert all(
        values.get("data-pagefind-weight") in {"2", "0.3", None} for doc in pages.values() for _, values in doc.tags
    )


ALLOWED = {"html", "head", "meta", "body", "h1", "p", "span"}


def test_hostile_values_are_text() -> None:
    """Contributors' text becomes text: no element, no attribute but the record's own."""
    for record in search.make_records(read_briefing(HOSTILE), Path("no-docs")):
        document = _Document(record.html)
        assert {tag for tag, _ in document.tags} <= ALLOWED, record.url
        for _, values in document.tags:
            assert set(values) <= {"lang", "charset", "content", "data-pagefind-meta", "data-pagefind-weight",
                                   "data-pagefind-body"}, record.url  # fmt: skip
    joined = "".join(r.html for r in search.make_records(read_briefing(HOSTILE), Path("no-docs")))
    assert "&lt;script&gt;" in joined and "<script" not in joined


def test_the_index_speaks_the_briefings_language() -> None:
    briefing = read_briefing(FIXTURE)
    french = next(search.make_records(briefing, Path("no-docs")))
    assert french.html.startswith('<!doctype html><html lang="fr">')
    english = [r.html for r in search.make_records(dataclasses.replace(briefing, language="en"), Path("no-docs"))]
    assert all('<html lang="en">' in text for text in english)
    assert any("Actors: " in text for text in english) and not any("Acteurs : " in text for text in english)


def test_every_kind_of_record_has_its_name_in_every_language(tmp_path: Path) -> None:
    """The box names each result's kind from the catalogue: every kind the records carry has a name."""
    kinds = {
        _Document(record.html).meta["kind"] for record in search.make_records(read_briefing(FIXTURE), Path("no-docs"))
    }
    assert kinds == {"event", "actor", "source", "treaty", "provision", "question"}
    for language in available():
        names = words_for(language).table("search.kind")
        assert kinds | {"page"} <= set(names) and all(names.values()), language


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("site")
    stats = search.build_index(search.make_records(read_briefing(FIXTURE), Path("no-docs")), site)
    assert stats.records == len(list(search.make_records(read_briefing(FIXTURE), Path("no-docs"))))
    return site / search.INDEX_DIR


def test_the_index_holds_pagefinds_files_only(index: Path) -> None:
    assert (index / "pagefind.js").is_file() and (index / "pagefind-worker.js").is_file()
    assert not [name for name in search.bundle.UNUSED if (index / name).exists()], "Pagefind's own UIs are removed"
    assert search.foreign_files(index) == []
    assert sorted(p.name for p in index.parent.iterdir()) == [search.INDEX_DIR], "no staging folder is left"


def test_anything_else_in_the_index_is_reported(index: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "site" / search.INDEX_DIR
    shutil.copytree(index, copy)
    (copy / "extra.js").write_text("alert(1)", encoding="utf-8")
    (copy / "pagefind.js").write_text(
        (index / "pagefind.js").read_text(encoding="utf-8") + "\nalert(1)", encoding="utf-8"
    )
    (copy / "fragment" / "elsewhere.pf_fragment").symlink_to("/etc/passwd")
    found = {name: why for name, why in search.foreign_files(copy)}
    assert found == {
        "extra.js": "not a file Pagefind writes",
        "pagefind.js": "not the file this version of Pagefind writes",
        "fragment/elsewhere.pf_fragment": "not a plain file",
    }
    assert [f"{f.page}: {f.what}" for f in scan_search_index(tmp_path / "site")] == [
        f"pagefind/{name}: {why}" for name, why in sorted(found.items())
    ]


def test_a_new_index_replaces_the_old_one_whole(index: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / search.INDEX_DIR).mkdir(parents=True)
    (site / search.INDEX_DIR / "stale.pf_fragment").write_text("", encoding="utf-8")
    (site / f".{search.INDEX_DIR}-new").mkdir()  # an interrupted run's
    search.build_index(search.make_records(read_briefing(FIXTURE), Path("no-docs")), site)
    assert not (site / search.INDEX_DIR / "stale.pf_fragment").exists()
    assert sorted(p.name for p in site.iterdir()) == [search.INDEX_DIR]


def test_the_search_command_indexes_a_built_site(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"site/pagefind: \d+ records indexed in [\d.]+ s \(\d+ KiB in \d+ files\)\n", result.stdout)


def test_the_search_command_needs_a_built_site(project: Path, run: Run) -> None:
    status, _, err = run("search", "--site", "nowhere")
    assert status == 1
    assert err == "error: nowhere holds no built site (no 404.html); run mkdocs build first\n"
