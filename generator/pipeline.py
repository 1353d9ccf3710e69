"""The stages in order: load → validate → model → render → write."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import DataError, Problem
from .load import load_documents
from .model import Briefing, build_briefing
from .pages import render_site
from .render import Page
from .validate import validate
from .write import Outcome, find_conflicts, write_pages


@dataclass(frozen=True, slots=True)
class Generated:
    briefing: Briefing
    pages: list[Page]
    outcome: Outcome


def read_briefing(data_dir: Path) -> Briefing:
    """Load and validate every record; raise DataError listing all problems."""
    if not data_dir.is_dir():
        raise DataError([Problem(str(data_dir), 1, "", "no such data folder")])
    loaded = load_documents(data_dir)
    problems = loaded.problems + validate(loaded.documents, loaded.known)
    if problems:
        raise DataError(problems)
    return build_briefing(loaded.documents)


def generate(data_dir: Path, docs_dir: Path) -> Generated:
    """Validate, render every page, then write them; nothing is written if anything is wrong."""
    briefing = read_briefing(data_dir)
    pages = render_site(briefing)
    conflicts = find_conflicts(docs_dir, pages)
    if conflicts:
        raise DataError(conflicts)
    docs_dir.mkdir(parents=True, exist_ok=True)
    return Generated(briefing, pages, write_pages(docs_dir, pages))
