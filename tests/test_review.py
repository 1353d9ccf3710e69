"""Warnings (generator/review.py): another spelling of an actor, near-duplicate events.

Each rule is tested on both sides: what it must flag, and the look-alikes it must leave alone.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.load import load_documents
from generator.review import NEAR_DUPLICATE, review
from tests.conftest import FIXTURE, Run

ACTORS = {
    "kim.yaml": "id: kim\nname: Kim Jong Un\nkind: person\naliases: [Kim Jong-un, Kim, KJU]\ndescription: x\n",
    "zelensky.yaml": "id: zelensky\nname: Volodymyr Zelensky\nkind: person\naliases: [Zelenskyy, Zelensky]\n"
    "description: x\n",
    "coree.yaml": "id: coree\nname: Corée du Nord\nkind: state\naliases: [Corée, Russie]\ndescription: x\n",
    "russie.yaml": "id: russie\nname: Russie\nkind: state\ndescription: x\n",
}


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(FIXTURE, folder)
    for name, text in ACTORS.items():
        (folder / "actors" / name).write_text(text, encoding="utf-8")
    return folder


def event(data: Path, event_id: str, date: str, title: str, summary: str) -> None:
    (data / "events" / date[:4]).mkdir(exist_ok=True)
    (data / "events" / date[:4] / f"{event_id}.yaml").write_text(
        f'id: {event_id}\ndate: "{date}"\nstatus: occurred\ntitle: "{title}"\nsummary: "{summary}"\n'
        "sources:\n  - source: gazette-2024-03-06\n    quote: x\n",
        encoding="utf-8",
    )


def warnings(data: Path) -> list[str]:
    return sorted(p.as_warning().split(": warning: ", 1)[1] for p in review(load_documents(data).documents))


def spelling(alias: str, name: str, actor: str) -> str:
    return f"'{alias}' is another spelling of {name} ({actor}); write '{name}' outside quotations"


def test_an_alias_in_a_title_or_summary_is_flagged(data: Path) -> None:
    event(data, "2025-01-01-x", "2025-01-01", "Zelenskyy à Pékin", "Il voit Kim\\n  Jong-un.")
    assert warnings(data) == [
        spelling("Kim Jong-un", "Kim Jong Un", "kim"),  # over a line break: the pages join the lines
        spelling("Zelenskyy", "Volodymyr Zelensky", "zelensky"),
    ]


@pytest.mark.parametrize(
    "summary",
    [
        "Il cite « Kim Jong-un » et “Zelenskyy”.",  # quotations keep the source's spelling
        'Il cite \\"Kim Jong-un\\" tel quel.',
        "Kim et Zelensky se parlent.",  # short forms found in the display name itself
        "La Corée du Nord répond.",  # an alias inside another actor's display name
        "La Russie répond.",  # an alias that is another actor's name
        "kim jong-un, KJUX et XKJU.",  # case-sensitive, whole words only
        "La Corée du Nord du Kim Jong Un.",
        "Kim Jong Un et Volodymyr Zelensky.",
    ],
)
def test_look_alikes_are_left_alone(data: Path, summary: str) -> None:
    event(data, "2025-01-01-x", "2025-01-01", "Un titre", summary)
    assert warnings(data) == []


def test_a_spelling_inside_a_longer_one_is_part_of_it(data: Path) -> None:
    (data / "actors/maison.yaml").write_text(
        "id: maison\nname: Maison-Blanche\nkind: organization\naliases: [Maison Blanche]\ndescription: x\n", "utf-8"
    )
    (data / "actors/conseil.yaml").write_text(
        "id: conseil\nname: Conseil national\nkind: organization\n"
        "aliases: [Conseil de la Maison Blanche]\ndescription: x\n",
        "utf-8",
    )
    event(data, "2025-01-01-x", "2025-01-01", "Un titre", "Le Conseil de la Maison Blanche parle.")
    assert warnings(data) == [spelling("Conseil de la Maison Blanche", "Conseil national", "conseil")]


def test_every_prose_field_is_read_and_named(data: Path) -> None:
    question = data / "questions/quotas-respectes.yaml"
    question.write_text(
        question.read_text(encoding="utf-8").replace("answer: Pas encore", "answer: KJU dit pas encore"), "utf-8"
    )
    assert warnings(data) == [spelling("KJU", "Kim Jong Un", "kim")]


TEXT = "La présidente de la Valmontie et le gouvernement de Bordurie signent l'accord de pêche à Port-Sable."


def test_near_duplicates_on_days_that_may_meet_are_flagged(data: Path) -> None:
    event(data, "2024-03-accord", "2024-03", "L'accord de pêche est signé", TEXT)
    (found,) = warnings(data)
    assert found.startswith("may fall on the same day as '2024-03-accord'")
    assert found.endswith("merge them, or tell them apart")


def test_the_same_words_on_days_that_cannot_meet_are_not(data: Path) -> None:
    event(data, "2024-02-accord", "2024-02", "L'accord de pêche est signé", TEXT)
    assert warnings(data) == []


def test_events_of_the_same_day_that_say_different_things_are_not(data: Path) -> None:
    event(data, "2024-03-05-tempete", "2024-03-05", "Une tempête", "Une tempête ferme le port de Port-Sable.")
    assert warnings(data) == []


def test_the_threshold_sits_between_what_repeats_and_what_does_not(data: Path) -> None:
    """Word pairs shared: one in four flags, fewer does not (small words are skipped)."""
    base = "alpha bravo charlie delta echo foxtrot golf hotel india juliet"  # 9 pairs
    event(data, "2030-01-01-a", "2030-01-01", "x", base)
    event(data, "2030-01-01-b", "2030-01-01", "x", "alpha bravo charlie delta zulu yankee xray whisky victor uniform")
    assert 3 / 9 >= NEAR_DUPLICATE > 2 / 9
    assert len(warnings(data)) == 1
    event(data, "2030-01-01-b", "2030-01-01", "x", "alpha bravo charlie zulu yankee xray whisky victor uniform tango")
    assert warnings(data) == []


def test_warnings_do_not_stop_check_or_generate(project: Path, run: Run) -> None:
    event(project / "data", "2025-01-01-x", "2025-01-01", "A. Leroy signe", "Un résumé.")
    status, out, err = run("check")
    assert status == 0 and out.startswith("data: ok")
    assert err == (
        "data/events/2025/2025-01-01-x.yaml:4: title: warning: "
        + spelling("A. Leroy", "Anne Leroy", "anne-leroy")
        + "\n"
    )
    status, out, err = run("generate")
    assert (status, err) == (0, "") and (project / "docs/chronologie/2025.md").exists()


def test_warnings_are_reported_beside_errors(project: Path, run: Run) -> None:
    event(project / "data", "2025-01-01-x", "2025-01-01", "A. Leroy signe", "Un résumé.")
    event(project / "data", "2025-01-02-y", "2025-13-02", "Un titre", "Un résumé.")
    status, _, err = run("check")
    assert status == 1
    assert err.splitlines() == [
        "data/events/2025/2025-01-01-x.yaml:4: title: warning: " + spelling("A. Leroy", "Anne Leroy", "anne-leroy"),
        "data/events/2025/2025-01-02-y.yaml:2: date: not a real date: month 13 does not exist, got '2025-13-02'",
        "1 problem found; nothing was written.",
    ]
