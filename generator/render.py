"""Render the briefing into Markdown pages: pure, deterministic, from the templates in files."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import frontmatter
import jinja2
from markupsafe import Markup

from . import labels
from .dates import french_on
from .escape import markdown_paragraphs, markdown_text, plain_attribute, safe_url
from .links import LINKS
from .slug import key
from .write import MARKER, Page

TEMPLATE_DIR = Path(__file__).parent / "templates"


def _slug(value: object) -> Markup:
    """An id or a theme as it goes in anchors and attributes; spellings of one theme fold into one."""
    return Markup(key(str(value)))


def plural(number: int, singular: str, many: str | None = None) -> str:
    """The word for `number` of things: French puts 0 and 1 in the singular."""
    return singular if number < 2 else many or singular + "s"


def count_of(number: int, singular: str, many: str | None = None) -> str:
    """'1 événement', '2 événements'."""
    return f"{number} {plural(number, singular, many)}"


def short_title(title: str) -> str:
    """A title cut after its first clause, for a source already named in full on the page:
    'Lors d'un appel téléphonique exceptionnel…'. A title whose first clause is under four words
    stays whole: 'Ukraine…' would name nothing."""
    first = _CLAUSE_END.split(title, maxsplit=1)[0]
    return title if first == title or len(first.split()) < 4 else first + "…"


_CLAUSE_END = re.compile(r"\s*[,:;]\s")


def elide_de(text: str) -> str:
    """'de mars 2024' but 'd'octobre 2023'."""
    return f"d'{text}" if text[:1].lower() in "aeiouyéèêh" else f"de {text}"


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates (compiling takes longer than rendering), kept beside Python's own
    compiled modules: code belongs with code, never in the data cache, which holds plain data."""
    if sys.dont_write_bytecode:
        return None
    folder = TEMPLATE_DIR.parent / "__pycache__" / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder)) if os.access(folder, os.W_OK) else None


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        bytecode_cache=_bytecode_cache(),
        autoescape=True,  # macros then return Markup, so their output is not escaped twice
        finalize=markdown_text,  # every {{ value }} shows as text unless it is Markup already
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["paragraphs"] = markdown_paragraphs
    env.filters["slug"] = _slug
    env.filters["slugs"] = lambda values: Markup(" ".join(sorted({_slug(v) for v in values})))
    env.filters["path"] = lambda value: Markup(quote(str(value)))
    env.filters["url"] = safe_url
    env.filters["count_of"] = count_of
    env.filters["plural"] = plural
    env.filters["de"] = elide_de
    env.filters["short_title"] = short_title
    env.filters["on"] = french_on
    env.globals["labels"] = labels.ALL
    env.globals["links"] = LINKS
    return env


def render_page(
    template: str,
    path: str,
    *,
    title: str,
    description: str,
    data_file: str,
    meta: dict[str, Any] | None = None,
    finish: Callable[[str], str] | None = None,
    **context: Any,
) -> Page:
    """Render one template into a page with its front matter; `finish` rewrites the body first."""
    body = environment().get_template(template).render(page_path=path, **context)
    if finish is not None:
        body = finish(body)
    # Templates may leave extra blank lines around their blocks; one is what Markdown needs.
    while "\n\n\n" in body:
        body = body.replace("\n\n\n", "\n\n")
    post = frontmatter.Post(
        body.strip() + "\n",
        title=plain_attribute(title),
        description=plain_attribute(description),
        data_file=data_file,
        generator=MARKER,
        **(meta or {}),
    )
    return Page(path, frontmatter.dumps(post, sort_keys=False) + "\n", data_file)
