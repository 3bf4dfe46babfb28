"""The fuzz harness itself: it sees every broken promise it is meant to see."""

from __future__ import annotations

import random
import time

import pytest

from tests.fuzz.harness import Sandbox, control_characters
from tests.fuzz.mangle import Mangler, to_json, to_toml
from tests.fuzz.shapes import SHAPES, Case, deck_document, fact_document, profile_template


@pytest.fixture
def box():
    with Sandbox(timeout=5) as sandbox:
        yield sandbox


def test_an_escaping_exception_is_a_traceback(box):
    """An exception out of the call is classed as a traceback, with where it was raised."""
    run = box.call(lambda: {}["missing"], "lookup")
    assert run.status([]) == "traceback" and run.error_line() == "KeyError: 'missing'"


def test_exit_codes_and_messages_are_classed(box):
    """Exit 0 is accepted; a non-zero exit is a clean error only if stderr names the file."""

    def fails(named: bool) -> int:
        import sys

        print("purgequiz: deck.json: broken" if named else "purgequiz: broken", file=sys.stderr)
        return 1

    def classed(fn) -> str:
        return box.call(fn, "command", command=True).status(["deck.json"])

    assert classed(lambda: 0) == "accepted"
    assert classed(lambda: fails(True)) == "clean error"
    assert classed(lambda: fails(False)) == "unclear error"


def test_a_write_outside_the_data_folder_is_refused_and_reported(box):
    """Writing beside the victim is refused before it happens and reported as an outside
    write; writing in the data folder is fine."""
    target = box.outside / "zz-evil"
    run = box.call(lambda: target.write_text("x"), "write outside")
    assert run.status([]) == "outside write" and box.outside_writes(run) == [str(target)]
    assert not target.exists() and (box.outside / "victim").exists()
    inside = box.call(lambda: (box.home / "fine.txt").write_text("x"), "write inside")
    assert inside.status([]) == "accepted" and not box.outside_writes(inside)


def test_a_hang_is_cut_short(box):
    """A call that runs past the time limit is stopped and classed as a hang."""
    box.timeout = 0.2
    started = time.monotonic()
    run = box.call(lambda: time.sleep(10), "sleep")
    assert run.status([]) == "hang" and time.monotonic() - started < 5


def test_output_is_taken_as_a_terminal_takes_it(box):
    """Text a UTF-8 terminal cannot take (a lone surrogate) fails as it would in a shell."""
    run = box.call(lambda: print("\ud800"), "print")
    assert run.status([]) == "traceback" and "UnicodeEncodeError" in run.error_line()


def test_control_characters_are_found():
    """Escape sequences and bidi overrides are found; line breaks and tabs are not."""
    assert control_characters("a\x1b[2Jb\x9b\u202e\n\t") == ["\x1b", "\x9b", "\u202e"]


def test_the_same_seed_gives_the_same_damage(box):
    """A seed makes the same damaged bytes every time."""

    def damaged(seed: int) -> bytes:
        mangler = Mangler(random.Random(seed), str(box.outside))
        return to_json(mangler.document(deck_document()))

    assert damaged(3) == damaged(3) and damaged(3) != damaged(4)


@pytest.mark.parametrize(
    ("shape", "case"),
    [
        ("facts", lambda: Case({"facts.toml": to_toml(fact_document())}, [])),
        ("decks", lambda: Case({"deck.json": to_json(deck_document())}, [])),
        (
            "exports",
            lambda: Case(
                {"export.json": to_json(profile_template().export)},
                [],
                {"existing": True, "named": True, "reported": True},
            ),
        ),
        (
            "exports",
            lambda: Case(
                {"export.json": to_json(profile_template().export)},
                [],
                {"existing": False, "named": False, "reported": False},
            ),
        ),
        (
            "profiles",
            lambda: Case(
                {"progress.json": (profile_template().folder / "progress.json").read_bytes()}, []
            ),
        ),
    ],
)
def test_undamaged_documents_are_accepted(box, shape, case):
    """The documents the damage starts from are valid: every command accepts them."""
    report = SHAPES[shape].check(case(), box)
    assert report.ok, report.explain()
    assert {status for _, status in report.runs} == {"accepted"}
