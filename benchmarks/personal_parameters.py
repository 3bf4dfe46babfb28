"""What personal FSRS parameters (`purgequiz optimize`) gain for a student who forgets faster
than FSRS's defaults expect.

A simulated student studies the shipped deck of every question (purges-all) as flashcards,
through the app's own study session (StudySession over an in-memory profile), one sitting a
day, grading each card Again when it is not recalled and Good when it is. The student's
memory is a small model of its own, hidden from the scheduler:

* each card has a hidden stability H (days): the chance of recalling it t days after it was
  last seen is 0.9 ** (t / H), so H is when the chance falls to 90%;
* the first time a card is shown the student knows it or guesses it right six times in ten,
  and learns it either way: H = 0.3 days;
* a recall strengthens the memory the more, the harder it was: H = H * (1.05 + 3 * (1 - R)),
  where R was the chance of recalling it (a third longer at R = 0.9);
* a card forgotten is learnt again from a quarter of its stability (at least 0.1 days).

FSRS's defaults expect a new card answered Good to be held at 90% for 2.3 days, and each
recall at 90% to make that two or three times longer; this student holds it for a third of a
day and gains a third. So the defaults schedule reviews too late, and FSRS's predictions of
recall are too high.

1. Calibration. The student studies ``--days`` days with FSRS's defaults; the parameters
   are fitted (py-fsrs's optimizer, as `purgequiz optimize` does) to the reviews of the first
   half of those days, and both sets of parameters predict the recall of the reviews of the
   second half (held out of the fit): log loss, and the RMSE between
   predicted and actual recall over 20 bins of prediction. Lower is better for both.
2. The schedule. The same student (same seed) studies ``--days`` days from scratch with
   each set of parameters, aiming at 90% recall: the answers it takes, and the share of
   reviews of learnt cards (a day or more after the card's previous review) that the
   student recalled, against the 90% aimed at. Then the defaults are asked for more
   (desired retention raised by 0.03 at a time) until they reach the retention the fitted
   parameters reach, and the answers that takes.

    python benchmarks/personal_parameters.py [--days 120] [--per-day 80] [--seed 1]

Needs the optimizer: pip install -e '.[optimizer]'. Nothing is written to disk.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

START = datetime(2026, 1, 5, 15, tzinfo=UTC)  # a Monday afternoon, study days from 04:00 UTC


@dataclass
class Memory:
    """The student's hidden memory of each card: stability (days) and when last seen."""

    rng: random.Random
    held: dict[str, tuple[float, datetime]] = field(default_factory=dict)

    def recalls(self, card_id: str, now: datetime) -> bool:
        """Whether the student recalls the card now; the memory changes by being asked."""
        if card_id not in self.held:
            recalled = self.rng.random() < 0.6
            self.held[card_id] = (0.3, now)
            return recalled
        stability, seen = self.held[card_id]
        chance = 0.9 ** ((now - seen).total_seconds() / 86400 / stability)
        recalled = self.rng.random() < chance
        if recalled:
            stability *= 1.05 + 3 * (1 - chance)
        else:
            stability = max(0.1, stability / 4)
        self.held[card_id] = (stability, now)
        return recalled


@dataclass(frozen=True)
class Run:
    """What one simulated study left: the review log and its figures."""

    reviews: list  # purgequiz.learn.records.Review
    answers: int
    retention: float  # the share of reviews of learnt cards recalled
    retention_reviews: int


