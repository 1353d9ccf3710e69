"""Pagefind's index of the records, written where the site serves it (site/pagefind/), and the
check that nothing but Pagefind's own files is there.

The binary is the one inside the pinned wheel `pagefind-bin` (requirements.txt): found through
that package, never on the PATH, never downloaded. Pagefind's Python API would spare writing the
records as files, but its client waits a tenth of a second for each answer: 10,000 records would
take a quarter of an hour, where the binary reading a folder takes seconds.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import GeneratorError
from .records import Record

INDEX_DIR = "pagefind"
# What Pagefind writes that the site does not serve: its own search interfaces (the Default UI
# runs HTML found in a filter value as HTML) and its highlighting script.
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)
# The code Pagefind writes, the same bytes for every site of one Pagefind version (checked
# against a fresh run), and its data, named by content hashes and fetched, never run.
_CODE = re.compile(r"pagefind\.js|pagefind-worker\.js|wasm\.[a-z0-9_-]+\.pagefind")
_DATA = re.compile(
    r"pagefind-entry\.json|pagefind\.[a-z0-9_-]+\.pf_meta"
    r"|index/[a-z0-9_-]+\.pf_index|fragment/[a-z0-9_-]+\.pf_fragment|filter/[a-z0-9_-]+\.pf_filter"
)
RECORDS_PER_FOLDER = 1000  # a scratch folder of 10,000 files is slow to list on some file systems


@dataclass(frozen=True, slots=True)
class IndexStats:
    records: int
    seconds: float
    bytes: int
    files: int


def pagefind_binary() -> Path:
    try:
        from pagefind_bin import get_executable  # type: ignore[import-untyped]
    except ImportError:
        raise GeneratorError("Pagefind is not installed: run `make build`, which installs requirements.txt") from None
    binary: Path = get_executable()
    return binary


def build_index(items: Iterable[Record], site_dir: Path) -> IndexStats:
    """Index `items` into site_dir/pagefind/, replacing the index there only once the new one is whole."""
    started = time.perf_counter()
    target = site_dir / INDEX_DIR
    # Dot folders: MkDocs copies none into a site, should the preview's docs/ hold them a moment.
    fresh, old = site_dir / f".{INDEX_DIR}-new", site_dir / f".{INDEX_DIR}-old"
    for leftover in (fresh, old):  # an interrupted run's
        shutil.rmtree(leftover, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="briefing-search-") as scratch:
        count = _write_records(items, Path(scratch))
        _run_pagefind(Path(scratch), fresh)
    for name in UNUSED:
        (fresh / name).unlink(missing_ok=True)
    if target.exists():
        target.rename(old)
    fresh.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    files = [path for path in target.rglob("*") if path.is_file()]
    return IndexStats(count, time.perf_counter() - started, sum(p.stat().st_size for p in files), len(files))


def _write_records(items: Iterable[Record], folder: Path) -> int:
    count = 0
    for count, record in enumerate(items, start=1):
        sub = folder / f"{count // RECORDS_PER_FOLDER:04d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{count:06d}.html").write_text(record.html, encoding="utf-8")
    return count


def _run_pagefind(records: Path, output: Path) -> None:
    command = [str(pagefind_binary()), "--site", str(records), "--output-path", str(output.resolve())]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise GeneratorError(f"Pagefind failed (exit status {done.returncode}):\n{done.stdout}{done.stderr}")


def foreign_files(index: Path) -> list[tuple[str, str]]:
    """The files of an index folder that Pagefind did not write, each with why: (path, reason)."""
    found = sorted(path for path in index.rglob("*") if not path.is_dir() or path.is_symlink())
    names = {path.relative_to(index).as_posix(): path for path in found}
    code = {name for name in names if _CODE.fullmatch(name)}
    reference = _reference_code({name.split(".")[1] for name in code if name.startswith("wasm.")})
    foreign = []
    for name, path in names.items():
        if path.is_symlink() or not path.is_file():
            foreign.append((name, "not a plain file"))
        elif name in code and reference.get(name) != path.read_bytes():
            foreign.append((name, "not the file this version of Pagefind writes"))
        elif name not in code and not _DATA.fullmatch(name):
            foreign.append((name, "not a file Pagefind writes"))
    return foreign


def _reference_code(languages: set[str]) -> dict[str, bytes]:
    """Pagefind's own scripts and WebAssembly, as the installed binary writes them for `languages`."""
    with tempfile.TemporaryDirectory(prefix="briefing-search-reference-") as scratch:
        root = Path(scratch)
        (root / "site").mkdir()
        for number, language in enumerate(sorted(languages - {"unknown"}) or ["en"]):
            page = f'<html lang="{html.escape(language)}"><body><p>{number}</p></body></html>'
            (root / "site" / f"{number}.html").write_text(page, encoding="utf-8")
        _run_pagefind(root / "site", root / "out")
        return {p.name: p.read_bytes() for p in (root / "out").iterdir() if _CODE.fullmatch(p.name)}
