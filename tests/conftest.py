"""Shared test helpers: a copy of the fixture briefing in a temporary project folder."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli import main

# The browser and the served sites, for tests/browser/ and tests/briefing/ alike (one of each per session).
pytest_plugins = ["tests.browser.fixtures"]

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "briefing"
# The English briefing (no treaty), and what turns it into one with two treaties.
ENGLISH = ROOT / "tests" / "fixtures" / "english"
ENGLISH_TREATIES = ROOT / "tests" / "fixtures" / "english-treaties"


def english_with_treaties(folder: Path) -> Path:
    """A copy of the English briefing in `folder`/english-treaties, with the treaties variant's
    files (treaties, and the events and sources they name) copied over it."""
    data = folder / "english-treaties"
    shutil.copytree(ENGLISH, data)
    shutil.copytree(ENGLISH_TREATIES, data, dirs_exist_ok=True)
    return data


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the generator's cache of this test session away from the user's."""
    os.environ["BRIEFING_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary project holding a copy of the fixture briefing in data/; the working folder."""
    shutil.copytree(FIXTURE, tmp_path / "data")
    (tmp_path / "docs").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """Run the command line in-process; return (exit status, stdout, stderr)."""

    def _run(*args: str) -> tuple[int, str, str]:
        status = main(list(args))
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return _run


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes, to compare before and after."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
