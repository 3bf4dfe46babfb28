"""`purgequiz export`: what every format shares (choosing it, finding the deck, where the
file may go, and failures said in plain words)."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from purgequiz import cli, paths
from purgequiz.cli import main
from purgequiz.export import registry
from purgequiz.export.formats import ExportFailed, ExportFormat


def test_an_output_name_that_says_no_format_asks_for_one(tmp_path: Path, capsys) -> None:
    """Without --format and with an ending no format has, the command says to choose one
    and lists the endings; nothing is written."""
    output = tmp_path / "deck.out"
    assert main(["export", "figures", "-o", str(output)]) == 2
    said = capsys.readouterr().err
    assert "say which format to write with --format" in said and ".html (html)" in said
    assert not output.exists()


def test_an_unknown_deck_is_named_with_the_decks_there_are(tmp_path: Path, capsys) -> None:
    """A deck id that is not listed is refused with the ids that are."""
    assert main(["export", "no-such-deck", "-o", str(tmp_path / "x.html")]) == 1
    said = capsys.readouterr().err
    assert "no-such-deck" in said and "figures" in said


def test_the_export_never_overwrites_its_deck_or_the_bundled_decks(tmp_path: Path, capsys):
    """The output may be neither the deck file being read nor a file among the bundled
    decks."""
    deck = tmp_path / "deck.json"
    deck.write_bytes((paths.bundled_decks_dir() / "figures.json").read_bytes())
    assert main(["export", str(deck), "--format", "html", "-o", str(deck)]) == 1
    assert "is the deck this command reads" in capsys.readouterr().err
    inside = paths.bundled_decks_dir() / "figures.html"
    assert main(["export", "figures", "-o", str(inside)]) == 1
    assert "the bundled decks are kept" in capsys.readouterr().err
    assert not inside.exists()


def test_a_missing_folder_is_named_and_nothing_is_left(tmp_path: Path, capsys) -> None:
    """Writing into a folder that does not exist is refused in words, before any work."""
    output = tmp_path / "missing" / "sheet.html"
    assert main(["export", "figures", "-o", str(output)]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not list(paths.cache_dir().glob("export-*"))


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (ExportFailed("the browser took too long"), "the browser took too long"),
        (PermissionError(13, "Permission denied", "/some/tool"), "Permission denied (/some/tool)"),
    ],
)
def test_a_format_that_fails_is_said_in_words_and_the_old_file_kept(
    error: Exception, said: str, tmp_path: Path, monkeypatch, capsys
) -> None:
    """A format that cannot be made says why (never as a failure to write the output), the
    file already at the output is kept, and the scratch folder goes."""

    def broken(deck: object, scratch: Path) -> bytes:
        (scratch / "half-done").write_text("…")
        raise error

    failing = ExportFormat("broken", ".broken", "a format that fails", broken)
    monkeypatch.setattr(registry, "FORMATS", (*registry.FORMATS, failing))
    # the command line offers the formats registered when its parser is built (once per
    # process): a parser of this test's own offers this one too, and goes with the test
    monkeypatch.setattr(cli, "parser", functools.cache(cli.parser_of))
    output = tmp_path / "old.broken"
    output.write_text("kept")
    assert main(["export", "figures", "--format", "broken", "-o", str(output)]) == 1
    message = capsys.readouterr().err
    assert f"could not make the broken file: {said}" in message
    assert "could not write" not in message
    assert output.read_text() == "kept"
    assert not list(paths.cache_dir().glob("export-*"))
