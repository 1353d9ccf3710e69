"""The schemas: the record schemas published as they are, dossier.schema.json made from them,
and what the Données page says of every field, read from the same schemas."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..schema import SCHEMA_DIR, SCHEMA_FILES, load_schema
from ..site import Site
from ..validate import REFERENCES
from ..words import Words
from ..write import Page
from .names import CSV_FILES, DOSSIER_KEYS, DOSSIER_SCHEMA, FORMAT_VERSION
from .tables import csv_columns

# A reference to another record becomes, in dossier.json, this object instead of the bare id.
SHAPES = {"actor": "named", "event": "titled", "source": "titled", "treaty": "titled", "provision": "titled"}
SHAPE_WORDS = {"named": "{id, name}", "titled": "{id, title}"}


def render_schemas(site: Site, data_folder: str) -> list[Page]:
    """The record schemas, byte for byte (their relative $refs keep working side by side), and
    dossier.schema.json. They are part of the code: made from nothing the data holds."""
    folder = site.places.schemas()
    pages = [
        site.file(f"{folder}/{name}", shows=[], make=_reader(name), data_file=data_folder) for name in schema_names()
    ]
    made = site.file(
        f"{folder}/{DOSSIER_SCHEMA}", shows=[], make=lambda: _json(dossier_schema()), data_file=data_folder
    )
    return [*pages, made]


def _reader(name: str) -> Callable[[], str]:
    return lambda: (SCHEMA_DIR / name).read_text(encoding="utf-8")


def schema_names() -> list[str]:
    return sorted(path.name for path in SCHEMA_DIR.glob("*.json"))


def published_schemas(w: Words) -> list[tuple[str, str]]:
    """(file name, what it defines, in the site's language) of every schema under the data
    page's schemas/ folder: the schemas' own titles are English, for tools."""
    kinds = {file: kind for kind, file in SCHEMA_FILES.items()}
    titles = [
        (name, w(f"data_page.kinds.{kinds[name]}.heading") if name in kinds else w("data_page.schema_titles.common"))
        for name in schema_names()
    ]
    dossier = w("data_page.schema_titles.dossier", dossier_name=w.raw("files.dossier"))
    return [*titles, (DOSSIER_SCHEMA, dossier)]


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True, slots=True)
class _At:
    """A place in one of the schema files: the file's name and a JSON pointer into it."""

    file: str
    pointer: str = ""

    @property
    def node(self) -> dict[str, Any]:
        value: Any = load_schema(self.file)
        for part in self.pointer.split("/")[1:]:
            value = value[int(part)] if isinstance(value, list) else value[part]
        result: dict[str, Any] = value
        return result

    def child(self, *parts: str | int) -> _At:
        return _At(self.file, self.pointer + "".join(f"/{part}" for part in parts))

    @property
    def ref(self) -> str:
        return f"{self.file}#{self.pointer}"


def _layers(at: _At) -> list[_At]:
    """The node and every node it takes keywords from through $ref and allOf, nearest first."""
    node = at.node
    layers = [at]
    if "$ref" in node:
        file, _, pointer = str(node["$ref"]).partition("#")
        layers += _layers(_At(file or at.file, pointer))
    for index in range(len(node.get("allOf", []))):
        layers += _layers(at.child("allOf", index))
    return layers


def _merged(at: _At) -> dict[str, Any]:
    """The keywords that apply at `at`, the nearest winning (a field's own description first)."""
    merged: dict[str, Any] = {}
    for layer in reversed(_layers(at)):
        merged.update({k: v for k, v in layer.node.items() if k not in ("$ref", "allOf")})
    return merged


def _where(at: _At, keyword: str) -> _At:
    """The layer of `at` that holds `keyword` (properties, items), to walk on from there."""
    return next(layer for layer in _layers(at) if keyword in layer.node).child(keyword)


FieldPath = tuple[str, ...]  # ('sources', '*', 'source'): '*' is every list item


@cache
def _references(kind: str) -> dict[FieldPath, str]:
    """Where a record of `kind` names another record, and the kind it names ('*': list items)."""
    paths = {tuple(str(p) for p in path): target for path, target in REFERENCES.get(kind, [])}
    if kind == "event":
        paths[("treaties", "*", "provision")] = "provision"  # checked apart from REFERENCES
    return paths


def dossier_schema() -> dict[str, Any]:
    """The JSON Schema of dossier.json, made from the record schemas it sits beside.

    A field keeps its record schema by $ref; only the fields that hold references are rewritten,
    since dossier.json resolves them into {id, name} or {id, title}.
    """
    line = {"$ref": "common.schema.json#/definitions/line"}
    ident = {"$ref": "common.schema.json#/definitions/id"}
    properties: dict[str, Any] = {"$schema": {"type": "string", "format": "uri"}, "version": {"const": FORMAT_VERSION}}
    for kind, key in DOSSIER_KEYS.items():
        record = _exported_record(kind)
        properties[key] = record if kind == "briefing" else {"type": "array", "items": record}
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "Dossier",
        "description": "dossier.json: every record of the briefing, references resolved. "
        "Generated from the record schemas beside this file.",
        "type": "object",
        "additionalProperties": False,
        "required": list(properties),
        "properties": properties,
        "definitions": {
            "named": _object({"id": ident, "name": line}),
            "titled": _object({"id": ident, "title": line}),
            "page": {"type": "string", "format": "uri", "description": "Address of the record on the site."},
        },
    }


