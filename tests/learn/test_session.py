"""The study session: modes, grading into the log, siblings, cards that give each other away,
the order of new cards across a reopen, undo, regrade, bury, suspend, flag, summary."""

import random
from datetime import UTC, datetime, timedelta

import pytest
from deckkit import card, deck, mixed_deck, plain_deck
from inmemory import MemoryProfile

from purgequiz.learn.scheduler import Rating
from purgequiz.learn.session import StudySession
from purgequiz.learn.stats import Figures, deck_stats
from purgequiz.store.profile import open_profile

NOW = datetime(2025, 3, 1, 9, tzinfo=UTC)


@pytest.fixture
def profile():
    """A profile in memory (``inmemory.py``); the tests of what reaches the disk open one there."""
    p = MemoryProfile("learner")
    p.update_settings(fuzzing=False, timezone="UTC")
    return p


def test_new_card_is_multiple_choice_then_typed_once_known(profile):
    """A new card is asked as multiple choice (a right pick is graded Hard: it may be a
    guess); once graduated through its learning steps it is typed."""
    d = deck(card("a", "Nikolai Yezhov"))
    session = StudySession(d, profile, NOW, random.Random(1))
    shown = session.next_card(NOW)
    assert shown.mode == "choice" and set(shown.choices) == set(d.cards[0].choices)
    result = session.answer("Nikolai Yezhov", NOW, 3000)
    assert (result.correct, result.rating, result.interval) == (True, Rating.Hard, "6m")
    later = NOW
    for step, interval in ((6, "10m"), (10, "1d")):
        later += timedelta(minutes=step)
        assert session.next_card(later).mode == "choice"
        result = session.answer("Nikolai Yezhov", later, 3000)
        assert (result.rating, result.interval) == (Rating.Good, interval)
    assert session.states["a"].is_review
    shown = session.next_card(later + timedelta(days=3))
    assert shown.mode == "typed"
    result = session.answer("Yezhof", later + timedelta(days=3), 3000)
    assert result.correct and result.near_miss and result.rating == Rating.Hard


def test_a_right_pick_counts_as_good_once_the_card_has_been_answered(profile):
    """Only the first answer to a card, picked among choices, is held to be recognition:
    a right choice on a card answered before (here after "I don't know") is Good."""
    session = StudySession(deck(card("a", "Nikolai Yezhov")), profile, NOW, random.Random(1))
    session.next_card(NOW)
    session.dont_know(NOW, 3000)
    later = NOW + timedelta(minutes=1)
    assert session.next_card(later).mode == "choice"
    assert session.answer("Nikolai Yezhov", later, 3000).rating == Rating.Good


def test_a_right_true_false_answer_to_a_new_card_is_hard(profile):
    """A new true/false card answered rightly is graded Hard (an even chance to guess)."""
    d = deck(card("a", kind="truefalse", truth=True))
    session = StudySession(d, profile, NOW, random.Random(1))
    assert session.next_card(NOW).mode == "truefalse"
    assert session.answer(True, NOW, 2000).rating == Rating.Hard


def test_flashcard_always_available(profile):
    """Any card can be shown as a flashcard and self-graded."""
    session = StudySession(plain_deck(2), profile, NOW, random.Random(1))
    session.next_card(NOW)
    assert session.show_as("flashcard").mode == "flashcard"
    assert session.preview(NOW)[Rating.Good] == "10m"
    result = session.grade_flashcard(Rating.Easy, NOW, 2000)
    assert result.interval == "8d"


def test_siblings_buried_for_the_day(profile):
    """Once a card is answered its siblings wait until the next study day."""
    d = deck(card("a", siblings=("b",)), card("b"), card("c"))
    session = StudySession(d, profile, NOW, random.Random(1))
    assert session.next_card(NOW).card.id == "a"
    session.answer("Yezhov", NOW, 2000)
    assert session.next_card(NOW).card.id == "c"
    assert session.states["b"].buried_until == datetime(2025, 3, 2, 4, tzinfo=UTC)


