"""A student studies whole sessions in every answer mode with the real engine and store, and
changes a grade, buries, suspends and flags cards from the feedback."""

from __future__ import annotations

import errno
from dataclasses import replace
from datetime import timedelta

from purgequiz.decks.model import Deck
from purgequiz.store.profile import open_profile
from purgequiz.tui.screens.dialogs import FlagDialog, GradeDialog
from purgequiz.tui.screens.home import HomeScreen
from purgequiz.tui.screens.profile import ProfileScreen
from purgequiz.tui.screens.study import StudyScreen
from purgequiz.tui.screens.summary import SummaryScreen
from tests.tui.conftest import (
    answer,
    card,
    choice_deck,
    install,
    make_app,
    matching_deck,
    ordering_deck,
    press,
    rebutted_deck,
    screen_text,
    settle,
    study_all,
    studying,
    truefalse_deck,
    typed_deck,
)


async def start_as(pilot, name: str = "Anna") -> None:
    """On the profile screen, type a name (replacing the suggestion) and open it."""
    await settle(pilot)
    assert isinstance(pilot.app.screen, ProfileScreen)
    pilot.app.screen.query_one("#name").value = ""
    await press(pilot, *name)
    await press(pilot, "enter")
    assert isinstance(pilot.app.screen, HomeScreen)


async def test_first_run_study_quit_reopen(clock) -> None:
    """A first-run student names a profile, studies a deck to the end, and finds it on return."""
    install(choice_deck(3))
    app = make_app(clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert pilot.app.screen.query_one("#name").value  # a name is suggested
        await start_as(pilot, "Анна Ахматова")
        assert "Анна Ахматова" in screen_text(app)
        await press(pilot, "enter")
        assert isinstance(app.screen, StudyScreen)
        answers = await study_all(pilot)
        # each new card: once new (a right pick on a new card is graded Hard, and stays at the
        # first learning step), then at its two learning steps
        assert answers == 9
        assert isinstance(app.screen, SummaryScreen)
        assert "Cards reviewed" in screen_text(app)
        await press(pilot, "h")
        assert isinstance(app.screen, HomeScreen)
        assert "0 new" in screen_text(app)
        await press(pilot, "q")
    clock.advance(minutes=1)
    app = make_app(clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        known = app.screen.query_one("#known")
        assert known.display and known.highlighted == 0
        await press(pilot, "enter")
        assert isinstance(app.screen, HomeScreen), screen_text(app)[-3000:]
        text = screen_text(app)
        assert "Reviews today 9" in " ".join(text.split())
        assert "0 new" in text
    with open_profile("Анна Ахматова") as profile:
        assert len(profile.card_states()) == 3
        assert all(state.is_review for state in profile.card_states().values())


async def study_deck_to_the_end(clock, deck, correct: bool = True) -> int:
    install(deck)
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "enter")
        assert isinstance(app.screen, StudyScreen)
        answers = await study_all(pilot, correct)
        assert isinstance(app.screen, SummaryScreen)
    return answers


async def test_typed_session(clock) -> None:
    """Cards without choices are typed; Enter submits; the whole deck is learned."""
    assert await study_deck_to_the_end(clock, typed_deck(2)) == 4


async def test_truefalse_session(clock) -> None:
    """True/false cards are answered with t and f (three times each when right: new, then
    at the two learning steps, a right answer to a new card being graded Hard)."""
    assert await study_deck_to_the_end(clock, truefalse_deck(2)) == 6


async def test_ordering_session(clock) -> None:
    """Ordering items are moved with shift+up and checked with Enter."""
    assert await study_deck_to_the_end(clock, ordering_deck()) == 2


async def test_matching_session(clock) -> None:
    """Each line of a matching card gets its number; Enter checks; a wrong set comes back."""
    install(matching_deck())
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "enter")
        assert app.screen.presented.mode == "matching"
        await press(pilot, "enter")  # nothing matched yet: it asks for every line first
        assert app.screen.phase == "asking"
        assert "Match every line first" in screen_text(app)
        await answer(pilot, correct=False)
        assert "Not quite." in screen_text(app)
        await press(pilot, "enter")
        await answer(pilot, correct=True)
        assert "Right." in screen_text(app)


