"""Turn values from the data into Markdown that shows them as typed, and nothing more.

Python-Markdown and MkDocs sanitize nothing: raw HTML, `[x](javascript:…)` and `{: onclick=… }`
all reach the page. So every value is escaped here, and the templates get no other way in: the
Jinja environment passes every `{{ … }}` through `markdown_text` unless it is already Markup.

Characters that Markdown, HTML or our extensions (attr_list, md_in_html, admonition) read as
syntax become numeric character references, which Markdown leaves alone and browsers show as
the character. Values are single paragraphs: white space is collapsed, so no value can start a
block (heading, list, code block, table) except at its first character, which is handled too.
No field allows formatting: text is text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import quote, urlsplit

from markupsafe import Markup

_SYNTAX = '&<>"\\`*_[]{}|~!#^='
_TABLE = {ord(c): f"&#{ord(c)};" for c in _SYNTAX}
_ESCAPES = re.compile("[" + re.escape(_SYNTAX) + "]")
# White space that collapses to one space; not the non-breaking spaces the language's typography
# puts before a colon or inside guillemets, which must stay where they are.
_SPACE = re.compile(r"[^\S\u00a0\u202f]+")
_ENDS = " \t\r\n\f\v\x1c\x1d\x1e\x1f\x85\u2028\u2029"
# Text that needs no work at all: no syntax, single spaces, nothing that can open a block.
_PLAIN = re.compile(r"(?! )(?!\d*[-+:.)])(?:[^\s" + re.escape(_SYNTAX) + r"]| (?! ))*(?<! )\Z")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# What can still open a block at the start of a value: "- x", "+ x", "2024. x", ": x".
_BLOCK_START = re.compile(r"^(\d*)([-+:.)])")


def markdown_text(value: object) -> Markup:
    """Escape one value so Markdown shows it as text, on one line."""
    if isinstance(value, Markup):
        return value
    return _escape_text(str(value))


@lru_cache(maxsize=65536)  # names, titles and labels recur on many pages
def _escape_text(text: str) -> Markup:
    if _PLAIN.match(text):
        return Markup(text)
    line = _SPACE.sub(" ", text).strip(_ENDS)
    if _ESCAPES.search(line):
        line = line.translate(_TABLE)
    line = _BLOCK_START.sub(lambda m: f"{m.group(1)}&#{ord(m.group(2))};", line, count=1)
    return Markup(line)


def markdown_paragraphs(value: str) -> list[Markup]:
    """Split text on blank lines and escape each paragraph."""
    return [markdown_text(p) for p in _PARAGRAPH_BREAK.split(value.strip()) if p.strip()]


def plain_attribute(value: str) -> str:
    """Escape for the front matter, whose title and description the theme prints unescaped."""
    text = _SPACE.sub(" ", value).strip()
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def safe_url(value: str) -> Markup:
    """Return an http(s) address percent-encoded for a Markdown link, or raise ValueError."""
    if urlsplit(value).scheme not in ("http", "https"):
        raise ValueError(f"not a web address: {value!r}")
    return Markup(quote(value, safe=":/?#@!$&'*+,;=%~-._"))
