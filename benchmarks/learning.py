"""How efficiently purgequiz teaches: simulated students study the shipped all-questions deck
(decks/purges-all.json, 223 cards) for 90 days with a daily time budget, through purgequiz's
real study session (queue, presentation rule, grading from answers and response times, FSRS),
and, on the same students, the same hidden memories (same seeds), the same budget and the same
deck, through a Leitner schedule, SM-2 as Anki does it without FSRS, fixed intervals, cramming
before the test, and an oracle that sees each student's memory.

    python benchmarks/learning.py [--students 20] [--days 90] [--budget 15] [--seed 1]
                                  [--quick]

The students' hidden memory (prior knowledge, an exponential forgetting curve with noise,
guessing on multiple choice, slower answers when unsure, "I don't know") is described in
``learning_memory.py``; the other schedulers in ``learning_schedulers.py``; both are
summarised in docs/learning.md. Each study day has one sitting (at 18:00 UTC); an answer is
given only if it and the reading of its feedback fit in what is left of the day's budget, so
the minutes studied never exceed it. The test is the morning after the last study day.

Printed for each scheduler, over all students: cards known at the test (the hidden model's
recall ≥ 0.9), cards still known 30 days later with no more study, minutes studied a student,
known cards per hour of study, and the calibration of the recall the scheduler predicts
(FSRS's retrievability, before each answer to a card last studied on an earlier day) against
the hidden model: log loss against whether the student really recalled, RMSE over 20 bins of
predicted recall (weighted by answers per bin), and the mean predicted minus the mean true
recall (above 0: recall overrated). Schedulers that predict nothing show n/a. Then, last, the
ratios of known cards per hour against the targets: at least 1.3 × Leitner's, at least 1.15 ×
SM-2's, and at least 0.85 × the oracle's.

The default run (20 students, 90 days, 15 minutes) takes about 40 seconds on one core (it
uses one); ``--quick`` (3 students, 20 days) two seconds. Nothing is written to disk.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from learning_memory import KNOWN, Student, draw_students  # noqa: E402
from learning_schedulers import (  # noqa: E402
    CramTeacher,
    FixedTeacher,
    LeitnerTeacher,
    OracleTeacher,
    PurgequizTeacher,
    SM2Teacher,
    Teacher,
)

from purgequiz import paths  # noqa: E402
from purgequiz.decks.fileformat import read_deck  # noqa: E402
from purgequiz.decks.model import Deck  # noqa: E402
from purgequiz.learn.settings import Settings  # noqa: E402

START = datetime(2026, 1, 5, tzinfo=UTC)
SITTING = timedelta(hours=18)  # 17:00 to 21:00 UTC, see study()
LATER = timedelta(days=30)
TARGETS = (("Leitner", 1.3, "≥"), ("SM-2", 1.15, "≥"), ("oracle", 0.85, "≥"))


@dataclass
class Figures:
    """One scheduler's figures, summed over the students."""

    name: str
    students: int = 0
    known: int = 0
    known_later: int = 0
    ms: int = 0
    answers: int = 0
    max_day_ms: int = 0
    mismatches: int = 0
    calibration: list[tuple[float, float, bool]] = field(default_factory=list)
    segments: dict[str, list[tuple[float, float, bool]]] = field(default_factory=dict)

    @property
    def minutes(self) -> float:
        return self.ms / 60_000 / max(1, self.students)

    @property
    def per_hour(self) -> float:
        return self.known / (self.ms / 3_600_000) if self.ms else 0.0


def test_time(days: int) -> datetime:
    """The test: the morning after the last study day."""
    return START + timedelta(days=days, hours=9)


def shipped_deck() -> Deck:
    return read_deck(paths.bundled_decks_dir() / "purges-all.json")


