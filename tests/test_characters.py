"""Which characters a data file may hold (generator/characters.py)."""

from __future__ import annotations

import re

import pytest

from generator.characters import describe, forbidden_character
from generator.dates import FIRST_YEAR, LAST_YEAR, PartialDate
from generator.schema import load_schema

REFUSED = [
    "\x00", "\x07", "\x1b", "\x7f", "\x85",  # controls
    "\u00ad", "\u061c", "\u180e", "\u200b", "\u200e", "\u202e", "\u2066", "\ufeff",  # format
    "\ufff9", "\ufffb", "\U000e0000", "\U000e0001", "\U000e0041", "\U000e007f",  # annotations, tags
    "\u034f", "\u115f", "\u1160", "\u3164", "\uffa0", "\u2800",  # rendered as nothing
    "\ufdd0", "\ufdef", "\ufffe", "\uffff", "\U0001fffe", "\U0010ffff",  # non-characters
    "\ud800", "\udfff",  # lone surrogates (a YAML escape can write them)
]  # fmt: skip


@pytest.mark.parametrize("char", REFUSED, ids=lambda c: f"U+{ord(c):04X}")
def test_invisible_and_unwritable_characters_are_refused(char: str) -> None:
    assert forbidden_character(f"Kim{char} Jong") == (3, char)


@pytest.mark.parametrize(
    "text",
    [
        "Coopération, « traité » — 2024 ; l’accord",
        "Ким Чен Ын, 김정은, 金正恩, كيم جونغ أون, קים",
        "👩\u200d💻 👨\u200d👩\u200d👧 ❤\ufe0f\u200d🔥 👍🏽\u200d🚀",  # emoji joined into one: ordinary text
        "tab\tand\nlines\r\n\u2028\u2029",
        "\U000e0100",  # an ideographic variation selector, not a tag
    ],
)
def test_ordinary_text_is_accepted(text: str) -> None:
    assert forbidden_character(text) is None


def test_a_joiner_outside_an_emoji_sequence_is_refused() -> None:
    assert forbidden_character("ab\u200dcd") == (2, "\u200d")
    assert forbidden_character("👩\u200d") == (1, "\u200d")
    assert forbidden_character("\u200d💻") == (0, "\u200d")


def test_descriptions_say_what_the_character_is() -> None:
    assert describe("\u202e") == "the invisible character U+202E (RIGHT-TO-LEFT OVERRIDE)"
    assert describe("\x07") == "the invisible character U+0007"
    assert describe("\uffff") == "the non-character U+FFFF"
    assert describe("\ud800") == "the lone surrogate U+D800"


def test_the_schema_and_the_dates_accept_the_same_years() -> None:
    pattern = re.compile(
        load_schema("common.schema.json")["definitions"]["partial_date"]["pattern"].replace("$", r"\Z")
    )
    for year in (FIRST_YEAR - 1, FIRST_YEAR, 2024, LAST_YEAR, LAST_YEAR + 1, 0, 9999):
        text = f"{year:04d}-06-19"
        accepted_by_schema = bool(pattern.search(text))
        try:
            PartialDate.parse(text)
            accepted_by_dates = True
        except ValueError:
            accepted_by_dates = False
        assert accepted_by_schema == accepted_by_dates == (FIRST_YEAR <= year <= LAST_YEAR), year


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2024\n", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
        (" 2024", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2024-6", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2024-00", "not a real date: month 00 does not exist"),
        ("2024-06-00", "not a real date: 2024-06 has no day 00"),
        ("2023-02-29", "not a real date: 2023-02 has no day 29"),
        ("0999", "the year must be from 1000 to 2999"),
    ],
)
def test_dates_are_read_strictly(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        PartialDate.parse(text)
