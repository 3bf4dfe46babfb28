"""`purgequiz decks list | check | show | build-shipped`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from purgequiz import paths
from purgequiz.cli import main
from purgequiz.decks.catalog import find_deck
from tests.hostile import (
    BOM,
    C1_CLEAR,
    CLEAR,
    HOSTILE,
    REVERSE,
    TITLE,
    assert_shown_as_text,
    deep_json,
    finishes,
    long_number_json,
    pipe,
    run_command,
)

from ..facts.conftest import EXAMPLE

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
    assert (
        main(["decks", "show", str(paths.bundled_decks_dir() / "chronology.json"), "--limit", "2"])
        == 0
    )
    out = capsys.readouterr().out
    assert out.count("answer:") + out.count("     1. ") >= 2 and "more (use --limit" in out


def test_show_missing_file(tmp_path: Path, capsys):
    """A missing deck file is one message and exit 1."""
    assert main(["decks", "show", str(tmp_path / "none.json")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_build_shipped_check_passes_when_fresh():
    """The shipped decks are fresh, so --check succeeds."""
    assert main(["decks", "build-shipped", "--check"]) == 0


def test_build_shipped_writes_every_deck_before_printing(monkeypatch, tmp_path):
    """A reader that stops early (`| head -1`) cannot leave a mix of old and new deck
    files: every deck is written before the first line is printed."""
    from purgequiz.commands import decks

    shipped = paths.bundled_decks_dir()
    monkeypatch.setattr(paths, "bundled_decks_dir", lambda: tmp_path)
    printed: list[str] = []

    def say(line: str = "", **_: object) -> None:
        printed.append(line)
        raise BrokenPipeError  # the reader went away after the first line

    monkeypatch.setattr(decks, "say", say)
    with pytest.raises(BrokenPipeError):
        decks.build_shipped(only_check=False)
    assert len(printed) == 1
    for name in sorted(p.name for p in shipped.glob("*.json")):
        assert (tmp_path / name).read_bytes() == (shipped / name).read_bytes(), name


def hostile_deck(path: Path) -> tuple[Path, str]:
    """A copy of a bundled deck whose title, first card's prompt, choices and explanation
    hold escape sequences; returns its path and that card's id."""
    data = json.loads((paths.bundled_decks_dir() / "figures.json").read_text())
    data["title"] = f"Figures {TITLE}{CLEAR}"
    card = data["cards"][0]
    card["prompt"] += C1_CLEAR
    card["choices"] = [
        choice if choice == card["answer"] else f"{choice}{TITLE}" for choice in card["choices"]
    ]
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
    for field, found in (
        ("prompt", "a control character (\\x9b)"),
        ("choices", "control characters (\\x1b, \\x07)"),
        ("rebuttals", "control characters (\\x1b, \\x07)"),
        ("explanation", "a control character (\\u202e)"),
    ):
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
    assert_shown_as_text(
        out, "evil\\x1b[2J.json", "unusable: field 'title' holds control characters (\\x1b, \\x07)"
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["decks", "show"],
        ["decks", "check"],
        ["decks", "lint"],
        ["facts", "check"],
        ["decks", "list"],
    ],
)
def test_names_typed_on_the_command_line_are_printed_as_text(argv, capsys):
    """A file name or stray argument holding escape sequences comes back as text."""
    name = "".join(HOSTILE) + ".json"
    try:
        main([*argv, name])
    except SystemExit:  # argparse: unrecognized arguments
        pass
    captured = capsys.readouterr()
    assert_shown_as_text(captured.out + captured.err, "\\x1b]0;HIJACKED\\x07\\x1b[2J")


@pytest.mark.parametrize("action", ["check", "show"])
def test_deep_json_is_one_plain_line(action: str, tmp_path: Path, capsys):
    """A deck nested 100,000 levels deep gives exit 1 and one line naming file and place."""
    deep = deep_json(tmp_path / "deep.json")
    assert main(["decks", action, str(deep)]) == 1
    assert capsys.readouterr().err == (
        f"{deep}: is nested more than 64 levels deep (line 1, column 102)\n"
    )


@pytest.mark.parametrize("action", ["check", "show"])
def test_a_number_too_long_to_convert_is_one_plain_line(action: str, tmp_path: Path, capsys):
    """A deck holding a 5000-digit number gives one line naming file and place."""
    long = long_number_json(tmp_path / "long.json")
    assert main(["decks", action, str(long)]) == 1
    assert capsys.readouterr().err == (
        f"{long}: holds a number of more than "
        f"{sys.get_int_max_str_digits()} digits "
        "(line 2, column 13)\n"
    )


