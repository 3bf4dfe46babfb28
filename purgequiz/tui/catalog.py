"""The decks the app offers: bundled ones and the user's own, read once with their problems."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from purgequiz import paths
from purgequiz.generate.deckfile import DeckError, read_deck
from purgequiz.generate.model import Deck

__all__ = ["Catalog", "DeckProblem", "all_cards_deck", "find_deck", "load_catalog"]

QUICK_DECK_ID = "quick-practice"


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


def load_catalog() -> Catalog:
    """Every readable deck (bundled first, then the user's), and the files that failed."""
    decks: list[Deck] = []
    problems: list[DeckProblem] = []
    seen: set[str] = set()
    for folder in (paths.bundled_decks_dir(), paths.user_decks_dir()):
        for file in _deck_files(folder):
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
