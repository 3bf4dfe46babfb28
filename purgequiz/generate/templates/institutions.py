"""Bodies of the party and state: what happened to them, what replaced them, and what the
purges reached."""

from __future__ import annotations

from collections.abc import Iterator

from purgequiz.decks.model import Card
from purgequiz.facts.kinds import InstitutionalChange, Purge
from purgequiz.generate.context import Context
from purgequiz.generate.phrasing import listing, when_phrase
from purgequiz.generate.registry import template

__all__: list[str] = []


@template("institution-change", family="institutions", kinds=("institutional_change",))
def institution_change(ctx: Context, fact: InstitutionalChange) -> Iterator[Card]:
    """What happened to the body? (a flashcard, for a change with no successor to ask
    instead: one change beside another as a wrong choice is often a way of saying the same)"""
    if fact.successor:
        return
    if fact.asks:
        prompt = fact.asks
    elif fact.date:
        prompt = f"What happened to {ctx.in_text(fact.institution)}{when_phrase(fact.date)}?"
    else:
        return  # "What happened to the party?" could be answered a dozen ways
    yield ctx.flashcard(fact, prompt, fact.change)


@template("institution-successor", family="institutions", kinds=("institutional_change",))
def institution_successor(ctx: Context, fact: InstitutionalChange) -> Iterator[Card]:
    """What took the place of the body?"""
    if not fact.successor:
        return
    category = ctx.entity(fact.successor).category
    wrong = ctx.entities(
        fact.successor,
        avoid=[fact],
        ok=lambda e: e != fact.institution and ctx.entity(e).category == category,
    )
    yield ctx.card(
        fact,
        prompt=ctx.ask(fact, f"What took the place of {ctx.in_text(fact.institution)}?"),
        answer=ctx.name(fact.successor),
        answer_type="entity",
        accept=ctx.spellings(fact.successor),
        wrong=wrong,
    )


@template("purge-target", family="institutions", kinds=("purge",))
def purge_target(ctx: Context, fact: Purge) -> Iterator[Card]:
    """Which of these bodies did the purge reach? (bodies of one category; any is accepted;
    with ``asks``, a flashcard naming them all)"""
    if fact.asks:
        yield ctx.flashcard(fact, fact.asks, listing([ctx.in_text(t) for t in fact.targets]))
        return
    categories = {ctx.entity(t).category for t in fact.targets}
    if len(categories) != 1 or None in categories or fact.date is None or len(fact.targets) < 2:
        return  # only a dated list the source gives: nearly every body was purged some time
    category = categories.pop()
    answer = fact.targets[ctx.rng.randrange(len(fact.targets))]
    wrong = ctx.entities(
        answer, avoid=[fact], among="unpurged", ok=lambda e: ctx.entity(e).category == category
    )
    plural = f"{category}s"
    prompt = f"Which of these {plural} did the purge reach{when_phrase(fact.date)}?"
    if fact.reached:
        prompt = (
            f"In which of these {plural} did the purge reach {fact.reached}"
            f"{when_phrase(fact.date)}?"
        )
    yield ctx.card(
        fact,
        prompt=ctx.ask(fact, prompt),
        answer=ctx.name(answer),
        answer_type="entity",
        accept=[s for t in fact.targets for s in ctx.spellings(t)],
        wrong=wrong,
    )


@template("purge-leader", family="institutions", kinds=("purge",))
def purge_leader(ctx: Context, fact: Purge) -> Iterator[Card]:
    """Who led the purge?"""
    if not fact.by:
        return
    targets = listing([ctx.in_text(t) for t in fact.targets])
    reached = f", which reached {fact.reached}" if fact.reached else ""
    wrong = ctx.entities(fact.by, avoid=[fact], ok=lambda p: p not in fact.targets)
    yield ctx.card(
        fact,
        prompt=ctx.ask(fact, f"Who led the purge of {targets}{reached}{when_phrase(fact.date)}?"),
        answer=ctx.name(fact.by),
        answer_type="entity",
        accept=ctx.spellings(fact.by),
        wrong=wrong,
    )
