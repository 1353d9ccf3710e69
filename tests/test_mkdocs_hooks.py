"""The MkDocs hooks: edit addresses, and regeneration under `mkdocs serve`."""

from __future__ import annotations

import logging
from pathlib import Path
from types import SimpleNamespace

import pytest

from generator import mkdocs_hooks as hooks
from tests.conftest import snapshot

REPO = "https://github.com/team/briefing"


@pytest.mark.parametrize(
    ("edit_uri", "data_file", "expected"),
    [
        ("edit/main/docs/", "data/actors/x.yaml", f"{REPO}/edit/main/data/actors/x.yaml"),
        ("edit/main/docs/", "data/events/2024/", f"{REPO}/tree/main/data/events/2024/"),
        ("blob/dev/docs", "data/actors/x.yaml", f"{REPO}/blob/dev/data/actors/x.yaml"),
        (None, "data/actors/x.yaml", None),
    ],
)
def test_record_url(edit_uri: str | None, data_file: str, expected: str | None) -> None:
    assert hooks.record_url(REPO, edit_uri, "docs", data_file) == expected


def test_no_repository_no_edit_address() -> None:
    assert hooks.record_url(None, "edit/main/docs/", "docs", "data/x.yaml") is None


def _config(project: Path) -> SimpleNamespace:
    return SimpleNamespace(config_file_path=str(project / "mkdocs.yml"), docs_dir=str(project / "docs"))


def test_serve_regenerates_before_each_build(project: Path) -> None:
    hooks.on_startup("serve", dirty=True)
    hooks.on_pre_build(_config(project))
    assert (project / "docs/chronologie/2024.md").exists()


def test_serve_keeps_the_last_good_pages_when_data_breaks(project: Path, caplog: pytest.LogCaptureFixture) -> None:
    hooks.on_startup("serve", dirty=True)
    hooks.on_pre_build(_config(project))
    before = snapshot(project / "docs")
    (project / "data/actors/bordurie.yaml").write_text("id: bordurie\n", encoding="utf-8")
    with caplog.at_level(logging.ERROR):
        hooks.on_pre_build(_config(project))
    assert "data/actors/bordurie.yaml:1: name: required field is missing" in caplog.text
    assert snapshot(project / "docs") == before


def test_build_does_not_regenerate(project: Path) -> None:
    hooks.on_startup("build", dirty=False)
    hooks.on_pre_build(_config(project))
    assert not (project / "docs/chronologie").exists()
