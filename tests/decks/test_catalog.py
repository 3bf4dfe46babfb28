"""The catalog's deck index: a deck the index lists is one the current reader accepts."""

from __future__ import annotations

import json

from purgequiz import paths
from purgequiz.decks.catalog import load_catalog
from purgequiz.decks.fileformat import dump_deck
from purgequiz.decks.model import Deck


def test_an_index_from_when_version_1_decks_read_is_not_trusted(deck: Deck):
    """A deck index written while version 1 decks still read is checked again: the version 1
    deck it lists as usable is listed as a problem, saying how to make the deck again."""
    data = json.loads(dump_deck(deck))
    data["version"] = 1
    for card in data["cards"]:
        del card["family"], card["rebuttals"]
    old = paths.user_decks_dir() / "old.json"
    old.parent.mkdir(parents=True)
    old.write_text(json.dumps(data))
    load_catalog()
    index = json.loads(paths.deck_index_file().read_text())
    (refused,) = index["problems"]
    assert refused["file"] == str(old)
    index["problems"] = []  # as the reader of version 1 decks listed it: usable
    cards = [card["id"] for card in data["cards"]]
    index["decks"].append({"id": "old", "title": "Old", "file": str(old), "cards": cards})
    index["v"] = 3
    paths.deck_index_file().write_text(json.dumps(index))
    catalog = load_catalog()
    assert str(old) not in [entry.file for entry in catalog.decks]
    (problem,) = catalog.problems
    assert problem.file == str(old)
    assert problem.problems == (
        "has deck format version 1; this purgequiz reads only version 2: "
        "make the deck again with 'purgequiz generate'",
    )
