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


def french_on(date: PartialDate) -> str:
    """The date after a verb: 'le 19 juin 2024', 'en juin 2024', 'en 2019'."""
    return f"le {date.french()}" if date.day else f"en {date.french()}"


def french_range(start: PartialDate, end: PartialDate | None) -> str:
    """'19 juin 2024', '19–20 juin 2024' or '30 juin – 2 juillet 2024'."""
    if end is None or end == start:
        return start.french()
    if start.precision == end.precision == "day" and (start.year, start.month) == (end.year, end.month):
        first = "1er" if start.day == 1 else str(start.day)
        return f"{first}–{end.french()}"
    if start.year == end.year and start.precision != "year" and end.precision != "year":
        return f"{start.french().removesuffix(f' {start.year}')} – {end.french()}"
    return f"{start.french()} – {end.french()}"
