"""Every word the search shows a reader, per language: the box, its results, and the kinds of
record. One table, so that moving it into the site's catalogue of words is one move.

`generate` writes the briefing's language's words beside the pages (docs/.search-words.json);
the MkDocs hook hands them to the search box's template, which gives them to the box's script as
one data attribute. The index carries codes ("event"), never these words, so the same index
serves whatever the words become.
"""

from __future__ import annotations

import json

# "{count}" is replaced by the number of results, written as the reader's language writes numbers.
WORDS: dict[str, dict[str, str]] = {
    "fr": {
        "label": "Rechercher",
        "prompt": "Un nom, un lieu, un thème, une année…",
        "results": "Résultats de la recherche",
        "clear": "Effacer",
        "loading": "Chargement de la recherche…",
        "failed": "La recherche n'a pas pu être chargée.",
        "none": "Aucun résultat",
        "one": "1 résultat",
        "many": "{count} résultats",
        "more": "Afficher plus de résultats",
        "kind.event": "Événement",
        "kind.actor": "Acteur",
        "kind.source": "Source",
        "kind.treaty": "Traité",
        "kind.provision": "Disposition de traité",
        "kind.question": "Question",
        "kind.page": "Page",
        # Inside the records, which a result's excerpt shows; {} stands for what follows the label.
        "actors": "Acteurs : {}",
        "according_to": "Selon : {}",
        "aliases": "Autres graphies : {}",
        "place": "Lieu : {}",
        "themes": "Thèmes : {}",
        "parties": "Parties : {}",
        "quote": "« {} »",
        "separator": " ; ",
        "uncertain_date": "{date} (date {certainty})",
    },
    "en": {
        "label": "Search",
        "prompt": "A name, a place, a theme, a year…",
        "results": "Search results",
        "clear": "Clear",
        "loading": "Loading the search…",
        "failed": "The search could not be loaded.",
        "none": "No result",
        "one": "1 result",
        "many": "{count} results",
        "more": "Show more results",
        "kind.event": "Event",
        "kind.actor": "Actor",
        "kind.source": "Source",
        "kind.treaty": "Treaty",
        "kind.provision": "Treaty provision",
        "kind.question": "Question",
        "kind.page": "Page",
        "actors": "Actors: {}",
        "according_to": "According to: {}",
        "aliases": "Also written: {}",
        "place": "Place: {}",
        "themes": "Themes: {}",
        "parties": "Parties: {}",
        "quote": "“{}”",
        "separator": "; ",
        "uncertain_date": "{date} ({certainty} date)",
    },
}
# The file `generate` writes into docs/: a dot file, which MkDocs neither publishes nor builds.
WORDS_FILE = ".search-words.json"


def words_for(language: str) -> dict[str, str]:
    """The words of `language`; English for a language that has none yet, rather than nothing."""
    return WORDS.get(language, WORDS["en"])


def render_words(language: str) -> str:
    """The words the search box shows, as the JSON file the MkDocs hook reads."""
    return json.dumps({"language": language, **words_for(language)}, ensure_ascii=False, indent=1, sort_keys=True)
