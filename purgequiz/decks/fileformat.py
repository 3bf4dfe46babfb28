"""Reading and writing deck files: validation with one clear message per problem."""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from copy import deepcopy
from dataclasses import replace
from pathlib import Path
from typing import Any

from purgequiz.decks.model import (
    ANSWER_TYPES,
    CARD_KINDS,
    DECK_FORMAT,
    DECK_VERSION,
    Card,
    Citation,
    Deck,
    Rebuttal,
)
from purgequiz.files import DECK_LIMIT, FileProblem, parse_json, read_text, write_text
from purgequiz.visible import control_problem, controls, json_safe, visible

__all__ = ["DeckError", "dump_deck", "parse_deck", "read_deck", "write_deck"]


class DeckError(Exception):
    """A deck file that cannot be used; ``problems`` lists each thing wrong."""

    def __init__(self, file: str, problems: list[str]) -> None:
        self.file = file
        self.problems = problems
        super().__init__("\n".join(f"{file}: {p}" for p in problems))


def dump_deck(deck: Deck) -> str:
    """The deck's file text: stable key order and layout, so equal decks are equal bytes
    (every control character escaped, so that the text is safe to print)."""
    return json_safe(json.dumps(deck.to_dict(), ensure_ascii=False, indent=1)) + "\n"


def write_deck(deck: Deck, path: Path) -> None:
    """Write a deck file atomically (a temporary file renamed into place).

    Raises :class:`DeckError` when ``path`` is a pipe, device or folder, ``OSError`` when it
    cannot be written.
    """
    try:
        write_text(path, dump_deck(deck), what="deck")
    except FileProblem as error:
        raise DeckError(error.file, [error.reason]) from None


# The decks last read, by file name and text: a deck file read again unchanged (the shipped
# decks, read by every command and screen that lists or finds cards) is not parsed and checked
# again. The file is always read, so a changed file is always parsed afresh.
_READ: OrderedDict[tuple[str, str], Deck] = OrderedDict()
_READ_LOCK = threading.Lock()  # the app reads decks in worker threads
_READ_KEPT = 12  # decks; more than ship, so reading them all in turn keeps them all
_READ_LARGEST = 4_000_000  # characters; a larger file is parsed each time it is read


