"""Waiting for the app under test: until it has handled what it was sent, never for a time.

A test presses keys with :func:`press` and waits with :func:`settle`; both end as soon as the
app is quiet. They use Textual's public API (message queue sizes, ``call_later``, workers, the
animator) but for two things Textual offers no public way to do: build a key event as a
terminal sends it (``textual.keys`` helpers, as ``Pilot.press`` does) and see that the app
holds back redraws for a moment (``App._batch_count``, set by ``App.delay_update``).
"""

from __future__ import annotations

import asyncio
import unicodedata

from textual import events
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key
from textual.worker import WorkerCancelled

__all__ = ["press", "settle"]


def _busy(app) -> bool:
    """Whether the app still has work queued: a message waiting in the app, a screen or a
    widget of the screen shown, or a worker still running."""
    nodes = [app, *app.screen_stack, *app.screen.walk_children()]
    return any(node.message_queue_size for node in nodes) or any(
        not worker.is_finished for worker in app.workers
    )


async def _handled(app) -> None:
    """Wait until the app, the screen shown and its widgets have each handled every message
    they had been sent (each runs a callback queued behind them)."""
    nodes = [app, *app.screen.walk_children(with_self=True)]
    left = 0
    done = asyncio.Event()

    def one_more() -> None:
        nonlocal left
        left -= 1
        if left == 0:
            done.set()

    for node in nodes:
        if node.call_later(one_more):  # False for a node that has closed
            left += 1
    if left:
        await asyncio.wait_for(done.wait(), timeout=30)


def _scrolling(app) -> bool:
    """Whether a scroll of the screen shown is still under way (it moves on a timer)."""
    return any(
        app.animator.is_being_animated(node, attribute)
        for node in app.screen.walk_children(with_self=True)
        for attribute in ("scroll_x", "scroll_y")
    )


async def settle(pilot) -> None:
    """Wait until the app has handled everything it was sent and the screen shows the result.

    Each round waits for running workers and lets the app, the shown screen and its widgets
    handle what they were sent. Once nothing is queued and no worker runs, the screen is
    redrawn (``pilot.pause(0)``), which runs what waited for a redraw; if that set nothing more
    off (no message, no worker, no scroll under way), the app is quiet: nothing is left that a
    key, a click or a finished job started. Once the app is quitting, nothing more is handled,
    so there is nothing to wait for. A timer the app sets is not waited for: a test that needs
    one waits for what it does.
    """

    app = pilot.app
    for _ in range(1000):
        if any(not worker.is_finished for worker in app.workers):
            try:
                await app.workers.wait_for_complete()
            except WorkerCancelled:  # a screen that closed took its finished worker with it
                pass
            continue
        if app.return_code is not None:  # quitting: what is still queued is never handled
            return
        await _handled(app)
        if _busy(app):
            continue
        if app._batch_count:  # no redraw for a moment (App.delay_update, as the command
            await pilot.pause()  # palette does as it closes); Textual has no public flag for it
            continue
        await pilot.pause(0)
        if _scrolling(app):
            await app.animator.wait_until_complete()
            continue
        if not _busy(app):
            return
    raise AssertionError(f"the app is still busy: {app.screen!r}, {list(app.workers)!r}")


async def press(pilot, *keys: str) -> None:
    """Press ``keys`` one after the other, as a student would, waiting after each until the app
    has handled it (:func:`settle`). A key is given as Textual names it ("enter", "shift+up")
    or as the character typed ("a", "[", " ").

    ``Pilot.press`` instead waits twice per key until the process looks idle, sampling its CPU
    time every 20 ms (``textual._wait.wait_for_idle``): at least 40 ms a key, and more while
    anything else runs, without knowing what it waits for. Use ``pilot.press`` only where
    keys must arrive before the app is quiet (a key typed while a job runs)."""
    for key in keys:
        event = _key_event(key)
        event.set_sender(pilot.app)
        pilot.app.post_message(event)
        await settle(pilot)


def _key_event(key: str):
    """The key event a terminal sends for ``key``, made as ``Pilot.press`` makes it."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    try:
        char: str | None = unicodedata.lookup(
            _get_unicode_name_from_key(REPLACED_KEYS.get(key, key))
        )
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)
