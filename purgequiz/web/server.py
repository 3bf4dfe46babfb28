"""The server behind ``purgequiz serve``: textual-serve's, with a page of our own and a check
of who is asking.

Every tab that opens the page gets a process of its own: textual-serve runs :func:`tab_command`
through the shell for each connection, with Textual's web driver and this process's
environment (``PURGEQUIZ_HOME`` included). Each tab is therefore a ``purgequiz play`` like one
in a terminal: it opens its profile and holds its lock, and a second tab on the same profile
is told that it is open elsewhere.

textual-serve's own page loads a font from the web; ours (``page/app_index.html``) loads
nothing from outside this server, so the app works with no network. The server has no
password: whoever can reach its port can study on it. Listening on this computer only (the
default), it also refuses requests made to another name than this computer's (a web page whose
name was pointed at this computer) and connections opened by another site's page, which a
browser would otherwise let any page it shows open to a local port.
"""

from __future__ import annotations

import asyncio
import ipaddress
import os
import shlex
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web
from textual_serve.server import Server

__all__ = ["PAGE", "StudyServer", "children_ended", "is_loopback", "refusal", "tab_command"]

PAGE = Path(__file__).resolve().parent / "page"  # the templates folder: app_index.html


def tab_command(profile: str | None) -> str:
    """The shell command each tab runs: this Python's ``purgequiz play``, on ``profile`` if one
    is named (quoted, whatever it holds)."""
    words = [sys.executable, "-m", "purgequiz", "play"]
    if profile is not None:
        words += ["--profile", profile]
    return subprocess.list2cmdline(words) if os.name == "nt" else shlex.join(words)


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a name or an address, IPv6 with or without brackets) is this
    computer's own: ``localhost`` or a loopback address."""
    name = host.strip().strip("[]").lower().rstrip(".")
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def refusal(host: str, origin: str | None, *, local: bool) -> str | None:
    """Why a request for the page or a tab's connection is refused, or None.

    ``host`` is the request's Host header, ``origin`` its Origin header (a browser sends one
    with every connection a page opens); ``local``: the server listens on this computer only.
    """
    name = urlsplit(f"//{host}").hostname
    if local and (name is None or not is_loopback(name)):
        return (
            "this server answers only to this computer's own names (localhost, 127.0.0.1); "
            "open it as http://localhost:PORT"
        )
    if origin is not None and origin.lower() not in (
        f"http://{host}".lower(),
        f"https://{host}".lower(),
    ):
        return "only purgequiz's own page can open the study app"
    return None


class StudyServer(Server):
    """textual-serve's server with purgequiz's page, its words, and the checks of
    :func:`refusal`."""

    def __init__(self, profile: str | None, host: str, port: int) -> None:
        super().__init__(
            tab_command(profile), host=host, port=port, title="purgequiz", templates_path=PAGE
        )
        self.local = is_loopback(host)
        self._tabs: set[asyncio.Task[object]] = set()  # the open tabs' connections
        self._stopping: asyncio.Future[None] | None = None  # Ctrl+C's ending of the tabs
        self.address = f"http://{'[' + host + ']' if ':' in host else host}:{port}"

    def serve(self, debug: bool = False) -> None:
        """Serve until Ctrl+C (or SIGTERM); the tabs' apps are told to quit, and save as
        they would on q. Raises OSError when the address cannot be listened on."""
        self.debug = debug
        web.run_app(
            self._make_app(),
            host=self.host,
            port=self.port,
            print=self._listening,
            access_log=None,
        )

    def _listening(self, *_: object) -> None:
        """Said once the server listens (aiohttp calls it then, with its own words)."""
        where = (
            "this computer only"
            if self.local
            else "every computer that can reach this one on the network"
        )
        print(
            f"purgequiz is served at {self.address} ({where}; no password: whoever can reach "
            f"it can use it).\nOpen it in a web browser; each tab is a study session of its "
            f"own. Press Ctrl+C here to stop.",
            flush=True,
        )

    async def on_startup(self, app: web.Application) -> None:
        """Nothing is said before the server listens (see :meth:`_listening`). Ctrl+C and
        SIGTERM are taken over from aiohttp (see :meth:`_stop`), where the system allows it."""
        loop = asyncio.get_running_loop()
        for number in (signal.SIGINT, signal.SIGTERM):
            try:
                loop.add_signal_handler(number, self._stop)
            except (NotImplementedError, RuntimeError):  # Windows: aiohttp's own stop
                return

    def _stop(self) -> None:
        """Ctrl+C: end the open tabs first, then stop the server; a second Ctrl+C stops it
        at once. aiohttp's own stop stops reading the tabs' connections before it lets
        the server end them, and each tab then waited seconds for its browser's goodbye."""
        if self._stopping is not None:
            raise web.GracefulExit()
        self._stopping = asyncio.ensure_future(self._end_tabs_then_stop())

    async def _end_tabs_then_stop(self) -> None:
        await self._end_tabs()
        asyncio.get_running_loop().call_soon(_graceful_exit)  # as aiohttp's own stop does

    def _check(self, request: web.Request) -> None:
        why = refusal(request.host, request.headers.get("Origin"), local=self.local)
        if why is not None:
            raise web.HTTPForbidden(text=f"purgequiz: {why}\n")

    async def handle_index(self, request: web.Request) -> Any:
        self._check(request)
        return await super().handle_index(request)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """A tab's connection: textual-serve runs the tab's app for as long as it lasts."""
        self._check(request)
        tab = asyncio.current_task()
        assert tab is not None  # aiohttp handles each request in a task of its own
        self._tabs.add(tab)
        try:
            return await super().handle_websocket(request)
        finally:
            self._tabs.discard(tab)

    async def on_shutdown(self, app: web.Application) -> None:
        """As the server stops, each tab still open is ended (see :meth:`_end_tabs`): the
        server would otherwise do so only after a minute's wait for the tabs to close."""
        await self._end_tabs()

    async def _end_tabs(self) -> None:
        """Tell each open tab's app to quit (it saves as it does on q) and wait for it:
        textual-serve does so when a connection's task is cancelled."""
        tabs = list(self._tabs)
        for tab in tabs:
            tab.cancel()
        await asyncio.gather(*tabs, return_exceptions=True)
        await children_ended()


def _graceful_exit() -> None:
    raise web.GracefulExit()


async def children_ended(within: float = 10.0) -> None:
    """Return once this process has no child process left (at most ``within`` seconds on).

    textual-serve's wait for a tab ends when the tab's app closes its output, a moment before
    its process exits; asyncio learns of that exit from the running loop, and a process whose
    exit it learns after the loop has closed is reported as an error ("Event loop is closed").
    Children are looked at without being collected (``WNOWAIT``), so that asyncio still
    collects each and reads its exit status.
    """
    if not hasattr(os, "waitid"):  # Windows: no exit callback runs on a closed loop there
        return
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while loop.time() < deadline:
        try:
            os.waitid(os.P_ALL, 0, os.WEXITED | os.WNOHANG | os.WNOWAIT)
        except ChildProcessError:  # none left
            break
        await asyncio.sleep(0.02)
    await asyncio.sleep(0.05)  # asyncio's callbacks for the last exits run
