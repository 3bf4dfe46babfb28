"""The key bar at the foot of each screen: Textual's footer, rebuilt only when what it shows
changes.

Textual asks the footer to rebuild all its keys whenever a screen's bindings may have
changed: when a screen is pushed, whenever the focus moves, and on every
``refresh_bindings()``. Most of these leave the keys shown as they were (the focus moving
between widgets whose keys are not shown, a check that gives the same answer): the home
screen was rebuilt twice as it appeared, and a session rebuilt it at every card.
"""

from __future__ import annotations

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
    """A :class:`~textual.widgets.Footer` that is rebuilt only when its keys change."""

    def __init__(self) -> None:
        super().__init__()
        self._drawn: Shown | None = None  # the keys asked for by the last rebuild

    def bindings_changed(self, screen: Screen[object]) -> None:
        if not (screen.app.app_focus and self.is_attached and screen is self.screen):
            super().bindings_changed(screen)  # Textual's footer then only notes it
            return
        keys = shown_keys(screen)
        if keys == self._drawn:
            return
        self._drawn = keys
        super().bindings_changed(screen)