def test_a_card_of_several_facts_is_not_buried_by_one_of_them(profile):
    """An ordering card made of several facts neither waits when a card of one of its facts
    is answered, nor sends that card away; cards of the very same fact still wait."""
    order = card(
        "order",
        kind="ordering",
        fact_ids=("f-a", "f-b", "f-c"),
        items=("A", "B", "C"),
        siblings=("a", "a2", "b"),
    )
    d = deck(
        card("a", siblings=("a2", "order")),
        card("a2", fact_ids=("f-a",)),
        card("b", siblings=("order",)),
        order,
    )
    session = StudySession(d, profile, NOW, random.Random(1))
    assert session.next_card(NOW).card.id == "a"
    session.answer("Yezhov", NOW, 2000)
    assert session.states["a2"].buried(NOW)
    assert "order" not in session.states or not session.states["order"].buried(NOW)
    shown = []
    while (current := session.next_card(NOW)) is not None:
        shown.append(current.card.id)
        if current.mode == "ordering":
            session.answer(("A", "B", "C"), NOW, 5000)
        else:
            session.answer("Yezhov", NOW, 2000)
        if len(shown) > 6:
            break
    assert "order" in shown and "b" in shown


@pytest.mark.parametrize("action", ["bury", "suspend"])
def test_bury_and_suspend_hold_the_siblings_for_the_day(profile, action):
    """A card buried or suspended keeps its siblings away until the next study day too, so
    the next card never gives away the answer of the one just put aside."""
    d = deck(card("a", siblings=("b",)), card("b"), card("c"))
    session = StudySession(d, profile, NOW, random.Random(1))
    assert session.next_card(NOW).card.id == "a"
    getattr(session, action)(NOW)
    assert session.next_card(NOW).card.id == "c"
    assert session.states["b"].buried_until == datetime(2025, 3, 2, 4, tzinfo=UTC)
    assert profile.card_states()["b"].buried_until == datetime(2025, 3, 2, 4, tzinfo=UTC)


def study_day(session, now, act=None):
    """Show every card the session has for now; each is graded Easy (so it is not back
    today), or given to ``act`` when that returns True. The ids shown, in order."""
    shown = []
    while (presented := session.next_card(now)) is not None:
        shown.append(presented.card.id)
        if act is None or not act(session, presented.card.id):
            session.show_as("flashcard")
            session.grade_flashcard(Rating.Easy, now, 3000)
    return shown


@pytest.mark.parametrize("action", ["answer", "bury"])
def test_a_card_that_gives_another_away_keeps_it_for_tomorrow(profile, action):
    """Of two new cards where one tells the other's answer, the one shown first (answered or
    buried) keeps the other away until the next study day; then it is new again."""
    asked = card("asked", "Beria", prompt="Who replaced Yezhov as head of the NKVD in 1938?")
    deputy = card(
        "deputy",
        "21 August 1938",
        prompt="On what date did the Politburo appoint Beria Yezhov's deputy at the NKVD?",
    )
    profile.update_settings(new_per_day=100)
    session = StudySession(
        deck(asked, deputy, *plain_deck(20).cards), profile, NOW, random.Random(1)
    )

    def bury(session, card_id):
        if action == "bury" and card_id in ("asked", "deputy"):
            session.bury(NOW)
            return True
        return False

    today = study_day(session, NOW, bury)
    (first,) = {"asked", "deputy"} & set(today)
    (other,) = {"asked", "deputy"} - {first}
    assert len(today) == 21
    assert session.states[other].buried_until == datetime(2025, 3, 2, 4, tzinfo=UTC)
    assert session.states[other].is_new
    tomorrow = NOW + timedelta(days=1)
    assert other in session.queue.pools(session.states, tomorrow, 0, 0)[3]  # new again


def test_new_cards_keep_their_order_across_a_reopen(home):
    """A profile closed after three new cards and opened again the same day goes on where it
    was in its own order of new cards (mixed, not the deck file's), whatever the random draws
    of either session."""
    cards = mixed_deck()
    with open_profile("learner") as profile:
        profile.update_settings(timezone="UTC", new_per_day=8)
        session = StudySession(cards, profile, NOW, random.Random(1))
        planned = session.queue.pools(session.states, NOW, 0, 0)[3]
        first = []
        for _ in range(3):
            first.append(session.next_card(NOW).card.id)
            session.show_as("flashcard")
            session.grade_flashcard(Rating.Easy, NOW, 3000)
    with open_profile("learner") as profile:
        session = StudySession(cards, profile, NOW + timedelta(hours=1), random.Random(2))
        assert session.counts(NOW + timedelta(hours=1)).new == 5
        later = study_day(session, NOW + timedelta(hours=1))
    assert first + later == planned
    assert planned != [c.id for c in cards.cards][:8]


