"""Chronology and match from the practice menu: scored round by round, the right order with
its dates or the right pairs after each round, the total at the end, nothing scheduled."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.widgets import OptionList

from purgequiz.decks.fileformat import read_deck
from purgequiz.decks.model import Deck
from purgequiz.learn.chronology import order_score
from purgequiz.store.profile import open_profile
from purgequiz.tui.screens.practice_chronology import ChronologyScreen
from purgequiz.tui.screens.practice_match import MatchScreen
from purgequiz.tui.screens.practice_quiz import RoundResults
from tests.tui.conftest import card, install, make_app, screen_text
from tests.tui.waiting import press, settle

SHIPPED = Path(__file__).resolve().parents[2] / "decks"
POSTS = (  # posts facts of the bundled fact base
    "ch7-voroshilov-peoples-commissar",
    "ch7-kaganovich-transportation",
    "ch7-malenkov-organizational-work",
    "w37-kalinin-head-of-state",
    "w40-vyshinsky-moscow-trials",
    "ch7-beria-succeeds-yezhov",
    "w40-timoshenko-replaces-voroshilov",
    "w40-meretskov-replaces-shaposhnikov",
)


def words(app) -> str:
    return " ".join(screen_text(app).split())


def events_deck() -> Deck:
    """Two ordering cards of the shipped chronology deck (their events are dated facts)."""
    shipped = read_deck(SHIPPED / "chronology.json")
    ordering = [c for c in shipped.cards if c.kind == "ordering"][:2]
    return Deck("events", "Events", "", tuple(ordering))


def posts_deck() -> Deck:
    """A question on each of eight posts facts, and a card matching people with posts."""
    questions = tuple(
        replace(card(f"post-{n}", choices=("Yezhov", "Beria")), fact_ids=(fact,))
        for n, fact in enumerate(POSTS)
    )
    pairs = card(
        "posts-card",
        "matching",
        prompt="Match each man to his post.",
        items=("Yezhov", "Vyshinsky", "Beria"),
        matches=("head of the NKVD until 1938", "prosecutor", "head of the NKVD from 1938"),
        answer_type="pairs",
    )
    return Deck("posts", "Posts", "", (*questions, replace(pairs, template="match-posts")))


async def test_chronology_scores_pairs_in_order_and_shows_the_dates(clock) -> None:
    """Each set of events is scored by the pairs in the right order (with the Kendall tau
    distance and the events in place shown), and the right order comes with the facts'
    dates; the end gives the total; nothing is scheduled."""
    install(events_deck())
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "p", "4", "enter")
        assert isinstance(app.screen, ChronologyScreen)
        assert "round 1 of 2" in words(app)
        points = pairs = 0
        for _ in range(2):
            shown = app.screen.presented
            score = order_score(shown.items, shown.card.items)  # the order as shown, unchanged
            points, pairs = points + score.points, pairs + score.pairs
            await press(pilot, "enter")
            text = words(app)
            assert f"{score.points} of {score.pairs} pairs in the right order" in text
            assert f"Kendall tau distance {score.distance}" in text
            assert f"{score.in_place} of 4 events in place" in text
            assert "May 1937" in text or "1938" in text or "1940" in text
            await press(pilot, "enter")
        assert isinstance(app.screen, RoundResults)
        assert f"Score {points} of {pairs} pairs in the right order" in words(app)
    with open_profile("Anna") as profile:
        assert dict(profile.card_states()) == {}
        assert [r.practice for r in profile.reviews()] == [True, True]
        (session,) = profile.sessions()
        assert (session["practice"], session["score"]) == ("chronology", points)


async def match_all(pilot, right: bool) -> None:
    """Match every line of the matching card shown (rightly, or each with the next one)."""
    screen = pilot.app.screen
    shown = screen.presented
    wanted = list(shown.card.matches)
    if not right:
        wanted = wanted[1:] + wanted[:1]
    for line, match in enumerate(wanted):
        screen.query_one("#pairs", OptionList).highlighted = line
        await press(pilot, str(shown.items.index(match) + 1))
    await press(pilot, "enter")


async def test_match_scores_each_pair_over_cards_and_rounds_from_facts(clock) -> None:
    """A match asks the deck's card of posts (logged as practice) and rounds made from its
    posts facts (not logged); each round shows the right pairs and the score counts pairs."""
    install(posts_deck())
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "p", "5", "enter")
        assert isinstance(app.screen, MatchScreen)
        total = app.screen.total()
        assert total >= 2 and f"round 1 of {total}" in words(app)
        assert app.screen.presented.card.id == "posts-card"
        await match_all(pilot, right=True)
        assert "3 of 3 pairs right" in words(app)
        await press(pilot, "enter")
        made = app.screen.presented.card
        assert made.template == "match-facts" and len(made.items) >= 3
        await match_all(pilot, right=False)
        assert f"0 of {len(made.items)} pairs right" in words(app) and "you matched" in words(app)
        await press(pilot, "enter")
        if isinstance(app.screen, MatchScreen):
            await press(pilot, "q")
        assert isinstance(app.screen, RoundResults)
        assert f"Score 3 of {3 + len(made.items)} pairs right" in words(app)
    with open_profile("Anna") as profile:
        assert [r.card_id for r in profile.reviews()] == ["posts-card"]
        assert dict(profile.card_states()) == {}
        (session,) = profile.sessions()
        assert (session["practice"], session["score"]) == ("match", 3)


async def test_a_match_of_facts_alone_keeps_its_record(clock) -> None:
    """A match of rounds made from facts only (no card answered) still keeps the session's
    record with its score."""
    deck = posts_deck()
    install(Deck(deck.id, deck.title, "", deck.cards[:-1]))
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "p", "5", "enter")
        await match_all(pilot, right=True)
        await press(pilot, "q")
        assert isinstance(app.screen, RoundResults)
    with open_profile("Anna") as profile:
        assert list(profile.reviews()) == []
        (session,) = profile.sessions()
        assert session["practice"] == "match" and session["score"] >= 3
