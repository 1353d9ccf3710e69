"""Find the data files of a briefing and read each one into plain values, defensively."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import Problem
from .yamlsafe import Parsed, Value, YamlError, parse_document
from .yamlsafe import Path as ValuePath

MAX_BYTES = 256 * 1024

# kind -> where its files live, relative to the data folder.
KINDS: dict[str, str] = {
    "briefing": "briefing.yaml",
    "source": "sources/*.yaml",
    "actor": "actors/*.yaml",
    "event": "events/*/*.yaml",
    "treaty": "treaties/*.yaml",
    "question": "questions/*.yaml",
}

_TAB_INDENT = re.compile(r"^ *\t", re.MULTILINE)
# Bidirectional controls can make text read differently from what it is ("Trojan Source").
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_OTHER_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@dataclass(frozen=True, slots=True)
class Document:
    """One data file: its kind, where it is, its values and the line of each value."""

    kind: str
    path: Path
    display: str
    data_file: str  # path from the folder that holds the data folder: data/events/2024/x.yaml
    data: dict[str, Value]
    lines: dict[ValuePath, int]
    typed: dict[ValuePath, str]  # see yamlsafe.Parsed.typed

    @property
    def stem(self) -> str:
        return self.path.stem

    def line(self, path: ValuePath) -> int:
        """Return the line of the value at `path`, or of its nearest enclosing value."""
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)


def display_path(path: Path) -> str:
    """Name a file relative to the working folder when it is inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def find_files(data_dir: Path) -> tuple[list[tuple[str, Path]], list[Problem]]:
    """List (kind, path) for every data file, and the YAML files that are out of place."""
    found: list[tuple[str, Path]] = []
    placed: set[Path] = set()
    for kind, pattern in KINDS.items():
        for path in sorted(data_dir.glob(pattern)):
            found.append((kind, path))
            placed.add(path)
    problems = [
        Problem(display_path(path), 1, "", _misplaced_hint(path, data_dir))
        for path in sorted(data_dir.rglob("*"))
        if path.suffix in (".yaml", ".yml") and path not in placed and not _hidden(path, data_dir)
    ]
    return found, problems


def _hidden(path: Path, data_dir: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(data_dir).parts)


def _misplaced_hint(path: Path, data_dir: Path) -> str:
    if path.suffix == ".yml":
        return "data files end in .yaml, not .yml; rename the file"
    places = ", ".join(f"{data_dir.name}/{pattern}" for pattern in KINDS.values())
    return f"this file is not where any record goes; expected one of: {places}"


@dataclass(frozen=True, slots=True)
class Loaded:
    documents: list[Document]
    problems: list[Problem]
    known: dict[str, set[str]]  # the id (file name) of every record file found, readable or not, by kind


def load_documents(data_dir: Path) -> Loaded:
    """Read every data file under `data_dir`, keeping the problems found for later."""
    files, problems = find_files(data_dir)
    documents: list[Document] = []
    for kind, path in files:
        display = display_path(path)
        try:
            parsed = parse_file(path)
        except YamlError as problem:
            problems.append(Problem(display, problem.line, "", problem.message))
            continue
        if not isinstance(parsed.data, dict):
            problems.append(Problem(display, 1, "", "expected the fields of one record (lines of 'field: value')"))
            continue
        data_file = path.resolve().relative_to(data_dir.resolve().parent).as_posix()
        documents.append(Document(kind, path, display, data_file, parsed.data, parsed.lines, parsed.typed))
    if not any(kind == "briefing" for kind, _ in files):
        missing = display_path(data_dir / "briefing.yaml")
        problems.append(Problem(missing, 1, "", "missing: every briefing needs a briefing.yaml"))
    known: dict[str, set[str]] = {kind: set() for kind in KINDS}
    for kind, path in files:
        known[kind].add(path.stem)
    return Loaded(documents, problems, known)


def parse_file(path: Path, *, pure: bool = False) -> Parsed:
    """Read and parse one file, refusing what could hurt or mislead; raise YamlError."""
    return parse_document(read_text(path), pure=pure)


def read_text(path: Path) -> str:
    """Return a data file's text, or raise YamlError for anything we will not parse."""
    if path.is_symlink():
        raise YamlError(1, "symbolic links are not accepted; commit the file itself")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise YamlError(1, f"the file is {size // 1024} KiB; the limit is {MAX_BYTES // 1024} KiB per record")
    raw = path.read_bytes()
    if raw.startswith(_OTHER_BOMS):
        raise YamlError(1, "the file is saved as UTF-16 or UTF-32; save it as UTF-8")
    raw = raw.removeprefix(codecs.BOM_UTF8)  # harmless, some editors add it
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise YamlError(line, f"not UTF-8 text (byte 0x{raw[error.start]:02x}); save the file as UTF-8") from None
    for pattern, message in (
        (_TAB_INDENT, "a tab is used for indentation; YAML needs spaces"),
        (_BIDI, "an invisible bidirectional control character is not allowed; remove it"),
    ):
        match = pattern.search(text)
        if match:
            raise YamlError(text.count("\n", 0, match.start()) + 1, message)
    return text
