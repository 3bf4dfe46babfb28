"""The app as screens and widgets see it, typed.

Textual types ``self.app`` as any ``App``; :func:`quiz_app` gives it as the purgequiz app, so
that mypy checks each use of what the app holds for its screens (the clock, the random
generator, the deck catalog, the problems met while closing).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.dom import DOMNode

if TYPE_CHECKING:
    from purgequiz.tui.app import PurgeQuizApp

__all__ = ["quiz_app"]


def quiz_app(node: DOMNode) -> PurgeQuizApp:
    """The purgequiz app that ``node`` runs in (a :class:`TypeError` in any other app)."""
    from purgequiz.tui.app import PurgeQuizApp  # loaded already: it is running the node

    app = node.app
    if not isinstance(app, PurgeQuizApp):
        raise TypeError(f"{type(node).__name__} runs only in the purgequiz app, not in {app!r}")
    return app
