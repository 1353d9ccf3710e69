"""Check the loaded records: their schema, then what a schema cannot say.

That is: ids match file names and are unique, dates exist, ends follow starts and bounds narrow
their date, addresses are web addresses, text holds no invisible control characters, and every
reference resolves. Every problem is returned; nothing stops at the first.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from .characters import describe, forbidden_character
from .dates import Dating, PartialDate
from .errors import Problem, field_name, quoted
from .load import Document
from .schema import check_schema
from .slug import key
from .yamlsafe import Path, Value

# Refs: (kind, where in the record) -> kind of record the value names. '*' walks a list.
REFERENCES: dict[str, list[tuple[Path, str]]] = {
    "briefing": [(("featured_events", "*"), "event")],
    "event": [
        (("actors", "*"), "actor"),
        (("according_to", "*"), "actor"),
        (("sources", "*", "source"), "source"),
        (("outcome_of",), "event"),
        (("treaties", "*", "treaty"), "treaty"),
    ],
    "actor": [(("affiliations", "*", "actor"), "actor")],
    "treaty": [
        (("parties", "*"), "actor"),
        (("signatories", "*"), "actor"),
        (("status_history", "*", "event"), "event"),
        (("status_history", "*", "party"), "actor"),
        (("status_history", "*", "sources", "*", "source"), "source"),
        (("provisions", "*", "sources", "*", "source"), "source"),
    ],
    "question": [
        (("evidence", "*", "event"), "event"),
        (("sources", "*", "source"), "source"),
    ],
}
DATE_FIELDS: list[tuple[Path, Path | None]] = [  # (date, the end date that must not precede it)
    (("date",), ("end_date",)),
    (("not_before",), None),
    (("not_after",), None),
    (("published",), None),
    (("raised",), None),
    (("status_history", "*", "date"), None),
    (("status_history", "*", "not_before"), None),
    (("status_history", "*", "not_after"), None),
]
# Where a record holds a date that bounds may narrow: the event itself, each step of a treaty.
DATED: dict[str, Path] = {"event": (), "treaty": ("status_history", "*")}
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
RESERVED_IDS = frozenset({"index"})  # each kind's folder of pages has its index.md
# Names Windows cannot give a file, with any extension: a clone there would fail.
WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))}
)
_PLURAL = {
    "briefing": "briefing",
    "source": "sources",
    "actor": "actors",
    "event": "events",
    "treaty": "treaties",
    "question": "questions",
}


@dataclass(frozen=True, slots=True)
class Validation:
    problems: list[Problem]
    passed: list[Document]  # records read afresh that passed their own checks: worth remembering
    warnings: list[Problem]  # what reads wrong but may be right (review.py); never blocks a run


def validate(documents: list[Document], known: dict[str, set[str]], *, review: bool = False) -> Validation:
    """Check every record; `known` holds the ids of every file found, by kind. With `review`,
    also look for what reads wrong but may be right (review.py): the warnings.

    A record's own checks depend on nothing else, so a record from the cache (which passed
    them) is not checked again; the checks across records always run.
    """
    problems: list[Problem] = []
    shaped: list[Document] = []
    passed: list[Document] = []
    for doc in documents:
        if doc.fresh:
            found = check_schema(doc)
            if found:  # the checks below rely on the record's shape
                problems += found
                continue
            found = check_record(doc)
            problems += found
            if not found:
                passed.append(doc)
        shaped.append(doc)
    problems += check_together(shaped, documents, known)
    if not review:
        return Validation(problems, passed, [])
    from .review import review as look_again  # here: review.py builds on this module's helpers

    return Validation(problems, passed, look_again(shaped))


def check_record(doc: Document) -> list[Problem]:
    """The checks that need nothing but the record (and its file name)."""
    return [
        *_check_identity(doc),
        *_check_text(doc),
        *_check_dates(doc),
        *_check_bounds(doc),
        *_check_urls(doc),
        *_check_within(doc),
        *_check_not_only_weak(doc),
        *_check_tags(doc),
        *_check_language(doc),
    ]


def check_together(shaped: list[Document], documents: list[Document], known: dict[str, set[str]]) -> list[Problem]:
    """The checks across records: references, unique ids, outcomes, provisions."""
    return [
        *(problem for doc in shaped for problem in _check_references(doc, known)),
        *_check_unique_ids(documents),
        *_check_former_ids(shaped),
        *_check_outcomes(shaped),
        *_check_provision_links(shaped),
    ]


def walk(value: Value, pattern: Path, at: Path = ()) -> Iterator[tuple[Path, Value]]:
    """Yield (path, value) for each value matching `pattern`, where '*' is every list item."""
    if not pattern:
        yield at, value
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield from walk(item, rest, (*at, index))
    elif isinstance(value, dict) and head in value:
        yield from walk(value[head], rest, (*at, head))


def _problem(doc: Document, path: Path, message: str) -> Problem:
    return Problem(doc.display, doc.line(path), field_name(path), message)


def _check_identity(doc: Document) -> list[Problem]:
    if doc.kind == "briefing":
        return []
    record_id = doc.data["id"]
    if not _SLUG.fullmatch(doc.stem):
        return [
            _problem(
                doc,
                ("id",),
                f"the file name {quoted(doc.stem)} is not a valid id; rename the file with "
                "lowercase letters, digits and hyphens, like the id",
            )
        ]
    if record_id in RESERVED_IDS:
        return [_problem(doc, ("id",), f"{quoted(record_id)} names the page that lists them all; choose another id")]
    if record_id in WINDOWS_RESERVED:
        return [_problem(doc, ("id",), f"{quoted(record_id)} is a name Windows cannot give a file; choose another id")]
    if record_id != doc.stem:
        return [
            _problem(
                doc,
                ("id",),
                f"{quoted(record_id)} does not match the file name; "
                f"expected '{doc.stem}' (or rename the file to {quoted(record_id)[1:-1]}.yaml)",
            )
        ]
    if doc.kind == "event":
        folder = doc.path.parent.name
        year = str(doc.data["date"])[:4]
        if folder != year:
            return [
                _problem(
                    doc,
                    ("date",),
                    f"the event is dated {year} but filed under events/{folder}/; move it to events/{year}/",
                )
            ]
    return []


def _check_text(doc: Document) -> list[Problem]:
    """Escapes ("\u202e") can write what the loader refuses to read raw."""
    if not doc.escapes:
        return []
    return [
        _problem(doc, path, f"contains {describe(found[1])}, which is not allowed; remove it")
        for path, value in _strings(doc.data)
        for found in [forbidden_character(value)]
        if found
    ]


def _strings(value: Value, at: Path = ()) -> Iterator[tuple[Path, str]]:
    if isinstance(value, str):
        yield at, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*at, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*at, key))


def _check_dates(doc: Document) -> list[Problem]:
    problems: list[Problem] = []
    for start_pattern, end_pattern in DATE_FIELDS:
        for path, text in walk(doc.data, start_pattern):
            start = _parse_date(doc, path, text, problems)
            for end_path, end_text in walk(doc.data, end_pattern) if end_pattern else ():
                end = _parse_date(doc, end_path, end_text, problems)
                if start is not None and end is not None and end < start:
                    problems.append(_problem(doc, end_path, f"ends ({end.iso}) before it starts ({start.iso})"))
    return problems


def _parse_date(doc: Document, path: Path, text: Value, problems: list[Problem]) -> PartialDate | None:
    try:
        return PartialDate.parse(str(text))
    except ValueError as error:
        problems.append(_problem(doc, path, f"{error}, got {quoted(text)}"))
        return None


def _check_bounds(doc: Document) -> list[Problem]:
    """Bounds lie inside their date and narrow it, leave some day between them, and the event
    can still start before it ends."""
    pattern = DATED.get(doc.kind)
    if pattern is None:
        return []
    problems: list[Problem] = []
    for at, record in walk(doc.data, pattern):
        if not isinstance(record, dict) or not ("not_before" in record or "not_after" in record):
            continue
        try:
            dating = dating_of(record)
        except ValueError:
            continue  # reported by _check_dates
        for path, message in _bounds_problems(dating):
            problems.append(_problem(doc, (*at, *path), message))
    return problems


def dating_of(record: dict[str, Value]) -> Dating:
    """The Dating of a record with a date (an event, a treaty step); raise ValueError if a date is not real."""
    dates = {name: PartialDate.parse(str(record[name])) if name in record else None for name in _DATING_FIELDS}
    return Dating(PartialDate.parse(str(record["date"])), dates["end_date"], dates["not_before"], dates["not_after"])


_DATING_FIELDS = ("end_date", "not_before", "not_after")


def _bounds_problems(d: Dating) -> Iterator[tuple[Path, str]]:
    date, low, high = d.date, d.not_before, d.not_after
    outside = False
    for name, bound in (("not_before", low), ("not_after", high)):
        if bound is not None and (bound.first_day < date.first_day or bound.last_day > date.last_day):
            outside = True
            yield (name,), f"{bound.iso} is outside the date ({date.iso}); a bound lies inside the date and narrows it"
    if outside:
        return
    if low and d.earliest == date.first_day:
        yield ("not_before",), f"adds nothing: the date ({date.iso}) starts on that day anyway; leave it out"
    if high and d.latest == date.last_day:
        yield ("not_after",), f"adds nothing: the date ({date.iso}) ends on that day anyway; leave it out"
    if low and high:
        if d.earliest > d.latest:
            yield ("not_after",), f"{high.iso} is before not_before ({low.iso})"
            return
        exact = _period_of(d.earliest, d.latest)
        if exact is not None:
            yield ("not_before",), f"the bounds leave exactly {exact}; write date: {exact} and leave the bounds out"
    if low and d.end_date and d.earliest > d.end_date.last_day:
        yield ("not_before",), f"{low.iso} is after end_date ({d.end_date.iso}): the event cannot start after it ends"


def _period_of(first: dt.date, last: dt.date) -> str | None:
    """The partial date covering exactly first..last, if there is one: '2024-06-19', '2024-06'."""
    if first == last:
        return first.isoformat()
    month = PartialDate(first.year, first.month)
    if first == month.first_day and last == month.last_day:
        return month.iso
    return None


def _check_urls(doc: Document) -> list[Problem]:
    problems: list[Problem] = []
    for path, url in walk(doc.data, ("url",)):
        if not _is_web_address(str(url)):
            problems.append(_problem(doc, path, f"expected an http:// or https:// address, got {quoted(url)}"))
    return problems


def _is_web_address(url: str) -> bool:
    try:  # urlsplit refuses some malformed addresses ("http://[::1") by raising
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and bool(parts.hostname) and parts.port != 0
    except ValueError:
        return False


def _check_language(doc: Document) -> list[Problem]:
    """The briefing's language picks the catalogue of every word the site shows: it must exist."""
    if doc.kind != "briefing":
        return []
    from .words import MissingCatalogueError, words_for  # here: Babel loads only for a briefing

    try:
        words_for(str(doc.data["language"]))
    except MissingCatalogueError as error:
        return [_problem(doc, ("language",), str(error))]
    return []