def read_deck(path: Path) -> Deck:
    """Read and validate a deck file; raise :class:`DeckError` naming the file and card.

    The file is read by :mod:`purgequiz.files`: a pipe, a device, a file over
    :data:`~purgequiz.files.DECK_LIMIT` or JSON nested too deeply is refused in plain words.
    A file holding the same text as when it was last read gives the same deck without being
    checked again (a deck is immutable, its ``built_from`` aside, which is copied).
    """
    try:
        text = read_text(path, what="deck file", limit=DECK_LIMIT)
    except FileProblem as error:
        raise DeckError(error.file, [error.reason]) from None
    key = (str(path), text)
    with _READ_LOCK:
        deck = _READ.get(key)
        if deck is not None:
            _READ.move_to_end(key)
    if deck is None:
        deck = parse_deck(text, str(path))  # a DeckError is raised each time, never kept
        if len(text) <= _READ_LARGEST:
            with _READ_LOCK:
                _READ[key] = deck
                while len(_READ) > _READ_KEPT:
                    _READ.popitem(last=False)
    return replace(deck, built_from=deepcopy(deck.built_from))


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _is_texts(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


_CARD_FIELDS: dict[str, tuple[bool, Callable[[Any], bool], str]] = {
    # name: (required, check, what it must be)
    "id": (True, _is_text, "non-empty text"),
    "kind": (True, lambda v: v in CARD_KINDS, f"one of {', '.join(CARD_KINDS)}"),
    "template": (True, _is_text, "non-empty text"),
    "prompt": (True, _is_text, "non-empty text"),
    "answer": (True, _is_text, "non-empty text"),
    "explanation": (True, _is_text, "non-empty text"),
    "sources": (True, lambda v: isinstance(v, list) and bool(v), "a non-empty list"),
    "fact_ids": (True, lambda v: _is_texts(v) and bool(v), "a non-empty list of texts"),
    "topics": (True, _is_texts, "a list of texts"),
    "answer_type": (False, lambda v: v in ANSWER_TYPES, f"one of {', '.join(ANSWER_TYPES)}"),
    "accept": (False, _is_texts, "a list of texts"),
    "choices": (False, _is_texts, "a list of texts"),
    "truth": (False, lambda v: v is None or isinstance(v, bool), "true, false or null"),
    "items": (False, _is_texts, "a list of texts"),
    "matches": (False, _is_texts, "a list of texts"),
    "year": (False, lambda v: v is None or _is_int(v), "a year or null"),
    "difficulty": (False, lambda v: _is_int(v) and 1 <= v <= 3, "1, 2 or 3"),
    "siblings": (False, _is_texts, "a list of card ids"),
    "confusable": (False, _is_texts, "a list of card ids"),
    "attribution": (False, lambda v: v is None or isinstance(v, str), "text or null"),
    "family": (False, lambda v: isinstance(v, str), "text"),
    "rebuttals": (False, lambda v: isinstance(v, dict), "an object (choice → text and sources)"),
}


def _citation(data: Any) -> Citation | None:
    if not isinstance(data, dict):
        return None
    paragraphs = data.get("paragraphs", [])
    if not all(_is_text(data.get(k)) for k in ("id", "title", "author", "publication")):
        return None
    if not isinstance(paragraphs, list) or not all(_is_int(p) for p in paragraphs):
        return None
    date = data.get("date")
    label = data.get("label")
    return Citation(
        data["id"],
        data["title"],
        data["author"],
        data["publication"],
        date if isinstance(date, str) else None,
        tuple(paragraphs),
        label if isinstance(label, str) and label.strip() else None,
    )


def _controls(data: dict[str, Any], where: str, problems: list[str]) -> None:
    """A problem for each field whose text holds a control character or a bidirectional
    override (a line break is allowed): a title holding ``\\x1b]0;…\\x07`` would retitle the
    terminal it is shown in. Keys and nested texts (choices, rebuttals, citations) count."""
    if not controls(data, newlines=True):  # the usual case: no field to name
        return
    for name, value in data.items():
        found = control_problem([name, value], newlines=True)
        if found:
            problems.append(f"{where}field '{visible(str(name))}' {found}")


def _card(data: Any, where: str, problems: list[str]) -> Card | None:
    if not isinstance(data, dict):
        problems.append(f"{where}: must be a JSON object")
        return None
    before = len(problems)
    for name, (required, check, what) in _CARD_FIELDS.items():
        if name not in data:
            if required:
                problems.append(f"{where}: field '{name}' is missing")
            continue
        if not check(data[name]):
            problems.append(f"{where}: field '{name}' must be {what}")
    if len(problems) > before:
        return None
    found = [_citation(c) for c in data["sources"]]
    citations = tuple(c for c in found if c is not None)
    if len(citations) != len(found):
        problems.append(
            f"{where}: field 'sources' holds a citation without id, title, "
            "author, publication and paragraph numbers"
        )
        return None
    rebuttals = _rebuttals(data.get("rebuttals", {}), data, where, problems)
    kind = data["kind"]
    if (
        kind in ("question", "cloze")
        and data.get("choices")
        and data["answer"] not in data["choices"]
    ):
        problems.append(f"{where}: the answer is not among its choices")
    if kind == "truefalse" and not isinstance(data.get("truth"), bool):
        problems.append(f"{where}: a true/false card needs 'truth' (true or false)")
    if kind == "flashcard" and data.get("choices"):
        problems.append(f"{where}: a flashcard has no choices")
    if kind == "ordering" and len(data.get("items", [])) < 2:
        problems.append(f"{where}: an ordering card needs at least two 'items'")
    if kind == "matching":
        items, matches = data.get("items", []), data.get("matches", [])
        if len(items) < 2 or len(items) != len(matches) or len(set(matches)) != len(matches):
            problems.append(
                f"{where}: a matching card needs 'items' and as many distinct 'matches'"
            )
    if len(problems) > before:
        return None
    known = {name for name in _CARD_FIELDS} - {"sources", "rebuttals"}
    fields: dict[str, Any] = {  # each checked above against the field's type
        name: tuple(value) if isinstance(value, list) else value
        for name, value in data.items()
        if name in known
    }
    return Card(**fields, sources=citations, rebuttals=rebuttals)


def _rebuttals(
    raw: dict[str, Any], data: dict[str, Any], where: str, problems: list[str]
) -> tuple[Rebuttal, ...]:
    """The card's rebuttals; each must answer one of its wrong choices."""
    wrong = set(data.get("choices", [])) - {data.get("answer")}
    out = []
    for choice, value in raw.items():
        sources = value.get("sources") if isinstance(value, dict) else None
        found = [_citation(c) for c in sources] if isinstance(sources, list) else [None]
        citations = tuple(c for c in found if c is not None)
        if (
            not isinstance(value, dict)
            or not _is_text(value.get("text"))
            or len(citations) != len(found)
        ):
            problems.append(f"{where}: the rebuttal of {choice!r} needs a text and its sources")
            continue
        if choice not in wrong:
            problems.append(
                f"{where}: a rebuttal is given for {choice!r}, which is not one "
                "of its wrong choices"
            )
            continue
        out.append(Rebuttal(choice, value["text"], citations))
    return tuple(out)


def parse_deck(text: str, file: str = "<deck>") -> Deck:
    """Validate a deck file's text; raise :class:`DeckError` listing every problem."""
    try:
        data = parse_json(text, file)
    except FileProblem as error:
        raise DeckError(file, [error.reason]) from None
    return _deck(data, file)


def _deck(data: Any, file: str) -> Deck:
    """The deck in a deck file's parsed JSON; raise :class:`DeckError` listing every problem."""
    if not isinstance(data, dict):
        raise DeckError(file, ["must hold a JSON object"])
    if data.get("format") != DECK_FORMAT:
        raise DeckError(file, [f"is not a purgequiz deck (its 'format' is not {DECK_FORMAT!r})"])
    version = data.get("version")
    if not _is_int(version) or version != DECK_VERSION:
        raise DeckError(
            file,
            [
                f"has deck format version {visible(repr(version))}; this purgequiz reads only "
                f"version {DECK_VERSION}: make the deck again with 'purgequiz generate'"
            ],
        )
    problems: list[str] = []
    _controls({k: v for k, v in data.items() if k != "cards"}, "", problems)
    for name in ("id", "title"):
        if not _is_text(data.get(name)):
            problems.append(f"field '{name}' must be non-empty text")
    if not isinstance(data.get("description", ""), str):
        problems.append("field 'description' must be text")
    if not isinstance(data.get("built_from", {}), dict):
        problems.append("field 'built_from' must be an object")
    raw_cards = data.get("cards")
    if not isinstance(raw_cards, list):
        problems.append("field 'cards' must be a list")
        raw_cards = []
    cards: list[Card] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_cards):
        ident = raw.get("id") if isinstance(raw, dict) else None
        where = (
            f"card {visible(ident)}" if isinstance(ident, str) and ident else f"card #{index + 1}"
        )
        if isinstance(raw, dict):
            _controls(raw, f"{where}: ", problems)
        card = _card(raw, where, problems)
        if card is None:
            continue
        if card.id in seen:
            problems.append(f"{where}: duplicate card id")
            continue
        seen.add(card.id)
        cards.append(card)
    if problems:
        raise DeckError(file, problems)
    return Deck(
        data["id"],
        data["title"],
        data.get("description", ""),
        tuple(cards),
        data.get("built_from", {}),
    )