def study(
    teacher: Teacher,
    student: Student,
    days: int,
    budget_ms: int,
    rng: random.Random,
    figures: Figures,
) -> None:
    """``days`` sittings of at most ``budget_ms`` each, ``teacher`` choosing the cards; the
    student sits down between 17:00 and 21:00 (the same times whoever the teacher is)."""
    hours = random.Random(f"sittings-{student.name}")
    for day in range(days):
        now = START + timedelta(days=day) + SITTING + timedelta(hours=hours.uniform(-1.0, 3.0))
        used = 0
        teacher.begin(now, day)
        while True:
            shown = teacher.next(now)
            if shown is None:
                break
            predicted = teacher.predicted(shown.card.id, now)
            true = student.recall(shown.card.id, now)
            outcome = student.answer(shown.card, shown.mode, shown.choices, now, rng)
            if used + outcome.total_ms > budget_ms:
                break
            now += timedelta(milliseconds=outcome.answer_ms)
            teacher.answered(outcome, now)
            student.study(shown.card.id, now, outcome.recalled, rng)
            now += timedelta(milliseconds=outcome.reading_ms)
            used += outcome.total_ms
            figures.answers += 1
            if predicted is not None:
                point = (predicted, true, outcome.recalled)
                figures.calibration.append(point)
                segment = getattr(teacher, "segment", "")
                figures.segments.setdefault(segment, []).append(point)
        teacher.end(now)
        figures.ms += used
        figures.max_day_ms = max(figures.max_day_ms, used)


Maker = Callable[[Deck, Settings, int, Student, random.Random, int], Teacher]

TEACHERS: dict[str, Maker] = {
    "purgequiz": lambda deck, s, seed, student, rng, days: PurgequizTeacher(deck, s, seed, rng),
    "Leitner": lambda deck, s, seed, student, rng, days: LeitnerTeacher(deck, s, seed),
    "SM-2": lambda deck, s, seed, student, rng, days: SM2Teacher(deck, s, seed),
    "fixed": lambda deck, s, seed, student, rng, days: FixedTeacher(deck, s, seed),
    "cramming": lambda deck, s, seed, student, rng, days: CramTeacher(deck, s, seed, days),
    "oracle": lambda deck, s, seed, student, rng, days: OracleTeacher(
        deck, s, seed, student, test_time(days)
    ),
}


def run(
    students: int, days: int, budget_min: float, seed: int, deck: Deck | None = None
) -> dict[str, Figures]:
    """Every scheduler on the same students (same hidden memories, same seeds), same budget,
    same deck; the figures of each, by its key in :data:`TEACHERS`."""
    deck = deck or shipped_deck()
    settings = Settings()
    budget_ms = int(budget_min * 60_000)
    test = test_time(days)
    cohort = draw_students(deck, students, seed, START)
    out = {key: Figures(key) for key in TEACHERS}
    for index, original in enumerate(cohort):
        order_seed = random.Random(f"order-{seed}-{index}").getrandbits(32)
        for key, make in TEACHERS.items():
            student = original.copy()
            shuffles = random.Random(f"app-{seed}-{index}")  # the app's own Random
            teacher = make(deck, settings, order_seed, student, shuffles, days)
            figures = out[key]
            figures.name = teacher.name
            study(
                teacher,
                student,
                days,
                budget_ms,
                random.Random(f"student-{seed}-{index}-a"),
                figures,
            )
            figures.students += 1
            figures.known += sum(student.recall(c.id, test) >= KNOWN for c in deck.cards)
            figures.known_later += sum(
                student.recall(c.id, test + LATER) >= KNOWN for c in deck.cards
            )
            figures.mismatches += getattr(teacher, "mismatches", 0)
    return out


