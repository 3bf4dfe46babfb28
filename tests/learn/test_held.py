"""Listing held and marked cards, and bringing them back."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from deckkit import plain_deck

from purgequiz.learn.held import held_cards, leech_cleared, restored
from purgequiz.learn.scheduler import CardProgress

NOW = datetime(2025, 3, 1, 9, tzinfo=UTC)


def _cards():
    return {card.id: card for card in plain_deck(6).cards}


def test_each_reason_is_listed_with_the_prompt_in_order():
    """Suspended, buried, flagged and leech cards are listed in that order, with prompts."""
    ids = list(_cards())
    states = {
        ids[0]: CardProgress(ids[0], leech=True, lapses=8),
        ids[1]: CardProgress(ids[1], buried_until=NOW + timedelta(hours=3)),
        ids[2]: CardProgress(ids[2], suspended=True),
        ids[3]: CardProgress(ids[3]),  # studied as usual: not listed
    }
    flags = [{"id": "f1", "card_id": ids[4], "note": "typo", "prompt": "old text"}]
    listed = held_cards(states, flags, _cards(), NOW)
    assert [h.card_id for h in listed] == [ids[2], ids[1], ids[4], ids[0]]
    assert [h.reasons for h in listed] == [("suspended",), ("buried",), ("flagged",), ("leech",)]
    assert listed[2].prompt == _cards()[ids[4]].prompt and listed[3].lapses == 8
    assert [h.held_back for h in listed] == [True, True, False, False]


def test_a_card_buried_until_a_time_gone_by_is_not_listed():
    """A bury that has run out holds nothing."""
    card_id = next(iter(_cards()))
    states = {card_id: CardProgress(card_id, buried_until=NOW - timedelta(minutes=1))}
    assert held_cards(states, [], _cards(), NOW) == []


def test_a_flag_on_a_card_no_deck_holds_keeps_its_own_prompt():
    """A flagged card whose deck is gone is listed with the prompt the flag saved."""
    listed = held_cards(
        {}, [{"id": "f", "card_id": "gone:x", "prompt": "Who was Yezhov?"}], _cards(), NOW
    )
    assert [(h.card_id, h.prompt, h.reasons) for h in listed] == [
        ("gone:x", "Who was Yezhov?", ("flagged",))
    ]


def test_restored_frees_the_card_and_keeps_its_schedule():
    """Restoring clears suspension and burying and leaves the schedule as it was."""
    state = CardProgress(
        "c",
        stability=4.2,
        due=NOW + timedelta(days=3),
        reps=5,
        lapses=1,
        suspended=True,
        buried_until=NOW + timedelta(hours=2),
        leech=True,
    )
    back = restored(state)
    assert not back.suspended and back.buried_until is None
    assert back == replace(state, suspended=False, buried_until=None)


def test_each_card_names_the_decks_it_is_in():
    """A card lists the decks holding it; a flagged card no deck holds, its flag's deck."""
    ids = list(_cards())
    states = {ids[0]: CardProgress(ids[0], suspended=True)}
    flags = [{"id": "f", "card_id": "gone:x", "deck_id": "old-deck", "prompt": "Who?"}]
    listed = held_cards(states, flags, _cards(), NOW, {ids[0]: ("plain", "all")})
    assert [(h.card_id, h.decks) for h in listed] == [
        (ids[0], ("plain", "all")),
        ("gone:x", ("old-deck",)),
    ]


def test_leech_cleared_keeps_lapses_and_schedule():
    """Clearing a leech mark changes nothing but the mark."""
    state = CardProgress(
        "c",
        stability=4.2,
        due=NOW + timedelta(days=3),
        reps=20,
        lapses=9,
        suspended=True,
        leech=True,
    )
    assert leech_cleared(state) == replace(state, leech=False)
