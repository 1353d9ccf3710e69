"""The synthetic briefing: valid, of the asked size, and the same for the same seed."""

from __future__ import annotations

from pathlib import Path

from generator.pipeline import read_briefing
from generator.synth import sizes_for, write_synthetic
from tests.conftest import Run, snapshot


def test_synthetic_briefing_is_valid_and_sized(tmp_path: Path) -> None:
    sizes = write_synthetic(tmp_path / "data", 450, seed=3)
    briefing = read_briefing(tmp_path / "data")
    assert (len(briefing.events), len(briefing.actors), len(briefing.sources), len(briefing.questions)) == (
        450,
        30,
        4,
        9,
    )
    assert sizes == sizes_for(450)
    assert len(briefing.treaties) == 1
    assert len(briefing.years) == 10
    assert any(e.date.precision == "month" for e in briefing.events)
    summaries = [len(e.summary) for e in briefing.events]
    assert 150 < sum(summaries) / len(summaries) < 700, "French text of realistic length"


def test_same_seed_same_files(tmp_path: Path) -> None:
    write_synthetic(tmp_path / "a", 120, seed=7)
    write_synthetic(tmp_path / "b", 120, seed=7)
    write_synthetic(tmp_path / "c", 120, seed=8)
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")
    assert snapshot(tmp_path / "a") != snapshot(tmp_path / "c")


def test_synth_command_refuses_a_folder_in_use(tmp_path: Path, run: Run) -> None:
    status, out, _ = run("synth", "--events", "100", "--out", str(tmp_path / "new"), "--seed", "2")
    assert status == 0
    assert out.endswith("100 events, 6 actors, 1 sources, 3 questions, 1 treaty\n")
    status, _, err = run("synth", "--events", "100", "--out", str(tmp_path / "new"))
    assert status == 1
    assert "is not empty" in err
