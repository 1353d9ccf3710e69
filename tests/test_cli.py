"""The command line: exit statuses, messages, help for every command, no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import build_parser
from tests.conftest import ROOT, Run


def test_check_reports_counts(project: Path, run: Run) -> None:
    status, out, err = run("check")
    assert (status, err) == (0, "")
    assert out == "data: ok — 4 events, 4 actors, 2 sources, 1 treaty, 1 question\n"


def test_check_and_generate_take_any_folder(tmp_path: Path, run: Run) -> None:
    fixture = ROOT / "tests/fixtures/briefing"
    assert run("check", "--data", str(fixture))[0] == 0
    status, _out, _ = run("generate", "--data", str(fixture), "--docs", str(tmp_path / "out"))
    assert status == 0
    assert (tmp_path / "out" / "chronologie" / "2024.md").exists()


def test_missing_data_folder(tmp_path: Path, run: Run) -> None:
    status, _out, err = run("check", "--data", str(tmp_path / "nope"))
    assert status == 1
    assert err.splitlines()[0] == f"{tmp_path / 'nope'}:1: no such data folder"


def test_every_command_has_help() -> None:
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert set(commands) >= {"check", "generate"}
    for name, sub in commands.items():
        assert sub.description, f"{name} has no description"
        for action in sub._actions:
            assert action.help, f"{name} {action.dest} has no help"


@pytest.mark.parametrize("command", ["check", "generate"])
def test_data_errors_exit_1_without_traceback(project: Path, command: str) -> None:
    (project / "data/actors/bordurie.yaml").write_text("id: bordurie\nname: [\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "generator", command],
        capture_output=True,
        text=True,
        cwd=project,
        env={"PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("data/actors/bordurie.yaml:3: YAML syntax error")
    assert "Traceback" not in result.stderr
