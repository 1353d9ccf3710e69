"""Reading files: encodings, byte-order marks, links, and the lines of values."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from generator.load import load_documents, parse_file, read_text
from generator.yamlsafe import YamlError
from tests.conftest import FIXTURE, Run


def test_a_utf8_byte_order_mark_is_harmless(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(codecs.BOM_UTF8 + "id: x\nname: Évènement\n".encode())
    assert parse_file(path).data == {"id": "x", "name": "Évènement"}


def test_windows_line_endings_are_harmless(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(b"id: x\r\nname: y\r\n")
    parsed = parse_file(path)
    assert parsed.data == {"id": "x", "name": "y"}
    assert parsed.lines[("name",)] == 2


def test_symbolic_links_are_refused(tmp_path: Path) -> None:
    target = tmp_path / "secret.txt"
    target.write_text("token: 1234\n", encoding="utf-8")
    link = tmp_path / "x.yaml"
    link.symlink_to(target)
    with pytest.raises(YamlError, match="symbolic links are not accepted"):
        read_text(link)


def test_numbers_typed_where_text_is_expected_read_as_typed(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("title: 1984\nversion: 1.10\nflag: true\nlist: [2024]\n", encoding="utf-8")
    parsed = parse_file(path)
    assert parsed.data == {"title": 1984, "version": 1.1, "flag": True, "list": [2024]}
    assert parsed.typed == {("title",): "1984", ("version",): "1.10", ("flag",): "true", ("list", 0): "2024"}


def test_fixture_loads_with_every_kind() -> None:
    loaded = load_documents(FIXTURE)
    assert loaded.problems == []
    assert {doc.kind for doc in loaded.documents} == {"briefing", "source", "actor", "event", "treaty", "question"}
    assert loaded.known["actor"] == {"agence-valmont", "anne-leroy", "bordurie", "valmontie"}
    event = next(doc for doc in loaded.documents if doc.stem == "2024-03-05-signature-accord")
    assert event.data_file == "briefing/events/2024/2024-03-05-signature-accord.yaml"
    assert event.line(("sources", 0, "quote")) == 19
    assert event.line(("sources", 5, "quote")) == 18  # nearest enclosing value: the sources list


def test_what_editors_and_systems_leave_beside_records_is_ignored(project: Path, run: Run) -> None:
    for name in ("events/2024/#2024-x.yaml#", "events/2024/.#2024-x.yaml", "actors/bordurie.yaml~"):
        (project / "data" / name).write_text("not a record", encoding="utf-8")
    for name in ("actors/.bordurie.yaml.swp", "actors/.DS_Store", "sources/Thumbs.db", "events/.gitkeep"):
        (project / "data" / name).write_bytes(b"\x00\x01")
    status, out, err = run("check")
    assert (status, err) == (0, "")
    assert "4 events, 4 actors, 2 sources" in out


def test_emoji_joined_into_one_are_ordinary_text(project: Path, run: Run) -> None:
    actor = project / "data/actors/bordurie.yaml"
    actor.write_text(actor.read_text("utf-8").replace("name: Bordurie", "name: Bordurie 👩\u200d💻"), "utf-8")
    assert run("check")[0] == 0
