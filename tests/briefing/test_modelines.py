"""The first briefing's files keep the editors' convention: each starts with the modeline that
names its schema (`# yaml-language-server: $schema=<path>`), as `python -m generator new` writes
it. A briefing started from other files may not have them: this checks this briefing's files, and
goes with it.
"""

from __future__ import annotations

from pathlib import Path

from generator.load import scan
from generator.scaffold import modeline
from tests.conftest import ROOT


def _first_line(path: Path) -> str:
    with path.open(encoding="utf-8-sig") as file:
        return file.readline().rstrip("\r\n")


def test_every_data_file_starts_with_its_modeline() -> None:
    files, _misplaced = scan(ROOT / "data")
    assert files
    wrong = [
        f"{file.path.relative_to(ROOT).as_posix()}: first line should be: {modeline(file.kind, file.path)}"
        for file in files
        if _first_line(file.path) != modeline(file.kind, file.path)
    ]
    assert not wrong, "\n".join(wrong)
