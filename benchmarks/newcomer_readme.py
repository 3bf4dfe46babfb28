"""Every command README.md shows, run as a reader would run it: the third part of
benchmarks/newcomer.sh, which runs this with the Python of the virtual environment it installed
purgequiz into (``pip install .``, not an editable install).

Each ``$`` line of a console example is run by bash in a pseudo-terminal (80 columns, as a
reader's window), in a working folder laid out like the top of a clone, with
``PURGEQUIZ_HOME`` at a data folder of its own; the examples run in the README's order, sharing
both folders, and an example's set-up (``<!-- example set-up: NAME -->``) is made first by the
set-up of tests/doc_examples.py that the README's prose describes. What it prints must be what
the README shows, but for what tests/doc_examples.py lets differ (folder paths, the time in a
set-aside file's name) and the terminal's colours. An example marked as not run is run all the
same and must exit 0; the web server is started, asked for its page, and stopped with Ctrl+C.
The commands of the README's ``sh`` blocks must exit 0; the install-and-play line is what
newcomer.sh has just done, and the test line (the whole test suite, in a clone of its own) runs
only with ``--with-tests 1``.

Prints a line per command; stops at the first that fails, with what it printed, exit 1.
"""

from __future__ import annotations

import argparse
import os
import pty
import re
import select
import signal
import socket
import struct
import subprocess
import sys
import termios
import time
import types
import urllib.request
from fcntl import ioctl
from pathlib import Path

ANSI = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07]*\x07|[@-Z\\-_])")
TIMEOUT = 180.0  # seconds: the slowest command (a PDF by Chromium) takes a few


class Failed(Exception):
    """A command did not do what the README says; the message says what it printed."""


def report(started: float | None, name: str, status: str = "ok") -> None:
    """A line as newcomer.sh prints its steps: status, seconds (or -), name."""
    seconds = "    -  " if started is None else f"{time.monotonic() - started:5.1f} s"
    print(f"  {status:<4}{seconds}  {name}", flush=True)


def short(text: str, width: int = 62) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def in_pty(command: str, cwd: Path, env: dict[str, str]) -> tuple[subprocess.Popen[bytes], int]:
    """Starts ``command`` with bash in a pseudo-terminal of 80×24, in a session of its own;
    the process and the terminal's end to read what it prints from."""
    leader, follower = pty.openpty()
    ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    process = subprocess.Popen(
        ["bash", "-c", command],
        cwd=cwd,
        env=env,
        stdin=follower,
        stdout=follower,
        stderr=follower,
        start_new_session=True,
    )
    os.close(follower)
    return process, leader


def in_terminal(
    command: str, cwd: Path, env: dict[str, str], timeout: float = TIMEOUT
) -> tuple[int, str]:
    """Runs ``command`` with bash in a pseudo-terminal of 80×24; its status and what it
    printed, with the terminal's line endings and colours taken out."""
    process, leader = in_pty(command, cwd, env)
    printed = bytearray()
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            os.close(leader)
            raise Failed(f"still running after {timeout:.0f} s:\n{plain(printed)}")
        ready, _, _ = select.select([leader], [], [], min(left, 1.0))
        if not ready:
            continue
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: every process holding it has ended
            break
        if not chunk:
            break
        printed += chunk
    os.close(leader)
    return process.wait(), plain(printed)


def plain(printed: bytes | bytearray) -> str:
    text = printed.decode("utf-8", errors="replace").replace("\r\n", "\n")
    return ANSI.sub("", text)


