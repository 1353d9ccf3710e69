"""Incremental generation: what a run remembers, and that it never changes the result."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import load, pipeline, yamlsafe
from tests.conftest import FIXTURE, Run, snapshot


def _parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = yamlsafe.parse_document

    def counting(text: str, *, pure: bool = False) -> yamlsafe.Parsed:
        calls.append(1)
        return real(text, pure=pure)

    monkeypatch.setattr(load, "parse_document", counting)
    return calls


def _cold(data: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    """The docs/ a run without any cache makes from `data`."""
    monkeypatch.setenv("BRIEFING_CACHE_DIR", "off")
    pipeline.generate(data, folder)
    monkeypatch.undo()
    return snapshot(folder)


@pytest.fixture
def cached(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(project / "cache"))
    pipeline.generate(project / "data", project / "docs")
    return project


def test_nothing_changed_reads_nothing(project: Path, monkeypatch: pytest.MonkeyPatch, run: Run) -> None:
    monkeypatch.setattr(load, "RACY_NS", 0)  # the files were copied just now: make them look old
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(project / "cache"))
    pipeline.generate(project / "data", project / "docs")
    monkeypatch.setattr(pipeline, "_read", lambda *_: pytest.fail("the data was read again"))
    status, out, _ = run("generate")
    assert status == 0
    assert out.startswith("docs: 0 written, 0 removed")


def test_files_changed_just_now_are_not_trusted_to_stop_early(cached: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Within a tick of the file system's clock a file can change again and keep its key."""
    reads: list[int] = []
    real = pipeline._read
    monkeypatch.setattr(pipeline, "_read", lambda *args: reads.append(1) or real(*args))
    pipeline.generate(cached / "data", cached / "docs")
    assert reads == [1]  # every file was copied less than RACY_NS ago: the data is looked at


