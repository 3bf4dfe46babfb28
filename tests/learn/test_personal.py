"""Personal FSRS parameters: the log a fit learns from, the count it needs, calibration, and
the parameters kept in the settings and used by the scheduler."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import fsrs
import pytest
from fsrs.scheduler import DEFAULT_PARAMETERS
from msgspec import structs
from reviewkit import hide_optimizer, review_log

from purgequiz.learn import personal
from purgequiz.learn.scheduler import CardProgress, Rating, Scheduler, fsrs_id
from purgequiz.learn.settings import PARAMETER_COUNT, Settings

NOW = datetime(2026, 3, 2, 9, tzinfo=UTC)
# a learner's own parameters: FSRS's defaults with the first stabilities shorter
OWN = (0.1, 0.5, 1.1, *DEFAULT_PARAMETERS[3:])


def _log(card: int, day: float, rating: Rating = Rating.Good) -> fsrs.ReviewLog:
    return fsrs.ReviewLog(card, rating, NOW + timedelta(days=day), 4000)


def test_the_log_holds_scheduled_reviews_only():
    """Answers in practice are left out; a scheduled review keeps its card, rating, time and
    duration."""
    _, reviews = review_log(2, 3)
    practice = structs.replace(reviews[0], id="practice", practice=True, rating=1)
    logs = personal.review_logs([*reviews, practice])
    assert len(logs) == len(reviews)
    first = logs[0]
    assert first.card_id == fsrs_id(reviews[0].card_id)
    assert first.rating == fsrs.Rating(reviews[0].rating)
    assert first.review_datetime == datetime.fromisoformat(reviews[0].reviewed_at)
    assert first.review_duration == reviews[0].elapsed_ms


def test_a_fit_counts_reviews_a_day_or_more_after_the_previous_one():
    """Reviews on the card's first day or within a day of its previous review are not
    counted, nor any after a card's 64th, in whatever order the log holds them."""
    logs = [_log(1, 0), _log(1, 0.01), _log(1, 1.5), _log(1, 2.0), _log(1, 3.5), _log(2, 5)]
    assert personal.counted(reversed(logs)) == 2
    long = [_log(3, day) for day in range(100)]
    assert personal.counted(long) == 63


def test_calibration_of_known_predictions():
    """Log loss is the mean of -log(chance given to what happened); the RMSE compares the
    mean prediction of a bin with the share recalled in it."""
    found = personal.calibration_of([(0.8, True), (0.8, False)])
    assert found.reviews == 2
    assert found.log_loss == pytest.approx(-(math.log(0.8) + math.log(0.2)) / 2)
    assert found.rmse == pytest.approx(0.3)
    assert personal.calibration_of([]).reviews == 0


def test_predictions_are_fsrs_retrievability_before_each_review():
    """The chance given to a review is FSRS's retrievability of the card as its reviews
    until then left it, with the parameters asked for."""
    logs = [_log(1, 0), _log(1, 3, Rating.Again), _log(1, 4)]
    for parameters in (DEFAULT_PARAMETERS, OWN):
        scheduler = fsrs.Scheduler(parameters=parameters)
        card, _ = scheduler.review_card(fsrs.Card(card_id=1, due=NOW), Rating.Good, NOW)
        first = scheduler.get_card_retrievability(card, NOW + timedelta(days=3))
        card, _ = scheduler.review_card(card, Rating.Again, NOW + timedelta(days=3))
        second = scheduler.get_card_retrievability(card, NOW + timedelta(days=4))
        assert personal.predictions(logs, parameters) == [(first, False), (second, True)]


def test_no_optimizer_is_said_with_the_way_to_install_it(monkeypatch):
    """Without torch, asking for a fit raises OptimizerMissing naming the install command."""
    hide_optimizer(monkeypatch)
    with pytest.raises(personal.OptimizerMissing) as caught:
        personal.fit([_log(1, 0)])
    assert "pip install 'purgequiz[optimizer]'" in str(caught.value)


def test_the_scheduler_uses_the_settings_parameters():
    """A new card answered Good starts at the stability the parameters give Good (the third),
    FSRS's default without personal parameters."""
    card = CardProgress("c")
    mine = Scheduler(Settings(parameters=OWN)).review(card, Rating.Good, NOW)
    default = Scheduler(Settings()).review(card, Rating.Good, NOW)
    assert mine.stability == pytest.approx(OWN[2])
    assert default.stability == pytest.approx(DEFAULT_PARAMETERS[2])


@pytest.mark.parametrize(
    ("parameters", "message"),
    [
        ((0.2, 1.0), f"must be {PARAMETER_COUNT} numbers, not 2"),
        ((*OWN[:20], 5.0), "parameter(s) 20 (5.0) out of FSRS's bounds"),
        ((math.nan, *OWN[1:]), "parameter(s) 0 (nan) out of FSRS's bounds"),
        ((True, *OWN[1:]), "parameter(s) 0 (True) out of FSRS's bounds"),
    ],
)
def test_damaged_parameters_are_refused_with_the_way_back(parameters, message):
    """Parameters of the wrong count, out of FSRS's bounds or not numbers are one problem
    that names them and the command that returns to the defaults."""
    problems = Settings(parameters=parameters).problems()
    assert len(problems) == 1 and message in problems[0]
    assert "purgequiz optimize --reset" in problems[0]


def test_parameters_round_trip_in_the_stored_settings():
    """The parameters are stored as a list of numbers and read back as they were; settings
    stored without them use FSRS's defaults."""
    data = Settings(parameters=OWN).to_dict()
    assert data["parameters"] == list(OWN)
    assert Settings.from_dict(data).parameters == OWN
    del data["parameters"]
    assert Settings.from_dict(data).parameters == ()
    assert Settings().changed(parameters=list(OWN)).parameters == OWN


def test_held_out_reviews_are_predicted_from_the_whole_history():
    """With ``since``, only the reviews from then on are scored, each predicted from all the
    card's reviews before it."""
    logs = [_log(1, 0), _log(1, 3, Rating.Again), _log(1, 4)]
    every = personal.predictions(logs)
    assert personal.predictions(logs, since=NOW + timedelta(days=3.5)) == every[1:]
    later = personal.calibration(logs, since=NOW + timedelta(days=3.5))
    assert later == personal.calibration_of(every[1:]) and later.reviews == 1
