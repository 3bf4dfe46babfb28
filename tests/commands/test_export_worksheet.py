"""`purgequiz export DECK --format html|pdf|markdown -o PATH`: a worksheet file written."""

from __future__ import annotations

from pathlib import Path

import pytest

from purgequiz import paths
from purgequiz.cli import main
from purgequiz.decks.catalog import find_deck
from tests.export.pdf import pdf_pages


@pytest.mark.parametrize(
    ("format", "name", "starts"),
    [
        ("html", "sheet.html", b"<!doctype html>"),
        ("markdown", "sheet.md", b"# The army purge"),
        ("pdf", "sheet.pdf", b"%PDF-"),
    ],
)
def test_each_worksheet_format_is_written(
    format: str, name: str, starts: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With --format or from the output's ending alone, the command writes the worksheet,
    says so, and leaves no scratch folder behind; the PDF has the deck's title and every
    question's prompt."""
    deck = find_deck("army-purge")
    for options in (["--format", format], []):
        output = tmp_path / f"{len(options)}-{name}"
        assert main(["export", "army-purge", *options, "-o", str(output)]) == 0
        said = capsys.readouterr().out
        assert said.startswith(f"Wrote {output}: {deck.title}, {len(deck.cards)} cards as ")
        assert output.read_bytes().startswith(starts)
    assert not list(paths.cache_dir().glob("export-*"))
    if format == "pdf":  # the last written, from its ending alone (Chromium prints it)
        # compared without white space, as the page breaks lines where it needs
        text = "".join("".join(pdf_pages(output)).split())
        assert "".join(deck.title.split()) in text
        assert all("".join(card.prompt.split()) in text for card in deck.cards)
