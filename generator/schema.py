"""Check records against the JSON Schemas in `schemas/`, the one definition of every field.

Valid records go through fastjsonschema, which compiles each schema to plain Python and is about
ten times faster than jsonschema. A record it rejects is checked again with jsonschema, which
lists every error with its path, so that a contributor sees all of them at once.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import fastjsonschema

if TYPE_CHECKING:
    import jsonschema

from .errors import Problem, field_name
from .load import Document

SCHEMA_DIR = Path(__file__).parent / "schemas"
SCHEMA_FILES = {kind: f"{kind}.schema.json" for kind in ("briefing", "source", "actor", "event", "treaty", "question")}
_TYPE_NAMES = {
    "string": "text",
    "array": "a list",
    "object": "a mapping of fields",
    "boolean": "true or false",
    "integer": "a whole number",
    "number": "a number",
    "null": "nothing",
}


@cache
def load_schema(name: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    return schema


@cache
def _fast_validator(kind: str) -> Callable[[Any], Any]:
    return fastjsonschema.compile(load_schema(SCHEMA_FILES[kind]), handlers={"": load_schema})


# JSON Schema patterns are ECMAScript regular expressions, in which `$` ends the text. In
# Python's, it also matches before a final line break, so "x\n" would pass '^[a-z]+$'.
# fastjsonschema reads every `$` as `\Z`; the full validator must read them the same way.
_DOLLAR = re.compile(r"(?<!\\)\$")


@cache
def _compiled_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(_DOLLAR.sub(r"\\Z", pattern))


@cache
def _full_validator(kind: str) -> jsonschema.Draft7Validator:
    # Imported here: only a record with problems needs it, and it is slow to load.
    import jsonschema
    from referencing import Registry, Resource

    def pattern(validator: Any, rule: str, instance: Any, schema: dict[str, Any]) -> Any:
        if validator.is_type(instance, "string") and not _compiled_pattern(rule).search(instance):
            yield jsonschema.ValidationError(f"{instance!r} does not match {rule!r}")

    registry: Registry = Registry().with_resources(
        (name, Resource.from_contents(load_schema(name))) for name in sorted(p.name for p in SCHEMA_DIR.glob("*.json"))
    )
    validator = jsonschema.validators.extend(jsonschema.Draft7Validator, {"pattern": pattern})  # type: ignore[no-untyped-call]
    return validator(load_schema(SCHEMA_FILES[kind]), registry=registry)  # type: ignore[no-any-return]


def check_schema(doc: Document) -> list[Problem]:
    """Return every way `doc` departs from the schema of its kind.

    An unquoted number or boolean where the schema expects text (`raised: 2024`, `title: 1984`)
    is read as the text the contributor typed: `doc.data` is updated in place.
    """
    if _is_valid(doc):
        return []
    errors = list(_full_validator(doc.kind).iter_errors(doc.data))
    if _read_as_typed(doc, errors) and _is_valid(doc):
        return []
    errors = list(_full_validator(doc.kind).iter_errors(doc.data))
    if not errors:  # the two validators disagree: never let a record through unchecked
        return [Problem(doc.display, 1, "(record)", "does not match its schema, for a reason not described; report it")]
    return sorted({problem for error in errors for problem in _describe(doc, error)})


def _is_valid(doc: Document) -> bool:
    try:
        _fast_validator(doc.kind)(doc.data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def _read_as_typed(doc: Document, errors: list[jsonschema.ValidationError]) -> bool:
    """Replace numbers and booleans by their typed text where text was expected; tell if any."""
    changed = False
    for error in errors:
        path = tuple(error.absolute_path)
        if error.validator == "type" and error.validator_value == "string" and path in doc.typed and path:
            parent: Any = doc.data
            for part in path[:-1]:
                parent = parent[part]
            parent[path[-1]] = doc.typed[path]
            changed = True
    return changed


def _describe(doc: Document, error: jsonschema.ValidationError) -> list[Problem]:
    path = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    if error.validator == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        return [_unknown_field(doc, path, key, allowed) for key in _extra_keys(error.instance, allowed)]
    if error.validator == "required":
        why = schema.get("x-why")
        message = f"required field is missing: {why}" if why else "required field is missing"
        present = error.instance if isinstance(error.instance, dict) else {}
        required: list[str] = list(error.validator_value)  # type: ignore[arg-type]
        # A field required because of another one is reported on that other one's line.
        line = doc.line((*path, schema["x-because"])) if "x-because" in schema else doc.line(path)
        return [Problem(doc.display, line, field_name((*path, key)), message) for key in required if key not in present]
    return [Problem(doc.display, doc.line(path), field_name(path) or "(record)", _message(error, schema))]


def _extra_keys(instance: object, allowed: list[str]) -> list[str]:
    return sorted(k for k in instance if k not in allowed) if isinstance(instance, dict) else []


def _unknown_field(doc: Document, path: tuple[str | int, ...], key: str, allowed: list[str]) -> Problem:
    close = difflib.get_close_matches(key, allowed, n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"expected one of: {', '.join(allowed)}"
    return Problem(doc.display, doc.line((*path, key)), field_name((*path, key)), f"unknown field; {hint}")


def _message(error: jsonschema.ValidationError, schema: dict[str, Any]) -> str:
    value: Any = error.instance
    rule: Any = error.validator_value
    kind = error.validator
    if kind == "type":
        expected = _TYPE_NAMES.get(str(rule), str(rule))
        hint = " (put it in quotes to make it text)" if expected == "text" and _is_scalar(value) else ""
        return f"expected {expected}, got {_show(value)}{hint}"
    if kind == "pattern":
        return f"expected {schema.get('x-expected', 'text matching ' + str(rule))}, got {_show(value)}"
    if kind in ("enum", "const"):
        choices = rule if kind == "enum" else [rule]
        return f"expected one of {', '.join(map(str, choices))}, got {_show(value)}"
    if kind == "minLength":
        return "must not be empty"
    if kind == "maxLength":
        return f"too long: {len(value)} characters, at most {rule}"
    if kind == "minItems":
        return f"needs at least {rule} item(s), got {len(value)}"
    if kind == "uniqueItems":
        return "lists the same item twice"
    return str(error.message)


def _is_scalar(value: object) -> bool:
    return isinstance(value, (int, float, bool)) or value is None


def _show(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return "a list" if isinstance(value, list) else "a mapping"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."
