"""Start-up of the study app against a bare Textual app, for a profile with 100k reviews
(or the size given).

Builds (once, under a temporary PURGEQUIZ_HOME) the same seeded 100k-review, 5k-card profile
as ``answer_latency.py``, with its 5k-card deck installed as a user deck beside the bundled
ones. Then, alternating, starts in fresh headless subprocesses:

* the bare app: a Textual ``App`` with one ``Static``;
* purgequiz as `purgequiz play --profile benchmark` starts it (the command line imported and
  read, the objects made so far frozen), then ``PurgeQuizApp(profile="benchmark")`` headless
  until the home screen is ready (every deck's figures and today's line computed and shown).

Each child reports seconds since the parent started it (interpreter start included) at its
first paint (the first screen refreshed after mount) and when ready, and its peak RSS. The
medians are compared; the last line is the start-up ratio (must be at most 1.5), and peak
memory must stay within 2x the bare app's.

Then, in the same way, a third child starts purgequiz, waits for the home screen, opens the
statistics screen (t) and reports when the screen has drawn its figures; its clock is set to
the day after the built history ends, so that every figure (the last 365 days, the forecast,
the weeks of retention) has the whole history to count. The figure printed is the median time
from t to the figures drawn (limit 300 ms), with the review log's tally kept as closing the
profile after study keeps it (store/tallies.py). Printed beside it: the one opening that
counts the whole log, on a profile whose tally was never kept (made by a version before it
was kept, or its file removed).

    /work/venv/bin/python benchmarks/startup.py [--runs 7] [--reviews 100000] [--cards 5000]

``--keep`` leaves the built profile in place and prints its folder; ``--home FOLDER`` starts
from such a folder instead of building one again (building takes about twenty seconds).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CLOCK = "statistics-clock.txt"  # the moment the statistics child's clock shows


def peak_kib() -> int:
    """This process's peak resident memory (VmHWM; unlike ru_maxrss, not inherited)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _report(kind: str, started: float) -> None:
    print(json.dumps({kind: time.time() - started}), flush=True)


def child_bare(started: float) -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("purgequiz")

        def on_mount(self) -> None:
            self.call_after_refresh(self.ready)

        def ready(self) -> None:
            _report("paint", started)
            _report("ready", started)
            self.exit()

    Bare().run(headless=True, size=(80, 24))


def read_command_line() -> None:
    """What `purgequiz play --profile benchmark` does before its app starts: import the
    command line and read the arguments (the app is then started here, headless)."""
    from purgequiz.cli import asked_for, parser

    argv = ["play", "--profile", "benchmark"]
    parser(asked_for(argv)).parse_args(argv)  # as main() does


def child_app(started: float) -> None:
    read_command_line()
    from purgequiz.tui.app import PurgeQuizApp
    from purgequiz.tui.screens.home import HomeScreen

    gc.freeze()  # as `purgequiz play` does before the app runs

    class Timed(PurgeQuizApp):
        painted = False

        def on_mount(self) -> None:  # Textual runs PurgeQuizApp.on_mount as well
            self.call_after_refresh(self.paint)

        def paint(self) -> None:
            if not self.painted:
                self.painted = True
                _report("paint", started)

        def on_home_screen_ready(self, _: HomeScreen.Ready) -> None:
            self.call_after_refresh(self.ready)

        def ready(self) -> None:
            self.paint()  # with the profile open before the first refresh, the home is it
            _report("ready", started)
            self.exit()

    Timed(profile="benchmark").run(headless=True, size=(80, 24))


def child_statistics(started: float) -> None:
    from datetime import datetime

    read_command_line()
    from purgequiz.tui.app import PurgeQuizApp
    from purgequiz.tui.screens.home import HomeScreen
    from purgequiz.tui.screens.statistics import StatisticsScreen

    gc.freeze()  # as `purgequiz play` does before the app runs
    given = os.environ.get("PURGEQUIZ_BENCH_NOW")  # a folder built before it was kept: now
    moment = datetime.fromisoformat(given) if given else datetime.now().astimezone()

    class Timed(PurgeQuizApp):
        asked = 0.0  # when t was pressed

        def on_home_screen_ready(self, _: HomeScreen.Ready) -> None:
            self.call_after_refresh(self.ask)

        def ask(self) -> None:
            _report("paint", started)
            home = self.screen
            assert isinstance(home, HomeScreen)
            self.asked = time.perf_counter()
            home.action_statistics()  # what t does

        def on_statistics_screen_ready(self, _: StatisticsScreen.Ready) -> None:
            self.call_after_refresh(self.drawn)

        def drawn(self) -> None:
            print(json.dumps({"statistics": time.perf_counter() - self.asked}), flush=True)
            _report("ready", started)
            self.exit()

    Timed(profile="benchmark", clock=lambda: moment).run(headless=True, size=(80, 24))


