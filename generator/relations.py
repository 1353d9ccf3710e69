"""Who answers to whom: the actors' affiliations as a tree, for the actors page.

Each actor hangs under the actor its first affiliation names (a minister under a state, an
agency under its ministry); its other affiliations are said beside it. The roots are the actors
nobody's first affiliation leads away from: states, organizations. A loop (A under B under A),
which the data may hold, is cut where it would close: the actor met first in the briefing's
order becomes a root. Actors with no affiliation and nobody under them are left out: the lists
by kind show them.

A tree of lists reads on a phone as well as on a desktop, needs no script, and weighs a few
kilobytes, where a diagram library weighed 3.5 MB.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .model import Actor, Affiliation


@dataclass(frozen=True, slots=True)
class Branch:
    actor: Actor
    relation: str | None  # what it is to the actor above it; None for a root
    others: tuple[Affiliation, ...]  # its other affiliations, said beside it
    under: tuple[Branch, ...]


def affiliation_tree(actors: Sequence[Actor]) -> tuple[Branch, ...]:
    children: dict[str, list[Actor]] = {}
    for actor in actors:
        if actor.affiliations:
            children.setdefault(actor.affiliations[0].actor_id, []).append(actor)
    placed: set[str] = set()

    def grow(actor: Actor, relation: str | None) -> Branch:
        placed.add(actor.id)
        kin = children.get(actor.id, ())
        under = tuple(grow(child, child.affiliations[0].relation) for child in kin if child.id not in placed)
        others = actor.affiliations[1:] if relation is not None else actor.affiliations
        return Branch(actor, relation, tuple(others), under)

    roots = []
    # First the actors that answer to nobody; then, in the briefing's order, whoever a loop left.
    for actor in [a for a in actors if not a.affiliations] + [a for a in actors if a.affiliations]:
        if actor.id not in placed and actor.id in children:
            roots.append(grow(actor, None))
    return tuple(roots)
