"""Filters and counting down, balanced across topics."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from purgequiz.facts import FactBase
from purgequiz.generate.select import FilterError, Filters, parse_range, select


def test_topic_kind_source_filters(cards, base: FactBase):
    """Each filter keeps only the matching cards."""
    army = select(cards, Filters(topics=("army",)), base, random.Random(1))
    assert army and all("army" in card.topics for card in army)
    order = select(cards, Filters(kinds=("ordering",)), base, random.Random(1))
    assert order and {card.kind for card in order} == {"ordering"}
    figures = select(cards, Filters(kinds=("figures",)), base, random.Random(1))
    assert figures and {card.family for card in figures} == {"figures"}
    critique = select(cards, Filters(kinds=("source-criticism",)), base, random.Random(1))
    assert critique and {card.family for card in critique} == {"source-criticism"}
    stats = select(cards, Filters(kinds=("statistic",)), base, random.Random(1))
    assert stats and all(base.facts[card.fact_ids[0]].kind == "statistic" for card in stats)
    study = select(cards, Filters(sources=("elites-ch7-consequences",)), base, random.Random(1))
    assert study and all(
        any(base.facts[f].source == "elites-ch7-consequences" for f in c.fact_ids) for c in study
    )


def test_years_and_difficulty(cards, base: FactBase):
    """Years keep dated cards in range; difficulty keeps cards in range."""
    chosen = select(cards, Filters(years=(1937, 1937)), base, random.Random(1))
    assert chosen and all(card.year == 1937 for card in chosen)
    easy = select(cards, Filters(difficulty=(1, 1)), base, random.Random(1))
    assert easy and all(card.difficulty == 1 for card in easy)


def test_count_is_balanced_across_topics(cards, base: FactBase):
    """Counting down takes cards from each topic in turn, so every topic is represented."""
    chosen = select(cards, Filters(count=8), base, random.Random(3))
    assert len(chosen) == 8
    topics = Counter(t for card in chosen for t in card.topics)
    assert len(set(topics)) >= 6


def test_count_keeps_the_original_order(cards, base: FactBase):
    """The chosen cards stay in the deck's order."""
    chosen = select(cards, Filters(count=10), base, random.Random(4))
    positions = [cards.index(card) for card in chosen]
    assert positions == sorted(positions)


def test_bad_filters(base: FactBase):
    """Unknown topics, kinds and sources, bad ranges and counts are refused clearly."""
    with pytest.raises(FilterError, match="unknown topic 'navy'"):
        Filters(topics=("navy",)).check(base)
    with pytest.raises(FilterError, match="unknown kind"):
        Filters(kinds=("essay",)).check(base)
    with pytest.raises(FilterError, match="unknown source"):
        Filters(sources=("nope",)).check(base)
    with pytest.raises(FilterError, match="at least 1"):
        Filters(count=0).check(base)
    with pytest.raises(FilterError, match="ends before"):
        parse_range("1938-1937", "--years", 1000, 2999)
    with pytest.raises(FilterError, match="between 1 and 3"):
        parse_range("1-4", "--difficulty", 1, 3)
    with pytest.raises(FilterError, match="written like"):
        parse_range("soon", "--years", 1000, 2999)
    assert parse_range("1937", "--years", 1000, 2999) == (1937, 1937)
