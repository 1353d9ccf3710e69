"""Render the briefing into Markdown pages: pure, deterministic, from the templates in files.

Each language has its environment: the same templates, with its words (`w`, see words.py) and
its links (`links`, see links.py) as globals, and its typography applied to every value shown.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import frontmatter
import jinja2
from markupsafe import Markup

from .escape import markdown_paragraphs, markdown_text, plain_attribute, safe_url
from .links import Links, Places
from .slug import key
from .words import Words, words_for
from .write import MARKER, Page

TEMPLATE_DIR = Path(__file__).parent / "templates"


def _slug(value: object) -> Markup:
    """An id or a theme as it goes in anchors and attributes; spellings of one theme fold into one."""
    return Markup(key(str(value)))


def short_title(title: str) -> str:
    """A title cut after its first clause, for a source already named in full on the page:
    'Lors d'un appel téléphonique exceptionnel…'. A title whose first clause is under four words
    stays whole: 'Ukraine…' would name nothing."""
    first = _CLAUSE_END.split(title, maxsplit=1)[0]
    return title if first == title or len(first.split()) < 4 else first + "…"


_CLAUSE_END = re.compile(r"\s*[,:;]\s")


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


def places_for(words: Words) -> Places:
    return Places(words.raw("paths"), words.raw("files"))


@dataclass(frozen=True)
class Kit:
    """What pages of one language are rendered with: the templates, the words, the links."""

    env: jinja2.Environment
    words: Words
    links: Links


def environment(language: str) -> jinja2.Environment:
    return kit(language).env


@cache
def kit(language: str) -> Kit:
    """The templates' environment for the briefing's `language` (a BCP 47 tag)."""
    words = words_for(language)
    links = Links(places_for(words))

    @lru_cache(maxsize=65536)  # names, titles and labels recur on many pages
    def shown(value: str) -> Markup:
        return markdown_text(words.typeset(value))

    def finalize(value: object) -> Markup:
        """Every {{ value }} shows as text in the language's typography, unless it is Markup already."""
        return value if isinstance(value, Markup) else shown(str(value))

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        bytecode_cache=_bytecode_cache(),
        autoescape=True,  # macros then return Markup, so their output is not escaped twice
        finalize=finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["paragraphs"] = lambda text: markdown_paragraphs(words.typeset(text))
    env.filters["slug"] = _slug
    env.filters["slugs"] = lambda values: Markup(" ".join(sorted({_slug(v) for v in values})))
    env.filters["path"] = lambda value: Markup(quote(str(value)))
    env.filters["url"] = safe_url
    env.filters["short_title"] = short_title
    env.globals["w"] = words
    env.globals["links"] = links
    return Kit(env, words, links)


def render_text(template: str, *, language: str, **context: Any) -> str:
    """Render a template that is a whole file as it is published (not a Markdown page)."""
    return kit(language).env.get_template(template).render(**context)


def render_page(
    template: str,
    path: str,
    *,
    language: str,
    title: str,
    description: str,
    data_file: str,
    meta: dict[str, Any] | None = None,
    finish: Callable[[str], str] | None = None,
    **context: Any,
) -> Page:
    """Render one template into a page with its front matter; `finish` rewrites the body first."""
    env, words = kit(language).env, kit(language).words
    body = env.get_template(template).render(page_path=path, **context)
    if finish is not None:
        body = finish(body)
    # Templates may leave extra blank lines around their blocks; one is what Markdown needs.
    while "\n\n\n" in body:
        body = body.replace("\n\n\n", "\n\n")
    post = frontmatter.Post(
        body.strip() + "\n",
        title=plain_attribute(words.typeset(title)),
        description=plain_attribute(words.typeset(description)),
        data_file=data_file,
        generator=MARKER,
        **(meta or {}),
    )
    return Page(path, frontmatter.dumps(post, sort_keys=False) + "\n", data_file)
