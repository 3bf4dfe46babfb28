"""The subcommands' printing helpers: whatever text they are given reaches the terminal as text."""

from __future__ import annotations

import json

from purgequiz.commands.output import fail, json_text, print_problems, say, table
from tests.hostile import HOSTILE, SHOWN, assert_shown_as_text

EVIL = "".join(HOSTILE)


def test_say_fail_and_problems_show_control_characters_as_escapes(capsys):
    """say, fail and print_problems print escapes, never the characters themselves."""
    say(f"deck {EVIL}\nsecond line")
    assert fail(f"cannot read {EVIL}") == 1
    assert print_problems([f"card {EVIL}", f"card\n{EVIL}"]) == 2
    captured = capsys.readouterr()
    assert_shown_as_text(captured.out, *SHOWN, "\nsecond line")
    assert_shown_as_text(captured.err, *SHOWN, "purgequiz: cannot read ")
    assert "card\\x0a" in captured.err  # one problem a line


def test_table_cells_are_escaped_and_aligned():
    """A cell holding control characters or a line break stays one cell, its columns aligned."""
    text = table([("a\x1b[2J", "x\ny"), ("bb", "z")], ("file", "title"))
    assert text.splitlines() == ["file      title", "a\\x1b[2J  x\\x0ay", "bb        z"]


def test_json_text_escapes_c1_controls_and_bidi_overrides():
    """JSON for the terminal holds no raw control character and reads back the same."""
    text = json_text({"profile": EVIL}, indent=1)
    assert_shown_as_text(text, "\\u001b", "\\u009b", "\\u202e")
    assert json.loads(text) == {"profile": EVIL}
