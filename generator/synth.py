"""Write a valid synthetic briefing of any size, for benchmarks and scale tests.

N events over ten years, about N/15 actors, N/100 sources, N/50 questions and one treaty, with
French-looking text of realistic lengths. The same seed gives the same files, byte for byte.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .slug import slugify

FIRST_YEAR = 2016
YEARS = 10
_WORDS = (
    "accord",
    "coopération",
    "militaire",
    "sommet",
    "rencontre",
    "délégation",
    "ministre",
    "président",
    "gouvernement",
    "armée",
    "frontière",
    "sanctions",
    "munitions",
    "missiles",
    "traité",
    "partenariat",
    "stratégique",
    "sécurité",
    "économie",
    "énergie",
    "déclaration",
    "communiqué",
    "agence",
    "officielle",
    "presse",
    "visite",
    "officielle",
    "conférence",
    "négociations",
    "alliance",
    "défense",
    "mutuelle",
    "assistance",
    "soutien",
    "région",
    "capitale",
    "exercice",
    "naval",
    "ligne",
    "aérienne",
    "échange",
    "lettres",
    "dirigeants",
    "annonce",
    "confirmation",
    "démenti",
    "pourparlers",
    "paix",
    "cessez-le-feu",
    "territoire",
    "forces",
    "troupes",
    "soldats",
    "front",
    "offensive",
    "contre-offensive",
    "renseignement",
    "satellite",
    "technologie",
    "alimentaire",
    "aide",
    "relation",
    "bilatérale",
    "voisins",
    "histoire",
    "anniversaire",
    "défilé",
    "cérémonie",
    "invitation",
    "promesse",
    "engagement",
)
_SYLLABLES = (
    "ka",
    "ri",
    "mo",
    "vel",
    "tan",
    "dor",
    "su",
    "li",
    "an",
    "ber",
    "go",
    "ni",
    "sha",
    "vo",
    "rek",
    "mi",
    "tal",
    "or",
    "eu",
    "ja",
    "po",
    "zen",
)
_TAGS = (
    "diplomatie",
    "sommet",
    "coopération militaire",
    "armement",
    "sanctions",
    "économie",
    "traité",
    "guerre",
    "énergie",
    "renseignement",
    "transport",
    "culture",
    "frontière",
    "presse",
    "aide",
)
_STATUSES = ("occurred",) * 12 + ("announced", "planned", "reported", "reported", "denied", "cancelled")
_KINDS = ("person",) * 6 + ("state", "organization", "media", "group")


@dataclass(frozen=True, slots=True)
class Sizes:
    events: int
    actors: int
    sources: int
    questions: int


def sizes_for(events: int) -> Sizes:
    return Sizes(events, max(4, events // 15), max(1, events // 100), max(3, events // 50))


class _Writer:
    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)

    def words(self, low: int, high: int) -> str:
        count = self.random.randint(low, high)
        return " ".join(self.random.choice(_WORDS) for _ in range(count))

    def sentence(self, low: int, high: int) -> str:
        text = self.words(low, high)
        return text[0].upper() + text[1:] + "."

    def name(self, parts: int) -> str:
        return " ".join(
            "".join(self.random.choice(_SYLLABLES) for _ in range(self.random.randint(2, 3))).capitalize()
            for _ in range(parts)
        )


def write_synthetic(out: Path, events: int, *, seed: int = 1) -> Sizes:
    """Write a synthetic briefing with `events` events into `out` (which must not hold one)."""
    sizes = sizes_for(events)
    w = _Writer(seed)
    _dump(
        out / "briefing.yaml",
        {
            "title": "Dossier synthétique",
            "description": f"Un dossier de {events} événements généré pour mesurer le générateur.",
            "language": "fr",
            "summary": "\n\n".join(w.sentence(20, 40) for _ in range(3)),
        },
    )
    sources = [_source(out, w, index) for index in range(sizes.sources)]
    actors: list[str] = []
    for index in range(sizes.actors):
        actors.append(_actor(out, w, index, actors))
    dated = [_event(out, w, index, events, actors, sources) for index in range(events)]
    _treaty(out, w, actors, sources, dated[len(dated) // 2])
    event_ids = [event_id for event_id, _ in dated]
    for index in range(sizes.questions):
        _question(out, w, index, event_ids, sources)
    return sizes


def _dump(path: Path, record: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(text, encoding="utf-8")


def _citation(w: _Writer, sources: list[str]) -> dict[str, str]:
    return {"source": w.random.choice(sources), "quote": w.words(12, 30)}


def _source(out: Path, w: _Writer, index: int) -> str:
    source_id = f"source-{index:04d}"
    year = FIRST_YEAR + w.random.randrange(YEARS)
    _dump(
        out / "sources" / f"{source_id}.yaml",
        {
            "id": source_id,
            "title": w.sentence(6, 14).rstrip("."),
            "outlet": f"Le {w.name(1)}",
            "author": w.name(2),
            "published": f"{year}-{w.random.randint(1, 12):02d}-{w.random.randint(1, 28):02d}",
            "language": "fr",
            "url": f"https://example.org/articles/{source_id}",
            "notes": w.sentence(10, 25),
        },
    )
    return source_id


def _actor(out: Path, w: _Writer, index: int, earlier: list[str]) -> str:
    kind = w.random.choice(_KINDS)
    name = w.name(2 if kind == "person" else 1)
    actor_id = f"{slugify(name)}-{index:04d}"
    record: dict[str, Any] = {
        "id": actor_id,
        "name": name,
        "kind": kind,
        "role": w.words(3, 6),
        "aliases": [w.name(1)],
        "description": w.sentence(15, 35),
    }
    if earlier and kind == "person":
        record["affiliations"] = [{"actor": w.random.choice(earlier), "relation": w.words(1, 3)}]
    _dump(out / "actors" / f"{actor_id}.yaml", record)
    return actor_id


def _event(out: Path, w: _Writer, index: int, total: int, actors: list[str], sources: list[str]) -> tuple[str, str]:
    """Write one event; return its id and date."""
    day_of_span = index * (YEARS * 365) // total
    year = FIRST_YEAR + day_of_span // 365
    month = 1 + (day_of_span % 365) // 31
    day = 1 + (day_of_span % 365) % 28
    precise = w.random.random() < 0.85
    date = f"{year}-{month:02d}-{day:02d}" if precise else f"{year}-{month:02d}"
    title = w.sentence(6, 12).rstrip(".")
    event_id = f"{date}-{slugify(title, max_length=40)}-{index:05d}"
    record: dict[str, Any] = {"id": event_id, "date": date}
    if not precise:
        record["date_certainty"] = "approximate"
        record["date_note"] = "« " + w.words(2, 4) + " » selon la source."
    record.update(
        {
            "status": w.random.choice(_STATUSES),
            "title": title,
            "summary": " ".join(w.sentence(12, 30) for _ in range(w.random.randint(2, 3))),
            "actors": sorted(set(w.random.sample(actors, min(len(actors), w.random.randint(1, 4))))),
            "location": w.name(1),
            "tags": sorted(set(w.random.sample(_TAGS, w.random.randint(1, 3)))),
            "sources": [_citation(w, sources) for _ in range(w.random.randint(1, 2))],
        }
    )
    if w.random.random() < 0.1:
        record["according_to"] = [w.random.choice(actors)]
    if w.random.random() < 0.05:
        record["treaties"] = [{"treaty": "traite-synthetique", "provision": "clause-1"}]
    _dump(out / "events" / str(year) / f"{event_id}.yaml", record)
    return event_id, date


def _treaty(out: Path, w: _Writer, actors: list[str], sources: list[str], signing: tuple[str, str]) -> None:
    _dump(
        out / "treaties" / "traite-synthetique.yaml",
        {
            "id": "traite-synthetique",
            "title": "Traité synthétique de partenariat",
            "summary": " ".join(w.sentence(15, 30) for _ in range(2)),
            "parties": actors[:2],
            "signatories": actors[2:3],
            "status_history": [
                {
                    "status": "signed",
                    "date": signing[1],
                    "event": signing[0],
                    "place": w.name(1),
                    "sources": [_citation(w, sources)],
                }
            ],
            "provisions": [
                {
                    "id": f"clause-{n}",
                    "title": w.sentence(3, 6).rstrip("."),
                    "summary": w.sentence(15, 30),
                    "sources": [_citation(w, sources)],
                }
                for n in range(1, 4)
            ],
        },
    )


def _question(out: Path, w: _Writer, index: int, events: list[str], sources: list[str]) -> None:
    status = ("open", "partly_answered", "answered")[index % 3]
    record: dict[str, Any] = {
        "id": f"question-{index:04d}",
        "question": w.sentence(6, 12).rstrip(".") + " ?",
        "status": status,
        "raised": events[w.random.randrange(len(events))][:7],
        "context": w.sentence(20, 40),
        "evidence": [
            {"event": event, "stance": w.random.choice(("supports", "contradicts", "context")), "note": w.words(4, 8)}
            for event in sorted(set(w.random.sample(events, min(len(events), 3))))
        ],
        "sources": [_citation(w, sources)],
    }
    if status != "open":
        record["answer"] = w.sentence(15, 30)
    _dump(out / "questions" / f"question-{index:04d}.yaml", record)
