"""A deck generated from the bundled fact base, built once per session."""

from __future__ import annotations

import pytest

from purgequiz import paths
from purgequiz.decks.model import Deck
from purgequiz.facts import load
from purgequiz.generate.build import generate


@pytest.fixture(scope="session")
def deck() -> Deck:
    result = load(paths.bundled_seeds_dir())
    assert result.base is not None and not result.problems
    built = generate(result.base, seed=1)
    assert built.cards
    return built