def test_undo_restores_state_and_removes_the_log_entry(profile):
    """Undo gives the card back with its old state; the review leaves the log and counts."""
    session = StudySession(plain_deck(2), profile, NOW, random.Random(1))
    first = session.next_card(NOW).card.id
    session.answer("wrong", NOW, 2000)
    shown = session.undo()
    assert shown.card.id == first and session.states[first].is_new
    assert list(profile.reviews()) == [] and profile.day_counts("2025-03-01").reviews == 0
    assert session.next_card(NOW) is shown


def test_bury_suspend_and_leech_flags(profile):
    """Bury and suspend take the current card out of the queue."""
    session = StudySession(plain_deck(3), profile, NOW, random.Random(1))
    session.next_card(NOW)
    session.bury(NOW)
    session.next_card(NOW)
    session.suspend(NOW)
    assert session.next_card(NOW).card.id == "c002"
    assert session.counts(NOW).new == 1


def test_summary_and_home_screen_figures(profile):
    """Summary, deck stats and today's line agree with what was answered."""
    d = plain_deck(4)
    session = StudySession(d, profile, NOW, random.Random(1))
    shown = []
    for right in (True, False, True):
        shown.append(session.next_card(NOW).card)
        session.answer(shown[-1].answer if right else "wrong", NOW, 4000)
    summary = session.summary(NOW)
    assert (summary.reviewed, summary.correct, summary.streak) == (3, 2, 1)
    assert summary.hardest[0] == shown[1]
    stats = deck_stats(d, profile, NOW)
    assert (stats.cards, stats.new, stats.learning) == (4, 1, 3)
    today = Figures(profile, NOW).today()
    assert (today.reviews_done, today.streak, today.goal_met) == (3, 1, False)


def test_regenerated_deck_keeps_progress(profile):
    """Cards whose id survives keep progress; new ones are new; gone ones keep history."""
    session = StudySession(plain_deck(3), profile, NOW, random.Random(1))
    for _ in range(3):
        session.next_card(NOW)
        session.answer("x", NOW, 1000)
    regenerated = deck(*plain_deck(3).cards[1:], card("fresh"))
    again = StudySession(regenerated, profile, NOW, random.Random(1))
    assert again.counts(NOW).new == 1
    assert deck_stats(regenerated, profile, NOW).new == 1
    states = profile.card_states()
    assert not any(states[cid].is_new for cid in ("c000", "c001", "c002"))


def test_known_card_stays_multiple_choice_with_the_progression_off(profile):
    """With typed_after_learning off, a graduated card is asked as multiple choice."""
    assert profile.update_settings(typed_after_learning=False) == []
    d = deck(card("a", "Nikolai Yezhov"))
    session = StudySession(d, profile, NOW, random.Random(1))
    session.next_card(NOW)
    session.grade_flashcard(Rating.Easy, NOW, 2000)
    later = NOW + timedelta(days=8)
    assert session.states["a"].is_review
    assert session.next_card(later).mode == "choice"


def answered_typed(profile, typed="Molotov"):
    """A session whose first card (typed, as it has no choices) was answered with ``typed``."""
    d = deck(card("a", choices=()), card("b", "Beria", choices=()))
    session = StudySession(d, profile, NOW, random.Random(1))
    assert session.next_card(NOW).mode == "typed"
    return session, session.answer(typed, NOW, 6500)


def test_regrade_replaces_the_rating_and_keeps_the_response(profile):
    """A wrong typed answer regraded Good: next due 10 minutes after it, log entry kept."""
    session, first = answered_typed(profile)
    assert (first.rating, first.interval, first.correct) == (Rating.Again, "1m", False)
    later = NOW + timedelta(seconds=40)
    result = session.regrade(Rating.Good, later)
    assert (result.rating, result.correct, result.interval) == (Rating.Good, True, "10m")
    assert result.next_due == NOW + timedelta(minutes=10)
    assert (result.given, result.elapsed_ms, result.card.id) == ("Molotov", 6500, "a")
    assert session.states["a"].due == NOW + timedelta(minutes=10)
    (logged,) = profile.reviews()
    assert (logged.rating, logged.correct, logged.given, logged.elapsed_ms) == (
        int(Rating.Good),
        True,
        "Molotov",
        6500,
    )
    assert logged.reviewed_at == NOW.isoformat() and logged.mode == "typed"
    counts = profile.day_counts("2025-03-01")
    assert (counts.reviews, counts.correct, counts.new) == (1, 1, 1)
    assert session.record.correct == 1 and session.summary(later).hardest == ()


