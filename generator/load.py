"""Find the data files of a briefing and read each one into plain values, defensively."""

from __future__ import annotations

import codecs
import errno
import os
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
# Control, zero-width and bidirectional characters: invisible, they can make text read
# differently from what it is ("Trojan Source").
INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
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
    escapes: bool  # the text has backslashes: quoted values may hold escaped invisible characters

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


# Where each kind of record lives: (folders, file name pattern) relative to the data folder.
_FOLDERS = {"sources": "source", "actors": "actor", "treaties": "treaty", "questions": "question"}


def find_files(data_dir: Path) -> tuple[list[tuple[str, Path]], list[Problem]]:
    """List (kind, path) for every data file, and the YAML files or links that are out of place."""
    found: list[tuple[str, Path]] = []
    problems: list[Problem] = []
    base = display_path(data_dir)
    for folder, dirs, names in os.walk(data_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        parts = Path(folder).relative_to(data_dir).parts
        for name in sorted(dirs):
            if Path(folder, name).is_symlink():
                where = "/".join((base, *parts, name))
                problems.append(Problem(where, 1, "", "symbolic links are not accepted; commit the folder itself"))
        for name in sorted(names):
            if name.startswith(".") or not name.endswith((".yaml", ".yml")):
                continue
            kind = _kind_of((*parts, name))
            if kind is None:
                where = "/".join((base, *parts, name))
                problems.append(Problem(where, 1, "", _misplaced_hint(name, data_dir)))
            else:
                found.append((kind, Path(folder, name)))
    order = list(KINDS)
    found.sort(key=lambda item: (order.index(item[0]), item[1]))
    return found, problems


def _kind_of(parts: tuple[str, ...]) -> str | None:
    if not parts[-1].endswith(".yaml"):
        return None
    if parts == ("briefing.yaml",):
        return "briefing"
    if len(parts) == 2 and parts[0] in _FOLDERS:
        return _FOLDERS[parts[0]]
    if len(parts) == 3 and parts[0] == "events":
        return "event"
    return None


def _misplaced_hint(name: str, data_dir: Path) -> str:
    if name.endswith(".yml"):
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
    base = display_path(data_dir)
    top = data_dir.resolve().name
    for kind, path in files:
        relative = path.relative_to(data_dir).as_posix()
        display = f"{base}/{relative}"
        try:
            parsed, escapes = _parse_and_flag(path)
        except YamlError as problem:
            problems.append(Problem(display, problem.line, "", problem.message))
            continue
        if not isinstance(parsed.data, dict):
            problems.append(Problem(display, 1, "", "expected the fields of one record (lines of 'field: value')"))
            continue
        data_file = f"{top}/{relative}"
        documents.append(Document(kind, path, display, data_file, parsed.data, parsed.lines, parsed.typed, escapes))
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


def _parse_and_flag(path: Path) -> tuple[Parsed, bool]:
    text = read_text(path)
    return parse_document(text), "\\" in text


def read_text(path: Path) -> str:
    """Return a data file's text, or raise YamlError for anything we will not parse."""
    try:  # O_NOFOLLOW: a link is refused when opened, not only when looked at beforehand
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise YamlError(1, "symbolic links are not accepted; commit the file itself") from None
        raise
    with os.fdopen(handle, "rb") as stream:
        size = os.fstat(stream.fileno()).st_size
        if size > MAX_BYTES:
            raise YamlError(1, f"the file is {size // 1024} KiB; the limit is {MAX_BYTES // 1024} KiB per record")
        raw = stream.read()
    if raw.startswith(_OTHER_BOMS):
        raise YamlError(1, "the file is saved as UTF-16 or UTF-32; save it as UTF-8")
    raw = raw.removeprefix(codecs.BOM_UTF8)  # harmless, some editors add it
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise YamlError(line, f"not UTF-8 text (byte 0x{raw[error.start]:02x}); save the file as UTF-8") from None
    match = _TAB_INDENT.search(text)
    if match:
        raise YamlError(text.count("\n", 0, match.start()) + 1, "a tab is used for indentation; YAML needs spaces")
    match = INVISIBLE.search(text)
    if match:
        line = text.count("\n", 0, match.start()) + 1
        raise YamlError(line, f"the invisible character U+{ord(match.group()):04X} is not allowed; remove it")
    return text