async def test_a_wrong_choice_is_answered_by_its_rebuttal(clock) -> None:
    """Picking a wrong choice shows why it is wrong, with its source, before the explanation."""
    install(rebutted_deck())
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "enter")
        shown = app.screen.presented
        wrong = next(c for c in shown.choices if c != "Yezhov")
        await press(pilot, str(shown.choices.index(wrong) + 1))
        text = screen_text(app)
        assert f"Why not {wrong}: {wrong} was someone else entirely." in text
        assert "Not quite." in text


async def test_flashcard_session(clock) -> None:
    """With flashcards only, space shows the answer and 1-4 grade it, labelled with intervals."""
    with open_profile("Anna") as profile:
        assert profile.update_settings(flashcards_only=True) == []
    install(choice_deck(2))
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "enter", "space")
        labels = [str(b.label) for b in app.screen.query("#grades Button")]
        assert labels[0].startswith("1 Again") and labels[2].startswith("3 Good")
        assert all(any(ch.isdigit() for ch in label[2:]) for label in labels)  # an interval
        await press(pilot, "3", "enter")
        assert await study_all(pilot) == 3
        assert isinstance(app.screen, SummaryScreen)


async def test_wrong_answers_are_explained_and_come_back(clock) -> None:
    """A wrong answer shows the right one, the explanation and the source, and is asked again."""
    install(choice_deck(1))
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "enter")
        await answer(pilot, correct=False)
        text = screen_text(app)
        assert "Not quite." in text and "Answer: Yezhov" in text
        assert "Because of fact choice-0." in text and "Wright" in text
        assert "Graded Again" in text
        await press(pilot, "enter")
        assert app.screen.phase == "asking"
        assert app.screen.presented.card.id == "choice-0"


async def test_undo_restores_the_card_on_disk(clock) -> None:
    """u takes back the last answer: the same card is asked again and the log forgets it."""
    install(choice_deck(2))
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "enter")
        first = app.screen.presented.card.id
        await answer(pilot)
        await press(pilot, "u")
        assert app.screen.phase == "asking"
        assert app.screen.presented.card.id == first
        assert app.screen.answered == 0
        await press(pilot, "q")
        assert isinstance(app.screen, HomeScreen)
        assert "Reviews today 0" in " ".join(screen_text(app).split())
    with open_profile("Anna") as profile:
        assert not [s for s in profile.card_states().values() if not s.is_new]


async def test_e_changes_the_grade_of_a_typed_answer(clock) -> None:
    """e after a wrong typed answer: choose Good, see the new next review, saved as typed."""
    async with studying(clock, typed_deck(2), answered=False) as pilot:
        screen = pilot.app.screen
        card_id = screen.result.card.id
        assert "Graded Again · next review in 1m" in " ".join(screen_text(pilot.app).split())
        await press(pilot, "e")
        assert isinstance(pilot.app.screen, GradeDialog)
        await press(pilot, "3")
        assert pilot.app.screen is screen and screen.phase == "feedback"
        text = " ".join(screen_text(pilot.app).split())
        assert "Graded Good · next review in 10m" in text
        assert "changed from Again" in text and "Your answer: Molotov" in text
        assert screen.answered == 1
        await press(pilot, "q")
    with open_profile("Anna") as profile:
        (review,) = profile.reviews()
        assert (review.card_id, review.rating, review.given) == (card_id, 3, "Molotov")
        assert review.mode == "typed" and review.elapsed_ms == 5000
        assert profile.card_states()[card_id].due == clock() + timedelta(minutes=10)


async def test_e_then_u_takes_back_the_answer(clock) -> None:
    """Undo after a changed grade asks the same card again, with nothing left in the log."""
    async with studying(clock, typed_deck(2), answered=True) as pilot:
        screen = pilot.app.screen
        first = screen.result.card.id
        await press(pilot, "e", "1", "u")
        assert screen.phase == "asking" and screen.presented.card.id == first
        assert screen.answered == 0
        await press(pilot, "q")
    with open_profile("Anna") as profile:
        assert list(profile.reviews()) == []


