"""GIFT for Moodle: every card read back, by Moodle's rules, as the question the deck makes."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from purgequiz.cli import main
from purgequiz.decks.model import Card, Deck
from purgequiz.export.gift import gift_text
from tests.export import expected
from tests.export.conftest import AWKWARD
from tests.export.giftreader import GiftError, Question, read_gift
from tests.export.htmltext import paragraphs, text_of


def _check(question: Question, card: Card, deck: Deck) -> None:
    """The question read back holds everything the card says, as the card says it."""
    kind = expected.kind(card)
    assert question.name == card.id
    assert question.comments == [f"card {card.id}"]
    assert question.format == "html"
    assert text_of(question.text) == card.prompt.strip()
    assert paragraphs(question.general) == expected.general(card)
    assert expected.category_path(question.category) == expected.categories(deck, card)
    if kind == "multichoice":
        assert question.kind == "multichoice"
        read = {text_of(a.text): a for a in question.answers}
        assert set(read) == set(card.choices) | {card.answer}
        assert [t for t, a in read.items() if a.fraction == 1.0] == [card.answer]
        for text, answer in read.items():
            if text != card.answer:
                assert answer.fraction == 0.0
                assert paragraphs(answer.feedback) == expected.why(card.rebuttal(text))
    elif kind == "truefalse":
        assert (question.kind, question.truth) == ("truefalse", card.truth)
    elif kind == "shortanswer":
        assert question.kind == "shortanswer"
        spellings = dict.fromkeys((card.answer, *card.accept))
        # Moodle reads '*' as a wildcard, '\*' as the character
        assert [a.text for a in question.answers] == [s.replace("*", "\\*") for s in spellings]
        assert all(a.fraction == 1.0 for a in question.answers)
    elif kind == "numerical":
        assert question.kind == "numerical"
        right, *wrong = question.numbers
        assert right.fraction == 1.0 and right.feedback == ""
        assert expected.written(right.low, right.high, card.answer)
        assert expected.plain(right.low, right.high) in card.accept  # as the app accepts it
        others = [c for c in card.choices if c != card.answer]
        assert len(wrong) == len(others)
        for number in wrong:
            (choice,) = [c for c in others if expected.written(number.low, number.high, c)]
            assert number.fraction == 0.0
            assert paragraphs(number.feedback) == expected.why(card.rebuttal(choice))
    elif kind == "matching":
        assert question.kind == "matching"
        read = [(text_of(left), text_of(right)) for left, right in question.pairs]
        # the right-hand side is an entry of a menu, on one line
        matches = [m.replace("\n", " ") for m in card.matches]
        assert read == list(zip(card.items, matches, strict=True))
    elif kind == "ordering":  # GIFT has no ordering: each event matched with its place
        assert question.kind == "matching"
        read = [(text_of(left), text_of(right)) for left, right in question.pairs]
        assert read == expected.places(card)
    else:
        assert question.kind == "essay"


def _read(deck: Deck) -> list[Question]:
    questions = read_gift(gift_text(deck))
    assert len(questions) == len(deck.cards)
    return questions


def test_each_awkward_card_reads_back_as_its_question(awkward_deck: Deck) -> None:
    """Every card of the deck whose texts hold GIFT's special characters, markup, quotes,
    tabs, line breaks and Cyrillic reads back with every text as the deck has it."""
    questions = {q.name: q for q in _read(awkward_deck)}
    for card in awkward_deck.cards:
        _check(questions[card.id], card, awkward_deck)
    kinds = [questions[c.id].kind for c in awkward_deck.cards]
    assert kinds == [
        "multichoice",
        "essay",  # a cloze card whose answer is too long to type, with no choices
        "truefalse",
        "truefalse",
        "matching",  # the ordering card
        "matching",
        "numerical",
        "essay",  # the flashcard
    ]


def test_the_shipped_deck_reads_back_card_by_card(shipped_deck: Deck) -> None:
    """All 223 cards of the largest deck read back, each as the question the deck makes."""
    questions = _read(shipped_deck)
    for question, card in zip(questions, _in_category_order(shipped_deck), strict=True):
        _check(question, card, shipped_deck)
    assert {q.kind for q in questions} == {
        "multichoice",
        "shortanswer",
        "numerical",
        "matching",
        "essay",
    }


def _in_category_order(deck: Deck) -> list[Card]:
    """The deck's cards as the file lists them: grouped by first topic, groups in the order
    they first appear, cards in the deck's order within each."""
    topics = list(dict.fromkeys(c.topics[0] if c.topics else "" for c in deck.cards))
    return sorted(deck.cards, key=lambda c: topics.index(c.topics[0] if c.topics else ""))


