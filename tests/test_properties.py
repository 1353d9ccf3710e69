"""Property-based tests: whatever a contributor writes is either built in full or refused cleanly.

For any input, either it is accepted and everything builds (the pages, every export, and for a
few examples the whole site with `mkdocs build --strict` and the scan), or `generate` refuses
it with exit status 1 and `file:line` messages, leaving docs/ byte for byte as it was. Never
exit 2, never a traceback.

Records are drawn from the project's own JSON Schemas (hypothesis-jsonschema), so they pass the
schema and test what comes after it; references are mostly pointed at records that exist, so
that most examples are accepted and go all the way through. The YAML reader gets arbitrary
text and bytes.

`make test` runs a bounded number of examples with a fixed seed (the same examples every run,
so a red CI is reproducible). To look further, set HYPOTHESIS_EXAMPLES, which also draws new
examples each run:  HYPOTHESIS_EXAMPLES=2000 .venv/bin/python -m pytest tests/test_properties.py
What these tests found is kept as explicit cases in tests/cases/ and test_characters.py.
"""

from __future__ import annotations

import contextlib
import copy
import csv
import io
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import feedparser
import hypothesis.strategies as st
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis_jsonschema import from_schema
from icalendar import Calendar

from generator import exports
from generator.characters import forbidden_character
from generator.cli import main
from generator.links import SiteUrls
from generator.load import decode
from generator.pipeline import read_briefing
from generator.schema import SCHEMA_FILES, load_schema
from generator.site import Site
from generator.sitescan import scan_site
from generator.validate import REFERENCES
from generator.yamlsafe import YamlError, parse_document
from tests.conftest import FIXTURE, snapshot
from tests.test_site import build, make_project