async def test_b_after_answering_buries_that_card(clock) -> None:
    """b on the feedback buries the card just answered (its answer kept) and moves on."""
    async with studying(clock, choice_deck(3), answered=True) as pilot:
        screen = pilot.app.screen
        buried = screen.result.card.id
        await press(pilot, "b")
        assert screen.phase == "asking" and screen.presented.card.id != buried
        clock.advance(minutes=30)  # its learning step is over, but it stays buried today
        await study_all(pilot)
        await press(pilot, "h")
    with open_profile("Anna") as profile:
        state = profile.card_states()[buried]
        assert state.buried(clock()) and state.reps == 1
        assert [r.card_id for r in profile.reviews()].count(buried) == 1


async def test_s_after_answering_suspends_that_card(clock) -> None:
    """s on the feedback suspends the card just answered and shows the next one."""
    async with studying(clock, choice_deck(3), answered=False) as pilot:
        screen = pilot.app.screen
        suspended = screen.result.card.id
        await press(pilot, "s")
        assert screen.phase == "asking" and screen.presented.card.id != suspended
        await press(pilot, "q")
    with open_profile("Anna") as profile:
        assert profile.card_states()[suspended].suspended


async def test_f_after_answering_flags_that_card_with_a_note(clock) -> None:
    """f on the feedback asks for a note and keeps it with the card just answered."""
    async with studying(clock, choice_deck(3), answered=True) as pilot:
        screen = pilot.app.screen
        flagged = screen.result.card
        await press(pilot, "f")
        assert isinstance(pilot.app.screen, FlagDialog)
        assert flagged.prompt in screen_text(pilot.app)
        await press(pilot, *"the date is wrong")
        await press(pilot, "enter")
        assert screen.phase == "feedback"  # still on the feedback: Enter moves on
        await press(pilot, "enter")
        assert screen.phase == "asking"
        await press(pilot, "q")
    with open_profile("Anna") as profile:
        (flag,) = profile.flags()
        assert (flag["card_id"], flag["note"], flag["prompt"]) == (
            flagged.id,
            "the date is wrong",
            flagged.prompt,
        )


async def test_bury_and_suspend_while_asking(clock) -> None:
    """b and s on a card being asked take it out of today's queue before it is answered."""
    async with studying(clock, choice_deck(3)) as pilot:
        screen = pilot.app.screen
        buried = screen.presented.card.id
        await press(pilot, "b")
        suspended = screen.presented.card.id
        await press(pilot, "s")
        assert screen.presented.card.id not in (buried, suspended)
        await press(pilot, "q")
    with open_profile("Anna") as profile:
        states = profile.card_states()
        assert states[suspended].suspended
        assert states[buried].buried(clock())


async def test_quitting_mid_session_keeps_progress(clock) -> None:
    """Esc mid-session shows the summary of the answers given, already saved; h goes home."""
    install(choice_deck(3))
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "enter")
        await answer(pilot)
        await press(pilot, "enter", "escape")
        assert isinstance(app.screen, SummaryScreen)
        await press(pilot, "h")
        assert isinstance(app.screen, HomeScreen)
        assert "1 learning" in screen_text(app)
    with open_profile("Anna") as profile:
        assert len(profile.sessions()) == 1


async def test_q_mid_session_shows_the_summary(clock) -> None:
    """q after an answer ends the session with its summary: cards, accuracy, time, next due."""
    async with studying(clock, choice_deck(3), answered=False) as pilot:
        await press(pilot, "q")
        assert isinstance(pilot.app.screen, SummaryScreen)
        text = " ".join(screen_text(pilot.app).split())
        assert "Cards reviewed 1" in text and "Accuracy 0% (0 of 1)" in text
        assert "Time 5s" in text and "Next card due in 1m" in text
        assert "Worth another look: • Question choice-" in text


