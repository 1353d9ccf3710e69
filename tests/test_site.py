"""End to end: generate the fixture briefing and build it with MkDocs --strict, as `make build` does."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURE, ROOT

REPO = "https://example.org/team/briefing"


def make_project(folder: Path, data: Path = FIXTURE) -> Path:
    """A project like ours: mkdocs.yml, hand-written docs, and the given data."""
    shutil.copytree(data, folder / "data")
    shutil.copytree(ROOT / "docs", folder / "docs", ignore=shutil.ignore_patterns(*_generated_names()))
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("generator/mkdocs_hooks.py", str(ROOT / "generator" / "mkdocs_hooks.py"))
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    return folder


def _generated_names() -> list[str]:
    return [".generated.json", "index.md", "chronologie", "acteurs", "traites", "questions", "sources", "donnees"]


def build(project: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1", **env}
    for command in (["-m", "generator", "generate"], ["-m", "mkdocs", "build", "--strict"]):
        result = subprocess.run(
            [sys.executable, *command], cwd=project, env=environment, capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            return result
    return result


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("project"))
    result = build(project, REPO_URL=REPO, EDIT_URI="edit/main/docs/")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    return project / "site"


def test_every_kind_of_page_is_built(site: Path) -> None:
    for page in [
        "index.html",
        "chronologie/index.html",
        "chronologie/2023/index.html",
        "chronologie/2024/index.html",
        "acteurs/index.html",
        "acteurs/anne-leroy/index.html",
        "traites/index.html",
        "traites/accord-peche/index.html",
        "questions/index.html",
        "sources/index.html",
        "sources/gazette-2024-03-06/index.html",
        "methode/index.html",
    ]:
        assert (site / page).is_file(), page


def test_navigation_lists_sections_only(site: Path) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    nav = html[html.index('<nav class="md-nav md-nav--primary"') : html.index("</nav>")]
    assert "anne-leroy" not in nav and "2024" not in nav
    assert nav.count('class="md-nav__link') <= 16


def test_event_anchor_and_search_entry(site: Path) -> None:
    html = (site / "chronologie/2024/index.html").read_text(encoding="utf-8")
    assert 'id="2024-03-05-signature-accord"' in html
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    assert "chronologie/2024/#2024-03-05-signature-accord" in locations
    assert not any(loc.startswith("chronologie/#") for loc in locations), "the compact timeline is not indexed"


def test_edit_links_open_the_yaml_record(site: Path) -> None:
    actor = (site / "acteurs/anne-leroy/index.html").read_text(encoding="utf-8")
    buttons = re.findall(r'<a href="([^"]+)" title="[^"]*" class="md-content__button md-icon"', actor)
    assert buttons == [f"{REPO}/edit/main/data/actors/anne-leroy.yaml"]
    year = (site / "chronologie/2024/index.html").read_text(encoding="utf-8")
    assert f'<a class="bf-edit" href="{REPO}/edit/main/data/events/2024/2024-03-05-signature-accord.yaml">' in year
    assert f'href="{REPO}/tree/main/data/events/2024/"' in year
    methode = (site / "methode/index.html").read_text(encoding="utf-8")
    assert f'href="{REPO}/edit/main/docs/methode.md"' in methode


def test_without_a_repository_there_are_no_edit_links(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    result = build(project)
    assert result.returncode == 0, result.stderr
    year = (project / "site/chronologie/2024/index.html").read_text(encoding="utf-8")
    assert 'href="edit:' not in year
    assert 'class="bf-edit"' not in year
