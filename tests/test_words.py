"""The language catalogues (generator/locales/): each one complete, in step with the French one,
with the plural forms CLDR gives its language and date patterns that format real dates."""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Iterator, Mapping
from typing import Any

import pytest
import yaml
from babel import Locale
from babel.dates import format_date

from generator.dates import Dating, PartialDate
from generator.words import LOCALES, MissingCatalogueError, Words, available, words_for

REFERENCE = "fr"  # the catalogue every other one follows
LANGUAGES = available()
OTHERS = [tag for tag in LANGUAGES if tag != REFERENCE]
PLURAL_CATEGORIES = {"zero", "one", "two", "few", "many", "other"}
# Sections whose values are not words of the language but names (of paths, files, parameters,
# anchors) or CLDR patterns: they may equal the French ones.
NAMES = ("paths", "files", "query", "anchors", "dates", "theme.language")


def catalogue(tag: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((LOCALES / f"{tag}.yaml").read_text(encoding="utf-8"))
    return data


def is_counted(value: object) -> bool:
    """A counted text: its keys are CLDR plural categories, 'other' among them."""
    return isinstance(value, Mapping) and bool(value) and set(map(str, value)) <= PLURAL_CATEGORIES and "other" in value


def entries(value: Any, at: tuple[str, ...] = ()) -> Iterator[tuple[str, Any]]:
    """Every text of a catalogue by its key ('sections.timeline'): a string, a list of patterns,
    or the forms of a counted text. The typography's rules are the language's own, not texts."""
    if at == ("typography", "replace"):
        yield ".".join(at), "rules"
    elif isinstance(value, Mapping) and not is_counted(value):
        for key, item in value.items():
            yield from entries(item, (*at, str(key)))
    else:
        yield ".".join(at), value


def texts(value: Any) -> list[str]:
    """The strings of an entry: itself, its patterns, its plural forms."""
    if isinstance(value, Mapping):
        return [str(v) for v in value.values()]
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(value)]


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def shape(value: Any) -> str:
    return "counted" if is_counted(value) else type(value).__name__


@pytest.fixture(scope="module")
def reference() -> dict[str, Any]:
    return dict(entries(catalogue(REFERENCE)))


def test_there_is_a_catalogue_besides_the_reference() -> None:
    assert REFERENCE in LANGUAGES
    assert "en" in OTHERS


@pytest.mark.parametrize("tag", OTHERS)
def test_every_catalogue_has_exactly_the_keys_of_the_reference(tag: str, reference: dict[str, Any]) -> None:
    mine = dict(entries(catalogue(tag)))
    assert sorted(set(reference) - set(mine)) == [], f"{tag}.yaml lacks these keys"
    assert sorted(set(mine) - set(reference)) == [], f"{tag}.yaml has keys {REFERENCE}.yaml does not"
    for key, value in mine.items():
        assert shape(value) == shape(reference[key]), f"{tag}.yaml: {key} is a {shape(value)}"
        if isinstance(value, list):
            assert len(value) == len(reference[key]), key


@pytest.mark.parametrize("tag", OTHERS)
def test_every_text_has_the_fields_of_the_reference(tag: str, reference: dict[str, Any]) -> None:
    """The same {fields} per text: the code fills those and no others. A bounded date may take
    each date bare or after a verb ({low} or {low_on}), as the language says it."""
    for key, value in entries(catalogue(tag)):
        theirs = set().union(*(fields(t) for t in texts(reference[key])))
        mine = set().union(*(fields(t) for t in texts(value)))
        if key.startswith("dates.bounded."):
            theirs, mine = {f.removesuffix("_on") for f in theirs}, {f.removesuffix("_on") for f in mine}
        assert mine == theirs, f"{tag}.yaml: {key} has the fields {sorted(mine)}, {REFERENCE}.yaml {sorted(theirs)}"


@pytest.mark.parametrize("tag", OTHERS)
def test_no_sentence_is_left_in_the_reference_language(tag: str, reference: dict[str, Any]) -> None:
    """A text the same as the French one is a word both languages share ('Sources', 'Questions'),
    never a sentence left untranslated."""
    for key, value in entries(catalogue(tag)):
        if key.startswith(NAMES):
            continue
        pairs = (
            [(value[form], reference[key].get(form)) for form in value]
            if is_counted(value)
            else zip(texts(value), texts(reference[key]), strict=True)
        )
        for mine, theirs in pairs:
            if mine == theirs:
                words = re.findall(r"[^\W\d_]+", re.sub(r"{\w+}", "", mine))
                assert len(words) <= 1, f"{tag}.yaml: {key} is the French text: {mine!r}"


