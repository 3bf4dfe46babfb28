"""Practice: cards asked now, whether due or not, logged as practice, and the schedule left
byte for byte as it was; "I don't know" as an answer; missed cards put into today's study."""

import json
import random
from datetime import UTC, datetime, timedelta

import pytest
from deckkit import card, deck, plain_deck
from inmemory import MemoryProfile

from purgequiz.learn.practice import AGAIN_AFTER, PracticeSession, due_now, topic_counts
from purgequiz.learn.scheduler import CardProgress, Rating, State
from purgequiz.learn.session import StudySession
from purgequiz.store.profile import open_profile
from purgequiz.store.transfer import export_profile

NOW = datetime(2025, 3, 1, 9, tzinfo=UTC)


@pytest.fixture
def profile():
    p = MemoryProfile("learner")
    p.update_settings(fuzzing=False, timezone="UTC")
    return p


def studied(profile, d, answers: int, now=NOW) -> datetime:
    """``answers`` answers of study (every third one wrong); returns the time after them."""
    session = StudySession(d, profile, now, random.Random(3))
    for n in range(answers):
        shown = session.next_card(now)
        if shown is None:
            break
        session.answer(shown.card.answer if n % 3 else "wrong", now, 3000)
        now += timedelta(seconds=20)
    session.summary(now)
    return now


def schedule_bytes(profile) -> bytes:
    """Every card state as the profile stores it, as bytes."""
    return json.dumps(
        [s.to_dict() for _, s in sorted(profile.card_states().items())], sort_keys=True
    ).encode()


def practise_everything(session: PracticeSession, now: datetime) -> datetime:
    """Answer every card of a practice session: wrong, right, "I don't know", a flashcard,
    an undo and a changed grade among them."""
    n = 0
    while (shown := session.next_card(now)) is not None:
        n += 1
        if n % 4 == 0:
            session.dont_know(now, 2000)
        elif n % 4 == 1:
            session.show_as("flashcard")
            session.grade_flashcard(Rating.Easy, now, 2000)
        else:
            session.answer(shown.card.answer if n % 4 == 2 else "wrong", now, 2000)
        if n == 5:
            session.regrade(Rating.Good, now)
        if n == 6:
            session.undo()
        now += timedelta(seconds=5)
        assert n < 200
    session.summary(now)
    return now


def test_practice_leaves_every_card_state_byte_for_byte_as_it_was(home):
    """A whole practice session (right, wrong, "I don't know", flashcards, undo, a changed
    grade) leaves every stored card state, and the day's new and review counts, exactly as they
    were, on disk and after reopening; its answers are in the log, marked as practice."""
    d = plain_deck(12)
    with open_profile("Anna") as profile:
        profile.update_settings(fuzzing=False, timezone="UTC")
        now = studied(profile, d, 15)
        before = json.dumps(export_profile(profile)["cards"]).encode()
        day = profile.day_counts("2025-03-01")
        logged = len(list(profile.reviews()))
        session = PracticeSession(d, profile, now, random.Random(5))
        assert session.left == 12  # studied or not, due or not, every card
        practise_everything(session, now)
        assert json.dumps(export_profile(profile)["cards"]).encode() == before
    with open_profile("Anna") as profile:
        assert json.dumps(export_profile(profile)["cards"]).encode() == before
        after = profile.day_counts("2025-03-01")
        assert (after.new, after.review_cards) == (day.new, day.review_cards)
        practice = [r for r in profile.reviews() if r.practice]
        assert len(list(profile.reviews())) == logged + len(practice)
        assert after.practice == len(practice) > 12 and after.reviews == day.reviews + len(practice)
        assert all(
            r.after == profile.card_states()[r.card_id].to_dict()
            for r in practice
            if r.card_id in profile.card_states()
        )


def test_practice_of_cards_never_studied_makes_no_state(profile):
    """Cram of a deck never studied logs its answers and gives no card a state (nor a sibling
    a burial), and uses none of the day's new cards."""
    d = deck(card("a", siblings=("b",)), card("b"), card("c"))
    session = PracticeSession(d, profile, NOW, random.Random(1))
    practise_everything(session, NOW)
    assert profile.card_states() == {}
    counts = profile.day_counts("2025-03-01")
    assert (counts.new, counts.review_cards) == (0, 0) and counts.practice == counts.reviews > 0
    assert StudySession(d, profile, NOW, random.Random(1)).counts(NOW).new == 3


