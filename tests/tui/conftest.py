"""Shared set-up for the app's tests: small decks, a fixed clock, and helpers to drive the app."""

from __future__ import annotations

import random
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.css.stylesheet import Stylesheet

from purgequiz import paths
from purgequiz.decks.fileformat import write_deck
from purgequiz.decks.model import Card, Citation, Deck, Rebuttal
from purgequiz.tui.app import PurgeQuizApp
from tests.tui.waiting import press, settle

START = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
NASTY = ("[@click=app.quit]x[/]", "[/]", "[bold]", "[$accent]", "trailing\\")

CITATION = Citation(
    "wright-1937", "The Purge Extends into the Youth", "Wright", "Soviet Studies", "1937", (4,)
)


class Clock:
    """A clock that moves only when told (and a few seconds per answer, so times are sane)."""

    def __init__(self, start: datetime = START) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def card(
    ident: str,
    kind: str = "question",
    *,
    prompt: str | None = None,
    answer: str = "Yezhov",
    choices: tuple[str, ...] = (),
    truth: bool | None = None,
    items: tuple[str, ...] = (),
    explanation: str | None = None,
    answer_type: str = "entity",
    matches: tuple[str, ...] = (),
    rebuttals: tuple[Rebuttal, ...] = (),
) -> Card:
    return Card(
        id=ident,
        kind=kind,
        template="test",
        prompt=prompt or f"Question {ident}?",
        answer=answer,
        explanation=explanation or f"Because of fact {ident}.",
        sources=(CITATION,),
        fact_ids=(f"fact-{ident}",),
        topics=("nkvd",),
        answer_type=answer_type,
        accept=(answer,) if kind in ("question", "cloze") else (),
        choices=choices,
        truth=truth,
        items=items,
        matches=matches,
        rebuttals=rebuttals,
    )


def choice_deck(n: int = 3, deck_id: str = "choice", title: str = "The NKVD leadership") -> Deck:
    names = ("Yezhov", "Yagoda", "Beria", "Vyshinsky")
    cards = tuple(card(f"{deck_id}-{i}", answer=names[i % 4], choices=names) for i in range(n))
    return Deck(deck_id, title, "test deck", cards)


def typed_deck(n: int = 2) -> Deck:
    names = ("Yezhov", "Yagoda", "Beria")
    return Deck(
        "typed",
        "Typed answers",
        "",
        tuple(card(f"typed-{i}", answer=names[i % 3]) for i in range(n)),
    )


def truefalse_deck(n: int = 2) -> Deck:
    return Deck(
        "tf",
        "True or false",
        "",
        tuple(
            card(
                f"tf-{i}",
                "truefalse",
                prompt=f"Statement {i} is true.",
                answer="true",
                truth=i % 2 == 0,
                answer_type="boolean",
            )
            for i in range(n)
        ),
    )


def ordering_deck() -> Deck:
    items = ("Kirov is murdered", "First Moscow trial", "Yezhov replaces Yagoda")
    return Deck(
        "order",
        "In order",
        "",
        (
            card(
                "order-0",
                "ordering",
                prompt="Put these in order.",
                answer=" → ".join(items),
                items=items,
                answer_type="order",
            ),
        ),
    )


def matching_deck() -> Deck:
    items = ("Yezhov", "Beria", "Vyshinsky")
    matches = (
        "head of the NKVD until 1938",
        "head of the NKVD from 1938",
        "prosecutor at the Moscow trials",
    )
    return Deck(
        "match",
        "Match them",
        "",
        (
            card(
                "match-0",
                "matching",
                prompt="Match each man to his post.",
                answer="; ".join(f"{a} → {b}" for a, b in zip(items, matches, strict=True)),
                items=items,
                matches=matches,
                answer_type="pairs",
            ),
        ),
    )


def rebutted_deck() -> Deck:
    """One card whose wrong choices each say why they are wrong."""
    names = ("Yezhov", "Yagoda", "Beria", "Vyshinsky")
    rebuttals = tuple(
        Rebuttal(name, f"{name} was someone else entirely.", (CITATION,)) for name in names[1:]
    )
    return Deck(
        "rebutted",
        "Why not",
        "",
        (card("why-0", answer="Yezhov", choices=names, rebuttals=rebuttals),),
    )


def nasty_deck() -> Deck:
    """Every field a learner sees holds text that would be markup if it were parsed."""
    cards = []
    for i, text in enumerate(NASTY):
        choices = (f"A {text}", f"B {NASTY[(i + 1) % 5]}", "C [b]", "D \\")
        cards.append(
            card(
                f"nasty-{i}",
                prompt=f"Prompt {text}",
                answer=choices[0],
                choices=choices,
                explanation=f"Explanation {text}",
            )
        )
    return Deck("nasty", "Deck " + " ".join(NASTY), "", tuple(cards))


