"""Skeletons of new records: `python -m generator new event|actor|source|question`.

A skeleton shows every field of its kind (templates/scaffold/) with a comment in the briefing's
language, from the `skeleton` section of its catalogue (generator/locales/). It never
guesses a fact: what only the contributor can know (a status, a summary, a source and its quote)
is left empty, so that `check` lists each such field with its line until it is filled, and a
half-finished file cannot pass for a finished one. Optional fields are shown commented out.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from .dates import PartialDate
from .errors import GeneratorError
from .load import KINDS, display_path
from .schema import SCHEMA_DIR, SCHEMA_FILES
from .slug import slugify
from .yamlsafe import YamlError, parse_document

TEMPLATE_DIR = Path(__file__).parent / "templates" / "scaffold"
if TYPE_CHECKING:
    import jinja2

SKELETON_KINDS = ("event", "actor", "source", "question")
MODELINE_PREFIX = "# yaml-language-server: $schema="

# Whether `--date` is needed: an event's id and folder start with its date, a source's id with its
# publication date; a question's date raised is optional; an actor has no date.
_DATE_USE = {"event": "required", "source": "required", "question": "optional", "actor": "refused"}


@dataclass(frozen=True, slots=True)
class Skeleton:
    kind: str
    record_id: str
    path: Path
    text: str


def create(kind: str, title: str, date: str | None, data_dir: Path) -> Path:
    """Write the skeleton of a new record and return its path; never replace a file."""
    skeleton = plan(kind, title, date, data_dir)
    skeleton.path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with skeleton.path.open("x", encoding="utf-8", newline="\n") as file:  # "x": fail if it exists
            file.write(skeleton.text)
    except FileExistsError:
        raise _exists(skeleton.path) from None
    return skeleton.path


def plan(kind: str, title: str, date: str | None, data_dir: Path) -> Skeleton:
    """Work out the id, path and text of a new record, or raise GeneratorError."""
    if kind not in SKELETON_KINDS:
        raise GeneratorError(f"no skeleton for '{kind}'; expected one of: {', '.join(SKELETON_KINDS)}")
    if not data_dir.is_dir():
        raise GeneratorError(f"no such data folder: {data_dir} (run from the project folder, or give --data)")
    title = " ".join(title.split())  # one line: newlines and runs of spaces become single spaces
    iso = _check_date(kind, date)
    record_id = make_id(kind, title, iso)
    path = record_path(kind, record_id, data_dir, iso)
    if path.exists():
        raise _exists(path)
    values = {"id": record_id, "title": title, "date": iso or ""}
    text = modeline(kind, path) + "\n" + _render(kind, values, _language(data_dir))
    return Skeleton(kind, record_id, path, text)


def make_id(kind: str, title: str, iso_date: str | None) -> str:
    """'2024-06-19' and 'Signature du traité' give '2024-06-19-signature-du-traite'."""
    words = slugify(title)
    if not words:
        raise GeneratorError(f"the title {title!r} has no letter or digit to make an id from")
    return f"{iso_date}-{words}" if iso_date and kind in ("event", "source") else words


def record_path(kind: str, record_id: str, data_dir: Path, iso_date: str | None) -> Path:
    """Where load.py looks for a record of this kind: events/<year>/<id>.yaml, actors/<id>.yaml…"""
    pattern = KINDS[kind].replace("*.yaml", f"{record_id}.yaml")
    if "*" in pattern:  # the year folder of events
        assert iso_date is not None
        pattern = pattern.replace("*", iso_date[:4])
    return data_dir / pattern


def modeline(kind: str, path: Path) -> str:
    """The first line of a data file: tells yaml-language-server which schema checks it."""
    schema = SCHEMA_DIR / SCHEMA_FILES[kind]
    try:
        target = Path(os.path.relpath(schema.resolve(), path.parent.resolve())).as_posix()
    except ValueError:  # on another drive (Windows): no relative path exists
        target = schema.resolve().as_uri()
    return MODELINE_PREFIX + target


def _check_date(kind: str, date: str | None) -> str | None:
    use = _DATE_USE[kind]
    if date is None:
        if use == "required":
            raise GeneratorError(f"a new {kind} needs --date YYYY, YYYY-MM or YYYY-MM-DD: its id starts with it")
        return None
    if use == "refused":
        raise GeneratorError(f"an {kind} has no date; leave out --date")
    try:  # the same reading as the validator's
        return PartialDate.parse(date).iso
    except ValueError as error:
        raise GeneratorError(f"--date: {error}, got {date!r}") from None


def _exists(path: Path) -> GeneratorError:
    return GeneratorError(f"{display_path(path)} already exists; edit that file, or choose another --title")


def yaml_scalar(value: str) -> str:
    """Write `value` bare when YAML reads it back unchanged (ids, dates), else double-quoted."""
    try:
        if parse_document(f"v: {value}\n").data == {"v": value}:
            return value
    except YamlError:
        pass
    return quoted(value)


def quoted(value: str) -> str:
    """A double-quoted YAML scalar; JSON's string syntax is a subset of it."""
    return json.dumps(value, ensure_ascii=False)


def _language(data_dir: Path) -> str:
    """The briefing's language when briefing.yaml names one that has a catalogue, else English:
    a skeleton is written before the briefing is right, so nothing here may fail."""
    from .words import MissingCatalogueError, words_for

    try:
        data = parse_document((data_dir / "briefing.yaml").read_text(encoding="utf-8")).data
        language = data.get("language") if isinstance(data, dict) else None
        if isinstance(language, str):
            words_for(language)
            return language
    except (OSError, UnicodeDecodeError, YamlError, MissingCatalogueError):
        pass
    return "en"


@cache
def _environment() -> jinja2.Environment:
    import jinja2  # here: the command line lists the kinds above without loading Jinja

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=False,  # YAML, not HTML: each value goes through the yaml or quoted filter instead
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["yaml"] = yaml_scalar
    env.filters["quoted"] = quoted
    return env


def _render(kind: str, values: dict[str, str], language: str) -> str:
    from .words import words_for

    words = words_for(language)

    def say(key: str, indent: int = 0) -> str:
        """A catalogue text as YAML comment lines: "# " before each, the indent before that."""
        lines = str(words.raw(f"skeleton.{key}")).splitlines()
        return "\n".join(" " * indent + ("# " + line if line else "#") for line in lines)

    return _environment().get_template(f"{kind}.yaml.j2").render(values, say=say, w=words.plain())