def run_child(kind: str, home: Path) -> dict[str, float]:
    env = dict(os.environ, PURGEQUIZ_HOME=str(home), PURGEQUIZ_BENCH_START=repr(time.time()))
    # The warm-up run writes the bytecode cache, as a student's first start does: without it
    # every start would compile purgequiz's modules again (and not Textual's, which pip did).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    clock = home / CLOCK
    if clock.exists():
        env["PURGEQUIZ_BENCH_NOW"] = clock.read_text(encoding="utf-8").strip()
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    figures: dict[str, float] = {}
    for line in done.stdout.splitlines():
        if line.startswith("{"):
            figures.update(json.loads(line))
    if "ready" not in figures:
        raise SystemExit(f"the {kind} child failed:\n{done.stdout}\n{done.stderr}")
    return figures


def build_home(home: Path, reviews: int, cards: int) -> None:
    sys.path.insert(0, str(HERE))
    from answer_latency import build  # the store engineer's seeded 100k-review profile

    from purgequiz import paths
    from purgequiz.decks.fileformat import write_deck

    os.environ["PURGEQUIZ_HOME"] = str(home)
    deck, after = build(cards, reviews, 1937)
    (home / CLOCK).write_text(after.isoformat(), encoding="utf-8")
    paths.user_decks_dir().mkdir(parents=True, exist_ok=True)
    write_deck(deck, paths.user_decks_dir() / "benchmark.json")


CHILDREN = {"bare": child_bare, "app": child_app, "statistics": child_statistics}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", choices=CHILDREN)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--reviews", type=int, default=100_000)
    parser.add_argument("--cards", type=int, default=5_000)
    parser.add_argument("--home", type=Path, help="a folder left by an earlier --keep run")
    parser.add_argument("--keep", action="store_true", help="keep the built profile's folder")
    args = parser.parse_args()
    if args.child:
        started = float(os.environ["PURGEQUIZ_BENCH_START"])
        CHILDREN[args.child](started)
        print(json.dumps({"peak_kib": peak_kib()}), flush=True)
        return

    if args.home is not None:
        print(f"profile: reused from {args.home}")
        measure(args.home, args.runs, f"the profile in {args.home}")
        return
    began = time.perf_counter()
    home = Path(tempfile.mkdtemp(prefix="purgequiz-startup-"))
    try:  # the folder (some 60 MB at full size) goes, even when building it fails
        build_home(home, args.reviews, args.cards)
        print(
            f"profile: {args.reviews} reviews, {args.cards} cards, built in "
            f"{time.perf_counter() - began:.1f} s under {home}"
        )
        measure(home, args.runs, f"profile with {args.reviews:,} reviews")
    finally:
        if args.keep:
            print(f"profile kept: reuse it with --home {home}")
        else:
            shutil.rmtree(home)


def measure(home: Path, runs: int, profile: str) -> None:
    results: dict[str, list[dict[str, float]]] = {"bare": [], "app": []}
    run_child("app", home)  # warm the file cache and the bytecode cache
    run_child("bare", home)
    for _ in range(runs):
        for kind in ("bare", "app"):
            results[kind].append(run_child(kind, home))

    def median(kind: str, key: str) -> float:
        return statistics.median(r[key] for r in results[kind])

    for kind, label in (
        ("bare", "bare Textual app (one Static)"),
        ("app", f"purgequiz, {profile}"),
    ):
        print(
            f"{label}: first paint {median(kind, 'paint') * 1000:.0f} ms, "
            f"ready {median(kind, 'ready') * 1000:.0f} ms, "
            f"peak RSS {median(kind, 'peak_kib') / 1024:.1f} MB "
            f"(median of {runs})"
        )
    paint = median("app", "paint") / median("bare", "paint")
    memory = median("app", "peak_kib") / median("bare", "peak_kib")
    ratio = median("app", "ready") / median("bare", "ready")
    print(f"first paint ratio: {paint:.2f}")
    print(f"peak memory ratio: {memory:.2f} (limit 2.0){'' if memory <= 2 else '  OVER'}")
    print(
        f"start-up ratio (home ready / bare ready): {ratio:.2f} (limit 1.5)"
        f"{'' if ratio <= 1.5 else '  OVER'}"
    )
    measure_statistics(home, runs)


def measure_statistics(home: Path, runs: int) -> None:
    """The statistics screen, opened with t once the home screen is ready (see the module)."""
    kept = home / "profiles" / "benchmark" / "tallies.json"
    kept.unlink(missing_ok=True)  # the first opening counts the whole log, as after an upgrade
    first = run_child("statistics", home)["statistics"]  # and keeps the tally
    times = [run_child("statistics", home)["statistics"] for _ in range(runs)]
    drawn = statistics.median(times) * 1000
    print(
        f"statistics screen: figures drawn {drawn:.0f} ms after t (median of {runs}; "
        f"limit 300 ms){'' if drawn <= 300 else '  OVER'}; once on a profile whose tally "
        f"was never kept (counting the whole log): {first * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
