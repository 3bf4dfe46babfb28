"""Running purgequiz on damaged files in a sandbox, and judging each run against its promises.

purgequiz promises that bad input gets a clear message naming the file, never a traceback;
that a command never changes a file it could not read; and that nothing is written outside
the data folder (``PURGEQUIZ_HOME``) except the output a command was asked to write.

A :class:`Sandbox` is a fresh folder per attempt: ``box/`` holds the data folder (``home/``),
the input files (``in/``), the output folder (``out/``) and the working folder the command
runs in (``cwd/a/b``); ``outside/`` beside it holds a ``victim`` file that must stay as it is.
Commands run in this process through ``purgequiz.cli.main(argv)``, with standard output and
error captured as strict UTF-8 (as a terminal would take them), under a time limit
(``SIGALRM``, on the main thread), while an audit hook records every file opened for writing,
renamed, made or removed, and refuses (PermissionError) any such write outside the data folder
and the outputs, so that a fuzz run never litters the machine. ``os.fsync`` does nothing while
a command runs (unless ``durable``): durability is what tests/store/test_kill.py tests, and
skipping the flushes halves the time of a case that writes a profile.
"""

from __future__ import annotations

import errno
import hashlib
import io
import os
import re
import shutil
import signal
import sys
import tempfile
import threading
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["Failure", "Hang", "Refused", "Report", "Run", "Sandbox", "control_characters"]

HOME_ENV = "PURGEQUIZ_HOME"
VICTIM = b"purgequiz must never write here\n"
TRACEBACK = "Traceback (most recent call last)"
# C0 and C1 controls (a line break and a tab are fine) and bidirectional overrides
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

STATUSES = ("accepted", "clean error", "unclear error", "traceback", "hang", "outside write")


class Hang(BaseException):
    """Raised in a command that ran past its time limit (not an Exception: nothing catches it)."""


class Refused(PermissionError):
    """Raised in a command that tried to write outside the data folder (the write is not made)."""


# -- recording writes --------------------------------------------------------------------------

_watching: Sandbox | None = None  # the sandbox whose command is running
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
_FIRST = frozenset(
    (
        "os.remove",
        "os.rmdir",
        "os.mkdir",
        "os.truncate",
        "os.chmod",
        "os.chown",
        "os.utime",
        "shutil.rmtree",
        "tempfile.mkstemp",
        "tempfile.mkdtemp",
    )
)
_SECOND = frozenset(("os.link", "os.symlink", "shutil.copyfile", "shutil.move"))


def _targets(event: str, args: tuple) -> Iterable[Any]:
    if event == "open":
        path, mode, flags = args
        writing = (isinstance(flags, int) and flags != -1 and flags & _WRITE_FLAGS) or (
            isinstance(mode, str) and any(c in mode for c in "wax+")
        )
        return (path,) if writing else ()
    if event == "os.rename":  # os.replace too
        return args[:2]
    if event in _SECOND:
        return args[1:2]
    if event in _FIRST:
        return args[:1]
    return ()


def _absolute(path: Any) -> str | None:
    if isinstance(path, int):
        try:
            return os.readlink(f"/proc/self/fd/{path}")
        except OSError:
            return None
    return os.path.abspath(os.fsdecode(path))


def _audit(event: str, args: tuple) -> None:
    box = _watching
    if box is None:
        return
    try:
        found = [p for p in map(_absolute, _targets(event, args)) if p is not None]
        refused = [os.path.realpath(p) for p in found if not box.allowed(p, event)]
        box.refused.extend(refused)
    except Exception:  # an audit hook must never break what it watches
        return
    if refused:
        raise Refused(
            errno.EACCES, "the fuzz sandbox refuses a write outside the data folder", refused[0]
        )


sys.addaudithook(_audit)
tempfile.gettempdir()  # finds its folder by writing a test file: done here, not in a command


def control_characters(text: str) -> list[str]:
    """The distinct control characters in ``text`` (a line break and a tab excepted)."""
    return sorted(set(_CONTROLS.findall(text)))


def _chain(error: BaseException | None) -> list[BaseException]:
    out = []
    while error is not None and len(out) < 20:
        out.append(error)
        error = error.__context__
    return out


# -- one run -----------------------------------------------------------------------------------


