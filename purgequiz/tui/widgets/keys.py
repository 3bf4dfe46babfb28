"""The key bar at the foot of each screen: Textual's footer, rebuilt only when what it shows
changes, and once for changes that come together.

Textual asks the footer to rebuild all its keys whenever a screen's bindings may have
changed: when a screen is pushed, whenever the focus moves, and on every
``refresh_bindings()``. Most of these leave the keys shown as they were (the focus moving
between widgets whose keys are not shown, a check that gives the same answer): the home
screen was rebuilt twice as it appeared, and a session rebuilt it at every card. Changes
that come one after the other (an answer taken: the card's list removed, the feedback
mounted, the phase changed, the focus moved) each asked for a rebuild, all after the next
redraw: the keys were built two or three times over, the same each time.

Each key is made with the bar's ``compact`` setting: Textual's footer makes it compact and
then binds it to the bar's setting, so each key was styled twice more as it appeared.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widgets import Footer

__all__ = ["KeyBar", "shown_keys"]

Shown = tuple[tuple[str, str, str, str, bool, str], ...]


def shown_keys(screen: Screen[object]) -> Shown:
    """What a footer draws for ``screen``: each shown key, how it is written, its words, its
    action, whether it is enabled, and its tooltip (the palette's key included)."""
    app = screen.app
    return tuple(
        (
            binding.key,
            app.get_key_display(binding),
            binding.description,
            binding.action,
            enabled,
            tooltip,
        )
        for (_, binding, enabled, tooltip) in screen.active_bindings.values()
        if binding.show or binding.key == app.COMMAND_PALETTE_BINDING
    )


class KeyBar(Footer):
    """A :class:`~textual.widgets.Footer` that is rebuilt only when its keys change, once for
    the changes made together."""

    def __init__(self) -> None:
        super().__init__()
        self._built: Shown | None = None  # the keys the bar holds
        self._started = False  # Textual's footer was told that the keys can be shown
        self._due = False  # a look at the keys is set for once the changes in hand are made

    def bindings_changed(self, screen: Screen[object]) -> None:
        if not (screen.app.app_focus and self.is_attached and screen is self.screen):
            super().bindings_changed(screen)  # Textual's footer then only notes it
            return
        if not self._started:  # the first keys: Textual's footer builds them
            self._started = True
            super().bindings_changed(screen)
        elif not self._due:
            self._due = True
            self.call_later(self._rebuild)

    async def _rebuild(self) -> None:
        """Rebuild the keys (their changes made by now)."""
        self._due = False
        if self.app.app_focus:
            await self.recompose()

    async def recompose(self) -> None:
        """Rebuild the keys, unless they are those the bar holds: Textual's footer asks for its
        first keys after a redraw, by which time a change after it may have built them."""
        if not self.is_attached:
            return
        keys = shown_keys(self.screen)
        if keys != self._built:
            self._built = keys
            await super().recompose()

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            # the keys bound to the bar's setting (all but the palette's, which stays compact)
            compact = getattr(type(widget), "compact", None)
            if isinstance(compact, Reactive) and not widget.has_class("-command-palette"):
                widget.set_reactive(compact, self.compact)
            yield widget
