"""Bad data, one case per file in tests/cases/: each must fail with exactly its expected errors.

A case overlays files on a copy of the fixture briefing (or removes some), then runs
`generate`. It must exit with status 1, print exactly the expected lines, and leave docs/
byte for byte as it was. Case format:

    description: what is wrong
    files:                        # paths inside the data folder
      events/2024/x.yaml: |       # text, written as UTF-8
        ...
      sources/y.yaml: {base64: …} # raw bytes
      actors/z.yaml: {text: "a", repeat: 300000}
    remove: [questions/q.yaml]
    errors:                       # stderr lines, in order, without the final summary
      - "data/events/2024/x.yaml:3: date: …"
    warnings:                     # or, for data that is valid but reads wrong: the warnings
      - "data/…: summary: warning: …"  # `check` prints (exit 0); generate writes, silent
"""

from __future__ import annotations

import base64
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT, Run, snapshot

CASES = sorted((Path(__file__).parent / "cases").glob("*.yaml"))


def _content(spec: Any) -> bytes:
    if isinstance(spec, str):
        return spec.encode("utf-8")
    if "base64" in spec:
        return base64.b64decode(spec["base64"])
    return (spec["text"] * spec.get("repeat", 1)).encode("utf-8")


def apply_case(case: dict[str, Any], data: Path) -> None:
    for name in case.get("remove", []):
        (data / name).unlink()
    for name, spec in case.get("files", {}).items():
        target = data / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(_content(spec))


@pytest.mark.parametrize("case_file", CASES, ids=lambda p: p.stem)
def test_case(case_file: Path, project: Path, run: Run) -> None:
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    assert run("generate")[0] == 0
    before = snapshot(project / "docs")
    apply_case(case, project / "data")

    status, out, err = run("generate")

    if "warnings" in case:  # valid data that reads wrong: check reports it, nothing blocks
        assert "errors" not in case
        assert (status, err) == (0, ""), "generate does not look for warnings"
        assert out.startswith("docs: ") and snapshot(project / "docs") != before
        status, out, err = run("check")
        assert status == 0 and out.startswith("data: ok")
        assert err.splitlines() == case["warnings"], case["description"]
        return

    assert status == 1
    assert out == ""
    lines = err.splitlines()
    assert lines[:-1] == case["errors"], case["description"]
    count = len(case["errors"])
    assert lines[-1] == f"{count} problem{'s' if count > 1 else ''} found; nothing was written."
    assert "Traceback" not in err
    assert snapshot(project / "docs") == before


@pytest.mark.parametrize("name", ["billion-laughs", "deep-nesting", "too-large"])
def test_hostile_files_are_refused_within_bounded_memory(name: str, project: Path) -> None:
    """Run in a child process limited to 1 GiB of address space: a blow-up would be killed."""
    case = yaml.safe_load((Path(__file__).parent / "cases" / f"{name}.yaml").read_text(encoding="utf-8"))
    apply_case(case, project / "data")
    limit = 1 << 30
    code = (
        f"import resource, sys; resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}));"
        "from generator.cli import main; sys.exit(main(['check']))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=20,
        env={"PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr.splitlines()[:-1] == case["errors"]
