"""When the briefing's data last changed: the day of the last commit that touched data/.

The home page says "updated on" that day. It comes from the history of the records, never from
the clock, so that building the same commit twice gives the same site. Without git, outside a
repository, or in a shallow clone whose history stops before the change (a CI checkout of depth
1 shows its only commit as the one that made every file), the day is not known: None, and the
page says nothing rather than something false. The Pages workflow checks out the whole history.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

_TIMEOUT = 20  # seconds; a repository on a slow disk, not a reason to fail the build


def last_change(data_dir: Path) -> dt.date | None:
    found = _git(data_dir, "log", "-1", "--format=%H %cs", "--", ".")
    if not found:
        return None
    commit, _, day = found.partition(" ")
    if commit in _shallow_boundary(data_dir):
        return None
    try:
        return dt.date.fromisoformat(day)
    except ValueError:
        return None


def _shallow_boundary(data_dir: Path) -> set[str]:
    """The commits where a shallow clone's history is cut: what git log says of them is not
    what changed in them."""
    if _git(data_dir, "rev-parse", "--is-shallow-repository") != "true":
        return set()
    path = _git(data_dir, "rev-parse", "--path-format=absolute", "--git-path", "shallow")
    try:
        return set(Path(path).read_text(encoding="ascii").split()) if path else set()
    except OSError:
        return set()


def _git(folder: Path, *args: str) -> str:
    """What git prints, stripped; empty when git is missing, fails, or the folder is not in a
    repository."""
    try:
        result = subprocess.run(
            ["git", *args],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError, UnicodeDecodeError):
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""