def test_regrade_is_on_disk(home):
    """A changed grade is durable: a reopened profile holds the new rating and due date."""
    with open_profile("learner") as profile:
        profile.update_settings(fuzzing=False, timezone="UTC")
        session, first = answered_typed(profile, "Yezhov")
        assert first.rating == Rating.Good
        session.regrade(Rating.Again, NOW)
        review_id = session._undo[-1][0].id
    with open_profile("learner") as profile:
        (logged,) = profile.reviews()
        assert (logged.id, logged.rating, logged.correct) == (review_id, 1, False)
        assert profile.card_states()["a"].due == NOW + timedelta(minutes=1)
        assert profile.card_states()["a"].lapses == 0
        assert profile.day_counts("2025-03-01").correct == 0


def test_regrade_twice_keeps_one_log_entry(profile):
    """Changing the grade again replaces it again; the card's state follows the last grade."""
    session, _ = answered_typed(profile)
    session.regrade(Rating.Easy, NOW)
    result = session.regrade(Rating.Hard, NOW)
    assert result.interval == "6m" and len(list(profile.reviews())) == 1
    assert session.states["a"].due == NOW + timedelta(minutes=5, seconds=30)
    assert profile.day_counts("2025-03-01").reviews == 1


def test_undo_after_regrade_takes_back_the_whole_answer(profile):
    """Undo after a regrade restores the card as it was before the answer, with nothing logged."""
    session, _ = answered_typed(profile)
    session.regrade(Rating.Good, NOW)
    shown = session.undo()
    assert shown.card.id == "a" and session.states["a"].is_new
    assert list(profile.reviews()) == []
    counts = profile.day_counts("2025-03-01")
    assert (counts.reviews, counts.correct, counts.new) == (0, 0, 0)
    assert (session.record.reviewed, session.record.correct) == (0, 0)
    assert not session.can_undo


def test_regrade_needs_an_answer(profile):
    """Regrading before anything was answered is refused."""
    session = StudySession(plain_deck(1), profile, NOW, random.Random(1))
    session.next_card(NOW)
    with pytest.raises(RuntimeError, match="nothing has been answered"):
        session.regrade(Rating.Good, NOW)


def test_can_undo_follows_the_answers(profile):
    """can_undo is false before an answer, true after one, false again once it is undone."""
    session = StudySession(plain_deck(2), profile, NOW, random.Random(1))
    assert not session.can_undo
    session.next_card(NOW)
    session.answer("Answer 0", NOW, 1000)
    assert session.can_undo
    session.undo()
    assert not session.can_undo


def test_bury_suspend_flag_the_card_just_answered(profile):
    """With no card shown, bury, suspend and flag act on the card answered last."""
    session = StudySession(plain_deck(3), profile, NOW, random.Random(1))
    first = session.next_card(NOW).card
    session.answer(first.answer, NOW, 1000)
    flag = session.flag("wrong date", NOW)
    assert (flag.card_id, flag.prompt) == (first.id, first.prompt)
    session.bury(NOW)
    assert session.states[first.id].buried_until == datetime(2025, 3, 2, 4, tzinfo=UTC)
    assert session.states[first.id].reps == 1  # the answer is kept
    second = session.next_card(NOW).card
    session.answer(second.answer, NOW, 1000)
    session.suspend(NOW)
    assert session.states[second.id].suspended
    (third,) = {"c000", "c001", "c002"} - {first.id, second.id}
    assert session.next_card(NOW).card.id == third
    assert session.next_card(NOW + timedelta(minutes=30)).card.id == third
    assert [f["note"] for f in profile.flags()] == ["wrong date"]


