"""The decks that ship in ``decks/``: which filters and seed each is built with.

:func:`build_shipped_decks` is the one way they are made; a test rebuilds them from the
bundled fact base and fails when a file in ``decks/`` differs, and
``purgequiz decks build-shipped`` rewrites them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from purgequiz.decks.fileformat import dump_deck
from purgequiz.decks.model import Deck
from purgequiz.facts import FactBase
from purgequiz.generate.build import assemble, compile_cards
from purgequiz.generate.select import Filters

__all__ = ["SHIPPED", "SHIPPED_SEED", "ShippedDeck", "build_shipped_decks", "stale_decks"]

SHIPPED_SEED = 1937


@dataclass(frozen=True)
class ShippedDeck:
    id: str
    title: str
    description: str
    filters: Filters

    @property
    def file_name(self) -> str:
        return f"{self.id}.json"


SHIPPED: tuple[ShippedDeck, ...] = (
    ShippedDeck(
        "purges-all",
        "The purges of 1937\u20131940: every question",
        "Every question worth asking that the curated fact base supports, on all "
        "topics (details are left to the themed decks).",
        Filters(importance=2),
    ),
    ShippedDeck(
        "army-purge",
        "The army purge",
        "Arrests, executions and replacements in the Red Army command, 1937\u20131940.",
        Filters(topics=("army",)),
    ),
    ShippedDeck(
        "industry-decrees",
        "Industry, the commissariats and the decrees",
        "The purge of the economic commissariats and the decrees and resolutions "
        "that accompanied and ended the mass terror.",
        Filters(topics=("industry", "decrees")),
    ),
    ShippedDeck(
        "regional-trials",
        "The 1937 regional trials and executions",
        "The trials and executions in the regions in 1937, as the press reported them.",
        Filters(topics=("regional-trials",)),
    ),
    ShippedDeck(
        "figures",
        "Figures and statistics",
        "How many: the numbers the sources give, with who gave them.",
        Filters(kinds=("figures", "tables")),
    ),
    ShippedDeck(
        "chronology",
        "Chronology",
        "When things happened, and putting events in order.",
        Filters(kinds=("chronology",)),
    ),
    ShippedDeck(
        "sources",
        "Sources and readings",
        "Who reported what and from which paper, whose reading is whose, and where "
        "the accounts differ: the press of the time against later scholarship.",
        Filters(kinds=("source-criticism",)),
    ),
)


def build_shipped_decks(base: FactBase) -> list[Deck]:
    """Every shipped deck, built from ``base`` with the fixed seed (cards compiled once)."""
    decks = []
    cards = compile_cards(base, random.Random(SHIPPED_SEED))
    for spec in SHIPPED:
        decks.append(
            assemble(
                base,
                cards,
                spec.filters,
                SHIPPED_SEED,
                random.Random(SHIPPED_SEED),
                deck_id=spec.id,
                title=spec.title,
                description=spec.description,
                allow_empty=True,
            )
        )
    return decks


def stale_decks(base: FactBase, folder: Path) -> list[str]:
    """File names in ``folder`` that differ from what the base builds now (or are missing),
    and deck files there that no shipped deck accounts for."""
    stale = []
    for spec, deck in zip(SHIPPED, build_shipped_decks(base), strict=True):
        path = folder / spec.file_name
        if not path.is_file() or path.read_text(encoding="utf-8") != dump_deck(deck):
            stale.append(spec.file_name)
    known = {spec.file_name for spec in SHIPPED}
    stale.extend(sorted(p.name for p in folder.glob("*.json") if p.name not in known))
    return stale
