"""The worksheet's content: numbered questions, how each is answered on paper, the key and
the sources, shared by the HTML, PDF and Markdown worksheets."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace

from purgequiz.decks.model import Card, Citation, Deck
from purgequiz.export.worksheet import (
    CHARS_PER_LINE,
    MAX_LINES,
    letter,
    plain,
    worksheet,
)


def _by_kind(deck: Deck, kind: str) -> tuple[int, Card]:
    return next((n, card) for n, card in enumerate(deck.cards, 1) if card.kind == kind)


def test_every_card_is_a_question_numbered_in_the_decks_order(shipped_deck: Deck) -> None:
    """Questions and key entries are numbered 1, 2, … in the deck's order, one per card."""
    sheet = worksheet(shipped_deck)
    count = len(shipped_deck.cards)
    assert [q.number for q in sheet.questions] == list(range(1, count + 1))
    assert [e.number for e in sheet.key] == list(range(1, count + 1))
    assert [q.prompt for q in sheet.questions] == [plain(c.prompt) for c in shipped_deck.cards]


def test_a_multiple_choice_key_gives_the_right_letter(awkward_deck: Deck) -> None:
    """Choices keep the deck's order, lettered A, B…; the key gives the answer's letter and,
    for each wrong choice, its letter and why it is wrong."""
    sheet = worksheet(awkward_deck)
    number, card = 7, awkward_deck.cards[6]
    question, entry = sheet.questions[number - 1], sheet.key[number - 1]
    assert question.how == "choose"
    assert question.choices == card.choices
    assert entry.mark == "A" and entry.answer == "1,500"
    first = sheet.key[0]
    assert [line.split(" (")[0] for line in first.why_not] == ["Not B", "Not C", "Not D"]
    assert all("Why not:" in line for line in first.why_not)


def test_letters_go_on_past_z() -> None:
    """A, B, … Z, then AA, AB: every choice has a letter of its own."""
    assert [letter(i) for i in (0, 1, 25, 26, 27)] == ["A", "B", "Z", "AA", "AB"]


def test_writing_lines_are_sized_to_the_expected_answer(awkward_deck: Deck) -> None:
    """A short answer gets one short line, a long one a line per CHARS_PER_LINE characters,
    up to MAX_LINES."""
    base = awkward_deck.cards[7]
    cards = tuple(
        replace(base, id=f"flash-{n}", answer="x" * n) for n in (10, 100, 10 * CHARS_PER_LINE)
    )
    questions = worksheet(replace(awkward_deck, cards=cards)).questions
    assert [(q.how, q.lines, q.short) for q in questions] == [
        ("write", 1, True),
        ("write", 3, False),
        ("write", MAX_LINES, False),
    ]


def test_ordering_items_are_shuffled_the_same_way_every_time(shipped_deck: Deck) -> None:
    """An ordering card's items are shown in an order seeded by its id (never the answer's
    order), and the key's numbers put them back in the right order."""
    number, card = _by_kind(shipped_deck, "ordering")
    question = worksheet(shipped_deck).questions[number - 1]
    entry = worksheet(shipped_deck).key[number - 1]
    assert question.how == "order"
    assert sorted(question.items) == sorted(card.items)
    assert question.items != card.items
    boxes = [int(n) for n in entry.mark.split(", ")]
    assert entry.boxes
    assert [item for _, item in sorted(zip(boxes, question.items, strict=True))] == list(card.items)


def test_the_same_deck_gives_the_same_sheet_in_any_process(shipped_deck: Deck) -> None:
    """The shuffles depend on the card ids alone: another Python process, with another
    string-hashing seed, gives the same items and matches in the same order."""
    script = (
        "from purgequiz import paths; from purgequiz.decks.fileformat import read_deck; "
        "from purgequiz.export.worksheet import worksheet; "
        "deck = read_deck(paths.bundled_decks_dir() / 'purges-all.json'); "
        "print(repr([(q.items, q.matches) for q in worksheet(deck).questions]))"
    )
    here = repr([(q.items, q.matches) for q in worksheet(shipped_deck).questions])
    for seed in ("1", "2"):
        there = subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        assert there == here


