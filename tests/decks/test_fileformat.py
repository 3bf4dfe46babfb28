"""Reading deck files: every problem named with its file and card, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from purgequiz.decks.fileformat import DeckError, dump_deck, parse_deck, read_deck, write_deck
from purgequiz.decks.model import Deck
from tests.hostile import C1_CLEAR, CLEAR, REVERSE, TITLE, has_controls


def _data(deck: Deck) -> dict:
    return json.loads(dump_deck(deck))


def _problems(data: object, file: str = "bad.json") -> list[str]:
    with pytest.raises(DeckError) as caught:
        parse_deck(json.dumps(data) if not isinstance(data, str) else data, file)
    assert caught.value.file == file
    return caught.value.problems


def test_round_trip(deck: Deck, tmp_path: Path):
    """A written deck reads back equal."""
    write_deck(deck, tmp_path / "d.json")
    assert read_deck(tmp_path / "d.json") == deck


def test_bad_json_names_line_and_column():
    """Text that is not JSON is reported with where it breaks."""
    assert "line 1" in _problems("{nope")[0]


def test_missing_field_names_the_card(deck: Deck):
    """A card without a prompt is named by its id."""
    data = _data(deck)
    del data["cards"][0]["prompt"]
    assert _problems(data) == [f"card {data['cards'][0]['id']}: field 'prompt' is missing"]


def test_unknown_kind_and_duplicate_id(deck: Deck):
    """An unknown kind and a repeated card id are each reported."""
    data = _data(deck)
    data["cards"][0]["kind"] = "essay"
    data["cards"][2]["id"] = data["cards"][1]["id"]
    problems = _problems(data)
    assert any("field 'kind' must be one of" in p for p in problems)
    assert any(p.endswith("duplicate card id") for p in problems)


def test_wrong_format_or_version(deck: Deck):
    """Another format or a newer version is refused with a plain message."""
    data = _data(deck)
    assert "not a purgequiz deck" in _problems({**data, "format": "anki"})[0]
    assert "reads only version 2" in _problems({**data, "version": 3})[0]


@pytest.mark.parametrize("version", [1, 2.0, "2", True, None])
def test_a_deck_of_another_version_is_refused(deck: Deck, version: object):
    """A deck file of any version but the current one is refused, naming the file and the
    version and saying how to make the deck again."""
    data = _data(deck)
    data["version"] = version
    if version == 1:  # as a first-version deck was written: without families and rebuttals
        for card in data["cards"]:
            del card["family"], card["rebuttals"]
    assert _problems(data, "old.json") == [
        f"has deck format version {version!r}; this purgequiz reads only version 2: "
        "make the deck again with 'purgequiz generate'"
    ]


def test_a_rebuttal_must_answer_a_wrong_choice(deck: Deck):
    """A rebuttal of the right answer, or without its sources, is refused by card."""
    data = _data(deck)
    card = next(c for c in data["cards"] if c["rebuttals"])
    card["rebuttals"][card["answer"]] = next(iter(card["rebuttals"].values()))
    problems = _problems(data)
    assert any("which is not one of its wrong choices" in p for p in problems), problems
    data = _data(deck)
    card = next(c for c in data["cards"] if c["rebuttals"])
    first = next(iter(card["rebuttals"]))
    card["rebuttals"][first] = {"text": "x"}
    assert any("needs a text and its sources" in p for p in _problems(data))


def _rebutted(data: dict) -> dict:
    return next(c for c in data["cards"] if c["rebuttals"])


def _retitle_rebuttal(card: dict) -> None:
    first = next(iter(card["rebuttals"]))
    card["rebuttals"][first]["sources"][0]["title"] += CLEAR


def _rekey_rebuttal(card: dict) -> None:
    first = next(iter(card["rebuttals"]))
    card["rebuttals"][first + REVERSE] = card["rebuttals"].pop(first)


CARD_EDITS = {  # field: how it is made to hold a control character
    "id": lambda card: card.update(id=card["id"] + TITLE),
    "prompt": lambda card: card.update(prompt=card["prompt"] + CLEAR),
    "answer": lambda card: card.update(answer=C1_CLEAR + card["answer"]),
    "choices": lambda card: card["choices"].append("Yezhov" + TITLE),
    "explanation": lambda card: card.update(explanation=REVERSE + card["explanation"]),
    "topics": lambda card: card["topics"].append("army\t"),
    "sources": lambda card: card["sources"][0].update(label="Wright\r, 1940"),
    "rebuttals": _retitle_rebuttal,
}


@pytest.mark.parametrize("field", sorted(CARD_EDITS))
def test_control_characters_in_a_card_refuse_the_deck(deck: Deck, field: str):
    """A control character or bidi override anywhere in a card's text (tabs included) is a
    problem naming the card and the field, the character shown as an escape."""
    data = _data(deck)
    card = _rebutted(data)
    ident = card["id"]
    CARD_EDITS[field](card)
    problems = _problems(data)
    mine = [p for p in problems if f"field '{field}' holds" in p]
    assert len(mine) == 1, problems
    assert mine[0].startswith(f"card {ident}"), mine[0]
    assert not has_controls(mine[0]) and ("\\x" in mine[0] or "\\u" in mine[0])


@pytest.mark.parametrize("field", ["title", "description", "id", "built_from"])
def test_control_characters_in_the_deck_fields_refuse_it(deck: Deck, field: str):
    """The deck's own title, description, id and record of its making are checked as well."""
    data = _data(deck)
    data[field] = {"seed": TITLE} if field == "built_from" else f"Deck {TITLE}"
    problems = _problems(data)
    assert f"field '{field}' holds control characters (\\x1b, \\x07)" in problems, problems


