"""Practice (p on the home screen): a menu of the practice modes, a list to choose what to
practise, and the flow from one to the other.

Quick practice is study (today's ten cards from all decks, scheduled as usual); the other
modes are practice: their answers are logged as practice and leave every card's schedule as it
was (see :mod:`purgequiz.learn.practice`). The home screen opens the menu
(:func:`open_practice`); what is chosen is read in the background, then its screen is shown.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from purgequiz.tui.background import friendly, in_background
from purgequiz.tui.text import plain, styled
from purgequiz.tui.widgets.keys import KeyBar

if TYPE_CHECKING:
    from purgequiz.decks.model import Deck
    from purgequiz.facts.model import FactBase
    from purgequiz.learn.session import StudySession
    from purgequiz.store.profile import Profile
    from purgequiz.tui.screens.home import HomeScreen
    from purgequiz.tui.screens.study import SessionOutcome
    from purgequiz.tui.screens.summary import AfterSummary

__all__ = [
    "MODES",
    "ChoiceScreen",
    "PracticeData",
    "PracticeMenu",
    "open_practice",
    "topic_title",
]

STYLES = Path(__file__).resolve().parent.parent / "styles"

# (key, name, what it is): the menu's lines, in order; the number before each is its key
MODES: tuple[tuple[str, str, str], ...] = (
    ("quick", "Quick practice", "today's ten cards from all decks, scheduled as study"),
    ("cram", "Cram", "a deck, a topic or your hard cards, due or not"),
    ("exam", "Exam", "20 questions from a deck, marked at the end"),
    ("chronology", "Chronology", "put events in order by date"),
    ("match", "Match", "pair people with their posts, or with whom they replaced"),
    ("challenge", "Challenge", "a 60-second sprint, against your best for the deck"),
)
NAME_WIDTH = max(len(name) for _, name, _ in MODES) + 5  # "1. " and two spaces

_T = TypeVar("_T")


class PracticeMenu(Screen[str]):
    """The practice modes; dismissed with the key of the one chosen (or "" for none)."""

    CSS_PATH = STYLES / "practice.tcss"
    BINDINGS = [
        *(Binding(str(n), f"choose({n})", show=False) for n in range(1, len(MODES) + 1)),
        Binding("escape,q", "back", "back"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="practice"):
            yield Static(plain("Practice"), classes="screen-title")
            yield Static(
                plain(
                    "Practice is recorded, but leaves your study schedule as it was "
                    "(quick practice is study). Press a number, or ↑/↓ and Enter."
                ),
                classes="hint",
            )
            yield OptionList(
                *(
                    Option(styled((f"{n}. {name}".ljust(NAME_WIDTH), "bold"), what), id=key)
                    for n, (key, name, what) in enumerate(MODES, 1)
                ),
                id="practice-modes",
            )
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def action_choose(self, number: int) -> None:
        self.dismiss(MODES[number - 1][0])

    def action_back(self) -> None:
        self.dismiss("")

    @on(OptionList.OptionSelected, "#practice-modes")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id or "")


@dataclass(frozen=True)
class Choice(Generic[_T]):
    """One line of a :class:`ChoiceScreen`: what it says, and what choosing it gives (None:
    a heading, not to be chosen)."""

    label: Text
    value: _T | None = None


class ChoiceScreen(Screen[_T | None]):
    """A list to choose from (decks, topics …), under a title and a line of help; dismissed
    with the value of the line chosen, or None."""

    CSS_PATH = STYLES / "practice.tcss"
    BINDINGS = [Binding("escape,q", "back", "back")]

    def __init__(self, title: str, hint: str, choices: Sequence[Choice[_T]]) -> None:
        super().__init__(classes="choice-screen")
        self.heading = title
        self.hint = hint
        self.choices = tuple(choices)

    def compose(self) -> ComposeResult:
        with Vertical(id="practice"):
            yield Static(plain(self.heading), classes="screen-title")
            yield Static(plain(self.hint), classes="hint")
            yield OptionList(
                *(
                    Option(choice.label, id=str(n), disabled=choice.value is None)
                    for n, choice in enumerate(self.choices)
                ),
                id="practice-choices",
            )
        yield KeyBar()

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.focus()
        first = next((n for n, c in enumerate(self.choices) if c.value is not None), None)
        options.highlighted = first

    def action_back(self) -> None:
        self.dismiss(None)

    @on(OptionList.OptionSelected, "#practice-choices")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.choices[int(event.option.id or 0)].value)


# -- what practice reads ----------------------------------------------------------------------


@dataclass(frozen=True)
class PracticeData:
    """Every listed deck, read whole; the fact base the bundled decks are made from (for
    topic titles, dates and posts; None when it cannot be read); the cards the student finds
    hard (forgotten at least once, or leeches; not suspended)."""

    decks: tuple[Deck, ...]
    facts: FactBase | None = field(default=None, compare=False)
    hard: frozenset[str] = frozenset()


def gather_practice(home: HomeScreen) -> PracticeData:
    """Read every deck of the home screen's catalog, and the bundled fact base (a worker's)."""
    from purgequiz import paths
    from purgequiz.decks.catalog import load_deck
    from purgequiz.facts.load import FactFileError, load_or_raise

    figures = home.figures
    entries = figures.catalog.decks if figures is not None else ()
    decks = tuple(load_deck(entry) for entry in entries)
    try:
        facts: FactBase | None = load_or_raise(paths.bundled_seeds_dir())
    except (FactFileError, OSError):
        facts = None
    hard = frozenset(
        card_id
        for card_id, state in home.profile.card_states().items()
        if (state.lapses or state.leech) and not state.suspended
    )
    return PracticeData(decks, facts, hard)


def topic_title(topic: str, facts: FactBase | None) -> str:
    """A topic's title from the fact base, else its id in words ("road-to-war": "Road to war")."""
    if facts is not None and topic in facts.topics:
        return facts.topics[topic].title
    words = topic.replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def cards_line(title: str, count: int, what: str = "card") -> Text:
    return styled((title, "bold"), (f"  {count} {what}{'' if count == 1 else 's'}", "dim"))


