"""The benchmark scripts, run at their smallest, leave nothing in the temporary folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"

# the smallest sizes each script takes: a second or two each
SMALL = {
    "answer_latency.py": ["--reviews", "300", "--cards", "40", "--answers", "20"],
    "startup.py": ["--runs", "1", "--reviews", "200", "--cards", "30"],
    "import_speed.py": ["--reviews", "300"],
    "fuzz.py": ["--cases", "2", "--shape", "all"],
    "browse_search.py": ["--rounds", "1"],
    "personal_parameters.py": ["--days", "10", "--per-day", "30"],
    "learning.py": ["--students", "1", "--days", "8"],
}
# scripts that are not run here, and why
WRITE_NOTHING = {
    "generate.py": "it times generation in memory, for a quarter of a minute",
    "anki_peer.py": "a module that answer_latency.py --vs-anki imports, not a script",
    "newcomer_readme.py": "the README part of newcomer.sh, which runs it by hand before a "
    "release in a temporary folder of its own (pip install . and tmux: minutes)",
    "learning_memory.py": "a module that learning.py imports, not a script",
    "learning_schedulers.py": "a module that learning.py imports, not a script",
}


def test_every_benchmark_is_run_or_says_why_not():
    """Each script in benchmarks/ is either run by the test below or listed as writing
    nothing."""
    assert {path.name for path in BENCHMARKS.glob("*.py")} == set(SMALL) | set(WRITE_NOTHING)


RUNS = {**SMALL, "answer_latency.py --vs-anki": [*SMALL["answer_latency.py"], "--vs-anki"]}


@pytest.mark.slow
@pytest.mark.parametrize("run", sorted(RUNS))
def test_a_benchmark_cleans_up_its_temporary_folder(run, tmp_path):
    """A benchmark run to the end leaves the temporary folder it was given empty (with Anki
    beside it too, or saying in one line that Anki is not installed)."""
    temp = tmp_path / "temp"
    temp.mkdir()
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / run.split()[0]), *RUNS[run]],
        env=dict(os.environ, TMPDIR=str(temp)),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip()
    assert sorted(path.name for path in temp.iterdir()) == []
