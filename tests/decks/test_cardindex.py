"""The index of the listed cards for the statistics: read from the decks once, then kept
while the deck files and the fact files stay the same."""

from __future__ import annotations

import os

import pytest

from purgequiz import paths
from purgequiz.decks import catalog as catalog_module
from purgequiz.decks.cardindex import CardText, card_index
from purgequiz.decks.catalog import load_catalog
from purgequiz.decks.fileformat import write_deck
from purgequiz.decks.model import Deck


@pytest.fixture
def own_deck(deck: Deck):
    """The bundled fact base's deck, installed as the only listed deck."""
    paths.user_decks_dir().mkdir(parents=True)
    path = paths.user_decks_dir() / "mine.json"
    write_deck(deck, path)
    return path


@pytest.fixture
def no_bundled_decks(monkeypatch, tmp_path):
    empty = tmp_path / "no-bundled-decks"
    empty.mkdir()
    monkeypatch.setattr(paths, "bundled_decks_dir", lambda: empty)


@pytest.fixture
def reads(monkeypatch):
    """How many times a deck file is read whole."""
    count = [0]
    real = catalog_module.load_deck

    def counted(entry):
        count[0] += 1
        return real(entry)

    monkeypatch.setattr("purgequiz.decks.cardindex.load_deck", counted)
    return count


@pytest.mark.usefixtures("no_bundled_decks")
def test_the_index_holds_every_listed_cards_prompt_answer_and_topics(deck, own_deck):
    """Each card of the listed decks is there with its prompt, answer and topics, and each
    topic of the bundled fact base with its title."""
    index = card_index(load_catalog())
    first = deck.cards[0]
    assert len(index.cards) == len(deck.cards)
    assert index.cards[first.id] == CardText(first.prompt, first.answer, first.topics)
    assert index.title("army") == "The army purge"
    assert index.title("a-topic-of-my-own") == "a-topic-of-my-own"


@pytest.mark.usefixtures("no_bundled_decks")
def test_the_index_is_kept_until_a_deck_file_changes(deck, own_deck, reads):
    """The decks are read once; the kept index is used while the deck file is the same, and
    the decks are read again once it changes."""
    catalog = load_catalog()
    first = card_index(catalog)
    assert reads[0] == 1
    assert card_index(catalog) == first
    assert reads[0] == 1
    changed = Deck(deck.id, deck.title, deck.description, deck.cards[:3])
    write_deck(changed, own_deck)
    info = own_deck.stat()
    os.utime(own_deck, ns=(info.st_atime_ns, info.st_mtime_ns + 10**9))
    assert len(card_index(load_catalog()).cards) == 3
    assert reads[0] == 2


@pytest.mark.usefixtures("no_bundled_decks")
@pytest.mark.parametrize("content", [b"{broken", b'{"v": 1, "key": [], "cards": 7, "topics": {}}'])
def test_a_damaged_index_is_read_again(deck, own_deck, reads, content):
    """An index file that is not JSON, or not of its shape, is read again from the decks."""
    catalog = load_catalog()
    card_index(catalog)
    (paths.cache_dir() / "cards-index.json").write_bytes(content)
    assert len(card_index(catalog).cards) == len(deck.cards)
    assert reads[0] == 2
