"""NO_COLOR on the timeline: the real app, in a real terminal, sends no colour, and the view
shown and the highlighted fact still stand out."""

from __future__ import annotations

import os
import re

from tests.tui.test_no_color import Terminal, colour_codes, emphasised


def test_the_timeline_without_colour_marks_the_view_and_the_highlight() -> None:
    """With NO_COLOR=1, l opens the timeline without one colour code reaching the terminal;
    the tab of the view shown and the highlighted fact are bold and underlined."""
    terminal = Terminal({"NO_COLOR": "1"})
    try:
        terminal.wait_for(re.compile(rb"held cards"))  # the home screen's footer, drawn last
        os.write(terminal.leader, b"l")
        terminal.wait_for(emphasised(b"1 Timeline"))
        # the first fact (of 1932) is highlighted once the fact base is read
        terminal.wait_for(emphasised(b"  In 1932 the VSNCh"))
        terminal.quit()
    finally:
        terminal.close()
    assert colour_codes(terminal.shown) == []
