"""What the statistics need of every listed card: its prompt, answer and topics, and the
titles of the bundled fact base's topics.

Reading every deck whole takes about a second with a deck of thousands of cards, so this is
kept in ``cache/cards-index.json`` in the data folder (beside the deck index) and used again
while the deck files and the fact files it was read from are the same (same names, sizes and
modification times). A missing or damaged index is simply read again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import msgspec

from purgequiz import paths
from purgequiz.atomic import write_atomic
from purgequiz.decks.catalog import Catalog, load_catalog, load_deck
from purgequiz.files import DECK_LIMIT, FileProblem, read_bytes

__all__ = ["CardIndex", "CardText", "card_index"]

INDEX_VERSION = 1


class CardText(msgspec.Struct, frozen=True, array_like=True):
    """A card as the statistics show it (kept as ``[prompt, answer, topics]``)."""

    prompt: str
    answer: str
    topics: tuple[str, ...]


@dataclass(frozen=True)
class CardIndex:
    """Every card of the listed decks by id, and topic titles by topic id (a topic of a deck of
    one's own that the bundled fact base lacks is shown by its id)."""

    cards: Mapping[str, CardText]
    topics: Mapping[str, str]

    def title(self, topic: str) -> str:
        return self.topics.get(topic, topic)


class _Stored(msgspec.Struct):
    v: int
    key: list[tuple[str, int, int]]
    cards: dict[str, CardText]
    topics: dict[str, str]


def _key(files: Iterable[Path]) -> list[tuple[str, int, int]]:
    """Each file that exists, with its size and modification time."""
    key = []
    for file in files:
        try:
            info = file.stat()
        except OSError:
            continue
        key.append((str(file), info.st_size, info.st_mtime_ns))
    return key


def _fact_files() -> list[Path]:
    try:
        return sorted(paths.bundled_seeds_dir().glob("*.toml"))
    except OSError:
        return []


def _topic_titles() -> dict[str, str]:
    from purgequiz.facts import load

    try:
        base = load(paths.bundled_seeds_dir()).base
    except (OSError, ValueError):
        return {}
    return {key: topic.title for key, topic in base.topics.items()} if base else {}


def _read(catalog: Catalog) -> CardIndex:
    from purgequiz.decks.fileformat import DeckError

    cards: dict[str, CardText] = {}
    for entry in catalog.decks:
        try:
            deck = load_deck(entry)
        except (DeckError, OSError):
            continue
        for card in deck.cards:
            if card.id not in cards:
                cards[card.id] = CardText(card.prompt, card.answer, card.topics)
    return CardIndex(cards, _topic_titles())


def card_index(catalog: Catalog | None = None) -> CardIndex:
    """The index of ``catalog``'s decks (every listed deck by default)."""
    catalog = catalog if catalog is not None else load_catalog()
    key = _key([Path(entry.file) for entry in catalog.decks] + _fact_files())
    file = paths.cache_dir() / "cards-index.json"
    try:
        stored = msgspec.json.decode(
            read_bytes(file, what="card index", limit=DECK_LIMIT), type=_Stored
        )
        if stored.v == INDEX_VERSION and stored.key == key:
            return CardIndex(stored.cards, stored.topics)
    except (FileProblem, OSError, msgspec.DecodeError, msgspec.ValidationError):
        pass  # read again
    index = _read(catalog)
    fresh = _Stored(INDEX_VERSION, key, dict(index.cards), dict(index.topics))
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(file, msgspec.json.encode(fresh))
    except (OSError, msgspec.EncodeError, UnicodeEncodeError):
        pass  # read again next time
    return index
