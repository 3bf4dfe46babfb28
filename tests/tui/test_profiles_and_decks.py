"""Profiles in use, friendly screens for empty and bad decks, the palette and the command."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from purgequiz import cli, paths
from purgequiz.decks.model import Deck
from purgequiz.store.profile import open_profile
from purgequiz.tui import profiles
from purgequiz.tui.screens.dialogs import NoticeDialog
from purgequiz.tui.screens.home import HomeScreen
from purgequiz.tui.screens.profile import ProfileScreen
from purgequiz.tui.screens.study import StudyScreen
from tests.hostile import deep_json, pipe, release
from tests.tui.conftest import (
    choice_deck,
    install,
    make_app,
    press,
    screen_text,
    settle,
    study_all,
    typed_deck,
)


async def test_profile_open_elsewhere_is_reported(clock) -> None:
    """A second app on a profile that is open says so plainly and stays on the profile screen."""
    with open_profile("Anna"):
        app = make_app(clock, profile="Anna")
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, ProfileScreen)
            text = " ".join(screen_text(app).split())
            assert "open in another purgequiz" in text
            assert app.profile is None


async def test_another_profile_after_one_in_use(clock) -> None:
    """When the named profile is in use, the one chosen instead gets a complete home screen."""
    install(choice_deck(2))
    with open_profile("Anna"):
        app = make_app(clock, profile="Anna")
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, ProfileScreen)
            name = app.screen.query_one("#name")
            name.value = ""
            name.focus()
            await press(pilot, *"Boris")
            await press(pilot, "enter")
            assert isinstance(app.screen, HomeScreen)
            assert app.profile.display_name == "Boris"
            assert [type(s).__name__ for s in app.screen_stack] == ["Screen", "HomeScreen"]
            text = " ".join(screen_text(app).split())
            assert "Boris" in text and "The NKVD leadership" in text and "2 new" in text
            await press(pilot, "enter")
            assert isinstance(app.screen, StudyScreen)


async def test_last_profile_is_offered_first(clock) -> None:
    """Later runs list the known profiles with the last one used highlighted."""
    for name in ("Anna", "Boris", "Vera"):
        open_profile(name).close()
    profiles.remember("Boris")
    app = make_app(clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#known").highlighted == 1
        await press(pilot, "enter")
        assert app.profile.display_name == "Boris"
    assert profiles.last_profile() == "Boris"


async def test_empty_deck_and_nothing_due(clock) -> None:
    """An empty deck and a deck with nothing due get a calm message, not an error."""
    install(Deck("empty", "An empty deck", "", ()))
    install(choice_deck(1))
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "enter")  # "An empty deck" is listed after "choice"? by file name
        await press(pilot, "q", "down", "enter")
        assert isinstance(app.screen, StudyScreen)
        texts = [screen_text(app)]
        await press(pilot, "q", "up", "enter")
        await study_all(pilot)
        await press(pilot, "c")
        texts.append(screen_text(app))
        assert isinstance(app.screen, StudyScreen)
        joined = " ".join(" ".join(texts).split())
        assert "This deck has no cards yet." in joined
        assert "Nothing is due in this deck right now." in joined
        await press(pilot, "enter")  # the button back to the decks
        assert isinstance(app.screen, HomeScreen)


async def test_decks_by_keys_and_mouse(clock) -> None:
    """↓ and Enter, or a click on a deck's row, start that deck; a click on a key runs it."""
    from purgequiz.tui.screens.help import HelpScreen

    install(choice_deck(2))
    install(typed_deck(2))  # listed second (by file name)
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "down", "enter")
        assert isinstance(app.screen, StudyScreen) and app.screen.deck.id == "typed"
        await press(pilot, "escape", "escape")  # out of the answer box, then back
        await pilot.click("#decks", offset=(10, 0))  # each deck takes two lines
        await settle(pilot)
        assert isinstance(app.screen, StudyScreen) and app.screen.deck.id == "choice"
        await press(pilot, "escape")
        await pilot.click("#decks", offset=(10, 3))
        await settle(pilot)
        assert isinstance(app.screen, StudyScreen) and app.screen.deck.id == "typed"
        await press(pilot, "escape", "escape")
        assert isinstance(app.screen, HomeScreen)
        keys = screen_text(app).rstrip().splitlines()[-1]  # the footer, the screen's last line
        await pilot.click(offset=(keys.index("? help") + 3, app.size.height - 1))
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)


async def test_d_is_offered_only_when_a_deck_file_has_problems(clock) -> None:
    """The footer offers d (the deck files' problems) when one cannot be read, and not
    otherwise; d then lists the problem."""
    install(choice_deck(1))
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "d problems" not in screen_text(app).rstrip().splitlines()[-1]
    (paths.user_decks_dir() / "broken.json").write_text("{not json")
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "d problems" in screen_text(app).rstrip().splitlines()[-1]
        await press(pilot, "d")
        assert isinstance(app.screen, NoticeDialog)
        # the dialog's own lines: on screen a long folder path wraps wherever the width falls
        assert any("broken.json" in line for line in app.screen.lines)


