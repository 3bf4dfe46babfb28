"""Time `progress import` of a large export: all reviews in one ten-minute window, and spread.

The review log keeps one table per study day and ten minutes, so an export whose reviews all
fall in one window puts them all in one table; written document by document through TinyDB
(each insert copies the whole table) that is quadratic. Here both shapes of the same size are
imported side by side into fresh profiles, and the ratio of the two times is printed last
(near 1 means the import does not care how review times are distributed). Target: the
one-window import of 80,906 reviews in at most 30 s.

    python benchmarks/import_speed.py [--reviews 80906]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent


def export(reviews: int, spread: bool, seed: int = 1937) -> dict:
    """An export of ``reviews`` answers to 500 cards, in one window or over two years."""
    from purgequiz.learn.scheduler import CardProgress, Rating, Scheduler
    from purgequiz.learn.settings import Settings

    rng = random.Random(seed)
    scheduler = Scheduler(Settings(fuzzing=False))
    start = datetime(2025, 3, 1, 9, tzinfo=UTC)
    states: dict[str, CardProgress] = {}
    out = []
    for index in range(reviews):
        at = start + (
            timedelta(minutes=rng.uniform(0, 1_000_000))
            if spread
            else timedelta(seconds=rng.uniform(0, 590))
        )
        card = f"card-{rng.randrange(500):03d}"
        after = scheduler.review(states.get(card) or CardProgress(card), Rating.Good, at, rng, 3000)
        states[card] = after
        out.append(
            {
                "v": 1,
                "id": f"r{index:06d}",
                "card_id": card,
                "day": at.date().isoformat(),
                "reviewed_at": at.isoformat(),
                "mode": "choice",
                "rating": 3,
                "correct": True,
                "near_miss": False,
                "given": "x",
                "elapsed_ms": 3000,
                "was_new": False,
                "was_review": True,
                "after": after.to_dict(),
            }
        )
    return {
        "format": "purgequiz.progress-export",
        "version": 1,
        "profile": "bench",
        "cards": [s.to_dict() for s in states.values()],
        "reviews": out,
    }


def timed_import(data: dict, name: str) -> float:
    from purgequiz.store.profile import open_profile
    from purgequiz.store.transfer import import_into

    started = time.perf_counter()
    with open_profile(name) as profile:
        report = import_into(profile, data)
    elapsed = time.perf_counter() - started
    assert report.reviews == len(data["reviews"])
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reviews", type=int, default=80_906)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="purgequiz-import-") as home:
        os.environ["PURGEQUIZ_HOME"] = home
        sys.path.insert(0, str(HERE.parent))
        window = timed_import(export(args.reviews, spread=False), "window")
        spread = timed_import(export(args.reviews, spread=True), "spread")
    print(f"import of {args.reviews} reviews in one ten-minute window: {window:.1f} s (limit 30 s)")
    print(f"import of {args.reviews} reviews spread over two years: {spread:.1f} s")
    print(f"ratio window/spread: {window / spread:.2f}")
    return 0 if window <= 30 else 1


if __name__ == "__main__":
    sys.exit(main())