def test_bury_suspend_flag_by_card_id(profile):
    """An explicit card id is acted on and the card being shown stays shown."""
    session = StudySession(plain_deck(3), profile, NOW, random.Random(1))
    shown = session.next_card(NOW)
    flagged, suspended = sorted({"c000", "c001", "c002"} - {shown.card.id})
    session.suspend(NOW, card_id=suspended)
    session.flag("typo", NOW, card_id=flagged)
    assert session.next_card(NOW) is shown
    assert session.states[suspended].suspended and profile.flags()[0]["card_id"] == flagged
    with pytest.raises(ValueError, match="not in this deck"):
        session.bury(NOW, card_id="nope")


def test_nothing_to_act_on(profile):
    """Before any card is shown or answered, bury has nothing to act on."""
    session = StudySession(plain_deck(1), profile, NOW, random.Random(1))
    with pytest.raises(RuntimeError):
        session.bury(NOW)


def test_regrade_keeps_a_suspension_made_after_the_answer(profile):
    """Suspending the answered card, then changing its grade, leaves it suspended."""
    session, _ = answered_typed(profile)
    session.suspend(NOW)
    session.regrade(Rating.Good, NOW)
    assert session.states["a"].suspended
    assert [review.rating for review in profile.reviews()] == [int(Rating.Good)]


def test_a_matching_card_is_right_only_when_every_pair_is(profile):
    """A matching answer lists what was matched with each item; all pairs must be right,
    and the log keeps the pairs given."""
    matching = card(
        "m",
        "A → 1; B → 2; C → 3",
        kind="matching",
        answer_type="pairs",
        items=("A", "B", "C"),
        matches=("1", "2", "3"),
        choices=(),
    )
    session = StudySession(deck(matching), profile, NOW, random.Random(1))
    shown = session.next_card(NOW)
    assert shown.mode == "matching" and sorted(shown.items) == ["1", "2", "3"]
    wrong = session.answer(("1", "3", "2"), NOW, 9000)
    assert not wrong.correct and wrong.rating == Rating.Again
    assert wrong.given == "A → 1; B → 3; C → 2"
    later = NOW + timedelta(minutes=10)
    assert session.next_card(later) is not None
    right = session.answer(("1", "2", "3"), later, 9000)
    assert right.correct and right.rating == Rating.Good


def test_a_sized_session_keeps_to_its_first_cards(profile):
    """With a size, the session shows and counts only the first cards due; a card answered
    still sends its siblings outside that set to the next day."""
    d = deck(card("a", siblings=("e",)), card("b"), card("c"), card("d"), card("e"))
    session = StudySession(d, profile, NOW, random.Random(1), size=2)
    assert session.counts(NOW).new == 2
    shown = []
    while (presented := session.next_card(NOW)) is not None:
        shown.append(presented.card.id)
        session.answer("Yezhov", NOW, 2000)
        assert len(shown) < 10
    assert set(shown) == {"a", "b"}
    assert session.states["e"].buried_until == datetime(2025, 3, 2, 4, tzinfo=UTC)


def test_an_ordering_result_keeps_the_order_given_through_a_regrade(profile):
    """The result of an ordering answer holds the items in the order given, also regraded."""
    items = ("first", "second", "third")
    d = deck(
        card("o", " → ".join(items), kind="ordering", items=items, answer_type="order", choices=())
    )
    session = StudySession(d, profile, NOW, random.Random(1))
    assert session.next_card(NOW).mode == "ordering"
    given = ("second", "first", "third")
    result = session.answer(given, NOW, 4000)
    assert not result.correct and result.order == given
    assert session.regrade(Rating.Good, NOW).order == given


def test_ordering_cards_are_not_kept_away_by_the_questions_of_their_events(profile):
    """In the shipped chronology deck, a dozen answers keep no ordering card away for the day
    (an ordering card shares an event with many questions; siblings and giveaways bury only
    between cards of one fact each)."""
    from purgequiz.decks.catalog import find_deck

    chronology = find_deck("chronology")
    session = StudySession(chronology, profile, NOW, random.Random(1))
    for _ in range(13):
        shown = session.next_card(NOW)
        if shown.mode == "ordering":
            session.answer(tuple(shown.card.items), NOW, 5000)
        elif shown.mode == "flashcard":
            session.grade_flashcard(Rating.Good, NOW, 3000)
        else:
            session.answer(shown.card.answer, NOW, 3000)
    orderings = [c.id for c in chronology.cards if c.kind == "ordering"]
    assert len(orderings) > 30
    assert not [c for c in orderings if c in session.states and session.states[c].buried(NOW)]
