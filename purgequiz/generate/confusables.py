"""Siblings (cards made from the same fact) and confusables (cards easily mixed up: the
same question template about the same person, or figures of the same unit that are nearly
equal), for the scheduler to keep apart."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from purgequiz.decks.model import Card
from purgequiz.facts import FactBase
from purgequiz.facts.kinds import Statistic
from purgequiz.generate.numbers import figure_of
from purgequiz.generate.phrasing import normalize_wording

__all__ = ["link"]

_NEIGHBOURS = 3  # confusables taken each side of a card in a bucket: keeps the lists short
_CLOSE = 1.25  # figures within this ratio of each other are confusable


def _neighbours(bucket: Sequence[str], out: dict[str, set[str]]) -> None:
    for position, card_id in enumerate(bucket):
        low, high = max(0, position - _NEIGHBOURS), position + _NEIGHBOURS + 1
        out[card_id].update(other for other in bucket[low:high] if other != card_id)


def link(cards: Sequence[Card], base: FactBase) -> list[Card]:
    """The cards with their ``siblings`` and ``confusable`` ids filled in."""
    by_fact: dict[str, list[str]] = defaultdict(list)
    by_person: dict[tuple[str, str], list[str]] = defaultdict(list)
    figures: dict[tuple[str, str], list[tuple[float, str]]] = defaultdict(list)
    people: dict[str, tuple[str, ...]] = {}  # the people each fact names, worked out once
    for card in cards:
        for fact_id in card.fact_ids:
            by_fact[fact_id].append(card.id)
            fact = base.facts[fact_id]
            if fact_id not in people:
                people[fact_id] = tuple(
                    ref
                    for _, ref in fact.entity_refs()
                    if ref in base.entities and base.entities[ref].type == "person"
                )
            for ref in people[fact_id]:
                by_person[(card.template, ref)].append(card.id)
            if isinstance(fact, Statistic) and len(card.fact_ids) == 1:
                key = (card.template, normalize_wording(fact.unit))
                figures[key].append((figure_of(fact).middle, card.id))
    confusable: dict[str, set[str]] = defaultdict(set)
    for bucket in by_person.values():
        _neighbours(sorted(set(bucket)), confusable)
    for values in figures.values():
        values.sort()
        for (a, first), (b, second) in zip(values, values[1:], strict=False):
            if a > 0 and b / a <= _CLOSE:
                confusable[first].add(second)
                confusable[second].add(first)
    out = []
    for card in cards:
        siblings = {s for f in card.fact_ids for s in by_fact[f]} - {card.id}
        mixed = confusable[card.id] - siblings - {card.id}
        out.append(replace(card, siblings=tuple(sorted(siblings)), confusable=tuple(sorted(mixed))))
    return out
