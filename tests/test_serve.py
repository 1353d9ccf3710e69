"""The preview (`make serve`): the site served, and an edit of the data shown without a restart."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cache import Cache
from generator.serve import _regenerate
from tests.conftest import ROOT, snapshot
from tests.test_site import make_project


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for(url: str, ready: Callable[[str], bool], timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                page: str = response.read().decode("utf-8")
            if ready(page):
                return page
        except OSError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"{url} was not ready within {timeout} s")


def test_an_edit_of_the_data_is_served_without_a_restart(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "generator", "serve", "--address", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        url = f"http://127.0.0.1:{port}/chronologie/2024/"
        _wait_for(url, lambda page: "Signature de l" in page)
        # The search works in the preview: its index is served, and follows the data.
        entry = f"http://127.0.0.1:{port}/pagefind/pagefind-entry.json"
        first = json.loads(_wait_for(entry, lambda text: '"fr"' in text))["languages"]["fr"]["hash"]
        event = project / "data/events/2024/2024-03-05-signature-accord.yaml"
        event.write_text(event.read_text("utf-8").replace("title: Signature", "title: Conclusion"), "utf-8")
        _wait_for(url, lambda page: "Conclusion de l" in page)
        _wait_for(entry, lambda text: json.loads(text)["languages"]["fr"]["hash"] != first)
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
    assert "Traceback" not in errors.decode("utf-8")


def test_the_preview_keeps_the_last_good_pages_when_the_data_breaks(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = Cache(None)
    _regenerate(project / "data", project / "docs", cache)
    before = snapshot(project / "docs")
    (project / "data/actors/bordurie.yaml").write_text("id: bordurie\n", encoding="utf-8")
    _regenerate(project / "data", project / "docs", cache)
    assert "data/actors/bordurie.yaml:1: name: required field is missing" in capsys.readouterr().err
    assert snapshot(project / "docs") == before
