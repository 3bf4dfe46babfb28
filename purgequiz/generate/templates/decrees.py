"""Decrees and resolutions: what each prohibited or required, its penalty, and what it left
untouched."""

from __future__ import annotations

from collections.abc import Iterator

from purgequiz.facts import Fact
from purgequiz.facts.kinds import Decree
from purgequiz.generate.context import Context, Wrong
from purgequiz.generate.model import Card
from purgequiz.generate.phrasing import cap
from purgequiz.generate.registry import template

__all__ = ["decree_name"]

_RULES = ("decree.prohibits", "decree.requires")


def decree_name(ctx: Context, fact: Decree) -> str:
    return ctx.in_text(fact.decree)


def _other_decrees(fact: Decree):
    """Texts of other decrees only: every provision of this one is true of it."""
    return lambda text, other: getattr(other, "decree", None) != fact.decree


def _wrong(ctx: Context, keys: tuple[str, ...], fact: Decree, answer: str) -> list[Wrong]:
    return [Wrong(cap(w.text), w.because)
            for w in ctx.texts(keys, answer, ok=_other_decrees(fact))]


@template("decree-prohibits", family="decrees", kinds=("decree",))
def decree_prohibits(ctx: Context, fact: Decree) -> Iterator[Card]:
    """What did the decree prohibit?"""
    if fact.prohibits:
        yield ctx.card(fact, prompt=ctx.ask(fact, f"What did {decree_name(ctx, fact)} "
                                                  "prohibit?"),
                       answer=cap(fact.prohibits), wrong=_wrong(ctx, _RULES, fact, fact.prohibits))


@template("decree-requires", family="decrees", kinds=("decree",))
def decree_requires(ctx: Context, fact: Decree) -> Iterator[Card]:
    """What did the decree require (for a given case)?"""
    if not fact.requires:
        return
    name = decree_name(ctx, fact)
    if fact.applies_to:
        prompt = f"Under {name}, what did {fact.applies_to} need?"
    else:
        prompt = f"What did {name} require?"
    yield ctx.card(fact, prompt=ctx.ask(fact, prompt), answer=cap(fact.requires),
                   wrong=_wrong(ctx, _RULES, fact, fact.requires))


@template("decree-penalty", family="decrees", kinds=("decree",))
def decree_penalty(ctx: Context, fact: Decree) -> Iterator[Card]:
    """What penalty did the decree lay down?"""
    if fact.penalty:
        yield ctx.card(fact, prompt=ctx.ask(fact, f"What penalty did {decree_name(ctx, fact)} "
                                                  "lay down?"),
                       answer=cap(fact.penalty),
                       wrong=_wrong(ctx, ("decree.penalty",), fact, fact.penalty), least=1)


@template("decree-limits", family="decrees", kinds=("decree",))
def decree_limits(ctx: Context, fact: Decree) -> Iterator[Card]:
    """What did the decree leave untouched? (the wrong choices are what it did change)"""
    if not fact.limits:
        return
    changed: list[Wrong] = []
    for other in ctx.index.facts_where("decree", "decree", fact.decree):
        if other:
            for text in (other.prohibits, other.requires):  # type: ignore[attr-defined]
                if text and len(changed) < 3:
                    changed.append(_changed(text, other))
    yield ctx.card(fact, prompt=ctx.ask(fact, f"What did {decree_name(ctx, fact)} leave "
                                              "untouched?"),
                   answer=cap(fact.limits[0]), accept=[cap(t) for t in fact.limits],
                   wrong=changed)


def _changed(text: str, fact: Fact) -> Wrong:
    return Wrong(cap(text), fact)
