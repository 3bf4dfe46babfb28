"""A card's parts as the Anki and spreadsheet exports show them: the things to order or to match
in a shuffled order that is the same on every export, the pairs a matching card asks for, and
the citation of each source.

The order is drawn from the card's id, so an exported deck is the same file twice over (no
random numbers) and a student who imports it again finds each card as it was.
"""

from __future__ import annotations

import hashlib

from purgequiz.decks.model import Card, Citation

__all__ = ["citations", "pairs", "shuffled"]


def shuffled(card: Card, things: tuple[str, ...]) -> tuple[str, ...]:
    """``things`` in an order of their own, drawn from ``card``'s id: never the order given
    (which, for an ordering card, is the answer) when they can be put in any other."""

    def draw(entry: tuple[int, str]) -> bytes:
        return hashlib.sha256(f"{card.id}\0{entry[0]}\0{entry[1]}".encode()).digest()

    order = tuple(thing for _, thing in sorted(enumerate(things), key=draw))
    if order == things and len(set(things)) > 1:
        order = order[1:] + order[:1]
    return order


def pairs(card: Card) -> tuple[tuple[str, str], ...]:
    """A matching card's answer: each left-hand thing with what it is matched with."""
    return tuple(zip(card.items, card.matches, strict=False))


def citations(sources: tuple[Citation, ...]) -> tuple[str, ...]:
    """Each source's citation line (:meth:`Citation.line`), once each, in the card's order."""
    return tuple(dict.fromkeys(source.line() for source in sources))