@pytest.mark.parametrize("tag", LANGUAGES)
def test_counted_texts_have_the_plural_forms_of_their_language(tag: str) -> None:
    """One form per CLDR plural category of the language, no more and no fewer: a missing form
    would fall back to 'other' ("1 000 000 événements"), an extra one is never used."""
    required = Locale.parse(tag.replace("-", "_")).plural_form.tags | {"other"}
    counted = {key: value for key, value in entries(catalogue(tag)) if is_counted(value)}
    assert len(counted) >= 10  # counts.*, home.*_word, timeline.shown…
    for key, forms in counted.items():
        assert set(forms) == required, f"{tag}.yaml: {key} has the forms {sorted(forms)}, CLDR needs {sorted(required)}"


@pytest.mark.parametrize("tag", LANGUAGES)
def test_counted_texts_follow_the_number(tag: str) -> None:
    w = words_for(tag)
    one, other = w.count("counts.events", 1), w.count("counts.events", 3)
    assert one.startswith(w.number(1)) and other.startswith(w.number(3))
    assert one.removeprefix(w.number(1)) != other.removeprefix(w.number(3)), "one event and three read alike"


P = PartialDate.parse


def dating(date: str, *, end: str | None = None, low: str | None = None, high: str | None = None) -> Dating:
    return Dating(P(date), P(end) if end else None, P(low) if low else None, P(high) if high else None)


# Every way words.py uses the date patterns: each precision, each compact span (day, month or
# year changing), bounds between two days of a month, of a year, between months, mixed, a single
# bound of each precision, and a bounded date that lasts until a day, a month or a year.
DATINGS = [
    dating("2024-06-19"),
    dating("2024-06"),
    dating("2024"),
    dating("2024-06-01"),
    dating("2024-06-18", end="2024-06-19"),
    dating("2024-06-30", end="2024-07-02"),
    dating("2023-12-30", end="2024-01-02"),
    dating("2024-06", end="2024-08"),
    dating("2023-11", end="2024-02"),
    dating("2023", end="2024"),
    dating("2024-06", low="2024-06-17", high="2024-06-19"),
    dating("2024", low="2024-06-17", high="2024-06-19"),
    dating("2023", low="2023-08-28", high="2023-09-04"),
    dating("2024", low="2024-06", high="2024-08"),
    dating("2024", low="2024-06-17", high="2024-08"),
    dating("2024", low="2024-06-17"),
    dating("2024", low="2024-06"),
    dating("2025", high="2025-08-12"),
    dating("2025-08", high="2025-08-12"),
    dating("2025", high="2025-09"),
    dating("2024", low="2024-06", end="2024-12-31"),
    dating("2024", low="2024-06", end="2025-01"),
    dating("2024", low="2024-06", end="2025"),
]


def _name(d: Dating) -> str:
    parts = [d.date.iso, *(f"{n}{p.iso}" for n, p in (("-", d.end_date), ("<", d.not_before), (">", d.not_after)) if p)]
    return "".join(parts)


@pytest.mark.parametrize("tag", LANGUAGES)
def test_every_date_pattern_formats_a_real_date(tag: str) -> None:
    w = words_for(tag)
    dates = w.raw("dates")
    patterns = [*dates["formats"].values(), *dates["bounds"].values(), *dates["last_bounds"].values()]
    patterns += [p for spans in dates["spans"].values() for pair in spans.values() for p in pair]
    for pattern in patterns:
        assert format_date(dt.date(2024, 6, 19), pattern, locale=w.locale), pattern
    june = w.locale.months["format"]["wide"][6]
    assert w.date(P("2024-06-19")).count("2024") == 1 and "19" in w.date(P("2024-06-19"))
    assert june in w.date(P("2024-06-19")) and june in w.date(P("2024-06"))
    assert w.date(P("2024")) == "2024"


@pytest.mark.parametrize("tag", LANGUAGES)
@pytest.mark.parametrize("value", DATINGS, ids=lambda d: _name(d))
def test_every_dating_reads_in_words(tag: str, value: Dating) -> None:
    """Each way of saying a date fills every field and says every year it spans, once."""
    w = words_for(tag)
    for text in (w.dating(value), w.on(value)):
        assert text and not re.search(r"[{}]|MMM", text), text
        years = {d.year for d in (value.date, value.end_date, value.not_before, value.not_after) if d}
        for year in years:
            assert str(year) in text, (text, year)
        if value.end_date is None and value.date.precision != "year":
            assert text.count(str(value.date.year)) == 1, text


def test_a_language_without_a_catalogue_is_refused_with_the_list() -> None:
    with pytest.raises(MissingCatalogueError, match=r"there are: .*\ben\b.*\bfr\b"):
        words_for("xx-unknown")


@pytest.mark.parametrize(("tag", "file"), [("en-GB", "en.yaml"), ("fr-CA", "fr.yaml"), ("en", "en.yaml")])
def test_a_regional_tag_takes_its_languages_catalogue(tag: str, file: str) -> None:
    w: Words = words_for(tag)
    assert w.file.endswith(file)
    assert str(w.locale) == tag.replace("-", "_")
