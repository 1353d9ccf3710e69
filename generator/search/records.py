"""The search records: one small HTML document per thing a reader looks for, made from the data.

Pagefind indexes these documents, not the built pages: a year page of a thousand events is one
page to Pagefind, whose result leads nowhere in particular and whose fragment is megabytes. Each
record here is an event, an actor, a source, a treaty, a provision or a question, written from
the typed briefing (every value escaped: contributors' text is text), and says with Pagefind's
attributes what counts most:

- its name (an event's title, an actor's name and every other spelling) outranks its body text,
  through `data-pagefind-weight` (Pagefind's scale is quadratic: 10 counts about 100 times 1);
- an actor's name and spellings are also the `names` metadata, which the box weighs most, so a
  query naming an actor finds the actor first;
- its date is shown with the result and is searchable ("2024");
- its address is the record's own place on the site, with its anchor (`url` metadata);
- its kind is a code (`kind` metadata: "event"), which the box turns into words.

Pages that are not records (the method page, the summary, the Données page) are indexed by their
title and description, and hand-written ones by their text too, all with low weights, so that a
record always outranks them. Pages left out of search (`search: exclude` in their front matter:
the compact timeline, the printable page) stay out.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import frontmatter

from ..links import Places, url_path
from ..model import Actor, Briefing, Certainty, Event, Question, Source, Treaty
from ..render import places_for
from ..words import Words, words_for
from ..write import MANIFEST

# Pagefind weights (1 is body text).
W_NAME = 10.0  # an actor's name and other spellings
W_TITLE = 8.0  # an event's, treaty's or provision's title; a question
W_WHEN = 6.0  # an event's date: "2024", "juin 2024" find the events of that time first
W_SOURCE = 5.0  # a source's title: an article about an event ranks after the event itself
W_DETAIL = 3.0  # who took part, where, the themes, a treaty's date, an actor's role
W_BODY = 1.0
W_QUOTE = 0.5  # a treaty's own words, quoted under each provision
W_PAGE_TITLE = 2.0  # a page that is not a record
W_PAGE_BODY = 0.3


@dataclass(frozen=True, slots=True)
class Record:
    url: str  # from the site's root, as MkDocs publishes it: chronologie/2024/#2024-06-19-x
    html: str


def make_records(briefing: Briefing, docs_dir: Path) -> Iterator[Record]:
    """Every record of the briefing, then the pages of docs/ that are not records."""
    words = words_for(briefing.language).plain()
    make = _Maker(words, places_for(words))
    for event in briefing.events:
        yield make.event(event)
    for actor in briefing.actors:
        yield make.actor(actor)
    for source in briefing.sources:
        yield make.source(source)
    for treaty in briefing.treaties:
        yield from make.treaty(treaty)
    for question in briefing.questions:
        yield make.question(question)
    yield from make.pages(docs_dir, briefing)


def _text(value: object) -> str:
    return html.escape(str(value), quote=True)


# A dash between two words ("Trump–Poutine", "Valmontie–Bordurie", "19–20 juin") joins them into one
# word for Pagefind, which splits words at hyphens only; spaced, each is found on its own.
_DASH = re.compile(r"(?<=\w)([\u2010-\u2015\u2212])(?=\w)")


def _words(value: object) -> str:
    """Text as it is indexed (shown in excerpts): escaped, dashes between words spaced."""
    return _text(_DASH.sub(r" \1 ", str(value)))


def _part(weight: float, text: str | None) -> str:
    return f'<p data-pagefind-weight="{weight:g}">{_words(text)}</p>' if text else ""


class _Maker:
    """Records in one language: the words inside them (labels before lists, dates) are its own."""

    def __init__(self, words: Words, places: Places) -> None:
        self.words, self.places = words, places

    def _label(self, name: str) -> str:
        """'Acteurs :', the name before a list."""
        return self.words("label", label=self.words(f"search.{name}"))

    def _labelled(self, name: str, values: Iterable[str]) -> str:
        """'Acteurs : Kim Jong Un, Kim Jong-un ; Vladimir Poutine' as one weighted line, or nothing."""
        joined = self.words.raw("list_separator").join(values)
        return _part(W_DETAIL, f"{self._label(name)} {joined}") if joined else ""

    def _aliases(self, actor: Actor) -> str:
        """An actor's other spellings, weighted as its name; the words before them are not."""
        if not actor.aliases:
            return ""
        spellings = f'<span data-pagefind-weight="{W_NAME:g}">{_words(", ".join(actor.aliases))}</span>'
        return f'<p data-pagefind-weight="{W_DETAIL:g}">{_text(self._label("aliases"))} {spellings}</p>'

    def _date(self, shown: str, certainty: Certainty) -> str:
        if certainty == "exact":
            return shown
        uncertain = self.words("event.uncertain", certainty=self.words.table("labels.certainty")[certainty])
        return self.words("search.uncertain_date", date=shown, uncertain=uncertain)

    def _document(
        self,
        kind: str,
        target: str,
        title: str,
        body: Iterable[str],
        *,
        title_weight: float = W_TITLE,
        date: str | None = None,
        date_weight: float = W_DETAIL,
        names: Iterable[str] = (),
    ) -> Record:
        url = url_path(target)
        # What the result shows, as written; the body below is what is searched.
        shown = {"url": url, "title": title, "date": date, "names": " · ".join(names)}
        head = "".join(
            f'<meta data-pagefind-meta="{key}[content]" content="{_text(value)}">'
            for key, value in shown.items()
            if value
        )
        when = _part(date_weight, date)  # "2024" finds what happened then
        return Record(
            url,
            f'<!doctype html><html lang="{_text(self.words.tag)}"><head><meta charset="utf-8">{head}</head>'
            f'<body data-pagefind-body data-pagefind-meta="kind:{kind}">'
            f'<h1 data-pagefind-weight="{title_weight:g}">{_words(title)}</h1>{when}{"".join(body)}</body></html>',
        )

    def event(self, event: Event) -> Record:
        # Who took part is named with every spelling, so "Putin Alaska" finds the summit as
        # "Poutine Alaska" does. The quotes copied from the sources are left out: they repeat the
        # summary, and make the index a quarter larger and a search for a common word slower.
        body = [
            _part(W_BODY, event.summary),
            self._labelled("according_to", map(_spellings, event.according_to)),
            self._labelled("actors", map(_spellings, event.actors)),
            self._labelled("place", [event.location] if event.location else []),
            self._labelled("themes", [", ".join(event.tags)] if event.tags else []),
        ]
        date = self._date(self.words.dating(event.dating), event.certainty)
        return self._document("event", self.places.event(event), event.title, body, date=date, date_weight=W_WHEN)

    def actor(self, actor: Actor) -> Record:
        body = [
            self._aliases(actor),
            _part(W_DETAIL, actor.role),
            _part(W_BODY, actor.description),
        ]
        names = [actor.name, *actor.aliases]
        return self._document("actor", self.places.actor(actor), actor.name, body, title_weight=W_NAME, names=names)

    def source(self, source: Source) -> Record:
        body = [
            _part(W_DETAIL, ", ".join(x for x in (source.author, source.outlet) if x)),
            _part(W_BODY, source.notes),
        ]
        date = self._date(self.words.date(source.published), source.published_certainty)
        target = self.places.source(source)
        return self._document(
            "source", target, source.title, body, title_weight=W_SOURCE, date=date, date_weight=W_BODY
        )

    def treaty(self, treaty: Treaty) -> Iterator[Record]:
        start = treaty.start  # its signing, or its adoption
        date = self._date(self.words.dating(start.dating), start.certainty) if start else None
        parties = self._labelled("parties", map(_spellings, treaty.parties))
        yield self._document(
            "treaty", self.places.treaty(treaty), treaty.title, [parties, _part(W_BODY, treaty.summary)], date=date
        )
        for provision in treaty.provisions:
            title = f"{provision.label} — {provision.title}" if provision.label else provision.title
            body = [_part(W_DETAIL, treaty.title), _part(W_BODY, provision.summary)]
            body += [_part(W_QUOTE, self.words("quote", text=citation.quote)) for citation in provision.citations]
            target = self.places.treaty(treaty, provision.id)
            yield self._document("provision", target, title, body, date=date)

    def question(self, question: Question) -> Record:
        body = [_part(W_BODY, question.context), _part(W_BODY, question.answer)]
        date = self.words.date(question.raised)
        return self._document(
            "question", self.places.question(question), question.question, body, date=date, date_weight=W_BODY
        )

    def pages(self, docs_dir: Path, briefing: Briefing) -> Iterator[Record]:
        """The pages that show no record of their own: the summary, the data and method pages by their
        title and description (the summary with its text), and the hand-written pages (in docs/, not in the
        generator's manifest) with their text. Lists of records are left out: each record is found
        on its own."""
        generated = _manifest(docs_dir)
        summary = _read_page(docs_dir / "index.md", whole=False)
        if summary is not None:
            title, description, _ = summary
            yield self._page("index.md", title, [description, briefing.summary])
        for path in (self.places.index("data"), self.places.page("method")):
            if (found := _read_page(docs_dir / path, whole=False)) is not None:
                yield self._page(path, found[0], [found[1]])
        for path in sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")):
            if path in generated or path.startswith(("assets/", ".")):
                continue
            if (found := _read_page(docs_dir / path, whole=True)) is not None:
                yield self._page(path, found[0], [found[1], found[2]])

    def _page(self, path: str, title: str, texts: Iterable[str]) -> Record:
        body = [_part(W_PAGE_BODY, text) for text in texts]
        return self._document("page", path, title, body, title_weight=W_PAGE_TITLE)


