"""Decrees and resolutions: what each prohibited or required, and its penalty. What a decree
laid down is recalled (a flashcard), not picked out: another decree's provisions beside it
would be impossible for this one, and its own would all be true."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from purgequiz.decks.model import Card
from purgequiz.facts.kinds import Decree
from purgequiz.generate.context import Context
from purgequiz.generate.phrasing import the_name
from purgequiz.generate.registry import template

__all__ = ["decree_name"]


def decree_name(ctx: Context, fact: Decree) -> str:
    return ctx.in_text(fact.decree)


@template("decree-prohibits", family="decrees", kinds=("decree",))
def decree_prohibits(ctx: Context, fact: Decree) -> Iterator[Card]:
    """What did the decree prohibit?"""
    if fact.prohibits:
        yield ctx.flashcard(fact, f"What did {decree_name(ctx, fact)} prohibit?", fact.prohibits)


@template("decree-requires", family="decrees", kinds=("decree",))
def decree_requires(ctx: Context, fact: Decree) -> Iterator[Card]:
    """What did the decree require (for a given case)?"""
    if not fact.requires:
        return
    name = decree_name(ctx, fact)
    if fact.applies_to:
        prompt = f"What did {name} lay down for {fact.applies_to}?"
    else:
        prompt = f"What did {name} require?"
    yield ctx.flashcard(fact, prompt, fact.requires)


@template("decree-penalty", family="decrees", kinds=("decree",))
def decree_penalty(ctx: Context, fact: Decree) -> Iterator[Card]:
    """What penalty did the decree lay down?"""
    if fact.penalty:
        # the decree by its full name: what it was about is no giveaway of its penalty
        entity = ctx.entity(fact.decree)
        name = (
            the_name(replace(entity, name=entity.full_name))
            if entity.full_name
            else decree_name(ctx, fact)
        )
        yield ctx.flashcard(fact, f"What penalty did {name} lay down?", fact.penalty)
