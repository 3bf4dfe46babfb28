"""Sets the sources name together: which of these belonged, and what they shared."""

from __future__ import annotations

from collections.abc import Iterator

from purgequiz.decks.model import Card
from purgequiz.facts import Fact
from purgequiz.facts.kinds import Group
from purgequiz.generate.context import Context, Wrong
from purgequiz.generate.phrasing import cap, listing, mentions
from purgequiz.generate.registry import template
from purgequiz.generate.templates.sources import does, source_in_text, source_name

__all__: list[str] = []


def _groups_of(ctx: Context, entity: str) -> list[Group]:
    found = ctx.index.facts_where("group", "members", entity)
    return [fact for fact in found if isinstance(fact, Group)]


@template("group-member", family="groups", kinds=("group",))
def group_member(ctx: Context, fact: Group) -> Iterator[Card]:
    """Which of these was among …? (shown with choices; any member is accepted typed; a
    set with ``asks`` is asked as a flashcard for all its members instead). A set the
    source names among others is not closed, and anyone offered might belong to it: it is
    asked which of these the source names among them, and its flashcard's answer says the
    members are some among others."""
    if fact.asks:
        names = listing([ctx.name(m) for m in fact.members])
        yield ctx.flashcard(fact, fact.asks, f"{names}, among others" if fact.others else names)
        return
    visible = [m for m in fact.members if not mentions(fact.label, ctx.spellings(m))]
    if not visible:
        return
    answer = visible[ctx.rng.randrange(len(visible))]

    def ok(entity: str) -> bool:  # no member, and no one the label names
        return entity not in fact.members and not mentions(fact.label, ctx.spellings(entity))

    names = listing([ctx.name(m) for m in fact.members])
    if fact.others:  # what the source names is a closed list, though the set is not
        teller = source_name(ctx, fact)
        prompt = f"Which of these {does(teller)} {source_in_text(teller)} name among {fact.label}?"
    else:
        prompt = ctx.ask(fact, f"Which of these was among {fact.label}?")
    yield ctx.card(
        fact,
        prompt=prompt,
        answer=ctx.name(answer),
        answer_type="entity",
        accept=[s for m in fact.members for s in ctx.spellings(m)],
        wrong=ctx.entities(answer, ok=ok, avoid=[fact]),
        explanation=ctx.explain(
            fact,
            None
            if all(mentions(fact.statement, ctx.spellings(m)) for m in fact.members)
            else f"They were {names}.",
        ),
    )


@template("group-property", family="groups", kinds=("group",))
def group_property(ctx: Context, fact: Group) -> Iterator[Card]:
    """What did these people have in common? (only for sets whose members are in no other
    set, against what other sets of people of their world had in common)"""
    if (
        fact.asks
        or not 2 <= len(fact.members) <= 5
        or any(len(_groups_of(ctx, m)) > 1 for m in fact.members)
    ):
        return  # a set asked whole has its own question
    types = {ctx.entity(m).type for m in fact.members}
    if types != {"person"}:
        return  # what countries had in common is a matter of degree: one shares some of it
    spheres = {ctx.entity(m).sphere for m in fact.members}

    def ok(_text: str, other: Fact) -> bool:  # a set of the same kind of thing, same world
        return (
            isinstance(other, Group)  # (a group's property comes from a group)
            and other.id != fact.id
            and {ctx.entity(m).type for m in other.members} == types
            and bool(spheres & {ctx.entity(m).sphere for m in other.members})
        )

    wrong = [
        Wrong(cap(w.text), w.because) for w in ctx.texts(("group.property",), fact.property, ok=ok)
    ]
    names = listing([ctx.name(m) for m in fact.members])
    yield ctx.card(
        fact,
        prompt=ctx.ask(fact, f"What did {names} have in common?"),
        answer=cap(fact.property),
        wrong=wrong,
    )