# -- the flow ---------------------------------------------------------------------------------


def choose_deck(
    home: HomeScreen,
    title: str,
    hint: str,
    choices: Sequence[Choice[Deck]],
    none_left: str,
    then: Callable[[Deck], None],
) -> None:
    """Ask which of ``choices`` to practise, then ``then`` it; with none to choose from, say
    why (``none_left``) instead."""
    if not choices:
        home.app.notify(none_left, markup=False)
        return

    def chosen(deck: Deck | None) -> None:
        if deck is not None:
            then(deck)

    home.app.push_screen(ChoiceScreen(title, hint, choices), chosen)


def open_practice(home: HomeScreen) -> None:
    """Show the practice menu over ``home``; the mode chosen goes on from there."""

    def chosen(mode: str | None) -> None:
        if not mode:
            return
        if mode == "quick":
            home.action_quick()
            return
        _with_data(home, lambda data: _choose(home, mode, data))

    home.app.push_screen(PracticeMenu(), chosen)


def _with_data(home: HomeScreen, then: Callable[[PracticeData], None]) -> None:
    """Read the decks (in the background) and go on with them; a deck that cannot be read
    is said so."""
    from purgequiz.tui.screens.dialogs import NoticeDialog

    if home.loading:
        return
    home.loading = True

    def done(data: PracticeData) -> None:
        home.loading = False
        if not data.decks:
            home.app.notify("There is no deck to practise yet.", markup=False)
            return
        then(data)

    def failed(error: BaseException) -> None:
        home.loading = False
        problems = getattr(error, "problems", None) or [friendly(error)]
        home.app.push_screen(
            NoticeDialog(
                "The decks cannot be read for practice",
                [f"{getattr(error, 'file', '')}:"] + [f"• {p}" for p in problems],
            )
        )

    in_background(home, lambda: gather_practice(home), done, failed)


def _choose(home: HomeScreen, mode: str, data: PracticeData) -> None:
    if mode == "cram":
        from purgequiz.tui.screens.practice_cram import choose_cram

        choose_cram(home, data)
    elif mode == "exam":
        from purgequiz.tui.screens.practice_exam import choose_exam

        choose_exam(home, data)
    elif mode == "chronology":
        from purgequiz.tui.screens.practice_chronology import choose_chronology

        choose_chronology(home, data)
    elif mode == "match":
        from purgequiz.tui.screens.practice_match import choose_match

        choose_match(home, data)
    elif mode == "challenge":
        from purgequiz.tui.screens.practice_challenge import choose_challenge

        choose_challenge(home, data)


def practise(
    home: HomeScreen,
    deck: Deck,
    start: Callable[[Deck, Profile, datetime, random.Random], StudySession],
) -> None:
    """Practise ``deck`` on the study screen with the session ``start`` makes; then its
    summary, from which the same practice can start again."""
    from purgequiz.tui.screens.study import StudyScreen
    from purgequiz.tui.screens.summary import SummaryScreen

    def ended(outcome: SessionOutcome | None) -> None:
        if outcome is None or outcome.summary is None:
            return

        def again(choice: AfterSummary | None) -> None:
            if choice == "study again":
                practise(home, deck, start)

        home.app.push_screen(SummaryScreen(outcome.summary, deck.title, practice=True), again)

    home.app.push_screen(StudyScreen(deck, home.profile, start=start), ended)