def install(deck: Deck, name: str | None = None) -> Path:
    path = paths.user_decks_dir() / f"{name or deck.id}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    write_deck(deck, path)
    return path


_PARSED: dict[tuple[object, ...], list[object]] = {}


@pytest.fixture(autouse=True, scope="session")
def _css_parsed_once():
    """Each app of the suite parses the same style sheets (Textual's widgets', ours) under the
    same few themes, each twice as it starts (tests/tui/test_study.py in one process: 18.6 s
    parsing them each time, 17.4 s parsing once). Parsing is a pure function of the text,
    where it was read from and the theme's variables, so the rules are kept for the whole test
    process, as Textual keeps them for one app."""
    parse = Stylesheet._parse_rules

    def parse_once(self, css, read_from, is_default_rules=False, tie_breaker=0, scope=""):
        key = (css, read_from, is_default_rules, tie_breaker, scope, *self._variables.items())
        if key not in _PARSED:
            _PARSED[key] = parse(self, css, read_from, is_default_rules, tie_breaker, scope)
        return _PARSED[key]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Stylesheet, "_parse_rules", parse_once)
        yield


@pytest.fixture(autouse=True)
def _no_bundled_decks(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The app tests see only the decks they install, not the ones that ship."""
    empty = tmp_path / "bundled"
    empty.mkdir()
    monkeypatch.setattr(paths, "bundled_decks_dir", lambda: empty)


@pytest.fixture
def clock() -> Clock:
    return Clock()


def make_app(clock: Clock, **kwargs) -> PurgeQuizApp:
    return PurgeQuizApp(clock=clock, rng=random.Random(7), **kwargs)


def screen_text(app) -> str:
    """What the screen shows, as plain text (from Textual's own SVG screenshot)."""
    import html
    import re

    svg = app.export_screenshot()
    text = re.sub(r"<[^>]+>", "", svg)
    return html.unescape(text).replace("\xa0", " ")


async def answer(pilot, correct: bool = True) -> None:
    """Answer the card on screen the way a student would, then wait for the feedback."""
    from textual.widgets import OptionList

    screen = pilot.app.screen
    shown = screen.presented
    pilot.app.clock.advance(seconds=5)
    if shown.mode == "choice":
        right = shown.choices.index(shown.card.answer)
        index = right if correct else (right + 1) % len(shown.choices)
        await press(pilot, str(index + 1))
    elif shown.mode == "typed":
        text = shown.card.answer if correct else "Molotov"
        await press(pilot, *text)
        await press(pilot, "enter")
    elif shown.mode == "flashcard":
        await press(pilot, "space")
        await press(pilot, "3" if correct else "1")
    elif shown.mode == "truefalse":
        await press(pilot, "t" if shown.card.truth == correct else "f")
    elif shown.mode == "matching":
        wanted = list(shown.card.matches)
        if not correct:
            wanted = wanted[1:] + wanted[:1]
        for line, match in enumerate(wanted):
            screen.query_one("#pairs", OptionList).highlighted = line
            await press(pilot, str(shown.items.index(match) + 1))
        await press(pilot, "enter")
    elif shown.mode == "ordering":
        order = screen.query_one("#order", OptionList)
        target = list(shown.card.items) if correct else list(shown.items)
        current = list(shown.items)
        for position, item in enumerate(target):
            index = current.index(item)
            order.highlighted = index
            for _ in range(index - position):
                await press(pilot, "shift+up")
            current.insert(position, current.pop(index))
        await press(pilot, "enter")
    assert screen.phase == "feedback", screen.phase


async def study_all(pilot, correct: bool = True) -> int:
    """Answer every card until the session ends; returns how many answers were given."""
    from purgequiz.tui.screens.study import StudyScreen

    count = 0
    while isinstance(pilot.app.screen, StudyScreen) and pilot.app.screen.phase == "asking":
        await answer(pilot, correct)
        count += 1
        await press(pilot, "enter")
        assert count < 100
    return count


@asynccontextmanager
async def studying(clock: Clock, deck: Deck, *, answered: bool | None = None):
    """A running app in which Anna studies ``deck``; with ``answered`` the first card is answered
    (rightly when True). Yields the pilot."""
    install(deck)
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "enter")
        if answered is not None:
            await answer(pilot, answered)
        yield pilot
