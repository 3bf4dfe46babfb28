"""Decrees and resolutions: what each prohibited or required, its penalty, and what it left
untouched."""

from __future__ import annotations

from collections.abc import Iterator

from purgequiz.facts.kinds import Decree
from purgequiz.generate.context import Context
from purgequiz.generate.model import Card
from purgequiz.generate.phrasing import cap
from purgequiz.generate.registry import template

__all__ = ["decree_name"]


def decree_name(ctx: Context, fact: Decree) -> str:
    return ctx.in_text(fact.decree)


def _recall(ctx: Context, fact: Decree, prompt: str, answer: str) -> Card:
    """A flashcard: what a decree laid down is recalled, not picked out. Another decree's
    provisions beside it would be impossible for this one, and its own would all be true."""
    return ctx.card(fact, kind="flashcard", prompt=ctx.ask(fact, prompt), answer=cap(answer))


@template("decree-prohibits", family="decrees", kinds=("decree",))
def decree_prohibits(ctx: Context, fact: Decree) -> Iterator[Card]:
    """What did the decree prohibit?"""
    if fact.prohibits:
        yield _recall(ctx, fact, f"What did {decree_name(ctx, fact)} prohibit?", fact.prohibits)


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
    yield _recall(ctx, fact, prompt, fact.requires)


@template("decree-penalty", family="decrees", kinds=("decree",))
def decree_penalty(ctx: Context, fact: Decree) -> Iterator[Card]:
    """What penalty did the decree lay down?"""
    if fact.penalty:
        # the decree by its full name: what it was about is no giveaway of its penalty
        full = ctx.entity(fact.decree).full_name
        name = f"the {full}" if full and not full.lower().startswith("the ") \
            else full or decree_name(ctx, fact)
        yield _recall(ctx, fact, f"What penalty did {name} lay down?", fact.penalty)
