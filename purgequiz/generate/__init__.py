"""Compiling facts into question decks, and the deck file format."""

from purgequiz.generate.deckfile import DeckError, dump_deck, parse_deck, read_deck, write_deck
from purgequiz.generate.model import Card, Citation, Deck

__all__ = ["Card", "Citation", "Deck", "DeckError", "dump_deck", "parse_deck", "read_deck",
           "write_deck"]