def _spellings(actor: Actor) -> str:
    return ", ".join([actor.name, *actor.aliases])


def _manifest(docs_dir: Path) -> Mapping[str, str]:
    try:
        files = json.loads((docs_dir / MANIFEST).read_text(encoding="utf-8")).get("files", {})
    except (OSError, ValueError, AttributeError):
        return {}
    return files if isinstance(files, dict) else {}


_TAG = re.compile(r"<[^>]+>")
_HEADING = re.compile(r"^#\s+(.+)$", re.MULTILINE)


def _read_page(path: Path, *, whole: bool) -> tuple[str, str, str] | None:
    """A page's title, description and (`whole`) text; None when it is missing or left out of search."""
    if not path.is_file():
        return None
    page = frontmatter.loads(path.read_text(encoding="utf-8"))
    search = page.metadata.get("search")
    if isinstance(search, dict) and search.get("exclude"):
        return None
    heading = _HEADING.search(page.content)
    title = str(page.metadata.get("title") or (heading.group(1) if heading else path.stem))
    description = str(page.metadata.get("description") or "")
    text = ""
    if whole:
        import markdown  # MkDocs' own; only hand-written pages need it

        text = " ".join(html.unescape(_TAG.sub(" ", markdown.markdown(page.content))).split())
    return title, description, text