def calibration(points: list[tuple[float, float, bool]]) -> tuple[float, float, float] | None:
    """(log loss, RMSE over 20 bins, mean predicted − mean true recall), or None."""
    if not points:
        return None
    loss = 0.0
    bins: dict[int, list[tuple[float, float, bool]]] = {}
    for predicted, true, recalled in points:
        p = min(max(predicted, 1e-6), 1 - 1e-6)
        loss -= math.log(p) if recalled else math.log(1 - p)
        bins.setdefault(min(19, int(predicted * 20)), []).append((predicted, true, recalled))
    squares = 0.0
    for members in bins.values():
        mean_p = sum(m[0] for m in members) / len(members)
        mean_y = sum(m[2] for m in members) / len(members)
        squares += len(members) * (mean_p - mean_y) ** 2
    bias = sum(p - t for p, t, _ in points) / len(points)
    return loss / len(points), math.sqrt(squares / len(points)), bias


def table(figures: dict[str, Figures], days: int) -> list[str]:
    head = (
        f"{'scheduler':<26} {'known':>6} {'+30 d':>6} {'min':>6} {'known/h':>8} "
        f"{'log loss':>8} {'RMSE':>6} {'bias':>6}"
    )
    lines = [head, "-" * len(head)]
    for fig in figures.values():
        n = max(1, fig.students)
        cal = calibration(fig.calibration)
        cal_text = (
            f"{cal[0]:>8.3f} {cal[1]:>6.3f} {cal[2]:>+6.3f}"
            if cal
            else f"{'n/a':>8} {'n/a':>6} {'n/a':>6}"
        )
        lines.append(
            f"{fig.name:<26} {fig.known / n:>6.1f} {fig.known_later / n:>6.1f} "
            f"{fig.minutes:>6.0f} {fig.per_hour:>8.1f} {cal_text}"
        )
    return lines


def ratios(figures: dict[str, Figures]) -> list[tuple[str, float, float, bool]]:
    """(peer, purgequiz's known per hour over the peer's, target, met)."""
    ours = figures["purgequiz"].per_hour
    out = []
    for peer, target, _ in TARGETS:
        theirs = figures[peer].per_hour
        ratio = ours / theirs if theirs else math.inf
        out.append((peer, ratio, target, ratio >= target))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=20)
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--budget", type=float, default=15.0, help="minutes a day")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--quick", action="store_true", help="3 students, 20 days")
    args = parser.parse_args(argv)
    if args.quick:
        args.students, args.days = 3, 20
    if args.students < 1 or args.days < 6 or args.budget <= 0:
        parser.error("--students must be at least 1, --days at least 6, --budget above 0")
    began = time.perf_counter()
    figures = run(args.students, args.days, args.budget, args.seed)
    took = time.perf_counter() - began
    print(
        f"{args.students} students, {args.days} days, {args.budget:g} minutes a day, seed "
        f"{args.seed}; the shipped deck of all questions; test the morning after day "
        f"{args.days} ({took:.0f} s)"
    )
    print()
    print("\n".join(table(figures, args.days)))
    print()
    print("known: cards with recall ≥ 0.9 at the test (hidden model), a student; +30 d: a month")
    print("later with no more study; min: minutes studied a student; bias: predicted − true")
    print("recall, before answers to cards last studied on an earlier day.")
    print()
    print("purgequiz's calibration by group (reviews n: the card's nth study day after the first):")
    ours = figures["purgequiz"]
    for segment in sorted(ours.segments):
        cal = calibration(ours.segments[segment])
        assert cal is not None
        points = ours.segments[segment]
        print(
            f"  {segment:<42} {len(points):>6} answers: log loss {cal[0]:.3f}, "
            f"RMSE {cal[1]:.3f}, bias {cal[2]:+.3f}"
        )
    mismatches = figures["purgequiz"].mismatches
    if mismatches:
        print(f"note: {mismatches} answers were judged otherwise than the student meant them")
    print()
    print("purgequiz's known cards per hour against the targets:")
    for peer, ratio, target, met in ratios(figures):
        verdict = "met" if met else "NOT met"
        print(f"  vs {peer:<8} {ratio:5.2f} × (target ≥ {target:.2f} ×): {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
