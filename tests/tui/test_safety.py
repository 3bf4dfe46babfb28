"""Deck, profile and typed text is shown literally on every screen: never markup, never a crash."""

from __future__ import annotations

import json

from purgequiz import paths
from purgequiz.tui.screens.dialogs import FlagDialog, NoticeDialog
from purgequiz.tui.screens.home import HomeScreen
from purgequiz.tui.screens.summary import SummaryScreen
from tests.tui.conftest import (
    NASTY,
    answer,
    install,
    make_app,
    nasty_deck,
    press,
    screen_text,
    settle,
    study_all,
)

NAME = "[@click=app.quit]x[/] [bold]\\"


def squeeze(text: str) -> str:
    """Without spaces and box edges, so that text wrapped over lines still matches."""
    return "".join(text.replace("│", "").split())


def assert_literal(app, *texts: str) -> None:
    shown = squeeze(screen_text(app))
    for text in texts:
        assert squeeze(text) in shown, text
    assert app.is_running


async def test_nasty_profile_name_and_deck(clock) -> None:
    """A profile name and a deck full of markup show literally on profile, home and study."""
    install(nasty_deck())
    app = make_app(clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.query_one("#name").value = ""
        await pilot.press(*NAME)
        await press(pilot, "enter")
        assert isinstance(app.screen, HomeScreen)
        assert_literal(app, NAME, "Deck " + " ".join(NASTY))
        await pilot.click("#home-title")
        await press(pilot, "enter")
        seen = set()
        while app.screen.phase == "asking" and len(seen) < 5:
            shown = app.screen.presented
            seen.add(shown.card.id)
            assert_literal(app, shown.card.prompt, *shown.choices)
            await pilot.click(".prompt")
            await answer(pilot, correct=False)
            assert_literal(app, shown.card.prompt, shown.card.answer, shown.card.explanation)
            await press(pilot, "f")
            assert isinstance(app.screen, FlagDialog)
            assert_literal(app, shown.card.prompt)
            await pilot.press(*"[/] note \\")
            await press(pilot, "enter", "enter")
        assert len(seen) == 5
        await study_all(pilot)
        assert isinstance(app.screen, SummaryScreen)
        assert_literal(app, "Prompt [/]")  # among the hardest cards
    app = make_app(clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert_literal(app, NAME)  # the list of known profiles


async def test_typed_text_is_shown_literally(clock) -> None:
    """What a student types comes back in the feedback exactly as typed."""
    from tests.tui.conftest import typed_deck

    install(typed_deck(1))
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "enter")
        await pilot.press(*"[@click=app.quit]x[/] [$accent]\\")
        await press(pilot, "enter")
        assert_literal(app, "Your answer: [@click=app.quit]x[/] [$accent]\\")


async def test_bad_deck_file_named_with_markup(clock) -> None:
    """A broken deck file whose name and content look like markup is reported in plain words."""
    folder = paths.user_decks_dir()
    folder.mkdir(parents=True)
    (folder / "[bold]deck[$accent]\\.json").write_text(json.dumps({"format": "[$accent]"}))
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert_literal(app, "1 deck file could not be read; press d to see why.")
        await press(pilot, "d")
        assert isinstance(app.screen, NoticeDialog)
        assert_literal(app, "[bold]deck[$accent]\\.json", "is not a purgequiz deck")
