"""Who held each post, in order: chains built from the facts of who replaced whom.

A post is the same post when its words and its institution are the same (case aside). Its
chain is ordered by its ``replacement`` facts alone: Y before X when "X replaced Y". The
other facts on the post (``role``, ``appointment``, ``removal``) are listed under their
holder, and give the order nothing: two people appointed to one post in one year may have
held it side by side. A holder whose place the replacements do not fix (named only by such a
fact, or caught in replacements that go round in a circle) is listed apart, as one whose
place in the order the fact base does not give. A post with no replacement is no chain.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from purgequiz.facts.datelabels import fact_dates
from purgequiz.facts.kinds import Appointment, Removal, Replacement, Role
from purgequiz.facts.model import Fact, FactBase

__all__ = ["POST_KINDS", "Holder", "Step", "Succession", "successions"]

POST_KINDS = ("replacement", "appointment", "role", "removal")
PostFact = Replacement | Appointment | Role | Removal
_UNDATED = (10_000, 0, 0)


@dataclass(frozen=True)
class Step:
    """One fact on a holder of the post, as a line says it: "replaced Voroshilov"."""

    fact: Fact
    what: str
    when: str | None  # the fact's date in words, if it has one


@dataclass(frozen=True)
class Holder:
    person: str  # entity id
    name: str
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Succession:
    """A post and its holders in order; ``unplaced`` are holders of it whose place in the
    order the fact base does not give."""

    post: str
    institution: str | None  # entity id
    institution_name: str | None
    holders: tuple[Holder, ...]
    unplaced: tuple[Holder, ...]

    @property
    def facts(self) -> Iterator[Fact]:
        """The facts on the post, each once."""
        seen: set[str] = set()
        for holder in self.holders + self.unplaced:
            for step in holder.steps:
                if step.fact.id not in seen:
                    seen.add(step.fact.id)
                    yield step.fact


def _key(fact: PostFact) -> tuple[str, str]:
    return (fact.institution or "", " ".join(fact.post.casefold().split()))


def _what(fact: PostFact, base: FactBase) -> str:
    if isinstance(fact, Replacement):
        return f"replaced {base.entity(fact.replaced).name}"
    if isinstance(fact, Appointment):
        return "appointed"
    if isinstance(fact, Removal):
        return "removed" + (f"; afterwards {fact.afterwards}" if fact.afterwards else "")
    return "held the post"


def _first_date(facts: list[PostFact]) -> tuple[int, int, int]:
    dated = [fact.date.sort_key for fact in facts if fact.date is not None]
    return min(dated) if dated else _UNDATED


def _chain(facts: list[PostFact], base: FactBase) -> tuple[tuple[Holder, ...], tuple[Holder, ...]]:
    """The holders in the order the replacements give, and those whose place they do not."""
    on_holder: dict[str, list[PostFact]] = {}
    after: dict[str, set[str]] = {}  # person → who replaced them
    before: dict[str, set[str]] = {}  # person → whom they replaced
    for fact in facts:
        on_holder.setdefault(fact.person, []).append(fact)
        if isinstance(fact, Replacement):
            on_holder.setdefault(fact.replaced, [])
            after.setdefault(fact.replaced, set()).add(fact.person)
            before.setdefault(fact.person, set()).add(fact.replaced)
    linked = set(after) | set(before)

    def rank(person: str) -> tuple[tuple[int, int, int], str]:
        return (_first_date(on_holder[person]), base.entity(person).name)

    # Kahn's order: a holder comes once everyone they replaced has come.
    waiting = {person: len(before.get(person, ())) for person in linked}
    ready = sorted((p for p, n in waiting.items() if n == 0), key=rank)
    order: list[str] = []
    while ready:
        person = ready.pop(0)
        order.append(person)
        for successor in after.get(person, ()):
            waiting[successor] -= 1
            if waiting[successor] == 0:
                ready.append(successor)
        ready.sort(key=rank)
    apart = sorted((p for p in on_holder if p not in order), key=rank)

    def holder(person: str) -> Holder:
        own = sorted(
            on_holder[person], key=lambda f: (f.date.sort_key if f.date else _UNDATED, f.id)
        )
        steps = [Step(fact, _what(fact, base), fact_dates(fact).event) for fact in own]
        if not steps:  # named only as the one replaced: the replacements say so
            steps = [
                Step(fact, f"replaced by {base.entity(fact.person).name}", fact_dates(fact).event)
                for fact in facts
                if isinstance(fact, Replacement) and fact.replaced == person
            ]
        return Holder(person, base.entity(person).name, tuple(steps))

    return tuple(holder(p) for p in order), tuple(holder(p) for p in apart)


def successions(base: FactBase) -> tuple[Succession, ...]:
    """Every post that a replacement fact shows passing from one holder to another, ordered
    by the date of its first dated fact (undated ones last), then by name."""
    by_post: dict[tuple[str, str], list[PostFact]] = {}
    for fact in base.facts.values():
        if isinstance(fact, PostFact):
            by_post.setdefault(_key(fact), []).append(fact)
    chains = []
    for (institution, _), facts in by_post.items():
        if not any(isinstance(fact, Replacement) for fact in facts):
            continue
        holders, unplaced = _chain(facts, base)
        name = base.entities[institution].name if institution in base.entities else None
        post = next(f for f in facts if isinstance(f, Replacement)).post
        chains.append(Succession(post, institution or None, name, holders, unplaced))
    return tuple(sorted(chains, key=lambda c: (_first_date(_post_facts(c)), c.post.casefold())))


def _post_facts(chain: Succession) -> list[PostFact]:
    return [fact for fact in chain.facts if isinstance(fact, PostFact)]