EXPLORING = "HYPOTHESIS_EXAMPLES" in os.environ
EXAMPLES = int(os.environ.get("HYPOTHESIS_EXAMPLES", "40"))
PROPERTY = settings(
    max_examples=EXAMPLES,
    derandomize=not EXPLORING,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
KINDS = ["event", "actor", "source", "question", "treaty", "briefing"]
PROBLEM_LINE = re.compile(r"^.+:\d+: .+$")


@cache
def bundled(kind: str, *, clean: bool) -> dict[str, Any]:
    """A kind's schema in one piece (its $refs to common.schema.json made local), lists kept short.

    Short lists only make drawing faster: every list still has as many items as the schema
    requires. A `clean` schema also says what the validator checks beyond the schema (real
    dates, no control or format character), so that most of its records are accepted and go
    all the way through the build; the others test refusals.
    """
    schema = copy.deepcopy(load_schema(SCHEMA_FILES[kind]))
    text = json.dumps(schema).replace('"common.schema.json#/definitions/', '"#/definitions/')
    schema = json.loads(text)
    schema["definitions"] = {**load_schema("common.schema.json")["definitions"], **schema.get("definitions", {})}
    _shorten(schema, clean=clean)
    if clean:
        schema["definitions"]["partial_date"]["pattern"] = REAL_DATE
    return schema


REAL_DATE = "^[12][0-9]{3}(-(0[1-9]|1[0-2])(-(0[1-9]|1[0-9]|2[0-8]))?)?$"


def _shorten(node: Any, *, clean: bool) -> None:
    if isinstance(node, dict):
        if node.get("type") == "array" or "items" in node:
            node.setdefault("maxItems", max(3, node.get("minItems", 0)))
        for value in node.values():
            _shorten(value, clean=clean)
    elif isinstance(node, list):
        for value in node:
            _shorten(value, clean=clean)


@cache
def known_ids() -> dict[str, list[str]]:
    """The ids of the fixture's records, by kind (events: every file, whatever its year)."""
    folders = {"source": "sources", "actor": "actors", "treaty": "treaties", "question": "questions"}
    ids = {kind: sorted(p.stem for p in (FIXTURE / folder).glob("*.yaml")) for kind, folder in folders.items()}
    ids["event"] = sorted(p.stem for p in (FIXTURE / "events").glob("*/*.yaml"))
    return ids


@st.composite
def records(draw: st.DrawFn, kind: str) -> dict[str, Any]:
    """A record of `kind` valid against its schema, its references mostly to existing records."""
    clean = draw(st.integers(0, 4)) > 0
    record: dict[str, Any] = draw(from_schema(bundled(kind, clean=clean)))
    if clean:
        record = _without_refused_characters(record)
    for pattern, target in REFERENCES.get(kind, []):
        ids = known_ids()[target]
        _point(record, pattern, lambda count, ids=ids: draw(_ids(ids, count)))
    if draw(st.integers(0, 3)) == 0:
        record = _spiced(record, draw)
    return record


# Values that have broken, or could break, some output: non-characters, joiners, line breaks at
# the end, years at the edges, impossible days, malformed addresses, markup, numbers of
# thousands of digits, reserved names. Drawn records rarely hold them by chance.
TRICKY = [
    "\uffff", "\ufffe", "\ud800", "\U0010ffff", "\u202e", "\u200b", "\x00", "\x85", "\u2028",
    "👩\u200d💻", "a\u200db", "🏴\U000e0067\U000e0062\U000e007f", "x\n", "x\r\n", "\t",
    "0000", "0999", "1000", "2999", "3000", "9999-12-31", "2024-00", "2024-06-00", "2023-02-29", "2024-02-29",
    "2024\n", "http://[::1", "https://[x]/", "http://x:99999/", "javascript:alert(1)", "https://exemple.org/a b",
    "<script>alert(1)</script>", "[x](javascript:alert(1))", "{: onclick=alert(1) }", "](x)", "<!--", "&#0;",
    "***", "🚀", "-", "1.", "> x", "|", "\\", "`", "#", "con", "index", "9" * 5000, "1e999", "İ", "ǅ", "ß",
]  # fmt: skip


def _spiced(value: Any, draw: st.DrawFn) -> Any:
    """The value with some of its texts replaced by, or holding, a tricky one."""
    if isinstance(value, str):
        choice = draw(st.integers(0, 7))
        if choice == 0:
            return draw(st.sampled_from(TRICKY))
        if choice == 1:
            at = draw(st.integers(0, len(value)))
            return value[:at] + draw(st.sampled_from(TRICKY)) + value[at:]
        return value
    if isinstance(value, list):
        return [_spiced(item, draw) for item in value]
    if isinstance(value, dict):
        return {key: _spiced(item, draw) for key, item in value.items()}
    return value


def _ids(ids: list[str], count: int) -> st.SearchStrategy[list[str]]:
    """`count` different ids, once in a while one that names no record."""
    known = st.lists(st.sampled_from(ids), min_size=count, max_size=count, unique=True)
    return st.integers(0, 29).flatmap(lambda n: st.just(["nowhere"] * count) if n == 0 else known)


def _without_refused_characters(value: Any) -> Any:
    """The value with every character the loader refuses taken out of its texts (drawing texts
    that avoid them, as a pattern, is far slower)."""
    if isinstance(value, str):
        while (found := forbidden_character(value)) is not None:
            value = value[: found[0]] + value[found[0] + 1 :]
        return value or "x"
    if isinstance(value, list):
        return [_without_refused_characters(item) for item in value]
    if isinstance(value, dict):
        return {key: _without_refused_characters(item) for key, item in value.items()}
    return value


def _point(value: Any, pattern: tuple[str | int, ...], pick: Any) -> None:
    """Replace the values at `pattern` ('*': every list item) with pick(how many)."""
    head, rest = pattern[0], pattern[1:]
    if head == "*" and isinstance(value, list):
        if rest:
            for item in value:
                _point(item, rest, pick)
        elif value:
            value[:] = pick(len(value))
    elif head != "*" and isinstance(value, dict) and head in value:
        if rest:
            _point(value[head], rest, pick)
        else:
            value[head] = pick(1)[0]


def place(kind: str, record: dict[str, Any]) -> str:
    """Where the record goes in the data folder, named after its id as a record must be."""
    if kind == "briefing":
        return "briefing.yaml"
    name = _file_name(str(record["id"])) + ".yaml"
    folder = {"source": "sources", "actor": "actors", "treaty": "treaties", "question": "questions"}.get(kind)
    year = _file_name(str(record.get("date", "2024"))[:4])
    return f"{folder}/{name}" if folder else f"events/{year or '_'}/{name}"


_UNNAMEABLE = re.compile(r"[\x00/\ud800-\udfff]")


def _file_name(text: str) -> str:
    """A file name cannot hold every id drawn (NUL, "/", a lone surrogate): such an id then differs
    from its file name, which the validator reports like any mismatch."""
    return _UNNAMEABLE.sub("_", text)


def dump(record: dict[str, Any]) -> str:
    """The record as a contributor could write it: as typed, or with YAML escapes for what no
    UTF-8 file can hold (a lone surrogate, found by the property tests on 2 December 2026)."""
    text = yaml.safe_dump(record, allow_unicode=True, sort_keys=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return yaml.safe_dump(record, allow_unicode=False, sort_keys=False)
    return text


@contextlib.contextmanager
def briefing_copy() -> Iterator[tuple[Path, Path]]:
    """A fresh copy of the fixture briefing (data/) and of the docs/ it generates."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        shutil.copytree(FIXTURE, root / "data")
        shutil.copytree(_fixture_docs(), root / "docs")
        yield root / "data", root / "docs"


@cache
def _fixture_docs() -> Path:
    docs = Path(tempfile.mkdtemp(prefix="fixture-docs-"))
    assert main(["generate", "--data", str(FIXTURE), "--docs", str(docs)]) == 0
    return docs


def generate(data: Path, docs: Path) -> tuple[int, str]:
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
        status = main(["generate", "--data", str(data), "--docs", str(docs)])
    return status, stderr.getvalue()


def assert_built_or_refused(data: Path, docs: Path) -> bool:
    """Generate; return whether the data was accepted, after checking what either outcome must be."""
    before = snapshot(docs)
    status, err = generate(data, docs)
    assert "Traceback" not in err and not err.startswith("internal error"), err
    if status == 1:
        lines = err.splitlines()
        assert lines[-1].endswith("found; nothing was written."), err
        assert all(PROBLEM_LINE.match(line) for line in lines[:-1]), err
        assert snapshot(docs) == before
        return False
    assert status == 0, err
    check_exports(data)
    return True


def check_exports(data: Path) -> None:
    """Every export can be made, and other parsers than the writers read it back."""
    site = Site(read_briefing(data), urls=SiteUrls.at("https://example.org/dossier/"))
    files = {page.path: (page.text or "").encode("utf-8") for page in exports.render_exports(site)}
    dossier = json.loads(files["donnees/dossier.json"])
    for path, content in files.items():
        if path.endswith(".csv"):
            rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))
            assert len(rows) >= 1
    calendar = Calendar.from_ical(files["donnees/evenements.ics"])
    assert len(calendar.walk("VEVENT")) == len(dossier["events"])
    feed = feedparser.parse(files["donnees/flux.xml"])
    assert not feed.bozo, feed.bozo_exception


@pytest.mark.parametrize("kind", KINDS)
def test_any_record_the_schema_accepts_is_built_or_refused_cleanly(kind: str) -> None:
    @PROPERTY
    @given(record=records(kind))
    def check(record: dict[str, Any]) -> None:
        with briefing_copy() as (data, docs):
            target = data / place(kind, record)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(dump(record), encoding="utf-8")
            assert_built_or_refused(data, docs)

    check()


@PROPERTY
@given(st.text())
def test_the_yaml_reader_takes_any_text(text: str) -> None:
    try:
        parse_document(text)
    except YamlError as problem:
        assert problem.line >= 1


@PROPERTY
@given(st.binary(max_size=2000))
def test_the_yaml_reader_takes_any_bytes(raw: bytes) -> None:
    try:
        parse_document(decode(raw))
    except YamlError as problem:
        assert problem.line >= 1


YAMLISH = st.lists(
    st.sampled_from(
        ["id: bordurie\n", "name: ", "kind: state\n", "description: x\n", "- ", "  ", ": ", '"', "'", "\\u202e",
         "&a ", "*a\n", "!!python/name:os.system ", "{", "}", "[", "]", "\n", "\t", "#", "---\n", "…", "\x85", "2024"]
    ) | st.text(max_size=5),
    max_size=30,
).map("".join)  # fmt: skip


@PROPERTY
@given(YAMLISH)
def test_any_actor_file_is_built_or_refused_cleanly(text: str) -> None:
    with briefing_copy() as (data, docs):
        (data / "actors/bordurie.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
        assert_built_or_refused(data, docs)


SITE_EXAMPLES = max(2, EXAMPLES // 20)


def _kind_and_record(kind: str) -> st.SearchStrategy[tuple[str, dict[str, Any]]]:
    return st.tuples(st.just(kind), records(kind))


@settings(PROPERTY, max_examples=SITE_EXAMPLES)
@given(st.lists(st.sampled_from(KINDS[:-1]).flatmap(_kind_and_record), min_size=6, max_size=12))
def test_accepted_records_build_a_whole_site(drawn: list[tuple[str, dict[str, Any]]]) -> None:
    """The records generate accepts, together, make a site that builds strictly and scans clean."""
    with tempfile.TemporaryDirectory() as folder:
        project = make_project(Path(folder))
        data = project / "data"
        for kind, record in drawn:
            target = data / place(kind, record)
            if target.exists():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(dump(record), encoding="utf-8")
            if generate(data, Path(folder) / "trial")[0] != 0:
                target.unlink()  # refused: the other tests check how; keep what is accepted
        result = build(project)
        assert result.returncode == 0, result.stderr
        assert scan_site(project / "site") == []
