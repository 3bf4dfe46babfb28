"""`purgequiz decks list | check | show | build-shipped`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from purgequiz import paths
from purgequiz.cli import main
from tests.hostile import C1_CLEAR, CLEAR, HOSTILE, REVERSE, TITLE, assert_shown_as_text

ESCAPES = ("\\x1b", "\\x07", "\\x9b", "\\u202e")  # each named in the problems


def test_list_shows_bundled_and_user_decks(capsys):
    """Bundled decks are listed with card counts by kind; a bad user deck shows its problem."""
    user = paths.user_decks_dir()
    user.mkdir(parents=True)
    (user / "broken.json").write_text("{not json")
    assert main(["decks", "list"]) == 0
    out = capsys.readouterr().out
    assert "purges-all.json" in out and "question" in out
    assert "broken.json" in out and "unusable: is not valid JSON" in out


def test_list_without_user_decks(capsys):
    """With no user decks the list says how to make one."""
    assert main(["decks", "list"]) == 0
    assert "purgequiz generate" in capsys.readouterr().out


def test_check_good_and_bad(tmp_path: Path, capsys):
    """A good deck passes; a bad one gives exit 1 and one line per problem, naming the card."""
    good = paths.bundled_decks_dir() / "figures.json"
    assert main(["decks", "check", str(good)]) == 0
    data = json.loads(good.read_text())
    del data["cards"][0]["answer"]
    data["cards"][1]["kind"] = "essay"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    capsys.readouterr()
    assert main(["decks", "check", str(bad)]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith(str(bad)) for line in lines)
    assert data["cards"][0]["id"] in lines[0]


def test_check_flags_an_answer_given_away(tmp_path: Path, capsys):
    """A hand-edited card whose prompt names its answer is reported."""
    data = json.loads((paths.bundled_decks_dir() / "army-purge.json").read_text())
    card = next(c for c in data["cards"] if c["kind"] == "question")
    card["prompt"] = f"Is it {card['answer']}?"
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(data))
    assert main(["decks", "check", str(path)]) == 1
    assert "gives the answer away" in capsys.readouterr().err


def test_show_prints_questions_and_answers(capsys):
    """`decks show --limit` prints that many cards with their answers."""
    assert main(["decks", "show", str(paths.bundled_decks_dir() / "chronology.json"),
                 "--limit", "2"]) == 0
    out = capsys.readouterr().out
    assert out.count("answer:") + out.count("     1. ") >= 2 and "more (use --limit" in out


def test_show_missing_file(tmp_path: Path, capsys):
    """A missing deck file is one message and exit 1."""
    assert main(["decks", "show", str(tmp_path / "none.json")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_build_shipped_check_passes_when_fresh():
    """The shipped decks are fresh, so --check succeeds."""
    assert main(["decks", "build-shipped", "--check"]) == 0


def hostile_deck(path: Path) -> tuple[Path, str]:
    """A copy of a bundled deck whose title, first card's prompt, choices and explanation
    hold escape sequences; returns its path and that card's id."""
    data = json.loads((paths.bundled_decks_dir() / "figures.json").read_text())
    data["title"] = f"Figures {TITLE}{CLEAR}"
    card = data["cards"][0]
    card["prompt"] += C1_CLEAR
    card["choices"] = [choice if choice == card["answer"] else f"{choice}{TITLE}"
                       for choice in card["choices"]]
    card["rebuttals"] = {f"{choice}{TITLE}": value for choice, value in card["rebuttals"].items()}
    card["explanation"] = f"{REVERSE}{card['explanation']}"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data))
    return path, card["id"]


def test_check_reports_control_characters_naming_file_card_and_field(tmp_path: Path, capsys):
    """`decks check` refuses a deck whose text holds escape sequences: exit 1, one line per
    field naming the file and card, the characters shown as escapes."""
    path, card = hostile_deck(tmp_path / "deck.json")
    assert main(["decks", "check", str(path)]) == 1
    captured = capsys.readouterr()
    assert_shown_as_text(captured.out + captured.err, *ESCAPES)
    lines = captured.err.splitlines()
    assert f"{path}: field 'title' holds control characters (\\x1b, \\x07)" in lines
    for field, found in (("prompt", "a control character (\\x9b)"),
                         ("choices", "control characters (\\x1b, \\x07)"),
                         ("rebuttals", "control characters (\\x1b, \\x07)"),
                         ("explanation", "a control character (\\u202e)")):
        assert f"{path}: card {card}: field '{field}' holds {found}" in lines, field


@pytest.mark.parametrize("action", ["show", "lint", "sample"])
def test_other_actions_on_such_a_deck_print_its_problems_as_text(action, tmp_path, capsys):
    """`decks show`, `lint` and `sample` refuse the deck too, printing no escape sequence."""
    path, card = hostile_deck(tmp_path / "deck.json")
    assert main(["decks", action, str(path)]) == 1
    captured = capsys.readouterr()
    assert_shown_as_text(captured.out + captured.err, *ESCAPES, f"card {card}: field 'prompt'")


def test_list_shows_a_refused_deck_and_its_file_name_as_text(capsys):
    """`decks list` names a deck file holding escape sequences, and why it is unusable, as text."""
    hostile_deck(paths.user_decks_dir() / f"evil{CLEAR}.json")
    assert main(["decks", "list"]) == 0
    out = capsys.readouterr().out
    assert_shown_as_text(out, "evil\\x1b[2J.json",
                         "unusable: field 'title' holds control characters (\\x1b, \\x07)")


@pytest.mark.parametrize("argv", [["decks", "show"], ["decks", "check"], ["decks", "lint"],
                                  ["facts", "check"], ["decks", "list"]])
def test_names_typed_on_the_command_line_are_printed_as_text(argv, capsys):
    """A file name or stray argument holding escape sequences comes back as text."""
    name = "".join(HOSTILE) + ".json"
    try:
        main([*argv, name])
    except SystemExit:  # argparse: unrecognized arguments
        pass
    captured = capsys.readouterr()
    assert_shown_as_text(captured.out + captured.err, "\\x1b]0;HIJACKED\\x07\\x1b[2J")