@pytest.mark.parametrize("racy_ns", [0, load.RACY_NS])
def test_an_edit_of_the_same_length_with_its_time_put_back_is_caught(
    project: Path, monkeypatch: pytest.MonkeyPatch, run: Run, racy_ns: int
) -> None:
    """cp -p, rsync -t, tar and touch -r restore a file's modification time: the change time shows the edit."""
    monkeypatch.setattr(load, "RACY_NS", racy_ns)
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(project / "cache"))
    assert run("generate")[0] == 0
    event = project / "data/events/2024/2024-03-05-signature-accord.yaml"
    before = event.stat()
    event.write_text(event.read_text("utf-8").replace("status: occurred", "status: occurrex"), "utf-8")
    os.utime(event, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (event.stat().st_size, event.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    status, _, err = run("check")
    assert status == 1
    assert "data/events/2024/2024-03-05-signature-accord.yaml:4: status: expected one of" in err


def test_one_edit_parses_one_file_and_matches_a_cold_run(
    cached: Path, monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    actor = cached / "data/actors/bordurie.yaml"
    actor.write_text(actor.read_text(encoding="utf-8").replace("name: Bordurie", "name: Bordurie du Nord"), "utf-8")
    parses = _parses(monkeypatch)
    outcome = pipeline.generate(cached / "data", cached / "docs")
    assert len(parses) == 1
    # Every page that names the actor changes: its own, the lists, and the events that involve it.
    assert "chronologie/2024.md" in outcome.written
    assert "acteurs/bordurie.md" in outcome.written
    assert "sources/depeche-2023.md" not in outcome.written
    monkeypatch.undo()
    assert snapshot(cached / "docs") == _cold(cached / "data", tmp_path_factory.mktemp("cold"), monkeypatch)


def test_a_touched_file_is_not_parsed_again(cached: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    event = cached / "data/events/2024/2024-04-quotas-contestes.yaml"
    os.utime(event, ns=(0, 0))
    parses = _parses(monkeypatch)
    outcome = pipeline.generate(cached / "data", cached / "docs")
    assert parses == []
    assert outcome.written == []


def test_problems_in_remembered_files_keep_their_lines(cached: Path, run: Run) -> None:
    (cached / "data/actors/valmontie.yaml").unlink()
    status, _, err = run("generate")
    assert status == 1
    assert "data/actors/anne-leroy.yaml:11: affiliations[0].actor: unknown actor 'valmontie'" in err
    assert "data/events/2024/2024-03-05-signature-accord.yaml:10: actors[1]: unknown actor 'valmontie'" in err


def test_a_remembered_file_made_invalid_is_caught(cached: Path, run: Run) -> None:
    (cached / "data/actors/bordurie.yaml").write_text("id: bordurie\nkind: state\ndescription: x\n", "utf-8")
    status, _, err = run("generate")
    assert status == 1
    assert err.startswith("data/actors/bordurie.yaml:1: name: required field is missing")


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: b"not json",
        lambda text: text[: len(text) // 2],  # truncated
        lambda text: text.replace(b'"kind"', b'"kinds"').replace(b'"occurred"', b'"occurrex"'),  # edited
        lambda text: text.split(b"\n", 1)[0] + b"\n" + b"[1, 2, 3]",  # the wrong shape
        lambda text: text.replace(text.split(b"\n", 1)[0], b'{"code": "another version"}'),
    ],
    ids=["not-json", "truncated", "edited", "wrong-shape", "other-code"],
)
def test_a_damaged_cache_is_ignored(cached: Path, run: Run, damage: Callable[[bytes], bytes]) -> None:
    parts = sorted((cached / "cache").rglob("*.json"))
    assert parts
    for part in parts:
        part.write_bytes(damage(part.read_bytes()))
    shutil.rmtree(cached / "docs")
    status, out, _ = run("generate")
    assert status == 0
    assert "0 unchanged" in out
    assert snapshot(cached / "docs")


def test_the_cache_holds_plain_data(cached: Path) -> None:
    """JSON only: nothing that loading could run, as unpickling can."""
    parts = sorted((cached / "cache").rglob("*"))
    assert {part.suffix for part in parts if part.is_file()} == {".json"}
    for part in parts:
        if part.is_file():
            header, body = part.read_bytes().split(b"\n", 1)
            assert json.loads(header)["code"]
            json.loads(body)


def test_removing_a_generated_page_regenerates_it(cached: Path, run: Run) -> None:
    (cached / "docs/acteurs/bordurie.md").unlink()
    status, out, _ = run("generate")
    assert status == 0
    assert out.startswith("docs: 1 written")
    assert (cached / "docs/acteurs/bordurie.md").exists()


def test_the_cache_can_be_turned_off(project: Path, monkeypatch: pytest.MonkeyPatch, run: Run) -> None:
    monkeypatch.setenv("BRIEFING_CACHE_DIR", "off")
    assert run("generate")[0] == 0
    assert run("generate")[1].startswith("docs: 0 written")
    assert snapshot(project / "docs") == snapshot(project / "docs")
    assert FIXTURE.exists()


SHOWN_FIELDS = {
    "events": ["title", "summary", "status", "location"],
    "actors": ["name", "description", "role"],
    "sources": ["title", "outlet", "notes"],
    "treaties": ["title", "summary"],
    "questions": ["question", "context", "status"],
    ".": ["title", "description", "summary"],
}
NEW_STATUS = {"occurred": "reported", "reported": "denied", "announced": "planned", "partly_answered": "open"}


def _folder(path: Path) -> str:
    return path.relative_to(FIXTURE).parts[0] if path.parent != FIXTURE else "."


CHANGES = [
    (path.relative_to(FIXTURE).as_posix(), field)
    for path in sorted(FIXTURE.rglob("*.yaml"))
    for field in SHOWN_FIELDS[_folder(path)]
    if any(line.startswith(f"{field}: ") for line in path.read_text(encoding="utf-8").splitlines())
]


def _edit(line: str, field: str) -> str:
    value = line.split(": ", 1)[1].strip()
    if field == "status":
        return f"status: {NEW_STATUS.get(value, value)}\n"
    if value == "|":
        return f"{field}: |\n  Modifié.\n"
    return f"{field}: Modifié — {value.strip(chr(34))}\n"


@pytest.mark.parametrize(("record", "field"), CHANGES, ids=[f"{r}:{f}" for r, f in CHANGES])
def test_any_edit_gives_what_a_cold_run_gives(
    record: str, field: str, cached: Path, monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Edit what each record shows; the remembered run must write exactly what a fresh one writes."""
    path = cached / "data" / record
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    edited = [_edit(line, field) if line.startswith(f"{field}: ") else line for line in lines]
    assert edited != lines
    path.write_text("".join(edited), encoding="utf-8")
    pipeline.generate(cached / "data", cached / "docs")
    assert snapshot(cached / "docs") == _cold(cached / "data", tmp_path_factory.mktemp("cold"), monkeypatch)
