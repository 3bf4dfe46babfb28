"""Causes and consequences: why something happened, and what followed, as the sources argue.

They are asked as flashcards, to be answered in the student's own words and graded by the
student: a cause is an explanation, and any other explanation offered beside it as a wrong
choice would be either absurd or arguably right as well."""

from __future__ import annotations

from collections.abc import Iterator

from purgequiz.decks.model import Card
from purgequiz.facts.kinds import Cause
from purgequiz.generate.context import Context
from purgequiz.generate.registry import template

__all__: list[str] = []


@template("why", family="causes", kinds=("cause",))
def why(ctx: Context, fact: Cause) -> Iterator[Card]:
    """Why did …? (a flashcard: the cause, as its claimant argues it)"""
    question = fact.asks or f"What lay behind {fact.effect}?"
    yield ctx.flashcard(fact, question, fact.cause, difficulty=3)


@template("what-followed", family="causes", kinds=("consequence",))
def what_followed(ctx: Context, fact: Cause) -> Iterator[Card]:
    """What did … lead to? (a flashcard: the effect, as its claimant argues it)"""
    question = fact.asks or f"What did {fact.cause} lead to?"
    yield ctx.flashcard(fact, question, fact.effect, difficulty=3)