def study(
    days: int,
    per_day: int,
    seed: int,
    parameters: Sequence[float] = (),
    desired_retention: float = 0.90,
) -> Run:
    """The student's ``days`` days of study, one sitting a day of at most ``per_day``
    answers, scheduled with ``parameters`` (() for FSRS's defaults)."""
    from purgequiz.decks.fileformat import read_deck
    from purgequiz.learn.memory import MemoryProfile
    from purgequiz.learn.scheduler import Rating
    from purgequiz.learn.session import StudySession
    from purgequiz.learn.settings import Settings
    from purgequiz.paths import bundled_decks_dir

    deck = read_deck(bundled_decks_dir() / "purges-all.json")
    settings = Settings(
        parameters=tuple(parameters),
        desired_retention=desired_retention,
        flashcards_only=True,
        new_per_day=4,
        reviews_per_day=9999,
        timezone="UTC",
    )
    profile = MemoryProfile("student", settings, order_seed=seed)
    rng = random.Random(seed)
    memory = Memory(random.Random(seed + 1))
    answers = 0
    for day in range(days):
        now = START + timedelta(days=day, minutes=rng.uniform(0, 90))
        session = StudySession(deck, profile, now, rng)
        for _ in range(per_day):
            shown = session.next_card(now)
            if shown is None:
                waiting = session.waiting_until
                if waiting is None or waiting - now > timedelta(minutes=30):
                    break  # nothing left today but cards due after the sitting
                now = waiting
                shown = session.next_card(now)
                if shown is None:
                    break
            session.show_as("flashcard", now)
            recalled = memory.recalls(shown.card.id, now)
            elapsed = rng.randint(4000, 12000)
            now += timedelta(milliseconds=elapsed)
            session.grade_flashcard(Rating.Good if recalled else Rating.Again, now, elapsed)
            answers += 1
            now += timedelta(seconds=3)
        session.summary(now)
    reviews = list(profile.reviews())
    return Run(reviews, answers, *_retention(reviews))


def _retention(reviews: list) -> tuple[float, int]:
    """The share of reviews a day or more after the card's previous one that were recalled."""
    last: dict[str, datetime] = {}
    recalled = total = 0
    for review in reviews:
        at = datetime.fromisoformat(review.reviewed_at)
        before = last.get(review.card_id)
        if before is not None and (at - before).days > 0:
            total += 1
            recalled += review.rating != 1
        last[review.card_id] = at
    return (recalled / total if total else float("nan")), total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--days", type=int, default=120, help="days of study (default 120)")
    parser.add_argument(
        "--per-day", type=int, default=80, help="answers at most in a sitting (default 80)"
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)

    from purgequiz.learn import personal

    try:
        personal.check_optimizer()
    except personal.OptimizerMissing as error:
        print(f"personal_parameters.py: {error}", file=sys.stderr)
        return 1

    started = time.perf_counter()
    first = study(args.days, args.per_day, args.seed)
    logs = personal.review_logs(first.reviews)
    split = START + timedelta(days=args.days // 2)
    training = [log for log in logs if log.review_datetime < split]
    print(
        f"A student who forgets faster than FSRS's defaults expect: {args.days} days with the "
        f"defaults, {len(logs):,} answers; the fit learns from the first {args.days // 2} "
        f"days ({personal.counted(training):,} counted reviews)"
    )
    fitted = personal.fit(training)
    if personal.counted(training) < 512:
        print("(too few for py-fsrs's optimizer, which keeps FSRS's defaults below 512)")
    print()
    print(f"1. Calibration on the reviews of the last {args.days - args.days // 2} days")
    rows = []
    for name, parameters in (("FSRS's defaults", personal.DEFAULT_PARAMETERS), ("fitted", fitted)):
        held_out = personal.calibration(logs, parameters, since=split)
        rows.append(
            (name, f"{held_out.reviews:,}", f"{held_out.log_loss:.4f}", f"{held_out.rmse:.4f}")
        )
    _print_table(["parameters", "reviews", "log loss", "RMSE (bins)"], rows)

    print()
    print(f"2. The schedule: {args.days} days from the start with each, aiming at 90% recall")
    defaults = study(args.days, args.per_day, args.seed)
    mine = study(args.days, args.per_day, args.seed, fitted)
    runs = [("FSRS's defaults", 0.90, defaults), ("fitted", 0.90, mine)]
    desired, last = 0.90, defaults
    while last.retention < mine.retention and desired < 0.99:
        desired = round(desired + 0.03, 2)
        last = study(args.days, args.per_day, args.seed, (), desired)
        runs.append(("FSRS's defaults", desired, last))
    _print_table(
        ["parameters", "desired", "answers", "reviews of learnt cards", "recalled"],
        [
            (
                name,
                f"{want:.2f}",
                f"{run.answers:,}",
                f"{run.retention_reviews:,}",
                f"{run.retention:.1%}",
            )
            for name, want, run in runs
        ],
    )
    print()
    print(f"fitted: {' '.join(f'{value:.3f}' for value in fitted)}")
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


def _print_table(headers: list[str], rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))]
    for row in [headers, *rows]:
        print(
            "  ".join(
                str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)
            ).rstrip()
        )


if __name__ == "__main__":
    sys.exit(main())
