"""Decrees and resolutions: what each prohibited or required, and its penalty. What a decree
laid down is recalled (a flashcard), not picked out: another decree's provisions beside it
would be impossible for this one, and its own would all be true."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import replace

from purgequiz.decks.model import Card
from purgequiz.facts.datelabels import span_label
from purgequiz.facts.kinds import Decree
from purgequiz.generate.context import Context
from purgequiz.generate.phrasing import cap, the_name
from purgequiz.generate.registry import template

__all__ = ["decree_label", "decree_name"]

# The words of a name that says only what kind of act it was and when ("the resolutions of 17
# November and 1 December 1938", "the decree of 10 July 1940").
_KIND_WORDS = ("resolutions", "resolution", "law", "decree", "ukase")
_DATE_WORDS = frozenset(
    ["the", "of", "and", "mid", "early", "late", *(m.lower() for m in calendar.month_name if m)]
)


def decree_name(ctx: Context, fact: Decree) -> str:
    return ctx.in_text(fact.decree)


def decree_label(ctx: Context, fact: Decree) -> str | None:
    """A decree named by what kind of act it was and its date only, never by what it was
    about: beside what it did (on a matching card), "the labour law of mid-1940" would give
    its match away by its words, "a law of mid-1940" does not. A name that already says no
    more than that is kept ("The decree of 10 July 1940"); None for a decree whose name says
    more and that has no date."""
    name = decree_name(ctx, fact)
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", name)]
    if all(w in _DATE_WORDS or w in _KIND_WORDS for w in words):
        return cap(name)
    if fact.date is None:
        return None
    kind = next((k for k in _KIND_WORDS if k in words), "decree")
    lead = "The" if kind.endswith("s") else "A"
    return f"{lead} {kind} of {span_label(fact.date)}"


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
