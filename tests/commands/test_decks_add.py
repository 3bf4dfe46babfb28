"""`purgequiz decks add FILE`: installing a teacher's deck into the user's decks folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from purgequiz import paths
from purgequiz.cli import main
from purgequiz.decks.catalog import load_catalog


@pytest.fixture
def quiz(tmp_path: Path) -> Path:
    """A small deck made with `purgequiz generate`, outside the data folder."""
    path = tmp_path / "army-quiz.json"
    title = ["--title", "Army quiz"]
    assert main(["generate", "--topic", "army", "--count", "6", *title, "-o", str(path)]) == 0
    return path


def _retitled(path: Path, title: str) -> Path:
    data = json.loads(path.read_text())
    data["title"] = title
    out = path.with_name(f"{title}.json")
    out.write_text(json.dumps(data))
    return out


def test_an_added_deck_is_listed_and_can_be_found_by_id(quiz: Path, capsys) -> None:
    """After `decks add`, the deck is a file in the user's decks folder and in the catalog."""
    assert main(["decks", "add", str(quiz)]) == 0
    said = capsys.readouterr().out
    deck_id = json.loads(quiz.read_text())["id"]
    assert f"Added Army quiz (6 cards) as {paths.user_decks_dir()}" in said
    assert deck_id in said
    assert [d.id for d in load_catalog().decks].count(deck_id) == 1
    assert json.loads((paths.user_decks_dir() / f"{deck_id}.json").read_text())["id"] == deck_id


def test_a_second_deck_with_the_same_id_needs_replace(quiz: Path, capsys) -> None:
    """Adding another deck with an id already in the user's decks is refused, naming the
    deck, until --replace; then the new one is listed in its place."""
    assert main(["decks", "add", str(quiz)]) == 0
    changed = _retitled(quiz, "Army quiz, second try")
    capsys.readouterr()
    assert main(["decks", "add", str(changed)]) == 1
    assert "add --replace" in capsys.readouterr().err
    assert main(["decks", "add", "--replace", str(changed)]) == 0
    titles = [d.title for d in load_catalog().decks if d.id == json.loads(quiz.read_text())["id"]]
    assert titles == ["Army quiz, second try"]


def test_a_deck_with_a_bundled_id_is_refused(tmp_path: Path, capsys) -> None:
    """A deck may not take the id of a deck that ships, even with --replace."""
    copy = tmp_path / "copy.json"
    copy.write_bytes((paths.bundled_decks_dir() / "figures.json").read_bytes())
    assert main(["decks", "add", "--replace", str(copy)]) == 1
    assert "a bundled deck already has the id" in capsys.readouterr().err
    assert not paths.user_decks_dir().exists()


def test_a_broken_file_is_named_and_nothing_is_installed(tmp_path: Path, capsys) -> None:
    """A file that is not a usable deck is refused with its problem, and nothing is written."""
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "purgequiz.deck", "version": 2, "cards": [')
    assert main(["decks", "add", str(broken)]) == 1
    assert str(broken) in capsys.readouterr().err
    assert not paths.user_decks_dir().exists()


def test_an_id_that_is_not_a_file_name_stays_inside_the_decks_folder(quiz: Path) -> None:
    """A deck id holding slashes and dots cannot place the file outside the decks folder."""
    data = json.loads(quiz.read_text())
    data["id"] = "../../outside/deck"
    quiz.write_text(json.dumps(data))
    assert main(["decks", "add", str(quiz)]) == 0
    (installed,) = paths.user_decks_dir().iterdir()
    assert installed.name == "outside-deck.json"
    assert not (paths.data_dir().parent / "outside").exists()
