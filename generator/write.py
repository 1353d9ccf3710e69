"""Write generated pages into docs/, all or nothing, never touching a page we did not make.

Everything is rendered before this runs. The writer then:

- refuses to overwrite a file it did not create (not in the manifest and without our marker);
- leaves a file alone when its content is unchanged, so `mkdocs serve` does not rebuild forever;
- stages new contents in hidden temporary files next to their targets, then renames them into
  place with SIGINT and SIGTERM held back, so an interrupted run leaves docs/ as it was or
  fully updated;
- removes the pages it made earlier whose record is gone.

The manifest, docs/.generated.json, lists what the generator wrote (MkDocs ignores dot files).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from .errors import Problem

MANIFEST = ".generated.json"
# Written into the front matter of every generated page: the writer never touches a page without it.
MARKER = "briefing-generator"


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


def read_manifest(docs_dir: Path) -> dict[str, str]:
    """Return {path: sha256} of the files the generator wrote last time."""
    try:
        files = json.loads((docs_dir / MANIFEST).read_text(encoding="utf-8")).get("files", {})
    except (OSError, ValueError, AttributeError):
        return {}
    return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}


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


def write_pages(docs_dir: Path, pages: list[Page]) -> Outcome:
    """Bring docs/ in line with `pages`; call find_conflicts first."""
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
    staged = _stage(docs_dir, changed)
    staged[MANIFEST] = _stage_one(docs_dir / MANIFEST, _manifest_bytes(new_manifest))
    with _signals_held():
        for path, temporary in staged.items():
            temporary.replace(docs_dir / path)
        for path in stale:
            (docs_dir / path).unlink(missing_ok=True)
            _remove_empty_parents(docs_dir, docs_dir / path)
    return Outcome(written=sorted(changed), removed=stale, unchanged=unchanged)


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


def _stage(docs_dir: Path, contents: dict[str, bytes]) -> dict[str, Path]:
    staged: dict[str, Path] = {}
    try:
        for path, data in sorted(contents.items()):
            target = docs_dir / path
            if docs_dir.resolve() not in target.resolve().parents:
                raise ValueError(f"refusing to write outside {docs_dir}: {path}")
            target.parent.mkdir(parents=True, exist_ok=True)
            staged[path] = _stage_one(target, data)
    except BaseException:
        for temporary in staged.values():
            temporary.unlink(missing_ok=True)
        raise
    return staged


def _stage_one(target: Path, data: bytes) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
    return Path(name)


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
