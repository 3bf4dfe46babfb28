"""Compiling a fact base into a deck: every registered template over the facts it asks,
the quality checks, the filters, then siblings and confusables. Pure: the same base,
filters and seed always give the same deck."""

from __future__ import annotations

import random

from purgequiz.decks.model import Card, Deck
from purgequiz.facts import FactBase
from purgequiz.generate.checks import keep_good
from purgequiz.generate.confusables import link
from purgequiz.generate.context import Context
from purgequiz.generate.index import FactIndex
from purgequiz.generate.registry import REGISTRY, templates_for
from purgequiz.generate.select import Filters, select
from purgequiz.generate.templates import __name__ as _registered  # noqa: F401  (registers)

__all__ = ["NoCardsError", "assemble", "compile_cards", "generate"]


class NoCardsError(ValueError):
    """The filters leave no card."""


def compile_cards(base: FactBase, rng: random.Random) -> list[Card]:
    """Every good card the base supports, in a fixed order (by fact id, then template).

    Each template draws on a generator of its own for each fact, seeded from ``rng`` and
    what it asks about: a change to one fact (or a card made or no longer made) leaves the
    other cards' wrong choices and their order as they were."""
    root = rng.getrandbits(64)
    ctx = Context(base, FactIndex(base), rng)
    cards: list[Card] = []
    for fact in ctx.index.facts:
        ctx.asked = fact
        for template in templates_for(fact.kind):
            ctx.template = template
            ctx.rng = random.Random(f"{root}:{template.id}:{fact.id}")
            cards.extend(template.make(ctx, fact))
    ctx.asked = None
    for template in REGISTRY.values():
        if template.whole:
            ctx.template = template
            ctx.rng = random.Random(f"{root}:{template.id}")
            cards.extend(template.make(ctx))
    return keep_good(cards)


def generate(
    base: FactBase,
    filters: Filters | None = None,
    seed: int = 0,
    *,
    deck_id: str = "deck",
    title: str = "Questions",
    description: str = "",
    allow_empty: bool = False,
) -> Deck:
    """A deck of the cards that pass ``filters``; raises :class:`NoCardsError` if none do
    (unless ``allow_empty``) and :class:`~purgequiz.generate.select.FilterError` for a
    filter the base cannot satisfy."""
    filters = filters or Filters()
    filters.check(base)
    rng = random.Random(seed)
    return assemble(
        base,
        compile_cards(base, rng),
        filters,
        seed,
        rng,
        deck_id=deck_id,
        title=title,
        description=description,
        allow_empty=allow_empty,
    )


def assemble(
    base: FactBase,
    cards: list[Card],
    filters: Filters,
    seed: int,
    rng: random.Random,
    *,
    deck_id: str,
    title: str,
    description: str,
    allow_empty: bool = False,
) -> Deck:
    """A deck from already compiled cards (so that several decks can share one compile)."""
    chosen = select(cards, filters, base, rng)
    if not chosen and not allow_empty:
        raise NoCardsError("no card matches these filters")
    built_from = {"facts_checksum": base.checksum(), "seed": seed, "filters": filters.to_dict()}
    return Deck(deck_id, title, description, tuple(link(chosen, base)), built_from)
