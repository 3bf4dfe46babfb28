"""Quality checks every generated card passes: nothing given away by its own prompt, no
duplicate questions, well-formed choices."""

from __future__ import annotations

import re
from collections.abc import Iterable

from purgequiz.decks.model import Card
from purgequiz.generate.phrasing import find_term, normalize_wording

__all__ = ["card_problems", "gives_away", "keep_good"]


def gives_away(card: Card) -> bool:
    """Whether the prompt names the answer (any accepted spelling), or, for a date, its year."""
    if card.kind not in ("question", "cloze"):
        return False
    for term in (card.answer, *card.accept):
        if (len(term) >= 3 or term.isdigit()) and find_term(card.prompt, term):
            return True
    if card.answer_type == "date":
        year = re.search(r"\b\d{4}\b", card.answer)
        if year and find_term(card.prompt, year.group()):
            return True
    return False


def card_problems(card: Card) -> list[str]:
    """What is wrong with a card (empty when it is fine)."""
    problems = []
    if gives_away(card):
        problems.append("the prompt gives the answer away")
    if card.choices:
        keys = [normalize_wording(c) for c in card.choices]
        if len(set(keys)) != len(keys):
            problems.append("two choices are the same")
        if card.answer not in card.choices:
            problems.append("the answer is not among the choices")
    if card.kind == "ordering" and any(re.search(r"\b1[89]\d\d\b", i) for i in card.items):
        problems.append("an item to put in order gives its date")
    if "which of these" in card.prompt.lower() and not card.choices:
        problems.append("'which of these' is asked without choices")
    return problems


def keep_good(cards: Iterable[Card]) -> list[Card]:
    """The cards without problems, each question once (the first of equal prompts)."""
    kept: list[Card] = []
    prompts: set[str] = set()
    ids: set[str] = set()
    for card in cards:
        key = (
            normalize_wording(card.prompt)
            + "\n"
            + "\n".join(normalize_wording(i) for i in card.items)
        )
        if key in prompts or card.id in ids or card_problems(card):
            continue
        prompts.add(key)
        ids.add(card.id)
        kept.append(card)
    return kept
