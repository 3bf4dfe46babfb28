"""NO_COLOR and the statistics: the real app, in a real 80×24 terminal, draws the statistics
screen without one colour code, and its figures still read: the charts' marks are blocks of
different heights, and each chart's numbers are written out beside it."""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime

from tests.tui.statkit import fill
from tests.tui.test_no_color import Terminal, colour_codes


def test_the_statistics_read_without_colour() -> None:
    """With NO_COLOR=1, t draws the statistics with no colour code at all, with the column
    chart's blocks, its scale and its numbers in words."""
    fill(name="Test", days=20, until=datetime.now(UTC).replace(hour=12))
    terminal = Terminal({"NO_COLOR": "1"})
    try:
        terminal.wait_for(re.compile(rb"held cards"))  # the home screen's footer, drawn last
        os.write(terminal.leader, b"t")
        terminal.wait_for(re.compile(rb"Cards due"))
        terminal.wait_for(re.compile(rb"span: 30/90/365 days"))  # the key bar, drawn last
        terminal.quit()
    finally:
        terminal.close()
    shown = terminal.shown
    assert colour_codes(shown) == []
    assert "█".encode() in shown and "│".encode() in shown
    assert re.search(rb"answers in the last 30 days,", shown)
    assert re.search(rb"\d+ answers in all", shown)