@dataclass
class Run:
    """What one command (or call) did."""

    label: str
    code: int | None = None
    out: str = ""
    err: str = ""
    error: BaseException | None = None
    trace: str = ""
    hung: bool = False
    refused: list[str] = field(default_factory=list)  # writes outside the data folder
    value: Any = None

    @property
    def crashed(self) -> bool:
        return self.error is not None or TRACEBACK in self.out or TRACEBACK in self.err

    def status(self, names: Iterable[str]) -> str:
        """accepted, clean error (non-zero, stderr names one of ``names``), unclear error,
        traceback, hang, or outside write (stopped by the sandbox's refusal)."""
        if self.hung:
            return "hang"
        if isinstance(self.error, Refused) or any(
            isinstance(e, Refused) for e in _chain(self.error)
        ):
            return "outside write"
        if self.crashed:
            return "traceback"
        if self.code == 0:
            return "accepted"
        if any(name and name in self.err for name in names):
            return "clean error"
        return "unclear error"

    def where(self) -> str:
        """The innermost purgequiz frame of the exception: 'purgequiz/x/y.py:123 in f'."""
        if self.error is None:
            return ""
        frames = traceback.extract_tb(self.error.__traceback__)
        ours = [
            f
            for f in frames
            if "/purgequiz/" in f.filename.replace("\\", "/")
            and "/tests/" not in f.filename.replace("\\", "/")
        ]
        frame = (ours or frames)[-1] if (ours or frames) else None
        if frame is None:
            return ""
        short = frame.filename.replace("\\", "/")
        short = short[short.rfind("/purgequiz/") + 1 :] if "/purgequiz/" in short else short
        return f"{short}:{frame.lineno} in {frame.name}"

    def error_line(self) -> str:
        if self.error is None:
            return ""
        message = " ".join(str(self.error).split())
        message = message if len(message) <= 160 else message[:157] + "..."
        return f"{type(self.error).__name__}: {message}"


# -- what went wrong -----------------------------------------------------------------------

FAILURE_KINDS = (
    "traceback",
    "hang",
    "unclear error",
    "outside write",
    "changed input",
    "raw control characters",
    "broken profile",
    "damage not kept",
)


def verb(command: str) -> str:
    """'purgequiz decks check' of 'purgequiz decks check deck.json', 'open_profile' of a call."""
    if not command.startswith("purgequiz "):
        return command.split("(", 1)[0].split(" ", 1)[0]
    words = []
    for word in command.split(" "):
        if word.startswith("-") or "." in word or "/" in word:
            break
        words.append(word)
    return " ".join(words)


@dataclass(frozen=True)
class Failure:
    """One broken promise: its kind, the command, what happened and where in the code."""

    kind: str
    command: str
    detail: str
    where: str = ""

    @property
    def signature(self) -> tuple[str, str, str, str]:
        """What tells failures apart: kind, command, exception type (not its message), place."""
        detail = self.detail.split(":", 1)[0] if self.where else ""
        return self.kind, verb(self.command), detail, self.where

    def __str__(self) -> str:
        where = f" [{self.where}]" if self.where else ""
        return f"{self.kind}: {self.command}: {self.detail}{where}"


@dataclass
class Report:
    """The runs of one case and every promise they broke."""

    shape: str
    steps: list[str]
    runs: list[tuple[str, str]] = field(default_factory=list)  # (command, status)
    failures: list[Failure] = field(default_factory=list)
    runs_detail: list[Run] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures

    def explain(self) -> str:
        lines = [f"{self.shape}: the input was damaged thus: " + "; ".join(self.steps)]
        lines += [f"  {command} -> {status}" for command, status in self.runs]
        lines += [f"  FAILED {failure}" for failure in self.failures]
        for run in self.runs_detail:
            if run.trace:
                lines.append(f"--- {run.label}\n{run.trace}")
            elif run.crashed or run.status(()) == "unclear error":
                lines.append(f"--- {run.label}: stderr:\n{run.err[-2000:]}")
        return "\n".join(lines)


# -- the sandbox ---------------------------------------------------------------------------


def _digest(path: Path) -> str:
    try:
        return hashlib.sha1(path.read_bytes()).hexdigest()
    except OSError as error:
        return f"unreadable: {error.strerror}"


def _tree(top: Path, skip: Iterable[Path], prefix: str) -> dict[str, str]:
    """Every file and folder under ``top`` (but not under ``skip``), with its content's hash."""
    skipped = {str(p) for p in skip}
    out: dict[str, str] = {}
    if not top.exists():
        return out
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.path in skipped:
                continue
            name = prefix + os.path.relpath(entry.path, top)
            if entry.is_symlink():
                out[name] = "link to " + os.readlink(entry.path)
            elif entry.is_dir():
                out[name] = "folder"
                stack.append(Path(entry.path))
            else:
                out[name] = _digest(Path(entry.path))
    return out


def _no_fsync(fd: int) -> None:
    """os.fsync while a command runs in the sandbox: nothing."""


def _raise_hang(signum, frame) -> None:
    raise Hang()


