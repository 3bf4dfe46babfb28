"""Causes and consequences: why something happened, and what followed, as the sources argue."""

from __future__ import annotations

from collections.abc import Iterator

from purgequiz.facts import Fact
from purgequiz.facts.kinds import Cause
from purgequiz.generate.context import Context, Wrong
from purgequiz.generate.model import Card
from purgequiz.generate.phrasing import cap
from purgequiz.generate.registry import template

__all__: list[str] = []

_LINK_KINDS = ("cause", "consequence")


def _unrelated(fact: Cause):
    """Texts of other links that cannot also be right: not linked to this one, not drawn
    from the same paragraphs of the same document."""
    linked = {fact.id, fact.cause_fact, fact.effect_fact} - {None}

    def ok(_text: str, other: Fact) -> bool:
        if other.id in linked or getattr(other, "cause_fact", None) in linked \
                or getattr(other, "effect_fact", None) in linked:
            return False
        return not (other.source == fact.source and set(other.paragraphs) & set(fact.paragraphs))

    return ok


def _wrongs(ctx: Context, field: str, fact: Cause, answer: str) -> list[Wrong]:
    keys = tuple(f"{kind}.{field}" for kind in _LINK_KINDS)
    return [Wrong(cap(w.text), w.because)
            for w in ctx.texts(keys, answer, ok=_unrelated(fact))]


@template("why", family="causes", kinds=("cause",))
def why(ctx: Context, fact: Cause) -> Iterator[Card]:
    """What lay behind …? (the cause, as its claimant argues it)"""
    yield ctx.card(fact, prompt=ctx.ask(fact, f"What lay behind {fact.effect}?"),
                   answer=cap(fact.cause), wrong=_wrongs(ctx, "cause", fact, fact.cause))


@template("what-followed", family="causes", kinds=("consequence",))
def what_followed(ctx: Context, fact: Cause) -> Iterator[Card]:
    """What followed …?"""
    yield ctx.card(fact, prompt=ctx.ask(fact, f"What followed {fact.cause}?"),
                   answer=cap(fact.effect), wrong=_wrongs(ctx, "effect", fact, fact.effect))
