"""Fuzz the commands with damaged files for a while, and count what breaks.

    python benchmarks/fuzz.py [--minutes N] [--cases N] [--shape facts|decks|exports|profiles|all]
                              [--seed S] [--timeout SECONDS] [--case K] [--keep DIR]

The same harness as the fuzz tests (tests/fuzz): each case damages a valid document (a fact
file, a deck, a progress export, or one file of a profile's folder), runs the commands that
read it in a sandbox and checks every promise: no traceback, no hang, a plain error naming the
file, no raw control character printed, the input left as it was, nothing written outside the
data folder, a profile still usable after an import, damaged progress kept. Case K of a shape
and seed is always the same damage, so any failure can be replayed with --case K.

It runs --cases N cases of each shape (200 by default), or for --minutes N in all (shared
evenly between the shapes), whichever ends first; then prints a table of what happened and the
distinct failures, each with the command, the exception and where it was raised, how the
input was damaged and the line that replays it. Exit status 1 if any promise was broken.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.fuzz.harness import FAILURE_KINDS, Failure, Report, Sandbox, verb  # noqa: E402
from tests.fuzz.shapes import SHAPES  # noqa: E402

ROWS = (
    ("cases", "cases"),
    ("attempts", "attempts (commands and checks run)"),
    ("accepted", "accepted"),
    ("clean error", "clean errors"),
    ("unclear error", "unclear errors"),
    ("traceback", "tracebacks"),
    ("hang", "hangs"),
    ("outside write", "outside writes"),
    ("changed input", "changed inputs"),
    ("raw control characters", "raw control characters"),
    ("broken profile", "broken profiles"),
    ("damage not kept", "damage not kept"),
)


def case_rng(seed: int, shape: str, case: int) -> random.Random:
    """The generator of case ``case`` of ``shape``: the same damage on every run."""
    return random.Random(f"{seed}:{shape}:{case}")


def failure_class(failure: Failure) -> tuple[str, ...]:
    """Failures of one class: an exception of one type raised at one place (whichever command
    ran into it), or one kind of broken promise by one command."""
    kind, verb, detail, where = failure.signature
    return (kind, detail, where) if where else (kind, verb)


class Tally:
    """What the cases of one shape did: statuses of runs, broken promises, failure classes."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.first: dict[tuple, tuple[Failure, Report, int]] = {}  # class -> first seen
        self.seen: Counter[tuple] = Counter()
        self.commands: dict[tuple, dict[str, None]] = {}  # class -> its commands, in order
        self.seconds = 0.0

    def add(self, case: int, report: Report) -> None:
        self.counts["cases"] += 1
        for _, status in report.runs:
            self.counts["attempts"] += 1
            if status in ("accepted", "clean error"):
                self.counts[status] += 1
        for failure in report.failures:
            self.counts[failure.kind] += 1
            key = failure_class(failure)
            self.seen[key] += 1
            self.first.setdefault(key, (failure, report, case))
            self.commands.setdefault(key, {})[verb(failure.command)] = None

    @property
    def broken(self) -> int:
        return sum(self.counts[kind] for kind in FAILURE_KINDS)


def run_shape(
    name: str, box: Sandbox, seed: int, cases: int, seconds: float | None, keep: Path | None
) -> Tally:
    tally = Tally()
    shape = SHAPES[name]
    started = time.monotonic()
    case = 0
    while case < cases and (seconds is None or time.monotonic() - started < seconds):
        report = shape.attempt(case_rng(seed, name, case), box)
        fresh = [f for f in report.failures if failure_class(f) not in tally.first]
        tally.add(case, report)
        if keep is not None and fresh:
            save_inputs(keep, name, case, box)
        case += 1
    tally.seconds = time.monotonic() - started
    return tally


def save_inputs(keep: Path, shape: str, case: int, box: Sandbox) -> None:
    """Copy the case's input files (and a damaged profile's folder) for a closer look."""
    import shutil

    target = keep / f"{shape}-{case}"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(box.inputs, target / "in")
    if shape == "profiles":
        shutil.copytree(box.home, target / "home", ignore=shutil.ignore_patterns("*.lock"))


