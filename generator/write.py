"""Write generated pages into docs/, all or nothing, never touching a page we did not make.

Everything is rendered before this runs. The writer then:

- refuses to overwrite a file it did not create (not in the manifest and without our marker),
  and to write anywhere but inside docs/ (through a linked folder, say);
- leaves a file alone when its content is unchanged, so `mkdocs serve` does not rebuild forever;
- stages new contents in a hidden folder, docs/.generator-staging/, then writes there a journal
  of the renames and removals to make: writing the journal is the moment the update happens.
  The renames and removals follow, with SIGINT and SIGTERM held back. A run killed before the
  journal was written leaves docs/ as it was; one killed after it leaves the journal, and the
  next run carries it out before anything else. Either way no temporary file outlives the next
  run, and that run leaves docs/ exactly as an uninterrupted one would;
- removes the pages it made earlier whose record is gone.

The manifest, docs/.generated.json, lists what the generator wrote (MkDocs ignores dot files).
New files get the permissions the umask allows, like any file the user creates.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import shutil
import signal
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from types import FrameType

from .errors import GeneratorError, Problem

MANIFEST = ".generated.json"
STAGING = ".generator-staging"
JOURNAL = "journal.json"
# Written into the front matter of every generated page: the writer never touches a page without it.
MARKER = "briefing-generator"

# Called with the name of each step of an update once it is done; the fault tests stop the
# process there, to show that every instant of an update is safe to die at.
step_done: Callable[[str], None] | None = None


@dataclass(frozen=True, slots=True)
class Page:
    path: str  # inside docs/, with forward slashes
    text: str | None  # None: the file in docs/ is this page already, as the last run wrote it
    data_file: str  # the record (or folder of records) it shows, for edit links and errors


@dataclass(frozen=True, slots=True)
class Outcome:
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0


@dataclass(frozen=True, slots=True)
class Journal:
    """An update to carry out: staged file -> path in docs/, then paths to remove if still ours."""

    moves: list[tuple[str, str]]
    removals: list[tuple[str, str]]  # (path, the digest the manifest gave it)


def read_manifest(docs_dir: Path) -> dict[str, str]:
    """Return {path: sha256} of the files the generator wrote last time."""
    try:
        files = json.loads((docs_dir / MANIFEST).read_text(encoding="utf-8")).get("files", {})
    except (OSError, ValueError, AttributeError):
        return {}
    if not isinstance(files, dict):
        return {}
    # docs/ is part of the checkout: a path that would lead out of it is not ours, whatever it says.
    return {str(k): str(v) for k, v in files.items() if _inside(str(k))}


def _inside(path: str) -> bool:
    """Whether `path` names a file inside docs/ (outside the staging folder), as written."""
    parts = PurePosixPath(path).parts
    return bool(parts) and not PurePosixPath(path).is_absolute() and ".." not in parts and STAGING not in parts


def is_generated(path: Path) -> bool:
    """Tell whether a page carries the generator's marker in its front matter."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4096).decode("utf-8", errors="replace")
    except OSError:
        return False
    front, _, _ = head.partition("\n---")
    return head.startswith("---") and f"generator: {MARKER}" in front


def _ours(path: Path, digest: str) -> bool:
    """A file we wrote: it has our marker, or it is byte for byte what we wrote."""
    data = _current(path)
    return data is not None and (is_generated(path) or hashlib.sha256(data).hexdigest() == digest)


def find_conflicts(docs_dir: Path, pages: list[Page]) -> list[Problem]:
    """List the pages that would overwrite a file the generator did not make."""
    manifest = read_manifest(docs_dir)
    problems = []
    for page in pages:
        target = docs_dir / page.path
        if page.path in manifest or not (target.exists() or target.is_symlink()) or is_generated(target):
            continue
        record = page.data_file
        problems.append(
            Problem(
                record,
                1,
                "id" if record.endswith(".yaml") else "",
                f"the page {docs_dir.name}/{page.path} exists and was not made by the generator; "
                "rename the record or move that page",
            )
        )
    return problems


def recover(docs_dir: Path) -> None:
    """Carry out the update an interrupted run had committed to, or drop what it had only staged."""
    staging = docs_dir / STAGING
    if not os.path.lexists(staging):
        return
    try:
        if staging.is_symlink() or not staging.is_dir():
            staging.unlink()  # not ours: never follow it
            return
        journal = _read_journal(docs_dir, staging)
        if journal is not None:
            with _signals_held():
                _carry_out(docs_dir, staging, journal)
        shutil.rmtree(staging)
    except OSError as error:
        raise _failed(docs_dir, error, "finishing the update an interrupted run began") from None


def write_pages(docs_dir: Path, pages: list[Page]) -> Outcome:
    """Bring docs/ in line with `pages`; call recover and find_conflicts first."""
    manifest = read_manifest(docs_dir)
    kept = {page.path for page in pages if page.text is None and page.path in manifest}
    wanted = {page.path: _bytes(docs_dir, page) for page in pages if page.path not in kept}
    changed = {path: data for path, data in wanted.items() if _current(docs_dir / path) != data}
    stale = sorted(
        path
        for path, digest in manifest.items()
        if path not in wanted and path not in kept and _ours(docs_dir / path, digest)
    )
    new_manifest = {path: hashlib.sha256(data).hexdigest() for path, data in wanted.items()}
    new_manifest.update((path, manifest[path]) for path in kept)
    new_manifest = dict(sorted(new_manifest.items()))
    unchanged = len(pages) - len(changed)
    if not changed and not stale and new_manifest == manifest:
        return Outcome(unchanged=unchanged)
    for path in changed:
        _check_target(docs_dir, path)
    contents = [*sorted(changed.items()), (MANIFEST, _manifest_bytes(new_manifest))]
    journal = _stage(docs_dir, contents, [(path, manifest[path]) for path in stale])
    try:
        with _signals_held():
            _carry_out(docs_dir, docs_dir / STAGING, journal)
            shutil.rmtree(docs_dir / STAGING)
    except OSError as error:
        raise _failed(docs_dir, error, "updating it; once fixed, run again: it completes the update") from None
    return Outcome(written=sorted(changed), removed=stale, unchanged=unchanged)


