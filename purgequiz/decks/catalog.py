"""The decks purgequiz offers: bundled ones and the user's own, listed once with their problems.

The home screen needs of each deck only its id, title and card ids, so the catalog lists
:class:`DeckEntry` records; a whole :class:`~purgequiz.decks.model.Deck` is read from its
file (:func:`load_deck`) only when a study session starts. :func:`find_deck` turns what a
person typed (a deck file, a listed deck's id or file name) into a deck, for the app and for
the commands alike.

Checking every card of every deck takes a quarter of a second, so the entries of the checked
decks are kept in a small JSON index (``cache/decks-index.json`` in the data folder), used
again while no deck file has changed (same files, sizes and modification times).
"""

from __future__ import annotations

import json
import shlex
from pathlib import Path
from typing import TYPE_CHECKING, Any

from msgspec import Struct

from purgequiz import paths
from purgequiz.atomic import write_atomic
from purgequiz.files import DECK_LIMIT, read_json

if TYPE_CHECKING:
    from purgequiz.decks.fileformat import DeckError
    from purgequiz.decks.model import Card, Deck

__all__ = [
    "Catalog",
    "DeckEntry",
    "DeckProblem",
    "all_cards_deck",
    "cards_by_id",
    "decks_by_card",
    "find_deck",
    "find_entry",
    "load_catalog",
    "load_deck",
]

QUICK_DECK_ID = "quick-practice"
INDEX_VERSION = 4  # 3: decks holding control characters refused; 4: version 1 decks too


class DeckProblem(Struct, frozen=True):
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


class DeckEntry(Struct, frozen=True):
    """A checked deck as listed: its file, id, title and card ids (not its cards)."""

    id: str
    title: str
    file: str
    card_ids: tuple[str, ...]


class Catalog(Struct, frozen=True):
    decks: tuple[DeckEntry, ...]
    problems: tuple[DeckProblem, ...]


def _deck_files(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.glob("*.json") if not p.name.startswith("."))
    except OSError:
        return []


def _fingerprint(files: list[Path]) -> list[list[Any]]:
    out = []
    for file in files:
        try:
            stat = file.stat()
        except OSError:
            continue
        out.append([str(file), stat.st_size, stat.st_mtime_ns])
    return out


def _from_index(data: Any) -> Catalog:
    decks = tuple(
        DeckEntry(d["id"], d["title"], d["file"], tuple(d["cards"])) for d in data["decks"]
    )
    problems = tuple(DeckProblem(p["file"], tuple(p["problems"])) for p in data["problems"])
    texts = [t for d in decks for t in (d.id, d.title, d.file, *d.card_ids)]
    texts += [t for p in problems for t in (p.file, *p.problems)]
    if not all(isinstance(t, str) for t in texts):
        raise ValueError("the index holds something other than text")
    return Catalog(decks, problems)


def _to_index(key: list[list[Any]], catalog: Catalog) -> dict[str, Any]:
    return {
        "v": INDEX_VERSION,
        "key": key,
        "decks": [
            {"id": d.id, "title": d.title, "file": d.file, "cards": list(d.card_ids)}
            for d in catalog.decks
        ],
        "problems": [{"file": p.file, "problems": list(p.problems)} for p in catalog.problems],
    }


def load_catalog() -> Catalog:
    """Every readable deck (bundled first, then the user's), and the files that failed."""
    files = _deck_files(paths.bundled_decks_dir()) + _deck_files(paths.user_decks_dir())
    key = _fingerprint(files)
    index = paths.deck_index_file()
    try:
        stored = read_json(index, what="deck index", limit=DECK_LIMIT)
        if stored.get("v") == INDEX_VERSION and stored.get("key") == key:
            return _from_index(stored)
    except Exception:  # noqa: BLE001 - a missing or unreadable index is simply rebuilt
        pass
    catalog = _read_catalog(files)
    try:
        index.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(_to_index(key, catalog), ensure_ascii=False, separators=(",", ":"))
        write_atomic(index, text.encode("utf-8"))
    except OSError:
        pass
    return catalog