@pytest.mark.parametrize("action", ["check", "show"])
def test_a_pipe_is_refused_at_once(action: str, tmp_path: Path):
    """A named pipe given as the deck is refused without waiting for a writer."""
    fifo = pipe(tmp_path / "deck.json")
    done = run_command(["decks", action, str(fifo)])
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr == f"{fifo}: is a named pipe (FIFO), not a deck file\n"


def test_a_pipe_among_your_decks_is_listed_as_unusable(capsys):
    """`decks list` reports a pipe in the decks folder instead of waiting on it."""
    user = paths.user_decks_dir()
    user.mkdir(parents=True)
    fifo = pipe(user / "pipe.json")
    assert finishes(lambda: main(["decks", "list"]), fifo) == 0
    assert "unusable: is a named pipe (FIFO), not a deck file" in capsys.readouterr().out


@pytest.mark.parametrize("action", ["check", "show"])
def test_a_deck_with_a_byte_order_mark_is_read(action: str, tmp_path: Path, capsys):
    """A deck saved with a UTF-8 byte order mark is read like the same deck without one."""
    deck = tmp_path / "bom.json"
    deck.write_bytes(BOM + (paths.bundled_decks_dir() / "figures.json").read_bytes())
    assert main(["decks", action, str(deck)]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"a": "abc', "Unterminated string (line 1, column 7)"),
        ('{"a": "x\ny"}', "Invalid control character (line 1, column 9)"),
    ],
)
def test_json_errors_say_where_once(text: str, reason: str, tmp_path: Path, capsys):
    """A JSON syntax error names file, line and column, without 'at at line'."""
    bad = tmp_path / "bad.json"
    bad.write_text(text)
    assert main(["decks", "check", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err == f"{bad}: is not valid JSON: {reason}\n" and "at at" not in err


BUNDLED_IDS = (
    "army-purge, chronology, figures, industry-decrees, purges-all, regional-trials, sources"
)


def test_show_takes_a_bundled_decks_id(capsys):
    """`decks show army-purge` shows the bundled deck of that id, as `decks list` names it."""
    assert main(["decks", "show", "army-purge", "--limit", "1"]) == 0
    count = len(find_deck("army-purge").cards)
    assert capsys.readouterr().out.startswith(f"The army purge (army-purge): {count} cards\n")


@pytest.mark.parametrize("action", ["check", "lint", "sample", "show"])
@pytest.mark.parametrize("name", ["figures", "figures.json"])
def test_every_action_takes_a_deck_id_or_listed_file_name(action, name, capsys):
    """check, lint, sample and show find a bundled deck by its id or its listed file name."""
    assert main(["decks", action, name]) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and ("figures" in captured.out)


def test_your_own_deck_is_found_by_its_id(capsys):
    """A deck in your decks folder is found by the id it holds, not only by its file name."""
    data = json.loads((paths.bundled_decks_dir() / "figures.json").read_text())
    data["id"], data["title"] = "my-figures", "My figures"
    paths.user_decks_dir().mkdir(parents=True)
    (paths.user_decks_dir() / "copy.json").write_text(json.dumps(data))
    assert main(["decks", "show", "my-figures", "--limit", "1"]) == 0
    assert capsys.readouterr().out.startswith("My figures (my-figures): 26 cards")
    assert main(["decks", "check", "copy"]) == 0


def test_a_listed_deck_that_cannot_be_used_is_named_with_its_problem(capsys):
    """A file in your decks folder named by its name gives its own problem, not 'no such deck'."""
    paths.user_decks_dir().mkdir(parents=True)
    broken = paths.user_decks_dir() / "broken.json"
    broken.write_text("{not json")
    assert main(["decks", "check", "broken"]) == 1
    assert capsys.readouterr().err.startswith(f"{broken}: is not valid JSON")


@pytest.mark.parametrize("action", ["check", "lint", "sample", "show"])
def test_an_unknown_id_lists_the_deck_ids(action, capsys):
    """An id no deck has is one line, exit 1, listing the ids there are."""
    assert main(["decks", action, "army-purges"]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        f"army-purges: there is no deck with this id (the decks are: {BUNDLED_IDS})"
    )


def test_a_missing_json_file_is_not_mistaken_for_an_id(capsys):
    """A bare file name that neither exists nor is listed says so, with the deck ids."""
    assert main(["decks", "show", "nosuch.json"]) == 1
    assert capsys.readouterr().err == (
        "nosuch.json: no such file, and no deck is listed under "
        f"this name (the decks are: {BUNDLED_IDS})\n"
    )


@pytest.mark.parametrize("action", ["check", "lint", "sample", "show"])
def test_a_fact_file_is_named_as_one(action, capsys):
    """A fact file given as a deck is called a fact file, with the command that makes a deck."""
    example = str(EXAMPLE)
    assert main(["decks", action, example]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{example}: is a fact file, not a deck; build a deck from it with "
        f"'purgequiz generate --facts {example} -o deck.json'"
    )


def test_a_fact_folder_is_named_as_one(capsys):
    """The bundled fact folder given as a deck is called a fact folder."""
    seeds = str(paths.bundled_seeds_dir())
    assert main(["decks", "show", seeds]) == 1
    assert capsys.readouterr().err == (
        f"{seeds}: is a fact folder, not a deck; build a deck from it with "
        f"'purgequiz generate --facts {seeds} -o deck.json'\n"
    )


def _first_version_deck(path: Path) -> Path:
    """A copy of a shipped deck as the first deck format wrote it: version 1, without
    families and rebuttals."""
    data = json.loads((paths.bundled_decks_dir() / "figures.json").read_text())
    data["version"] = 1
    for card in data["cards"]:
        del card["family"], card["rebuttals"]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data))
    return path


