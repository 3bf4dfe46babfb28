"""Kill test: SIGKILL at random moments never loses an acknowledged answer."""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from purgequiz.store import open_profile

HERE = Path(__file__).resolve().parent


def test_sigkill_never_loses_an_acknowledged_answer(home):
    """After each of 50 kills the profile opens cleanly and holds every acknowledged answer."""
    env = {**os.environ, "PURGEQUIZ_HOME": str(home),
           "PYTHONPATH": os.pathsep.join([str(HERE), str(HERE.parent / "learn")])}
    rng = random.Random(4)
    acknowledged: set[str] = set()
    for round_ in range(50):
        child = subprocess.Popen([sys.executable, str(HERE / "killchild.py"), str(round_)],
                                 stdout=subprocess.PIPE, env=env)
        time.sleep(rng.uniform(0.15, 0.45))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        lines = out.decode().splitlines()
        if lines and not lines[-1].endswith(tuple("0123456789abcdef")) or \
                (lines and len(lines[-1].split()) != 2):
            lines = lines[:-1]  # a line cut by the kill was not fully acknowledged
        acknowledged |= {line.split()[1] for line in lines}
        with open_profile("kill") as profile:
            assert profile.recovered == ()
            stored = {review.id for review in profile.reviews()}
            missing = acknowledged - stored
            assert not missing, f"round {round_}: {len(missing)} acknowledged answers lost"
    assert len(acknowledged) > 100
