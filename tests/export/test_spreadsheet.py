"""The CSV for Anki's text import, and the term-and-definition TSV."""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path

from purgequiz.decks.model import Deck
from purgequiz.export import anki, notetype
from purgequiz.export.cardtext import citations, pairs
from purgequiz.export.spreadsheet import (
    CSV_COLUMNS,
    csv_text,
    definition,
    one_line,
    term,
    tsv_text,
)
from tests.export.ankiapp import import_csv, import_package, new_collection, notes_by_guid, text_of


def _csv(text: str) -> tuple[list[str], list[list[str]]]:
    """The header lines, and the rows read with Python's csv module."""
    lines = text.splitlines(keepends=True)
    header = [line.rstrip("\n") for line in lines if line.startswith("#")]
    return header, list(csv.reader(lines[len(header) :]))


def test_the_csv_opens_with_the_lines_anki_reads(awkward_deck: Deck) -> None:
    """The header names the separator, HTML fields, the note type, the deck (on one line), the
    tags' and the GUID's columns, and that a note already there is updated."""
    header, _ = _csv(csv_text(awkward_deck))
    assert header == [
        "#separator:Comma",
        "#html:true",
        "#notetype:purgequiz",
        f"#deck:{' '.join(awkward_deck.title.split())}",
        "#tags column:7",
        "#guid column:8",
        "#if matches:update current",
    ]
    assert CSV_COLUMNS[6:] == ("Tags", "GUID")


def test_every_card_is_a_row_that_reads_back_as_its_text(awkward_deck: Deck) -> None:
    """One row per card, with the note type's fields, tags and GUID: commas, quotes, tabs and
    line breaks in the deck's text leave every row whole and read back as they were."""
    _, rows = _csv(csv_text(awkward_deck))
    assert len(rows) == len(awkward_deck.cards)
    for card, row in zip(awkward_deck.cards, rows, strict=True):
        assert len(row) == len(CSV_COLUMNS)
        named = dict(zip(CSV_COLUMNS, row, strict=True))
        assert text_of(named["Prompt"]) == card.prompt
        assert text_of(named["Explanation"]) == card.explanation
        assert text_of(named["Source"]).split("\n") == list(citations(card.sources))
        if card.kind not in ("ordering", "matching"):
            assert text_of(named["Answer"]) == card.answer
        assert row[:6] == list(notetype.fields(card))
        assert named["Tags"].split() == list(notetype.tags(card))
        assert named["GUID"] == notetype.guid(card)


def test_a_csv_import_lands_in_the_note_type_of_the_package(
    awkward_deck: Deck, tmp_path: Path
) -> None:
    """In a collection that has the purgequiz note type (a package of one card imported), the
    CSV's import adds the other cards as purgequiz notes, in the same deck, with the same
    fields as the package's, and adds no second note for the card already there."""
    one_card = dataclasses.replace(awkward_deck, cards=awkward_deck.cards[:1])
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    package = tmp_path / "one.apkg"
    package.write_bytes(anki.package(one_card, scratch, now=1_750_000_000.0))
    csv_file = tmp_path / "deck.csv"
    csv_file.write_text(csv_text(awkward_deck), encoding="utf-8")
    with new_collection(tmp_path / "anki") as collection:
        import_package(collection, package)
        log = import_csv(collection, csv_file)
        assert len(log.new) == len(awkward_deck.cards) - 1
        assert collection.note_count() == collection.card_count() == len(awkward_deck.cards)
        notes = notes_by_guid(collection)
        (deck_id,) = {note.cards()[0].did for note in notes.values()}
        assert collection.decks.name(deck_id) == " ".join(awkward_deck.title.split())
        (note_type,) = {note.mid for note in notes.values()}
        assert collection.models.get(note_type)["name"] == notetype.NAME
    for card in awkward_deck.cards:
        note = notes[notetype.guid(card)]
        assert note.fields == list(notetype.fields(card))
        assert note.tags == sorted(notetype.tags(card))