async def test_play_with_a_bad_deck_path(clock, tmp_path) -> None:
    """`play --deck broken.json` opens the home screen with the deck's problems in plain words."""
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    app = make_app(clock, profile="Anna", deck=str(broken))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, NoticeDialog)
        text = " ".join(screen_text(app).split())
        assert "This deck cannot be opened" in text and "is not valid JSON" in text
        await press(pilot, "enter")
        assert isinstance(app.screen, HomeScreen)


async def test_play_with_a_deck_id_goes_straight_to_study(clock) -> None:
    """`play --deck ID` skips the deck list."""
    install(choice_deck(2))
    app = make_app(clock, profile="Anna", deck="choice")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, StudyScreen)
        assert app.screen.phase == "asking"


async def test_the_home_screen_comes_only_once_the_profile_is_open(clock, monkeypatch) -> None:
    """While the named profile opens, the app says so and shows no home screen; the home
    screen then comes with the profile and its figures, and `--deck` starts after it."""
    install(choice_deck(2))
    gate = threading.Event()
    slow_open = profiles.open_profile

    def open_profile_slowly(name):
        gate.wait(10)
        return slow_open(name)

    monkeypatch.setattr(profiles, "open_profile", open_profile_slowly)
    app = make_app(clock, profile="Anna", deck="choice")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Opening Anna's progress" in screen_text(app)
        assert not [s for s in app.screen_stack if isinstance(s, HomeScreen | StudyScreen)]
        gate.set()
        await settle(pilot)
        stack = [s for s in app.screen_stack if isinstance(s, HomeScreen | StudyScreen)]
        assert [type(s) for s in stack] == [HomeScreen, StudyScreen]
        assert stack[0].profile is app.profile and stack[0].figures is not None
        assert app.screen.phase == "asking"


async def test_home_actions_are_in_the_command_palette(clock) -> None:
    """Study, quick practice, settings and help can be found in the command palette."""
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Study", "Quick practice", "Settings", "Help"} <= titles
        await press(pilot, "question_mark", "end")
        assert "How scheduling works" in screen_text(app)


def test_play_is_the_default_command(monkeypatch) -> None:
    """`purgequiz` alone and `purgequiz play --profile --deck` both open the app."""
    seen = []

    def fake_run(self):
        seen.append((self.profile_name, self.deck_spec))

    monkeypatch.setattr("purgequiz.tui.app.PurgeQuizApp.run", fake_run)
    monkeypatch.setattr("purgequiz.commands.play.terminal_problem", lambda *_: None)
    assert cli.main([]) == 0
    assert cli.main(["play", "--profile", "Анна", "--deck", "nkvd"]) == 0
    assert seen == [(None, None), ("Анна", "nkvd")]


def test_play_without_a_terminal_says_so(capsys) -> None:
    """With input or output redirected, the app is not started and the reason is printed."""
    assert cli.main(["play", "--profile", "Ana"]) == 1
    err = capsys.readouterr().err
    assert "needs an interactive terminal" in err and "Traceback" not in err


async def _settle_unless_stuck(pilot, fifo: Path, seconds: float = 20) -> None:
    """Settle, or fail (after letting the reader go) when the app is still waiting on ``fifo``."""
    try:
        await asyncio.wait_for(settle(pilot), seconds)
    except TimeoutError:
        release(fifo)
        raise AssertionError(f"the app was still reading {fifo} after {seconds} s") from None


async def test_play_with_a_pipe_as_the_deck(clock, tmp_path) -> None:
    """`play --deck PIPE` says the deck is a pipe instead of waiting on it, and can be left."""
    fifo = pipe(tmp_path / "deck.json")
    app = make_app(clock, profile="Anna", deck=str(fifo))
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle_unless_stuck(pilot, fifo)
        assert isinstance(app.screen, NoticeDialog)
        text = " ".join(screen_text(app).split())
        assert "This deck cannot be opened" in text
        assert "is a named pipe (FIFO), not a deck file" in text
        await press(pilot, "enter")
        assert isinstance(app.screen, HomeScreen)
        await press(pilot, "q")
    assert app.return_code in (None, 0)


async def test_play_with_a_deeply_nested_deck(clock, tmp_path) -> None:
    """`play --deck` of JSON nested 100,000 levels deep gives the file and place in plain words,
    never Python's exception text."""
    deep = deep_json(tmp_path / "deep.json")
    app = make_app(clock, profile="Anna", deck=str(deep))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, NoticeDialog)
        text = " ".join(screen_text(app).split())
        assert "is nested more than 64 levels deep (line 1, column 102)" in text
        assert "recursion" not in text


async def test_a_pipe_among_the_decks_is_listed_as_a_problem(clock) -> None:
    """A pipe in the decks folder is one deck that could not be read; the others are listed."""
    install(choice_deck(2))
    fifo = pipe(paths.user_decks_dir() / "pipe.json")
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle_unless_stuck(pilot, fifo)
        assert "1 deck file could not be read" in screen_text(app)
        assert [entry.id for entry in app.catalog.decks] == ["choice"]
        await press(pilot, "d")
        assert "is a named pipe (FIFO), not a deck file" in " ".join(screen_text(app).split())
