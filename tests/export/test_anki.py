"""The Anki package, imported with Anki's own code."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import tempfile
import zipfile
from pathlib import Path

import pytest

from purgequiz.decks.model import Deck
from purgequiz.export import anki, notetype
from purgequiz.export.cardtext import citations
from tests.export.ankiapp import import_package, markup, new_collection, notes_by_guid, text_of

NOW = 1_750_000_000.0  # a fixed time: the package is then the same file every time
# The elements the note type writes: whatever a deck holds, a field has no others.
OUR_ELEMENTS = {"ol", "ul", "li", "b", "br", "p"}


def _write(deck: Deck, folder: Path, name: str = "deck.apkg", *, now: float = NOW) -> Path:
    scratch = folder / f"scratch-{name}"
    scratch.mkdir()
    path = folder / name
    path.write_bytes(anki.package(deck, scratch, now=now))
    return path


def test_every_card_is_one_note_and_one_card_in_the_named_deck(
    awkward_deck: Deck, tmp_path: Path
) -> None:
    """Importing the package adds a note and a card per card of the deck, in the purgequiz
    note type, in an Anki deck named for the deck's title on one line."""
    package = _write(awkward_deck, tmp_path)
    with new_collection(tmp_path / "anki") as collection:
        log = import_package(collection, package)
        assert len(log.new) == len(awkward_deck.cards)
        assert collection.note_count() == collection.card_count() == len(awkward_deck.cards)
        model = collection.models.by_name("purgequiz")
        assert model is not None
        assert [f["name"] for f in model["flds"]] == list(notetype.FIELDS)
        names = {d.name for d in collection.decks.all_names_and_ids()}
        assert " ".join(awkward_deck.title.split()) in names


def test_the_fields_read_back_as_the_deck_text(awkward_deck: Deck, tmp_path: Path) -> None:
    """Each note's prompt, answer, explanation and sources, unescaped, are the card's own text,
    whatever characters it holds; its tags name the card's topics and family."""
    package = _write(awkward_deck, tmp_path)
    with new_collection(tmp_path / "anki") as collection:
        import_package(collection, package)
        notes = notes_by_guid(collection)
    for card in awkward_deck.cards:
        note = notes[notetype.guid(card)]
        assert text_of(note["Prompt"]) == card.prompt
        assert text_of(note["Explanation"]) == card.explanation
        assert text_of(note["Source"]).split("\n") == list(citations(card.sources))
        if card.kind not in ("ordering", "matching"):
            assert text_of(note["Answer"]) == card.answer
        assert note.tags == sorted(notetype.tags(card))
        assert "family::awkward" in note.tags and "topic::army" in note.tags


def test_no_markup_from_the_deck_is_taken_as_markup(awkward_deck: Deck, tmp_path: Path) -> None:
    """Every field holds only the elements the note type writes; the deck's ``<script>`` and
    ``<i>`` come back as text, inside the texts between them."""
    package = _write(awkward_deck, tmp_path)
    with new_collection(tmp_path / "anki") as collection:
        import_package(collection, package)
        notes = list(notes_by_guid(collection).values())
        deck = collection.decks.by_name(" ".join(awkward_deck.title.split()))
    assert deck is not None and "<i>" not in deck["desc"] and "&lt;i&gt;" not in deck["name"]
    seen = ""
    for note in notes:
        for field in note.fields:
            elements, texts = markup(field)
            assert elements <= OUR_ELEMENTS, field
            seen += "".join(texts)
    assert '<script>alert("x")</script>' in seen


def test_each_kind_shows_what_its_question_needs(awkward_deck: Deck, tmp_path: Path) -> None:
    """Front and back as Anki draws them: the choices; the things to order shuffled on the
    front and in order on the back; the two lists to match and the pairs; the true/false
    statement and its verdict."""
    package = _write(awkward_deck, tmp_path)
    with new_collection(tmp_path / "anki") as collection:
        import_package(collection, package)
        notes = notes_by_guid(collection)
        drawn = {
            card.id: (
                notes[notetype.guid(card)].cards()[0].question(),
                notes[notetype.guid(card)].cards()[0].answer(),
            )
            for card in awkward_deck.cards
        }

    def where(page: str, things: tuple[str, ...]) -> list[int]:
        return [page.index(notetype.text(thing)) for thing in things]

    by_kind = {card.kind: card for card in reversed(awkward_deck.cards)}  # the first of each
    question = by_kind["question"]
    front, back = drawn[question.id]
    assert all(notetype.text(choice) in front for choice in question.choices)
    assert "Why not" not in front and "Why not" in back

    ordering = by_kind["ordering"]
    front, back = drawn[ordering.id]
    on_front = where(front, ordering.items)
    assert on_front != sorted(on_front)  # not in the answer's order
    answer_part = back[back.index('id="answer"') :]
    assert where(answer_part, ordering.items) == sorted(where(answer_part, ordering.items))

    matching = by_kind["matching"]
    front, back = drawn[matching.id]
    assert all(notetype.text(thing) in front for thing in matching.items + matching.matches)
    for left, right in zip(matching.items, matching.matches, strict=True):
        assert f"{notetype.text(left)} \u2192 {notetype.text(right)}" in back

    for statement in (c for c in awkward_deck.cards if c.kind == "truefalse"):
        front, back = drawn[statement.id]
        assert "True or false?" in front and notetype.text(statement.prompt) in front
        verdict = back[back.index('id="answer"') :]
        assert ("True" if statement.truth else "False") in verdict


