"""Answer-to-durable latency with a large profile (100k reviews, 5k cards).

Builds a profile under a temporary PURGEQUIZ_HOME (removed at the end) from a seeded,
Faker-made history, then measures: opening it; ~1000 answers through ``StudySession.answer``
(grading, scheduling and the durable write: the call returns once the journal line is
fsync'd); peak memory; and, in the same run and folder, a bare append+fsync of one JSON line
interleaved with the answers.

With ``--vs-anki`` it then measures Anki's own backend (the ``anki`` package, the ``bench``
extra) on a collection of the same shape with FSRS on (see ``anki_peer.py``), prints the
figures side by side, and the ratios last; without the package it says so in one line.

    python benchmarks/answer_latency.py [--reviews 100000] [--cards 5000] [--vs-anki]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def build(cards: int, reviews: int, seed: int):
    from faker import Faker

    from purgequiz.decks.model import Card, Citation, Deck
    from purgequiz.learn.records import DayCounts, Review
    from purgequiz.learn.scheduler import CardProgress, Rating, Scheduler
    from purgequiz.learn.settings import Settings
    from purgequiz.store.profile import _days_table, _review_table, _shard, open_profile

    fake = Faker()
    Faker.seed(seed)
    rng = random.Random(seed)
    source = Citation("s", "Source", "Author", "Journal", None, (1,))
    names = [f"{fake.last_name()} {fake.last_name()}-{i}" for i in range(cards)]
    deck = Deck(
        "bench",
        "Benchmark",
        "",
        tuple(
            Card(
                id=f"bench-{i:05d}",
                kind="question",
                template="t",
                prompt=f"Who was {name}?",
                answer=name,
                explanation="-",
                sources=(source,),
                fact_ids=(f"f{i}",),
                topics=("t",),
                answer_type="entity",
                choices=(name, names[i - 1], names[i - 2]),
            )
            for i, name in enumerate(names)
        ),
    )
    scheduler = Scheduler(Settings(fuzzing=False))
    start = datetime(2023, 1, 1, 8, tzinfo=UTC)
    states = {c.id: CardProgress(c.id) for c in deck.cards}
    profile = open_profile("benchmark")
    storage = profile.storage
    days: dict[str, DayCounts] = {}
    moments = sorted(
        fake.date_time_between(start_date=start, end_date=start + timedelta(days=700), tzinfo=UTC)
        for _ in range(reviews)
    )
    ops = []
    for index, moment in enumerate(moments):
        card = deck.cards[rng.randrange(cards)]
        before = states[card.id]
        rating = rng.choice((Rating.Again, Rating.Hard, Rating.Good, Rating.Good, Rating.Easy))
        after = scheduler.review(before, rating, moment)
        states[card.id] = after
        review = Review(
            id=f"r{index:06d}",
            card_id=card.id,
            day=moment.date().isoformat(),
            reviewed_at=moment.isoformat(),
            mode="choice",
            rating=int(rating),
            correct=rating != Rating.Again,
            near_miss=False,
            given=card.answer,
            elapsed_ms=rng.randint(1500, 20000),
            was_new=before.is_new,
            was_review=before.is_review,
            after=after.to_dict(),
        )
        days.setdefault(review.day, DayCounts(review.day)).add(review)
        ops.append({"o": "p", "t": _review_table(review), "k": review.id, "d": review.to_dict()})
    ops += [{"o": "p", "t": _shard(cid), "k": cid, "d": s.to_dict()} for cid, s in states.items()]
    ops += [{"o": "p", "t": _days_table(d), "k": d, "d": c.to_dict()} for d, c in days.items()]
    storage.commit(ops)
    profile.close()
    return deck, moments[-1] + timedelta(days=1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reviews", type=int, default=100_000)
    parser.add_argument("--cards", type=int, default=5_000)
    parser.add_argument("--answers", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1937)
    parser.add_argument(
        "--vs-anki",
        action="store_true",
        help="measure Anki's backend (the anki package: pip install '.[bench]') side by side",
    )
    args = parser.parse_args()
    # the profiles (some 10 MB each at full size) live only as long as the run
    with tempfile.TemporaryDirectory(prefix="purgequiz-bench-") as folder:
        measure(args, Path(folder))


def profile_bytes(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def measure(args: argparse.Namespace, folder: Path) -> None:
    home = folder / "home"
    os.environ["PURGEQUIZ_HOME"] = str(home)
    from purgequiz.learn.session import StudySession
    from purgequiz.store.profile import open_profile

    anki = None
    if args.vs_anki:
        import anki_peer

        if anki_peer.available():
            anki = anki_peer
        else:
            print(
                "Anki comparison skipped: the anki package is not installed "
                "(pip install '.[bench]')"
            )

    began = time.perf_counter()
    deck, now = build(args.cards, args.reviews, args.seed)
    size = profile_bytes(home / "profiles")
    print(
        f"built: {args.reviews} reviews, {args.cards} cards in "
        f"{time.perf_counter() - began:.1f} s; {size / 1e6:.1f} MB, "
        f"{size / args.reviews:.0f} bytes per review"
    )
    collection = folder / "anki" / "collection.anki2"
    if anki is not None:
        collection.parent.mkdir()
        began = time.perf_counter()
        anki.build(collection, args.cards, args.reviews, args.seed)
        anki_size = anki.disk_bytes(collection)
        print(
            f"Anki: built {args.reviews} reviews, {args.cards} cards (FSRS on) in "
            f"{time.perf_counter() - began:.1f} s; {anki_size / 1e6:.1f} MB, "
            f"{anki_size / args.reviews:.0f} bytes per review"
        )

    # Each measure alternates purgequiz and Anki (and, for answers, a bare write), so that
    # all meet the same disk and the same load from whatever else the machine is doing.
    opens, anki_opens = [], []
    for _ in range(5):
        t = time.perf_counter()
        profile = open_profile("benchmark")
        opens.append(time.perf_counter() - t)
        profile.close()
        if anki is not None:
            col, took = anki.open_collection(collection)
            anki_opens.append(took)
            col.close()
    tracemalloc.start()
    profile = open_profile("benchmark")
    _, open_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"open: median {statistics.median(opens) * 1000:.1f} ms, "
        f"max {max(opens) * 1000:.1f} ms (5 opens); "
        f"{len(profile.card_states())} card states loaded, review log not read"
    )
    print(f"peak memory while opening (tracemalloc): {open_peak / 1e6:.1f} MB")

    col = anki.open_collection(collection)[0] if anki is not None else None
    anki_rng = random.Random(args.seed)
    rng = random.Random(args.seed)
    session = StudySession(deck, profile, now, rng)
    bare_path = folder / "bare.jsonl"
    line = (
        json.dumps({"o": "p", "t": "reviews/2025-01-01", "k": "x", "d": {"a": 1}}) + "\n"
    ).encode()
    latencies: list[float] = []
    anki_latencies: list[float] = []
    bare: list[float] = []
    with open(bare_path, "ab") as bare_file:
        while len(latencies) < args.answers:
            shown = session.next_card(now)
            if shown is None:
                now += timedelta(minutes=15)
                continue
            reply = shown.card.answer if rng.random() < 0.8 else "wrong"
            if shown.mode == "typed" and rng.random() < 0.1:
                reply = shown.card.answer[:-1]
            t = time.perf_counter()
            session.answer(reply, now, rng.randint(2000, 9000))
            latencies.append(time.perf_counter() - t)
            now += timedelta(seconds=7)
            if col is not None:
                anki_latencies.append(anki.answer_one(col, anki_rng))
            t = time.perf_counter()
            bare_file.write(line)
            bare_file.flush()
            os.fsync(bare_file.fileno())
            bare.append(time.perf_counter() - t)
    t = time.perf_counter()
    profile.close()
    close_time = time.perf_counter() - t
    median, p99 = statistics.median(latencies), percentile(latencies, 0.99)
    print(
        f"answer to durable ({len(latencies)} answers): median {median * 1000:.3f} ms, "
        f"p99 {p99 * 1000:.3f} ms, max {max(latencies) * 1000:.3f} ms"
    )
    print(f"close (compaction into snapshot + month files): {close_time * 1000:.1f} ms")
    bare_median, bare_p99 = statistics.median(bare), percentile(bare, 0.99)
    print(
        f"bare append+fsync of one JSON line (interleaved): median {bare_median * 1000:.3f} ms, "
        f"p99 {bare_p99 * 1000:.3f} ms"
    )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak resident memory of this process (builds included): {rss / 1024:.0f} MB")
    if col is None or anki is None:
        print(f"ratio of our p99 to the bare write's p99: {p99 / bare_p99:.2f}")
        return
    syncs = anki.count_syncs(collection, min(50, args.cards // 4))  # cards still due
    print(f"Anki durability: {anki.durability(col)}; {syncs}")
    col.close()
    rows = [
        ("answer to durable, median", median * 1000, statistics.median(anki_latencies) * 1000),
        ("answer to durable, p99", p99 * 1000, percentile(anki_latencies, 0.99) * 1000),
        (
            "opening the profile",
            statistics.median(opens) * 1000,
            statistics.median(anki_opens) * 1000,
        ),
        ("bytes on disk per review", size / args.reviews, anki_size / args.reviews),
    ]
    units = ["ms", "ms", "ms", "B"]
    print(f"{'':28}{'purgequiz':>12}{'Anki':>12}")
    for (label, mine, theirs), unit in zip(rows, units, strict=True):
        print(f"{label:28}{mine:>9.3f} {unit:2}{theirs:>9.3f} {unit:2}")
    print(f"ratio of our p99 to the bare write's p99: {p99 / bare_p99:.2f}")
    print("ratios (purgequiz / Anki):")
    for label, mine, theirs in rows:
        print(f"  {label}: {mine / theirs:.2f}")


if __name__ == "__main__":
    sys.exit(main())
