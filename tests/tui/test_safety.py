"""Deck, profile and typed text is shown literally on every screen: never markup, never an
escape sequence for the terminal, never a crash."""

from __future__ import annotations

import json

from purgequiz import paths
from purgequiz.decks.model import Citation, Deck, Rebuttal
from purgequiz.tui.screens.dialogs import FlagDialog, NoticeDialog
from purgequiz.tui.screens.home import HomeScreen
from purgequiz.tui.screens.study import StudyScreen
from purgequiz.tui.screens.summary import SummaryScreen
from tests.hostile import (
    C1_CLEAR,
    CLEAR,
    HOSTILE,
    REVERSE,
    TITLE,
    assert_shown_as_text,
    has_controls,
)
from tests.tui.conftest import (
    NASTY,
    answer,
    card,
    choice_deck,
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
        await press(pilot, *NAME)
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
            await press(pilot, *"[/] note \\")
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
        await press(pilot, *"[@click=app.quit]x[/] [$accent]\\")
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


EVIL = "".join(HOSTILE)
SHOWN = "\\x1b]0;HIJACKED\\x07\\x1b[2J\\x9b2J\\u202e"  # EVIL as it must appear


def hostile_deck() -> Deck:
    """A title, prompts, choices, items, explanations, rebuttals and a citation holding
    escape sequences that would retitle and blank the terminal."""
    names = ("Yezhov", f"Yagoda{TITLE}", f"Beria{CLEAR}", f"Vyshinsky{C1_CLEAR}")
    source = Citation("s", "t", "a", "p", None, (1,), f"Wright{REVERSE}, 1940")
    rebuttals = tuple(Rebuttal(name, f"Why not {EVIL}.", (source,)) for name in names[1:])
    items = (f"First {TITLE}", f"Second {CLEAR}", f"Third {REVERSE}")
    return Deck(
        "hostile",
        f"Deck {EVIL}",
        "",
        (
            card(
                "hostile-0",
                prompt=f"Prompt {EVIL}?",
                answer="Yezhov",
                choices=names,
                explanation=f"Explanation {EVIL}",
                rebuttals=rebuttals,
            ),
            card(
                "hostile-1",
                "ordering",
                prompt=f"Order {EVIL}",
                answer=" → ".join(items),
                items=items,
                answer_type="order",
            ),
            card(
                "hostile-2",
                "matching",
                prompt=f"Match {EVIL}",
                answer="pairs",
                items=items,
                matches=(f"a {TITLE}", f"b {C1_CLEAR}", f"c {REVERSE}"),
                answer_type="pairs",
            ),
        ),
    )


def assert_text_only(app, *texts: str) -> None:
    """The screen and the app's titles hold no raw control character; ``texts`` are shown."""
    shown = screen_text(app)
    assert_shown_as_text(shown)
    squeezed = squeeze(shown)
    for text in texts:
        assert squeeze(text) in squeezed, text
    for title in (app.title, app.sub_title, app.screen.title or "", app.screen.sub_title or ""):
        assert not has_controls(title), title
    assert app.title == "purgequiz"


async def test_deck_file_with_control_characters_is_refused_and_named_as_text(clock) -> None:
    """A deck file holding escape sequences is listed as unreadable, and the dialog names
    the file, card and field with the characters shown as escapes."""
    install(choice_deck())
    install(hostile_deck(), name=f"evil{CLEAR}")
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert_text_only(
            app, "The NKVD leadership", "1 deck file could not be read; press d to see why."
        )
        assert [entry.id for entry in app.screen.figures.catalog.decks] == ["choice"]
        await press(pilot, "d")
        assert isinstance(app.screen, NoticeDialog)
        assert_text_only(
            app,
            "evil\\x1b[2J.json",
            "field 'title' holds control characters",
            "card hostile-0: field 'prompt' holds control characters "
            "(\\x1b, \\x07, \\x9b, \\u202e)",
        )


async def test_card_text_with_control_characters_is_shown_as_escapes(clock) -> None:
    """Deck text reaching the study screens by any road shows its control characters as
    escapes: header, prompt, choices, items, feedback, rebuttal, source, flag dialog, summary."""
    deck = hostile_deck()
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        app.screen.study(deck)
        await settle(pilot)
        assert isinstance(app.screen, StudyScreen)
        assert_text_only(app, f"Deck {SHOWN}")
        seen: set[str] = set()
        for _ in range(20):
            if not (isinstance(app.screen, StudyScreen) and app.screen.phase == "asking"):
                break
            mode = app.screen.presented.mode
            if mode == "choice" and mode not in seen:
                assert_text_only(
                    app,
                    f"Prompt {SHOWN}?",
                    "Yagoda\\x1b]0;HIJACKED",
                    "Beria\\x1b[2J",
                    "Vyshinsky\\x9b2J",
                )
                await answer(pilot, correct=False)
                assert_text_only(
                    app, f"Why not {SHOWN}.", f"Explanation {SHOWN}", "Wright\\u202e, 1940"
                )
                await press(pilot, "f")
                assert isinstance(app.screen, FlagDialog)
                assert_text_only(app, f"Prompt {SHOWN}?")
                await press(pilot, "escape", "enter")
                seen.add(mode)
                continue
            assert_text_only(app, *["Second \\x1b[2J"] * (mode in ("ordering", "matching")))
            await answer(pilot, correct=mode in seen)  # wrong the first time: more is shown
            seen.add(mode)
            assert_text_only(app)
            await press(pilot, "enter")
        assert {"choice", "ordering", "matching"} <= seen
        assert isinstance(app.screen, SummaryScreen)
        assert_text_only(app, f"Deck {SHOWN}", f"Prompt {SHOWN}?")


async def test_names_with_control_characters_are_shown_as_text(clock) -> None:
    """A profile name with a bidi override, a deck asked for on the command line, a refused
    profile name holding an escape sequence, notifications and the app's title all read as
    their escapes."""
    install(choice_deck())
    app = make_app(clock, profile=f"Anna{REVERSE}", deck=f"{TITLE}.json")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, NoticeDialog)
        assert_text_only(app, "This deck cannot be opened", "\\x1b]0;HIJACKED\\x07.json")
        await press(pilot, "enter")
        assert_text_only(app, "Anna\\u202e")
        app.notify(f"Saved {EVIL}", title=f"Note {EVIL}")  # whoever notifies
        await pilot.pause()
        app.title = f"Retitled {EVIL}"
        assert app.title == f"Retitled {SHOWN}"
        app.title = "purgequiz"
        shown = [(str(n.message), str(n.title)) for n in app._notifications]
        assert (f"Saved {SHOWN}", f"Note {SHOWN}") in shown
    app = make_app(clock, profile=f"Anna{CLEAR}")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert_text_only(app, "Anna\\x1b[2J", "Anna\\u202e")  # typed in, and known
