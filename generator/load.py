"""Find the data files of a briefing and read each one into plain values, defensively."""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .characters import describe, forbidden_character
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
_OTHER_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


FileKey = tuple[int, int, int, int]  # (mtime_ns, ctime_ns, inode, size): see file_key
# A file changed less than this before it was looked at may change again within the same tick
# of the file system's clock (a few milliseconds; more on network file systems whose clock is
# not ours), keeping its key: its key is not trusted next time, its bytes are.
RACY_NS = 1_000_000_000


def racy_ns() -> int:
    return RACY_NS  # read at each call, so that tests can make every file look old


@dataclass(frozen=True, slots=True)
class Cached:
    """A record as a previous run kept it, once it had passed its own checks."""

    kind: str
    stat: FileKey | None  # None: read the file and compare its digest
    digest: str
    data: dict[str, Value]
    typed: dict[ValuePath, str]
    escapes: bool


@dataclass(frozen=True, slots=True)
class Document:
    """One data file: its kind, where it is, its values and the line of each value."""

    kind: str
    path: Path
    display: str
    data_file: str  # path from the folder that holds the data folder: data/events/2024/x.yaml
    data: dict[str, Value]
    lines: dict[ValuePath, int]  # empty for a record from the cache until a line is asked for
    typed: dict[ValuePath, str]  # see yamlsafe.Parsed.typed
    escapes: bool  # the text has backslashes: quoted values may hold escaped invisible characters
    digest: str  # of the file's bytes
    stat: FileKey  # when it was read
    fresh: bool  # read from the file in this run, not from the cache

    @property
    def stem(self) -> str:
        return self.path.stem

    @property
    def relative(self) -> str:
        """The path inside the data folder: events/2024/x.yaml."""
        return self.data_file.split("/", 1)[1]

    def line(self, path: ValuePath) -> int:
        """Return the line of the value at `path`, or of its nearest enclosing value."""
        if not self.lines:  # a cached record: lines are only needed to report a problem
            self.lines.update(parse_file(self.path).lines)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)

    def to_cache(self, looked_at_ns: int) -> Cached:
        """The record to remember; `looked_at_ns`: when its file's key was read."""
        trusted = self.stat[1] < looked_at_ns - racy_ns()
        return Cached(self.kind, self.stat if trusted else None, self.digest, self.data, self.typed, self.escapes)


