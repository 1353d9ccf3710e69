"""Dates known to a day, a month, a year, or only within bounds: how they read and sort."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.dates import Dating, PartialDate
from generator.words import words_for

P = PartialDate.parse
FR = words_for("fr")
EN = words_for("en")


def dating(date: str, *, end: str | None = None, low: str | None = None, high: str | None = None) -> Dating:
    return Dating(P(date), P(end) if end else None, P(low) if low else None, P(high) if high else None)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (dating("2024-06-19"), "19 juin 2024"),
        (dating("2024-06-18", end="2024-06-19"), "18–19 juin 2024"),
        (dating("2024-06", low="2024-06-17", high="2024-06-19"), "entre le 17 et le 19 juin 2024"),
        (dating("2023", low="2023-08-28", high="2023-09-04"), "entre le 28 août et le 4 septembre 2023"),
        (dating("2025-08", low="2025-08-01", high="2025-08-12"), "entre le 1er et le 12 août 2025"),
        (dating("2024", low="2024-06", high="2024-08"), "entre juin et août 2024"),
        (dating("2024", low="2024-06-17"), "en 2024, au plus tôt le 17 juin"),
        (dating("2025", high="2025-08-12"), "en 2025, au plus tard le 12 août"),
        (dating("2025", high="2025-09"), "en 2025, au plus tard en septembre"),
        (dating("2025-08", high="2025-08-12"), "en août 2025, au plus tard le 12"),
        (dating("2024", low="2024-06-17", high="2024-08"), "au plus tôt le 17 juin, au plus tard en août 2024"),
        (dating("2024", low="2024-06", end="2024-12-31"), "en 2024, au plus tôt en juin, jusqu'au 31 décembre 2024"),
        # Two days of one month share it, even in a date known to the year.
        (dating("2025", low="2025-02-01", high="2025-02-10"), "entre le 1er et le 10 février 2025"),
    ],
)
def test_dates_read_as_exact_french(value: Dating, words: str) -> None:
    assert FR.dating(value) == FR.typeset(words)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (dating("2024-06-19"), "June 19, 2024"),
        (dating("2024-06-01"), "June 1, 2024"),  # no "1st": English writes the first day as any other
        (dating("2024-06"), "June 2024"),
        (dating("2024-06-18", end="2024-06-19"), "June 18–19, 2024"),
        (dating("2024-06-30", end="2024-07-02"), "June 30 – July 2, 2024"),
        (dating("2023-12-30", end="2024-01-02"), "December 30, 2023 – January 2, 2024"),
        (dating("2024-06", end="2024-08"), "June – August 2024"),
        (dating("2024-06", low="2024-06-10", high="2024-06-14"), "between June 10 and 14, 2024"),
        (dating("2023", low="2023-08-28", high="2023-09-04"), "between August 28 and September 4, 2023"),
        (dating("2025", low="2025-02-01", high="2025-02-10"), "between February 1 and 10, 2025"),
        (dating("2024", low="2024-06", high="2024-08"), "between June and August 2024"),
        (dating("2024", low="2024-06-17"), "in 2024, no earlier than June 17"),
        (dating("2025", high="2025-08-12"), "in 2025, no later than August 12"),
        (dating("2025", high="2025-09"), "in 2025, no later than September"),
        (dating("2025-08", high="2025-08-12"), "in August 2025, no later than August 12"),
        (dating("2024", low="2024-06-17", high="2024-08"), "no earlier than June 17, no later than August 2024"),
        (dating("2024", low="2024-06", end="2024-12-31"), "in 2024, no earlier than June, until December 31, 2024"),
    ],
)
def test_dates_read_as_natural_english(value: Dating, words: str) -> None:
    assert EN.dating(value) == words


def test_after_a_verb_english_says_on_and_in() -> None:
    assert EN.on(dating("2024-06-19")) == "on June 19, 2024"
    assert EN.on(dating("2024-06")) == "in June 2024"
    assert EN.on(P("2019")) == "in 2019"
    assert EN.on(dating("2024", low="2024-06-17")) == "in 2024, no earlier than June 17"


def test_after_a_verb_a_bounded_date_reads_the_same() -> None:
    assert FR.on(dating("2024-06-19")) == "le 19 juin 2024"
    assert FR.on(dating("2024-06")) == "en juin 2024"
    assert FR.on(dating("2024", low="2024-06-17")) == "en 2024, au plus tôt le 17 juin"
    assert FR.on(P("2019")) == "en 2019"


def test_bounds_give_the_days_it_may_fall_on() -> None:
    signing = dating("2024", low="2024-06-17")
    assert (signing.earliest, signing.latest, signing.last) == (
        dt.date(2024, 6, 17),
        dt.date(2024, 12, 31),
        dt.date(2024, 12, 31),
    )
    month = dating("2025", high="2025-09")
    assert (month.earliest, month.latest) == (dt.date(2025, 1, 1), dt.date(2025, 9, 30)), (
        "a month bound is its last day"
    )
    assert dating("2024-06-18", end="2024-06-19").last == dt.date(2024, 6, 19)


def test_sorting_invents_no_day_earliest_first_then_latest() -> None:
    events = {
        "announced on the 17th": dating("2024-06-17"),
        "signed in 2024, not before the 17th": dating("2024", low="2024-06-17"),
        "visit on the 18th": dating("2024-06-18", end="2024-06-19"),
        "some day in June": dating("2024-06"),
        "first of June": dating("2024-06-01"),
        "some day in 2024": dating("2024"),
    }
    order = sorted(events, key=lambda name: events[name].sort_key)
    assert order == [
        "some day in 2024",  # may be any day from 1 January
        "first of June",  # the same first day as June, and the narrower: first
        "some day in June",
        "announced on the 17th",
        "signed in 2024, not before the 17th",  # the narrower first, among the same first day
        "visit on the 18th",
    ]
