"""Set-up for the browser's app tests: a small fact base in place of the one that ships, a
deck of cards on it, and a profile that has studied one of them."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from purgequiz import paths
from purgequiz.decks.model import Deck
from purgequiz.learn.records import Review
from purgequiz.learn.scheduler import CardProgress, State
from purgequiz.store.profile import open_profile
from tests.learn.peoplekit import TOML, cards
from tests.tui.conftest import START, install

__all__ = ["browse_deck", "small_fact_base", "studied"]


def small_fact_base(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """The app reads the small fact base of tests/learn/peoplekit.py as the bundled one."""
    folder.mkdir()
    (folder / "people.toml").write_text(TOML, encoding="utf-8")
    monkeypatch.setattr(paths, "bundled_seeds_dir", lambda: folder)


def browse_deck() -> Deck:
    """The cards of the small fact base, installed as the user's deck 'nkvd'."""
    deck = Deck("nkvd", "The NKVD and the army", "", tuple(cards()))
    install(deck)
    return deck


def _review(card_id: str, days_ago: float, correct: bool, given: str, after: CardProgress):
    at = START - timedelta(days=days_ago)
    return Review(
        id=f"r-{days_ago}",
        card_id=card_id,
        day=at.date().isoformat(),
        reviewed_at=at.isoformat(),
        mode="choice",
        rating=3 if correct else 1,
        correct=correct,
        near_miss=False,
        given=given,
        elapsed_ms=4000,
        was_new=False,
        was_review=True,
        after=after.to_dict(),
    )


STUDIED = "who-replaced-yezhov"


def studied() -> CardProgress:
    """Anna (time zone UTC) has answered the card on Yezhov's successor twice, wrongly 14½
    days ago and rightly 12½ days ago; it is in review with a stability of 5 days."""
    state = CardProgress(
        STUDIED,
        state=State.Review,
        step=None,
        stability=5.0,
        difficulty=6.2,
        due=START + timedelta(days=2),
        last_review=START - timedelta(days=12.5),
        reps=7,
        lapses=2,
    )
    with open_profile("Anna") as profile:
        profile.update_settings(timezone="UTC")
        profile.record_answer(_review(STUDIED, 14.5, False, "Yagoda", state), [state])
        profile.record_answer(_review(STUDIED, 12.5, True, "Beria", state), [state])
    return state
