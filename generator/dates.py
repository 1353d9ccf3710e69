"""Dates known to a year, a month or a day, and how they read in French."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Literal

Precision = Literal["year", "month", "day"]

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
        """Read YYYY, YYYY-MM or YYYY-MM-DD; raise ValueError for a date that does not exist."""
        parts = [int(p) for p in text.split("-")]
        date = cls(*parts)
        if date.month and not 1 <= date.month <= 12:
            raise ValueError(f"month {date.month} does not exist")
        if date.day and not 1 <= date.day <= calendar.monthrange(date.year, date.month)[1]:
            raise ValueError(f"{date.year:04d}-{date.month:02d} has no day {date.day}")
        return date

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
