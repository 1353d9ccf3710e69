"""Reading files: encodings, byte-order marks, links, and the lines of values."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from generator.load import load_documents, parse_file, read_text
from generator.yamlsafe import YamlError
from tests.conftest import FIXTURE


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
