"""The review log's tally: what the statistics count from the log, month by month."""

from __future__ import annotations

from purgequiz.learn.tally import ReviewTally, tally_reviews


def review(
    card: str,
    day: str,
    *,
    correct: bool,
    was_review: bool = False,
    mode: str = "choice",
    given: str = "",
    practice: bool = False,
) -> dict:
    found = {
        "card_id": card,
        "day": day,
        "correct": correct,
        "was_review": was_review,
        "mode": mode,
        "given": given,
    }
    return found | {"practice": True} if practice else found


def test_a_tally_counts_review_answers_per_day_misses_per_card_and_wrong_choices():
    """Answers to cards in review are counted per study day with the right ones; every answer
    per card with the wrong ones; a wrong multiple-choice answer by the choice picked, and
    a wrong typed answer or a right choice not at all."""
    tally = tally_reviews(
        [
            review("a", "2026-03-02", correct=True, was_review=True, given="Yezhov"),
            review("a", "2026-03-02", correct=False, was_review=True, given="Yagoda"),
            review("a", "2026-03-03", correct=False, given="Yagoda"),
            review("b", "2026-03-03", correct=False, mode="typed", given="Molotov"),
            review("b", "2026-03-03", correct=False, given=""),
        ]
    )
    assert tally.days == {"2026-03-02": [2, 1]}
    assert tally.cards == {"a": [3, 2], "b": [2, 2]}
    assert tally.picks == {"a": {"Yagoda": 2}}


def test_answers_in_practice_count_per_card_but_not_in_the_days_retention():
    """An answer in practice (cram, exam…) to a card in review says nothing of the schedule's
    retention, so it is left out of the day's count; it still counts for its card and its
    wrong choice."""
    tally = tally_reviews(
        [
            review("a", "2026-03-02", correct=True, was_review=True),
            review("a", "2026-03-02", correct=False, was_review=True, given="X", practice=True),
        ]
    )
    assert tally.days == {"2026-03-02": [1, 1]}
    assert tally.cards == {"a": [2, 1]}
    assert tally.picks == {"a": {"X": 1}}


def test_tallies_add_up_without_changing_the_one_added():
    """Adding a tally sums the counts key by key and leaves the added tally as it was."""
    first = ReviewTally({"2026-03-02": [2, 1]}, {"a": [3, 1]}, {"a": {"Yagoda": 1}})
    second = ReviewTally(
        {"2026-03-02": [1, 1], "2026-04-01": [4, 3]},
        {"a": [1, 1], "b": [2, 0]},
        {"a": {"Yagoda": 2, "Beria": 1}},
    )
    first.add(second)
    assert first.days == {"2026-03-02": [3, 2], "2026-04-01": [4, 3]}
    assert first.cards == {"a": [4, 2], "b": [2, 0]}
    assert first.picks == {"a": {"Yagoda": 3, "Beria": 1}}
    first.add(ReviewTally({"2026-04-01": [1, 0]}, {}, {}))
    assert second.days == {"2026-03-02": [1, 1], "2026-04-01": [4, 3]}
