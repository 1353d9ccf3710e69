"""The day the data last changed, from git: never the clock, nothing when history cannot say."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.history import last_change
from tests.conftest import FIXTURE, Run


def git(folder: Path, *args: str, day: str | None = None) -> str:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_SYSTEM": os.devnull}
    if day:
        env |= {"GIT_AUTHOR_DATE": f"{day}T12:00:00+00:00", "GIT_COMMITTER_DATE": f"{day}T12:00:00+00:00"}
    identity = ["-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
    result = subprocess.run(["git", *identity, *args], cwd=folder, env=env, capture_output=True, text=True, check=True)
    return result.stdout.strip()


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A project started on 1 January 2025, whose data was committed on 3 March 2025, then its
    code alone on 9 May 2025."""
    if not shutil.which("git"):
        pytest.skip("git is not installed")
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "Makefile").write_text("all:\n", encoding="utf-8")
    git(tmp_path, "add", "Makefile")
    git(tmp_path, "commit", "-q", "-m", "start", day="2025-01-01")
    shutil.copytree(FIXTURE, tmp_path / "data")
    git(tmp_path, "add", "data")
    git(tmp_path, "commit", "-q", "-m", "data", day="2025-03-03")
    (tmp_path / "README.md").write_text("code\n", encoding="utf-8")
    git(tmp_path, "add", "README.md")
    git(tmp_path, "commit", "-q", "-m", "code", day="2025-05-09")
    return tmp_path


def test_the_last_commit_that_touched_the_data(repository: Path) -> None:
    assert last_change(repository / "data") == dt.date(2025, 3, 3)


def test_outside_a_repository_nothing_is_said(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE, tmp_path / "data")
    assert last_change(tmp_path / "data") is None


def test_a_shallow_clone_that_cannot_see_the_change_says_nothing(repository: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repository}", str(clone))
    # Its only commit is the code's: git would date the data to it.
    assert last_change(clone / "data") is None
    # Nor where the cut falls on the data's commit: its parent, unseen, may have held the same data.
    cut = tmp_path / "cut"
    git(tmp_path, "clone", "-q", "--depth", "2", f"file://{repository}", str(cut))
    assert last_change(cut / "data") is None
    deep = tmp_path / "deep"
    git(tmp_path, "clone", "-q", "--depth", "3", f"file://{repository}", str(deep))
    assert last_change(deep / "data") == dt.date(2025, 3, 3)


def test_the_home_page_says_when_the_data_last_changed(
    repository: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repository)
    (repository / "docs").mkdir()
    assert run("generate")[0] == 0
    home = (repository / "docs/index.md").read_text(encoding="utf-8")
    assert '<p class="bf-updated">Mis à jour le 3 mars 2025.</p>' in home
    # A new commit of the data is news: the page is made again, though no data file changed.
    (repository / "data/briefing.yaml").write_text(
        (repository / "data/briefing.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    git(repository, "commit", "-q", "-am", "data again", day="2025-06-01")
    assert run("generate")[0] == 0
    assert "Mis à jour le 1er juin 2025." in (repository / "docs/index.md").read_text(encoding="utf-8")