def test_a_practice_answer_says_it_scheduled_nothing(profile):
    """The result of a practice answer is marked practice, and a flashcard shows no
    intervals to choose from."""
    session = PracticeSession(plain_deck(2), profile, NOW, random.Random(1))
    session.next_card(NOW)
    session.show_as("flashcard")
    assert session.preview(NOW) == {}
    result = session.grade_flashcard(Rating.Good, NOW, 1000)
    assert result.practice and result.correct


def test_a_missed_card_comes_back_after_three_others_until_answered_right(profile):
    """In cram a card answered wrong comes back after AGAIN_AFTER other cards; answered
    right, it is done."""
    session = PracticeSession(plain_deck(6), profile, NOW, random.Random(2))
    first = session.next_card(NOW).card.id
    session.answer("wrong", NOW, 1000)
    order = []
    while (shown := session.next_card(NOW)) is not None:
        order.append(shown.card.id)
        session.answer(shown.card.answer, NOW, 1000)
    assert order.index(first) == AGAIN_AFTER and order.count(first) == 1 and len(order) == 6


def test_an_undo_puts_the_card_and_the_queue_back(profile):
    """Undo of a missed card in cram asks it again at once and takes it out of the queue
    again; a changed grade takes a missed card out of the queue."""
    session = PracticeSession(plain_deck(6), profile, NOW, random.Random(2))
    first = session.next_card(NOW).card.id
    session.answer("wrong", NOW, 1000)
    assert session.left == 6
    assert session.undo().card.id == first and session.left == 6
    session.answer("wrong", NOW, 1000)
    session.regrade(Rating.Good, NOW)
    assert session.left == 5 and first not in session._todo


def test_the_cards_are_chosen_and_sized(profile):
    """A practice keeps to ``card_ids``, leaves suspended cards out, and takes ``size`` of
    them in an order drawn from the Random given (the same for the same seed)."""
    d = plain_deck(10)
    profile.save_states([CardProgress("c003", suspended=True)])
    ids = {"c001", "c002", "c003", "c004", "c005"}
    one = PracticeSession(d, profile, NOW, random.Random(4), card_ids=ids, size=3)
    two = PracticeSession(d, profile, NOW, random.Random(4), card_ids=ids, size=3)
    assert one.asked == two.asked and len(one.asked) == 3
    assert set(one.asked) <= ids - {"c003"}
    assert set(PracticeSession(d, profile, NOW, random.Random(4), card_ids=ids).asked) == ids - {
        "c003"
    }


def test_graded_only_leaves_out_flashcards_and_asks_no_card_as_one(profile):
    """With graded_only a flashcard card is left out and, with "flashcards only" set, a
    question is still asked as multiple choice."""
    profile.update_settings(flashcards_only=True)
    d = deck(card("q"), card("f", kind="flashcard", choices=(), answer_type="text"))
    session = PracticeSession(d, profile, NOW, random.Random(1), graded_only=True)
    assert session.asked == ("q",)
    assert session.next_card(NOW).mode == "choice"


def test_an_unknown_mode_is_refused(profile):
    """A practice mode that does not exist is refused with the modes there are."""
    with pytest.raises(ValueError, match="cram, exam"):
        PracticeSession(plain_deck(1), profile, NOW, random.Random(1), mode="speed")


def test_the_session_record_names_the_practice(profile):
    """A practice session's record names its mode; it sets no personal best of study."""
    session = PracticeSession(plain_deck(25), profile, NOW, random.Random(1))
    while (shown := session.next_card(NOW)) is not None:
        session.answer(shown.card.answer, NOW, 1000)
    session.summary(NOW)
    assert [s["practice"] for s in profile.sessions()] == ["cram"]
    assert "session_accuracy" not in profile.bests() and "longest_session" not in profile.bests()


