"""The queue: limits, learning cards, siblings, confusables, the order of new cards, the study day
across DST."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from deckkit import card, deck, mixed_deck, plain_deck

from purgequiz.learn.days import day_start, study_day
from purgequiz.learn.queue import StudyQueue
from purgequiz.learn.scheduler import CardProgress, State
from purgequiz.learn.settings import Settings

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2025, 3, 1, 9, tzinfo=UTC)


def test_new_limit():
    """No more new cards than the daily limit, counting those already studied today."""
    q = StudyQueue(plain_deck(30).cards, Settings(new_per_day=5), seed=1)
    assert q.counts({}, NOW, 0, 0).new == 5
    assert q.counts({}, NOW, 3, 0).new == 2


def test_review_limit_and_learning_first():
    """Due learning cards come first, then reviews up to the limit, then new cards."""
    cards = plain_deck(6).cards
    review = CardProgress(
        "c000",
        state=State.Review,
        step=None,
        stability=3.0,
        difficulty=5.0,
        due=NOW - timedelta(days=1),
        last_review=NOW - timedelta(days=4),
        reps=3,
    )
    states = {
        "c000": review,
        "c001": replace(review, card_id="c001"),
        "c002": CardProgress("c002", due=NOW - timedelta(minutes=1), reps=1),
    }
    q = StudyQueue(cards, Settings(reviews_per_day=1), seed=1)
    assert q.next(states, NOW, 0, 0) == "c002"
    assert q.counts(states, NOW, 0, 0).review == 1
    del states["c002"]
    assert q.next(states, NOW, 0, 0) == "c000"
    assert q.next(states, NOW, 0, 1) in {"c002", "c003", "c004", "c005"}  # a new card


def test_learning_card_returns_when_due():
    """A learning card not yet due waits; with nothing else left it is shown a little early."""
    cards = plain_deck(1).cards
    states = {"c000": CardProgress("c000", due=NOW + timedelta(minutes=10), reps=1)}
    q = StudyQueue(cards, Settings(), seed=1)
    assert q.next(states, NOW, 0, 0) == "c000"  # within the 20-minute learn-ahead
    states = {"c000": CardProgress("c000", due=NOW + timedelta(hours=2), reps=1)}
    assert q.next(states, NOW, 0, 0) is None
    assert q.next_due(states, NOW) == NOW + timedelta(hours=2)
    assert q.next(states, NOW + timedelta(hours=2), 0, 0) == "c000"


def test_buried_and_suspended_cards_are_left_out():
    """Buried (until later) and suspended cards are not shown."""
    cards = plain_deck(2).cards
    states = {
        "c000": CardProgress("c000", buried_until=NOW + timedelta(hours=1)),
        "c001": CardProgress("c001", suspended=True),
    }
    assert StudyQueue(cards, Settings(), seed=1).next(states, NOW, 0, 0) is None


def test_confusables_never_back_to_back():
    """A card confusable with the one just shown waits for another card between."""
    d = deck(card("a", confusable=("b",)), card("b"), card("c"))
    q = StudyQueue(d.cards, Settings(), seed=1)
    assert q.next({}, NOW, 0, 0, last="a") == "c"
    assert q.next({}, NOW, 0, 0, last="b") == "c"
    only = StudyQueue(deck(card("a", confusable=("b",)), card("b")).cards, Settings(), seed=1)
    assert only.next({}, NOW, 0, 0, last="a") is None


def test_study_day_rolls_over_at_the_configured_hour():
    """Before 04:00 local time it is still the previous study day."""
    assert study_day(datetime(2025, 6, 2, 1, 59, tzinfo=UTC), BERLIN, 4) == date(2025, 6, 1)
    assert study_day(datetime(2025, 6, 2, 2, 0, tzinfo=UTC), BERLIN, 4) == date(2025, 6, 2)


def test_rollover_stays_at_local_hour_across_dst():
    """Across both DST changes the day starts at 04:00 Berlin time: days of 23 and 25 hours."""
    spring = day_start(date(2025, 3, 30), BERLIN, 4) - day_start(date(2025, 3, 29), BERLIN, 4)
    autumn = day_start(date(2025, 10, 26), BERLIN, 4) - day_start(date(2025, 10, 25), BERLIN, 4)
    assert (spring, autumn) == (timedelta(hours=23), timedelta(hours=25))
    assert day_start(date(2025, 3, 30), BERLIN, 4).astimezone(BERLIN).hour == 4
    assert day_start(date(2025, 10, 26), BERLIN, 4).astimezone(BERLIN).hour == 4
    # 02:30 local does not exist on 30 March: a rollover hour of 2 still gives one start
    assert day_start(date(2025, 3, 30), BERLIN, 2) < day_start(date(2025, 3, 31), BERLIN, 2)


def test_reviews_due_before_the_study_day_ends_count_as_due():
    """A review due later in the study day is due today; one due after rollover is not."""
    cards = plain_deck(2).cards
    base = CardProgress(
        "c000",
        state=State.Review,
        step=None,
        stability=3.0,
        difficulty=5.0,
        reps=2,
        last_review=NOW - timedelta(days=3),
    )
    q = StudyQueue(cards, Settings(timezone="Europe/Berlin", new_per_day=0), seed=1)
    evening = datetime(2025, 3, 1, 20, tzinfo=UTC)  # 21:00 Berlin; the day ends 03:00 UTC
    states = {
        "c000": replace(base, due=datetime(2025, 3, 2, 2, 30, tzinfo=UTC)),
        "c001": replace(base, card_id="c001", due=datetime(2025, 3, 2, 3, 30, tzinfo=UTC)),
    }
    assert q.counts(states, evening, 0, 0).review == 1


def test_new_held_back_counts_what_the_limit_keeps_waiting():
    """The new cards beyond today's limit are counted as held back; none when under it."""
    q = StudyQueue(plain_deck(6).cards, Settings(new_per_day=2), seed=1)
    assert q.new_held_back({}, NOW, 0) == 4
    assert q.new_held_back({}, NOW, 2) == 6
    for limit, held in ((0, 6), (9, 0)):
        queue = StudyQueue(plain_deck(6).cards, Settings(new_per_day=limit), seed=1)
        assert queue.new_held_back({}, NOW, 0) == held


