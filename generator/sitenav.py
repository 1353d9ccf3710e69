"""The part of MkDocs' configuration that follows the briefing: docs/.site.yml.

mkdocs.yml says `INHERIT: docs/.site.yml`. This file holds what depends on the briefing's
language and data: the theme's language, the navigation (its labels, and only the parts the data
has), the Markdown extensions (the heading links' title is a word of the language), and the
words the theme's templates show (footer, 404 page). A team starting a briefing in another
language edits briefing.yaml and site_name, nothing else. MkDocs merges this file under
mkdocs.yml; it is written in docs/ (hidden: MkDocs does not publish dot files) by the writer,
like every generated file.
"""

from __future__ import annotations

import json

import yaml

from .escape import plain_attribute
from .site import Site
from .write import Page

SITE_CONFIG = ".site.yml"
# The words overrides/ shows (404.html, the footer) and our script reads (briefing.js, #bf-words).
THEME_WORDS = {
    "not_found_title": "theme.not_found_title",
    "not_found": "theme.not_found",
    "not_found_sections": "theme.not_found_sections",
    "copy": "event.copy",
    "copied": "event.copied",
    "copy_failed": "event.copy_failed",
    "print": "print.button",
    "search": "theme.search",
}
# Written as text, in the order MkDocs applies them, with the catalogue's words put in.
_EXTENSIONS = """markdown_extensions:
  - attr_list
  - md_in_html
  - tables
  - toc:
      permalink: true
      permalink_title: {title}
"""


def render_site_config(site: Site) -> list[Page]:
    b, w = site.briefing, site.words
    places = site.places
    parts = [
        ("home", "index.md"),
        ("timeline", places.index("timeline")),
        ("actors", places.index("actors") if b.actors else None),
        ("treaties", places.index("treaties") if b.treaties else None),
        ("questions", places.index("questions") if b.questions else None),
        ("sources", places.index("sources") if b.sources else None),
        ("data", places.index("data")),
        ("method", places.page("method")),
        ("print", places.page("print")),
    ]
    config = {
        # The theme prints it unescaped in the pages' <meta>: escaped here, like front matter.
        "site_description": plain_attribute(w.typeset(b.description)),
        "copyright": w("theme.footer"),  # the footer's line, where the theme would name itself
        "theme": {"language": w.raw("theme.language")},
        # The navigation lists the parts only: its size must not grow with the number of records
        # (MkDocs renders the whole navigation into every page).
        "nav": [{w(f"sections.{part}"): path} for part, path in parts if path],
        "extra": {
            "generator": False,  # the theme's "Made with Material for MkDocs": not our reader's business
            "briefing": {
                **{name: w(key) for name, key in THEME_WORDS.items()},
                # The feed every page announces in its <head> (overrides/main.html), and its name.
                "feed": places.export("feed"),
                "feed_title": w("theme.feed", title=b.title),
                "search_box": _search_box(site),
            },
        },
    }
    text = (
        "# Written by `python -m generator generate` from the briefing and its language's catalogue\n"
        "# (generator/sitenav.py); mkdocs.yml inherits it. Edit briefing.yaml, not this file.\n"
        + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000)
        + _EXTENSIONS.format(title=json.dumps(w("event.heading_link"), ensure_ascii=False))
    )
    return [Page(SITE_CONFIG, text, b.data_file)]


# The texts of the search box and its results (overrides/partials/search-box.html, search.js).
_SEARCH_TEXTS = ("label", "prompt", "results", "clear", "loading", "failed", "none", "more")


def _search_box(site: Site) -> dict[str, object]:
    """The search box's words, which its script gets as one attribute: texts, the counted text's
    plural forms (the script picks one with the browser's CLDR rules), the names of the kinds."""
    w = site.words
    return {
        "language": w.tag,
        **{name: w(f"search.{name}") for name in _SEARCH_TEXTS},
        "found": w.table("search.found"),
        "kind": w.table("search.kind"),
    }