def test_an_exported_deck_exported_again_updates_its_notes(
    awkward_deck: Deck, tmp_path: Path
) -> None:
    """The same package imported twice adds nothing; a later export of a changed deck updates
    every note in place: no note is added twice."""
    first = _write(awkward_deck, tmp_path, "first.apkg")
    changed = dataclasses.replace(
        awkward_deck,
        cards=tuple(
            dataclasses.replace(card, explanation=f"Revised: {card.explanation}")
            for card in awkward_deck.cards
        ),
    )
    later = _write(changed, tmp_path, "later.apkg", now=NOW + 3600)
    count = len(awkward_deck.cards)
    with new_collection(tmp_path / "anki") as collection:
        assert len(import_package(collection, first).new) == count
        again = import_package(collection, first)
        assert len(again.new) == 0 and len(again.duplicate) == count
        updated = import_package(collection, later)
        assert len(updated.new) == 0 and len(updated.updated) == count
        assert collection.note_count() == count
        for note in notes_by_guid(collection).values():
            assert text_of(note["Explanation"]).startswith("Revised: ")


def test_ids_come_from_names_never_from_chance_or_time(awkward_deck: Deck, tmp_path: Path) -> None:
    """The note type's id, the deck's id and each note's GUID are drawn from fixed names, the
    deck's id and the card's id: two exports made at different times agree on all of them,
    and the same time gives the same file."""
    first = _write(awkward_deck, tmp_path, "first.apkg")
    again = _write(awkward_deck, tmp_path, "again.apkg")
    later = _write(awkward_deck, tmp_path, "later.apkg", now=NOW + 86_400)
    assert first.read_bytes() == again.read_bytes()
    for package in (first, later):
        with zipfile.ZipFile(package) as archive:
            (tmp_path / "collection.anki2").write_bytes(archive.read("collection.anki2"))
        database = sqlite3.connect(tmp_path / "collection.anki2")
        try:
            (models, decks) = database.execute("SELECT models, decks FROM col").fetchone()
            guids = {row[0] for row in database.execute("SELECT guid FROM notes")}
            note_types = {row[0] for row in database.execute("SELECT mid FROM notes")}
        finally:
            database.close()
        assert note_types == {notetype.MODEL_ID} and str(notetype.MODEL_ID) in json.loads(models)
        assert str(notetype.deck_id(awkward_deck)) in json.loads(decks)
        assert guids == {notetype.guid(card) for card in awkward_deck.cards}
    other = dataclasses.replace(awkward_deck, id="another-deck")
    assert notetype.deck_id(other) != notetype.deck_id(awkward_deck)


def test_nothing_is_written_outside_the_scratch_folder(
    awkward_deck: Deck, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """genanki's collection file is made in the scratch folder, not in the system's temporary
    folder, and is gone once the package is made."""
    system_temporary = tmp_path / "system-temporary"
    system_temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_temporary))
    monkeypatch.setenv("TMPDIR", str(system_temporary))
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    data = anki.render(awkward_deck, scratch)
    assert data.startswith(b"PK")
    assert list(system_temporary.iterdir()) == []
    assert list(scratch.iterdir()) == []


def test_the_shipped_deck_imports_whole_and_every_card_draws(
    shipped_deck: Deck, tmp_path: Path
) -> None:
    """Every card of the largest shipped deck becomes a note whose front shows its prompt:
    no template error, no card left out."""
    package = _write(shipped_deck, tmp_path)
    with new_collection(tmp_path / "anki") as collection:
        assert len(import_package(collection, package).new) == len(shipped_deck.cards)
        notes = notes_by_guid(collection)
        for card in shipped_deck.cards:
            (drawn,) = notes[notetype.guid(card)].cards()
            assert notetype.text(card.prompt) in drawn.question()
            assert "pq-answer" in drawn.answer()


def test_a_card_in_two_decks_is_one_note(awkward_deck: Deck, tmp_path: Path) -> None:
    """A card that two decks share is one note in Anki: importing the second deck adds only
    the cards the first did not have, and the shared ones stay where they are."""
    cards = awkward_deck.cards
    first = dataclasses.replace(awkward_deck, cards=cards[:5])
    second = dataclasses.replace(awkward_deck, id="second", title="Second", cards=cards[3:])
    with new_collection(tmp_path / "anki") as collection:
        import_package(collection, _write(first, tmp_path, "first.apkg"))
        log = import_package(collection, _write(second, tmp_path, "second.apkg", now=NOW + 60))
        assert (len(log.new), len(log.updated)) == (len(cards) - 5, 2)
        assert collection.note_count() == len(cards)
        named = collection.decks.by_name("Second")
        assert named is not None
        assert collection.decks.card_count(named["id"], include_subdecks=False) == len(cards) - 5
