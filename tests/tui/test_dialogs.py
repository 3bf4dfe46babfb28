"""Dialogs: the store's recovery message, the grade change and the flag note, as plain text."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from textual.widgets import Static

from purgequiz import explain as words
from purgequiz.learn.session import StudySession
from purgequiz.store.profile import open_profile
from purgequiz.tui.screens.dialogs import FlagDialog, GradeDialog, NoticeDialog
from purgequiz.tui.screens.home import HomeScreen
from purgequiz.tui.screens.study import StudyScreen
from tests.tui.conftest import (
    choice_deck,
    install,
    make_app,
    press,
    screen_text,
    settle,
    studying,
)


@pytest.fixture
def markup_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder whose path would be markup if it were parsed (it shows in messages)."""
    home = tmp_path / "[bold]pq[$accent]\\"
    monkeypatch.setenv("PURGEQUIZ_HOME", str(home))
    return home


def damage(clock, deck) -> Path:
    """Give Anna some progress, then write junk into her snapshot and journal files."""
    with open_profile("Anna") as profile:
        session = StudySession(deck, profile, clock(), random.Random(1))
        for _ in range(3):
            shown = session.next_card(clock())
            session.answer(shown.card.answer, clock(), 3000)
        folder = profile.path
    (folder / "progress.json").write_text('{"format": "purgequiz.progress", "tabl[/]')
    (folder / "progress.journal").write_bytes(b'\x00[bold]junk{\n{"half": \n')
    return folder


async def test_damaged_progress_is_reported_in_plain_words(clock, markup_home) -> None:
    """A damaged profile opens; a dialog shows the store's recovery messages literally."""
    deck = choice_deck(3)
    install(deck)
    folder = damage(clock, deck)
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, NoticeDialog)
        messages = [words.recovery(recovery) for recovery in app.profile.recovered]
        assert messages and any("3 card states" in m for m in messages)
        assert all("[bold]pq[$accent]\\" in m for m in messages)
        lines = [str(line.render()) for line in app.screen.query(".dialog-line").results(Static)]
        assert lines[: len(messages)] == messages
        assert "Your progress file was repaired" in screen_text(app)
        await press(pilot, "enter")
        assert isinstance(app.screen, HomeScreen)
        assert "3 learning" in screen_text(app)
    assert list(folder.glob("progress.json.damaged-*"))
    with open_profile("Anna") as profile:
        assert profile.recovered == () and len(profile.card_states()) == 3


async def test_grade_dialog_escape_keeps_the_grade(clock) -> None:
    """Esc in the grade dialog changes nothing; the feedback still shows the first grade
    (Hard: a right choice on a new card)."""
    async with studying(clock, choice_deck(2), answered=True) as pilot:
        await press(pilot, "e")
        assert isinstance(pilot.app.screen, GradeDialog)
        assert "Change the grade (now Hard)" in screen_text(pilot.app)
        await press(pilot, "escape")
        assert isinstance(pilot.app.screen, StudyScreen)
        assert "Graded Hard" in screen_text(pilot.app)
    with open_profile("Anna") as profile:
        assert [review.rating for review in profile.reviews()] == [2]


async def test_flag_dialog_escape_keeps_no_note(clock) -> None:
    """Esc in the flag dialog stores no flag."""
    async with studying(clock, choice_deck(2), answered=True) as pilot:
        await press(pilot, "f")
        assert isinstance(pilot.app.screen, FlagDialog)
        await press(pilot, *"never mind")
        await press(pilot, "escape")
        assert isinstance(pilot.app.screen, StudyScreen)
    with open_profile("Anna") as profile:
        assert profile.flags() == []