def test_a_line_break_in_a_deck_text_is_allowed(deck: Deck):
    """A line break is not refused: explanations and descriptions may run over lines."""
    data = _data(deck)
    data["description"] = "Two\nlines"
    data["cards"][0]["explanation"] = "One.\nTwo."
    assert parse_deck(json.dumps(data)).cards[0].explanation == "One.\nTwo."


def test_a_deck_written_holds_no_raw_control_character(deck: Deck):
    """dump_deck escapes what json.dumps leaves raw (C1 controls, bidi overrides), so that
    printing a deck file cannot drive the terminal; the text reads back the same."""
    card = deck.cards[0]
    hostile = Deck(deck.id, f"T{TITLE}{C1_CLEAR}{REVERSE}", "", (card,))
    text = dump_deck(hostile)
    assert not has_controls(text, newlines=True)
    assert json.loads(text)["title"] == hostile.title


def test_a_deck_file_read_again_unchanged_is_not_checked_again(
    deck: Deck, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Reading a deck file a second time, unchanged, gives an equal deck without parsing and
    checking its text again (the shipped decks are read by many commands and screens)."""
    from purgequiz.decks import fileformat

    parsed: list[str] = []
    parse = fileformat.parse_deck

    def counted(text: str, file: str = "<deck>") -> Deck:
        parsed.append(file)
        return parse(text, file)

    monkeypatch.setattr(fileformat, "parse_deck", counted)
    write_deck(deck, tmp_path / "d.json")
    assert read_deck(tmp_path / "d.json") == deck
    assert read_deck(tmp_path / "d.json") == deck
    assert parsed == [str(tmp_path / "d.json")]


def test_a_deck_file_changed_since_it_was_read_is_read_afresh(deck: Deck, tmp_path: Path):
    """A deck file rewritten with other text (even of the same length, at once) reads as it
    now is, and a deck file made bad is refused again each time it is read."""
    path = tmp_path / "d.json"
    write_deck(deck, path)
    assert read_deck(path).title == deck.title
    write_deck(Deck(deck.id, "X" * len(deck.title), deck.description, deck.cards), path)
    assert read_deck(path).title == "X" * len(deck.title)
    path.write_text(path.read_text(encoding="utf-8").replace('"format"', '"formaat"'))
    for _ in range(2):
        with pytest.raises(DeckError, match="not a purgequiz deck"):
            read_deck(path)


def test_a_change_to_a_deck_read_is_not_seen_by_the_next_reader(deck: Deck, tmp_path: Path):
    """Each reader of a deck file gets a deck of its own: changing what one got (its
    ``built_from``, the one part that is not immutable) leaves the next read as the file."""
    path = tmp_path / "d.json"
    write_deck(Deck(deck.id, deck.title, "", deck.cards, {"seed": 1}), path)
    read_deck(path).built_from["seed"] = 2
    assert read_deck(path).built_from == {"seed": 1}


def test_missing_file(tmp_path: Path):
    """A missing file is a DeckError naming it."""
    with pytest.raises(DeckError, match="no such file"):
        read_deck(tmp_path / "absent.json")


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60) | _json.map(json.dumps))
def test_parser_never_raises_anything_but_deck_error(text: str):
    """Whatever the text, parsing gives a deck or a DeckError."""
    try:
        parse_deck(text, "x.json")
    except DeckError:
        pass


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(
        [
            "id",
            "kind",
            "prompt",
            "answer",
            "sources",
            "fact_ids",
            "choices",
            "difficulty",
            "year",
            "truth",
            "items",
            "family",
            "rebuttals",
        ]
    ),
    _json,
)
def test_mangled_card_fields_give_deck_errors(field: str, value: object):
    """Any value in any card field gives a deck or a DeckError, never another exception."""
    data = {
        "format": "purgequiz.deck",
        "version": 2,
        "id": "d",
        "title": "T",
        "cards": [
            {
                "id": "a:b",
                "kind": "question",
                "template": "b",
                "prompt": "p",
                "answer": "a",
                "explanation": "e",
                "fact_ids": ["a"],
                "topics": [],
                "sources": [
                    {
                        "id": "s",
                        "title": "t",
                        "author": "a",
                        "publication": "p",
                        "date": None,
                        "paragraphs": [1],
                    }
                ],
                field: value,
            }
        ],
    }
    try:
        parse_deck(json.dumps(data), "x.json")
    except DeckError:
        pass
