"""The worksheet as an HTML page: deck text shown as text, no script, nothing to fetch, and
laid out for print."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from purgequiz.decks.model import Deck
from purgequiz.export import worksheet_html
from purgequiz.export.browser import NO_SCRIPTS
from purgequiz.export.formats import ExportFailed
from purgequiz.export.worksheet import KEY_HEADING, plain
from purgequiz.export.worksheet_html import MARGIN_MM, number_ranges, render
from tests.export.conftest import AWKWARD


class _Page(HTMLParser):
    """Every element's name and attributes, the text outside <style>, and the <style> text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.style: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        (self.style if self._in_style else self.text).append(data)


def _parsed(deck: Deck, tmp_path: Path) -> tuple[str, _Page]:
    html = render(deck, tmp_path).decode("utf-8")
    page = _Page()
    page.feed(html)
    page.close()
    return html, page


def test_deck_text_is_shown_as_text_and_no_script_gets_in(
    awkward_deck: Deck, tmp_path: Path
) -> None:
    """Parsed back, the page has no script (nor any element the deck's text names) and its
    text holds every prompt, choice, item, match, answer, explanation and title as given."""
    html, page = _parsed(awkward_deck, tmp_path)
    names = {name for name, _ in page.elements}
    assert "script" not in names and "b" not in names and "i" not in names
    text = " ".join("".join(page.text).split())
    assert plain(AWKWARD) in text
    source = awkward_deck.cards[0].sources[0]
    expected = [awkward_deck.title, awkward_deck.description, source.title, source.author]
    for card in awkward_deck.cards:
        expected += [card.prompt, card.explanation, *card.choices, *card.items, *card.matches]
        if card.kind != "truefalse":
            expected.append(card.answer)
    for value in expected:
        assert plain(value) in text, value


def test_the_page_fetches_nothing_and_runs_nothing(awkward_deck: Deck, tmp_path: Path) -> None:
    """The policy comes first in <head>; no element loads a file, a script or a frame, and the
    style imports nothing and names no url."""
    html, page = _parsed(awkward_deck, tmp_path)
    assert html.index(NO_SCRIPTS) < html.index("<style>") < html.index("</head>")
    for name, attributes in page.elements:
        assert name not in ("script", "link", "img", "iframe", "object", "embed", "base")
        assert not {"src", "href", "srcset", "action"} & attributes.keys(), name
        assert not any(attribute.startswith("on") for attribute in attributes), name
    style = "".join(page.style)
    assert "@import" not in style and "url(" not in style and "@font-face" not in style


def test_the_page_is_laid_out_for_print(awkward_deck: Deck, tmp_path: Path) -> None:
    """A4 with margins, the key on a page of its own, no question split over two pages."""
    _, page = _parsed(awkward_deck, tmp_path)
    style = " ".join("".join(page.style).split())
    assert f"@page {{ size: A4; margin: {MARGIN_MM}mm; }}" in style
    assert re.search(r"\.key \{[^}]*break-before: page", style)
    assert re.search(r"ol\.questions > li,[^{]*\{[^}]*break-inside: avoid", style)
    assert KEY_HEADING in "".join(page.text)


def test_a_missing_stylesheet_is_named_in_plain_words(
    awkward_deck: Deck, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An installation without the stylesheet gives an ExportFailed that names it and says to
    reinstall, not an error about the file being written."""
    monkeypatch.setattr(worksheet_html, "STYLESHEET", "no-such-sheet.css")
    with pytest.raises(ExportFailed, match=r"stylesheet no-such-sheet\.css .*reinstall it"):
        worksheet_html.render(awkward_deck, tmp_path)


def test_question_numbers_are_written_as_ranges() -> None:
    """The questions citing a source read '1–3, 5, 7–8'."""
    assert number_ranges([8, 1, 2, 3, 5, 7]) == "1\u20133, 5, 7\u20138"
    assert number_ranges([4]) == "4"