async def test_q_just_after_an_answer_waits_for_it_and_counts_it(clock) -> None:
    """An answer followed at once by q is saved, then the summary counts it."""
    from tests.tui.test_quitting import typed_together

    async with studying(clock, choice_deck(3)) as pilot:
        shown = pilot.app.screen.presented
        await typed_together(pilot, str(shown.choices.index(shown.card.answer) + 1), "q")
        await settle(pilot)
        assert isinstance(pilot.app.screen, SummaryScreen)
        assert pilot.app.screen.summary.reviewed == 1
        assert "Cards reviewed 1" in " ".join(screen_text(pilot.app).split())
    with open_profile("Anna") as profile:
        assert [review.card_id for review in profile.reviews()] == [shown.card.id]
        assert [session["reviewed"] for session in profile.sessions()] == [1]


async def test_quick_practice_stops_after_ten(clock) -> None:
    """Quick practice (p, then 1) is ten cards from all decks, then the summary."""
    install(choice_deck(8, "a", "Deck A"))
    install(choice_deck(8, "b", "Deck B"))
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "p", "1")  # the practice menu: quick practice
        assert await study_all(pilot) == 10
        assert isinstance(app.screen, SummaryScreen)


def regnal_deck() -> Deck:
    """A typed card (no choices) in a deck that also names Henry VIII."""
    return Deck(
        "regnal",
        "Names",
        "",
        (
            card("typed-0", answer="Yezhov"),
            card("other-0", answer="Yagoda", choices=("Yagoda", "Henry VIII", "Beria")),
        ),
    )


async def test_nonsense_typed_names_no_near_miss(clock) -> None:
    """A typed answer that resembles nothing in the deck is wrong without "closer to"."""
    async with studying(clock, regnal_deck()) as pilot:
        if pilot.app.screen.presented.mode != "typed":  # the profile's order put it second
            await answer(pilot)
            await press(pilot, "enter")
        assert pilot.app.screen.presented.mode == "typed"
        await press(pilot, *"vii")
        await press(pilot, "enter")
        text = screen_text(pilot.app)
        assert "Not quite." in text and "closer to" not in text


async def test_the_hint_names_as_many_keys_as_there_are_choices(clock) -> None:
    """A card with three choices says "Press 1–3", not "Press 1–4"."""
    three = Deck(
        "three",
        "Three choices",
        "",
        (card("three-0", answer="Yezhov", choices=("Yezhov", "Yagoda", "Beria")),),
    )
    async with studying(clock, three) as pilot:
        assert len(pilot.app.screen.presented.choices) == 3
        text = screen_text(pilot.app)
        assert "Press 1–3," in text and "1–4" not in text


async def test_no_new_cards_allowed_says_so_and_where_to_change_it(clock) -> None:
    """With new cards per day at 0, the deck says new cards are off and names the setting."""
    with open_profile("Anna") as profile:
        assert profile.update_settings(new_per_day=0) == []
    async with studying(clock, choice_deck(2)) as pilot:
        text = " ".join(screen_text(pilot.app).split())
        assert 'No new cards today: "New cards per day" is set to 0.' in text
        assert "2 new cards are waiting" in text and '"New cards per day" in Settings' in text
        assert "Nothing is due" not in text


async def test_cards_waiting_as_siblings_are_said_to_wait(clock) -> None:
    """When the only cards left are buried for the day, the deck says they wait for tomorrow
    and why, rather than that every card is done."""
    two = choice_deck(2)
    first = replace(two.cards[0], siblings=(two.cards[1].id,))
    async with studying(clock, replace(two, cards=(first, two.cards[1]))) as pilot:
        await study_all(pilot)
        await press(pilot, "h", "enter")
        text = " ".join(screen_text(pilot.app).split())
        assert "1 card waits for tomorrow" in text and "Every card for today is done" not in text


async def test_todays_new_card_limit_reached_says_so(clock) -> None:
    """Once today's new cards are learnt, the deck says the limit is reached, not "nothing"."""
    with open_profile("Anna") as profile:
        assert profile.update_settings(new_per_day=1) == []
    async with studying(clock, choice_deck(3)) as pilot:
        await study_all(pilot)
        await press(pilot, "h", "enter")
        text = " ".join(screen_text(pilot.app).split())
        assert "You have reached today's limit of new cards (1)." in text
        assert "2 new cards are waiting" in text and "press s on the home screen" in text


