"""What readers of this briefing type into the search box finds what they mean.

search-queries.yaml holds the queries, each with the records a reader expects among the first
three results; the hit rate is written to tests/artifacts/search-relevance.txt (the README reports
it). Every other spelling of every actor must lead to the actor too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.pipeline import read_briefing
from tests.browser.search_support import Query, load_queries, report, score
from tests.browser.support import Site
from tests.conftest import ROOT

QUERIES = Path(__file__).with_name("search-queries.yaml")


def test_the_queries_of_readers_find_what_they_mean(page: Any, real_site: Site, artifacts: Path) -> None:
    queries = load_queries(QUERIES)
    assert len(queries) >= 40
    page.goto(real_site.address("chronologie/"))
    scores = score(page, real_site.url, queries)
    (artifacts / "search-relevance.txt").write_text(report(scores), encoding="utf-8")
    assert all(s.hit for s in scores), report(scores)


def test_every_spelling_of_an_actor_leads_to_the_actor(page: Any, real_site: Site) -> None:
    actors = read_briefing(ROOT / "data").actors
    queries = [Query(alias, [f"acteurs/{actor.id}/"], "alias") for actor in actors for alias in actor.aliases]
    page.goto(real_site.address())
    scores = score(page, real_site.url, queries)
    assert all(s.hit for s in scores), report(scores)
