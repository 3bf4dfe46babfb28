"""`purgequiz cards list | restore`: held cards listed and brought back from the command line."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from purgequiz.cli import main
from purgequiz.decks.fileformat import write_deck
from purgequiz.decks.model import Deck
from purgequiz.learn.scheduler import CardProgress
from purgequiz.learn.session import StudySession
from purgequiz.paths import user_decks_dir
from purgequiz.store.profile import open_profile
from tests.learn.deckkit import plain_deck

NOW = datetime.now(UTC)


@pytest.fixture()
def held():
    """Anna suspended the first card, buried the second and flagged the third."""
    deck = plain_deck(6)
    user_decks_dir().mkdir(parents=True, exist_ok=True)
    write_deck(deck, user_decks_dir() / "plain.json")
    with open_profile("Anna") as profile:
        session = StudySession(deck, profile, NOW, random.Random(1))
        ids = []
        for act in ("suspend", "bury", "flag"):
            ids.append(session.next_card(NOW).card.id)
            if act == "flag":
                session.flag("the date looks wrong", NOW)
                session.answer(session.current.card.answer, NOW, 3000)
            else:
                getattr(session, act)(NOW)
    return deck, ids


def test_list_shows_each_card_with_why_and_its_question(held, capsys):
    """The list names each held card, why it is held and its question."""
    deck, (suspended, buried, flagged) = held
    assert main(["cards", "list", "--profile", "Anna"]) == 0
    out = capsys.readouterr().out
    rows = [line for line in out.splitlines() if line.split()[0] in (suspended, buried, flagged)]
    assert [row.split()[0] for row in rows] == [suspended, buried, flagged]
    assert "suspended" in rows[0] and "buried until" in rows[1] and "flagged" in rows[2]
    prompts = {card.id: card.prompt for card in deck.cards}
    assert all(prompts[row.split()[0]] in row for row in rows)
    assert "purgequiz cards restore --profile Anna CARD" in out


def test_list_json_and_only(held, capsys):
    """--only keeps one reason; --json gives the flag's note to scripts."""
    _, (_, _, flagged) = held
    assert main(["cards", "list", "--profile", "Anna", "--only", "flagged", "--json"]) == 0
    (item,) = json.loads(capsys.readouterr().out)
    assert item["card_id"] == flagged and item["reasons"] == ["flagged"]
    assert item["flags"][0]["note"] == "the date looks wrong"


def test_restore_brings_cards_back_into_study_durably(held, capsys):
    """Restored cards are studied again, after the profile is closed and opened."""
    deck, (suspended, buried, _) = held
    assert main(["cards", "restore", "--profile", "Anna", suspended, buried]) == 0
    assert "back in study: 2 cards" in capsys.readouterr().out
    with open_profile("Anna") as profile:
        states = profile.card_states()
        assert not states[suspended].suspended and states[buried].buried_until is None
        session = StudySession(deck, profile, NOW + timedelta(minutes=1), random.Random(1))
        seen = set()
        while (shown := session.next_card(NOW + timedelta(minutes=1))) is not None:
            seen.add(shown.card.id)
            session.answer(shown.card.answer, NOW + timedelta(minutes=1), 2000)
        assert {suspended, buried} <= seen


def test_unflag_withdraws_the_flag(held, capsys):
    """--unflag withdraws a flag; without it a card that is only flagged is left alone."""
    _, (_, _, flagged) = held
    assert main(["cards", "restore", "--profile", "Anna", flagged]) == 1
    assert "add --unflag" in capsys.readouterr().err
    assert main(["cards", "restore", "--profile", "Anna", flagged, "--unflag"]) == 0
    with open_profile("Anna") as profile:
        assert profile.flags() == []


def test_an_unknown_card_changes_nothing(held, capsys):
    """One unknown id: nothing is restored, and the message says where to look."""
    _, (suspended, _, _) = held
    assert main(["cards", "restore", "--profile", "Anna", suspended, "nosuch:card"]) == 1
    err = capsys.readouterr().err
    assert "nosuch:card" in err and "nothing was changed" in err
    with open_profile("Anna") as profile:
        assert profile.card_states()[suspended].suspended


def test_a_missing_profile_is_named_and_not_created(capsys):
    """Listing for a profile that does not exist says so and creates nothing."""
    assert main(["cards", "list", "--profile", "Nobody"]) == 1
    assert "there is no profile 'Nobody'" in capsys.readouterr().err
    assert main(["cards", "list", "--profile", "Nobody"]) == 1


def test_a_profile_open_in_the_app_is_refused(held, capsys):
    """While the app has the profile open, the command says so and changes nothing."""
    _, (suspended, _, _) = held
    with open_profile("Anna"):
        assert main(["cards", "restore", "--profile", "Anna", suspended]) == 1
    assert "open" in capsys.readouterr().err
    with open_profile("Anna") as profile:
        assert profile.card_states()[suspended].suspended


def _mark_leech(card_id: str) -> None:
    with open_profile("Anna") as profile:
        profile.save_states([CardProgress(card_id, reps=20, lapses=8, leech=True)])


def test_list_names_the_decks_and_keeps_one_deck(held, capsys):
    """Each card names its decks; --deck (an id or a file name) keeps that deck's cards."""
    deck, (suspended, _, _) = held
    write_deck(
        Deck("other", "Another deck", "", (replace(plain_deck(1).cards[0], id="x:1"),)),
        user_decks_dir() / "other.json",
    )
    _mark_leech("x:1")
    assert main(["cards", "list", "--profile", "Anna"]) == 0
    rows = {line.split()[0]: line for line in capsys.readouterr().out.splitlines()}
    assert rows[suspended].split()[1] == deck.id and rows["x:1"].split()[1] == "other"
    for spec in ("other", "other.json"):
        assert main(["cards", "list", "--profile", "Anna", "--deck", spec, "--json"]) == 0
        assert [(i["card_id"], i["decks"]) for i in json.loads(capsys.readouterr().out)] == [
            ("x:1", ["other"])
        ]
    assert main(["cards", "list", "--profile", "Anna", "--deck", "nosuch"]) == 1
    err = capsys.readouterr().err
    assert "there is no deck 'nosuch'" in err and "other" in err and deck.id in err


def test_clear_leech_clears_the_mark_durably(capsys):
    """--clear-leech clears a leech mark; without it the command says which option is needed
    and changes nothing."""
    _mark_leech("c000")
    assert main(["cards", "restore", "--profile", "Anna", "c000"]) == 1
    assert "nothing was changed" in capsys.readouterr().err
    with open_profile("Anna") as profile:
        assert profile.card_states()["c000"].leech
    assert main(["cards", "restore", "--profile", "Anna", "c000", "--clear-leech"]) == 0
    assert "cleared: 1 leech mark" in capsys.readouterr().out
    with open_profile("Anna") as profile:
        state = profile.card_states()["c000"]
        assert not state.leech and state.lapses == 8
    assert main(["cards", "list", "--profile", "Anna"]) == 0
    assert "Anna has no suspended, buried, flagged or leech cards" in capsys.readouterr().out


def test_a_card_left_as_it_was_is_named(held, capsys):
    """Restoring a suspended card and a flagged one without --unflag names the one left."""
    _, (suspended, _, flagged) = held
    assert main(["cards", "restore", "--profile", "Anna", suspended, flagged]) == 0
    out = capsys.readouterr().out
    assert "back in study: 1 card" in out
    assert f"left as it was: {flagged} (add --unflag)" in out
