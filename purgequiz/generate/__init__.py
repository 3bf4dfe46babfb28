"""Compiling facts into question decks, and the deck file format."""

from purgequiz.generate.build import NoCardsError, compile_cards, generate
from purgequiz.generate.deckfile import DeckError, dump_deck, parse_deck, read_deck, write_deck
from purgequiz.generate.model import Card, Citation, Deck
from purgequiz.generate.select import FilterError, Filters
from purgequiz.generate.shipped import SHIPPED, build_shipped_decks

__all__ = ["SHIPPED", "Card", "Citation", "Deck", "DeckError", "FilterError", "Filters",
           "NoCardsError", "build_shipped_decks", "compile_cards", "dump_deck", "generate",
           "parse_deck", "read_deck", "write_deck"]
