"""Validation beyond the bad-data cases: what is accepted, and how values are read."""

from __future__ import annotations

from pathlib import Path

from generator.pipeline import read_briefing
from tests.conftest import Run


def test_a_bare_year_where_text_is_expected_is_read_as_typed(project: Path, run: Run) -> None:
    question = project / "data/questions/quotas-respectes.yaml"
    question.write_text(question.read_text(encoding="utf-8").replace("raised: 2024-04", "raised: 2024"), "utf-8")
    title = project / "data/sources/gazette-2024-03-06.yaml"
    title.write_text(title.read_text(encoding="utf-8").replace("title: L'accord", "title: 1984\n#"), "utf-8")
    assert run("check")[0] == 0
    briefing = read_briefing(project / "data")
    assert briefing.questions[0].raised.iso == "2024"
    assert briefing.sources[1].title == "1984"


def test_yaml_1_1_words_stay_text(project: Path, run: Run) -> None:
    actor = project / "data/actors/bordurie.yaml"
    actor.write_text("id: bordurie\nname: NO\nkind: state\naliases: [yes, on, off]\ndescription: Norvège ?\n", "utf-8")
    assert run("check")[0] == 0
    bordurie = read_briefing(project / "data").actors_by_id["bordurie"]
    assert (bordurie.name, bordurie.aliases) == ("NO", ("yes", "on", "off"))
