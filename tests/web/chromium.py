"""Headless Chromium driven over the DevTools protocol, for the tests of `purgequiz serve`.

The browser talks on a pipe (``--remote-debugging-pipe``: it reads commands on its file 3 and
writes answers on its file 4), so no port is opened for it. Each :class:`Tab` records the
addresses its page fetched, and reads the terminal that textual-serve's page draws: xterm.js
paints it on a canvas, so the text is read from the terminal's own buffer, found among the
page's objects as the xterm ``Terminal`` whose element is the one in the page, through xterm's
public API (``buffer.active.getLine(y).translateToString()``).
"""

from __future__ import annotations

import base64
import json
import os
import select
import subprocess
import time
from pathlib import Path
from typing import Any

BROWSER = "/usr/bin/chromium"
FLAGS = (
    "--headless",
    "--no-sandbox",  # the tests run as root, where Chromium cannot sandbox
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-crash-reporter",
    "--window-size=1024,768",
    "--remote-debugging-pipe",
)
WAIT = 60.0  # seconds for anything the browser or the app is waited on for (a shared machine)


class BrowserError(Exception):
    """The browser answered a command with an error, or did not answer in time."""


class Chromium:
    """A headless Chromium with a fresh profile under ``scratch``; :meth:`close` ends it."""

    def __init__(self, scratch: Path) -> None:
        scratch.mkdir(parents=True, exist_ok=True)
        home = scratch / "home"
        environment = {
            **os.environ,
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_CACHE_HOME": str(home / "cache"),
        }
        self.log = scratch / "chromium.log"
        with self.log.open("wb") as log:
            # the shell hands our two pipes to the browser as its files 3 and 4
            self.process = subprocess.Popen(
                [
                    "sh",
                    "-c",
                    'exec "$@" 3<&0 4>&1 </dev/null >/dev/null',
                    "sh",
                    BROWSER,
                    *FLAGS,
                    f"--user-data-dir={scratch / 'profile'}",
                    "about:blank",
                ],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
                env=environment,
            )
        self._sent = 0
        self._unread = b""
        self._events: list[dict[str, Any]] = []

    # -- the protocol ------------------------------------------------------------------------

    def _message(self, deadline: float) -> dict[str, Any]:
        """The next message from the browser, waiting until ``deadline`` at most."""
        assert self.process.stdout is not None
        pipe = self.process.stdout.fileno()
        while b"\0" not in self._unread:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([pipe], [], [], max(left, 0))
            if not ready:
                raise BrowserError("the browser did not answer in time")
            chunk = os.read(pipe, 1 << 16)
            if not chunk:
                raise BrowserError(f"the browser ended; its log: {self.log}")
            self._unread += chunk
        raw, self._unread = self._unread.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def call(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        """Send a command (to a tab's ``session``, or to the browser) and return its result;
        the events that come meanwhile are kept for :meth:`event`."""
        assert self.process.stdin is not None
        self._sent += 1
        command: dict[str, Any] = {"id": self._sent, "method": method, "params": params}
        if session is not None:
            command["sessionId"] = session
        self.process.stdin.write(json.dumps(command).encode() + b"\0")
        self.process.stdin.flush()
        deadline = time.monotonic() + WAIT + 10  # a page's own waits end first, and say why
        while True:
            message = self._message(deadline)
            if message.get("id") == self._sent:
                if "error" in message:
                    raise BrowserError(f"{method}: {message['error']}")
                result: dict[str, Any] = message["result"]
                return result
            self._events.append(message)

    def event(self, method: str, session: str) -> dict[str, Any]:
        """The first event ``method`` of ``session`` not yet taken, waiting for it."""
        deadline = time.monotonic() + WAIT
        while True:
            for message in self._events:
                if message.get("method") == method and message.get("sessionId") == session:
                    self._events.remove(message)
                    return message
            self._events.append(self._message(deadline))

    def events(self, method: str, session: str) -> list[dict[str, Any]]:
        """Every event ``method`` of ``session`` received so far."""
        return [
            m for m in self._events if m.get("method") == method and m.get("sessionId") == session
        ]

    # -- tabs and the end --------------------------------------------------------------------

    def open(self, url: str) -> Tab:
        """A new tab showing ``url``, once the page has loaded."""
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        tab = Tab(self, target, session)
        for domain in ("Page", "Network", "Runtime"):
            self.call(f"{domain}.enable", session)
        self.call("Page.navigate", session, url=url)
        self.event("Page.loadEventFired", session)
        return tab

    def close(self) -> None:
        """End the browser (and every process of it), and wait for it."""
        if self.process.poll() is None:
            try:
                self.call("Browser.close")
            except BrowserError:
                pass
        try:
            self.process.wait(timeout=WAIT)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise
        finally:
            for pipe in (self.process.stdin, self.process.stdout):
                if pipe is not None:
                    pipe.close()


# Waits, in the page, until the terminal shows every one of ``wanted`` (its lines joined with
# spaces, each run of spaces as one), checking after every write the terminal parses; resolves
# with that text, or rejects with the text shown when the page says the app has ended (its
# connection closed) or after ``seconds``.
_WAIT_FOR = """async function (wanted, seconds) {
  const terminal = this;
  const shown = () => {
    const lines = [];
    for (let y = 0; y < terminal.rows; y++) {
      const line = terminal.buffer.active.getLine(terminal.buffer.active.viewportY + y);
      lines.push(line ? line.translateToString(true) : "");
    }
    return lines.join(" ").split(/\\s+/).join(" ").trim();
  };
  return await new Promise((resolve, reject) => {
    let listener = null;
    let closing = null;
    const end = () => {
      if (listener) listener.dispose();
      if (closing) closing.disconnect();
      clearTimeout(timer);
    };
    const check = () => {
      const text = shown();
      if (wanted.every((words) => text.includes(words))) {
        end();
        resolve(text);
      } else if (document.body.classList.contains("-closed")) {
        end();
        const what = JSON.stringify(wanted);
        reject(new Error(`the app ended before showing ${what}; shown: ${text}`));
      }
    };
    const timer = setTimeout(() => {
      end();
      const what = JSON.stringify(wanted);
      reject(new Error(`not shown within ${seconds} s: ${what}; shown: ${shown()}`));
    }, seconds * 1000);
    listener = terminal.onWriteParsed(check);
    closing = new MutationObserver(check);  // the page is marked -closed when the app ends
    closing.observe(document.body, { attributes: true, attributeFilter: ["class"] });
    check();
  });
}"""

# Finds, among the objects of the page, the xterm Terminal drawn in the page's #terminal.
_FIND_TERMINAL = """function () {
  const element = document.querySelector("#terminal .xterm");
  const found = this.filter((o) => {
    try {
      return element !== null && o.element === element && typeof o.onWriteParsed === "function"
        && typeof o.buffer.active.getLine === "function";
    } catch (error) {
      return false;
    }
  });
  if (found.length !== 1) throw new Error(`${found.length} terminals in the page`);
  return found[0];
}"""


class Tab:
    """A browser tab showing a page of ``purgequiz serve``."""

    def __init__(self, browser: Chromium, target: str, session: str) -> None:
        self.browser = browser
        self.target = target
        self.session = session
        self._terminal: str | None = None  # the remote object id of the page's xterm Terminal

    def _call(self, method: str, **params: Any) -> dict[str, Any]:
        result = self.browser.call(method, self.session, **params)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            said = details.get("exception", {}).get("description") or details.get("text")
            raise BrowserError(f"in the page: {said}")
        return result

    def _find_terminal(self) -> str:
        if self._terminal is None:
            self._call(  # the page's load handlers (the terminal is made in one) have all run
                "Runtime.evaluate",
                expression="new Promise((done) => document.readyState === 'complete' ? done()"
                " : addEventListener('load', () => done()))",
                awaitPromise=True,
            )
            prototype = self._call("Runtime.evaluate", expression="Object.prototype")
            every = self._call(
                "Runtime.queryObjects",
                prototypeObjectId=prototype["result"]["objectId"],
                objectGroup="search",
            )
            found = self._call(
                "Runtime.callFunctionOn",
                objectId=every["objects"]["objectId"],
                functionDeclaration=_FIND_TERMINAL,
                objectGroup="terminal",  # kept when the search's objects are released
            )
            self._terminal = found["result"]["objectId"]
            self._call("Runtime.releaseObjectGroup", objectGroup="search")
        return self._terminal

    def wait_for(self, *wanted: str) -> str:
        """The terminal's text (lines joined, spaces collapsed) once it shows all of
        ``wanted``; BrowserError, with what it shows, if that does not come."""
        result = self._call(
            "Runtime.callFunctionOn",
            objectId=self._find_terminal(),
            functionDeclaration=_WAIT_FOR,
            arguments=[{"value": list(wanted)}, {"value": WAIT}],
            awaitPromise=True,
            returnByValue=True,
        )
        text: str = result["result"]["value"]
        return text

    def press_enter(self) -> None:
        """Press Enter, as on the keyboard, in whatever the page has focused."""
        key = {"key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13}
        self._call("Input.dispatchKeyEvent", type="keyDown", text="\r", **key)
        self._call("Input.dispatchKeyEvent", type="keyUp", **key)

    def requested(self) -> list[str]:
        """The address of every request the page has made so far."""
        return [
            event["params"]["request"]["url"]
            for event in self.browser.events("Network.requestWillBeSent", self.session)
        ]

    def screenshot(self, path: Path) -> None:
        data = self._call("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        self.browser.call("Target.closeTarget", targetId=self.target)
