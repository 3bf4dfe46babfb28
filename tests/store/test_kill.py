"""Kill tests: SIGKILL at random moments never loses an acknowledged change."""

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from purgequiz.store.profile import open_profile
from purgequiz.store.transfer import export_profile

pytestmark = pytest.mark.slow  # each test starts and kills a Python process dozens of times

HERE = Path(__file__).resolve().parent


def _env(home: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PURGEQUIZ_HOME": str(home),
        "PYTHONPATH": os.pathsep.join([str(HERE), str(HERE.parent / "learn")]),
    }


END = b"\0end\n"  # the server's word that a worker has died; no worker prints a NUL


class Killer:
    """Runs killchild.py's modes in workers forked by one server, and kills them.

    The server imports Python and purgequiz once; each worker is a process of its own, so its
    kill is as real as that of a freshly started one."""

    def __init__(self, home: Path) -> None:
        self.server = subprocess.Popen(
            [sys.executable, str(HERE / "killchild.py"), "serve"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=_env(home),
        )

    def close(self) -> None:
        assert self.server.stdin is not None
        self.server.stdin.close()
        self.server.wait(timeout=60)

    def run_and_kill(self, args: list[str], until: int | str, delay: float) -> list[str]:
        """Start a worker on ``args``; once it has printed ``until`` lines (or a line starting
        with ``until``) it is at work, and it is killed ``delay`` seconds later. The lines it
        finished printing.

        Counting from the worker's own output keeps the kills inside its work however busy
        the machine is."""
        stdin, stdout = self.server.stdin, self.server.stdout
        assert stdin is not None and stdout is not None
        stdin.write(" ".join(args).encode() + b"\n")
        stdin.flush()
        first = stdout.readline()
        assert first.startswith(b"pid "), first
        pid = int(first.split()[1])
        seen: list[bytes] = []
        while not (line := stdout.readline()).endswith(END):
            assert line, "the kill-test server stopped"
            seen.append(line)
            if len(seen) == until if isinstance(until, int) else line.startswith(until.encode()):
                time.sleep(delay)  # the moment of the kill is what is random here
                os.kill(pid, signal.SIGKILL)
                break
        else:
            raise AssertionError(f"the worker ended by itself: {b''.join(seen)!r}")
        while not (line := stdout.readline()).endswith(END):
            assert line, "the kill-test server stopped"
            seen.append(line)
        # what the worker had printed of a line cut by the kill (before END) was not fully
        # acknowledged, and is left out
        return [line.decode().rstrip("\n") for line in seen]


@pytest.fixture
def killer(home):
    killer = Killer(home)
    yield killer
    killer.close()


def _kill_answering(killer: Killer, mode: str, rounds: int) -> int:
    rng = random.Random(4)
    acknowledged: set[str] = set()
    for round_ in range(rounds):
        # killed within the next few dozen answers (each takes about a millisecond), at a
        # moment as random within one as a longer wait would give
        lines = killer.run_and_kill([mode, str(round_)], 3, rng.uniform(0.0, 0.05))
        acknowledged |= {line.split()[1] for line in lines if line.startswith("ok ")}
        with open_profile("kill") as profile:
            assert profile.recovered == ()
            stored = {review.id for review in profile.reviews()}
            missing = acknowledged - stored
            assert not missing, f"round {round_}: {len(missing)} acknowledged answers lost"
    return len(acknowledged)


def test_sigkill_never_loses_an_acknowledged_answer(killer):
    """After each of 50 kills the profile opens cleanly and holds every acknowledged answer."""
    assert _kill_answering(killer, "answer", 50) > 130


def test_sigkill_during_compaction_loses_nothing(killer):
    """Kills while the log is often being compacted lose no acknowledged answer."""
    assert _kill_answering(killer, "compact", 20) > 50


def test_sigkill_during_imports_leaves_each_import_whole_or_absent(home, killer):
    """An import cut by a kill is either all there or not there at all; finished ones stay."""
    from test_profile import study

    study("source", 2)
    with open_profile("source") as profile:
        (home / "template.json").write_text(json.dumps(export_profile(profile)))
    rng = random.Random(7)
    finished: dict[tuple[str, str], int] = {}
    started: dict[tuple[str, str], int] = {}
    for round_ in range(12):
        args = ["import", str(round_), str(home / "template.json")]
        # killed within the next five imports or so (each takes some 20 ms), at a moment as
        # random within one as a longer wait would give; a longer wait only adds imports,
        # which every later opening (the worker's and the check's) reads again
        lines = killer.run_and_kill(args, 4, rng.uniform(0.0, 0.1))
        for line in lines:
            word, seed, batch, count = line.split()
            (finished if word == "ok" else started)[(seed, batch)] = int(count)
        with open_profile("kill") as profile:
            assert profile.recovered == ()
            stored: dict[tuple[str, str], int] = {}
            for review in profile.reviews():
                seed, batch, _ = review.id.split("-")
                stored[(seed, batch)] = stored.get((seed, batch), 0) + 1
        for key, count in finished.items():
            assert stored.get(key) == count, f"an acknowledged import {key} was lost"
        for key, count in started.items():
            assert stored.get(key, 0) in (0, count), f"the import {key} was kept in part"
    cut = started.keys() - finished.keys()
    assert len(finished) > 12 and len(cut) >= 6, "most kills should land inside an import"


def test_an_import_cut_halfway_through_its_write_is_left_out(home):
    """An import whose journal write is cut halfway (half its bytes on disk) is absent at the
    next opening; the one acknowledged before it is whole."""
    from test_profile import study

    study("source", 2)
    with open_profile("source") as profile:
        template = json.dumps(export_profile(profile)).encode()
    child = subprocess.run(
        [sys.executable, str(HERE / "killchild.py"), "importcut", "5"],
        input=template,
        capture_output=True,
        env=_env(home),
        timeout=60,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr.decode()
    lines = child.stdout.decode().splitlines()
    assert lines[0] == "ok 5 0 50" and lines[1].startswith("journal ") and len(lines) == 2
    journal = home / "profiles" / "kill" / "progress.journal"
    cut = journal.read_bytes()[int(lines[1].split()[1]) :]
    assert cut[:1] not in (b"", b"\0"), "the cut write left no bytes"
    with open_profile("kill") as profile:
        ids = [review.id for review in profile.reviews()]
    assert sum(i.startswith("5-0-") for i in ids) == 50
    assert not any(i.startswith("5-1-") for i in ids)


def test_answers_not_saved_on_a_full_disk_never_come_back(home, killer):
    """With the disk full, answers said to be saved are kept and the others never appear."""
    from test_profile import study

    study("kill", 1)
    folder = next((home / "profiles").iterdir())
    limit = max(p.stat().st_size for p in folder.rglob("*") if p.is_file()) + 6000
    lines = killer.run_and_kill(["full", "1", str(limit)], "failed", 0.2)
    saved = [line.split()[1] for line in lines if line.startswith("ok ")]
    failed = [line for line in lines if line.startswith("failed")]
    assert saved and failed, "the disk should have filled while answering"
    with open_profile("kill") as profile:
        stored = [review.id for review in profile.reviews()]
        assert set(saved) <= set(stored)
        assert len(stored) == len(saved) + 1  # the answer given before the disk was full
        assert sum(day.reviews for day in profile.days()) == len(saved) + 1
