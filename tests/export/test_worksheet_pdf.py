"""The worksheet printed to PDF: read back page by page, as a teacher would print it."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from purgequiz.decks.model import Deck
from purgequiz.export.worksheet import KEY_HEADING, plain
from purgequiz.export.worksheet_html import MARGIN_MM
from purgequiz.export.worksheet_pdf import render
from tests.export.pdf import Page, pdf_pages, pdf_words

POINTS_PER_MM = 72 / 25.4
# pdftotext measures a word from its glyphs' widths, which can end a fraction of a point past
# where the browser set the line; a word that runs off the page does so by far more
SLACK = 1.0

# The tests of this module run on one worker (`--dist loadgroup`), so that the shipped deck's
# worksheet, which takes Chromium seconds to print, is printed once per run, not once per worker
pytestmark = pytest.mark.xdist_group("worksheet-pdf")


@pytest.fixture(scope="module")
def shipped_pdf(shipped_deck: Deck, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The worksheet of the largest shipped deck, printed once for the tests below."""
    folder = tmp_path_factory.mktemp("worksheet-pdf")
    scratch = folder / "scratch"
    scratch.mkdir()
    pdf = folder / "worksheet.pdf"
    pdf.write_bytes(render(shipped_deck, scratch))
    return pdf


@pytest.fixture(scope="module")
def shipped_pages(shipped_pdf: Path) -> list[str]:
    """The text of each page of that worksheet, read once (pdftotext) for the tests below."""
    return pdf_pages(shipped_pdf)


def _key_page(pages: list[str]) -> int:
    return next(i for i, text in enumerate(pages) if KEY_HEADING in text)


def _outside_margins(pages: list[Page]) -> list[str]:
    margin = MARGIN_MM * POINTS_PER_MM
    return [
        f"page {n}: {word.text!r} from {word.left:.1f} to {word.right:.1f} pt"
        for n, page in enumerate(pages, 1)
        for word in page.words
        if word.left < margin - SLACK
        or word.right > page.width - margin + SLACK
        or word.bottom > page.height
    ]


def test_no_line_runs_into_the_margins(shipped_pdf: Path) -> None:
    """Every word of every page lies between the left and right margins."""
    pages = pdf_words(shipped_pdf)
    assert pages and all(round(p.width / POINTS_PER_MM) == 210 for p in pages)  # A4
    assert _outside_margins(pages) == []


def test_a_long_unbroken_word_wraps_inside_the_margins(awkward_deck: Deck, tmp_path: Path) -> None:
    """A prompt, choice or item holding a word longer than the line is broken across lines,
    not printed off the edge of the page."""
    long_word = "Ежов" * 60 + "x" * 200
    cards = tuple(
        replace(
            card,
            prompt=f"{card.prompt} {long_word}",
            choices=tuple(f"{long_word}{c}" for c in card.choices),
            items=tuple(f"{long_word}{c}" for c in card.items),
            matches=tuple(f"{long_word}{c}" for c in card.matches),
        )
        for card in awkward_deck.cards
    )
    pdf = tmp_path / "long.pdf"
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    pdf.write_bytes(render(replace(awkward_deck, title=long_word, cards=cards), scratch))
    assert _outside_margins(pdf_words(pdf)) == []


def test_the_page_count_is_sensible(shipped_pages: list[str], shipped_deck: Deck) -> None:
    """The questions take between four and twelve to a page (not one a page, not crammed),
    and the key no more than one and a half times as many pages."""
    pages = shipped_pages
    questions = _key_page(pages)
    count = len(shipped_deck.cards)
    assert count / 12 <= questions <= count / 4, questions
    assert len(pages) - questions <= 1.5 * questions, len(pages)


def test_the_key_starts_on_a_page_of_its_own(shipped_pages: list[str]) -> None:
    """On the first page that holds the key's heading, nothing comes before the heading."""
    pages = shipped_pages
    key = _key_page(pages)
    assert pages[key].split(KEY_HEADING)[0].strip() == ""
    assert "Sources" in pages[key - 1]


def test_no_question_is_split_over_two_pages(shipped_pages: list[str]) -> None:
    """Every page of questions after the first starts with a question's number (or the
    sources' heading), never with the rest of a question from the page before."""
    pages = shipped_pages
    for number, page in enumerate(pages[1 : _key_page(pages)], 2):
        first = page.strip().splitlines()[0]
        assert re.match(r"\d+\. |Sources$", first.strip()), (number, first)


def _flat(text: str) -> str:
    """``text`` as :func:`plain` gives it, and with no line break after a hyphen or dash
    (where the browser may break a line), so that the PDF's text and the deck's compare."""
    return re.sub(r"([-\u2013\u2014/])\s+", r"\1", plain(text))


def _entries(text: str, count: int) -> list[str]:
    """The text from each number 'n.' at the start of a line to the next, for n = 1…count,
    each as :func:`_flat` gives it."""
    starts: list[int] = []
    for number in range(1, count + 1):
        start = re.compile(rf"^ *{number}\. ", re.MULTILINE)
        found = start.search(text, starts[-1] if starts else 0)
        assert found, f"no {number}. after {number - 1}."
        starts.append(found.start())
    ends = [*starts[1:], len(text)]
    return [_flat(text[a:b]) for a, b in zip(starts, ends, strict=True)]


def test_every_question_is_numbered_and_asked(shipped_pages: list[str], shipped_deck: Deck) -> None:
    """Before the key, the questions 1, 2, … each hold their prompt, each choice with its
    letter, and the items to order or to match."""
    pages = shipped_pages
    questions = "\n".join(pages[: _key_page(pages)])
    entries = _entries(questions, len(shipped_deck.cards))
    for number, (card, entry) in enumerate(zip(shipped_deck.cards, entries, strict=True), 1):
        assert entry.startswith(f"{number}. {_flat(card.prompt)}"), entry
        for letter, choice in zip("ABCDEF", card.choices, strict=False):
            assert f"{letter}. {_flat(choice)}" in entry, (number, choice)
        if card.kind == "matching":  # two columns, whose lines the text interleaves
            for text in (*card.items, *card.matches):
                assert set(_flat(text).split()) <= set(entry.split()), (number, text)
        else:
            for item in card.items:
                assert _flat(item) in entry, (number, item)


def test_the_key_has_every_answer(shipped_pages: list[str], shipped_deck: Deck) -> None:
    """After the key's heading, the entries 1, 2, … each give the card's answer, with the
    right letter first for a multiple-choice card, and its explanation."""
    pages = shipped_pages
    key = "\n".join(pages[_key_page(pages) :])
    entries = _entries(key, len(shipped_deck.cards))
    for number, (card, entry) in enumerate(zip(shipped_deck.cards, entries, strict=True), 1):
        answer = _flat(card.answer)
        if card.choices:
            answer = f"{'ABCDEF'[card.choices.index(card.answer)]}. {answer}"
        assert entry.startswith(f"{number}. ") and answer in entry, (number, answer, entry)
        assert _flat(card.explanation) in entry, number


def test_the_pdf_holds_deck_text_as_text(awkward_deck: Deck, tmp_path: Path) -> None:
    """Markup in a deck is printed as the characters it is made of, Cyrillic included."""
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    pdf = tmp_path / "awkward.pdf"
    pdf.write_bytes(render(awkward_deck, scratch))
    text = " ".join(" ".join(pdf_pages(pdf)).split())
    assert "Awkward <i>deck</i>" in text
    assert plain(awkward_deck.cards[0].prompt) in text
    assert '<script>alert("x")</script>' in text and "Ежов" in text
