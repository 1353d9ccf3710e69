"""The MkDocs hooks: edit addresses, and nothing that reads the data."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import mkdocs_hooks as hooks

REPO = "https://github.com/team/briefing"


@pytest.mark.parametrize(
    ("edit_uri", "data_file", "expected"),
    [
        ("edit/main/docs/", "data/actors/x.yaml", f"{REPO}/edit/main/data/actors/x.yaml"),
        ("edit/main/docs/", "data/events/2024/", f"{REPO}/tree/main/data/events/2024/"),
        ("blob/dev/docs", "data/actors/x.yaml", f"{REPO}/blob/dev/data/actors/x.yaml"),
        (None, "data/actors/x.yaml", None),
    ],
)
def test_record_url(edit_uri: str | None, data_file: str, expected: str | None) -> None:
    assert hooks.record_url(REPO, edit_uri, "docs", data_file) == expected


def test_no_repository_no_edit_address() -> None:
    assert hooks.record_url(None, "edit/main/docs/", "docs", "data/x.yaml") is None


def test_the_hook_reads_no_data() -> None:
    """MkDocs only renders: the hook wires edit links, and imports
    nothing of the generator that reads or renders data (nothing essential lives in it)."""
    source = Path(hooks.__file__).read_text(encoding="utf-8")
    assert "import generator" not in source and "from generator" not in source and "from ." not in source
    assert {name for name in dir(hooks) if name.startswith("on_")} == {
        "on_page_markdown",
        "on_page_content",
    }
