"""`purgequiz export DECK -o PATH` to an Anki package, Anki's CSV and a term-and-definition TSV."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from purgequiz import paths
from purgequiz.cli import main
from purgequiz.decks.catalog import find_deck
from tests.export.ankiapp import import_package, new_collection

TITLE = "The purges of 1937\u20131940: every question"


def _count() -> int:
    """How many cards the shipped full deck holds."""
    return len(find_deck("purges-all").cards)


def _nothing_left_in_the_cache() -> bool:
    """No export's scratch folder is left in the data folder's cache."""
    return not list(paths.cache_dir().glob("export-*"))


def test_an_anki_package_is_written_and_imports_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`export purges-all -o purges.apkg` takes the format from the name, says what it wrote,
    and Anki imports every card of it; the scratch folder is gone afterwards."""
    output = tmp_path / "purges.apkg"
    assert main(["export", "purges-all", "-o", str(output)]) == 0
    said = capsys.readouterr().out
    count = _count()
    assert said == f"Wrote {output}: {TITLE}, {count} cards as an Anki package.\n"
    with new_collection(tmp_path / "anki") as collection:
        assert len(import_package(collection, output).new) == count
        assert collection.card_count() == count
    assert _nothing_left_in_the_cache()


def test_a_csv_is_written_with_a_row_per_card(tmp_path: Path) -> None:
    """`--format csv` writes Anki's header lines and one row per card, whatever the name."""
    output = tmp_path / "purges.txt"
    assert main(["export", "purges-all", "--format", "csv", "-o", str(output)]) == 0
    lines = output.read_text(encoding="utf-8").splitlines(keepends=True)
    header = [line for line in lines if line.startswith("#")]
    assert header[0] == "#separator:Comma\n" and f"#deck:{TITLE}\n" in header
    rows = list(csv.reader(lines[len(header) :]))
    prompts = [card.prompt for card in find_deck("purges-all").cards]
    assert [row[0] for row in rows] == prompts
    assert _nothing_left_in_the_cache()


def test_a_tsv_is_written_with_a_line_per_card(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`-o purges.tsv` writes one term-and-definition line per card."""
    output = tmp_path / "purges.tsv"
    assert main(["export", "purges-all", "-o", str(output)]) == 0
    assert f"{_count()} cards as term and definition, for Quizlet." in capsys.readouterr().out
    lines = output.read_text(encoding="utf-8").splitlines()
    assert len(lines) == _count() and all(line.count("\t") == 1 for line in lines)
    assert lines[0].startswith("In which month and year did Nazi Germany annex Austria?\t")
