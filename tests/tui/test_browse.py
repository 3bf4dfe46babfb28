"""The browser: b on the home screen, search as one types, and the pages of cards, facts and
people, with the changes a card's page makes to the profile."""

from __future__ import annotations

import errno
from datetime import timedelta

import pytest
from textual.widgets import Input, OptionList, Static

from purgequiz.learn.days import day_end
from purgequiz.learn.held import restored
from purgequiz.learn.scheduler import CardProgress
from purgequiz.store.profile import Profile, open_profile
from purgequiz.tui.screens.browse import BrowseScreen
from purgequiz.tui.screens.card_page import CardScreen
from purgequiz.tui.screens.dialogs import ConfirmDialog, FlagDialog
from purgequiz.tui.screens.fact_page import FactScreen
from purgequiz.tui.screens.held import HeldScreen
from purgequiz.tui.screens.home import HomeScreen
from purgequiz.tui.screens.page import ChooseDialog
from purgequiz.tui.screens.person_page import PersonScreen
from tests.tui.browsekit import STUDIED, browse_deck, small_fact_base, studied
from tests.tui.conftest import START, install, make_app, nasty_deck, press, screen_text, settle

# FSRS-6's forgetting curve with py-fsrs's default decay (w20 = 0.1542), worked by hand:
# R(t, S) = (1 + F·t/S)^-w20 with F = 0.9^(-1/w20) - 1, at S = 5 days and t = 13 study days
# (the last review on 25 February at 21:00, the page read on 10 March at 09:00).
RECALL = (1 + (0.9 ** (-1 / 0.1542) - 1) * 13 / 5) ** -0.1542


