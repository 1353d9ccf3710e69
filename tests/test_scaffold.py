"""`python -m generator new`: where the skeleton goes, its id, and that it guides to a valid record."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.load import load_documents, parse_file
from generator.scaffold import MODELINE_PREFIX, SKELETON_KINDS
from generator.schema import SCHEMA_FILES, check_schema, load_schema
from generator.words import available, words_for
from tests.conftest import Run

# (kind, arguments after the kind, where the file must appear)
NEW = {
    "event": (
        ["--title", "Sommet à Vladivostok : Poutine et Kim", "--date", "2019-04-25"],
        "data/events/2019/2019-04-25-sommet-a-vladivostok-poutine-et-kim.yaml",
    ),
    "actor": (["--title", "Choïgou, Sergueï"], "data/actors/choigou-serguei.yaml"),
    "source": (
        ["--title", "L'accord de pêche est signé", "--date", "2024-03"],
        "data/sources/2024-03-l-accord-de-peche-est-signe.yaml",
    ),
    "question": (
        ["--title", "Les quotas seront-ils respectés ?"],
        "data/questions/les-quotas-seront-ils-respectes.yaml",
    ),
}
# What a fresh skeleton leaves empty, so that `check` lists it: the contributor's to-do list.
TO_FILL = {
    "event": {"status", "summary", "sources[0].source", "sources[0].quote"},
    "actor": {"kind", "description"},
    "source": {"language"},
    "question": {"status", "raised", "context"},
}
# What a contributor would write in each empty value; valid against the fixture briefing.
FILLING = {
    "status": {"event": "occurred", "question": "open"},
    "summary": "Les deux dirigeants se rencontrent.",
    "source": "gazette-2024-03-06",
    "quote": "L'accord a été signé mardi à Port-Sable.",
    "kind": "person",
    "description": "Ministre de la Défense.",
    "language": "fr",
    "raised": "2024-04",
    "context": "Des pêcheurs contestent déjà le partage.",
    "answer": "Pas encore.",
}


@pytest.fixture(params=available())
def language(request: pytest.FixtureRequest, project: Path) -> str:
    """The fixture briefing in each language with a catalogue: skeletons speak the briefing's."""
    tag: str = request.param
    briefing = project / "data" / "briefing.yaml"
    text = briefing.read_text(encoding="utf-8")
    briefing.write_text(re.sub(r"(?m)^language: .*$", f"language: {tag}", text), encoding="utf-8")
    return tag


def head(kind: str, language: str) -> str:
    """The first comment of a skeleton, after its modeline: what the record is, in the language."""
    return "# " + words_for(language).raw(f"skeleton.head.{kind}")


def new(run: Run, kind: str) -> tuple[int, str, str, Path]:
    args, path = NEW[kind]
    status, out, err = run("new", kind, *args)
    return status, out, err, Path(path)


@pytest.mark.parametrize("kind", SKELETON_KINDS)
def test_new_writes_where_the_loader_looks(project: Path, run: Run, kind: str) -> None:
    status, out, err, path = new(run, kind)
    assert (status, err) == (0, "")
    assert out == f'{path.as_posix()}: created; fill in every empty value (""), then run `make check`\n'
    data = parse_file(path).data
    assert isinstance(data, dict)
    assert data["id"] == path.stem


def test_event_id_is_date_then_title_with_accents_folded(project: Path, run: Run) -> None:
    assert run("new", "event", "--title", "Œuvres d'Émile à Pyongyang — déjà vu", "--date", "2023-9")[0] == 1
    status, _out, _err = run("new", "event", "--title", "Œuvres d'Émile à Pyongyang — déjà vu", "--date", "2023-09")
    assert status == 0
    assert Path("data/events/2023/2023-09-oeuvres-d-emile-a-pyongyang-deja-vu.yaml").is_file()


