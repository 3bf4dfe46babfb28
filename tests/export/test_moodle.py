"""Moodle XML: every card read back with the standard library's XML parser, as the question
the deck makes, in the structure Moodle's importer reads."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from purgequiz.cli import main
from purgequiz.decks.model import Card, Deck
from purgequiz.export.moodle import moodle_xml
from tests.export import expected
from tests.export.conftest import AWKWARD
from tests.export.htmltext import paragraphs, text_of


def _text(element: ET.Element, path: str) -> str:
    found = element.find(f"{path}/text")
    assert found is not None, path
    return (found.text or "").strip()


def _html(element: ET.Element, path: str) -> str:
    """The HTML of a text field, which must say it is HTML."""
    field = element.find(path)
    assert field is not None and field.get("format") == "html", path
    return _text(element, path)


def _feedback(answer: ET.Element) -> list[str]:
    return paragraphs(_html(answer, "feedback")) if answer.find("feedback") is not None else []


def _read(deck: Deck) -> list[tuple[list[str], ET.Element]]:
    """Each question with the category it falls under."""
    root = ET.fromstring(moodle_xml(deck))
    assert root.tag == "quiz"
    category: list[str] = []
    questions = []
    for question in root.findall("question"):
        if question.get("type") == "category":
            category = expected.category_path(_text(question, "category"))
        else:
            questions.append((category, question))
    assert len(questions) == len(deck.cards)
    return questions


def _check(question: ET.Element, category: list[str], card: Card, deck: Deck) -> None:
    kind = expected.kind(card)
    assert question.get("type") == kind
    assert category == expected.categories(deck, card)
    assert text_of(_text(question, "name")) == card.id
    assert question.findtext("idnumber") == card.id
    assert text_of(_html(question, "questiontext")) == card.prompt.strip()
    assert paragraphs(_html(question, "generalfeedback")) == expected.general(card)
    tags = [t.text for t in question.findall("tags/tag/text")]
    assert tags == [" ".join(topic.split()) for topic in card.topics]
    answers = question.findall("answer")
    if kind == "multichoice":
        assert question.findtext("single") == "true"
        assert {a.get("format") for a in answers} == {"html"}
        read = {text_of(a.findtext("text") or ""): a for a in answers}
        assert set(read) == set(card.choices) | {card.answer}
        assert [t for t, a in read.items() if a.get("fraction") == "100"] == [card.answer]
        for text, answer in read.items():
            if text != card.answer:
                assert answer.get("fraction") == "0"
                assert _feedback(answer) == expected.why(card.rebuttal(text))
    elif kind == "truefalse":
        read = {a.findtext("text"): a.get("fraction") for a in answers}
        assert read == {"true": "100" if card.truth else "0", "false": "0" if card.truth else "100"}
    elif kind == "shortanswer":
        assert question.findtext("usecase") == "0"
        spellings = dict.fromkeys((card.answer, *card.accept))
        # Moodle reads '*' as a wildcard, '\*' as the character
        assert [a.findtext("text") for a in answers] == [s.replace("*", "\\*") for s in spellings]
        assert {a.get("fraction") for a in answers} == {"100"}
    elif kind == "numerical":
        assert question.findtext("showunits") == "3"  # a number, without units
        right, *wrong = answers
        figures = []
        for answer in answers:
            middle = float(answer.findtext("text") or "")
            margin = float(answer.findtext("tolerance") or "")
            figures.append((middle - margin, middle + margin))
        (low, high), *wrong_figures = figures
        assert right.get("fraction") == "100" and right.find("feedback") is None
        assert expected.written(low, high, card.answer)
        assert expected.plain(low, high) in card.accept
        others = [c for c in card.choices if c != card.answer]
        assert len(wrong) == len(others)
        for answer, (low, high) in zip(wrong, wrong_figures, strict=True):
            (choice,) = [c for c in others if expected.written(low, high, c)]
            assert answer.get("fraction") == "0"
            assert _feedback(answer) == expected.why(card.rebuttal(choice))
    elif kind == "matching":
        read = [
            (text_of(_html(sub, ".")), text_of(sub.findtext("answer/text") or ""))
            for sub in question.findall("subquestion")
        ]
        # the right-hand side is an entry of a menu, on one line
        matches = [m.replace("\n", " ") for m in card.matches]
        assert read == list(zip(card.items, matches, strict=True))
    elif kind == "ordering":
        assert question.findtext("selecttype") == "ALL"
        assert question.findtext("selectcount") == str(len(card.items))
        assert question.findtext("gradingtype") == "ALL_OR_NOTHING"  # as the app grades it
        assert [a.get("fraction") for a in answers] == [str(n) for n in range(1, len(answers) + 1)]
        assert [text_of(a.findtext("text") or "") for a in answers] == list(card.items)
    else:
        assert question.findtext("responseformat") == "editor"
        assert paragraphs(_html(question, "graderinfo")) == expected.general(card)


def test_each_awkward_card_reads_back_as_its_question(awkward_deck: Deck) -> None:
    """Every card of the deck whose texts hold markup, XML's and GIFT's specials, quotes,
    tabs, line breaks and Cyrillic reads back with every text as the deck has it."""
    questions = _read(awkward_deck)
    by_id = {text_of(_text(q, "name")): (c, q) for c, q in questions}
    for card in awkward_deck.cards:
        category, question = by_id[card.id]
        _check(question, category, card, awkward_deck)
    assert [by_id[c.id][1].get("type") for c in awkward_deck.cards] == [
        "multichoice",
        "essay",
        "truefalse",
        "truefalse",
        "ordering",
        "matching",
        "numerical",
        "essay",
    ]


def test_the_shipped_deck_reads_back_card_by_card(shipped_deck: Deck) -> None:
    """All 223 cards of the largest deck read back, each as the question the deck makes."""
    questions = _read(shipped_deck)
    by_id = {text_of(_text(q, "name")): (c, q) for c, q in questions}
    for card in shipped_deck.cards:
        category, question = by_id[card.id]
        _check(question, category, card, shipped_deck)
    assert {q.get("type") for _, q in questions} == {
        "multichoice",
        "shortanswer",
        "numerical",
        "matching",
        "ordering",
        "essay",
    }


def test_a_category_opens_each_topic_once(shipped_deck: Deck) -> None:
    """A category question opens each first topic once, under the deck's title."""
    root = ET.fromstring(moodle_xml(shipped_deck))
    paths = [_text(q, "category") for q in root.findall("question[@type='category']")]
    topics = list(dict.fromkeys(c.topics[0] for c in shipped_deck.cards))
    assert paths == [f"{shipped_deck.title}/{topic}" for topic in topics]


