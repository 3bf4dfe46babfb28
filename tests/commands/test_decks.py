"""`purgequiz decks list | check | show | build-shipped`."""

from __future__ import annotations

import json
from pathlib import Path

from purgequiz import paths
from purgequiz.cli import main


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