@pytest.fixture(autouse=True)
def _small_base(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    small_fact_base(monkeypatch, tmp_path / "seeds")
    browse_deck()


def flat(text: str) -> str:
    return " ".join(text.split())


def page_text(app) -> str:
    """The whole body of the page shown (scrolled into view or not), in one line."""
    return flat(str(app.screen.query_one("#page-text", Static).content))


def listed(app) -> list[str]:
    results = app.screen.query_one("#browse-results", OptionList)
    return [results.get_option_at_index(i).id for i in range(results.option_count)]


async def browse(pilot, text: str = "") -> None:
    """From the home screen: b, then type ``text``."""
    await settle(pilot)
    await press(pilot, "b")
    assert isinstance(pilot.app.screen, BrowseScreen)
    if text:
        await press(pilot, *text)


async def open_card(pilot, card_id: str, text: str) -> CardScreen:
    """Browse, type ``text``, move to the card and open it."""
    await browse(pilot, text)
    found = listed(pilot.app)
    for _ in range(found.index(f"card:{card_id}")):
        await press(pilot, "down")
    await press(pilot, "enter")
    screen = pilot.app.screen
    assert isinstance(screen, CardScreen) and screen.card.id == card_id
    return screen


async def test_b_opens_the_browser_and_a_misspelt_name_finds_the_person(clock) -> None:
    """b opens the browser with every card, fact and person listed; typing 'Tukhachevski'
    narrows the list as each letter is typed, the man himself first; Enter opens his page,
    Esc goes back to the search as it was, and Esc again home."""
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await browse(pilot)
        everything = listed(app)
        assert len(everything) == 4 + 11 + 5  # cards, facts, people
        await press(pilot, *"Tukh")
        assert listed(app)[0] == "person:tukhachevsky"
        await press(pilot, *"achevski")
        found = listed(app)
        assert found[0] == "person:tukhachevsky" and "card:when-arrested" in found
        assert "card:who-replaced-yezhov" not in found
        assert f"{len(found)} found" in screen_text(app)
        await press(pilot, "enter")
        assert isinstance(app.screen, PersonScreen)
        await press(pilot, "escape")
        assert isinstance(app.screen, BrowseScreen)
        assert app.screen.query_one("#browse-query", Input).value == "Tukhachevski"
        assert listed(app) == found
        await press(pilot, "escape")
        assert isinstance(app.screen, HomeScreen)


async def test_filters_are_typed_in_the_box_and_said(clock) -> None:
    """topic:army is:card lists the army's cards and says how the filters were read; a
    topic that does not exist is said, with the topics there are."""
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await browse(pilot, "topic:army is:card")
        assert listed(app) == ["card:when-arrested", "card:officer"]
        assert "2 found · topic: The army purge · is: card" in flat(screen_text(app))
        await press(pilot, "backspace", "backspace", "backspace", "backspace")
        await press(pilot, *"flag")  # "is:flag": no such sort of entry
        assert listed(app) == []
        assert "no is matches 'flag' (the is values are: card, fact, person)" in flat(
            screen_text(app)
        )


async def test_up_down_choose_and_the_detail_line_follows(clock) -> None:
    """↓ and ↑ move through the results while the box keeps the letters; the line under the
    list gives the highlighted card's answer."""
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await browse(pilot, "is:card")
        results = app.screen.query_one("#browse-results", OptionList)
        assert results.highlighted == 0
        await press(pilot, "down", "down", "up")
        assert results.highlighted == 1
        assert app.screen.focused is app.screen.query_one("#browse-query", Input)
        detail = str(app.screen.query_one("#browse-detail", Static).content)
        assert detail == "Answer: May 1937 · question · chronology"


async def test_the_card_page_shows_the_card_its_fact_and_its_figures(clock) -> None:
    """A studied card's page shows the question, answer, choices, explanation and source, its
    fact with date and citation, and its standing: due, stability, difficulty, the chance of
    recalling it now (FSRS's curve, worked by hand), reviews and lapses, and the last
    answers newest first, in the profile's time zone."""
    studied()
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_card(pilot, STUDIED, "replaced yezhov")
        text = page_text(app)
        for shown in (
            "Who replaced Yezhov at the head of the NKVD? Answer: Beria",
            "Choices: Beria · Yagoda · Molotov · Kalinin",
            "Source: A historian, “The Soviet elites”, A monograph, para. 2",
            "In review · due in 2d (12 Mar 2025, 09:00)",
            f"Stability 5.0 days · difficulty 6.2 of 10 · chance of recalling it now "
            f"{round(RECALL * 100)}%",
            "Reviewed 7 times; forgotten (lapses) 2 times",
            "Last answers 25 Feb 2025, 21:00 right Beria (choice, Good) "
            "23 Feb 2025, 21:00 wrong Yagoda (choice, Again)",
            "The fact it asks about Beria took Yezhov's place at the head of the NKVD. "
            "November 1938 · replacement · A historian, “The Soviet elites”, A monograph, "
            "para. 2",
            "People named: Beria, Yezhov",
            "In The NKVD and the army",
        ):
            assert shown in text
        assert round(RECALL * 100) == 82


async def test_suspend_and_bury_change_the_profile_as_the_held_cards_screen_sees_it(clock) -> None:
    """s suspends the card (the held-cards screen then lists it) and s again unsuspends it
    to the state the held-cards screen's Enter gives; b buries it until the study day ends,
    as a session does, and b again unburies it. Each is saved at once."""
    state = studied()
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_card(pilot, STUDIED, "replaced yezhov")
        await press(pilot, "s")
        assert "Suspended: not asked until you unsuspend it (s)." in screen_text(app)
        with_suspension = app.profile.card_states()[STUDIED]
        assert with_suspension == CardProgress(**{**vars(state), "suspended": True})
        assert " s unsuspend " in screen_text(app)
        await press(pilot, "s")
        assert app.profile.card_states()[STUDIED] == restored(with_suspension) == state
        await press(pilot, "b")
        zone = app.profile.settings.zone()
        until = day_end(START, zone, app.profile.settings.day_starts_at)
        assert app.profile.card_states()[STUDIED].buried_until == until
        assert "Buried until 11 Mar 2025, 04:00 (b unburies it)." in page_text(app)
        await press(pilot, "b")
        assert app.profile.card_states()[STUDIED] == state
        await press(pilot, "s", "escape", "escape", "escape", "h")
        assert isinstance(app.screen, HeldScreen)
        assert "Who replaced Yezhov at the head of the NKVD?" in screen_text(app)
    with open_profile("Anna") as profile:
        assert profile.card_states()[STUDIED].suspended


async def test_reset_asks_first_then_makes_the_card_new_and_u_undoes_it(clock) -> None:
    """r asks before resetting; Cancel changes nothing; Reset makes the card new (its
    answers stay in the log); u puts back the state it had."""
    state = studied()
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_card(pilot, STUDIED, "replaced yezhov")
        await press(pilot, "r")
        assert isinstance(app.screen, ConfirmDialog)
        await press(pilot, "enter")  # Cancel has the focus
        assert app.profile.card_states()[STUDIED] == state
        await press(pilot, "r", "tab", "enter")
        assert app.profile.card_states()[STUDIED] == CardProgress(STUDIED)
        text = page_text(app)
        assert "New again: it was reset, and is asked as a new card." in text
        assert "right Beria" in text
        assert " r reset " not in screen_text(app)  # nothing left to reset
        await press(pilot, "u")
        assert "Undone" in screen_text(app)
        assert app.profile.card_states()[STUDIED] == state
        assert " u undo " not in screen_text(app)
    with open_profile("Anna") as profile:
        assert profile.card_states()[STUDIED] == state


async def test_flag_with_a_note_then_withdraw_and_undo_the_withdrawal(clock) -> None:
    """f asks for a note and flags the card as a session does (its deck, the prompt); the
    held-cards screen would show the note; w withdraws the flag and u brings it back."""
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_card(pilot, "officer", "officer guards")
        await press(pilot, "f")
        assert isinstance(app.screen, FlagDialog)
        await press(pilot, *"[bold]the answer[/] is unclear", "enter")
        flags = app.profile.flags()
        assert [(f["card_id"], f["deck_id"], f["note"], f["prompt"]) for f in flags] == [
            (
                "officer",
                "nkvd",
                "[bold]the answer[/] is unclear",
                "Which of these commanders had been an officer of the Guards?",
            )
        ]
        assert "Flagged for your teacher: [bold]the answer[/] is unclear" in page_text(app)
        await press(pilot, "w")
        assert app.profile.flags() == []
        assert "Flag withdrawn" in screen_text(app)
        await press(pilot, "u")
        assert app.profile.flags() == flags
        await press(pilot, "u")  # and the flag itself is undone
        assert app.profile.flags() == []
    with open_profile("Anna") as profile:
        assert profile.flags() == []


async def test_undo_of_a_change_on_a_card_never_studied_leaves_it_new(clock) -> None:
    """A card with no state, suspended then undone, is new and studied as before."""
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_card(pilot, "named-after", "named after")
        assert "New: not studied yet." in page_text(app)
        await press(pilot, "s")
        assert app.profile.card_states()["named-after"].suspended
        await press(pilot, "u")
        assert app.profile.card_states().get("named-after", CardProgress("x")).is_new
        assert not app.profile.card_states()["named-after"].suspended


async def test_a_change_that_cannot_be_saved_changes_nothing(clock, monkeypatch) -> None:
    """When the disk refuses the write, the page says nothing was changed and why, and
    offers nothing to undo."""

    def full(self, states):
        raise OSError(errno.ENOSPC, "No space left on device", str(self.path))

    monkeypatch.setattr(Profile, "save_states", full)
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_card(pilot, "officer", "officer guards")
        await press(pilot, "s")
        text = flat(screen_text(app))
        assert "Nothing was changed" in text and "free some disk space" in text
        assert "officer" not in app.profile.card_states()
        assert " u undo " not in screen_text(app)


async def test_people_and_cards_lead_from_page_to_page(clock) -> None:
    """p on a card naming two people asks which; the person's page lists exactly the facts
    naming him; c there opens his card; on a fact's page c opens its card."""
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_card(pilot, STUDIED, "replaced yezhov")
        await press(pilot, "p")
        assert isinstance(app.screen, ChooseDialog)
        await press(pilot, "down", "enter")
        assert isinstance(app.screen, PersonScreen)
        text = page_text(app)
        assert text.startswith("Head of the NKVD Cards: 2 cards name them")
        assert "Replaced by Beria as head of the NKVD November 1938" in text
        assert "Every fact naming them (4)" in text
        facts = app.screen.page.facts
        assert [f.id for f in facts] == [
            "yezhov-appointed",
            "purge-mentions-yezhov",
            "beria-replaces-yezhov",
            "yezhov-removed",
        ]
        assert "Tukhachevsky" not in text
        await press(pilot, "c")
        assert isinstance(app.screen, ChooseDialog)
        await press(pilot, "escape", "escape", "escape")  # the choice, his page, the card
        assert isinstance(app.screen, BrowseScreen)
        await press(pilot, "ctrl+u", *"is:fact shot")
        await press(pilot, "enter")
        assert isinstance(app.screen, FactScreen)
        text = page_text(app)
        assert "The commanders were shot in June 1937." in text
        assert "Source: Wright, Socialist Appeal, 5 October 1940, ¶5" in text
        assert "no card of your decks asks about it" in text
        assert " c cards " not in screen_text(app)
        await press(pilot, "p")  # one person named: straight to his page
        assert isinstance(app.screen, PersonScreen)
        assert app.screen.page.person.id == "tukhachevsky"
        assert "Executed June 1937" in page_text(app)


async def test_browse_is_in_the_command_palette(clock) -> None:
    """ "Browse" in the command palette opens the browser."""
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "ctrl+p")
        await press(pilot, *"browse")
        await press(pilot, "enter")
        assert isinstance(app.screen, BrowseScreen)


