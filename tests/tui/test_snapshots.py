"""Every screen at 80×24, and the study screen at 60×20, at 40×12 and in a light theme (and the
notice of a too small window), compared with SVG snapshots that were reviewed by eye.

Run ``pytest tests/tui/test_snapshots.py --snapshot-update`` after a deliberate change, then
look at the new SVGs (``snapshot_report.html``) before committing them.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from purgequiz.store.profile import open_profile
from purgequiz.tui import profiles
from tests.tui.conftest import (
    Clock,
    answer,
    choice_deck,
    install,
    make_app,
    matching_deck,
    nasty_deck,
    ordering_deck,
    press,
    rebutted_deck,
    settle,
    study_all,
    truefalse_deck,
    typed_deck,
)

SIZE = (80, 24)


@pytest.fixture(autouse=True)
def _fixed_user(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("USER", "student")


def snapshot(
    snap_compare,
    *keys: str,
    profile: str | None = "Anna",
    deck: str | None = None,
    then=None,
    size: tuple[int, int] = SIZE,
) -> bool:
    clock = Clock()

    async def run_before(pilot) -> None:
        await settle(pilot)
        for key in keys:
            await press(pilot, key)
        if then is not None:
            await then(pilot)
        for input_ in pilot.app.screen.query("Input"):
            input_.cursor_blink = False
        await settle(pilot)

    return snap_compare(
        make_app(clock, profile=profile, deck=deck), terminal_size=size, run_before=run_before
    )


def test_profile_first_run(snap_compare) -> None:
    assert snapshot(snap_compare, profile=None)


def test_profile_known(snap_compare) -> None:
    for name in ("Anna", "Борис", "[bold]Vera[/]"):
        open_profile(name).close()
    profiles.remember("Борис")
    assert snapshot(snap_compare, profile=None)


def test_home(snap_compare) -> None:
    install(choice_deck(3))
    install(nasty_deck())
    install(truefalse_deck(4))
    assert snapshot(snap_compare)


def test_study_choice(snap_compare) -> None:
    install(choice_deck(3))
    assert snapshot(snap_compare, "enter")


def test_feedback_wrong(snap_compare) -> None:
    install(choice_deck(3))
    assert snapshot(snap_compare, "enter", then=lambda pilot: answer(pilot, correct=False))


def test_study_typed(snap_compare) -> None:
    install(typed_deck(2))
    assert snapshot(snap_compare, "enter", "Y", "e")


def test_study_typed_keys(snap_compare) -> None:
    """Esc on a typed card: out of the answer box, with the keys that now work listed."""
    install(typed_deck(2))
    assert snapshot(snap_compare, "enter", "escape")


def test_study_buried_60x20(snap_compare) -> None:
    """After b, the confirmation sits beside the deck's name, over nothing of the next card."""
    install(choice_deck(3))
    assert snapshot(snap_compare, "enter", "b", size=(60, 20))


def test_study_flashcard(snap_compare) -> None:
    install(choice_deck(3))
    assert snapshot(snap_compare, "enter", "c", "space")


def test_study_truefalse(snap_compare) -> None:
    install(truefalse_deck(2))
    assert snapshot(snap_compare, "enter")


def test_study_ordering(snap_compare) -> None:
    install(ordering_deck())
    assert snapshot(snap_compare, "enter", "down", "shift+up")


def test_feedback_ordering_wrong(snap_compare) -> None:
    """A wrong order: the right order as a list, each item marked."""
    install(ordering_deck())
    assert snapshot(snap_compare, "enter", then=lambda pilot: answer(pilot, correct=False))


def test_study_matching(snap_compare) -> None:
    install(matching_deck())
    assert snapshot(snap_compare, "enter", "2")


def test_feedback_rebuttal(snap_compare) -> None:
    install(rebutted_deck())

    async def pick_wrong(pilot) -> None:
        shown = pilot.app.screen.presented
        await press(pilot, str(shown.choices.index("Beria") + 1))

    assert snapshot(snap_compare, "enter", then=pick_wrong)


def test_summary(snap_compare) -> None:
    install(choice_deck(2))

    async def session(pilot) -> None:
        await answer(pilot, correct=False)
        await press(pilot, "enter")
        await study_all(pilot)

    assert snapshot(snap_compare, "enter", then=session)


def test_nothing_due(snap_compare) -> None:
    install(choice_deck(1))
    assert snapshot(snap_compare, "enter", then=lambda pilot: _again(pilot))


async def _again(pilot) -> None:
    await study_all(pilot)
    await press(pilot, "c")


