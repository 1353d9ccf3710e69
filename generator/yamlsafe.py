"""Parse one YAML document defensively, keeping the line of every value.

Contributors' files are untrusted, so this does not use PyYAML's constructors at all. It reads
the parser's event stream and builds plain values itself, which lets it:

- refuse anchors, aliases and explicit tags (aliases are how "billion laughs" documents expand,
  in whatever walks the data later);
- refuse duplicate keys, which PyYAML silently resolves by keeping the last one;
- resolve plain scalars with YAML 1.2 core rules, so `no`, `on`, `yes` and `2024-06-19` stay the
  text the contributor wrote instead of becoming booleans and dates (YAML 1.1);
- bound nesting depth without recursion;
- record `lines[path]`, the 1-based line of each value, for error messages.

The C parser is used when PyYAML has it; the pure-Python parser gives the same events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Union

import yaml
from yaml import events as ev

# The values the data can hold once parsed: what JSON can hold.
Value = Union[None, bool, int, float, str, list["Value"], dict[str, "Value"]]  # noqa: UP007 (recursive alias)
Path = tuple[str | int, ...]

MAX_DEPTH = 20

try:
    _FAST_PARSER: type = yaml.CBaseLoader
except AttributeError:  # PyYAML built without libyaml
    _FAST_PARSER = yaml.BaseLoader
PURE_PARSER: type = yaml.BaseLoader

# YAML 1.2 core schema, https://yaml.org/spec/1.2.2/#1032-tag-resolution
_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_MAY_BE_TYPED = frozenset("0123456789+-.~nNtTfF")
_MAX_INT_DIGITS = 64
_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")


class YamlError(Exception):
    """A document that cannot be accepted; `line` is 1-based."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True, slots=True)
class Parsed:
    data: Value
    lines: dict[Path, int]
    # The text as typed of unquoted values read as numbers or booleans (`2024`, `1.10`, `true`),
    # so that where the schema expects text they can be read as the contributor wrote them.
    typed: dict[Path, str]


def resolve_plain(text: str) -> Value:
    """Type an unquoted scalar the YAML 1.2 way."""
    if text and text[0] not in _MAY_BE_TYPED:
        return text  # most values: words
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.match(text):
        # Python refuses to read integers of thousands of digits (and they cost quadratic time);
        # no field takes such a number, so it stays the text it is and the schema says so.
        return int(text) if len(text) <= _MAX_INT_DIGITS else text
    if _FLOAT.match(text) and any(c.isdigit() for c in text):
        return float(text)
    return text


class _Frame:
    """An open mapping or sequence while its events stream in."""

    __slots__ = ("container", "key", "path")

    def __init__(self, container: dict[str, Value] | list[Value], path: Path) -> None:
        self.container = container
        self.path = path
        self.key: str | None = None  # for a mapping: the key waiting for its value


def parse_document(text: str, *, pure: bool = False) -> Parsed:
    """Build the values of the single document in `text`, or raise YamlError."""
    parser = None
    try:
        parser = (PURE_PARSER if pure else _FAST_PARSER)(text)
        return _build(parser)
    except yaml.reader.ReaderError as error:  # a character YAML does not allow in a file
        line = text.count("\n", 0, error.position) + 1
        raise YamlError(line, f"the character U+{error.character:04X} is not allowed in a data file") from None
    except yaml.MarkedYAMLError as error:
        raise _syntax_problem(error) from None
    finally:
        if parser is not None:
            parser.dispose()


def _build(parser: yaml.BaseLoader) -> Parsed:
    # One pass over the events, written for speed: it runs for every value of every file.
    lines: dict[Path, int] = {}
    typed: dict[Path, str] = {}
    stack: list[_Frame] = []
    root: Value = None
    documents = 0
    get_event = parser.get_event
    while True:
        event = get_event()  # type: ignore[no-untyped-call]
        kind = event.__class__
        if kind is ev.StreamEndEvent:
            break
        if kind is ev.MappingEndEvent or kind is ev.SequenceEndEvent:
            stack.pop()
            continue
        line = event.start_mark.line + 1
        if kind is ev.ScalarEvent:
            if event.anchor is not None or not (event.implicit[0] or event.implicit[1]):
                _refuse_anchor_and_tag(event, line)
            text = event.value
            # Plain (unquoted) scalars get YAML 1.2 types; the C parser says style "", Python None.
            value: Value = resolve_plain(text) if not event.style and event.implicit[0] else text
            if stack:
                frame = stack[-1]
                container = frame.container
                if container.__class__ is dict:
                    if frame.key is None:
                        _take_key(frame, value, line)
                        continue
                    path = (*frame.path, frame.key)
                    container[frame.key] = value
                    frame.key = None
                else:
                    path = (*frame.path, len(container))
                    container.append(value)  # type: ignore[union-attr]
            else:
                path = ()
                root = value
            lines[path] = line
            if value is not None and value.__class__ is not str:
                typed[path] = text
            continue
        if kind is ev.MappingStartEvent or kind is ev.SequenceStartEvent:
            if event.anchor is not None or not event.implicit:
                _refuse_anchor_and_tag(event, line)
            collection: dict[str, Value] | list[Value] = {} if kind is ev.MappingStartEvent else []
            if stack:
                frame = stack[-1]
                container = frame.container
                if container.__class__ is dict:
                    if frame.key is None:
                        raise YamlError(line, "a key must be plain text, not a list or mapping")
                    path = (*frame.path, frame.key)
                    container[frame.key] = collection
                    frame.key = None
                else:
                    path = (*frame.path, len(container))
                    container.append(collection)  # type: ignore[union-attr]
                if len(stack) >= MAX_DEPTH:
                    raise YamlError(line, f"nested more than {MAX_DEPTH} levels deep")
            else:
                path = ()
                root = collection
            lines[path] = line
            stack.append(_Frame(collection, path))
            continue
        if kind is ev.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise YamlError(line, "a second YAML document starts here; a file holds one record")
        elif kind is ev.AliasEvent:
            raise YamlError(line, f"alias '*{event.anchor}' is not allowed; write the value out")
    if documents == 0:
        raise YamlError(1, "the file is empty; expected the fields of one record")
    return Parsed(root, lines, typed)


def _refuse_anchor_and_tag(event: ev.ScalarEvent | ev.CollectionStartEvent, line: int) -> None:
    if event.anchor is not None:
        raise YamlError(line, f"anchor '&{event.anchor}' is not allowed; write each value out")
    # The parser marks a node "implicit" when no tag was written (or only the non-specific '!').
    raise YamlError(line, f"tag '{event.tag}' is not allowed; use quotes for text")


def _take_key(frame: _Frame, key: Value, line: int) -> None:
    if not isinstance(key, str):
        key = "" if key is None else str(key).lower() if isinstance(key, bool) else str(key)
    assert isinstance(frame.container, dict)
    if key in frame.container:
        raise YamlError(line, f"duplicate key '{key}'; each field may appear once")
    frame.key = key


def _syntax_problem(error: yaml.MarkedYAMLError) -> YamlError:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark is not None else 1
    context = error.context or ""
    if error.context_mark is not None and error.context_mark.line + 1 != line:
        context += f" started on line {error.context_mark.line + 1}"
    parts = [p for p in (context, error.problem) if p]
    return YamlError(line, "YAML syntax error: " + ", ".join(parts))