async def test_text_from_files_is_shown_as_typed(clock) -> None:
    """Prompts, answers and explanations that would be markup are shown as written, in the
    list and on the card's page."""
    install(nasty_deck())
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await browse(pilot, "prompt click")
        assert "Prompt [@click=app.quit]x[/]" in screen_text(app)
        await press(pilot, "enter")
        assert "Explanation [@click=app.quit]x[/]" in page_text(app)
        assert "A [@click=app.quit]x[/]" in page_text(app)
        assert app.is_running


async def test_without_the_fact_base_the_cards_are_still_searched(clock, monkeypatch) -> None:
    """A fact base that cannot be read is said in plain words; the cards are listed and
    their pages open."""
    from purgequiz import paths

    monkeypatch.setattr(paths, "bundled_seeds_dir", lambda: paths.data_dir() / "missing")
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await browse(pilot, "yezhov")
        assert "The fact base could not be read, so only cards are listed" in flat(screen_text(app))
        assert listed(app) == ["card:who-replaced-yezhov", "card:named-after"]
        await press(pilot, "enter")
        assert "beria-replaces-yezhov (not in the fact base that ships)" in page_text(app)


async def test_a_page_scrolls_and_q_goes_back(clock) -> None:
    """↓ and PgDn scroll a page longer than the window; q goes back like Esc."""
    studied()
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_card(pilot, STUDIED, "replaced yezhov")
        body = app.screen.query_one("#page-body")
        await press(pilot, "pagedown")
        assert body.scroll_y > 0
        await press(pilot, "q")
        assert isinstance(app.screen, BrowseScreen)