def test_items_already_shuffled_into_the_right_order_are_moved(awkward_deck: Deck) -> None:
    """Whatever the seed gives, the items to order never stand in the right order already."""
    base = awkward_deck.cards[4]
    cards = tuple(replace(base, id=f"order-{n}", items=("first", "second")) for n in range(20))
    for question in worksheet(replace(awkward_deck, cards=cards)).questions:
        assert question.items == ("second", "first")


def test_matching_pairs_a_shuffled_right_hand_side_by_letter(awkward_deck: Deck) -> None:
    """The right-hand side is shuffled; the key's letters, from the top, name each left-hand
    item's own match."""
    card = awkward_deck.cards[5]
    question, entry = worksheet(awkward_deck).questions[5], worksheet(awkward_deck).key[5]
    assert question.how == "match"
    assert question.items == tuple(plain(item) for item in card.items)
    assert question.matches != tuple(plain(m) for m in card.matches)
    letters = entry.mark.split(", ")
    paired = [question.matches[ord(letter) - ord("A")] for letter in letters]
    assert paired == [plain(m) for m in card.matches]


def test_true_or_false_has_a_box_and_the_key_says_which(awkward_deck: Deck) -> None:
    """A true-or-false card is answered by ticking a box; the key says True or False."""
    sheet = worksheet(awkward_deck)
    assert [sheet.questions[i].how for i in (2, 3)] == ["truefalse", "truefalse"]
    assert [sheet.key[i].mark for i in (2, 3)] == ["True", "False"]


def test_each_document_is_listed_once_with_the_questions_citing_it(shipped_deck: Deck) -> None:
    """Sources are the distinct documents, numbered in the order first cited, each naming
    every question that cites it; a key entry cites sources by those numbers and paragraphs."""
    sheet = worksheet(shipped_deck)
    ids = list(dict.fromkeys(c.id for card in shipped_deck.cards for c in card.sources))
    assert [s.number for s in sheet.sources] == list(range(1, len(ids) + 1))
    for source, doc_id in zip(sheet.sources, ids, strict=True):
        citing = [
            n
            for n, card in enumerate(shipped_deck.cards, 1)
            if doc_id in {c.id for c in card.sources}
        ]
        assert list(source.questions) == citing
    first = shipped_deck.cards[0].sources[0]
    assert sheet.key[0].sources == f"Source 1, \u00b6{first.paragraphs[0]}"


def test_a_cards_citations_of_one_document_are_merged() -> None:
    """Two citations of the same document in one card make one 'source N' with every
    paragraph, in order."""
    doc = Citation("doc", "Title", "Author", "Paper", None, (9,))
    other = Citation("other", "Other", "Someone", "Paper", "1938", ())
    card = Card(
        id="c",
        kind="flashcard",
        template="t",
        prompt="Why?",
        answer="Because",
        explanation="",
        sources=(doc, other, replace(doc, paragraphs=(2, 9))),
        fact_ids=("f",),
        topics=("t",),
    )
    sheet = worksheet(Deck("d", "Deck", "", (card,)))
    assert sheet.key[0].sources == "Source 1, \u00b62, \u00b69; source 2"
    assert [s.reference for s in sheet.sources] == [
        "Author, \u201cTitle\u201d, Paper",
        "Someone, \u201cOther\u201d, Paper, 1938",
    ]
    assert [s.label for s in sheet.sources] == ["", ""]


def test_text_is_on_one_line_with_control_characters_visible() -> None:
    """Tabs and line breaks in deck text become single spaces; other control characters are
    written as visible escapes, never passed on to the page."""
    assert plain("a\tb\n\n c ") == "a b c"
    assert plain("title\x1b]0;x\x07") == "title\\x1b]0;x\\x07"