class Readme:
    """The README's commands, with the folders they run in."""

    def __init__(self, repo: Path, venv: Path, folder: Path, with_tests: bool) -> None:
        self.repo, self.venv, self.with_tests = repo, venv, with_tests
        self.space = doc_examples.Workspace.make(folder)
        # ../shared beside the working folder, as beside a clone: the README's --sources
        # ../shared/sources reads the source texts from there.
        shared = repo.parent / "shared"
        if shared.is_dir():
            (folder / "shared").symlink_to(shared)
        os.environ["PURGEQUIZ_HOME"] = str(self.space.home)  # for the set-ups, in this process
        self.env = dict(os.environ)
        self.env["PATH"] = f"{venv / 'bin'}{os.pathsep}{self.env['PATH']}"
        self.env["VIRTUAL_ENV"] = str(venv)
        self.env["TERM"] = "xterm-256color"
        self.env.pop("NO_COLOR", None)
        # The sh blocks' commands are illustrations, not steps of the examples: they get a
        # data folder of their own, so that the profile "Try it" made by one of them is not
        # listed by the examples after it.
        self.sh_env = dict(self.env, PURGEQUIZ_HOME=str(folder / "sh-home"))
        self.started = time.monotonic()  # when the command running now started

    def run(self) -> None:
        page = doc_examples.read_page(self.repo / "README.md")
        for block in page.blocks:
            if block.tag == "console" and block.prompts:
                self.console(block)
            elif block.tag == "sh":
                self.shell(block)

    def console(self, block: doc_examples.Block) -> None:
        if not block.checked:
            for command in block.commands():
                if re.match(r"purgequiz serve\b", command.text):
                    self.serve(command)
                else:
                    self.exits_zero(command.where, command.text)
            return
        for name in block.setups:
            doc_examples.SETUPS[name](self.space)
        for command in block.commands():
            started = self.started = time.monotonic()
            status, printed = in_terminal(command.text, self.space.work, self.env)
            got = doc_examples.normalised(printed, self.space)
            shown = doc_examples.normalised("\n".join(command.shown))
            if got != shown:
                difference = "\n".join(doc_examples._diff(shown, got))
                raise Failed(
                    f"{command.where}: $ {command.text}\n(exit status {status}) it printed "
                    f"something else than the README shows:\n{difference}"
                )
            report(started, f"{command.where} $ {short(command.text)}")

    def shell(self, block: doc_examples.Block) -> None:
        for offset, line in enumerate(block.lines, start=1):
            text = line.strip()
            if not text or text.startswith("#"):
                continue
            where = f"README.md:{block.line + offset}"
            if "pip install . && purgequiz" in text:
                report(None, f"{where} {short(text)} (the steps above)")
            elif "pytest" in text:
                self.tests(where, text)
            else:
                self.exits_zero(where, text, self.own_file(text), self.sh_env)

    def own_file(self, text: str) -> str:
        """The README's list of fact-base commands names a fact file of the reader's own,
        my-topic.toml; as the reader would, make one (a copy of the example) and say so."""
        own = self.space.work / "my-topic.toml"
        if "my-topic.toml" not in text or own.exists():
            return ""
        own.write_bytes((self.space.work / "docs" / "examples" / "1848.toml").read_bytes())
        return " (my-topic.toml: a copy of docs/examples/1848.toml)"

    def exits_zero(
        self, where: str, text: str, note: str = "", env: dict[str, str] | None = None
    ) -> None:
        started = self.started = time.monotonic()
        status, printed = in_terminal(text, self.space.work, env or self.env)
        if status != 0 or "Traceback" in printed:
            raise Failed(f"{where}: $ {text}\nexit status {status}; it printed:\n{printed}")
        shown = re.sub(r"\s+#.*$", "", text)  # the command without its comment
        report(started, f"{where} $ {short(shown)}{note}")

    def tests(self, where: str, text: str) -> None:
        """The README's test command, in a clone of its own beside ../shared, as it says."""
        if not self.with_tests:
            report(None, f"{where} the whole test suite (--with-tests runs it)", "skip")
            return
        started = self.started = time.monotonic()
        folder = self.space.work.parent / "tests"
        clone = folder / "purgequiz"
        subprocess.run(["git", "clone", "--quiet", str(self.repo), str(clone)], check=True)
        if (self.repo.parent / "shared").is_dir():
            (folder / "shared").symlink_to(self.repo.parent / "shared")
        env = {k: v for k, v in self.env.items() if k != "VIRTUAL_ENV"}
        env["PATH"] = os.environ["PATH"].replace(f"{self.venv / 'bin'}{os.pathsep}", "")
        env["PURGEQUIZ_HOME"] = str(folder / "home")  # the tests set their own; in case
        status, printed = in_terminal(text, clone, env, timeout=3600)
        if status != 0:
            raise Failed(f"{where}: $ {text}\nexit status {status}; it printed:\n{printed}")
        counts = re.findall(r"^=* ?(\d+ passed.*?) ?=*$", printed, re.MULTILINE)
        report(started, f"{where} $ {short(text, 40)} ({counts[-1] if counts else 'passed'})")

    def serve(self, command: doc_examples.Command) -> None:
        """Without the web extra the command says how to get it; with it, the page is served
        and Ctrl+C stops it, exit status 0. It listens on a free port, not the README's 8000,
        which another program may be using."""
        python = str(self.venv / "bin" / "python")
        has_web = subprocess.run([python, "-c", "import textual_serve"], capture_output=True)
        if has_web.returncode != 0:
            started = self.started = time.monotonic()
            status, printed = in_terminal(command.text, self.space.work, self.env)
            if status != 1 or "pip install" not in printed:
                raise Failed(
                    f"{command.where}: $ {command.text}\nwithout the web extra: exit status "
                    f"{status}; it printed:\n{printed}"
                )
            report(started, f"{command.where} $ {short(command.text)} (no web extra)")
            started = self.started = time.monotonic()
            install = subprocess.run(
                [python, "-m", "pip", "install", "--disable-pip-version-check", "-q",
                 f"{self.repo}[web]"],
                capture_output=True,
                text=True,
            )  # fmt: skip
            if install.returncode != 0:
                raise Failed(f"pip install '.[web]' failed:\n{install.stdout}{install.stderr}")
            report(started, "install the web extra (pip install '.[web]')")
        started = self.started = time.monotonic()
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        text = f"{command.text} --port {port}"
        process, leader = in_pty(f"exec {text}", self.space.work, self.env)
        printed = bytearray()
        try:
            address = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 60
            while f"served at {address}".encode() not in printed:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise Failed(f"{command.where}: $ {text}\nit did not serve:\n{plain(printed)}")
                if select.select([leader], [], [], 0.5)[0]:
                    printed += os.read(leader, 65536)
            with urllib.request.urlopen(address, timeout=30) as answer:
                page = answer.read().decode("utf-8", errors="replace")
            if answer.status != 200 or "<html" not in page.lower():
                raise Failed(f"{address} answered {answer.status}:\n{page[:2000]}")
            os.killpg(process.pid, signal.SIGINT)
            try:
                status = process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                raise Failed(f"{command.where}: $ {text}\nCtrl+C did not stop it in 30 s") from None
            if status != 0:
                raise Failed(f"{command.where}: $ {text}\nCtrl+C: exit status {status}")
            shown = command.shown[0].replace("8000", str(port))
            first = plain(printed).splitlines()[0]
            if first.rstrip() != shown.rstrip():
                raise Failed(f"{command.where}: it printed\n{first}\nnot\n{shown}")
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            os.close(leader)
        report(started, f"{command.where} $ {short(text)} (page served, Ctrl+C)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, required=True)
    parser.add_argument("--venv", type=Path, required=True)
    parser.add_argument("--folder", type=Path, required=True, help="made; the caller removes it")
    parser.add_argument("--with-tests", type=int, default=0)
    options = parser.parse_args()
    folder = options.folder
    folder.mkdir(parents=True)
    readme = Readme(options.repo, options.venv, folder, bool(options.with_tests))
    try:
        readme.run()
    except Failed as failure:
        report(readme.started, short(str(failure).splitlines()[0]), "FAIL")
        print(f"---- the last output ----\n{failure}\n-------------------------", flush=True)
        return 1
    return 0


if __name__ == "__main__":
    # The set-ups come from the clone's tests/doc_examples.py, and purgequiz from the virtual
    # environment: the clone goes after site-packages on the path, so the installed package
    # is the one used. doc_examples names pytest only in annotations, which are not evaluated.
    sys.path.append(str(Path(__file__).resolve().parents[1]))
    sys.modules.setdefault("pytest", types.ModuleType("pytest"))
    from tests import doc_examples

    sys.exit(main())