async def test_quick_practice_counts_its_own_ten_cards(clock) -> None:
    """The header of quick practice counts the ten cards of the practice, not every deck's."""
    install(choice_deck(8, "a", "Deck A"))
    install(choice_deck(8, "b", "Deck B"))
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "p", "1")  # the practice menu: quick practice
        assert "New 10  Learning 0  Review 0" in screen_text(app)
        await answer(pilot, correct=False)
        assert "New 9  Learning 1  Review 0" in screen_text(app)


async def test_a_wrong_order_is_shown_as_a_marked_list(clock) -> None:
    """A wrong order shows the right order one item a line, each marked right or with the
    place the learner gave it, all on an 80×24 screen."""
    async with studying(clock, ordering_deck()) as pilot:
        given = pilot.app.screen.presented.items
        await answer(pilot, correct=False)
        text = screen_text(pilot.app)
        assert "→" not in text and "The right order" in text
        assert list(pilot.app.screen.query(".explanation"))  # events the facts do not date
        for place, item in enumerate(ordering_deck().cards[0].items, 1):
            had = given.index(item) + 1
            note = "" if had == place else f"  (you had it at position {had})"
            (line,) = [line.strip() for line in text.splitlines() if f"{place}. {item}" in line]
            assert line.startswith("✓" if had == place else "✗") and line.endswith(
                f"{place}. {item}{note}"
            )


async def test_a_wrong_order_of_dated_events_shows_each_date_beside_its_event(clock) -> None:
    """An ordering card made from dated facts (the shipped chronology deck's) shows, after a
    wrong order, each event with its date, and not the explanation that listed them again
    with their dates; a card whose events the fact base does not date keeps its explanation
    (the test above's)."""
    from purgequiz import paths
    from purgequiz.decks.fileformat import read_deck
    from purgequiz.facts.load import load_or_raise
    from purgequiz.learn.chronology import event_dates

    shipped = read_deck(paths.bundled_seeds_dir().parent / "decks" / "chronology.json")
    card = next(c for c in shipped.cards if c.kind == "ordering")
    facts = load_or_raise(paths.bundled_seeds_dir()).facts
    dates = event_dates(card.fact_ids, card.items, facts)
    assert dates is not None
    async with studying(clock, Deck("events", "Events", "", (card,))) as pilot:
        await answer(pilot, correct=False)
        words = " ".join(screen_text(pilot.app).split())
        for place, (date, item) in enumerate(zip(dates, card.items, strict=True), 1):
            assert f"{place}. {date}: {item}" in words
        assert not list(pilot.app.screen.query(".explanation"))


async def test_a_wrong_matching_is_shown_as_marked_pairs(clock) -> None:
    """A wrong matching shows the right pairs one a line, each marked right or with what the
    learner matched instead, rather than two long lines of arrows."""
    async with studying(clock, matching_deck()) as pilot:
        await answer(pilot, correct=False)
        text = screen_text(pilot.app)
        assert "The right pairs" in text and "Your answer" not in text
        card = matching_deck().cards[0]
        wrong = list(card.matches[1:] + card.matches[:1])  # as answer() matches them
        words = " ".join(text.split())  # long pairs wrap onto a second line
        for item, match, given in zip(card.items, card.matches, wrong, strict=True):
            assert f"✗{item} → {match} (you matched: {given})" in words


def long_prompt_deck() -> Deck:
    """Cards whose prompt takes three lines at 60 columns, so the choices sit low."""
    prompt = (
        "Which man headed the NKVD when the mass operations against former kulaks, "
        "criminals and the national minorities began in the summer of 1937?"
    )
    names = ("Yezhov", "Yagoda", "Beria")  # three answers: no card gives another away
    return Deck(
        "long",
        "Long questions",
        "",
        tuple(
            card(
                f"long-{i}",
                answer=name,
                prompt=prompt,
                choices=("Yezhov", "Yagoda", "Beria", "Vyshinsky"),
            )
            for i, name in enumerate(names)
        ),
    )


