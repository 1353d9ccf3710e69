"""The bare baseline the benchmark compares the whole build with: the plainest MkDocs site of the same events.

One Markdown page per year; each event with its title, date, status, summary, actors and quoted
sources; the same theme (Material) and the same search language; no hook, no other page. What
the project's build costs beyond this is the price of everything else it does.

    .venv/bin/python bench/baseline.py DATA_DIR PROJECT_DIR   # writes PROJECT_DIR/mkdocs.yml and docs/

It reads the YAML with PyYAML directly: it must not depend on the generator it is measured against.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

CONFIG = """site_name: Baseline
site_url: http://127.0.0.1:8000/
theme:
  name: material
  language: {language}
  font: false
plugins:
  - search:
      lang: {language}
"""


def write_baseline(data: Path, project: Path) -> int:
    """Write the baseline project for the briefing in `data`; return the number of events."""
    briefing = _read(data / "briefing.yaml")
    language = str(briefing.get("language", "fr")).split("-")[0]
    names = {a["id"]: a["name"] for a in map(_read, sorted((data / "actors").glob("*.yaml")))}
    titles = {s["id"]: s["title"] for s in map(_read, sorted((data / "sources").glob("*.yaml")))}
    by_year: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for path in sorted((data / "events").glob("*/*.yaml")):
        event = _read(path)
        by_year[str(event["date"])[:4]].append(event)
    docs = project / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (project / "mkdocs.yml").write_text(CONFIG.format(language=language), encoding="utf-8")
    (docs / "index.md").write_text(
        f"# {briefing['title']}\n\n" + "".join(f"- [{year}]({year}.md)\n" for year in sorted(by_year)),
        encoding="utf-8",
    )
    for year, events in sorted(by_year.items()):
        events.sort(key=lambda e: (str(e["date"]), e["id"]))
        text = f"# {year}\n\n" + "".join(_event(e, names, titles) for e in events)
        (docs / f"{year}.md").write_text(text, encoding="utf-8")
    return sum(len(events) for events in by_year.values())


def _event(event: dict[str, Any], names: dict[str, str], titles: dict[str, str]) -> str:
    actors = ", ".join(names.get(a, a) for a in event.get("actors", []))
    quotes = "".join(f"- {titles.get(c['source'], c['source'])} : « {c['quote']} »\n" for c in event["sources"])
    return (
        f"## {event['title']}\n\n"
        f"**{event['date']}** · {event['status']}\n\n"
        f"{event['summary'].strip()}\n\n"
        + (f"**Acteurs :** {actors}\n\n" if actors else "")
        + f"**Sources :**\n\n{quotes}\n"
    )


def _read(path: Path) -> dict[str, Any]:
    value: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("project", type=Path)
    args = parser.parse_args()
    count = write_baseline(args.data, args.project)
    print(f"{args.project}: {count} events")


if __name__ == "__main__":
    main()