def _check_references(doc: Document, known: dict[str, set[str]]) -> list[Problem]:
    problems: list[Problem] = []
    for pattern, target in REFERENCES.get(doc.kind, []):
        for path, ref in walk(doc.data, pattern):
            if ref not in known.get(target, set()):
                problems.append(_problem(doc, path, _unknown(target, ref, known.get(target, set()))))
    return problems


def _unknown(kind: str, ref: Value, ids: set[str]) -> str:
    close = difflib.get_close_matches(str(ref), sorted(ids), n=1)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"unknown {kind} {quoted(ref)}: no file {_PLURAL[kind]}/{quoted(ref)[1:-1]}.yaml{hint}"


def _check_within(doc: Document) -> list[Problem]:
    """Check references inside one record: provision ids, affiliations to oneself."""
    problems: list[Problem] = []
    if doc.kind == "treaty":
        parties = doc.data.get("parties")
        parties = parties if isinstance(parties, list) else []
        for path, party in walk(doc.data, ("status_history", "*", "party")):
            if party not in parties:
                message = f"{quoted(party)} is not one of the treaty's parties; add it to parties"
                problems.append(_problem(doc, path, message))
        seen: set[Value] = set()
        for path, provision_id in walk(doc.data, ("provisions", "*", "id")):
            if provision_id in seen:
                problems.append(_problem(doc, path, f"provision id '{provision_id}' is used twice in this treaty"))
            seen.add(provision_id)
    if doc.kind == "actor":
        for path, ref in walk(doc.data, ("affiliations", "*", "actor")):
            if ref == doc.data["id"]:
                problems.append(_problem(doc, path, "an actor cannot be affiliated with itself"))
    if doc.kind == "event":
        for path, ref in walk(doc.data, ("outcome_of",)):
            if ref == doc.data["id"]:
                problems.append(_problem(doc, path, "an event cannot be the outcome of itself"))
    return problems


