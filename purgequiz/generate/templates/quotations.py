"""Quotations, always in our own words and never printed as if quoted: who said it, to whom."""

from __future__ import annotations

from collections.abc import Iterator

from purgequiz.facts.kinds import Quotation
from purgequiz.generate.context import Context
from purgequiz.generate.model import Card
from purgequiz.generate.registry import template

__all__: list[str] = []


def _alive(ctx: Context):
    """People who could have said it: the base has none of them killed."""
    return lambda p: not ctx.index.met(p, ("execution", "suicide", "death"))


@template("quote-speaker", family="quotations", kinds=("quotation",))
def quote_speaker(ctx: Context, fact: Quotation) -> Iterator[Card]:
    """Who told Y that …? / Who held that …?"""
    if fact.addressee:
        prompt = f"Who told {ctx.in_text(fact.addressee)} that {fact.gist}?"
    else:
        prompt = f"Who held that {fact.gist}?"
    wrong = ctx.entities(fact.speaker, avoid=[fact],
                         ok=lambda p: _alive(ctx)(p) and p != fact.addressee)
    yield ctx.card(fact, prompt=ctx.ask(fact, prompt), answer=ctx.name(fact.speaker),
                   answer_type="entity", accept=ctx.spellings(fact.speaker), wrong=wrong)


@template("quote-addressee", family="quotations", kinds=("quotation",))
def quote_addressee(ctx: Context, fact: Quotation) -> Iterator[Card]:
    """Whom did X tell that …? (once per speaker and listener, for the weightiest words)"""
    if not fact.addressee:
        return
    same = [f for f in ctx.index.facts_where("quotation", "speaker", fact.speaker)
            if f.addressee == fact.addressee]  # type: ignore[attr-defined]
    if min(same, key=lambda f: (-f.importance, f.id)).id != fact.id:
        return
    wrong = ctx.entities(fact.addressee, avoid=[fact],
                         ok=lambda p: _alive(ctx)(p) and p != fact.speaker)
    yield ctx.card(fact, prompt=ctx.ask(fact, f"Whom did {ctx.name(fact.speaker)} tell that "
                                              f"{fact.gist}?"),
                   answer=ctx.name(fact.addressee), answer_type="entity",
                   accept=ctx.spellings(fact.addressee), wrong=wrong, difficulty=3)