async def test_bury_and_suspend_say_so_without_covering_the_choices(clock) -> None:
    """After b or s the confirmation is on screen, and nothing covers the next card's choices."""
    install(long_prompt_deck())
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(60, 20), notifications=True) as pilot:
        await settle(pilot)
        await press(pilot, "enter")
        for key, said in (
            ("s", "Card suspended; h on the home screen brings it back."),
            ("b", "Card buried until the next study day."),
        ):
            await press(pilot, key)
            await pilot.pause()  # a notification is laid out on the next refresh
            screen = app.screen
            assert screen.phase == "asking"
            choices = screen.query_one("#choices").region
            covering = [w for w in screen.query("Toast, #status") if w.region.overlaps(choices)]
            assert covering == []
            assert said in screen_text(app)


async def test_q_while_an_answer_is_saved_leaves_once_it_is(clock) -> None:
    """q pressed while the answer is still being written waits for it, then shows the summary
    that counts it."""
    import threading

    from purgequiz.tui.background import start_now

    async with studying(clock, choice_deck(3)) as pilot:
        screen = pilot.app.screen
        shown = screen.presented
        gate = threading.Event()
        held = start_now(lambda: gate.wait(30))  # the storage thread is busy until the gate
        await pilot.press(str(shown.choices.index(shown.card.answer) + 1))
        await pilot.press("q")
        assert pilot.app.screen is screen and screen.phase == "busy"
        gate.set()
        assert held.result(30)
        await settle(pilot)
        assert isinstance(pilot.app.screen, SummaryScreen)
        assert pilot.app.screen.summary.reviewed == 1


async def test_quick_practice_with_nothing_due_says_why(clock) -> None:
    """Quick practice with no card to show says why instead of an empty summary."""
    with open_profile("Anna") as profile:
        assert profile.update_settings(new_per_day=0) == []
    install(choice_deck(2))
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "p", "1")  # the practice menu: quick practice
        assert isinstance(app.screen, StudyScreen)
        assert "No new cards today" in screen_text(app)


def footer_text(app) -> str:
    """The last line of the screen: the keys on offer."""
    return screen_text(app).rstrip().splitlines()[-1]


async def test_esc_on_a_typed_card_lets_undo_work(clock) -> None:
    """While a typed card is asked, Esc leaves the answer box and u takes back the last answer."""
    async with studying(clock, typed_deck(2), answered=True) as pilot:
        screen = pilot.app.screen
        first = screen.result.card.id
        await press(pilot, "enter")
        assert screen.phase == "asking" and screen.presented.card.id != first
        assert "esc use the keys" in footer_text(pilot.app)
        await press(pilot, "escape", "u")
        assert screen.phase == "asking" and screen.presented.card.id == first
        assert screen.answered == 0 and pilot.app.screen is screen
    with open_profile("Anna") as profile:
        assert list(profile.reviews()) == []


async def test_esc_on_a_typed_card_lets_bury_flashcard_and_back_work(clock) -> None:
    """After Esc on a typed card the key bar lists the keys, b buries, c shows a flashcard and
    q goes back."""
    async with studying(clock, typed_deck(3)) as pilot:
        screen = pilot.app.screen
        buried = screen.presented.card.id
        await press(pilot, "escape")
        keys = footer_text(pilot.app)
        assert all(key in keys for key in ("u undo", "b bury", "s suspend", "f flag", "q back"))
        assert "Keys: u undo · b bury" in screen_text(pilot.app)
        await press(pilot, "b")
        assert screen.phase == "asking" and screen.presented.card.id != buried
        await press(pilot, "escape", "c")
        assert screen.presented.mode == "flashcard"
        await press(pilot, "q")
        assert isinstance(pilot.app.screen, HomeScreen)
    with open_profile("Anna") as profile:
        assert profile.card_states()[buried].buried(clock())


async def test_enter_goes_back_to_the_answer_box(clock) -> None:
    """After Esc, Enter puts the keyboard back in the answer box, and the answer is taken."""
    async with studying(clock, typed_deck(2)) as pilot:
        screen = pilot.app.screen
        await press(pilot, "escape", "enter")
        await press(pilot, *screen.presented.card.answer)
        await press(pilot, "enter")
        assert screen.phase == "feedback" and screen.result.correct


