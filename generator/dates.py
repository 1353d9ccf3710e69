"""Dates known to a year, a month or a day, or only within bounds; words.py says them in words."""

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
    def month(self) -> int | None:
        """The month it starts in, when that much is known; None when it may start in two."""
        first, last = self.earliest, self.latest
        return first.month if (first.year, first.month) == (last.year, last.month) else None

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
