"""Typing into the site's search box as a reader does, and reading what it shows; scoring query sets."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

INPUT = "#bf-search-input"
# The box announces each list it shows (docs/assets/javascripts/search.js): the query it answers.
LISTEN = """() => {
  if (window.__shown !== undefined) return
  window.__shown = null
  const box = document.querySelector("[data-bf-search]")
  box.addEventListener("bf-search-shown", event => { window.__shown = event.detail.query })
}"""
READ = """items => items.map(li => {
  const a = li.querySelector("a")
  return { href: a.href, title: li.querySelector(".bf-search-title").textContent,
           about: li.querySelector(".bf-search-about").textContent, text: li.querySelector("p:last-child").textContent,
           selected: li.getAttribute("aria-selected") }
})"""


@dataclass(frozen=True)
class Result:
    href: str  # absolute
    title: str
    about: str  # kind · date
    text: str  # the excerpt
    selected: str


def search(page: Any, query: str, *, delay: int = 5) -> list[Result]:
    """Type `query` key by key into the box; return the results shown for it, in order."""
    page.evaluate(LISTEN)
    page.click(INPUT)
    page.fill(INPUT, "")
    page.evaluate("() => { window.__shown = null }")
    page.keyboard.type(query, delay=delay)
    page.wait_for_function("q => window.__shown === q", arg=query)
    found: list[dict[str, str]] = page.eval_on_selector_all("#bf-search-results [role=option]", READ)
    return [Result(**item) for item in found]


def from_root(href: str, site_url: str) -> str:
    """http://127.0.0.1:P/depot/chronologie/2024/#x -> chronologie/2024/#x"""
    assert href.startswith(site_url), f"{href} is not on the site ({site_url})"
    parts = urlsplit(href.removeprefix(site_url))
    return parts.path + (f"#{parts.fragment}" if parts.fragment else "")


@dataclass(frozen=True)
class Query:
    query: str
    expect: list[str]
    kind: str = ""


def load_queries(path: Path) -> list[Query]:
    return [Query(**item) for item in yaml.safe_load(path.read_text(encoding="utf-8"))]


def expected(address: str, patterns: list[str]) -> bool:
    """Whether an address is one a query expects ('x*' stands for every address starting with 'x')."""
    return any(address.startswith(p[:-1]) if p.endswith("*") else address == p for p in patterns)


@dataclass(frozen=True)
class Score:
    query: Query
    rank: int | None  # of the first expected result, from 1
    first: list[str]  # the first three results' addresses

    @property
    def hit(self) -> bool:
        return self.rank is not None and self.rank <= 3


def score(page: Any, site_url: str, queries: list[Query]) -> list[Score]:
    scores = []
    for query in queries:
        addresses = [from_root(r.href, site_url) for r in search(page, query.query)]
        rank = next((i for i, a in enumerate(addresses, start=1) if expected(a, query.expect)), None)
        scores.append(Score(query, rank, addresses[:3]))
    return scores


def report(scores: list[Score]) -> str:
    """The hit rate, then one line per query."""
    hits = sum(s.hit for s in scores)
    lines = [f"{hits}/{len(scores)} queries find what they mean in the first three results "
             f"({sum(s.rank == 1 for s in scores)} first)", ""]  # fmt: skip
    lines += [f"{'ok  ' if s.hit else 'MISS'} {s.rank or '-':>3}  {s.query.query!r:34} {s.first}" for s in scores]
    return "\n".join(lines) + "\n"
