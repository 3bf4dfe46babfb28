"""Small terminals: down to 40×12 every screen can be used (cards scroll, wide rows stack), and
below it a notice asks for a larger window while everything under it is kept as it was."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList

from purgequiz.decks.model import Deck
from purgequiz.tui.screens.study import StudyScreen
from purgequiz.tui.widgets.too_small import MIN_SIZE, TooSmall
from tests.tui.conftest import (
    card,
    choice_deck,
    install,
    make_app,
    ordering_deck,
    press,
    screen_text,
    settle,
    studying,
    typed_deck,
)

SMALLEST = (MIN_SIZE.width, MIN_SIZE.height)
CHOICES = ("1.5 million soldiers", "500,000 soldiers", "660,000 soldiers", "1.1 million soldiers")
PROMPT = (
    "According to the historians Pechenkin and Khlevniuk, how many soldiers did the "
    "Red Army have in 1938, after the purge of its commanders?"
)


def long_prompt_deck() -> Deck:
    return Deck(
        "army",
        "The army purge",
        "",
        (card("army-0", prompt=PROMPT, answer=CHOICES[0], choices=CHOICES),),
    )


def flat(app) -> str:
    """The screen's text with line breaks and runs of spaces made single spaces."""
    return " ".join(screen_text(app).split())


async def start_studying(pilot) -> StudyScreen:
    await settle(pilot)
    await press(pilot, "enter")
    screen = pilot.app.screen
    assert isinstance(screen, StudyScreen) and screen.phase == "asking"
    return screen


def test_the_least_size_is_documented() -> None:
    """The README and the app guide state the least size that the notice uses."""
    root = Path(__file__).resolve().parents[2]
    for doc in ("README.md", "docs/app.md"):
        text = " ".join((root / doc).read_text(encoding="utf-8").replace("*", "").split())
        assert f"used down to {MIN_SIZE.width}×{MIN_SIZE.height} (columns × lines)" in text, doc


async def test_choices_scroll_into_view_at_the_least_size(clock) -> None:
    """At 40×12 a card with a long prompt starts at its prompt, and each choice highlighted
    with ↓ is brought into view; PgDn reaches the hint under the list."""
    install(long_prompt_deck())
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=SMALLEST) as pilot:
        screen = await start_studying(pilot)
        assert "According to the historians" in flat(app)
        choices = screen.query_one("#choices", OptionList)
        for _ in range(4):
            await press(pilot, "down")
            shown = screen.presented.choices[choices.highlighted]
            assert f"{choices.highlighted + 1}. {shown}" in flat(app)
        await press(pilot, "pagedown")
        assert "Press 1–4" in flat(app)
        await press(pilot, "pageup", "pageup")
        assert "According to the historians" in flat(app)
        assert screen.phase == "asking" and screen.answered == 0


async def test_ordering_buttons_and_header_fit_at_the_least_size(clock) -> None:
    """At 40 columns the study header shows every count, and an ordering card's three buttons
    are all reachable (stacked, under the list)."""
    install(ordering_deck())
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=SMALLEST) as pilot:
        await start_studying(pilot)
        assert "New 1 Learning 0 Review 0" in flat(app)
        await press(pilot, "pagedown")
        text = flat(app)
        assert all(label in text for label in ("Move up", "Move down", "Check order"))


async def test_settings_hints_and_flag_note_fit_at_the_least_size(clock) -> None:
    """At 40×12 a setting's hint reads as a sentence under its field, and the flag dialog
    shows the field for the note."""
    install(choice_deck(1))
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=SMALLEST) as pilot:
        await settle(pilot)
        await press(pilot, "s")
        assert "0.70 to 0.99; higher means more" in flat(app)
        await press(pilot, "escape")
        await press(pilot, "enter", "f")
        assert "What is wrong?" in flat(app)
        assert isinstance(app.focused, Input)


async def test_first_run_name_field_is_in_view_at_the_least_size(clock) -> None:
    """On first run at 40×12 the field for the profile name is on screen, not below it."""
    app = make_app(clock)
    async with app.run_test(size=SMALLEST) as pilot:
        await settle(pilot)
        name = app.screen.query_one("#name", Input)
        assert app.focused is name and name.value
        assert name.value in flat(app)


async def test_too_small_asks_for_a_larger_window_and_keeps_the_typed_answer(clock) -> None:
    """One column short of the least size, a notice names both sizes and takes the keys:
    nothing typed reaches the card and nothing is answered; back at 40×12 the same card has
    the same text in its field, with the focus, and can be answered."""
    async with studying(clock, typed_deck(1)) as pilot:
        app = pilot.app
        screen = app.screen
        await press(pilot, *"Ye")
        await pilot.resize_terminal(39, 12)
        await settle(pilot)
        text = flat(app)
        assert "Please make this window larger" in text
        assert "39×12" in text and "40×12" in text
        await press(pilot, "z", "enter", "q", "escape")
        assert app.screen is screen and screen.phase == "asking" and screen.answered == 0
        await pilot.resize_terminal(*SMALLEST)
        await settle(pilot)
        field = screen.query_one("#typed", Input)
        assert "Please make this window larger" not in flat(app)
        assert field.value == "Ye" and app.focused is field
        await press(pilot, *"zhov")
        await press(pilot, "enter")
        assert screen.phase == "feedback" and screen.result.correct


async def test_too_small_keeps_the_highlighted_choice(clock) -> None:
    """A choice highlighted before the terminal became too short is still highlighted, in
    view and with the keys once it is large enough again; no answer was recorded."""
    install(long_prompt_deck())
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=SMALLEST) as pilot:
        screen = await start_studying(pilot)
        await press(pilot, "down", "down")
        choices = screen.query_one("#choices", OptionList)
        assert choices.highlighted == 2
        await pilot.resize_terminal(40, 8)
        await settle(pilot)
        assert "It is 40×8" in flat(app)
        await press(pilot, "up", "enter", "1")
        await pilot.resize_terminal(*SMALLEST)
        await settle(pilot)
        assert choices.highlighted == 2 and app.focused is choices
        assert f"3. {screen.presented.choices[2]}" in flat(app)
        assert screen.phase == "asking" and screen.answered == 0


async def test_a_screen_that_opens_while_too_small_is_covered(clock) -> None:
    """Started in a terminal too small, the home screen that opens with the profile is covered
    by the notice (and takes no keys); at 40×12 it is shown, its deck listed."""
    install(choice_deck(1))
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(30, 8)) as pilot:
        await settle(pilot)
        assert "It is 30×8" in flat(app)
        assert isinstance(app.focused, TooSmall)
        await press(pilot, "enter")
        assert not isinstance(app.screen, StudyScreen)
        await pilot.resize_terminal(*SMALLEST)
        await settle(pilot)
        assert "The NKVD leadership" in flat(app)
        assert "Please make this window larger" not in flat(app)
