"""The worksheet as a PDF: the HTML page (:mod:`purgequiz.export.worksheet_html`) printed on
A4 by headless Chromium."""

from __future__ import annotations

from pathlib import Path

from purgequiz.decks.model import Deck
from purgequiz.export.browser import print_to_pdf
from purgequiz.export.worksheet import worksheet
from purgequiz.export.worksheet_html import page

__all__ = ["render"]


def render(deck: Deck, scratch: Path) -> bytes:
    """The ``pdf`` format: the deck's worksheet page, printed (the browser works in ``scratch``)."""
    return print_to_pdf(page(worksheet(deck)), scratch)