def display_path(path: Path) -> str:
    """Name a file relative to the working folder when it is inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


# Where each kind of record lives: (folders, file name pattern) relative to the data folder.
_FOLDERS = {"sources": "source", "actors": "actor", "treaties": "treaty", "questions": "question"}


@dataclass(frozen=True, slots=True)
class DataFile:
    kind: str
    relative: str  # inside the data folder, with forward slashes: events/2024/x.yaml
    path: Path
    stat: FileKey  # of the file itself, even if it is a link


def scan(data_dir: Path) -> tuple[list[DataFile], list[Problem]]:
    """List every data file with its kind and stat, and every other file, which is reported.

    Nothing under the data folder is silently skipped: a record saved as x.YAML, .x.yaml or
    x.yaml.txt would otherwise be missing from the site with no word said.
    """
    found: list[DataFile] = []
    problems: list[Problem] = []
    base = display_path(data_dir)
    # os.scandir and plain strings: this runs over thousands of files on every run, even when
    # nothing changed, and pathlib costs more than the walk itself.
    pending: list[tuple[str, tuple[str, ...]]] = [(str(data_dir), ())]
    while pending:
        folder, parts = pending.pop()
        with os.scandir(folder) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                name = entry.name
                where = (*parts, name)
                if entry.is_dir(follow_symlinks=False):
                    if name.startswith("."):
                        problems.append(_misplaced(base, where, "a hidden folder: nothing in it is read; remove it"))
                    else:
                        pending.append((entry.path, where))
                elif entry.is_symlink() and entry.is_dir():
                    problems.append(_misplaced(base, where, "symbolic links are not accepted; commit the folder"))
                elif name not in IGNORED_FILES and not _EDITOR_LEFTOVER.search(name):
                    kind = _kind_of(where)
                    if kind is None:
                        problems.append(_misplaced(base, where, _misplaced_hint(name, data_dir)))
                    else:
                        key = file_key(entry.stat(follow_symlinks=False))
                        found.append(DataFile(kind, "/".join(where), Path(entry.path), key))
    order = {kind: index for index, kind in enumerate(KINDS)}
    found.sort(key=lambda item: (order[item.kind], item.relative))
    return found, sorted(problems)


# Files that systems and editors leave beside the records, never records themselves.
IGNORED_FILES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini", ".gitkeep"})
_EDITOR_LEFTOVER = re.compile(r"^\.?#|~$|^\..*\.sw[a-p]$")  # emacs #x#, .#x, x~; vim .x.swp


def file_key(status: os.stat_result) -> FileKey:
    """What tells that a file may have changed without reading it.

    The change time (ctime) is set by the system on every write and cannot be set back by
    `touch -r`, `cp -p`, `rsync -t` or `tar`, which restore the modification time; with the
    inode and the size, an edit always shows.
    """
    return (status.st_mtime_ns, status.st_ctime_ns, status.st_ino, status.st_size)


def _kind_of(parts: tuple[str, ...]) -> str | None:
    name = parts[-1]
    if not name.endswith(".yaml") or name.startswith("."):
        return None
    if parts == ("briefing.yaml",):
        return "briefing"
    if len(parts) == 2 and parts[0] in _FOLDERS:
        return _FOLDERS[parts[0]]
    if len(parts) == 3 and parts[0] == "events":
        return "event"
    return None


def _misplaced(base: str, parts: tuple[str, ...], message: str) -> Problem:
    return Problem("/".join((base, *parts)), 1, "", message)


def _misplaced_hint(name: str, data_dir: Path) -> str:
    if name.startswith("."):
        return "a hidden file: records are not hidden; rename it without the leading dot, or remove it"
    if name.endswith(".yml"):
        return "data files end in .yaml, not .yml; rename the file"
    if name.lower().endswith((".yaml", ".yml")) and not name.endswith(".yaml"):
        return "data files end in .yaml, in lowercase; rename the file"
    if not name.endswith(".yaml"):
        return "not a data file: only .yaml records go in the data folder; move it out"
    places = ", ".join(f"{data_dir.name}/{pattern}" for pattern in KINDS.values())
    return f"this file is not where any record goes; expected one of: {places}"


@dataclass(frozen=True, slots=True)
class Loaded:
    documents: list[Document]
    problems: list[Problem]
    known: dict[str, set[str]]  # the id (file name) of every record file found, readable or not, by kind


def load_documents(
    data_dir: Path,
    cached: Mapping[str, Cached] | None = None,
    *,
    scanned: tuple[list[DataFile], list[Problem]] | None = None,
) -> Loaded:
    """Read every data file under `data_dir`, keeping the problems found for later.

    A file whose key (see file_key), or failing that whose bytes, match a record in `cached`
    (keyed by its path in the data folder) is taken from there instead of being parsed.
    """
    files, problems = scanned or scan(data_dir)
    problems = list(problems)
    documents: list[Document] = []
    base = display_path(data_dir)
    top = data_dir.resolve().name
    cached = cached or {}
    for file in files:
        display = f"{base}/{file.relative}"
        try:
            documents.append(_load(file, display, f"{top}/{file.relative}", cached.get(file.relative)))
        except YamlError as problem:
            problems.append(Problem(display, problem.line, "", problem.message))
    if not any(file.kind == "briefing" for file in files):
        missing = display_path(data_dir / "briefing.yaml")
        problems.append(Problem(missing, 1, "", "missing: every briefing needs a briefing.yaml"))
    known: dict[str, set[str]] = {kind: set() for kind in KINDS}
    for file in files:
        known[file.kind].add(file.path.stem)
    return Loaded(documents, problems, known)


def _load(file: DataFile, display: str, data_file: str, hit: Cached | None) -> Document:
    kind, path, key = file.kind, file.path, file.stat
    if hit is not None and hit.kind == kind and hit.stat == key:
        return Document(kind, path, display, data_file, hit.data, {}, hit.typed, hit.escapes, hit.digest, key, False)
    raw = read_bytes(path)
    digest = hashlib.sha1(raw, usedforsecurity=False).hexdigest()
    if hit is not None and hit.kind == kind and hit.digest == digest:  # touched, not changed
        return Document(kind, path, display, data_file, hit.data, {}, hit.typed, hit.escapes, digest, key, False)
    text = decode(raw)
    parsed = parse_document(text)
    if not isinstance(parsed.data, dict):
        raise YamlError(1, "expected the fields of one record (lines of 'field: value')")
    return Document(
        kind, path, display, data_file, parsed.data, parsed.lines, parsed.typed, "\\" in text, digest, key, True
    )


def parse_file(path: Path, *, pure: bool = False) -> Parsed:
    """Read and parse one file, refusing what could hurt or mislead; raise YamlError."""
    return parse_document(read_text(path), pure=pure)


def read_text(path: Path) -> str:
    """Return a data file's text, or raise YamlError for anything we will not parse."""
    return decode(read_bytes(path))


def read_bytes(path: Path) -> bytes:
    """Return a data file's bytes; refuse links, what is not a plain file, and files over the size limit."""
    try:  # O_NOFOLLOW: a link is refused when opened, not only when looked at beforehand
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise YamlError(1, "symbolic links are not accepted; commit the file itself") from None
        raise YamlError(1, f"the file cannot be read: {error.strerror}") from None
    with os.fdopen(handle, "rb") as stream:
        status = os.fstat(stream.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise YamlError(1, "not a plain file; a record is a text file")
        if status.st_size > MAX_BYTES:
            size = status.st_size // 1024
            raise YamlError(1, f"the file is {size} KiB; the limit is {MAX_BYTES // 1024} KiB per record")
        try:
            return stream.read(MAX_BYTES + 1)
        except OSError as error:
            raise YamlError(1, f"the file cannot be read: {error.strerror}") from None


def decode(raw: bytes) -> str:
    """Return the text of a data file, or raise YamlError for anything we will not parse."""
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
    found = forbidden_character(text)
    if found:
        index, char = found
        raise YamlError(text.count("\n", 0, index) + 1, f"{describe(char)} is not allowed; remove it")
    return text
