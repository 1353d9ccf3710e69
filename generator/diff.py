"""What a change does to a briefing: records added, removed, renamed and changed, and the pages
that will change, in Markdown for a reviewer (`python -m generator diff`).

Both sides go through the loader and validator like any data, so hostile files are read as
safely; a side with problems is reported, not compared. The pages are those the renderer makes,
compared text for text, so the list stays right whatever the templates and paths become.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from .cache import Cache
from .diff_fields import KINDS, NOTHING, RecordView, Shown, sort_key, views
from .errors import DataError, Problem, field_name
from .escape import markdown_text
from .model import Briefing
from .pages import render_site
from .pipeline import read_briefing
from .render import environment
from .words import available

# A removed and an added record of the same kind are one record renamed when at least this
# share of the fields either fills are the same. A rename keeps the facts and often fixes one or
# two fields with the id (an event's id starts with its date: the date moves with it); two
# different records of one story may share their actors, tags, status and source, but not also
# their title, summary, date and quotes. So: most fields, and more than half.
RENAME_THRESHOLD = 2 / 3
# Pairing compares every removed record with every added one; past this many pairs (a
# reorganisation, not a rename) records are only listed as removed and added.
MAX_RENAME_PAIRS = 250_000


@dataclass(frozen=True, slots=True)
class Side:
    """One side of the comparison: its briefing (None for an empty folder) or its problems."""

    briefing: Briefing | None
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True, slots=True)
class Change:
    """A record on both sides, under the same id or renamed, and what differs in its fields."""

    old: RecordView
    new: RecordView
    fields: tuple[tuple[str, Shown, Shown], ...]  # (field, before, after)


@dataclass(frozen=True, slots=True)
class KindChanges:
    kind: str
    added: tuple[RecordView, ...]
    removed: tuple[RecordView, ...]
    renamed: tuple[Change, ...]
    changed: tuple[Change, ...]  # renamed ones too, when more than their id changed


@dataclass(frozen=True, slots=True)
class PageChanges:
    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Report:
    markdown: str
    has_problems: bool


def diff_folders(base_dir: Path, data_dir: Path) -> Report:
    """Compare the briefing in `base_dir` (before) with the one in `data_dir` (after)."""
    base = read_side(base_dir, cache=Cache(None))  # a temporary folder: keep it out of the cache
    new = read_side(data_dir)
    if base.problems or new.problems:
        return Report(_render(base=base, new=new), has_problems=True)
    before, after = views(base.briefing), views(new.briefing)
    kinds = [compare_records(kind, before[kind], after[kind]) for kind in KINDS]
    names = (base_dir.resolve().name, data_dir.resolve().name)
    both = base.briefing is not None and new.briefing is not None
    return Report(
        _render(
            base=base,
            new=new,
            kinds=[k for k in kinds if k.added or k.removed or k.renamed or k.changed],
            pages=compare_pages(base.briefing, new.briefing),
            folder_names=names if both and names[0] != names[1] else None,
        ),
        has_problems=False,
    )


def read_side(data_dir: Path, *, cache: Cache | None = None) -> Side:
    """Read and validate a data folder; an empty folder is a briefing that does not exist yet."""
    if data_dir.is_dir() and not any(not entry.name.startswith(".") for entry in data_dir.iterdir()):
        return Side(None)
    try:
        return Side(read_briefing(data_dir, cache=cache))
    except DataError as error:
        return Side(None, tuple(error.problems))


def compare_records(kind: str, before: dict[str, RecordView], after: dict[str, RecordView]) -> KindChanges:
    """Pair the records of one kind by id, then removed with added ones by likeness (renames)."""
    removed = [before[i] for i in sorted(before.keys() - after.keys())]
    added = [after[i] for i in sorted(after.keys() - before.keys())]
    renames = pair_renames(removed, added)
    paired_old, paired_new = {old.id for old, _ in renames}, {new.id for _, new in renames}
    renamed = tuple(_change(old, new) for old, new in renames)
    kept = (_change(before[i], after[i]) for i in sorted(before.keys() & after.keys()))
    return KindChanges(
        kind,
        added=tuple(r for r in added if r.id not in paired_new),
        removed=tuple(r for r in removed if r.id not in paired_old),
        renamed=renamed,
        changed=tuple(sorted((c for c in (*kept, *renamed) if c.fields), key=lambda c: c.new.id)),
    )


def pair_renames(removed: list[RecordView], added: list[RecordView]) -> list[tuple[RecordView, RecordView]]:
    """The likeliest renames, most alike first, each record in one pair at most."""
    if len(removed) * len(added) > MAX_RENAME_PAIRS:
        return []
    candidates = sorted(
        (-score, old.id, new.id)
        for old in removed
        for new in added
        if (score := likeness(old, new)) >= RENAME_THRESHOLD
    )
    olds, news = {r.id: r for r in removed}, {r.id: r for r in added}
    pairs: list[tuple[RecordView, RecordView]] = []
    for _, old_id, new_id in candidates:
        if old_id in olds and new_id in news:
            pairs.append((olds.pop(old_id), news.pop(new_id)))
    return sorted(pairs, key=lambda pair: pair[0].id)


def likeness(old: RecordView, new: RecordView) -> float:
    """The share of the fields filled on either side that are the same on both."""
    filled = {path for view in (old, new) for path, shown in view.fields.items() if shown.parts}
    if not filled:
        return 0.0
    same = sum(old.fields.get(path, NOTHING) == new.fields.get(path, NOTHING) for path in filled)
    return same / len(filled)


def _change(old: RecordView, new: RecordView) -> Change:
    paths = sorted(old.fields.keys() | new.fields.keys(), key=lambda path: sort_key(old.kind, path))
    return Change(
        old,
        new,
        tuple(
            (field_name(path), before, after)
            for path in paths
            if (before := old.fields.get(path, NOTHING)) != (after := new.fields.get(path, NOTHING))
        ),
    )


def compare_pages(old: Briefing | None, new: Briefing | None) -> PageChanges:
    """The pages the renderer makes from each briefing, compared by path and text."""
    before, after = _pages(old), _pages(new)
    return PageChanges(
        added=tuple(sorted(after.keys() - before.keys())),
        removed=tuple(sorted(before.keys() - after.keys())),
        changed=tuple(sorted(path for path in before.keys() & after.keys() if before[path] != after[path])),
    )


def _pages(briefing: Briefing | None) -> dict[str, str | None]:
    """The pages readers read; the open-data files beside them follow from the records listed."""
    pages = render_site(briefing) if briefing else []
    return {page.path: page.text for page in pages if page.path.endswith(".md")}


# Ids, paths, field names, file:line: characters that a code span shows as they are.
_CODE = re.compile(r"[A-Za-z0-9._/:\[\]-]+")


def code(value: object) -> Markup:
    """An id or a path as code; ids are slugs, but anything else is escaped as text instead."""
    text = str(value)
    return Markup(f"`{text}`") if _CODE.fullmatch(text) else markdown_text(text)


def _where(problem: Problem) -> str:
    return f"{problem.file}:{problem.line}"


def _render(
    *,
    base: Side,
    new: Side,
    kinds: Iterable[KindChanges] = (),
    pages: PageChanges | None = None,
    folder_names: tuple[str, str] | None = None,
) -> str:
    # The report's own words are English, for maintainers, like the command's messages; its
    # dates and values read as the briefing's site writes them.
    language = next((side.briefing.language for side in (new, base) if side.briefing), available()[0])
    text = (
        environment(language)
        .get_template("diff.md.j2")
        .render(base=base, new=new, kinds=list(kinds), pages=pages, folder_names=folder_names, code=code, where=_where)
    )
    while "\n\n\n" in text:  # as render_page does: templates leave blank lines around blocks
        text = text.replace("\n\n\n", "\n\n")
    return text.strip() + "\n"
