"""Ids from titles, and keys from labels: lowercase words joined by hyphens, accents folded."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NOT_WORD = re.compile(r"[^a-z0-9]+")
_NOT_LETTER_OR_DIGIT = re.compile(r"[\W_]+")
# Letters that do not decompose into a base letter and an accent.
_SPECIAL = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l", "đ": "d", "ı": "i"})


def fold(text: str) -> str:
    """Lowercase `text` and drop its accents: 'Coopération' -> 'cooperation'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_SPECIAL))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)  # the same ids and tags are slugged on many pages
def slugify(text: str, *, max_length: int = 60) -> str:
    """Make an id from text: 'Sommet de Vladivostok' -> 'sommet-de-vladivostok'."""
    slug = _NOT_WORD.sub("-", fold(text)).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """A key for anchors, attributes and filters: 'Coopération militaire' -> 'cooperation-militaire'.

    Unlike an id it keeps letters of every script ('Сотрудничество' -> 'сотрудничество'), so a
    theme written in any language has one; text with no letter or digit has none ('').
    """
    return unicodedata.normalize("NFC", _NOT_LETTER_OR_DIGIT.sub("-", fold(text))).strip("-")