# -- "I don't know" -------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["question", "truefalse", "ordering", "matching", "flashcard"])
def test_i_dont_know_is_graded_again_with_no_guess(profile, kind):
    """ "I don't know", on a card of any kind, is graded Again and logged with no answer and
    marked as such; the card is scheduled as a miss."""
    fields = {
        "question": {},
        "truefalse": {"kind": "truefalse", "truth": True, "answer_type": "boolean"},
        "ordering": {"kind": "ordering", "items": ("1", "2", "3"), "answer_type": "order"},
        "matching": {
            "kind": "matching",
            "items": ("A", "B"),
            "matches": ("1", "2"),
            "answer_type": "pairs",
        },
        "flashcard": {"kind": "flashcard", "choices": (), "answer_type": "text"},
    }[kind]
    session = StudySession(deck(card("a", **fields)), profile, NOW, random.Random(1))
    session.next_card(NOW)
    result = session.dont_know(NOW, 4000)
    assert (result.rating, result.correct, result.given, result.dont_know) == (
        Rating.Again,
        False,
        "",
        True,
    )
    (review,) = profile.reviews()
    assert review.to_dict()["dont_know"] is True and review.given == "" and not review.practice
    assert profile.card_states()["a"].reps == 1 and result.interval == "1m"


def test_a_grade_changed_from_i_dont_know_drops_the_mark(profile):
    """ "I don't know" regraded Good is no longer marked so; regraded Again it stays so."""
    session = StudySession(plain_deck(1), profile, NOW, random.Random(1))
    session.next_card(NOW)
    session.dont_know(NOW, 1000)
    assert session.regrade(Rating.Again, NOW).dont_know
    assert not session.regrade(Rating.Good, NOW).dont_know
    assert "dont_know" not in next(iter(profile.reviews())).to_dict()


def test_a_review_of_study_keeps_its_stored_shape(profile):
    """A review of study is stored without the practice and "I don't know" marks."""
    session = StudySession(plain_deck(1), profile, NOW, random.Random(1))
    session.next_card(NOW)
    session.answer("Answer 0", NOW, 1000)
    doc = next(iter(profile.reviews())).to_dict()
    assert "practice" not in doc and "dont_know" not in doc
    assert "practice" not in profile.days()[0].to_dict()


# -- missed cards into today's study -------------------------------------------------------


def test_missed_cards_made_due_now_come_first_today(profile):
    """due_now makes studied cards due at once and unburied, leaves suspended ones alone,
    and a new card asked for comes first among today's new cards, past the day's limit."""
    profile.update_settings(new_per_day=0)
    later = NOW + timedelta(days=1)
    states = {
        "c000": CardProgress(
            "c000", State.Review, None, 9.0, 5.0, NOW + timedelta(days=9), NOW, reps=3
        ),
        "c001": CardProgress("c001", reps=2, buried_until=later + timedelta(hours=5)),
        "c002": CardProgress("c002", suspended=True),
    }
    made = due_now(states, ["c000", "c001", "c002", "c007", "c000"], later)
    assert [(s.card_id, s.due, s.buried_until) for s in made] == [
        ("c000", later, None),
        ("c001", later, None),
        ("c007", later, None),
    ]
    assert made[0].stability == states["c000"].stability and made[0].reps == 3
    profile.save_states(list(states.values()) + made)
    session = StudySession(plain_deck(10), profile, later, random.Random(1))
    seen = []
    while (shown := session.next_card(later)) is not None and len(seen) < 10:
        seen.append(shown.card.id)
        session.answer(shown.card.answer, later, 1000)
        later += timedelta(seconds=1)
    assert seen[:3] == ["c001", "c000", "c007"]  # learning, review, then the new card asked for
    assert "c002" not in seen and not {"c003", "c004"} & set(seen)


def test_topics_are_counted(profile):
    """Topics are listed with their number of cards, the largest first."""
    d = deck(card("a", topics=("army", "nkvd")), card("b", topics=("army",)), card("c"))
    assert topic_counts(d.cards) == [("army", 2), ("nkvd", 2)]


def test_a_new_card_asked_for_is_due_on_the_home_screen(profile, home):
    """A new card put into today's study counts as due today and due now, and still as new
    (read from states, and from a profile's stored form alike)."""
    from purgequiz.learn.stats import Figures

    d = plain_deck(4)
    profile.save_states(due_now({}, ["c001"], NOW))
    with open_profile("Anna") as stored:
        stored.update_settings(timezone="UTC")
        stored.save_states(due_now({}, ["c001"], NOW))
        for one in (profile, stored):
            figures = Figures(one, NOW + timedelta(minutes=1))
            deck_figures = figures.deck(d)
            assert (deck_figures.new, deck_figures.due_today, deck_figures.learning) == (4, 1, 0)
            assert (figures.today().due_now, figures.today().due_today) == (1, 1)
