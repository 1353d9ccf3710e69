"""The writer: unchanged files untouched, stale pages removed, hand-written pages never touched."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from generator import write
from generator.write import Page
from tests.conftest import Run, snapshot


def _mtimes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def test_second_run_rewrites_nothing(project: Path, run: Run) -> None:
    assert run("generate")[0] == 0
    docs = project / "docs"
    before = _mtimes(docs)
    status, out, _ = run("generate")
    assert status == 0
    assert "0 written, 0 removed" in out
    assert _mtimes(docs) == before


def test_two_runs_give_identical_docs(project: Path, run: Run, tmp_path_factory: pytest.TempPathFactory) -> None:
    assert run("generate")[0] == 0
    other = tmp_path_factory.mktemp("other")
    assert run("generate", "--docs", str(other))[0] == 0
    assert snapshot(project / "docs") == snapshot(other)


def test_editing_one_event_rewrites_only_pages_that_show_it(project: Path, run: Run) -> None:
    assert run("generate")[0] == 0
    event = project / "data/events/2023/2023-10-rencontre-annoncee.yaml"
    event.write_text(event.read_text(encoding="utf-8").replace("pour l'année suivante", "pour 2024"), "utf-8")
    status, out, _ = run("generate")
    assert status == 0
    # Its year page and the printable page, which shows every event in full; no other page
    # quotes its summary.
    assert out.startswith("docs: 2 written, 0 removed")


def test_stale_pages_are_removed_and_hand_written_pages_kept(project: Path, run: Run) -> None:
    docs = project / "docs"
    (docs / "methode.md").write_text("# Méthode\n", encoding="utf-8")
    (docs / "acteurs").mkdir()
    (docs / "acteurs" / "note.md").write_text("# Note écrite à la main\n", encoding="utf-8")
    assert run("generate")[0] == 0
    assert (docs / "acteurs" / "agence-valmont.md").exists()

    (project / "data/actors/agence-valmont.yaml").unlink()
    event = project / "data/events/2023/2023-10-rencontre-annoncee.yaml"
    event.write_text(event.read_text(encoding="utf-8").replace("according_to: [agence-valmont]\n", ""), "utf-8")
    status, out, _ = run("generate")

    assert status == 0
    assert "1 removed" in out
    assert not (docs / "acteurs" / "agence-valmont.md").exists()
    assert (docs / "methode.md").read_text(encoding="utf-8") == "# Méthode\n"
    assert (docs / "acteurs" / "note.md").read_text(encoding="utf-8") == "# Note écrite à la main\n"


def test_a_record_never_overwrites_a_hand_written_page(project: Path, run: Run) -> None:
    docs = project / "docs"
    (docs / "acteurs").mkdir()
    (docs / "acteurs" / "bordurie.md").write_text("# Écrit à la main\n", encoding="utf-8")
    before = snapshot(docs)
    status, _out, err = run("generate")
    assert status == 1
    assert err.splitlines()[0] == (
        "data/actors/bordurie.yaml:1: id: the page docs/acteurs/bordurie.md exists and was not made by the "
        "generator; rename the record or move that page"
    )
    assert snapshot(docs) == before


def test_interruption_while_staging_leaves_docs_as_they_were(
    project: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("generate")[0] == 0
    before = snapshot(project / "docs")
    (project / "data/actors/bordurie.yaml").write_text(
        "id: bordurie\nname: Bordurie (nouveau nom)\nkind: state\ndescription: Autre.\n", encoding="utf-8"
    )
    staged: list[int] = []
    real_stage_one = write._stage_one

    def interrupt_on_second(target: Path, data: bytes) -> Path:
        staged.append(1)
        if len(staged) == 2:
            raise KeyboardInterrupt
        return real_stage_one(target, data)

    monkeypatch.setattr(write, "_stage_one", interrupt_on_second)
    status, _, _err = run("generate")
    assert status == 130
    assert snapshot(project / "docs") == before  # no page changed, no temporary file left


def test_a_signal_during_the_commit_waits_for_it_to_finish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pages = [Page(f"p{i}.md", f"---\ngenerator: briefing-generator\n---\n{i}\n", "data/x.yaml") for i in range(5)]
    real_replace = Path.replace
    calls: list[Path] = []

    def replace_and_signal(self: Path, target: Path) -> Path:  # type: ignore[override]
        calls.append(target)
        if len(calls) == 1:
            os.kill(os.getpid(), signal.SIGINT)
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", replace_and_signal)
    with pytest.raises(KeyboardInterrupt):
        write.write_pages(tmp_path, pages)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".generated.json",
        "p0.md",
        "p1.md",
        "p2.md",
        "p3.md",
        "p4.md",
    ]


def test_refuses_to_write_outside_docs(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="outside"):
        write.write_pages(tmp_path / "docs", [Page("../evil.md", "x", "data/x.yaml")])
    assert not (tmp_path / "evil.md").exists()
