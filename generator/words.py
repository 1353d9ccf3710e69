"""Every word a reader sees, in the briefing's language: one catalogue file per language.

A catalogue is `generator/locales/<tag>.yaml`: texts by key ("sections.timeline"), counted
texts by CLDR plural category ({one: "{count} événement", other: "{count} événements"}), the
site's paths and file names, and the date patterns of the language. Dates, numbers, plural
categories and the names of languages come from CLDR through Babel, not from rules written here.

Why a data file per language rather than gettext catalogues: the texts are already gathered by
key (nothing to extract from code), many are long (the method page, the data page's field
documentation), which gettext keys by the whole source text, and a team adds a language by
copying one file and translating it, with no compile step. A test checks that every catalogue
has every key of the French one, with the same placeholders.

The briefing's `language` (a BCP 47 tag, "fr", "en-GB") picks the catalogue: the tag itself,
else its language alone ("en-GB" → en.yaml). Babel formats for the full tag.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal
from markupsafe import Markup

from .dates import Dating, PartialDate
from .escape import markdown_text

LOCALES = Path(__file__).parent / "locales"
_FIELDS = re.compile(r"{(\w+)}")


class MissingCatalogueError(ValueError):
    """No catalogue for a language: the message says which exist and how to add one."""


def available() -> list[str]:
    return sorted(path.stem for path in LOCALES.glob("*.yaml"))


@cache
def words_for(tag: str) -> Words:
    """The words of the language `tag`; raise MissingCatalogueError when none serves it."""
    for candidate in (tag, tag.split("-")[0]):
        path = LOCALES / f"{candidate}.yaml"
        if path.is_file():
            try:
                locale = Locale.parse(tag.replace("-", "_"))
            except (ValueError, UnknownLocaleError):
                locale = Locale.parse(candidate)
            catalogue: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
            return Words(tag, locale, catalogue, path.relative_to(LOCALES.parent.parent).as_posix())
    names = ", ".join(available())
    raise MissingCatalogueError(
        f"no catalogue for the language {tag!r}; there are: {names} (add generator/locales/<tag>.yaml, see README)"
    )


@dataclass(frozen=True, eq=False)  # compared and hashed as themselves: one per language
class Words:
    """The catalogue of one language, and the formatting of its dates and numbers."""

    tag: str
    locale: Locale
    catalogue: Mapping[str, Any]
    file: str  # the catalogue's path in the repository: generator/locales/fr.yaml
    _typography: tuple[tuple[re.Pattern[str], str], ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        rules = self.catalogue.get("typography", {}).get("replace", {})
        compiled = tuple((re.compile(pattern), replacement) for pattern, replacement in rules.items())
        object.__setattr__(self, "_typography", compiled)

    def __call__(self, key: str, **values: object) -> str:
        """The text at `key` ("sections.timeline"), its {fields} filled with `values`."""
        text = self.raw(key)
        if not isinstance(text, str):
            raise KeyError(f"{key} is not a text in the {self.tag} catalogue")
        return self.typeset(_fill(text, values)) if values else self.typeset(text)

    def plain(self) -> Words:
        """The same words without the typography of pages: for the data files, which give text as typed."""
        return _plain(self)

    def markdown(self, key: str, **values: object) -> Markup:
        """The Markdown text at `key` (the catalogue's, trusted), its {fields} filled with `values`:
        Markup as it is (a link built by the renderer), anything else escaped as text."""
        text = self.raw(key)
        shown = {
            name: value if isinstance(value, Markup) else markdown_text(str(value)) for name, value in values.items()
        }
        return Markup(self.typeset(_fill(text, shown)))

    def raw(self, key: str) -> Any:
        """The value at `key`, as the catalogue holds it (a text, a mapping of texts…)."""
        value: Any = self.catalogue
        for part in key.split("."):
            if not isinstance(value, Mapping) or part not in value:
                raise KeyError(f"no {key!r} in the {self.tag} catalogue")
            value = value[part]
        return value

    def table(self, key: str) -> dict[str, str]:
        """The texts at `key`, by code: labels of the values a field may take."""
        value = self.raw(key)
        return {str(code): self.typeset(str(text)) for code, text in value.items()}

    def count(self, key: str, number: int, **values: object) -> str:
        """The counted text at `key` for `number`: '1 événement', '3 événements', '1 event'."""
        forms = self.raw(key)
        category = self.locale.plural_form(number)
        text = forms.get(category, forms["other"])
        return self.typeset(_fill(text, {**values, "count": self.number(number)}))

    def join(self, items: Sequence[str]) -> str:
        """A list as the language writes it: 'a, b et c', 'a, b, and c' (CLDR, through Babel)."""
        return format_list(list(items), locale=self.locale)

    def number(self, number: int) -> str:
        return format_decimal(number, locale=self.locale)

    def typeset(self, text: str) -> str:
        """The language's typography: in French, a non-breaking space before : ; ! ? » and after «."""
        for pattern, replacement in self._typography:
            text = pattern.sub(replacement, text)
        return text

    def language_name(self, tag: str) -> str:
        """'anglais' for en on a French site, 'French' for fr on an English one."""
        try:
            return Locale.parse(tag.replace("-", "_")).get_display_name(self.locale) or tag
        except (ValueError, UnknownLocaleError):
            return tag

    # --- Dates --------------------------------------------------------------------------------

    def date(self, date: PartialDate) -> str:
        """'19 juin 2024', 'juin 2024' or '2024', as the language writes them."""
        return self._format(date, self.raw("dates.formats")[date.precision])

    def month(self, year: int, month: int, *, short: bool = False) -> str:
        """A month of a year as a heading says it ('Juin 2024', 'June 2024'), or as a short label
        of the month alone ('juin', 'Jun') when `short`."""
        date = PartialDate(year, month)
        if short:
            return self._format(date, self.raw("dates.month_short"))
        text = self.date(date)
        return text[:1].upper() + text[1:]

    def on(self, date: PartialDate | Dating) -> str:
        """A date after a verb: 'le 19 juin 2024', 'en juin 2024'; 'on 19 June 2024', 'in June 2024'."""
        if isinstance(date, Dating):
            return self.dating(date, on=True)
        return self(f"dates.after_verb.{date.precision}", date=self.date(date))

    def span(self, start: PartialDate, end: PartialDate | None) -> str:
        """From a date to another: '19–20 juin 2024', '30 juin – 2 juillet 2024', 'June 19–20, 2024'."""
        if end is None or end == start:
            return self.date(start)
        if start.precision == end.precision and start.precision != "year":
            patterns = self.raw("dates.spans")[start.precision]
            differs = "y" if start.year != end.year else "M" if start.month != end.month else "d"
            if differs in patterns:
                first, last = patterns[differs]
                return self.typeset(self._format(start, first) + self._format(end, last))
        return self("dates.span", start=self.date(start), end=self.date(end))

    def dating(self, dating: Dating, *, on: bool = False) -> str:
        """When an event falls, bounds included: 'entre le 17 et le 19 juin 2024', 'en 2024, au
        plus tôt le 17 juin'; after a verb when `on`.

        The catalogue's patterns get each date bare and after a verb ({low}, {low_on}…): French
        says "entre le 17 et le 19 juin", English "between 17 and 19 June".
        """
        if not dating.bounded:
            if dating.end_date is None:
                return self.on(dating.date) if on else self.date(dating.date)
            return self.span(dating.date, dating.end_date)
        low, high, period = dating.not_before, dating.not_after, dating.date
        values: dict[str, object] = {"period": self.date(period), "period_on": self.on(period)}
        # Two days of one month share their month, whatever the period: 'entre le 1er et le
        # 10 février 2025', 'between February 1 and 10, 2025', in a date known to the year.
        within = period
        if low and high and low.precision == high.precision == "day" and low.month == high.month:
            within = PartialDate(period.year, low.month)
        for name, bound in (("low", low), ("high", high)):
            if bound is not None:
                values[name], values[f"{name}_on"] = self._bound(bound, within), self._bound(bound, within, on=True)
                values["bound"], values["bound_on"] = values[name], values[f"{name}_on"]
        if low and high:
            # The last bound says what the first left out (the year; in English, not the month again).
            values["high"] = self._bound(high, within, last=True)
            values["high_on"] = self._bound(high, within, on=True, last=True)
            key = f"between.{low.precision if low.precision == high.precision else 'mixed'}"
        else:
            key = "not_before" if low else "not_after"
        text = self(f"dates.bounded.{key}", **values)
        if dating.end_date is not None:
            end = dating.end_date
            text = self(f"dates.bounded.until.{end.precision}", start=text, end=self.date(end))
        return text

    def _bound(self, bound: PartialDate, period: PartialDate, *, on: bool = False, last: bool = False) -> str:
        """A bound said without what its period already says: '17 juin' within 2024, '17' within June 2024.

        The last of two bounds follows `dates.last_bounds`, else reads in full: French writes
        'entre le 17 et le 19 juin 2024', English 'between June 17 and 19, 2024'."""
        shared = "month" if period.precision == "month" and bound.precision == "day" else period.precision
        pattern = self.raw("dates.last_bounds" if last else "dates.bounds").get(f"{bound.precision}_within_{shared}")
        text = self._format(bound, pattern) if pattern else self.date(bound)
        return self(f"dates.after_verb.{bound.precision}", date=text) if on else text

    def _format(self, date: PartialDate, pattern: str) -> str:
        """A date with a CLDR pattern ('d MMMM y'); the first of a month as the catalogue says ('1er')."""
        first = self.catalogue.get("dates", {}).get("first_day")
        if first and date.day == 1:
            pattern = re.sub(r"(?<![d'])d(?!d)", f"'{first}'", pattern)
        return format_date(date.first_day, pattern, locale=self.locale)


@cache
def _plain(words: Words) -> Words:
    return Words(words.tag, words.locale, {**words.catalogue, "typography": {}}, words.file)


def _as_markdown(value: object) -> Markup:
    return value if isinstance(value, Markup) else markdown_text(str(value))


def _fill(text: str, values: Mapping[str, object]) -> str:
    """`text` with its {fields} replaced; a field the text does not name is an error of ours."""
    missing = set(_FIELDS.findall(text)) - set(values)
    if missing:
        raise KeyError(f"no value for {sorted(missing)} in {text!r}")
    return string.Formatter().vformat(text, (), dict(values))