def test_the_time_zone_of_the_figures_is_the_profiles() -> None:
    """The page's times are in the profile's zone: 09:00 UTC is 10:00 in Paris in March."""
    from zoneinfo import ZoneInfo

    from purgequiz.tui.screens.card_page import when

    assert when(START, ZoneInfo("Europe/Paris")) == "10 Mar 2025, 10:00"
    assert when(START + timedelta(days=2), ZoneInfo("UTC")) == "12 Mar 2025, 09:00"


async def test_the_results_have_room_in_the_least_window(clock) -> None:
    """At 40×12 the syntax hint gives way, and the list shows at least three results."""
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(40, 12)) as pilot:
        await browse(pilot, "is:card")
        assert not app.screen.query_one("#browse-hint").display
        results = app.screen.query_one("#browse-results", OptionList)
        assert results.scrollable_content_region.height >= 3
        assert "In which month were" in screen_text(app)  # the second card: in view


def test_no_color_draws_the_browser_without_colour_and_marks_the_highlight() -> None:
    """With NO_COLOR set, the browser (the real app, with the decks and facts that ship, in a
    terminal) sends no colour code, and the highlighted result is bold and underlined."""
    import os
    import re

    from tests.tui.test_no_color import Terminal, colour_codes, emphasised

    terminal = Terminal({"NO_COLOR": "1"})
    try:
        terminal.wait_for(re.compile(rb"held cards"))
        os.write(terminal.leader, b"b")
        terminal.wait_for(re.compile(rb"Browse cards"))
        os.write(terminal.leader, b"tukh")
        terminal.wait_for(emphasised(b"person ", rb"\x1b\[0m"))
        terminal.quit()
    finally:
        terminal.close()
    assert colour_codes(terminal.shown) == []


async def test_a_click_on_a_result_opens_it(clock) -> None:
    """A click on a result opens its page, as Enter does."""
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await browse(pilot, "is:card")
        await pilot.click("#browse-results", offset=(10, 2))  # the second card, under the top
        await settle(pilot)
        assert isinstance(app.screen, CardScreen) and app.screen.card.id == "when-arrested"


async def test_a_facts_page_shows_what_it_records(clock) -> None:
    """A fact's page lists its own fields: the facts it links to by their statements, one a
    line, and a figure written out."""
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await browse(pilot, "is:fact differ")
        await press(pilot, "enter")
        text = str(app.screen.query_one("#page-text", Static).content)
        assert (
            "accounts:\n  • Tukhachevsky and other commanders were arrested in May 1937.\n"
            "  • The commanders were shot in June 1937." in text
        )
        await press(pilot, "escape", "ctrl+u", *"is:fact army cost", "enter")
        assert "value: 2,300,000,000" in page_text(app)
        assert "When: 1935" in page_text(app)
