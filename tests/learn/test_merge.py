"""The import merge policy: the state reviewed last wins; records already kept are not added."""

from datetime import UTC, datetime

from purgequiz.learn.merge import plan_merge
from purgequiz.learn.records import Review
from purgequiz.learn.scheduler import CardProgress

EARLY = datetime(2025, 3, 1, 9, tzinfo=UTC)
LATE = datetime(2025, 3, 2, 9, tzinfo=UTC)


def _review(review_id: str) -> Review:
    return Review(
        review_id,
        "c1",
        "2025-03-01",
        EARLY.isoformat(),
        "choice",
        3,
        True,
        False,
        "x",
        1000,
        True,
        False,
        CardProgress("c1").to_dict(),
    )


def _plan(mine, states, reviews=(), known=()):
    return plan_merge(
        mine=mine,
        states=states,
        reviews=reviews,
        flags=[{"id": "f1"}, {"id": "f2"}],
        sessions=[{"id": "s1", "started_at": EARLY.isoformat()}],
        has_review=lambda review: review.id in known,
        has_flag=lambda flag_id: flag_id == "f1",
        has_session=lambda session: False,
    )


def test_the_state_reviewed_last_wins():
    """An incoming state replaces ours only if reviewed later; a card new to us is taken."""
    mine = {"c1": CardProgress("c1", last_review=LATE), "c2": CardProgress("c2", last_review=EARLY)}
    plan = _plan(
        mine,
        [
            CardProgress("c1", last_review=EARLY),
            CardProgress("c2", last_review=LATE),
            CardProgress("c3"),
            CardProgress("c2"),  # never reviewed: loses to the one taken just before
        ],
    )
    assert [(s.card_id, s.last_review) for s in plan.states] == [("c2", LATE), ("c3", None)]


def test_records_already_kept_are_not_added_and_each_is_added_once():
    """Reviews and flags we hold are left out, and a review twice in the file is added once."""
    plan = _plan({}, [], [_review("r1"), _review("r2"), _review("r2")], known={"r1"})
    assert [r.id for r in plan.reviews] == ["r2"]
    assert [f["id"] for f in plan.flags] == ["f2"]
    assert [s["id"] for s in plan.sessions] == ["s1"]