@pytest.mark.parametrize("kind", SKELETON_KINDS)
def test_skeleton_starts_with_the_modeline_and_parses(project: Path, run: Run, kind: str, language: str) -> None:
    path = new(run, kind)[3]
    first, second = path.read_text(encoding="utf-8").splitlines()[:2]
    assert second == head(kind, language)  # in the briefing's language
    assert first.startswith(MODELINE_PREFIX)
    schema = (path.parent / first.removeprefix(MODELINE_PREFIX)).resolve()
    assert schema.name == SCHEMA_FILES[kind]
    assert schema.is_file()
    assert isinstance(parse_file(path).data, dict)
    assert isinstance(parse_file(path, pure=True).data, dict)  # the pure-Python parser agrees


def test_new_never_replaces_a_file(project: Path, run: Run) -> None:
    path = new(run, "event")[3]
    path.write_text("édité à la main\n", encoding="utf-8")
    status, out, err, _ = new(run, "event")
    assert (status, out) == (1, "")
    assert err == f"error: {path.as_posix()} already exists; edit that file, or choose another --title\n"
    assert path.read_text(encoding="utf-8") == "édité à la main\n"
    bordurie = Path("data/actors/bordurie.yaml")
    before = bordurie.read_bytes()
    assert run("new", "actor", "--title", "Bordurie")[0] == 1
    assert bordurie.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["event", "--title", "X"], "a new event needs --date YYYY, YYYY-MM or YYYY-MM-DD: its id starts with it"),
        (["source", "--title", "X"], "a new source needs --date YYYY, YYYY-MM or YYYY-MM-DD: its id starts with it"),
        (["actor", "--title", "X", "--date", "2024"], "an actor has no date; leave out --date"),
        (
            ["event", "--title", "X", "--date", "19/06/2024"],
            "--date: expected YYYY, YYYY-MM or YYYY-MM-DD, got '19/06/2024'",
        ),
        (
            ["event", "--title", "X", "--date", "2024-02-30"],
            "--date: not a real date: 2024-02 has no day 30, got '2024-02-30'",
        ),
        (["actor", "--title", "« ! »"], "the title '« ! »' has no letter or digit to make an id from"),
    ],
)
def test_new_refuses_what_it_cannot_name(project: Path, run: Run, args: list[str], message: str) -> None:
    before = sorted(Path("data").rglob("*"))
    assert run("new", *args) == (1, "", f"error: {message}\n")
    assert sorted(Path("data").rglob("*")) == before


def test_new_needs_a_data_folder(tmp_path: Path, run: Run) -> None:
    status, _out, err = run("new", "actor", "--title", "X", "--data", str(tmp_path / "nope"))
    assert status == 1
    assert err.startswith(f"error: no such data folder: {tmp_path / 'nope'}")


@pytest.mark.parametrize(
    "title", ["Poutine : « non »", "# pas un commentaire", "- pas une liste", "2024", "true", "null", 'dit "oui"']
)
def test_titles_are_written_as_typed(project: Path, run: Run, title: str) -> None:
    assert run("new", "actor", "--title", f"{title} Kim")[0] == 0
    (path,) = Path("data/actors").glob("*kim.yaml")
    data = parse_file(path).data
    assert isinstance(data, dict)
    assert data["name"] == f"{title} Kim"


@pytest.mark.parametrize("kind", SKELETON_KINDS)
def test_check_lists_what_is_left_to_fill(project: Path, run: Run, kind: str, language: str) -> None:
    path = new(run, kind)[3]
    status, _out, err = run("check")
    assert status == 1
    problems = [line for line in err.splitlines() if line.startswith(path.as_posix())]
    fields = {line.split(": ")[1] for line in problems}
    assert fields == TO_FILL[kind], err


@pytest.mark.parametrize("kind", SKELETON_KINDS)
def test_filled_skeleton_passes_check(project: Path, run: Run, kind: str, language: str) -> None:
    path = new(run, kind)[3]
    path.write_text(fill(path.read_text(encoding="utf-8"), kind), encoding="utf-8")
    status, out, err = run("check")
    assert (status, err) == (0, ""), err
    assert out.startswith("data: ok")


