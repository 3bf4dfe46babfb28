"""The shape every export format has (the formats themselves: :mod:`purgequiz.export.registry`).

Each format's module gives a ``render(deck, scratch) -> bytes`` that makes the whole file in
memory; the command writes it atomically. ``scratch`` is an empty folder under the data
folder's cache that the format may use while it works (a browser profile, a page to print)
and that is removed afterwards: nothing else is written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from purgequiz.decks.model import Deck

__all__ = ["ExportFailed", "ExportFormat"]


class ExportFailed(Exception):
    """A format could not be made (a program it needs is missing or failed), in plain words."""


@dataclass(frozen=True)
class ExportFormat:
    name: str  # what --format takes: "apkg"
    suffix: str  # the file name's ending: ".apkg"
    summary: str  # for --help: "an Anki package"
    render: Callable[[Deck, Path], bytes]