def new_cards(cards, seed: int) -> list[str]:
    """Every new card of ``cards`` in the order the queue would introduce them."""
    return StudyQueue(cards, Settings(new_per_day=9999), seed=seed).pools({}, NOW, 0, 0)[3]


SEEDS = range(20)


def test_new_cards_mix_families_and_kinds():
    """New cards written family by family come mixed: never two of one family in a row, and an
    ordering card among the first four."""
    cards = mixed_deck().cards
    family = {c.id: c.family for c in cards}
    for seed in SEEDS:
        order = new_cards(cards, seed)
        assert sorted(order) == sorted(family)
        pairs = zip(order, order[1:], strict=False)
        assert all(family[a] != family[b] for a, b in pairs), (seed, order)
        assert any(c.startswith("order-") for c in order[:4]), (seed, order)


def test_look_alike_figures_are_kept_apart():
    """The army's cost in 1935, 1937 and 1938, asked in the same words, are never back to back,
    even in a deck of figures alone (the third would be answered by elimination)."""
    costs = {1935: "2.3 billion rubles", 1937: "4 billion rubles", 1938: "6.9 billion rubles"}
    alike = [
        card(
            f"cost-{year}",
            amount,
            template="figure",
            family="figures",
            prompt=f"How much did the Red Army cost in {year}?",
            choices=tuple(costs.values()),
        )
        for year, amount in costs.items()
    ]
    others = [
        card(
            f"figure-{word}",
            f"{n} people",
            template="figure",
            family="figures",
            prompt=f"How many were {word}?",
            choices=(f"{n} people", "x", "y"),
        )
        for n, word in enumerate(("arrested", "shot", "freed", "exiled", "moved", "named"))
    ]
    for seed in SEEDS:
        order = new_cards(alike + others, seed)
        places = sorted(order.index(c.id) for c in alike)
        assert all(b - a > 1 for a, b in zip(places, places[1:], strict=False)), (seed, order)


def test_new_card_order_is_the_same_for_one_seed():
    """One seed gives one order, whatever order the deck file lists the cards in."""
    cards = mixed_deck().cards
    assert new_cards(cards, 7) == new_cards(cards, 7) == new_cards(cards[::-1], 7)


def test_new_card_order_differs_between_seeds():
    """Two profiles (two seeds) meet the new cards in different orders."""
    cards = mixed_deck().cards
    assert new_cards(cards, 1) != new_cards(cards, 2)
    assert len({tuple(new_cards(cards, seed)) for seed in SEEDS}) == len(SEEDS)
