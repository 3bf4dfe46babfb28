"""Personal FSRS parameters: FSRS fitted to one learner's own reviews.

FSRS predicts, for each card, the chance of recalling it after so many days (its forgetting
curve), from 21 parameters fitted by its authors to many people's reviews. A learner who
forgets faster or slower than those people is scheduled too late or too early. Here:

* :func:`review_logs`: a profile's scheduled reviews as fsrs ``ReviewLog``s (answers in
  practice are left out: they leave the schedule as it was, and are often asked again minutes
  later, which is not what the schedule is for);
* :func:`counted`: how many of them a fit learns from (as py-fsrs's optimizer counts them:
  a review a day or more after the card's previous one, among each card's first 64);
* :func:`calibration`: how well a set of parameters predicted the recalls in a log
  (log loss, and the RMSE over bins of predicted recall);
* :func:`fit`: the parameters py-fsrs's optimizer fits to a log. The optimizer needs torch
  (``pip install 'purgequiz[optimizer]'``); it is imported here only when a fit is asked for,
  and :class:`OptimizerMissing` says it is not installed.

Pure: reviews in, numbers out; nothing is read or written.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

import fsrs
from fsrs.scheduler import DEFAULT_PARAMETERS

from purgequiz.learn.records import Review
from purgequiz.learn.scheduler import fsrs_id

__all__ = [
    "DEFAULT_PARAMETERS",
    "INSTALL_HINT",
    "MIN_REVIEWS",
    "Calibration",
    "OptimizerMissing",
    "predictions",
    "calibration",
    "calibration_of",
    "check_optimizer",
    "counted",
    "fit",
    "review_logs",
]

# py-fsrs's optimizer changes nothing below one batch of 512 counted reviews, and at 512 its
# five passes take one step each; a thousand gives every pass two steps and each of the 21
# parameters some fifty reviews, few enough that a student of one deck reaches it in a term.
MIN_REVIEWS = 1000
INSTALL_HINT = "pip install 'purgequiz[optimizer]'"
_HISTORY = 64  # the optimizer learns from each card's first 64 reviews
_BINS = 20  # bins of predicted recall for the RMSE


class OptimizerMissing(Exception):
    """py-fsrs's optimizer (torch and its other needs) is not installed."""

    def __str__(self) -> str:
        return (
            "fitting FSRS's parameters needs py-fsrs's optimizer, which is not installed; "
            f"install it with: {INSTALL_HINT}"
        )


def review_logs(reviews: Iterable[Review]) -> list[fsrs.ReviewLog]:
    """The scheduled reviews among ``reviews`` (not the answers in practice), as fsrs logs."""
    return [
        fsrs.ReviewLog(
            card_id=fsrs_id(review.card_id),
            rating=fsrs.Rating(review.rating),
            review_datetime=datetime.fromisoformat(review.reviewed_at),
            review_duration=review.elapsed_ms,
        )
        for review in reviews
        if not review.practice
    ]


def _histories(logs: Iterable[fsrs.ReviewLog]) -> list[list[fsrs.ReviewLog]]:
    """Each card's reviews, oldest first."""
    by_card: dict[int, list[fsrs.ReviewLog]] = defaultdict(list)
    for log in logs:
        by_card[log.card_id].append(log)
    return [sorted(history, key=lambda log: log.review_datetime) for history in by_card.values()]


def _later_day(log: fsrs.ReviewLog, before: fsrs.ReviewLog) -> bool:
    return (log.review_datetime - before.review_datetime).days > 0


def counted(logs: Iterable[fsrs.ReviewLog]) -> int:
    """How many reviews a fit learns from: those a day or more after the card's previous
    review, among each card's first 64 (the same answers on one day tell nothing of
    forgetting over days)."""
    return sum(
        _later_day(log, before)
        for history in _histories(logs)
        for before, log in zip(history[: _HISTORY - 1], history[1:_HISTORY], strict=False)
    )


@dataclass(frozen=True)
class Calibration:
    """How well a set of parameters predicted ``reviews`` recalls (each a day or more after
    the card's previous review): the log loss (lower is better; 0.693 is a coin's) and the
    root mean square gap between predicted and actual recall over bins of prediction."""

    reviews: int
    log_loss: float
    rmse: float


def predictions(
    logs: Iterable[fsrs.ReviewLog],
    parameters: Sequence[float] = DEFAULT_PARAMETERS,
    since: datetime | None = None,
) -> list[tuple[float, bool]]:
    """For each review a day or more after its card's previous one (made at ``since`` or
    later, if given): the chance of recall FSRS with ``parameters`` gave it just before (from
    all the card's reviews until then), and whether it was recalled (any rating but Again)."""
    scheduler = fsrs.Scheduler(parameters=parameters, enable_fuzzing=False)
    out = []
    for history in _histories(logs):
        card = fsrs.Card(card_id=history[0].card_id, due=history[0].review_datetime)
        for number, log in enumerate(history):
            if (
                number
                and _later_day(log, history[number - 1])
                and (since is None or log.review_datetime >= since)
            ):
                predicted = scheduler.get_card_retrievability(card, log.review_datetime)
                out.append((float(predicted), log.rating != fsrs.Rating.Again))
            card, _ = scheduler.review_card(card, log.rating, log.review_datetime)
    return out


def calibration(
    logs: Iterable[fsrs.ReviewLog],
    parameters: Sequence[float] = DEFAULT_PARAMETERS,
    since: datetime | None = None,
) -> Calibration:
    """How well FSRS with ``parameters`` predicts the recalls in ``logs`` (those made at
    ``since`` or later, if given: a fit's held-out reviews)."""
    return calibration_of(predictions(logs, parameters, since))


def calibration_of(predicted: Sequence[tuple[float, bool]]) -> Calibration:
    """Log loss and binned RMSE of (predicted chance, recalled) pairs."""
    if not predicted:
        return Calibration(0, math.nan, math.nan)
    loss = 0.0
    bins: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])  # n, sum p, sum y
    for chance, recalled in predicted:
        p = min(max(chance, 1e-6), 1 - 1e-6)
        loss -= math.log(p if recalled else 1 - p)
        kept = bins[min(int(chance * _BINS), _BINS - 1)]
        kept[0] += 1
        kept[1] += chance
        kept[2] += recalled
    squares = sum((sum_p - sum_y) ** 2 / n for n, sum_p, sum_y in bins.values())
    return Calibration(len(predicted), loss / len(predicted), math.sqrt(squares / len(predicted)))


def check_optimizer() -> None:
    """Raise :class:`OptimizerMissing` unless py-fsrs's optimizer can be used (this imports
    torch: a second or so)."""
    try:
        from fsrs.optimizer import Optimizer

        Optimizer(())  # without torch, fsrs's stand-in raises ImportError here
    except ImportError:
        raise OptimizerMissing from None


def fit(logs: Sequence[fsrs.ReviewLog]) -> tuple[float, ...]:
    """FSRS's parameters fitted to ``logs`` by py-fsrs's optimizer (a few seconds for a
    thousand reviews; the same logs give the same parameters). Raises
    :class:`OptimizerMissing` when the optimizer is not installed."""
    check_optimizer()
    from fsrs.optimizer import Optimizer

    return tuple(float(value) for value in Optimizer(list(logs)).compute_optimal_parameters())
