"""Quotations, always in our own words and never printed as if quoted: who said it (a
speaker the purges spared, against others they spared)."""

from __future__ import annotations

from collections.abc import Iterator

from purgequiz.decks.model import Card
from purgequiz.facts.kinds import Quotation
from purgequiz.generate.context import Context
from purgequiz.generate.registry import template

__all__: list[str] = []


def _listener(ctx: Context, person: str) -> str:
    """Whom it was said to, introduced: "the Soviet writer Konstantin Simonov"."""
    entity = ctx.entity(person)
    if entity.description and entity.full_name:
        return f"the {entity.description} {entity.full_name}"
    return ctx.in_text(person)


@template("quote-speaker", family="quotations", kinds=("quotation",))
def quote_speaker(ctx: Context, fact: Quotation) -> Iterator[Card]:
    """Who told Y that …? / Who held that …? (a quotation with ``asks`` is asked for what
    was said instead, so that one speaker is not the answer to card after card)"""
    if fact.asks:
        return
    if fact.addressee:
        prompt = f"Who told {_listener(ctx, fact.addressee)} that {fact.gist}?"
    else:
        prompt = f"Who held that {fact.gist}?"
    wrong = ctx.entities(
        fact.speaker, avoid=[fact], among="unharmed", ok=lambda p: p != fact.addressee
    )
    yield ctx.card(
        fact,
        prompt=ctx.ask(fact, prompt),
        answer=ctx.name(fact.speaker),
        answer_type="entity",
        accept=ctx.spellings(fact.speaker),
        wrong=wrong,
    )


@template("quote-gist", family="quotations", kinds=("quotation",))
def quote_gist(ctx: Context, fact: Quotation) -> Iterator[Card]:
    """What did X say about …? (a flashcard, in the question written for it)"""
    if not fact.asks:
        return
    yield ctx.flashcard(fact, fact.asks, fact.gist)
