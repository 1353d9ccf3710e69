"""Dates known to a year, a month or a day, and how they read in French."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

Precision = Literal["year", "month", "day"]

# The years a date may have. Every output must be able to write any accepted date: the
# calendar's exclusive end (the day after) and Python's dates stop at 9999, and no briefing
# about events before the year 1000 can be written as YYYY anyway. The schema says the same.
FIRST_YEAR = 1000
LAST_YEAR = 2999
_SHAPE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z")

MONTHS_FR = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


@dataclass(frozen=True, order=True, slots=True)
class PartialDate:
    """A date such as 2024, 2024-06 or 2024-06-19; orders by the start of the period."""

    year: int
    month: int = 0
    day: int = 0

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read YYYY, YYYY-MM or YYYY-MM-DD; raise ValueError, saying why, for any other text."""
        shape = _SHAPE.match(text)
        if shape is None:
            raise ValueError("expected YYYY, YYYY-MM or YYYY-MM-DD")
        year_text, month_text, day_text = shape.groups()
        year = int(year_text)
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise ValueError(f"the year must be from {FIRST_YEAR} to {LAST_YEAR}")
        month = int(month_text or 0)
        if month_text and not 1 <= month <= 12:
            raise ValueError(f"not a real date: month {month_text} does not exist")
        day = int(day_text or 0)
        if day_text and not 1 <= day <= calendar.monthrange(year, month)[1]:
            raise ValueError(f"not a real date: {year:04d}-{month:02d} has no day {day_text}")
        return cls(year, month, day)

    @property
    def precision(self) -> Precision:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}" if self.month else f"{self.year:04d}"

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        if self.day:
            return self.first_day
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def french(self) -> str:
        """'19 juin 2024', '1er juillet 2023', 'juillet 2023' or '2019'."""
        if not self.month:
            return str(self.year)
        month = MONTHS_FR[self.month - 1]
        if not self.day:
            return f"{month} {self.year}"
        return f"{'1er' if self.day == 1 else self.day} {month} {self.year}"


def french_on(date: PartialDate | Dating) -> str:
    """The date after a verb: 'le 19 juin 2024', 'en juin 2024', 'en 2019', 'entre le 17 et le 19 juin 2024'."""
    if isinstance(date, Dating):
        return date.french_on()
    return f"le {date.french()}" if date.day else f"en {date.french()}"


def french_range(start: PartialDate, end: PartialDate | None) -> str:
    """'19 juin 2024', '19–20 juin 2024' or '30 juin – 2 juillet 2024'."""
    if end is None or end == start:
        return start.french()
    if start.precision == end.precision == "day" and (start.year, start.month) == (end.year, end.month):
        return f"{_day(start)}–{end.french()}"
    if start.year == end.year and start.precision != "year" and end.precision != "year":
        return f"{start.french().removesuffix(f' {start.year}')} – {end.french()}"
    return f"{start.french()} – {end.french()}"


@dataclass(frozen=True, slots=True)
class Dating:
    """When an event or a treaty step falls: its date, the bounds known inside it, its last day.

    `date` is the period it certainly falls in (it decides the year); `not_before` and
    `not_after`, inclusive, narrow the day it starts on when only bounds are known; `end_date`
    is its last day. Validation has checked that the bounds lie inside the date and narrow it.
    """

    date: PartialDate
    end_date: PartialDate | None = None
    not_before: PartialDate | None = None
    not_after: PartialDate | None = None

    @property
    def bounded(self) -> bool:
        return self.not_before is not None or self.not_after is not None

    @property
    def earliest(self) -> dt.date:
        """The first day it can start on."""
        first = self.date.first_day
        return max(first, self.not_before.first_day) if self.not_before else first

    @property
    def latest(self) -> dt.date:
        """The last day it can start on."""
        last = self.date.last_day
        return min(last, self.not_after.last_day) if self.not_after else last

    @property
    def last(self) -> dt.date:
        """The last day it can cover: its end date's, or the last day it can start on."""
        return self.end_date.last_day if self.end_date else self.latest

    @property
    def sort_key(self) -> tuple[dt.date, dt.date]:
        """Order without inventing a day: by the earliest day it can start on, then the latest.

        So '17 juin 2024' comes before 'en 2024, au plus tôt le 17 juin', which comes before
        '18 juin 2024'; a month (or a year) comes after the events known to be on its first day.
        """
        return (self.earliest, self.latest)

    def french(self) -> str:
        """As a list shows it: '19 juin 2024', '19–20 juin 2024', 'entre le 17 et le 19 juin 2024'."""
        if not self.bounded:
            return french_range(self.date, self.end_date)
        start = _bounded(self.date, self.not_before, self.not_after)
        return f"{start}, jusqu'{_until(self.end_date)}" if self.end_date else start

    def french_on(self) -> str:
        """After a verb: 'le 19 juin 2024', 'en 2024, au plus tôt le 17 juin'."""
        return self.french() if self.bounded else french_on(self.date)


def _day(date: PartialDate) -> str:
    return "1er" if date.day == 1 else str(date.day)


def _within(bound: PartialDate, period: PartialDate) -> str:
    """A bound after 'au plus tôt' or 'au plus tard', without what the period already says."""
    if not bound.day:
        return f"en {MONTHS_FR[bound.month - 1]}"
    if period.precision == "month":
        return f"le {_day(bound)}"
    return f"le {_day(bound)} {MONTHS_FR[bound.month - 1]}"


def _bounded(date: PartialDate, low: PartialDate | None, high: PartialDate | None) -> str:
    """'entre le 17 et le 19 juin 2024', 'entre juin et août 2024', 'en 2024, au plus tôt le 17 juin'…

    The bounds lie inside `date`, so they share its year (and its month, if it has one).
    """
    if low and high:
        if low.precision == high.precision == "day":
            first = _day(low) if low.month == high.month else f"{_day(low)} {MONTHS_FR[low.month - 1]}"
            return f"entre le {first} et le {high.french()}"
        if low.precision == high.precision == "month":
            return f"entre {MONTHS_FR[low.month - 1]} et {high.french()}"
        return f"au plus tôt {_within(low, date)}, au plus tard {french_on(high)}"
    if low:
        return f"{french_on(date)}, au plus tôt {_within(low, date)}"
    assert high is not None
    return f"{french_on(date)}, au plus tard {_within(high, date)}"


def _until(end: PartialDate) -> str:
    """After 'jusqu'': 'au 20 juin 2024', 'en août 2024', 'en 2025'."""
    return f"au {end.french()}" if end.day else f"en {end.french()}"
