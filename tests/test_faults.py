"""A failing machine: a kill at every step of an update, a full disk, a read-only or linked docs/.

Whatever happens, docs/ is left as it was or, by the next run, exactly as an uninterrupted run
leaves it, with no temporary file behind; and a problem of the user's to fix is reported with
exit status 1 and a message saying what to do, never as an internal error.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import write
from generator.cli import main
from tests.conftest import Run, snapshot


def _in_child(action: Callable[[], int]) -> int:
    """Run `action` in a forked process; return its exit status, or minus the signal that ended it."""
    pid = os.fork()
    if pid == 0:  # the child: never return into pytest
        status = 3
        try:
            status = action()
        finally:
            os._exit(status)
    _, status = os.waitpid(pid, 0)
    return -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)


def _generate_killed_at(step: int, data: Path, docs: Path) -> int:
    """Generate, with the process killed (SIGKILL: nothing can hold it) right after step number `step`."""

    def action() -> int:
        count = 0

        def maybe_die(_: str) -> None:
            nonlocal count
            count += 1
            if count == step:
                os.kill(os.getpid(), signal.SIGKILL)

        write.step_done = maybe_die
        return main(["generate", "--data", str(data), "--docs", str(docs)])

    return _in_child(action)


def _edit(data: Path) -> None:
    """A change that rewrites several pages, adds one and removes one."""
    event = data / "events/2024/2024-03-05-signature-accord.yaml"
    event.write_text(event.read_text("utf-8").replace("title: Signature", "title: Conclusion"), "utf-8")
    (data / "actors/agence-valmont.yaml").unlink()
    announced = data / "events/2023/2023-10-rencontre-annoncee.yaml"
    announced.write_text(announced.read_text("utf-8").replace("according_to: [agence-valmont]\n", ""), "utf-8")
    (data / "events/2025").mkdir()
    (data / "events/2025/2025-01-suite.yaml").write_text(
        "id: 2025-01-suite\ndate: 2025-01\nstatus: occurred\ntitle: Suite\nsummary: La suite.\n"
        "sources:\n  - source: depeche-2023\n    quote: x\n",
        "utf-8",
    )


@pytest.fixture
def before_and_after(
    project: Path, tmp_path_factory: pytest.TempPathFactory, run: Run, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, Path]:
    """docs/ generated from the fixture; and, in another folder, what the edited data gives."""
    monkeypatch.setenv("BRIEFING_CACHE_DIR", "off")  # each run starts from docs/ alone, as after a crash
    assert run("generate")[0] == 0
    _edit(project / "data")
    clean = tmp_path_factory.mktemp("clean")
    shutil.copytree(project / "docs", clean, dirs_exist_ok=True)
    assert run("generate", "--docs", str(clean))[0] == 0
    return project, clean


def test_a_kill_at_any_step_of_an_update_is_mended_by_the_next_run(
    before_and_after: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    project, clean = before_and_after
    expected = snapshot(clean)
    steps: list[str] = []
    monkeypatch.setattr(write, "step_done", steps.append)
    trial = tmp_path_factory.mktemp("count")
    shutil.copytree(project / "docs", trial, dirs_exist_ok=True)
    assert main(["generate", "--data", str(project / "data"), "--docs", str(trial)]) == 0
    monkeypatch.setattr(write, "step_done", None)
    assert len(steps) > 20
    assert any(s.startswith("staged") for s in steps) and "journal" in steps
    assert any(s.startswith("moved") for s in steps) and any(s.startswith("removed") for s in steps)

    for number, step in enumerate(steps, start=1):
        docs = tmp_path_factory.mktemp(f"step{number}")
        shutil.copytree(project / "docs", docs, dirs_exist_ok=True)
        assert _generate_killed_at(number, project / "data", docs) == -signal.SIGKILL, step
        left = snapshot(docs)
        if number < steps.index("journal") + 1:  # not committed: docs/ is as it was, but for the staging folder
            assert {k: v for k, v in left.items() if not k.startswith(write.STAGING)} == snapshot(project / "docs")
        assert main(["generate", "--data", str(project / "data"), "--docs", str(docs)]) == 0, step
        assert snapshot(docs) == expected, f"after a kill at step {number} ({step})"
        assert not (docs / write.STAGING).exists()


def test_a_full_disk_while_staging_changes_nothing(before_and_after: tuple[Path, Path], run: Run) -> None:
    project, _ = before_and_after
    before = snapshot(project / "docs")

    def action() -> int:
        # Files may not grow past 2 KB: as good as a full disk for the writer, and it needs no root.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))
        return main(["generate"])

    assert _in_child(action) == 1
    assert snapshot(project / "docs") == before
    assert not (project / "docs" / write.STAGING).exists()


def test_a_full_disk_is_reported_with_what_to_do(
    before_and_after: tuple[Path, Path], run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    project, _ = before_and_after
    before = snapshot(project / "docs")
    real = write._write_new

    def full(path: Path, data: bytes) -> None:
        real(path, data[: len(data) // 2])
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr(write, "_write_new", full)
    status, _, err = run("generate")
    assert status == 1
    assert err.startswith("error: docs: No space left on device (")
    assert err.rstrip().endswith("while staging the new pages; nothing was changed; free some disk space")
    assert snapshot(project / "docs") == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_docs_folder_is_the_users_to_fix(before_and_after: tuple[Path, Path], run: Run) -> None:
    project, _ = before_and_after
    (project / "docs").chmod(0o555)
    try:
        status, _, err = run("generate")
    finally:
        (project / "docs").chmod(0o755)
    assert status == 1
    assert "Permission denied" in err and "make docs writable" in err


@pytest.mark.usefixtures("before_and_after")
def test_a_read_only_file_system_is_reported(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    """As root (CI), permissions do not stop writes: the error is made to happen."""

    def read_only(self: Path, *args: object, **kwargs: object) -> None:
        raise OSError(30, "Read-only file system", str(self))

    monkeypatch.setattr(Path, "mkdir", read_only)
    status, _, err = run("generate")
    assert status == 1
    assert "Read-only file system" in err and "docs is on a read-only file system" in err


def test_a_docs_subfolder_linked_out_of_docs_is_refused(
    before_and_after: tuple[Path, Path], run: Run, tmp_path_factory: pytest.TempPathFactory
) -> None:
    project, _ = before_and_after
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    shutil.rmtree(project / "docs/acteurs")
    (project / "docs/acteurs").symlink_to(elsewhere)
    status, _, err = run("generate")
    assert status == 1
    assert err.startswith("error: docs/acteurs is a symbolic link to ")
    assert "replace the link by a folder" in err
    assert list(elsewhere.iterdir()) == []


def test_leftovers_of_a_kill_while_staging_are_removed(before_and_after: tuple[Path, Path], run: Run) -> None:
    project, clean = before_and_after
    staging = project / "docs" / write.STAGING
    staging.mkdir()
    (staging / "000000").write_text("half a page", encoding="utf-8")
    assert run("generate")[0] == 0
    assert snapshot(project / "docs") == snapshot(clean)


def test_a_journal_naming_paths_outside_docs_is_refused(before_and_after: tuple[Path, Path], run: Run) -> None:
    """docs/ comes with the checkout, so a journal may have been written by anyone."""
    project, _ = before_and_after
    staging = project / "docs" / write.STAGING
    staging.mkdir()
    (staging / "000000").write_text("x", encoding="utf-8")
    (staging / write.JOURNAL).write_text('{"moves": [["000000", "../outside.md"]], "removals": []}', "utf-8")
    status, _, err = run("generate")
    assert status == 1
    assert "refusing to write '../outside.md'" in err
    assert not (project / "outside.md").exists()
