"""`purgequiz generate`: decks from the bundled or a teacher's own fact file."""

from __future__ import annotations

import json
from pathlib import Path

from purgequiz.cli import main
from purgequiz.generate.deckfile import read_deck

from ..facts.conftest import EXAMPLE


def test_generate_from_a_teachers_fact_file(tmp_path: Path, capsys):
    """A teacher's own fact file becomes a valid deck; the summary counts cards by kind."""
    out = tmp_path / "france.json"
    assert main(["generate", "--facts", str(EXAMPLE), "-o", str(out)]) == 0
    assert "Wrote" in capsys.readouterr().out
    deck = read_deck(out)
    assert deck.id == "france" and deck.cards
    assert deck.built_from["seed"] == 1


def test_same_inputs_give_identical_files(tmp_path: Path):
    """Running twice with the same seed writes the same bytes."""
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    for path in (a, b):
        assert main(["generate", "--topic", "army", "--seed", "4", "--count", "20",
                     "--title", "Army", "--id", "army", "-o", str(path)]) == 0
    assert a.read_bytes() == b.read_bytes()
    assert len(read_deck(a).cards) == 20


def test_filters_are_recorded(tmp_path: Path):
    """The filters given are recorded in the deck's built_from."""
    out = tmp_path / "d.json"
    assert main(["generate", "--years", "1937-1938", "--difficulty", "1-2", "--kind",
                 "question", "-o", str(out)]) == 0
    filters = json.loads(out.read_text())["built_from"]["filters"]
    assert filters["years"] == [1937, 1938] and filters["difficulty"] == [1, 2]
    assert filters["kinds"] == ["question"]


def test_errors_are_one_line_with_exit_1(tmp_path: Path, capsys):
    """A missing fact file, an unknown topic, a bad range or an empty result is one clear
    line and exit 1, with no file written."""
    out = tmp_path / "x.json"
    cases = [
        (["--facts", str(tmp_path / "none.toml")], "no fact file or folder at"),
        (["--topic", "navy"], "unknown topic 'navy'"),
        (["--years", "1940-1937"], "ends before it starts"),
        (["--difficulty", "5"], "between 1 and 3"),
        (["--years", "1800-1801"], "no card matches these filters"),
        (["--count", "0"], "at least 1"),
    ]
    for extra, message in cases:
        assert main(["generate", *extra, "-o", str(out)]) == 1
        err = capsys.readouterr().err
        assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert not out.exists()


def test_broken_fact_file_is_reported(tmp_path: Path, capsys):
    """A fact file with problems is refused with its first problem and a pointer to check."""
    broken = tmp_path / "broken.toml"
    broken.write_text(EXAMPLE.read_text().replace('kind = "removal"', 'kind = "exile"'))
    assert main(["generate", "--facts", str(broken), "-o", str(tmp_path / "d.json")]) == 1
    assert "purgequiz facts check" in capsys.readouterr().err


def test_output_to_stdout(capsys):
    """'-o -' prints the deck file."""
    assert main(["generate", "--facts", str(EXAMPLE), "-o", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["format"] == "purgequiz.deck"
