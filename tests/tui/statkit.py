"""A profile with some days of study behind it, for the statistics screen's tests."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from purgequiz.decks.model import Deck
from purgequiz.learn.session import StudySession
from purgequiz.store.profile import open_profile
from tests.tui.conftest import START, choice_deck, install


def history_deck() -> Deck:
    return choice_deck(8, deck_id="leaders", title="The NKVD leadership")


def fill(
    name: str = "Anna", days: int = 12, deck: Deck | None = None, until: datetime = START
) -> None:
    """``name`` studied ``deck`` (the NKVD leadership deck) on each of the ``days`` days before
    ``until`` (in UTC), six answers a day, about one in three wrong (a wrong choice picked)."""
    deck = deck or history_deck()
    install(deck)
    rng = random.Random(3)
    with open_profile(name) as profile:
        assert profile.update_settings(timezone="UTC") == []
        for back in range(days, 0, -1):
            now = until - timedelta(days=back)
            session = StudySession(deck, profile, now, random.Random(back))
            for _ in range(6):
                shown = session.next_card(now)
                if shown is None:
                    break
                right = rng.random() < 0.65
                wrong = [c for c in shown.choices if c != shown.card.answer] or ["Molotov"]
                given = shown.card.answer if right else rng.choice(wrong)
                session.answer(given, now, 4000)
                now += timedelta(seconds=30)