def _object(properties: dict[str, Any], required: Sequence[str] | None = None) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": list(properties if required is None else required),
        "properties": properties,
    }


def _exported_record(kind: str) -> dict[str, Any]:
    root = _At(SCHEMA_FILES[kind])
    record = _exported(root, (), _references(kind))
    record["properties"]["page"] = {"$ref": "#/definitions/page"}
    record["required"] = [*record["required"], "page"]
    return record


def _exported(at: _At, path: FieldPath, references: Mapping[FieldPath, str]) -> dict[str, Any]:
    """The schema of the value at `path` in dossier.json (root: the record itself)."""
    if path in references:
        return {"$ref": f"#/definitions/{SHAPES[references[path]]}"}
    if path and not any(p[: len(path)] == path for p in references):
        return {"$ref": at.ref}  # holds no reference: the record schema says it all
    merged = _merged(at)
    if "items" in merged:
        # No minItems: an empty list stands for a field the data leaves out.
        items = _exported(_where(at, "items"), (*path, "*"), references)
        return {"type": "array", "items": items, **({"uniqueItems": True} if merged.get("uniqueItems") else {})}
    fields = _where(at, "properties")
    out = _object(
        {name: _exported(fields.child(name), (*path, name), references) for name in merged["properties"]},
        merged.get("required", []),
    )
    out.update({k: v for k, v in at.node.items() if k in ("if", "then", "allOf")})  # conditional requirements
    return out


@dataclass(frozen=True, slots=True)
class FieldDoc:
    name: str  # its path in the record: 'sources[].quote'
    type: str  # in words of the language
    required: str  # yes, no, or the condition that makes it required, in words
    description: str
    values: tuple[tuple[str, str], ...]  # allowed codes, with the label the pages show, when there is one


@dataclass(frozen=True, slots=True)
class KindDoc:
    kind: str
    heading: str
    schema: str  # file name in schemas/
    title: str
    description: str
    dossier_key: str
    csv: str | None  # the name of its CSV file in the catalogue's `files`, if it has one
    columns: tuple[str, ...]
    fields: tuple[FieldDoc, ...]


def kind_docs(w: Words) -> list[KindDoc]:
    """What the data page says of each kind: the fields from the schemas, the words from the catalogue."""
    docs = []
    for kind in ("event", "actor", "source", "treaty", "question", "briefing"):  # most read first
        root = _At(SCHEMA_FILES[kind])
        docs.append(
            KindDoc(
                kind=kind,
                heading=w(f"data_page.kinds.{kind}.heading"),
                schema=SCHEMA_FILES[kind],
                title=str(root.node.get("title", kind)),
                description=w(f"data_page.kinds.{kind}.description"),
                dossier_key=DOSSIER_KEYS[kind],
                csv=CSV_FILES.get(kind),
                columns=csv_columns(kind) if kind in CSV_FILES else (),
                fields=tuple(_field_docs(root, kind, "", (), _references(kind), w)),
            )
        )
    return docs


