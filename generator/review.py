"""Warnings: what reads wrong in the data but may be right, for an editor to look at.

Errors (validate.py) are what is certainly wrong, and the data is refused. A warning is what a
careful editor would look at twice and a machine can only point out: `check` prints it and goes
on (exit status 0); `generate` does not look for warnings, which change nothing it writes.

- another spelling: prose written for readers uses an alias of an actor ("Kim Jong-un") where
  the display name ("Kim Jong Un") is expected. One spelling per actor makes the pages read as
  one text. The sources' own spellings stay in quotations and in `aliases`;
- near-duplicates: two events that may fall on the same day and say much the same thing.
"""

from __future__ import annotations

import datetime as dt
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
    """Every warning about the records whose shape the schemas accept."""
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
    found = _Phrases(spellings)
    # Display names are blanked out first, so that an alias inside one is not taken for a use.
    display = _Phrases(names)
    for doc in documents:
        for pattern in PROSE.get(doc.kind, []):
            for path, text in walk(doc.data, pattern):
                if not isinstance(text, str) or not found.may_be_in(text):
                    continue
                # White space as the pages show it: a name may run over two lines of the file.
                prose = display.blank(_QUOTATION.sub(_blank, " ".join(text.split())))
                for alias in dict.fromkeys(found.find(prose)):
                    s = spellings[alias]
                    yield _warning(
                        doc,
                        path,
                        f"'{s.alias}' is another spelling of {s.name} ({s.actor_id}); "
                        f"write '{s.name}' outside quotations",
                    )


class _Phrases:
    """Find any of many phrases as whole words, case-sensitively, the longest first.

    Phrases are looked up by their first word at each word of the text: one regular expression
    made of hundreds of names is many times slower on a large briefing.
    """

    def __init__(self, phrases: Iterable[str]) -> None:
        self._by_first_word: dict[str, list[str]] = {}
        for phrase in sorted(phrases, key=lambda p: (-len(p), p)):
            first = _WORD_RUN.match(phrase)
            self._by_first_word.setdefault(first.group() if first else "", []).append(phrase)
        self._other = self._by_first_word.pop("", [])  # a phrase that starts with no letter

    def may_be_in(self, text: str) -> bool:
        """Whether a phrase may be in `text`: the usual answer, no, comes at the speed of C."""
        return bool(self._other) or not self._by_first_word.keys().isdisjoint(_WORD_RUN.findall(text))

    def spans(self, text: str) -> Iterator[tuple[int, int, str]]:
        words = _WORD_RUN.finditer(text) if self.may_be_in(text) else iter(())
        covered = 0  # a phrase inside one already found is part of it, not a use of its own
        for word in words:
            start = word.start()
            if start < covered:
                continue
            for phrase in self._by_first_word.get(word.group(), ()):
                if text.startswith(phrase, start) and _ends_a_word(text, start + len(phrase)):
                    covered = start + len(phrase)
                    yield start, covered, phrase
                    break
        for phrase in self._other:
            start = text.find(phrase)
            while start >= 0:
                if (start == 0 or not _is_word_char(text[start - 1])) and _ends_a_word(text, start + len(phrase)):
                    yield start, start + len(phrase), phrase
                start = text.find(phrase, start + 1)

    def find(self, text: str) -> Iterator[str]:
        return (phrase for _, _, phrase in self.spans(text))

    def blank(self, text: str) -> str:
        for start, end, _ in list(self.spans(text)):
            text = text[:start] + " " * (end - start) + text[end:]
        return text


_WORD_RUN = re.compile(r"\w+")


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _ends_a_word(text: str, end: int) -> bool:
    return end == len(text) or not _is_word_char(text[end])


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


# --- Near-duplicates ----------------------------------------------------------------------------

# (first day it may fall on, last day, id, pairs of consecutive words, document)
_Dated = tuple[dt.date, dt.date, str, set[tuple[str, str]], Document]


def _near_duplicates(documents: list[Document]) -> Iterator[Problem]:
    """Compare each event with those whose possible days overlap its own (a sweep by first day)."""
    events: list[_Dated] = []
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
        # Sorted by first day: the events after this one that may meet it come next, in a run.
        for _, _, _, other_pairs, other in _run(events, index + 1, last):
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


def _run(events: list[_Dated], first: int, last: dt.date) -> Iterator[_Dated]:
    """The events from index `first` on that start by `last` (the list is sorted by start)."""
    for index in range(first, len(events)):
        if events[index][0] > last:
            return
        yield events[index]
