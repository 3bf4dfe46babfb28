"""Anki's own backend (the ``anki`` package) on a profile of the same shape, for
``answer_latency.py --vs-anki``: a collection with FSRS on, ``cards`` cards and ``reviews``
entries in its review log, then opening it and answering through its scheduler.

Durability: Anki keeps the collection in SQLite with ``journal_mode=wal`` and
``synchronous=FULL`` (read back from the open collection and printed), and each answer is
its own committed transaction, so SQLite syncs the WAL once per answer; the run counts the
sync calls with ``strace`` when it is installed and prints them per answer.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

DAY_MS = 86_400_000


def available() -> bool:
    try:
        import anki.collection  # noqa: F401
    except ImportError:
        return False
    return True


def build(path: Path, cards: int, reviews: int, seed: int) -> None:
    """A collection of ``cards`` due review cards with FSRS memory states and a review log."""
    from anki.collection import AddNoteRequest, Collection

    rng = random.Random(seed)
    col = Collection(str(path))
    col.set_config("fsrs", True)
    model = col.models.by_name("Basic")
    deck_id = col.decks.id("Benchmark")
    requests = []
    for index in range(cards):
        note = col.new_note(model)
        note["Front"] = f"Who was person {index}?"
        note["Back"] = f"Person {index}"
        requests.append(AddNoteRequest(note=note, deck_id=deck_id))
    col.add_notes(requests)
    config = col.decks.config_dict_for_deck_id(deck_id)
    config["rev"]["perDay"] = 9999  # every due card is offered, as purgequiz offers them
    config["new"]["perDay"] = 0
    col.decks.save(config)
    card_ids = col.db.list("select id from cards order by id")
    today = col.sched.today
    col.db.executemany(
        "update cards set type=2, queue=2, due=?, ivl=?, reps=?, data=? where id=?",
        [
            (
                today - rng.randint(0, 30),
                rng.randint(1, 60),
                rng.randint(1, 40),
                json.dumps({"s": round(rng.uniform(1, 60), 2), "d": round(rng.uniform(1, 9), 2)}),
                card_id,
            )
            for card_id in card_ids
        ],
    )
    start = int(time.time() * 1000) - 700 * DAY_MS
    moments = sorted(rng.randrange(start, start + 700 * DAY_MS) for _ in range(reviews))
    rows = []
    for index, moment in enumerate(moments):
        rows.append(
            (
                moment * 10 + index % 10,  # ids are unique millisecond stamps
                rng.choice(card_ids),
                -1,
                rng.choice((1, 2, 3, 3, 4)),
                rng.randint(1, 60),
                rng.randint(1, 60),
                0,
                rng.randint(1500, 20000),
                1,
            )
        )
    col.db.executemany("insert into revlog values (?,?,?,?,?,?,?,?,?)", rows)
    col.close()


def _durability(col: Any) -> str:
    mode = col.db.scalar("pragma journal_mode")
    sync = {0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}.get(col.db.scalar("pragma synchronous"))
    return f"journal_mode={mode}, synchronous={sync}"


def durability(col: Any) -> str:
    return _durability(col)


def open_collection(path: Path) -> tuple[Any, float]:
    """The collection opened (and its Benchmark deck selected), and the seconds opening took."""
    from anki.collection import Collection

    began = time.perf_counter()
    col = Collection(str(path))
    took = time.perf_counter() - began
    col.decks.select(col.decks.id("Benchmark"))
    return col, took


def answer_one(col: Any, rng: random.Random) -> float:
    """Answer the next due card (the answer alone timed, as purgequiz's is)."""
    card = col.sched.getCard()
    if card is None:
        raise SystemExit("the Anki collection ran out of due cards")
    ease = rng.choice((1, 3, 3, 3, 4))
    began = time.perf_counter()
    col.sched.answerCard(card, ease)
    return time.perf_counter() - began


def count_syncs(path: Path, answers: int) -> str:
    """fsync/fdatasync calls per answer, counted by strace (if installed): a child that opens
    the collection and answers ``answers`` cards, less one that opens it and answers none."""
    if shutil.which("strace") is None:
        return "sync calls not counted (no strace)"
    script = (
        "import sys; from anki.collection import Collection;"
        "col = Collection(sys.argv[1]); col.decks.select(col.decks.id('Benchmark'));"
        "[col.sched.answerCard(col.sched.getCard(), 3) for _ in range(int(sys.argv[2]))];"
        "col.close()"
    )
    counts = []
    for n in (0, answers):
        folder = path.with_name(f"strace-{n}")
        folder.mkdir()
        copy = folder / path.name
        shutil.copyfile(path, copy)
        log = folder / "strace.log"
        subprocess.run(
            ["strace", "-f", "-qq", "-e", "trace=fsync,fdatasync", "-o", str(log)]
            + [sys.executable, "-c", script, str(copy), str(n)],
            check=True,
        )
        counts.append(sum("sync(" in line for line in log.read_text().splitlines()))
        shutil.rmtree(folder)
    per_answer = (counts[1] - counts[0]) / answers
    return f"{per_answer:.2f} sync calls per answer (strace, {answers} answers)"


def disk_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.iterdir() if p.name.startswith(path.name))


if __name__ == "__main__":
    sys.exit("run benchmarks/answer_latency.py --vs-anki")