def _field_docs(
    at: _At, kind: str, prefix: str, path: FieldPath, references: Mapping[FieldPath, str], w: Words
) -> Iterator[FieldDoc]:
    merged = _merged(at)
    required = set(merged.get("required", []))
    conditions = _conditions(at, w)
    fields = _where(at, "properties")
    for name in merged["properties"]:
        field_at = fields.child(name)
        field = _merged(field_at)
        field_path = (*path, name)
        yield FieldDoc(
            name=prefix + name,
            type=_type_words(field_at, field_path, references, w),
            required=(
                w("data_page.required.yes") if name in required else conditions.get(name, w("data_page.required.no"))
            ),
            description=_description(w, kind, prefix + name),
            values=_values(field, w),
        )
        if "properties" in field:
            yield from _field_docs(field_at, kind, f"{prefix}{name}.", field_path, references, w)
        elif "items" in field and "properties" in _merged(_where(field_at, "items")):
            items = _where(field_at, "items")
            yield from _field_docs(items, kind, f"{prefix}{name}[].", (*field_path, "*"), references, w)


def _description(w: Words, kind: str, name: str) -> str:
    """A field's description: the catalogue's for this kind, else for any kind, from the full path
    ('status_history[].sources[].quote') to the field's own name ('sources[].quote', 'quote')."""
    fields = w.raw("data_page.fields")
    if name in fields.get(kind, {}):
        return w.typeset(str(fields[kind][name]))
    shared = fields.get("any", {})
    parts = name.split("[].")
    for start in range(len(parts)):
        candidate = "[].".join(parts[start:])
        if candidate in shared:
            return w.typeset(str(shared[candidate]))
    return ""


def _conditions(at: _At, w: Words) -> dict[str, str]:
    """Fields an if/then makes required, with the condition in words."""
    found: dict[str, list[str]] = {}
    for layer in _layers(at):
        node = layer.node
        if "if" in node and "then" in node:
            # Each field the condition names: by the values it must have, or by its mere presence.
            rules = node["if"].get("properties", {})
            words = w.raw("data_page.required.and").join(
                w(
                    "data_page.required.value",
                    field=name,
                    values=w.raw("data_page.required.or_value").join(
                        _code(v) for v in rules[name].get("enum", [rules[name].get("const")])
                    ),
                )
                if name in rules
                else w("data_page.required.filled", field=name)
                for name in {**dict.fromkeys(node["if"].get("required", [])), **rules}
            )
            for name in node["then"].get("required", []):
                found.setdefault(name, []).append(words)
    return {
        name: w("data_page.required.when", conditions=w.raw("data_page.required.or_condition").join(conditions))
        for name, conditions in found.items()
    }


def _code(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value)


def _type_words(at: _At, path: FieldPath, references: Mapping[FieldPath, str], w: Words) -> str:
    s = _merged(at)
    if path in references:
        target = references[path]
        shape = SHAPE_WORDS[SHAPES[target]]
        return w("data_page.types.reference", of=w(f"data_page.types.of.{target}"), shape=shape)
    if "enum" in s or "const" in s:
        return w("data_page.types.code")
    kind = s.get("type")
    if kind == "array" or "items" in s:
        limits = []
        if s.get("uniqueItems"):
            limits.append(w("data_page.types.unique"))
        if s.get("minItems"):
            limits.append(w("data_page.types.at_least", count=s["minItems"]))
        inner = _type_words(_where(at, "items"), (*path, "*"), references, w)
        if limits:
            return w("data_page.types.list_limits", limits=", ".join(limits), item=inner)
        return w("data_page.types.list", item=inner)
    if kind == "object" or "properties" in s:
        return w("data_page.types.object")
    if kind == "boolean":
        return w("data_page.types.boolean")
    if kind == "integer":
        return w("data_page.types.integer", minimum=s.get("minimum", "…"), maximum=s.get("maximum", "…"))
    words = w("data_page.types.text_max", max=s["maxLength"]) if "maxLength" in s else w("data_page.types.text")
    if "x-words" in s:
        words = w("data_page.types.expected", words=words, expected=w(f"data_page.expected.{s['x-words']}"))
    return words


def _values(field: Mapping[str, Any], w: Words) -> tuple[tuple[str, str], ...]:
    codes = [str(v) for v in field.get("enum", [field["const"]] if "const" in field else [])]
    # The words the pages show for these codes, when one label table covers them all.
    tables = [w.table(f"labels.{name}") for name in w.raw("labels")]
    table = next((t for t in tables if set(codes) <= set(t)), {})
    return tuple((code, table.get(code, "")) for code in codes)
