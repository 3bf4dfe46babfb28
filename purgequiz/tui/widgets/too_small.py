"""A notice over the whole screen while the terminal is smaller than the app can be used in.

:data:`MIN_SIZE` was found by laying out every screen: at 40×12 the home screen shows its
title, today's figures (two lines) and its first deck whole; a card shows its prompt and, once
scrolled, its four choices with their border; dialogs and settings scroll to every field.
Narrower, today's figures and the deck list's heading wrap and the first deck no longer fits;
shorter, neither does it, nor a card's list under the study header.

Below it the screen is covered by a polite request for a larger window that says both sizes.
What is under the notice is left exactly as it was: the card, the highlighted choice, the text
typed so far, the focus. The notice takes the keys while it is shown, so nothing is answered
or changed by accident, and hands the focus back when the window is large enough again.
Ctrl+Q still quits.
"""

from __future__ import annotations

from textual import events
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from purgequiz.tui.text import plain

__all__ = ["MIN_SIZE", "TooSmall", "fit"]

MIN_SIZE = Size(40, 12)  # columns, lines


def too_small(size: Size) -> bool:
    return size.width < MIN_SIZE.width or size.height < MIN_SIZE.height


def request(size: Size) -> str:
    """What the notice says, for a terminal of ``size``."""
    return (
        f"Please make this window larger.\n"
        f"It is {size.width}×{size.height} (columns × lines); purgequiz needs at least "
        f"{MIN_SIZE.width}×{MIN_SIZE.height}.\n"
        "Nothing is lost meanwhile. Ctrl+Q quits."
    )


class TooSmall(Static, can_focus=True):
    """Covers its screen and keeps the keys until :meth:`hide`; remembers the focus it took."""

    DEFAULT_CSS = """
    TooSmall {
        overlay: screen;
        position: absolute;
        offset: 0 0;
        width: 100vw;
        height: 100vh;
        padding: 0 1;
        background: $background;
        color: $foreground;
        content-align: center middle;
        text-align: center;
        display: none;
    }
    """

    def __init__(self) -> None:
        super().__init__("")
        self.given_back: Widget | None = None  # the widget the keys go back to

    def on_mount(self) -> None:
        self.watch(self.screen, "focused", self._keep_focus, init=False)

    def show(self, size: Size) -> None:
        self.update(plain(request(size)))
        if not self.display:
            self.display = True
            self.given_back = self.screen.focused
        self.focus(scroll_visible=False)

    def hide(self) -> None:
        if not self.display:
            return
        self.display = False
        given_back, self.given_back = self.given_back, None
        if given_back is not None and given_back.is_attached:
            # As when the terminal window gets the focus back: a field keeps its text and
            # cursor as they were, instead of selecting it all (so the next key adds to it).
            self.screen.set_focus(given_back, scroll_visible=False, from_app_focus=True)

    def _keep_focus(self, focused: Widget | None) -> None:
        """Something under the notice asked for the focus (a card that appeared meanwhile, say):
        it gets it when the notice goes; until then the keys stay here."""
        if self.display and focused is not self:
            if focused is not None:
                self.given_back = focused
            self.focus(scroll_visible=False)

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()


def fit(screen: Screen[object], size: Size) -> None:
    """Cover ``screen`` with the notice when ``size`` is too small; uncover it otherwise."""
    notices = screen.query_children(TooSmall)
    notice = notices.first() if notices else None
    if not too_small(size):
        if notice is not None:
            notice.hide()
        return
    if notice is None:
        notice = TooSmall()
        screen.mount(notice)
    notice.show(size)