def _read_catalog(files: list[Path]) -> Catalog:
    from purgequiz.decks.fileformat import DeckError, read_deck

    decks: list[DeckEntry] = []
    problems: list[DeckProblem] = []
    seen: set[str] = set()
    for file in files:
        try:
            deck = read_deck(file)
        except DeckError as error:
            problems.append(DeckProblem.of(error))
            continue
        if deck.id in seen:
            problems.append(
                DeckProblem(str(file), (f"a deck with the id {deck.id!r} is already listed",))
            )
            continue
        seen.add(deck.id)
        decks.append(
            DeckEntry(deck.id, deck.title, str(file), tuple(card.id for card in deck.cards))
        )
    return Catalog(tuple(decks), tuple(problems))


def load_deck(entry: DeckEntry) -> Deck:
    """The whole deck of a listed entry, read from its file (raises DeckError in plain words)."""
    from purgequiz.decks.fileformat import read_deck

    return read_deck(Path(entry.file))


def _is_named(spec: str, file: str) -> bool:
    """Whether ``spec`` is the name (with or without ``.json``) of the deck file ``file``."""
    return spec in (Path(file).name, Path(file).stem)


def _fact_file(path: Path) -> str | None:
    """ "fact file" or "fact folder" when ``path`` is one (TOML, or a folder of TOML files)."""
    try:
        if path.is_dir():
            return "fact folder" if any(path.glob("*.toml")) else None
        return "fact file" if path.suffix.lower() == ".toml" and path.is_file() else None
    except OSError:
        return None


def _not_a_deck(spec: str, what: str) -> str:
    return (
        f"is a {what}, not a deck; build a deck from it with "
        f"'purgequiz generate --facts {shlex.quote(spec)} -o deck.json'"
    )


def find_deck(spec: str, catalog: Catalog | None = None) -> Deck:
    """The deck named by ``spec``: a deck file's path, or the id or file name of a listed deck
    (bundled or the user's).

    Raises :class:`DeckError` in plain words when there is no such deck or it is unusable: a
    fact file is named as one, and an unknown id is answered with the ids there are.
    """
    from purgequiz.decks.fileformat import DeckError, read_deck

    path = Path(spec).expanduser()
    what = _fact_file(path)
    if what is not None:
        raise DeckError(spec, [_not_a_deck(spec, what)])
    if path.exists() or "/" in spec or "\\" in spec:
        return read_deck(path)
    catalog = catalog or load_catalog()
    for entry in catalog.decks:
        if spec == entry.id or _is_named(spec, entry.file):
            return load_deck(entry)
    for problem in catalog.problems:  # a listed file that is not a usable deck: say why
        if _is_named(spec, problem.file):
            raise DeckError(problem.file, list(problem.problems))
    known = ", ".join(entry.id for entry in catalog.decks) or "none yet"
    missing = (
        "no such file, and no deck is listed under this name"
        if path.suffix == ".json"
        else "there is no deck with this id"
    )
    raise DeckError(spec, [f"{missing} (the decks are: {known})"])


def find_entry(spec: str, catalog: Catalog) -> DeckEntry | None:
    """The listed deck whose id or file name (with or without ``.json``) is ``spec``."""
    return next(
        (entry for entry in catalog.decks if spec == entry.id or _is_named(spec, entry.file)), None
    )


def decks_by_card(catalog: Catalog) -> dict[str, tuple[str, ...]]:
    """Card id → the ids of the listed decks holding it, in the catalog's order."""
    decks: dict[str, tuple[str, ...]] = {}
    for entry in catalog.decks:
        for card_id in entry.card_ids:
            held = decks.get(card_id, ())
            if entry.id not in held:
                decks[card_id] = held + (entry.id,)
    return decks


def cards_by_id(catalog: Catalog) -> dict[str, Card]:
    """Every card of the listed decks by id (a deck that cannot be read is left out)."""
    from purgequiz.decks.fileformat import DeckError

    cards: dict[str, Card] = {}
    for entry in catalog.decks:
        try:
            deck = load_deck(entry)
        except (DeckError, OSError):
            continue
        for card in deck.cards:
            cards.setdefault(card.id, card)
    return cards


def all_cards_deck(decks: tuple[Deck, ...]) -> Deck:
    """One deck holding the cards of every deck, for quick practice (progress is per card)."""
    from purgequiz.decks.model import Deck

    cards, seen = [], set()
    for deck in decks:
        for card in deck.cards:
            if card.id not in seen:
                seen.add(card.id)
                cards.append(card)
    return Deck(QUICK_DECK_ID, "Quick practice: all decks", "", tuple(cards))
