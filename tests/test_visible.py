"""Control characters in text from files become visible escapes, and are found for the checks."""

from __future__ import annotations

import json

import pytest

from purgequiz.visible import control_problem, controls, json_safe, visible
from tests.hostile import HOSTILE, SHOWN, has_controls


@pytest.mark.parametrize(("raw", "shown"), zip(HOSTILE, SHOWN, strict=True))
def test_visible_writes_each_control_as_an_escape(raw: str, shown: str):
    """Escape sequences, C1 controls and bidi overrides read as their escapes."""
    assert visible(f"a{raw}b") == f"a{shown}b"
    assert has_controls(raw)


def test_line_breaks_stay_only_when_asked():
    """A line break stays one with ``newlines``; a tab never does; plain text is unchanged."""
    assert visible("a\nb\tc", newlines=True) == "a\nb\\x09c"
    assert visible("a\nb") == "a\\x0ab"
    assert visible("Ежов [bold] \\x1b") == "Ежов [bold] \\x1b"


def test_controls_are_found_at_any_depth_once_each_in_order():
    """Keys, lists and nested tables are searched; each character is named once."""
    value = {
        "prompt": "a\x1b[2J",
        "choices": ["b", "c\x07\x1b"],
        "rebuttals": {"\u202e": {}},
        "year": 1937,
    }
    assert controls(value) == ["\\x1b", "\\x07", "\\u202e"]
    assert controls(["a\nb"], newlines=True) == [] and controls("a\nb") == ["\\x0a"]


def test_control_problem_words_what_it_found():
    """One character or several are named in the words the checks report."""
    assert control_problem("fine") is None
    assert control_problem("a\x9b2J") == "holds a control character (\\x9b)"
    assert control_problem(["\x1b", "\u202e"]) == "holds control characters (\\x1b, \\u202e)"


def test_json_safe_escapes_what_json_dumps_leaves():
    """C1 controls, DEL and bidi overrides are escaped; the JSON still reads back the same."""
    data = {"name": "Anna" + "".join(HOSTILE) + "\x7f", "ok": "Ежов"}
    text = json_safe(json.dumps(data, ensure_ascii=False))
    assert not has_controls(text)
    assert "Ежов" in text
    assert json.loads(text) == data


def test_lone_surrogates_are_shown_as_escapes():
    """A lone surrogate (not text, and not writable as UTF-8) is shown as its escape."""
    assert visible("a\ud800b") == "a\\ud800b"
    assert json_safe(json.dumps("x\udfff", ensure_ascii=False)) == '"x\\udfff"'
    assert has_controls("\ud800")


@pytest.mark.parametrize("char", ["\u200f", "\u200e", "\u061c", "\u2028", "\u2029"])
def test_direction_marks_and_line_separators_are_shown_as_escapes(char):
    """Marks that reorder text and separators some terminals take as line breaks are shown."""
    assert visible(f"a{char}b") == f"a\\u{ord(char):04x}b"
    assert json_safe(json.dumps(char, ensure_ascii=False)) == f'"\\u{ord(char):04x}"'