def print_table(tallies: dict[str, Tally]) -> None:
    names = list(tallies)
    width = max(len(label) for _, label in ROWS)
    print(f"{'':<{width}}  " + "  ".join(f"{n:>9}" for n in names))
    for key, label in ROWS:
        print(f"{label:<{width}}  " + "  ".join(f"{tallies[n].counts[key]:>9}" for n in names))
    print(f"{'seconds':<{width}}  " + "  ".join(f"{tallies[n].seconds:>9.1f}" for n in names))


def print_failures(tallies: dict[str, Tally], seed: int, limit: int) -> None:
    """Each failure class once, the most frequent of each kind of file in turn."""
    queues = {name: [key for key, _ in tally.seen.most_common()] for name, tally in tallies.items()}
    order = []
    while any(queues.values()):
        for name, queue in queues.items():
            if queue:
                order.append((name, queue.pop(0)))
    if not order:
        print("\nNo broken promise.")
        return
    print(
        f"\n{len(order)} failure class{'es' * (len(order) != 1)} (an exception of one type "
        "at one place, or one broken promise of one command):"
    )
    for number, (name, key) in enumerate(order[:limit], 1):
        tally = tallies[name]
        failure, report, case = tally.first[key]
        count = tally.seen[key]
        print(f"\n{number}. [{name}] {failure.kind}, {count} time{'s' * (count != 1)}")
        print(f"   command: {'; '.join(tally.commands[key])}")
        print(f"   what:    {failure.detail}")
        if failure.where:
            print(f"   where:   {failure.where}")
        print(f"   input:   {'; '.join(report.steps)[:300]}")
        print(f"   replay:  python benchmarks/fuzz.py --shape {name} --seed {seed} --case {case}")
    if len(order) > limit:
        print(f"\n… and {len(order) - limit} more (use --show to see more)")


def replay(name: str, seed: int, case: int, timeout: float) -> int:
    with Sandbox(timeout=timeout) as box:
        report = SHAPES[name].attempt(case_rng(seed, name, case), box)
        print(report.explain())
        for run in report.runs_detail:
            print(f"\n--- {run.label}: exit {run.code}")
            if run.out:
                print(f"stdout ({len(run.out)} characters):\n{run.out[:2000]!r}")
            if run.err:
                print(f"stderr:\n{run.err[:2000]!r}")
    return 1 if report.failures else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shape", choices=[*SHAPES, "all"], default="all")
    parser.add_argument(
        "--cases", type=int, help="cases per shape (default 200, or no limit with --minutes)"
    )
    parser.add_argument("--minutes", type=float, help="time for all shapes together")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--timeout",
        type=float,
        default=10.0,
        help="seconds a command may run before it counts as a hang",
    )
    parser.add_argument(
        "--case",
        type=int,
        metavar="K",
        help="replay case K of one shape, printing everything it did",
    )
    parser.add_argument(
        "--keep",
        type=Path,
        metavar="DIR",
        help="save the inputs of the first case of each failure here",
    )
    parser.add_argument("--show", type=int, default=30, help="failure classes to list")
    args = parser.parse_args()
    names = list(SHAPES) if args.shape == "all" else [args.shape]
    if args.case is not None:
        if len(names) != 1:
            parser.error("--case needs one --shape")
        return replay(names[0], args.seed, args.case, args.timeout)
    cases = args.cases if args.cases is not None else (10**9 if args.minutes else 200)
    seconds = args.minutes * 60 / len(names) if args.minutes else None
    limits = [f"{cases} cases"] if args.cases is not None or not args.minutes else []
    limits += [f"{seconds:.0f} s"] if seconds else []
    print(
        f"fuzzing {', '.join(names)}: {' or '.join(limits)} per shape, seed {args.seed}, "
        f"{args.timeout:g} s per command\n"
    )
    tallies: dict[str, Tally] = {}
    with Sandbox(timeout=args.timeout) as box:
        for name in names:
            tallies[name] = run_shape(name, box, args.seed, cases, seconds, args.keep)
    print_table(tallies)
    print_failures(tallies, args.seed, args.show)
    return 1 if any(t.broken for t in tallies.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