def test_typed_answers_are_taken_literally(awkward_deck: Deck) -> None:
    """A short answer keeps every accepted spelling as typed (markup, arrows and Moodle's
    wildcard included), not HTML-escaped: it is compared with what is typed."""
    accept = (f"Answer 1 {AWKWARD}", "5 * 3", "a -> b", "<b>bold</b>")
    card = dataclasses.replace(awkward_deck.cards[0], choices=(), rebuttals=(), accept=accept)
    deck = dataclasses.replace(awkward_deck, cards=(card,))
    ((category, question),) = _read(deck)
    _check(question, category, card, deck)


def test_a_matching_shows_both_sides_as_they_are(awkward_deck: Deck) -> None:
    """Both sides of a matching question, markup, specials and line breaks in them, read
    back as the deck has them (a line break on the right, a menu's entry, as a space)."""
    matching = awkward_deck.cards[5]
    card = dataclasses.replace(matching, matches=tuple(f"{m} {AWKWARD}" for m in matching.matches))
    deck = dataclasses.replace(awkward_deck, cards=(card,))
    ((category, question),) = _read(deck)
    _check(question, category, card, deck)


def test_a_control_character_is_shown_not_written(awkward_deck: Deck) -> None:
    """A control character, which XML cannot hold, is written as its visible escape."""
    card = dataclasses.replace(awkward_deck.cards[2], prompt="\x1b[2JIs this true?")
    deck = dataclasses.replace(awkward_deck, cards=(card,))
    ((_, question),) = _read(deck)
    assert text_of(_text(question, "questiontext")) == "\\x1b[2JIs this true?"


def test_export_writes_moodle_xml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`purgequiz export DECK --format moodle-xml -o PATH` writes the deck as Moodle XML."""
    out = tmp_path / "figures.xml"
    assert main(["export", "figures", "--format", "moodle-xml", "-o", str(out)]) == 0
    assert capsys.readouterr().out == (
        f"Wrote {out}: Figures and statistics, 26 cards as Moodle XML questions.\n"
    )
    questions = ET.parse(out).getroot().findall("question")
    assert len([q for q in questions if q.get("type") != "category"]) == 26


def test_the_moodle_ending_chooses_the_format(tmp_path: Path) -> None:
    """An output named *.moodle.xml is written as Moodle XML without --format."""
    out = tmp_path / "army.moodle.xml"
    assert main(["export", "army-purge", "-o", str(out)]) == 0
    assert ET.parse(out).getroot().tag == "quiz"
