"""Which characters a data file may hold: ordinary text, and nothing invisible or unwritable.

Refused, whether typed raw or written as a YAML escape ("\\u202e"):

- control characters other than tab and line breaks;
- format characters (Unicode category Cf): zero-width spaces and joiners, bidirectional marks
  and overrides ("Trojan Source"), the soft hyphen, the Arabic letter mark, the Mongolian vowel
  separator, interlinear annotations, tag characters…, which make text read differently from
  what it is. One exception: the zero-width joiner between two emoji, which joins an emoji
  sequence (👩‍💻) and is ordinary text;
- characters that render as nothing though they are not format characters: the Hangul fillers,
  the combining grapheme joiner, the Braille blank;
- non-characters (U+FFFE, U+FFFF, U+FDD0–U+FDEF…) and lone surrogates, which XML (the Atom
  feed) and UTF-8 (every page) cannot hold.
"""

from __future__ import annotations

import re
import unicodedata

_ZWJ = "\u200d"
_VARIATION_SELECTOR_16 = "\ufe0f"
# Quick filters: every character that may be refused is in one of these ranges. Plain text
# (Latin, Cyrillic, Hangul syllables, CJK…) never is, so most files cost two regex searches.
# Characters outside the Basic Multilingual Plane (emoji, tags, their non-characters) are
# checked one by one: a class of astral ranges makes the regex ten times slower on every file.
_SUSPECT = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\xad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2"
    "\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\u2800\u3164\ud800-\udfff\ufdd0-\ufdef"
    "\ufeff\uffa0\ufff0-\ufffb\ufffe\uffff]"
)
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
# Rendered as nothing, though Unicode does not class them as format characters.
_BLANK = frozenset("\u034f\u115f\u1160\u2800\u3164\uffa0")
_LINE_SEPARATORS = frozenset("\u2028\u2029")  # white space, like a line break: allowed


def forbidden_character(text: str) -> tuple[int, str] | None:
    """Return (index, character) of the first character `text` may not hold, or None."""
    suspects = [*_SUSPECT.finditer(text), *_ASTRAL.finditer(text)]
    for match in sorted(suspects, key=lambda m: m.start()) if len(suspects) > 1 else suspects:
        index, char = match.start(), match.group()
        if char in _LINE_SEPARATORS or (char == _ZWJ and _joins_emoji(text, index)):
            continue
        if _refused(char):
            return index, char
    return None


def describe(char: str) -> str:
    """'the invisible character U+200B ZERO WIDTH SPACE', for a message."""
    code = f"U+{ord(char):04X}"
    category = unicodedata.category(char)
    if category == "Cs":
        return f"the lone surrogate {code}"
    if category == "Cn" and _is_noncharacter(char):
        return f"the non-character {code}"
    name = unicodedata.name(char, "")
    return f"the invisible character {code}" + (f" ({name})" if name else "")


def _refused(char: str) -> bool:
    if char in _BLANK or 0xE0000 <= ord(char) <= 0xE007F:  # the whole tags block, assigned or not
        return True
    category = unicodedata.category(char)
    # Cc: control, Cf: format, Cs: surrogate, Cn: unassigned (which includes the non-characters).
    return category in ("Cc", "Cf", "Cs") or (category == "Cn" and _is_noncharacter(char))


def _is_noncharacter(char: str) -> bool:
    code = ord(char)
    return 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE


def _joins_emoji(text: str, index: int) -> bool:
    """A zero-width joiner between two emoji (an emoji may carry a variation selector or a skin tone)."""
    before = index - 1
    while before >= 0 and (text[before] == _VARIATION_SELECTOR_16 or _is_skin_tone(text[before])):
        before -= 1
    after = index + 1
    return before >= 0 and after < len(text) and _is_emoji(text[before]) and _is_emoji(text[after])


def _is_emoji(char: str) -> bool:
    return unicodedata.category(char) == "So"


def _is_skin_tone(char: str) -> bool:
    return 0x1F3FB <= ord(char) <= 0x1F3FF
