"""`purgequiz serve` run for a test: started on a free port, stopped as Ctrl+C stops it, and
checked to leave no process of its own behind."""

from __future__ import annotations

import os
import select
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from tests.web.chromium import WAIT

READY = "purgequiz is served at "


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def descendants(pid: int) -> set[int]:
    """The processes started by process ``pid``, and by them, and so on (from /proc)."""
    children: dict[int, set[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # it ended meanwhile
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, set()).add(int(entry.name))
    found: set[int] = set()
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), set()) - found:
            found.add(child)
            todo.append(child)
    return found


def wait_for_end(pids: set[int]) -> set[int]:
    """Wait (up to WAIT seconds in all) for each of ``pids`` to end, whosever child it is;
    return those still running then."""
    running: dict[int, int] = {}
    for pid in pids:
        try:
            running[pid] = os.pidfd_open(pid)  # readable once the process has ended
        except ProcessLookupError:  # already gone
            continue
    deadline = time.monotonic() + WAIT
    try:
        while running:
            ready, _, _ = select.select(
                list(running.values()), [], [], max(deadline - time.monotonic(), 0)
            )
            if not ready:
                break
            for pid, handle in list(running.items()):
                if handle in ready:
                    os.close(running.pop(pid))
        return set(running)
    finally:
        for handle in running.values():
            os.close(handle)


class Server:
    """``purgequiz serve`` in a process of its own, with this process's environment (and so
    the test's PURGEQUIZ_HOME), listening on a free port of this computer."""

    def __init__(self, *options: str) -> None:
        self.options = options
        for _ in range(3):  # a port found free may be taken before the server listens on it
            self.port = _free_port()
            self._start(options)
            self._ready.wait(WAIT)
            if self.listening:
                return
            if self.process.poll() is None:
                self.process.kill()
            self.process.wait()
            self._reader.join()
            if "the port is in use" not in self.output():
                break
        raise AssertionError(f"purgequiz serve did not start:\n{self.output()}")

    def _start(self, options: tuple[str, ...]) -> None:
        self.lines: list[str] = []
        self.listening = False
        self._ready = threading.Event()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "purgequiz", "serve", "--port", str(self.port), *options],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        """Keep what the server prints (so that it never waits on a full pipe); note when it
        says it listens, or ends."""
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line)
            if line.startswith(READY):
                self.listening = True
                self._ready.set()
        self._ready.set()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def output(self) -> str:
        return "".join(self.lines)

    def stop(self) -> int:
        """Stop the server as Ctrl+C does, and wait for it and for every process it started;
        return its exit code. AssertionError if any of its processes was left running (each
        is then ended)."""
        if self.process.returncode is not None:
            return self.process.returncode
        started = descendants(self.process.pid)
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            code = self.process.wait(timeout=WAIT)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
        self._reader.join()
        left = wait_for_end(started)
        for pid in left:
            os.kill(pid, signal.SIGKILL)
        assert not left, f"processes left running by purgequiz serve: {sorted(left)}"
        return code