class Sandbox:
    """Folders for one attempt at a time (see the module docstring); :meth:`reset` between."""

    def __init__(
        self, timeout: float = 20.0, root: Path | None = None, durable: bool = False
    ) -> None:
        made = Path(tempfile.mkdtemp(prefix="pqfuzz-")) if root is None else root
        self.root = Path(os.path.realpath(made))
        self.box = self.root / "box"
        self.home = self.box / "home"
        self.inputs = self.box / "in"
        self.out = self.box / "out"
        self.cwd = self.box / "cwd" / "a" / "b"
        self.outside = self.root / "outside"
        self.timeout = timeout
        self.durable = durable
        self.outputs: set[str] = set()  # paths a command may write outside the data folder
        self.refused: list[str] = []  # the running command's writes outside
        self.reset()

    def reset(self) -> None:
        """Fresh, empty folders; the victim planted again."""
        for folder in (self.box, self.outside):
            if folder.exists():
                shutil.rmtree(folder)
        for folder in (self.home, self.inputs, self.out, self.cwd, self.outside):
            folder.mkdir(parents=True)
        (self.outside / "victim").write_bytes(VICTIM)
        self.outputs = set()

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def put(self, name: str, data: bytes) -> Path:
        path = self.inputs / name
        path.write_bytes(data)
        return path

    def state(self) -> dict[str, str]:
        """Everything outside the data folder and the allowed outputs, hashed."""
        skip = [self.home, *map(Path, self.outputs)]
        return {**_tree(self.box, skip, "box/"), **_tree(self.outside, (), "outside/")}

    # -- running -------------------------------------------------------------------------

    def call(self, fn: Callable[[], Any], label: str, *, command: bool = False) -> Run:
        """Run ``fn`` as a command runs: in the working folder, with PURGEQUIZ_HOME set,
        its output captured, its writes recorded, under the time limit. A ``command``
        returns its exit code; anything else that returns has succeeded (exit 0)."""
        global _watching
        run = Run(label)
        self.refused = run.refused
        out_bytes, err_bytes = io.BytesIO(), io.BytesIO()
        out = io.TextIOWrapper(out_bytes, encoding="utf-8", errors="strict", write_through=True)
        err = io.TextIOWrapper(err_bytes, encoding="utf-8", errors="strict", write_through=True)
        saved = (
            sys.stdout,
            sys.stderr,
            os.getcwd(),
            os.environ.get(HOME_ENV),
            sys.dont_write_bytecode,
            os.fsync,
        )
        timed = self.timeout and threading.current_thread() is threading.main_thread()
        handler = signal.signal(signal.SIGALRM, _raise_hang) if timed else None
        try:
            os.chdir(self.cwd)
            os.environ[HOME_ENV] = str(self.home)
            sys.stdout, sys.stderr = out, err
            sys.dont_write_bytecode = True
            if not self.durable:
                os.fsync = _no_fsync
            _watching = self
            if timed:
                signal.setitimer(signal.ITIMER_REAL, self.timeout)
            try:
                run.value = fn()
                run.code = run.value if command else 0
            except SystemExit as exit_:
                if exit_.code is None or isinstance(exit_.code, int):
                    run.code = exit_.code or 0
                else:
                    print(exit_.code, file=err)
                    run.code = 1
            except KeyboardInterrupt:
                raise
            except Hang:
                run.hung = True
            except BaseException as error:  # anything else escaping is a traceback
                run.error = error
                run.trace = traceback.format_exc()
            finally:
                if timed:
                    signal.setitimer(signal.ITIMER_REAL, 0)
        except Hang:  # fired just as the call ended
            run.hung = True
        finally:
            _watching = None
            if timed:
                signal.signal(signal.SIGALRM, handler)
            sys.stdout, sys.stderr, cwd, home, sys.dont_write_bytecode, os.fsync = saved
            os.chdir(cwd)
            if home is None:
                os.environ.pop(HOME_ENV, None)
            else:
                os.environ[HOME_ENV] = home
        run.out = out_bytes.getvalue().decode("utf-8", errors="replace")
        run.err = err_bytes.getvalue().decode("utf-8", errors="replace")
        return run

    def main(self, argv: list[str]) -> Run:
        """``purgequiz ARGV`` through ``purgequiz.cli.main``."""
        from purgequiz.cli import main

        return self.call(lambda: main(argv), "purgequiz " + " ".join(argv), command=True)

    def allowed(self, path: str, event: str = "open") -> bool:
        """Whether a command may write ``path``: in the data folder, an output, a temporary
        file beside an output, or (to make) a folder that is there already."""
        real = os.path.realpath(path)
        if real == str(self.home) or real.startswith(str(self.home) + os.sep):
            return True
        if real in self.outputs or "__pycache__" in real:
            return True
        if event == "os.mkdir" and os.path.isdir(real):
            return True
        return any(
            os.path.dirname(real) == os.path.dirname(o)
            and os.path.basename(real).startswith("." + os.path.basename(o))
            for o in self.outputs
        )

    def outside_writes(self, run: Run) -> list[str]:
        """What ``run`` tried to write outside the data folder and its outputs."""
        return sorted(set(run.refused))