def test_a_range_is_answered_with_the_range(shipped_deck: Deck) -> None:
    """A figure the source gives as a range is a numerical answer over that range."""
    questions = {q.name: q for q in _read(shipped_deck)}
    right = questions["ch7-officers-removed-1937-1938:figure"].numbers[0]
    assert (right.low, right.high) == (35000, 36500)
    right = questions["w40-army-purge-victims:figure"].numbers[0]
    assert (right.low, right.high) == (20000, 40000)
    right = questions["ch7-death-sentences-1937:figure"].numbers[0]
    assert (right.low, right.high) == (353074, 353074)


def _typed(awkward_deck: Deck, *accept: str) -> tuple[Card, Deck]:
    """The awkward deck's first question, without choices, accepting ``accept``."""
    card = dataclasses.replace(awkward_deck.cards[0], choices=(), rebuttals=(), accept=accept)
    return card, dataclasses.replace(awkward_deck, cards=(card,))


def test_typed_answers_are_taken_literally(awkward_deck: Deck) -> None:
    """A short answer keeps every accepted spelling as typed, special characters, markup and
    Moodle's wildcard included, and not HTML-escaped (it is compared with what is typed)."""
    card, deck = _typed(
        awkward_deck, f"Answer 1 {AWKWARD}", "5 * 3", "%50% off", "x = y", "one\n\n// two"
    )
    (question,) = _read(deck)
    assert question.kind == "shortanswer"
    _check(question, card, deck)


def test_a_spelling_with_an_arrow_is_left_out(awkward_deck: Deck) -> None:
    """A spelling holding '->', which Moodle would read as a matching question, is left out
    of a short answer; a card with no other spelling is an essay showing its answer."""
    card, deck = _typed(awkward_deck, "a -> b", "answer one")
    (question,) = _read(deck)
    assert question.kind == "shortanswer"
    assert [a.text for a in question.answers] == [card.answer, "answer one"]
    card, deck = _typed(awkward_deck, "a -> b")
    card = dataclasses.replace(card, answer="a -> b")
    (question,) = _read(dataclasses.replace(deck, cards=(card,)))
    assert question.kind == "essay"
    assert paragraphs(question.general)[0] == "Answer: a -> b"


def test_a_matching_shows_both_sides_as_they_are(awkward_deck: Deck) -> None:
    """Both sides of a matching question, markup, specials and line breaks in them, read
    back as the deck has them (a line break on the right, a menu's entry, as a space)."""
    matching = awkward_deck.cards[5]
    card = dataclasses.replace(matching, matches=tuple(f"{m} {AWKWARD}" for m in matching.matches))
    deck = dataclasses.replace(awkward_deck, cards=(card,))
    (question,) = _read(deck)
    _check(question, card, deck)


def test_no_deck_text_is_left_unescaped(awkward_deck: Deck) -> None:
    """Outside its comments, the file holds no raw markup, and none of GIFT's specials
    outside its own syntax: a text that lost an escape would break the strict reader."""
    text = gift_text(awkward_deck)
    read = "\n".join(line for line in text.splitlines() if not line.startswith("//"))
    assert "<script" not in read and "<i>" not in read
    broken = text.replace("\\{1937\\}", "{1937}", 1)
    with pytest.raises(GiftError):
        read_gift(broken)


def test_export_writes_a_gift_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`purgequiz export DECK --format gift -o PATH` writes the deck as GIFT and says so."""
    out = tmp_path / "figures.txt"
    assert main(["export", "figures", "--format", "gift", "-o", str(out)]) == 0
    assert capsys.readouterr().out == (
        f"Wrote {out}: Figures and statistics, 26 cards as GIFT questions for Moodle.\n"
    )
    assert len(read_gift(out.read_text(encoding="utf-8"))) == 26


def test_the_gift_ending_chooses_the_format(tmp_path: Path) -> None:
    """An output named *.gift.txt is written as GIFT without --format."""
    out = tmp_path / "army.gift.txt"
    assert main(["export", "army-purge", "-o", str(out)]) == 0
    assert read_gift(out.read_text(encoding="utf-8"))
