"""The defensive YAML reader: values, lines, YAML 1.2 typing, and what it refuses."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load import parse_file
from generator.yamlsafe import YamlError, parse_document, resolve_plain

ROOT = Path(__file__).resolve().parent.parent


def test_values_and_lines() -> None:
    parsed = parse_document("id: x\nitems:\n  - a\n  - b: 1\n")
    assert parsed.data == {"id": "x", "items": ["a", {"b": 1}]}
    assert parsed.lines[("id",)] == 1
    assert parsed.lines[("items", 0)] == 3
    assert parsed.lines[("items", 1, "b")] == 4


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no", "no"),  # YAML 1.1 would say False
        ("on", "on"),
        ("yes", "yes"),
        ("NO", "NO"),
        ("2024-06-19", "2024-06-19"),  # YAML 1.1 would make a date
        ("12:30", "12:30"),  # YAML 1.1 would make 750 (sexagesimal)
        ("0o17", "0o17"),
        ("true", True),
        ("False", False),
        ("~", None),
        ("", None),
        ("42", 42),
        ("-3", -3),
        ("1.10", 1.1),
        ("1e3", 1000.0),
        (".", "."),
    ],
)
def test_plain_scalars_follow_yaml_1_2(text: str, expected: object) -> None:
    assert resolve_plain(text) == expected
    assert type(resolve_plain(text)) is type(expected)


def test_quoted_scalars_stay_text() -> None:
    assert parse_document("a: 'no'\nb: \"42\"\nc: |\n  true\n").data == {"a": "no", "b": "42", "c": "true\n"}


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("a: &x 1\nb: *x\n", 1, "anchor '&x' is not allowed"),
        ("a: 1\nb: *x\n", 2, "alias '*x' is not allowed"),
        ("a: !!python/object:os.system 1\n", 1, "tag 'tag:yaml.org,2002:python/object:os.system' is not allowed"),
        ("a: !!str 1\n", 1, "is not allowed"),
        ("a: !custom [1]\n", 1, "tag '!custom' is not allowed"),
        ("a: 1\nb: 2\na: 3\n", 3, "duplicate key 'a'"),
        ("a: 1\n---\nb: 2\n", 2, "a second YAML document starts here"),
        ("", 1, "the file is empty"),
        ("# only a comment\n", 1, "the file is empty"),
        ("? [a, b]\n: 1\n", 1, "a key must be plain text"),
        ("a: [" * 30 + "]" * 30 + "\n", 1, "nested more than 20 levels deep"),
        ("a: b: c\n", 1, "YAML syntax error"),
        ("a: 'unclosed\n", 2, "YAML syntax error"),
        ("a: \x07\n", 1, "the character U+0007 is not allowed"),
        ("a: 1\nb: \x85\x00\n", 2, "the character U+0000 is not allowed"),
    ],
)
@pytest.mark.parametrize("pure", [False, True], ids=["c-parser", "python-parser"])
def test_refused(text: str, line: int, message: str, pure: bool) -> None:
    with pytest.raises(YamlError) as raised:
        parse_document(text, pure=pure)
    assert message in raised.value.message
    assert raised.value.line == line


def test_deep_nesting_is_refused_without_recursion() -> None:
    with pytest.raises(YamlError, match="nested more than"):
        parse_document("[" * 100_000 + "]" * 100_000)


DATA_FILES = sorted((ROOT / "data").rglob("*.yaml")) + sorted((ROOT / "tests" / "fixtures").rglob("*.yaml"))


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_c_and_python_parsers_agree(path: Path) -> None:
    assert parse_file(path) == parse_file(path, pure=True)
