"""Warnings: what reads wrong in the data but may be right, for an editor to look at.

Errors (validate.py) are what is certainly wrong, and the data is refused. A warning is what a
careful editor would look at twice and a machine can only point out; it is printed and never
stops `check` or `generate`:

- another spelling: prose written for readers uses an alias of an actor ("Kim Jong-un") where
  the display name ("Kim Jong Un") is expected. One spelling per actor makes the pages read as
  one text. The sources' own spellings stay in quotations and in `aliases`;
- near-duplicates: two events that may fall on the same day and say much the same thing.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .errors import Problem, field_name
from .load import Document
from .validate import dating_of, walk
from .yamlsafe import Path

# The prose written for readers, by kind: where one spelling per actor is expected. Notes about
# the sources (date_note, citations' notes, a source's notes) may discuss their spellings.
PROSE: dict[str, list[Path]] = {
    "briefing": [("title",), ("description",), ("summary",)],
    "event": [("title",), ("summary",)],
    "actor": [("role",), ("description",)],
    "treaty": [
        ("title",),
        ("summary",),
        ("status_history", "*", "note"),
        ("provisions", "*", "title"),
        ("provisions", "*", "summary"),
    ],
    "question": [("question",), ("context",), ("answer",), ("evidence", "*", "note")],
}
# Text between quotation marks is copied from a source, spelling included.
_QUOTATION = re.compile(r"«[^»]*»|“[^”]*”|„[^“”]*[“”]|\"[^\"]*\"", re.DOTALL)
# Near-duplicates. Two events are compared by the pairs of consecutive words of their title and
# summary; words of one or two letters are skipped, so that the small words every sentence has
# ("de", "la", "et") do not make two texts look alike. They are near-duplicates when at least
# this share of the shorter one's pairs are also the other's: measured on the real briefing, the
# events that repeated one another shared 29–31 % of their pairs, and no two others over 15 %.
NEAR_DUPLICATE = 0.25
_WORD = re.compile(r"\w{3,}")


def review(documents: list[Document]) -> list[Problem]:
    """Every warning about records that passed their own checks."""
    return [*_other_spellings(documents), *_near_duplicates(documents)]


def _warning(doc: Document, path: Path, message: str) -> Problem:
    return Problem(doc.display, doc.line(path), field_name(path), message)


# --- Another spelling ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Spelling:
    alias: str
    name: str
    actor_id: str


def _other_spellings(documents: list[Document]) -> Iterator[Problem]:
    actors = [doc.data for doc in documents if doc.kind == "actor"]
    names = {str(actor["name"]) for actor in actors}
    spellings: dict[str, _Spelling] = {}
    for actor in sorted(actors, key=lambda a: str(a["id"])):
        name = str(actor["name"])
        aliases = actor.get("aliases", [])
        for alias in map(str, aliases if isinstance(aliases, list) else []):
            # A short form found in the name itself ("Kim" in "Kim Jong Un") is not another
            # spelling, nor is another actor's name.
            if alias not in name and alias not in names:
                spellings.setdefault(alias, _Spelling(alias, name, str(actor["id"])))
    if not spellings:
        return
    found = _whole_words(spellings)
    # Display names are blanked out first, so that an alias inside one is not taken for a use.
    display = _whole_words(names)
    for doc in documents:
        for pattern in PROSE.get(doc.kind, []):
            for path, text in walk(doc.data, pattern):
                if not isinstance(text, str):
                    continue
                # White space as the pages show it: a name may run over two lines of the file.
                prose = display.sub(_blank, _QUOTATION.sub(_blank, " ".join(text.split())))
                for match in dict.fromkeys(m.group() for m in found.finditer(prose)):
                    s = spellings[match]
                    yield _warning(
                        doc,
                        path,
                        f"'{s.alias}' is another spelling of {s.name} ({s.actor_id}); "
                        f"write '{s.name}' outside quotations",
                    )


def _whole_words(words: Iterable[str]) -> re.Pattern[str]:
    """One pattern matching any of `words` as whole words, case-sensitively, longest first."""
    ordered = sorted(words, key=lambda w: (-len(w), w))
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ordered)) + r")(?!\w)")


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


# --- Near-duplicates ----------------------------------------------------------------------------


def _near_duplicates(documents: list[Document]) -> Iterator[Problem]:
    """Compare each event with those whose possible days overlap its own (a sweep by first day)."""
    events = []
    for doc in documents:
        if doc.kind != "event":
            continue
        try:
            dating = dating_of(doc.data)
        except ValueError:
            continue  # reported as an error
        words = _WORD.findall(f"{doc.data['title']} {doc.data['summary']}".lower())
        events.append((dating.earliest, dating.last, doc.stem, set(itertools.pairwise(words)), doc))
    events.sort(key=lambda e: e[:3])
    for index, (_, last, _, pairs, doc) in enumerate(events):
        for start, _, _, other_pairs, other in events[index + 1 :]:
            if start > last:
                break
            shorter = min(len(pairs), len(other_pairs))
            shared = len(pairs & other_pairs) / shorter if shorter else 0.0
            if shared >= NEAR_DUPLICATE:
                yield _warning(
                    other,
                    ("summary",),
                    f"may fall on the same day as '{doc.stem}' ({doc.display}) and says much the same: "
                    f"{shared:.0%} of the word pairs of the shorter one are in the other; "
                    "merge them, or tell them apart",
                )
