"""What every page and export is rendered from: the briefing, and the pieces made once.

Pieces (an event's Markdown, its calendar entry, its JSON record…) are made once per run and
kept across runs (`remembered`), each keyed by a digest of what it shows: the digests of the data
files it shows (`digests`, by data file) or the fields it shows. When none of them changed,
neither did the piece. A page or an export whose keys are those of the last run, and whose file
in docs/ is as that run wrote it (`intact`), is not made again at all.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from markupsafe import Markup

from .links import ROOT, Links, SiteUrls, to_root
from .model import Actor, Briefing, Event, Question, Source, Treaty
from .render import kit, render_page
from .slug import slugify
from .words import Words
from .write import Page

# The event macros of macros.md.j2 that Site renders, and those that show linked records
# (actors, sources, treaties…), not only the event itself.
_MACROS = ("event_section", "event_print", "event_row", "event_item")
_SHOWING_LINKS = frozenset({"event_section", "event_print"})
# Where a citation names its source (macros.md.j2): replaced on each page, see Site._name_sources.
_SOURCE_MARK = re.compile(r"<!--bf-source:([a-z0-9-]+)-->")


class Site:
    """What every page is rendered from: the briefing, and each event's Markdown, made once.

    An event's Markdown is also kept across runs (`remembered`, see `remembered()`), keyed by
    the digests of every data file it shows (`digests`, by data file): the event's own, its
    actors', sources', treaties', linked events' and questions'. When none of them changed,
    neither did the Markdown.
    """

    def __init__(
        self,
        briefing: Briefing,
        *,
        urls: SiteUrls | None = None,
        digests: Mapping[str, str] | None = None,
        remembered: Mapping[str, str] | None = None,
        intact: Callable[[str], bool] | None = None,
        previous: Callable[[str], str | None] | None = None,
        updated: dt.date | None = None,
    ) -> None:
        self.briefing = briefing
        self.updated = updated  # the day the data last changed, when its history says (history.py)
        self.urls = urls or SiteUrls.at()
        self._intact = intact or (lambda path: False)
        self._previous = previous or (lambda path: None)
        tools = kit(briefing.language)
        self.words: Words = tools.words
        self.links: Links = tools.links
        self.places = self.links.places
        self._macros = tools.env.get_template("macros.md.j2").module
        self._digests = digests or {}
        self._remembered = remembered or {}
        self._layouts = {key.rsplit(" ", 1)[0]: key for key in self._remembered if key.startswith("layout ")}
        self._used: dict[str, str] = {}
        self._made: dict[tuple[str, str], Markup] = {}
        self._keys: dict[tuple[str, str], str | None] = {}
        self._once: dict[str, Any] = {}
        self._sources = {slugify(source.id, max_length=200): source for source in briefing.sources}

    def section(self, event: Event) -> Markup:
        """The event in full, as the timeline shows it."""
        return self._event("event_section", event)

    def printed(self, event: Event) -> Markup:
        """The event in full, as the printable page shows it."""
        return self._event("event_print", event)

    def row(self, event: Event) -> Markup:
        """The event on one line, as lists of events show it."""
        return self._event("event_row", event)

    def to_remember(self, pages: list[Page]) -> dict[str, str]:
        """What to remember for the next run: what this run used, and what it did not need to
        look at (a kept page's events) unless its record or page is gone or this run made a
        newer version. A piece's name is its kind and the id of its record, or a page's path."""
        names = {key.rsplit(" ", 1)[0] for key in self._used}
        b = self.briefing
        alive = {p.path for p in pages} | set(b.events_by_id) | set(b.actors_by_id) | {s.id for s in b.sources}
        alive |= set(b.treaties_by_id) | {q.id for q in b.questions}
        kept = {
            key: text
            for key, text in self._remembered.items()
            if (name := key.rsplit(" ", 1)[0]) not in names and name.rsplit(" ", 1)[-1] in alive
        }
        return {**kept, **self._used}

    def item(self, event: Event) -> Markup:
        """The event on one line with what the timeline filters read."""
        return self._event("event_item", event)

    def section_key(self, event: Event) -> str | None:
        return self._event_key("event_section", event)

    def row_key(self, event: Event) -> str | None:
        return self._event_key("event_row", event)

    def item_key(self, event: Event) -> str | None:
        return self._event_key("event_item", event)

    def _event_key(self, macro: str, event: Event) -> str | None:
        if (macro, event.id) not in self._keys:
            if macro in _SHOWING_LINKS:
                files = sorted(set(self._shown_by_section(event)))
                key = self._hashed(f"{macro} {event.id}", [(file, self.digest(file)) for file in files])
            else:  # a line shows a few fields: a change elsewhere in the file leaves it as it was
                key = self._hashed(f"{macro} {event.id}", _line_fields(event, with_filters=macro == "event_item"))
            self._keys[macro, event.id] = key
        return self._keys[macro, event.id]

    def _hashed(self, name: str, shown: Iterable[object]) -> str | None:
        """A key: the name of a fragment or page, and a digest of what it shows; None without
        digests (no cache), when nothing is remembered."""
        if not self._digests:
            return None
        # The language is in every key: the same record reads otherwise in another language.
        text = repr((self.words.tag, tuple(shown)))
        return f"{name} " + hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()

    def digests_of(self, records: Iterable[Actor | Source | Treaty | Question]) -> list[str]:
        return [self.digest(record.data_file) for record in records]

    def _event(self, macro: str, event: Event) -> Markup:
        """Render an event with a macro of macros.md.j2 (taking the event and the briefing), once."""
        found = self._made.get((macro, event.id))
        if found is None:
            render: Callable[[Event, Briefing], str] = getattr(self._macros, macro)
            key = self._event_key(macro, event)
            found = self._made[macro, event.id] = self._fragment(key, lambda: render(event, self.briefing))
        return found

    def digest(self, data_file: str) -> str:
        return self._digests.get(data_file, "?")

    def _shown_by_section(self, event: Event) -> list[str]:
        """What an event's entry in the exports names, and the events and questions that point to it."""
        b = self.briefing
        files = self._shown_by_export(event)
        files += [outcome.data_file for outcome in b.outcomes.get(event.id, ())]
        files += [question.data_file for question in b.questions_by_event.get(event.id, ())]
        return files

    def _fragment(self, key: str | None, render: Callable[[], str]) -> Markup:
        if key is None:
            return Markup(render())
        text = self._remembered.get(key)
        if text is None:
            text = render()
        self._used[key] = text
        return Markup(text)

    def once(self, name: str, make: Callable[[], Any]) -> Any:
        """A value made once in this run, whoever asks for it first (not remembered across runs)."""
        if name not in self._once:
            self._once[name] = make()
        return self._once[name]

    def export_key(self, event: Event) -> str | None:
        """What an event's entry in the exports shows: the records it names, and the site's address."""
        if ("export", event.id) not in self._keys:
            files = sorted(set(self._shown_by_export(event)))
            shown = [self.urls.base, *((file, self.digest(file)) for file in files)]
            self._keys["export", event.id] = self._hashed(f"export {event.id}", shown)
        return self._keys["export", event.id]

    def _shown_by_export(self, event: Event) -> list[str]:
        b = self.briefing
        files = [event.data_file]
        files += [actor.data_file for actor in (*event.actors, *event.according_to)]
        files += [citation.source.data_file for citation in event.citations]
        files += [b.treaties_by_id[link.treaty_id].data_file for link in event.treaty_links]
        if event.outcome_of:
            files.append(b.events_by_id[event.outcome_of].data_file)
        return files

    def file(self, path: str, *, shows: Sequence[str | None], make: Callable[[], str], data_file: str) -> Page:
        """A file that is not a page (an export): made by `make` unless what it shows is as last
        time and its file in docs/ is as the last run wrote it."""
        key = None if None in shows else self._hashed(f"file {path}", shows)
        if key is not None:
            self._used[key] = ""
            if key in self._remembered and self._intact(path):
                return Page(path, None, data_file)
        return Page(path, make(), data_file)

    def pieces(self, path: str, pieces: Sequence[tuple[str | None, Callable[[], str]]], *, data_file: str) -> Page:
        """A file made of pieces in order (an export: a record per line…), each with a key that
        changes when its text would, or None for a piece that is always made (a separator, a
        heading: cheap).

        The last run's layout of the file (each piece's key and length) is remembered, not the
        pieces: a piece whose key is unchanged is sliced out of the file that run wrote (when it
        is still as written), so an edit remakes the pieces that changed and nothing else.
        """
        name = f"layout {path}"
        last = self._layouts.get(name)
        layout = json.loads(self._remembered[last]) if last and self._digests else []
        old = self._previous(path) if layout else None
        kept = _slices(old, layout) if old is not None else {}
        texts = []
        for key, make in pieces:
            text = kept.get(key) if key is not None else None
            texts.append(text if text is not None else make())
        if self._digests:
            made = json.dumps([[key, len(text)] for (key, _), text in zip(pieces, texts, strict=True)])
            # Keyed by its own digest, like every remembered text: the cache tells versions apart by key.
            self._used[f"{name} {hashlib.sha1(made.encode(), usedforsecurity=False).hexdigest()}"] = made
        return Page(path, "".join(texts), data_file)

    def page(self, template: str, path: str, *, shows: list[str | None] | None = None, **kwargs: Any) -> Page:
        """Render a page. `shows` lists keys of all it shows (file digests, fragment keys): when
        they are those of the last run and `intact(path)` says its file in docs/ is as that run
        wrote it, the page is not rendered again (its text is None: keep the file)."""
        key = None
        if shows is not None and None not in shows:
            key = self._hashed(f"page {path}", [template, *shows])
        if key is not None:
            self._used[key] = ""  # pages are kept in docs/, not in the cache
            if key in self._remembered and self._intact(path):
                return Page(path, None, kwargs["data_file"])
        root = to_root(path)

        def finish(body: str) -> str:
            return self._name_sources(body).replace(ROOT, root)

        return render_page(
            template,
            path,
            language=self.briefing.language,
            briefing=self.briefing,
            fragments=self,
            finish=finish,
            **kwargs,
        )

    def _name_sources(self, body: str) -> str:
        """Name each source a citation marker stands for (macros.md.j2, `citations`): in full at
        its first mention on the page, by its short title afterwards."""
        named: set[str] = set()

        def name(match: re.Match[str]) -> str:
            source = self._sources[match.group(1)]
            first = source.id not in named
            named.add(source.id)
            render: Callable[[Source], str] = getattr(self._macros, "source_full" if first else "source_short")
            return str(render(source))

        return _SOURCE_MARK.sub(name, body)


def _line_fields(event: Event, *, with_filters: bool) -> tuple[object, ...]:
    """What an event's one-line form shows (macros event_row, event_item): its key is made of these."""
    fields: tuple[object, ...] = (event.id, event.dating, event.certainty, event.title, event.status, event.context)
    if with_filters:
        fields += (event.year, [a.id for a in (*event.actors, *event.according_to)], event.tags)
    return fields


def _slices(text: str, layout: list[list[Any]]) -> dict[str, str]:
    """The pieces of a file the last run wrote, by key, from its layout; none if they do not add up."""
    if sum(length for _, length in layout) != len(text):
        return {}
    pieces, at = {}, 0
    for key, length in layout:
        if key is not None:
            pieces[key] = text[at : at + length]
        at += length
    return pieces
