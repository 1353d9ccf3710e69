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
# Quick filter: every character that may be refused is in one of these ranges. Plain text
# (Latin, Cyrillic, Hangul syllables, CJK…) never is, so most files cost one regex search.
_SUSPECT = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\xad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2"
    "\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\u2800\u3164\ud800-\udfff\ufdd0-\ufdef"
    "\ufeff\uffa0\ufff0-\ufffb\ufffe\uffff\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
    "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U0004fffe\U0004ffff\U0005fffe\U0005ffff"
    "\U0006fffe\U0006ffff\U0007fffe\U0007ffff\U0008fffe\U0008ffff\U0009fffe\U0009ffff\U000afffe\U000affff"
    "\U000bfffe\U000bffff\U000cfffe\U000cffff\U000dfffe\U000dffff\U000efffe\U000effff\U000ffffe\U000fffff"
    "\U0010fffe\U0010ffff]"
)
# Rendered as nothing, though Unicode does not class them as format characters.
_BLANK = frozenset("\u034f\u115f\u1160\u2800\u3164\uffa0")
_LINE_SEPARATORS = frozenset("\u2028\u2029")  # white space, like a line break: allowed


def forbidden_character(text: str) -> tuple[int, str] | None:
    """Return (index, character) of the first character `text` may not hold, or None."""
    for match in _SUSPECT.finditer(text):
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
