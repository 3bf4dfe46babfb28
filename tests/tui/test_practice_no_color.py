"""NO_COLOR on the practice screens: the real app, in a real terminal, sends no colour codes
from the practice menu to a cram's feedback, and still marks the highlighted line."""

from __future__ import annotations

import os
import re

from purgequiz.tui.widgets.cards import KIND_LABELS
from tests.tui.test_no_color import Terminal, colour_codes, emphasised


def test_the_practice_screens_send_no_colour_and_mark_the_highlight() -> None:
    """With NO_COLOR=1, the menu, the list to cram from, a card and its feedback after
    "I don't know" are drawn without one colour code; the highlighted mode is bold and
    underlined."""
    terminal = Terminal({"NO_COLOR": "1"})
    try:
        terminal.wait_for(re.compile(rb"held cards"))
        os.write(terminal.leader, b"p")
        start = len(terminal.shown)
        terminal.wait_for(emphasised(b"1. Quick practice"))
        terminal.wait_for(re.compile(rb"Challenge"))
        os.write(terminal.leader, b"2")
        terminal.wait_for(re.compile(rb"Cram: what to practise"))
        os.write(terminal.leader, b"\r")
        terminal.wait_for(re.compile(rb"practice, cards left"))
        # the first card is drawn at random, of any kind: its label says which; a typed answer
        # takes ? and Enter, every other kind 0
        labels = b"|".join(re.escape(label.encode()) for label in KIND_LABELS.values())
        card = terminal.wait_for(re.compile(labels))
        typed = card.group(0) == KIND_LABELS["typed"].encode()
        if typed:
            terminal.wait_for(re.compile(rb"Type your answer"))  # the answer's box is up
        os.write(terminal.leader, b"?\r" if typed else b"0")
        terminal.wait_for(re.compile(rb"You did not know this one"))
        terminal.quit()
        assert colour_codes(terminal.shown[start:]) == []
    finally:
        terminal.close()
