"""Compiling facts into question decks, and the deck file format.

The names below are loaded on first use, so that importing the small deck model (as the
study app and the learning engine do) does not also load the whole generator.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from purgequiz._lazy import lazy_attributes

if TYPE_CHECKING:
    from purgequiz.generate.build import NoCardsError, compile_cards, generate
    from purgequiz.generate.deckfile import (
        DeckError,
        dump_deck,
        parse_deck,
        read_deck,
        write_deck,
    )
    from purgequiz.generate.model import Card, Citation, Deck
    from purgequiz.generate.select import FilterError, Filters
    from purgequiz.generate.shipped import SHIPPED, build_shipped_decks

_WHERE = {
    "NoCardsError": "build",
    "compile_cards": "build",
    "generate": "build",
    "DeckError": "deckfile",
    "dump_deck": "deckfile",
    "parse_deck": "deckfile",
    "read_deck": "deckfile",
    "write_deck": "deckfile",
    "Card": "model",
    "Citation": "model",
    "Deck": "model",
    "FilterError": "select",
    "Filters": "select",
    "SHIPPED": "shipped",
    "build_shipped_decks": "shipped",
}

# Written out (not sorted(_WHERE)) so that linters see the names as exported.
__all__ = [
    "SHIPPED",
    "Card",
    "Citation",
    "Deck",
    "DeckError",
    "FilterError",
    "Filters",
    "NoCardsError",
    "build_shipped_decks",
    "compile_cards",
    "dump_deck",
    "generate",
    "parse_deck",
    "read_deck",
    "write_deck",
]
assert sorted(__all__) == sorted(_WHERE)


__getattr__ = lazy_attributes(__name__, _WHERE, globals())