def _check_unique_ids(documents: list[Document]) -> list[Problem]:
    """Events live in year folders, so two files can share a name; ids must still be unique."""
    by_id: dict[tuple[str, str], list[Document]] = defaultdict(list)
    for doc in documents:
        if doc.kind != "briefing":
            by_id[(doc.kind, doc.stem)].append(doc)
    return [
        _problem(doc, ("id",), f"the id '{stem}' is also used by {docs[0].display}; ids must be unique")
        for (_, stem), docs in sorted(by_id.items())
        for doc in docs[1:]
    ]


def _check_former_ids(documents: list[Document]) -> list[Problem]:
    """An old id keeps leading to its record: it cannot name another record of the same kind."""
    current = {(doc.kind, str(doc.data.get("id"))): doc for doc in documents if doc.kind != "briefing"}
    seen: dict[tuple[str, str], Document] = {}
    problems: list[Problem] = []
    for doc in documents:
        for path, former in walk(doc.data, ("former_ids", "*")):
            key = (doc.kind, str(former))
            if former in RESERVED_IDS or former in WINDOWS_RESERVED:
                problems.append(_problem(doc, path, f"{quoted(former)} cannot be the name of a page; leave it out"))
            elif key in current:
                message = (
                    f"{quoted(former)} is the id of {current[key].display}; an old link cannot lead to two records"
                )
                problems.append(_problem(doc, path, message))
            elif key in seen:
                problems.append(_problem(doc, path, f"{quoted(former)} is also a former id of {seen[key].display}"))
            else:
                seen[key] = doc
    return problems


