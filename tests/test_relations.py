"""Who answers to whom, as a tree: each actor under its first affiliation, loops cut, no one twice."""

from __future__ import annotations

from collections.abc import Iterator

from generator.model import Actor, Affiliation
from generator.relations import Branch, affiliation_tree


def actor(actor_id: str, *links: tuple[str, str]) -> Actor:
    return Actor(actor_id, actor_id.title(), "person", None, (), "x", tuple(Affiliation(*link) for link in links), "f")


def walk(branches: tuple[Branch, ...], depth: int = 0) -> Iterator[tuple[int, str, str | None, list[str]]]:
    for b in branches:
        yield depth, b.actor.id, b.relation, [o.actor_id for o in b.others]
        yield from walk(b.under, depth + 1)


def test_each_actor_hangs_under_its_first_affiliation_with_the_others_beside_it() -> None:
    actors = [
        actor("state"),
        actor("ministry", ("state", "ministry")),
        actor("minister", ("ministry", "head"), ("state", "member of government")),
        actor("alone"),
        actor("union"),
        actor("member", ("union", "member")),
    ]
    assert list(walk(affiliation_tree(actors))) == [
        (0, "state", None, []),
        (1, "ministry", "ministry", []),
        (2, "minister", "head", ["state"]),
        (0, "union", None, []),
        (1, "member", "member", []),
    ]  # "alone": no affiliation and nobody under it, left to the lists by kind


def test_a_loop_is_cut_and_no_actor_shows_twice() -> None:
    actors = [
        actor("a", ("b", "under b")),
        actor("b", ("c", "under c")),
        actor("c", ("a", "under a")),
        actor("d", ("b", "under b")),
        actor("self", ("self", "itself")),
    ]
    shown = list(walk(affiliation_tree(actors)))
    ids = [actor_id for _, actor_id, _, _ in shown]
    assert sorted(ids) == ["a", "b", "c", "d", "self"]
    assert shown[0] == (0, "a", None, ["b"])  # the first of the loop met in order; its link said beside it
    assert (0, "self", None, ["self"]) in shown
