"""The stages in order: load → validate → model → render → write, remembering what they can."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .cache import Cache, Stamp, Stats
from .errors import DataError, GeneratorError, Problem
from .history import last_change
from .links import SiteUrls
from .load import DataFile, Document, file_key, load_documents, racy_ns, scan
from .write import MANIFEST, Outcome, find_conflicts, recover, write_pages

if TYPE_CHECKING:
    from .model import Briefing

# The later stages (validation, model, rendering) are imported where they are used: a run
# that finds nothing changed stops before them and should not pay for loading them.


def read_briefing(data_dir: Path, *, cache: Cache | None = None) -> Briefing:
    """Load and validate every record; raise DataError listing all problems."""
    briefing, _, _ = _read(data_dir, cache or Cache.for_data(data_dir))
    return briefing


def check_briefing(data_dir: Path) -> tuple[Briefing, list[Problem]]:
    """Read the briefing as read_briefing does, and review it too: return its warnings.

    Only `check` asks for them (review.py): they never change what is written, so generating
    the site does not spend time looking for them.
    """
    briefing, _, warnings = _read(data_dir, Cache.for_data(data_dir), review=True)
    return briefing, sorted(set(warnings))


def generate(data_dir: Path, docs_dir: Path, *, site_url: str | None = None, cache: Cache | None = None) -> Outcome:
    """Validate, render every page and export, then write them; nothing is written if anything
    is wrong. The exports' absolute addresses start with `site_url`, by default $SITE_URL, which
    mkdocs.yml reads too (see links.SiteUrls).

    A long-running caller (the preview) passes the same `cache` each time, which spares
    reading it back from disk.
    """
    urls = SiteUrls.at(site_url)
    updated = last_change(data_dir) if data_dir.is_dir() else None
    # What the pages show beyond the data files: a new address or a new commit remakes them.
    context = f"{urls.base} {updated or ''}"
    cache = cache or Cache.for_data(data_dir)
    if docs_dir.is_dir():
        recover(docs_dir)  # an interrupted run's update, before anything looks at docs/
    cache.load("stamp")
    looked_at = time.time_ns()
    scanned = scan(data_dir) if data_dir.is_dir() else None
    data_stats = _data_stats(scanned, looked_at)
    if _untouched(cache.stamp, docs_dir, data_stats, context):
        assert cache.stamp is not None
        return Outcome(unchanged=len(cache.stamp.outputs) - 1)  # the manifest is not a page
    briefing, documents, _ = _read(data_dir, cache, scanned, looked_at)
    from .pages import render_site

    cache.load("fragments")
    fragments: dict[str, str] = {}
    pages = render_site(
        briefing,
        urls=urls,
        digests={doc.data_file: doc.digest for doc in documents},
        remembered=cache.fragments,
        remember=fragments,
        intact=_as_written(cache.stamp, docs_dir),
        previous=_previous(cache.stamp, docs_dir),
        updated=updated,
    )
    conflicts = find_conflicts(docs_dir, pages)
    if conflicts:
        raise DataError(conflicts)
    if not docs_dir.is_dir():
        try:
            docs_dir.mkdir(parents=True)
        except OSError as error:
            raise GeneratorError(f"cannot create {docs_dir}: {error.strerror}") from None
    outcome = write_pages(docs_dir, pages)
    cache.fragments = fragments
    cache.save("fragments")
    outputs = _stats(docs_dir, [page.path for page in pages] + [MANIFEST])
    cache.stamp = Stamp(str(docs_dir.resolve()), context, data_stats, outputs)
    cache.save("stamp")
    return outcome


def _read(
    data_dir: Path,
    cache: Cache,
    scanned: tuple[list[DataFile], list[Problem]] | None = None,
    looked_at: int | None = None,
    *,
    review: bool = False,
) -> tuple[Briefing, list[Document], list[Problem]]:
    if not data_dir.is_dir():
        raise DataError([Problem(str(data_dir), 1, "", "no such data folder")])
    from .model import build_briefing
    from .validate import validate

    cache.load("records")
    looked_at = looked_at or time.time_ns()
    loaded = load_documents(data_dir, cache.records, scanned=scanned)
    validation = validate(loaded.documents, loaded.known, review=review)
    passed = {id(doc) for doc in validation.passed}
    records = {doc.relative: doc.to_cache(looked_at) for doc in loaded.documents if not doc.fresh or id(doc) in passed}
    cache.records = records
    cache.save("records")
    problems = loaded.problems + validation.problems
    if problems:
        raise DataError(problems, validation.warnings)
    return build_briefing(loaded.documents), loaded.documents, validation.warnings


def _data_stats(scanned: tuple[list[DataFile], list[Problem]] | None, looked_at: int) -> Stats | None:
    """The keys of the data files, or None when the next run must not trust them to stop early."""
    if scanned is None:
        return None
    files, misplaced = scanned
    if misplaced:
        return None  # to be reported: no shortcut
    if any(file.stat[1] >= looked_at - racy_ns() for file in files):
        return None  # changed just now: it may change again and keep its key (see load.RACY_NS)
    return {file.relative: file.stat for file in files}


def _stats(folder: Path, paths: list[str]) -> Stats:
    stats: Stats = {}
    for path in paths:
        try:
            stats[path] = file_key((folder / path).lstat())
        except OSError:
            continue
    return stats


def _as_written(stamp: Stamp | None, docs_dir: Path) -> Callable[[str], bool]:
    """Tell whether a page's file is still as the last run wrote it."""
    written = stamp.outputs if stamp is not None and stamp.docs == str(docs_dir.resolve()) else {}

    def intact(path: str) -> bool:
        return path in written and _stats(docs_dir, [path]).get(path) == written[path]

    return intact


def _previous(stamp: Stamp | None, docs_dir: Path) -> Callable[[str], str | None]:
    """The text of a file as the last run wrote it, or None when it is gone or was changed since."""
    intact = _as_written(stamp, docs_dir)

    def previous(path: str) -> str | None:
        try:
            # Bytes decoded, not read_text: its newline translation would turn the CRLF of a
            # calendar or a CSV file into LF, and the lengths of the pieces would not add up.
            return (docs_dir / path).read_bytes().decode("utf-8") if intact(path) else None
        except (OSError, UnicodeDecodeError):
            return None

    return previous


def _untouched(stamp: Stamp | None, docs_dir: Path, data_stats: Stats | None, site: str) -> bool:
    """Nothing moved since the last run: the same data files and site address, and our files as we left them."""
    if stamp is None or data_stats is None:
        return False
    if (stamp.docs, stamp.site, stamp.data) != (str(docs_dir.resolve()), site, data_stats):
        return False
    return _stats(docs_dir, list(stamp.outputs)) == stamp.outputs