def _check_outcomes(documents: list[Document]) -> list[Problem]:
    """An outcome comes after what announced it, and names an event of another file."""
    events = {doc.stem: doc for doc in documents if doc.kind == "event"}
    problems: list[Problem] = []
    for doc in events.values():
        target = events.get(str(doc.data.get("outcome_of", "")))
        if target is None or target is doc:
            continue
        try:
            mine, theirs = dating_of(doc.data), dating_of(target.data)
        except ValueError:
            continue  # already reported
        if mine.last < theirs.earliest:  # even at the latest, before the other at the earliest
            problems.append(
                _problem(
                    doc,
                    ("outcome_of",),
                    f"this event ({mine.date.iso}) is dated before '{target.stem}' ({theirs.date.iso}), "
                    "which it would carry out",
                )
            )
    return problems


def _check_provision_links(documents: list[Document]) -> list[Problem]:
    """A provision named by an event belongs to the treaty named beside it."""
    provisions = {
        doc.stem: {p for _, p in walk(doc.data, ("provisions", "*", "id"))} for doc in documents if doc.kind == "treaty"
    }
    problems: list[Problem] = []
    for doc in documents:
        if doc.kind != "event":
            continue
        for path, link in walk(doc.data, ("treaties", "*")):
            assert isinstance(link, dict)
            treaty, provision = link.get("treaty"), link.get("provision")
            if provision is not None and treaty in provisions and provision not in provisions[str(treaty)]:
                names = ", ".join(sorted(map(str, provisions[str(treaty)]))) or "none"
                problems.append(
                    _problem(
                        doc, (*path, "provision"), f"treaty '{treaty}' has no provision '{provision}'; it has: {names}"
                    )
                )
    return problems


def _check_not_only_weak(doc: Document) -> list[Problem]:
    """Weak material (a machine-written FAQ…) may support an event, never carry it alone."""
    if doc.kind != "event":
        return []
    citations = [c for _, c in walk(doc.data, ("sources", "*")) if isinstance(c, dict)]
    if citations and all(c.get("weak") for c in citations):
        return [_problem(doc, ("sources",), "every citation is marked weak; cite at least one source that is not")]
    return []


def _check_tags(doc: Document) -> list[Problem]:
    """A theme is what the timeline filters by: it needs a letter or digit to have a key."""
    return [
        _problem(doc, path, f"a theme needs at least one letter or digit, got {quoted(tag)}")
        for path, tag in walk(doc.data, ("tags", "*"))
        if not key(str(tag))
    ]
