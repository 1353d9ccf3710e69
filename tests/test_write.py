"""The writer: unchanged files untouched, stale pages removed, hand-written pages never touched."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from generator import write
from generator.errors import GeneratorError
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
    started = time.time_ns()

    def _newer(path: Path) -> bool:
        return path.is_file() and path.stat().st_mtime_ns >= started

    event = project / "data/events/2023/2023-10-rencontre-annoncee.yaml"
    event.write_text(event.read_text(encoding="utf-8").replace("pour l'année suivante", "pour 2024"), "utf-8")
    status, out, _ = run("generate")
    assert status == 0
    # Its year page and the printable page, which shows every event in full; no other page
    # quotes its summary. And the four exports that give summaries: the dossier, the events'
    # table, the calendar and the feed.
    assert out.startswith("docs: 6 written, 0 removed")
    written = sorted(p.relative_to(project / "docs").as_posix() for p in (project / "docs").rglob("*") if _newer(p))
    assert written == [
        ".generated.json",
        "chronologie/2023.md",
        "donnees/dossier.json",
        "donnees/evenements.csv",
        "donnees/evenements.ics",
        "donnees/flux.xml",
        "imprimer.md",
    ]


def test_stale_pages_are_removed_and_hand_written_pages_kept(project: Path, run: Run) -> None:
    docs = project / "docs"
    (docs / "notes.md").write_text("# Notes\n", encoding="utf-8")
    (docs / "acteurs").mkdir()
    (docs / "acteurs" / "note.md").write_text("# Note écrite à la main\n", encoding="utf-8")
    assert run("generate")[0] == 0
    assert (docs / "acteurs" / "agence-valmont.md").exists()

    (project / "data/actors/agence-valmont.yaml").unlink()
    event = project / "data/events/2023/2023-10-rencontre-annoncee.yaml"
    event.write_text(event.read_text(encoding="utf-8").replace("according_to: [agence-valmont]\n", ""), "utf-8")
    status, out, _ = run("generate")

    assert status == 0
    assert "2 removed" in out  # its page, and the page left at its old address (former_ids)
    assert not (docs / "acteurs" / "agence-valmont.md").exists()
    assert not (docs / "acteurs" / "valmont-presse").exists()
    assert (docs / "notes.md").read_text(encoding="utf-8") == "# Notes\n"
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
    staged: list[str] = []

    def interrupt_on_second(step: str) -> None:
        staged.append(step)
        if len(staged) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr(write, "step_done", interrupt_on_second)
    status, _, _err = run("generate")
    assert status == 130
    assert staged[1].startswith("staged ")
    assert snapshot(project / "docs") == before  # no page changed, no temporary file left
    assert not (project / "docs" / write.STAGING).exists()


def test_a_signal_during_the_commit_waits_for_it_to_finish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pages = [Page(f"p{i}.md", f"---\ngenerator: briefing-generator\n---\n{i}\n", "data/x.yaml") for i in range(5)]

    def signal_at_first_move(step: str) -> None:
        if step == "moved p0.md":
            os.kill(os.getpid(), signal.SIGINT)

    monkeypatch.setattr(write, "step_done", signal_at_first_move)
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


@pytest.mark.parametrize("path", ["../evil.md", "/tmp/evil.md", "a/../../evil.md", f"{write.STAGING}/x.md"])
def test_refuses_to_write_outside_docs(tmp_path: Path, path: str) -> None:
    with pytest.raises(GeneratorError, match="refusing to write"):
        write.write_pages(tmp_path / "docs", [Page(path, "x", "data/x.yaml")])
    assert not (tmp_path / "evil.md").exists()
    assert not (tmp_path / "docs").exists()


def test_generated_files_follow_the_umask(project: Path, run: Run) -> None:
    previous = os.umask(0o022)
    try:
        assert run("generate")[0] == 0
    finally:
        os.umask(previous)
    modes = {p.stat().st_mode & 0o777 for p in (project / "docs").rglob("*") if p.is_file()}
    assert modes == {0o644}


def test_a_manifest_naming_files_outside_docs_removes_nothing_there(project: Path, run: Run) -> None:
    """docs/ comes with the checkout: a manifest from a pull request may name any path."""
    outside = project / "outside.md"
    outside.write_text("---\ngenerator: briefing-generator\n---\nnot to be removed\n", encoding="utf-8")
    (project / "docs" / write.MANIFEST).write_text(
        '{"files": {"../outside.md": "x", "/etc/hostname": "y"}}', encoding="utf-8"
    )
    assert run("generate")[0] == 0
    assert outside.exists()