def test_new_card_limit_reached(snap_compare) -> None:
    """New cards per day at 0: the deck says so and where to change it."""
    with open_profile("Anna") as profile:
        assert profile.update_settings(new_per_day=0) == []
    install(choice_deck(2))
    assert snapshot(snap_compare, "enter")


def test_settings(snap_compare) -> None:
    assert snapshot(snap_compare, "s")


def test_settings_problems(snap_compare) -> None:
    async def wrong(pilot) -> None:
        pilot.app.screen.query_one("#desired_retention").value = "2"
        pilot.app.screen.query_one("#new_per_day").value = "lots"
        await press(pilot, "ctrl+s")
        pilot.app.screen.query_one("#new_per_day").value = "20"
        await press(pilot, "ctrl+s")

    assert snapshot(snap_compare, "s", then=wrong)


def test_help(snap_compare) -> None:
    assert snapshot(snap_compare, "question_mark")


def test_deck_problems(snap_compare, monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    from purgequiz import paths

    # The folder is on screen, so it is named the same in every run: relative to a working
    # folder of this test's own, which goes with the test, and which no other run shares.
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PURGEQUIZ_HOME", "purgequiz-snapshot-home")
    paths.user_decks_dir().mkdir(parents=True)
    (paths.user_decks_dir() / "broken.json").write_text('{"format": "purgequiz.deck"}')
    assert snapshot(snap_compare, "d")


def test_held_cards(snap_compare) -> None:
    """The held cards under their headings: suspended, buried (until when), flagged (a note
    that would be markup, shown as typed) and leech."""
    from datetime import timedelta

    from purgequiz.learn.records import Flag
    from purgequiz.learn.scheduler import CardProgress
    from tests.tui.conftest import START

    deck = choice_deck(4)
    install(deck)
    first, second, third, fourth = (card.id for card in deck.cards)
    with open_profile("Anna") as profile:
        profile.update_settings(timezone="UTC")
        profile.save_states(
            [
                CardProgress(first, reps=20, lapses=8, leech=True),
                CardProgress(second, suspended=True),
                CardProgress(third, buried_until=START + timedelta(hours=19)),
            ]
        )
        profile.add_flag(
            Flag(
                "f1",
                fourth,
                deck.id,
                "the [bold]date[/] is wrong",
                START.isoformat(),
                deck.cards[3].prompt,
            )
        )
    assert snapshot(snap_compare, "h")


def test_flag_dialog(snap_compare) -> None:
    nasty = nasty_deck()  # its first card, whose prompt would be a link if it were markup
    install(replace(nasty, cards=nasty.cards[:1]))
    assert snapshot(snap_compare, "enter", "f")


def test_study_choice_60x20(snap_compare) -> None:
    install(choice_deck(3))
    assert snapshot(snap_compare, "enter", size=(60, 20))


def test_study_choice_40x12(snap_compare) -> None:
    """At the least size the header stacks its counts and the choices are scrolled to."""
    install(choice_deck(3))
    assert snapshot(snap_compare, "enter", "down", size=(40, 12))


def test_too_small(snap_compare) -> None:
    """Below the least size the screen asks for a larger window."""
    install(choice_deck(3))
    assert snapshot(snap_compare, "enter", size=(36, 10))


def test_feedback_typed_60x20(snap_compare) -> None:
    install(typed_deck(2))
    assert snapshot(
        snap_compare, "enter", then=lambda pilot: answer(pilot, correct=False), size=(60, 20)
    )


def _light() -> None:
    with open_profile("Anna") as profile:
        assert profile.update_settings(theme="textual-light") == []


def test_study_choice_light(snap_compare) -> None:
    _light()
    install(choice_deck(3))
    assert snapshot(snap_compare, "enter")


def test_feedback_regraded_light(snap_compare) -> None:
    _light()
    install(typed_deck(2))

    async def regraded(pilot) -> None:
        await answer(pilot, correct=False)
        await press(pilot, "e", "3")

    assert snapshot(snap_compare, "enter", then=regraded)


def test_browse(snap_compare, monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    """The browser with a misspelt name typed: the person first, then the cards and facts
    naming him, the count, and the highlighted entry's line under the list."""
    from tests.tui.browsekit import browse_deck, small_fact_base

    small_fact_base(monkeypatch, tmp_path / "seeds")
    browse_deck()
    assert snapshot(snap_compare, "b", *"Tukhachevski", "down")


def test_card_page(snap_compare, monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    """A studied card's page: the card, its answer and choices, its source, and the figures
    of the profile's progress, with the keys that change it."""
    from tests.tui.browsekit import browse_deck, small_fact_base, studied

    small_fact_base(monkeypatch, tmp_path / "seeds")
    browse_deck()
    studied()
    assert snapshot(snap_compare, "b", *"replaced yezhov", "enter")
