"""`purgequiz cards list | restore`: held cards listed and brought back from the command line."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta

import pytest

from purgequiz.cli import main
from purgequiz.generate.deckfile import write_deck
from purgequiz.learn import StudySession
from purgequiz.paths import user_decks_dir
from purgequiz.store import open_profile
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