@pytest.mark.parametrize("kind", SKELETON_KINDS)
def test_skeleton_shows_every_field_of_the_schema_with_valid_examples(
    project: Path, run: Run, kind: str, language: str
) -> None:
    """Uncommenting every optional field gives a record with exactly the schema's fields, all valid."""
    path = new(run, kind)[3]
    path.write_text(fill(uncomment(path.read_text(encoding="utf-8")), kind), encoding="utf-8")
    parsed = parse_file(path)
    assert isinstance(parsed.data, dict)
    assert set(data_fields(parsed.data)) == set(schema_fields(SCHEMA_FILES[kind]))
    # Only the schema: the examples name records of the real briefing, not of the test fixture.
    (document,) = [d for d in load_documents(Path("data")).documents if d.path == path]
    assert check_schema(document) == []


@pytest.mark.parametrize("kind", SKELETON_KINDS)
def test_skeleton_explains_every_allowed_value(project: Path, run: Run, kind: str, language: str) -> None:
    text = new(run, kind)[3].read_text(encoding="utf-8")
    for field, values in schema_enums(SCHEMA_FILES[kind]):
        for value in values:
            assert re.search(rf"\b{value}\b", text), f"{kind}: {field} value '{value}' is not explained"


def fill(text: str, kind: str) -> str:
    """Replace each empty value ("") the way a contributor would, line by line."""

    def value(match: re.Match[str]) -> str:
        wanted = FILLING[match["field"]]
        chosen = wanted[kind] if isinstance(wanted, dict) else wanted
        return f'{match["key"]}"{chosen}"'

    return re.sub(r'(?P<key>^\s*(?:- )?(?P<field>[a-z_]+): )""', value, text, flags=re.MULTILINE)


def uncomment(text: str) -> str:
    """Turn every commented-out field (`# field: …`, `#   - field: …`) into a real one."""
    return re.sub(r"^(\s*)# (?=\s*(?:- )?[a-z_]+:(?: |$))", r"\1", text, flags=re.MULTILINE)


def data_fields(value: Any, at: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every field path in a record; list items are '*'."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*at, key)
            yield from data_fields(item, (*at, key))
    elif isinstance(value, list):
        for item in value:
            yield from data_fields(item, (*at, "*"))


def schema_fields(name: str) -> Iterator[tuple[str, ...]]:
    """Every field path the schema defines, following $ref, allOf and items."""
    for path, node in _schema_nodes(load_schema(name), name):
        for key in node.get("properties", {}):
            yield (*path, key)


def schema_enums(name: str) -> Iterator[tuple[tuple[str, ...], list[str]]]:
    for path, node in _schema_nodes(load_schema(name), name):
        if "enum" in node:
            yield path, node["enum"]


def _schema_nodes(node: dict[str, Any], base: str, at: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    while "$ref" in node:
        file, _, pointer = node["$ref"].partition("#")
        base = file or base
        node = load_schema(base)
        for part in pointer.strip("/").split("/"):
            node = node[part]
    yield at, node
    for key, sub in node.get("properties", {}).items():
        yield from _schema_nodes(sub, base, (*at, key))
    if "items" in node:
        yield from _schema_nodes(node["items"], base, (*at, "*"))
    for sub in node.get("allOf", []):
        yield from _schema_nodes(sub, base, at)


def test_without_a_briefing_the_skeleton_is_english(tmp_path: Path, run: Run) -> None:
    """A skeleton may be written before briefing.yaml exists: it then speaks English."""
    data = tmp_path / "data"
    data.mkdir()
    status, _out, err = run("new", "actor", "--title", "José Nuñez", "--data", str(data))
    assert (status, err) == (0, "")
    lines = (data / "actors" / "jose-nunez.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[1] == head("actor", "en")
    assert words_for("en").raw("skeleton.actor.kind").splitlines()[0] in lines[lines.index('kind: ""') - 2]


@pytest.mark.parametrize(("written", "spoken"), [("en", "en"), ("en-GB", "en"), ("xx", "en"), ("fr", "fr")])
def test_the_skeleton_speaks_the_briefings_language(tmp_path: Path, run: Run, written: str, spoken: str) -> None:
    """`language: en` gives English comments; a language with no catalogue falls back to English."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "briefing.yaml").write_text(f"title: T\nlanguage: {written}\n", encoding="utf-8")
    assert run("new", "question", "--title", "Who pays?", "--data", str(data))[0] == 0
    lines = (data / "questions" / "who-pays.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[1] == head("question", spoken)
