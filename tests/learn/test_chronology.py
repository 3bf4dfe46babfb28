"""Chronology: the ordering cards chosen, and the score of an order counted by hand."""

import random
from datetime import UTC, datetime

import pytest
from deckkit import card, deck
from inmemory import MemoryProfile

from purgequiz.facts.dates import parse_date
from purgequiz.learn.chronology import (
    event_dates,
    kendall_tau_distance,
    order_score,
    start_chronology,
)

NOW = datetime(2025, 3, 1, 9, tzinfo=UTC)
RIGHT = ("A", "B", "C", "D")


@pytest.mark.parametrize(
    ("given", "distance", "in_place"),
    [
        # every pair right
        (("A", "B", "C", "D"), 0, 4),
        # A and B swapped: only the pair (A, B) is the wrong way round
        (("B", "A", "C", "D"), 1, 2),
        # B moved to the end: (B, C) and (B, D) are wrong; A is still first
        (("A", "C", "D", "B"), 2, 1),
        # A moved to the end: (A, B), (A, C), (A, D) are wrong; nothing is in its place
        (("B", "C", "D", "A"), 3, 0),
        # the reverse: all six pairs are wrong
        (("D", "C", "B", "A"), 6, 0),
    ],
)
def test_the_score_is_the_pairs_in_the_right_order(given, distance, in_place):
    """Four events make six pairs; the score is six less the Kendall tau distance (the pairs
    the wrong way round, counted here by hand), and the events in place are counted too."""
    assert kendall_tau_distance(given, RIGHT) == distance
    score = order_score(given, RIGHT)
    assert (score.pairs, score.distance, score.points, score.in_place) == (
        6,
        distance,
        6 - distance,
        in_place,
    )


def test_i_dont_know_scores_nothing():
    """An order not given ("I don't know") scores 0 of its pairs."""
    score = order_score((), RIGHT)
    assert (score.points, score.distance, score.in_place) == (0, 6, 0)


def test_an_order_of_other_events_is_refused():
    """An order that does not hold the same events, each once, is an error."""
    with pytest.raises(ValueError, match="same events"):
        kendall_tau_distance(("A", "B", "C", "C"), RIGHT)


def test_a_chronology_asks_only_ordering_cards_once_each():
    """A chronology takes the deck's ordering cards, up to its size, each asked once."""
    profile = MemoryProfile("learner")
    cards = [card(f"q{n}") for n in range(3)] + [
        card(f"o{n}", kind="ordering", items=("1", "2", "3"), answer_type="order", choices=())
        for n in range(7)
    ]
    session = start_chronology(deck(*cards), profile, NOW, random.Random(1), size=5)
    assert len(session.asked) == 5 and all(card_id.startswith("o") for card_id in session.asked)
    seen = []
    while (shown := session.next_card(NOW)) is not None:
        seen.append(shown.card.id)
        session.answer(("3", "2", "1"), NOW, 1000)
    assert seen == list(session.asked) and profile.card_states() == {}


def test_the_dates_come_from_the_facts_of_the_events():
    """Each event's date is that of the fact in its place; a fact missing or undated gives
    none."""

    class Dated:
        def __init__(self, text):
            self.date = parse_date(text) if text else None

    facts = {"f1": Dated("1937-05"), "f2": Dated("1938"), "f3": Dated(None)}
    assert event_dates(("f1", "f2"), ("x", "y"), facts) == ("May 1937", "1938")
    assert event_dates(("f1", "f3"), ("x", "y"), facts) is None
    assert event_dates(("f1", "f9"), ("x", "y"), facts) is None
    assert event_dates(("f1",), ("x", "y"), facts) is None
