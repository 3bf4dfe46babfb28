"""The order new cards are introduced in: mixed, shuffled per profile, the same every time.

1. *Spread.* The cards are grouped by kind and question family (multiple-choice dates,
   ordering events, flashcards on causes, …). Each group is shuffled and its cards are spaced
   evenly over the whole order, the group's first card falling within the first few cards (as
   many as there are groups): of 223 cards, a group of 38 comes about every sixth card, a group
   of 3 about every 74th, and every group is met early. Inside a group, look-alikes are spaced
   evenly over the group the same way.
2. *Mend.* The cards are then placed one by one, each time the best of the next eight: one with
   no kin among the two cards just placed (kin right before it is worst), then one not of the
   group of the card just placed, then one with no topic in common with it; of equals, the one
   that comes first. A card passed over sixteen times in a row goes next.

*Kin* are siblings, confusable cards, a card and one that gives its answer away (see
:mod:`purgequiz.learn.reveals`), and *look-alikes*: questions asked in the same words of
another year or figure ("How much did the Red Army cost in 1935?", "… in 1938?"), or two
questions each of whose answer is a wrong choice of the other, so that the second could be
answered by elimination straight after the first.

Every draw is a hash of the seed and a card's id (or a group's name), never the place of a card
in the deck file: one seed and one set of cards always give one order, and a card added to a
deck moves the others only a little.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping

from purgequiz.decks.model import Card

__all__ = ["look_alikes", "new_card_order"]

WINDOW = 8  # how far ahead a card may be brought forward
PASSED_OVER = 16  # the first card waiting goes once it has been passed over this often
KIN_GAP = 2  # kin are kept at least this many cards apart where they can be
_DIGITS = re.compile(r"\d[\d,.]*")


def _draw(seed: int, text: str) -> float:
    """A number in [0, 1) fixed by the seed and the text."""
    digest = hashlib.blake2b(f"{seed}\x1f{text}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64


def _group(card: Card) -> tuple[str, str]:
    return card.kind, card.family or card.template


def look_alikes(cards: Iterable[Card]) -> dict[str, set[str]]:
    """Card id → the one-answer questions that look like it (both ways; see the module doc)."""
    asked = [c for c in cards if c.kind in ("question", "cloze", "truefalse")]
    out: dict[str, set[str]] = {}

    def pair(a: str, b: str) -> None:
        out.setdefault(a, set()).add(b)
        out.setdefault(b, set()).add(a)

    by_words: dict[tuple[str, str], list[str]] = {}
    for card in asked:
        by_words.setdefault((card.template, _DIGITS.sub("#", card.prompt)), []).append(card.id)
    for ids in by_words.values():
        for index, one in enumerate(ids):
            for other in ids[index + 1 :]:
                pair(one, other)
    by_answer: dict[tuple[str, str], list[Card]] = {}
    for card in asked:
        for choice in card.choices:
            if choice != card.answer:
                by_answer.setdefault((card.template, choice), []).append(card)
    for a in asked:
        for b in by_answer.get((a.template, a.answer), ()):
            if (
                b.id != a.id
                and b.answer != a.answer
                and a.answer in b.choices
                and b.answer in a.choices
            ):
                pair(a.id, b.id)
    return out


def _clusters(cards: list[Card], alike: Mapping[str, set[str]]) -> dict[str, str]:
    """Card id → the first id (sorted) of its set of look-alikes joined through one another."""
    ids = {card.id for card in cards}
    out: dict[str, str] = {}
    for start in sorted(ids):
        if start in out:
            continue
        todo = [start]
        while todo:
            card_id = todo.pop()
            if card_id in out:
                continue
            out[card_id] = start
            todo += [other for other in alike.get(card_id, ()) if other in ids]
    return out


def _spread(cards: list[Card], seed: int, alike: Mapping[str, set[str]]) -> list[Card]:
    """Step 1: each group shuffled and spread evenly over the whole order; inside a group, the
    look-alikes spread evenly over the group in the same way."""
    groups: dict[tuple[str, str], list[Card]] = {}
    for card in cards:
        groups.setdefault(_group(card), []).append(card)
    place: dict[str, tuple[float, float]] = {}
    for key, members in groups.items():
        found = _clusters(members, alike)
        alone = {name for name, size in Counter(found.values()).items() if size == 1}
        # the cards with no look-alike are spread as one set, look-alikes set by set
        cluster = {card_id: "" if name in alone else name for card_id, name in found.items()}
        sizes: dict[str, int] = {}
        for card in members:
            sizes[cluster[card.id]] = sizes.get(cluster[card.id], 0) + 1
        members.sort(key=lambda card: (_draw(seed, card.id), card.id))
        seen: dict[str, int] = {}
        inner: dict[str, float] = {}
        for card in members:
            name = cluster[card.id]
            rank = seen[name] = seen.get(name, -1) + 1
            inner[card.id] = (rank + _draw(seed, "alike\x1f" + name)) / sizes[name]
        members.sort(key=lambda card: (inner[card.id], _draw(seed, card.id), card.id))
        # the group's first card comes within the first len(groups) cards of all
        first = _draw(seed, "group\x1f" + "\x1f".join(key)) * min(
            1 / len(members), len(groups) / len(cards)
        )
        for rank, card in enumerate(members):
            place[card.id] = (first + rank / len(members), _draw(seed, "tie\x1f" + card.id))
    return sorted(cards, key=lambda card: (place[card.id], card.id))


def new_card_order(
    cards: Iterable[Card], seed: int, kin: Mapping[str, set[str]], alike: Mapping[str, set[str]]
) -> list[str]:
    """The ids of ``cards`` in the order they are introduced as new (see the module doc).

    ``alike``: look-alikes (:func:`look_alikes`); ``kin``: every relation that keeps two cards
    apart (look-alikes among them).
    """
    waiting = _spread(list(cards), seed, alike)
    placed: list[Card] = []
    passed_over = 0  # how often the first waiting card was passed over

    def cost(card: Card) -> tuple[int, bool, bool]:
        near = 0
        for distance, earlier in enumerate(reversed(placed[-KIN_GAP:]), start=1):
            if earlier.id in kin.get(card.id, ()):
                near = max(near, KIN_GAP + 1 - distance)
        last = placed[-1] if placed else None
        return (
            near,
            last is not None and _group(last) == _group(card),
            last is not None and bool(set(last.topics) & set(card.topics)),
        )

    while waiting:
        if passed_over >= PASSED_OVER:
            index = 0  # the card kept waiting longest goes now
        else:
            window = waiting[:WINDOW]
            index = min(range(len(window)), key=lambda i: (cost(window[i]), i))
        passed_over = 0 if index == 0 else passed_over + 1
        placed.append(waiting.pop(index))
    return [card.id for card in placed]
