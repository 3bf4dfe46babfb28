"""Quotations, always in our own words and never printed as if quoted: who said it (a
speaker the purges spared, against others they spared)."""

from __future__ import annotations

from collections.abc import Iterator

from purgequiz.facts.kinds import Quotation
from purgequiz.generate.context import Context
from purgequiz.generate.model import Card
from purgequiz.generate.registry import template

__all__: list[str] = []


@template("quote-speaker", family="quotations", kinds=("quotation",))
def quote_speaker(ctx: Context, fact: Quotation) -> Iterator[Card]:
    """Who told Y that …? / Who held that …?"""
    if fact.addressee:
        prompt = f"Who told {ctx.in_text(fact.addressee)} that {fact.gist}?"
    else:
        prompt = f"Who held that {fact.gist}?"
    wrong = ctx.entities(fact.speaker, avoid=[fact], among="unharmed",
                         ok=lambda p: p != fact.addressee)
    yield ctx.card(fact, prompt=ctx.ask(fact, prompt), answer=ctx.name(fact.speaker),
                   answer_type="entity", accept=ctx.spellings(fact.speaker), wrong=wrong)
