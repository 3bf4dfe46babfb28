"""A seeded sample of a deck's cards for review, stratified by question family."""

from __future__ import annotations

import random
from collections import defaultdict

from purgequiz.decks.model import Card, Deck

__all__ = ["review_sample"]


def review_sample(deck: Deck, count: int, seed: int) -> list[Card]:
    """``count`` cards of the deck (or all of them, if fewer), drawn with ``seed``: each
    family gets a share in proportion to its size, and at least two cards when it has them,
    so that the small families are reviewed too. The same deck and seed give the same
    sample; the cards come in deck order."""
    rng = random.Random(seed)
    families: dict[str, list[Card]] = defaultdict(list)
    for card in deck.cards:
        families[card.family or card.template].append(card)
    if count >= len(deck.cards):
        return list(deck.cards)
    shares = {f: min(len(cards), 2) for f, cards in families.items()}
    left = count - sum(shares.values())
    total = sum(len(cards) - shares[f] for f, cards in families.items())
    if left < 0:  # more families than the sample has room for two of each
        shares = {f: 0 for f in families}
        left, total = count, len(deck.cards)
    remainders = []
    for family, cards in families.items():
        exact = left * (len(cards) - shares[family]) / total if total else 0
        shares[family] += int(exact)
        remainders.append((exact - int(exact), rng.random(), family))
    for _, _, family in sorted(remainders, reverse=True)[: count - sum(shares.values())]:
        shares[family] += 1
    chosen: set[str] = set()
    for family, cards in sorted(families.items()):
        chosen.update(card.id for card in rng.sample(cards, min(shares[family], len(cards))))
    return [card for card in deck.cards if card.id in chosen]