def test_check_refuses_a_first_version_deck_saying_what_to_do(tmp_path: Path, capsys):
    """A version 1 deck is refused in one line naming the file and the version and saying
    how to make the deck again."""
    old = _first_version_deck(tmp_path / "old.json")
    assert main(["decks", "check", str(old)]) == 1
    assert capsys.readouterr().err.strip() == (
        f"{old}: has deck format version 1; this purgequiz reads only version 2: "
        "make the deck again with 'purgequiz generate'"
    )


def test_sample_shows_every_spelling_a_typed_card_accepts(tmp_path, capsys):
    """`decks sample` lists every accepted spelling of a typed card, so a reviewer judges
    the whole list (the NKVD leaders' card accepts "the NKVD" and "NKVD leadership")."""
    data = json.loads((paths.bundled_decks_dir() / "purges-all.json").read_text())
    data["cards"] = [c for c in data["cards"] if c["id"] == "ch7-nkvd-leaders-suicides:fate-group"]
    (tmp_path / "one.json").write_text(json.dumps(data))
    assert main(["decks", "sample", str(tmp_path / "one.json"), "--count", "1"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if "also accepted" in x)
    shown = line.strip().removeprefix("(also accepted: ").removesuffix(")").split("; ")
    assert shown == data["cards"][0]["accept"][1:]
    assert "the NKVD" in shown and "NKVD leadership" in shown


def test_sample_shows_no_empty_list_of_other_spellings(tmp_path, capsys):
    """A typed card that accepts its answer alone shows no "(also accepted: )" line."""
    data = json.loads((paths.bundled_decks_dir() / "purges-all.json").read_text())
    (card,) = [c for c in data["cards"] if c["id"] == "ch7-beria-succeeds-yezhov:whom-replaced"]
    assert not card["choices"]
    card["accept"] = [card["answer"]]
    data["cards"] = [card]
    (tmp_path / "one.json").write_text(json.dumps(data))
    assert main(["decks", "sample", str(tmp_path / "one.json"), "--count", "1"]) == 0
    assert "also accepted" not in capsys.readouterr().out


def test_sample_says_how_a_typed_figure_is_read(tmp_path, capsys):
    """A typed figure's card says that other ways of writing the figure are right too, so a
    reviewer does not take "over 1,000" for refused."""
    data = json.loads((paths.bundled_decks_dir() / "purges-all.json").read_text())
    data["cards"] = [c for c in data["cards"] if c["id"] == "w40-new-generals-june:figure"]
    (tmp_path / "one.json").write_text(json.dumps(data))
    assert main(["decks", "sample", str(tmp_path / "one.json"), "--count", "1"]) == 0
    assert "'over' for 'more than'" in capsys.readouterr().out
