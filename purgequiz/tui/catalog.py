"""The decks the app offers: bundled ones and the user's own, read once with their problems."""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass
from pathlib import Path

from purgequiz import paths
from purgequiz.generate.deckfile import DeckError, read_deck
from purgequiz.generate.model import Deck

__all__ = ["Catalog", "DeckProblem", "all_cards_deck", "find_deck", "load_catalog"]

QUICK_DECK_ID = "quick-practice"
CACHE_VERSION = 1


@dataclass(frozen=True)
class DeckProblem:
    """A deck file that could not be used, in plain words."""

    file: str
    problems: tuple[str, ...]

    @classmethod
    def of(cls, error: DeckError) -> DeckProblem:
        return cls(error.file, tuple(error.problems))

    def message(self) -> str:
        listed = "\n".join(f"  • {problem}" for problem in self.problems[:8])
        more = len(self.problems) - 8
        extra = f"\n  … and {more} more" if more > 0 else ""
        return f"{self.file}\n{listed}{extra}"


@dataclass(frozen=True)
class Catalog:
    decks: tuple[Deck, ...]
    problems: tuple[DeckProblem, ...]


def _deck_files(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.glob("*.json") if not p.name.startswith("."))
    except OSError:
        return []


def _cache_path() -> Path:
    return paths.data_dir() / "cache" / "catalog.pickle"


def _fingerprint(files: list[Path]) -> list[tuple[str, int, int]]:
    out = []
    for file in files:
        try:
            stat = file.stat()
        except OSError:
            continue
        out.append((str(file), stat.st_size, stat.st_mtime_ns))
    return out


def load_catalog() -> Catalog:
    """Every readable deck (bundled first, then the user's), and the files that failed.

    Checking every card of every deck takes a quarter of a second, so the checked decks are
    kept in a cache file, used again while no deck file has changed (size and time).
    """
    files = _deck_files(paths.bundled_decks_dir()) + _deck_files(paths.user_decks_dir())
    key = _fingerprint(files)
    cache = _cache_path()
    try:
        with cache.open("rb") as handle:
            stored = pickle.load(handle)
        if stored.get("v") == CACHE_VERSION and stored.get("key") == key:
            return stored["catalog"]
    except Exception:  # noqa: BLE001 - a missing or unreadable cache is simply rebuilt
        pass
    catalog = _read_catalog(files)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        temporary = cache.with_name(f".{cache.name}.{os.getpid()}.tmp")
        with temporary.open("wb") as handle:
            pickle.dump({"v": CACHE_VERSION, "key": key, "catalog": catalog}, handle,
                        protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, cache)
    except OSError:
        pass
    return catalog


def _read_catalog(files: list[Path]) -> Catalog:
    decks: list[Deck] = []
    problems: list[DeckProblem] = []
    seen: set[str] = set()
    for file in files:
        try:
            deck = read_deck(file)
        except DeckError as error:
            problems.append(DeckProblem.of(error))
            continue
        if deck.id in seen:
            problems.append(DeckProblem(str(file), (f"a deck with the id {deck.id!r} "
                                                    "is already listed",)))
            continue
        seen.add(deck.id)
        decks.append(deck)
    return Catalog(tuple(decks), tuple(problems))


def find_deck(spec: str, catalog: Catalog | None = None) -> Deck:
    """The deck named by ``spec``: a deck file's path or a listed deck's id.

    Raises :class:`DeckError` in plain words when there is no such deck or it is unusable.
    """
    path = Path(spec).expanduser()
    if path.suffix == ".json" or path.exists() or "/" in spec or "\\" in spec:
        return read_deck(path)
    catalog = catalog or load_catalog()
    for deck in catalog.decks:
        if deck.id == spec:
            return deck
    known = ", ".join(deck.id for deck in catalog.decks) or "none yet"
    raise DeckError(spec, [f"there is no deck with this id (the decks are: {known})"])


def all_cards_deck(decks: tuple[Deck, ...]) -> Deck:
    """One deck holding the cards of every deck, for quick practice (progress is per card)."""
    cards, seen = [], set()
    for deck in decks:
        for card in deck.cards:
            if card.id not in seen:
                seen.add(card.id)
                cards.append(card)
    return Deck(QUICK_DECK_ID, "Quick practice: all decks", "", tuple(cards))
