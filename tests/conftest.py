"""Shared test set-up: every test gets its own purgequiz data folder."""

from __future__ import annotations

import gc
import os
import sys

import pytest

# One thread of arithmetic per test process: the suite already runs one process per core
# (pytest-xdist), and torch's fit (tests/commands/test_optimize.py, and the benchmark script it
# starts) would otherwise start a second thread per process that waits by spinning, slowing the
# fit and the other process beside it. Read by torch as it is imported, so set before.
os.environ.setdefault("OMP_NUM_THREADS", "1")


def pytest_configure(config: pytest.Config) -> None:
    """Compiled once, not in every process: the suite starts purgequiz in a few hundred
    processes (the browser's tabs, the benchmarks, the README's commands, the test workers
    themselves), and where Python is told not to write bytecode (PYTHONDONTWRITEBYTECODE, as
    on CI) each of them compiled every module of purgequiz again: 14 s of a two-minute run.
    The suite writes it as Python does by default, in __pycache__ beside each module."""
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    sys.dont_write_bytecode = False


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """One test worker more than the cores there are (`-n auto`): for a sixth of the run a
    worker waits on processes of its own (the browser and the apps it serves, the kill tests'
    workers, the benchmarks) while its core could run another test. On this 2-core machine
    the suite took 115-121 s with two workers, 106 s with three, 110 s with four."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (cores or 1) + 1


def pytest_collection_finish(session: pytest.Session) -> None:
    """Python's cycle collector set for a test run, once the tests are collected.

    What is alive by then (the modules, the collected tests) stays alive to the end: frozen
    (``gc.freeze``), it is no longer scanned by every full collection. And the youngest
    generation is collected every 10,000 new objects instead of 700: the app's tests make
    objects by the hundred thousand (a screen's strips, styles and segments), most of which
    die at once, but the frequent young collections caught them alive and moved them on,
    so that a full collection, scanning everything, ran every second or so. The collector
    stays on; it ran for a quarter of the app tests' time, an eighth with these settings."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slow tests first: with the suite spread over workers, none is left to run alone at
    the end (the order of the others is kept)."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point PURGEQUIZ_HOME at a fresh folder so no test touches a real user's data.

    LANGUAGE=C keeps argparse's messages in English, as the tests read them, whatever the
    machine's own language; it also spares every ``main()`` call a search of the locale
    folders for a translation of each of argparse's strings (gettext caches no miss, and the
    parser is built afresh for each call: about half of the 4 ms a call spends building it).
    """
    home = tmp_path_factory.mktemp("purgequiz-home")
    monkeypatch.setenv("PURGEQUIZ_HOME", str(home))
    monkeypatch.setenv("LANGUAGE", "C")
    return home
