"""The bundled fact base and what the generator makes of it, built once per session."""

from __future__ import annotations

import random

import pytest

from purgequiz import paths
from purgequiz.decks.model import Card, Deck
from purgequiz.facts import FactBase, load, parse
from purgequiz.generate.build import compile_cards, generate


@pytest.fixture(scope="session")
def base() -> FactBase:
    result = load(paths.bundled_seeds_dir())
    assert not result.problems, "\n".join(map(str, result.problems))
    assert result.base is not None
    return result.base


@pytest.fixture(scope="session")
def cards(base: FactBase) -> list[Card]:
    """Every card the bundled base supports, compiled with the shipped decks' seed."""
    compiled = compile_cards(base, random.Random(1937))
    assert compiled  # a test looping over no cards would check nothing
    return compiled


@pytest.fixture(scope="session")
def deck(base: FactBase) -> Deck:
    built = generate(base, seed=1)
    assert built.cards
    return built


@pytest.fixture(scope="session")
def decks(base: FactBase) -> list[Deck]:
    """The same base built with several seeds."""
    built = [generate(base, seed=seed) for seed in range(3)]
    assert all(deck.cards for deck in built)
    return built


def of(cards: list[Card], template: str) -> list[Card]:
    """The cards one template made; there must be some, or a test of them checks nothing."""
    made = [card for card in cards if card.template == template]
    assert made, f"no card of the template {template!r}"
    return made


def some(items: list, what: str) -> list:
    """``items``, which must not be empty: a test looping over none would check nothing."""
    assert items, f"no {what}: the test would check nothing"
    return items


def make_base(text: str) -> FactBase:
    """A FactBase from TOML text; fails the test if the text has problems."""
    result = parse({"test.toml": text.encode()})
    assert not result.problems, "\n".join(map(str, result.problems))
    assert result.base is not None
    return result.base