def test_without_the_note_type_the_prompt_and_answer_still_arrive(
    awkward_deck: Deck, tmp_path: Path
) -> None:
    """In a new collection, Anki takes its default note type: the prompt is the front and the
    answer the back."""
    csv_file = tmp_path / "deck.csv"
    csv_file.write_text(csv_text(awkward_deck), encoding="utf-8")
    with new_collection(tmp_path / "anki") as collection:
        assert len(import_csv(collection, csv_file).new) == len(awkward_deck.cards)
        notes = notes_by_guid(collection)
    for card in awkward_deck.cards:
        front, back = notes[notetype.guid(card)].fields
        assert (front, back) == notetype.fields(card)[:2]


def test_a_field_starting_as_a_comment_or_a_formula_is_kept(
    awkward_deck: Deck, tmp_path: Path
) -> None:
    """A prompt that starts with '#' is not taken for a comment line by Anki (nor one that
    starts with '=' for a formula by a spreadsheet): the cell starts with an entity, and the
    note is imported with the text as it was."""
    first = awkward_deck.cards[0]
    cards = (
        dataclasses.replace(first, id="hash", prompt="#1 on the list: who?"),
        dataclasses.replace(first, id="formula", prompt='=HYPERLINK("x","y")'),
    )
    deck = dataclasses.replace(awkward_deck, cards=cards)
    text = csv_text(deck)
    _, rows = _csv(text)
    assert [row[0][:5] for row in rows] == ["&#35;", "&#61;"]
    csv_file = tmp_path / "deck.csv"
    csv_file.write_text(text, encoding="utf-8")
    with new_collection(tmp_path / "anki") as collection:
        assert len(import_csv(collection, csv_file).new) == 2
        notes = notes_by_guid(collection)
    assert {text_of(note.fields[0]) for note in notes.values()} == {c.prompt for c in cards}


def test_every_tsv_line_is_a_term_and_a_definition(awkward_deck: Deck) -> None:
    """One line per card, split by exactly one tab: tabs and line breaks in the deck's text are
    spaces; the term holds the prompt, the definition the answer, explanation and sources."""
    text = tsv_text(awkward_deck)
    lines = text.splitlines()
    assert len(lines) == len(awkward_deck.cards) and text.endswith("\n")
    for card, line in zip(awkward_deck.cards, lines, strict=True):
        columns = line.split("\t")
        assert columns == [one_line(term(card)), one_line(definition(card))]
        asked, told = columns
        assert one_line(card.prompt) in asked
        assert one_line(card.explanation) in told
        assert all(one_line(source) in told for source in citations(card.sources))
        if card.kind not in ("ordering", "matching"):
            assert told.startswith(one_line(card.answer))


def test_no_character_that_ends_a_line_is_left_in_a_tsv_text() -> None:
    """Every character a reader may take for the end of a line, and the tab, is a space."""
    breaks = "a\tb\nc\rd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2028k\u2029l"
    assert one_line(breaks) == "a b c d e f g h i j k l"
    assert len(one_line(breaks).splitlines()) == 1


def test_choices_are_in_the_term_only_where_the_question_needs_them(shipped_deck: Deck) -> None:
    """ "Which of these…" carries its choices; a question that can be answered on its own does
    not (Quizlet makes its own choices from the other definitions)."""
    which = next(c for c in shipped_deck.cards if c.prompt.startswith("Which of these"))
    assert term(which) == f"{which.prompt} ({' / '.join(which.choices)})"
    when = next(c for c in shipped_deck.cards if c.choices and c.typeable)
    assert term(when) == when.prompt


def test_ordering_matching_and_true_false_read_on_one_line(awkward_deck: Deck) -> None:
    """An ordering term lists the things out of order and its definition in order; a matching
    term lists both sides and its definition the pairs; a true/false term asks it."""
    by_kind = {card.kind: card for card in reversed(awkward_deck.cards)}
    ordering = by_kind["ordering"]
    shown = term(ordering).removeprefix(ordering.prompt + " ").split(" / ")
    assert sorted(shown) == sorted(ordering.items) and tuple(shown) != ordering.items
    assert definition(ordering).startswith(" \u2192 ".join(ordering.items) + " \u2014 ")
    matching = by_kind["matching"]
    assert all(side in term(matching) for side in matching.items + matching.matches)
    said = "; ".join(f"{a} \u2192 {b}" for a, b in pairs(matching))
    assert definition(matching).startswith(said)
    statement = by_kind["truefalse"]
    assert term(statement) == f"True or false: {statement.prompt}"