def _stage(docs_dir: Path, contents: list[tuple[str, bytes]], removals: list[tuple[str, str]]) -> Journal:
    """Write every new content into the staging folder, then the journal that commits them."""
    staging = docs_dir / STAGING
    try:
        staging.mkdir()
        moves = []
        for index, (path, data) in enumerate(contents):
            name = f"{index:06d}"
            _write_new(staging / name, data)
            moves.append((name, path))
            _done(f"staged {path}")
        journal = Journal(moves, removals)
        _write_new(staging / f".{JOURNAL}", json.dumps({"moves": moves, "removals": removals}).encode())
        (staging / f".{JOURNAL}").rename(staging / JOURNAL)  # the update happens here
        _done("journal")
    except BaseException as error:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(error, OSError):
            raise _failed(docs_dir, error, "staging the new pages; nothing was changed") from None
        raise
    return journal


def _carry_out(docs_dir: Path, staging: Path, journal: Journal) -> None:
    """Make the journal's renames and removals; what is already done is skipped."""
    for name, path in journal.moves:
        source = staging / name
        if os.path.lexists(source):
            target = docs_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            source.replace(target)
        _done(f"moved {path}")
    for path, digest in journal.removals:
        target = docs_dir / path
        if _ours(target, digest):
            target.unlink()
            _remove_empty_parents(docs_dir, target)
        _done(f"removed {path}")


def _read_journal(docs_dir: Path, staging: Path) -> Journal | None:
    """The journal of an interrupted run, or None if it had not got that far.

    docs/ is part of the checkout, so the journal is read as untrusted: it may only name files
    of the staging folder and paths inside docs/ (see _check_target).
    """
    try:
        value = json.loads((staging / JOURNAL).read_text(encoding="utf-8"))
        moves = [(str(name), str(path)) for name, path in value["moves"]]
        removals = [(str(path), str(digest)) for path, digest in value["removals"]]
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError, KeyError) as error:
        raise GeneratorError(f"{docs_dir}/{STAGING}/{JOURNAL} cannot be read ({error}); remove {STAGING}") from None
    for name, path in moves:
        if "/" in name or name.startswith("."):
            raise GeneratorError(f"{docs_dir}/{STAGING}/{JOURNAL} names {name!r}, which is not a staged file")
        _check_target(docs_dir, path)
    for path, _ in removals:
        _check_target(docs_dir, path)
    return Journal(moves, removals)


def _check_target(docs_dir: Path, path: str) -> None:
    """Refuse a path that would write outside docs/, or over a folder."""
    if not _inside(path):
        raise GeneratorError(f"refusing to write {path!r}: not a path inside {docs_dir}")
    folder = docs_dir
    for part in PurePosixPath(path).parts[:-1]:
        folder = folder / part
        if folder.is_symlink():
            raise GeneratorError(
                f"{folder} is a symbolic link to {folder.readlink()}; generated pages are written "
                f"into {docs_dir} itself: replace the link by a folder, or remove it"
            )
        if os.path.lexists(folder) and not folder.is_dir():
            raise GeneratorError(f"{folder} is a file, where generated pages need a folder; move it away")
    if (docs_dir / path).is_dir() and not (docs_dir / path).is_symlink():
        raise GeneratorError(f"{docs_dir / path} is a folder, where a generated page goes; move it away")


def _failed(docs_dir: Path, error: OSError, doing: str) -> GeneratorError:
    reason = error.strerror or str(error)
    where = f" ({error.filename})" if error.filename else ""
    hint = {
        errno.ENOSPC: "free some disk space",
        errno.EDQUOT: "free some disk space",
        errno.EFBIG: "the files are larger than this process may write",
        errno.EACCES: f"make {docs_dir} writable",
        errno.EPERM: f"make {docs_dir} writable",
        errno.EROFS: f"{docs_dir} is on a read-only file system",
    }.get(error.errno or 0)
    return GeneratorError(f"{docs_dir}: {reason}{where} while {doing}" + (f"; {hint}" if hint else ""))


def _done(step: str) -> None:
    if step_done is not None:
        step_done(step)


def _bytes(docs_dir: Path, page: Page) -> bytes:
    if page.text is not None:
        return page.text.encode("utf-8")
    current = _current(docs_dir / page.path)  # kept, but missing from the manifest: read it
    if current is None:
        raise ValueError(f"{page.path} was to be kept as it is, but it is not there")
    return current


def _current(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _write_new(path: Path, data: bytes) -> None:
    """Create `path` with `data`; 0o666 minus the umask, like any file the user makes."""
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)


def _manifest_bytes(files: dict[str, str]) -> bytes:
    return (json.dumps({"generator": MARKER, "files": files}, indent=1, sort_keys=True) + "\n").encode()


def _remove_empty_parents(docs_dir: Path, path: Path) -> None:
    for parent in path.parents:
        if parent == docs_dir or docs_dir not in parent.parents:
            return
        with contextlib.suppress(OSError):
            parent.rmdir()  # only succeeds when empty


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM until the block ends, then deliver them."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[signal.Signals] = []

    def remember(signum: int, _frame: FrameType | None) -> None:
        received.append(signal.Signals(signum))

    previous = {sig: signal.signal(sig, remember) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        for sig in received:
            signal.raise_signal(sig)
