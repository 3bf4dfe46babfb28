"""The server behind `purgequiz serve`: the command each tab runs, and whom it answers."""

from __future__ import annotations

import asyncio
import shlex
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

from purgequiz.web.server import is_loopback, refusal, tab_command


@pytest.mark.parametrize(
    "name", ["Anna", "Anna Ünal", 'O\'Brien "x"', "$(touch pwned); rm -rf ~ `id` & |;", "-n"]
)
def test_each_tab_runs_play_on_the_profile_named_whatever_it_holds(name) -> None:
    """The shell textual-serve runs the tab's command with reads it back as this Python's
    `purgequiz play --profile NAME`, the name one word, as typed."""
    assert shlex.split(tab_command(name)) == [
        sys.executable,
        "-m",
        "purgequiz",
        "play",
        "--profile",
        name,
    ]


def test_without_a_profile_each_tab_runs_play() -> None:
    """Without --profile each tab runs `purgequiz play`, which asks who is studying."""
    assert shlex.split(tab_command(None)) == [sys.executable, "-m", "purgequiz", "play"]


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("localhost", True),
        ("LOCALHOST.", True),
        ("127.0.0.1", True),
        ("127.1.2.3", True),
        ("::1", True),
        ("[::1]", True),
        ("0.0.0.0", False),
        ("192.168.1.10", False),
        ("example.org", False),
        ("localhost.example.org", False),
    ],
)
def test_loopback_names_are_this_computers_own(host, loopback) -> None:
    """localhost and the loopback addresses are this computer's; others are not."""
    assert is_loopback(host) is loopback


@pytest.mark.parametrize(
    ("host", "origin"),
    [
        ("127.0.0.1:8000", None),
        ("127.0.0.1:8000", "http://127.0.0.1:8000"),
        ("localhost:8000", "http://localhost:8000"),
        ("LocalHost:8000", "http://localhost:8000"),
        ("[::1]:8000", "http://[::1]:8000"),
    ],
)
def test_a_local_server_answers_its_own_page(host, origin) -> None:
    """A server on this computer answers requests made to its own names, from its own page
    (or from no page at all)."""
    assert refusal(host, origin, local=True) is None


@pytest.mark.parametrize(
    ("host", "origin", "why"),
    [
        ("attacker.example:8000", None, "answers only to this computer's own names"),
        ("attacker.example:8000", "http://attacker.example:8000", "this computer's own names"),
        ("127.0.0.1:8000", "http://attacker.example", "only purgequiz's own page"),
        ("127.0.0.1:8000", "http://127.0.0.1:9000", "only purgequiz's own page"),
        ("127.0.0.1:8000", "null", "only purgequiz's own page"),
    ],
)
def test_a_local_server_refuses_other_names_and_other_sites_pages(host, origin, why) -> None:
    """A server on this computer refuses a request made to another name (a site's name pointed
    at this computer) and a connection opened by another site's page."""
    said = refusal(host, origin, local=True)
    assert said is not None and why in said


def test_a_server_on_the_network_answers_any_name_but_only_its_own_page() -> None:
    """Listening on the network, the server answers whatever name it is reached by, still only
    from its own page."""
    assert refusal("192.168.1.10:8000", "http://192.168.1.10:8000", local=False) is None
    assert refusal("quiz.school.example:8000", None, local=False) is None
    said = refusal("192.168.1.10:8000", "http://attacker.example", local=False)
    assert said is not None and "only purgequiz's own page" in said


def _status(url: str, **headers: str) -> int:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as answer:
            status: int = answer.status
            return status
    except urllib.error.HTTPError as error:
        return error.code


def test_the_running_server_refuses_other_names_and_other_sites(serve) -> None:
    """The server itself answers its page at its address and refuses it by another name; a
    tab's connection opened by another site's page is refused before any app is started."""
    server = serve()
    assert _status(server.url) == 200
    assert _status(server.url, Host=f"attacker.example:{server.port}") == 403
    assert _status(f"{server.url}ws", Origin="http://attacker.example") == 403


STOPPING = """
import asyncio, os, sys
from purgequiz.web.server import children_ended

async def main():
    # a tab's app as textual-serve last sees it: its output closed, its process still exiting
    tab = await asyncio.create_subprocess_exec(
        sys.executable, "-c", "import os, time; os.close(1); time.sleep(0.5)",
        stdout=asyncio.subprocess.PIPE,
    )
    assert await tab.stdout.read() == b""
    await children_ended()
    try:  # by now the process has exited and been collected: no child of that number is left
        os.waitid(os.P_PID, tab.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
    except ChildProcessError:
        print("ended")
    print(await tab.wait())

asyncio.run(main())
"""


def test_the_server_stops_once_its_tabs_processes_have_ended() -> None:
    """The server's loop closes only after the tabs' processes have exited and been collected:
    an exit asyncio learns after its loop has closed is reported as an error when the server
    stops. (In a process of its own: no other child of the test's process is waited for.)"""
    done = subprocess.run(
        [sys.executable, "-c", STOPPING], capture_output=True, text=True, timeout=60, check=False
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "ended\n0\n", "")


def test_a_second_ctrl_c_stops_the_server_at_once() -> None:
    """Ctrl+C again while the first one's ending of the tabs is under way stops the server at
    once, as aiohttp's own Ctrl+C does."""
    from aiohttp import web

    from purgequiz.web.server import StudyServer

    server = StudyServer(None, "127.0.0.1", 8000)

    async def ctrl_c_twice() -> None:
        server._stop()  # the first: the open tabs are being ended
        with pytest.raises(web.GracefulExit):
            server._stop()
        for task in asyncio.all_tasks() - {asyncio.current_task()}:
            task.cancel()

    asyncio.run(ctrl_c_twice())
