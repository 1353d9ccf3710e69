"""`generator diff`: golden reports for edits of the fixture briefing, the command's exit statuses
and messages, hostile values, and `make diff` in a git repository.

A golden case, tests/golden/diff/<name>.yaml, edits a copy of the fixture briefing (the new side;
the base is the fixture as it is) and expects tests/golden/diff/<name>.md:

    description: what changes
    files: {events/2025/x.yaml: "…"}          # written, as in tests/cases/
    remove: [questions/q.yaml]
    replace: {actors/y.yaml: [[old, new]]}    # each old text must occur exactly once
    status: 1                                 # the exit status, when not 0

Set UPDATE_GOLDEN=1 to rewrite the .md files after an intended change, then review the diff.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cache import cache_root
from generator.diff import RENAME_THRESHOLD, diff_folders, likeness, pair_renames
from generator.diff_fields import RecordView, Ref, Shown, views
from generator.pipeline import read_briefing
from tests.conftest import FIXTURE, ROOT, Run
from tests.test_cases import apply_case

GOLDEN = ROOT / "tests" / "golden" / "diff"
CASES = sorted(GOLDEN.glob("*.yaml"))


def edit(data: Path, case: dict[str, Any]) -> None:
    apply_case(case, data)
    for name, pairs in case.get("replace", {}).items():
        text = (data / name).read_text(encoding="utf-8")
        for old, new in pairs:
            assert text.count(old) == 1, f"{name}: {old!r} should occur once"
            text = text.replace(old, new)
        (data / name).write_text(text, encoding="utf-8")


@pytest.fixture
def base(project: Path) -> Path:
    """The fixture briefing as it was, in a folder named data like the one it is compared with."""
    folder = project / "base" / "data"
    shutil.copytree(FIXTURE, folder)
    return folder


@pytest.mark.parametrize("case_file", CASES, ids=lambda p: p.stem)
def test_report_matches_golden_file(case_file: Path, project: Path, base: Path, run: Run) -> None:
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    edit(project / "data", case)

    status, out, err = run("diff", "--base", "base/data")

    golden = case_file.with_suffix(".md")
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(out, encoding="utf-8")
    assert (status, err) == (case.get("status", 0), "")
    assert out == golden.read_text(encoding="utf-8"), f"differs from {golden.relative_to(ROOT)}"
    assert run("diff", "--base", "base/data") == (status, out, err)  # deterministic


def test_nothing_to_report(project: Path, base: Path, run: Run) -> None:
    (project / "data" / "events" / "2024" / "2024-04-quotas-contestes.yaml").write_text(
        # the same values, written otherwise: nothing a reader sees changes
        (FIXTURE / "events/2024/2024-04-quotas-contestes.yaml")
        .read_text(encoding="utf-8")
        .replace("summary: Des pêcheurs de Bordurie disent", "summary: |\n  Des pêcheurs   de Bordurie\n  disent"),
        encoding="utf-8",
    )
    status, out, err = run("diff", "--base", "base/data")
    assert (status, err) == (0, "")
    assert out == "Nothing to report: the base and the new data make the same briefing and the same pages.\n"


def test_an_empty_base_is_no_briefing_yet(project: Path, run: Run) -> None:
    (project / "empty" / "data").mkdir(parents=True)
    status, out, _ = run("diff", "--base", "empty/data")
    assert status == 0
    assert "The base holds no briefing: everything is new." in out
    assert "- 5–6 mars 2024 — Signature de l'accord de pêche (`2024-03-05-signature-accord`)" in out
    assert "- `chronologie/2024.md`" in out.split("## Pages that will change", 1)[1]


def test_an_empty_new_folder_removes_everything(project: Path, run: Run) -> None:
    (project / "empty" / "data").mkdir(parents=True)
    status, out, _ = run("diff", "--base", "data", "--data", "empty/data")
    assert status == 0
    assert "The new data holds no briefing: everything is removed." in out
    assert "Removed:\n\n- Agence Valmont Presse (`agence-valmont`)\n- Anne Leroy (`anne-leroy`)\n" in out


def test_folders_of_different_names_are_compared_with_a_warning_on_pages(project: Path, run: Run) -> None:
    shutil.copytree(FIXTURE, project / "before")
    status, out, _ = run("diff", "--base", "before")
    assert status == 0
    assert out.startswith("# Changes to the briefing\n\n## Pages that will change\n\n")  # no record changed
    assert "The two data folders have different names (`before`, `data`)" in out


def test_a_renamed_actor_changes_its_pages_but_not_the_events_naming_it(project: Path, base: Path) -> None:
    actor = project / "data" / "actors" / "bordurie.yaml"
    actor.write_text(actor.read_text(encoding="utf-8").replace("name: Bordurie", "name: République de Bordurie"))

    report = diff_folders(base, project / "data").markdown

    assert "## Actors\n\n### République de Bordurie (`bordurie`)\n\n" in report
    assert "| `name` | Bordurie | République de Bordurie |" in report
    assert "## Events" not in report  # they name the actor by its id, which is the same
    pages = report.split("## Pages that will change", 1)[1]
    for page in ("acteurs/bordurie.md", "chronologie/2024.md", "traites/index.md"):
        assert f"- `{page}`" in pages


def test_the_base_is_read_without_the_cache(project: Path, base: Path) -> None:
    root = cache_root()
    assert root is not None

    def folder_of(data: Path) -> Path:
        return root / hashlib.sha256(str(data.resolve()).encode()).hexdigest()[:24]

    diff_folders(base, project / "data")
    assert not folder_of(base).exists()
    assert folder_of(project / "data").exists()


@pytest.mark.parametrize("side", ["base", "new"])
def test_problems_on_either_side_are_listed_not_compared(project: Path, base: Path, side: str) -> None:
    data = base if side == "base" else project / "data"
    (data / "actors" / "bordurie.yaml").write_text("id: bordurie\nname: [\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "diff", "--base", "base/data"],
        capture_output=True,
        text=True,
        cwd=project,
        env={"PYTHONPATH": str(ROOT), "BRIEFING_CACHE_DIR": "off"},
        check=False,
    )
    assert (result.returncode, result.stderr) == (1, "")
    where = "base/data" if side == "base" else "data"
    lines = result.stdout.splitlines()
    assert lines[:4] == ["# Changes to the briefing: not compared", "", f"## Problems in the {side} data", ""]
    assert lines[4].startswith(f"- `{where}/actors/bordurie.yaml:3`: YAML syntax error: ")
    assert "Traceback" not in result.stdout


def test_a_missing_base_folder_is_a_problem(project: Path, run: Run) -> None:
    status, out, err = run("diff", "--base", "nowhere")
    assert (status, err) == (1, "")
    assert "- `nowhere:1`: no such data folder\n" in out


def test_hostile_values_show_as_text(project: Path, base: Path, run: Run) -> None:
    hostile = "<script>alert(1)</script> **gras** | [lien](javascript:alert(1)) `code`\n# titre"
    event = project / "data" / "events" / "2024" / "2024-04-quotas-contestes.yaml"
    quoted = json.dumps(hostile, ensure_ascii=False)  # a YAML double-quoted string
    text = event.read_text(encoding="utf-8").replace("title: Des pêcheurs contestent les quotas", f"title: {quoted}")
    event.write_text(text.replace("quote: Les pêcheurs protestent déjà.", f"quote: {quoted}"), encoding="utf-8")

    status, out, _ = run("diff", "--base", "base/data")

    assert status == 0
    assert "<script>" not in out and "**gras**" not in out and "](javascript:" not in out and "`code`" not in out
    assert "&#60;script&#62;alert(1)&#60;/script&#62; &#42;&#42;gras&#42;&#42; &#124;" in out
    assert "\n# titre" not in out  # one value, one line
    for line in out.splitlines():
        if line.startswith("| "):
            assert line.count(" | ") == 2, line  # three cells: no value adds a column


def test_the_hostile_briefing_shows_as_text(project: Path, run: Run) -> None:
    """The briefing whose every field holds markup and scripts, added from nothing, then edited."""
    (project / "empty" / "data").mkdir(parents=True)
    shutil.rmtree(project / "data")
    shutil.copytree(ROOT / "tests" / "fixtures" / "hostile", project / "data")
    status, added, _ = run("diff", "--base", "empty/data")
    shutil.copytree(project / "data", project / "base" / "data")
    for path in (project / "data").rglob("*.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace("alert(", "prompt("), encoding="utf-8")
    status_edited, edited, _ = run("diff", "--base", "base/data")

    assert (status, status_edited) == (0, 0)
    assert "prompt(" in edited
    for out in (added, edited):
        assert "<" not in out and "](" not in out and "{:" not in out and "{{" not in out
        for line in out.splitlines():
            if line.startswith("| "):
                assert line.count(" | ") == 2, line


def test_help_describes_exit_statuses() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "diff", "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0
    assert "--base DIR" in result.stdout
    assert "Exit status 0 when the comparison was made, 1 when either side has problems" in " ".join(
        result.stdout.split()
    )


# The examples CONTRIBUTING.md gives of the check's summary: each edit, and what it shows.
SIGNING = "events/2024/2024-03-05-signature-accord.yaml"
CONTRIBUTING_EXAMPLES = {
    "a date and a quote corrected": {
        "replace": {
            SIGNING: [
                ["date: 2024-03-05\nend_date: 2024-03-06\n", "date: 2024-03-07\n"],
                ["quote: L'accord a été signé mardi à Port-Sable.", "quote: L'accord a été signé jeudi à Port-Sable."],
                ["note: Mardi 5 mars.", "note: Jeudi 7 mars."],
            ]
        }
    },
    "an actor misspelt, another removed": {
        "remove": ["actors/agence-valmont.yaml"],
        "replace": {"events/2023/2023-10-rencontre-annoncee.yaml": [["bordurie]", "bordurrie]"]]},
    },
}


@pytest.mark.parametrize("name", CONTRIBUTING_EXAMPLES)
def test_contributing_shows_real_reports(name: str, project: Path, base: Path, run: Run) -> None:
    edit(project / "data", CONTRIBUTING_EXAMPLES[name])
    _, out, _ = run("diff", "--base", "base/data")
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert f"```\n{out}```\n" in contributing


def view(**fields: Shown) -> RecordView:
    return RecordView("actor", "x", "X", None, {(name,): shown for name, shown in fields.items()})


def test_renames_need_most_fields_alike() -> None:
    same, other = Shown(("a",)), Shown(("b",))
    old = view(name=same, kind=same, role=same)
    assert likeness(old, view(name=other, kind=same, role=same)) == 2 / 3 >= RENAME_THRESHOLD
    assert likeness(old, view(name=other, kind=same, role=other)) < RENAME_THRESHOLD
    assert likeness(old, view(name=other, kind=same)) == 1 / 3  # a field emptied differs too


def test_renames_pair_the_most_alike_records() -> None:
    def record(record_id: str, *values: str) -> RecordView:
        fields = {
            (name,): Shown((value,)) for name, value in zip(("name", "kind", "role", "aliases"), values, strict=True)
        }
        return RecordView("actor", record_id, record_id, None, fields)

    removed = [record("old", "a", "b", "c", "d")]
    added = [record("close", "a", "b", "c", "x"), record("closest", "a", "b", "c", "d")]
    assert [(o.id, n.id) for o, n in pair_renames(removed, added)] == [("old", "closest")]
    assert pair_renames(removed, [record("far", "a", "x", "y", "d")]) == []


def test_references_are_compared_by_id_and_shown_by_name() -> None:
    assert Ref("bordurie", "Bordurie") == Ref("bordurie", "République de Bordurie")
    event = views(read_briefing(FIXTURE))["event"]["2024-03-05-signature-accord"]
    assert [(r.id, r.name) for r in event.fields["actors",].parts if isinstance(r, Ref)] == [
        ("anne-leroy", "Anne Leroy"),
        ("valmontie", "Valmontie"),
        ("bordurie", "Bordurie"),
    ]
    assert event.fields["date",] == Shown(("5–6 mars 2024",))


# make diff, in a throwaway repository: the Makefile, the generator, and data/ committed on main.
MAKE_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}
in_a_venv = pytest.mark.skipif(
    sys.prefix == sys.base_prefix or not (Path(sys.prefix) / ".runtime").exists(),
    reason="make diff runs the environment `make build` made (.venv/.runtime); run the tests with its Python",
)


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=repo, env={**os.environ, **MAKE_ENV}, capture_output=True, text=True, check=True
    )
    return done.stdout


def make_diff(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # The environment of these tests stands for .venv; requirements.txt, copied with its time,
    # stays older than its .runtime stamp, so make installs nothing.
    return subprocess.run(
        ["make", "--no-print-directory", "diff", f"VENV={sys.prefix}", *args],
        cwd=repo,
        env={**os.environ, **MAKE_ENV},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    for name in ("Makefile", "requirements.txt"):
        shutil.copy2(ROOT / name, repo / name)
    (repo / "generator").symlink_to(ROOT / "generator")
    (repo / ".gitignore").write_text("generator\n", encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "no data yet")
    return repo


@in_a_venv
def test_make_diff_against_the_merge_base_with_main(repo: Path) -> None:
    shutil.copytree(FIXTURE, repo / "data")
    git(repo, "add", "data")
    git(repo, "commit", "-q", "-m", "data")
    git(repo, "switch", "-q", "-c", "change")
    source = repo / "data" / "sources" / "depeche-2023.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("outlet: Le Courrier", "outlet: Le Courrier du Sud"))
    state = git(repo, "status", "--porcelain"), git(repo, "worktree", "list")

    result = make_diff(repo)

    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("# Changes to the briefing\n\n## Sources\n\n### Valmont et Bordurie")
    assert "| `outlet` | Le Courrier | Le Courrier du Sud |" in result.stdout
    assert (git(repo, "status", "--porcelain"), git(repo, "worktree", "list")) == state  # left as it was


@in_a_venv
def test_make_diff_from_a_base_without_data(repo: Path) -> None:
    first = git(repo, "rev-parse", "HEAD").strip()
    shutil.copytree(FIXTURE, repo / "data")
    git(repo, "add", "data")
    git(repo, "commit", "-q", "-m", "data")

    assert make_diff(repo).stdout.startswith("Nothing to report")  # HEAD is main: its own merge base
    result = make_diff(repo, f"DIFF_BASE={first}")

    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("# Changes to the briefing\n\nThe base holds no briefing: everything is new.\n")


@in_a_venv
def test_make_diff_with_an_unknown_base(repo: Path) -> None:
    result = make_diff(repo, "DIFF_BASE=no-such-commit")
    assert result.returncode != 0
    assert result.stdout == ""
    assert re.match(r"make diff: no commit 'no-such-commit' to compare with; set DIFF_BASE=<commit>", result.stderr)