async def test_quitting_the_app_mid_session_saves_the_session_record(clock) -> None:
    """ctrl+q after two answers: the answers and the session's record (cards, time) are kept."""
    deck = choice_deck(3)
    async with studying(clock, deck) as pilot:
        await answer(pilot)
        await press(pilot, "enter")
        await answer(pilot)
        await pilot.press("ctrl+q")
    with open_profile("Anna") as profile:
        (record,) = profile.sessions()
        assert record["reviewed"] == 2 and record["deck_id"] == deck.id


async def test_the_study_screen_is_dismissed_with_the_sessions_outcome(clock) -> None:
    """A study screen hands whoever pushed it the summary of a session with answers, and no
    summary when the student left before answering."""
    from purgequiz.tui.screens.study import SessionOutcome

    deck = choice_deck(2)
    async with studying(clock, deck) as pilot:
        app = pilot.app
        await press(pilot, "q")  # back home, from the session the helper started
        outcomes: list[SessionOutcome | None] = []
        await app.push_screen(StudyScreen(deck, app.profile), outcomes.append)
        await settle(pilot)
        await press(pilot, "q")
        await app.push_screen(StudyScreen(deck, app.profile), outcomes.append)
        await settle(pilot)
        await answer(pilot)
        await press(pilot, "q")
        assert isinstance(app.screen, HomeScreen)
        assert outcomes[0] == SessionOutcome(None)
        assert outcomes[1] is not None and outcomes[1].summary is not None
        assert outcomes[1].summary.reviewed == 1


async def test_the_summary_is_dismissed_with_the_students_choice(clock) -> None:
    """The summary screen hands back what the student chose: c to study again, h to go home."""
    async with studying(clock, choice_deck(2), answered=True) as pilot:
        app = pilot.app
        await press(pilot, "q")
        summary = app.screen.summary
        await press(pilot, "h")
        choices: list[str | None] = []
        for key in ("c", "h", "escape"):
            await app.push_screen(SummaryScreen(summary, "The NKVD leadership"), choices.append)
            await settle(pilot)
            await press(pilot, key)
            assert isinstance(app.screen, HomeScreen)
        assert choices == ["study again", "home", "home"]


async def test_c_on_the_summary_of_quick_practice_starts_ten_more(clock) -> None:
    """Continue on the summary starts another session of the same deck with the same limit."""
    install(choice_deck(12, "a", "Deck A"))
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "p", "1")  # the practice menu: quick practice
        assert await study_all(pilot) == 10
        await press(pilot, "c")
        assert isinstance(app.screen, StudyScreen) and app.screen.limit == 10
        assert app.screen.deck.title == "Quick practice: all decks"


async def test_a_click_on_an_ordering_line_highlights_it_without_checking(clock) -> None:
    """A click on a line of an ordering card highlights it to be moved; it does not check the
    order."""
    async with studying(clock, ordering_deck()) as pilot:
        screen = pilot.app.screen
        order = screen.query_one("#order")
        order.highlighted = 0
        await pilot.click("#order", offset=(5, 3))  # the third line, under the border
        await settle(pilot)
        assert screen.phase == "asking" and order.highlighted == 2


async def test_a_session_record_that_cannot_be_saved_leads_back_to_the_decks(
    clock, monkeypatch
) -> None:
    """When the session's record cannot be saved at its end, the student is told (the answers
    were saved) and taken back to the decks, not left on a screen waiting for a summary."""
    from purgequiz.learn.session import StudySession
    from purgequiz.store.errors import file_problem

    def fails(self, now):
        raise file_problem(OSError(errno.ENOSPC, "No space left on device", "/data/progress.json"))

    async with studying(clock, choice_deck(2), answered=True) as pilot:
        monkeypatch.setattr(StudySession, "summary", fails)
        await press(pilot, "q")
        assert isinstance(pilot.app.screen, HomeScreen)
        said = [f"{n.title}: {n.message}" for n in pilot.app._notifications]
        assert any("record was not saved" in n and "no space left on device" in n for n in said)
    with open_profile("Anna") as profile:
        assert len(list(profile.reviews())) == 1
