"""Typed answers: what counts as right, what is a near miss, and what is wrong.

* Case, accents, punctuation and initials are ignored: "S. K. Timoshenko", "timoshenko" and
  "Timošenko" all become ``timoshenko`` / ``timosenko``; single letters are initials and dropped.
  A leading article is ignored too ("the NKVD leaders" for "NKVD leaders").
* Every spelling the card accepts (its answer and ``accept``) matches. For a person, the
  surname alone matches when no other entity of the deck has that surname.
* Numbers: thousands separators are ignored ("353074", "353,074", "353 074"), and so is how
  a range is written: "20,000–40,000", "20,000-40,000", "20000 to 40000", "from 20,000 to
  40,000" and "between 20,000 and 40,000" are one answer; a range written short, as the
  sources do ("20–40,000", "1.5–2 million"), is read with its low end scaled like its high
  end as well as literally. A wrong digit is wrong: numbers have no near misses.
* Dates: as text, and a near miss is allowed only when the digits are exactly right.
* A near miss is a small typo: a Levenshtein distance of at most 1 for answers up to 6
  letters, 2 up to 12 letters, 3 beyond, and at least four fifths of the text the same (a
  normalized similarity of at least ``NEAR_SIMILARITY``; so a slip in a word of three letters
  or fewer is no near miss). It is accepted (graded Hard) unless the typed text is at least as
  close to another entity of the deck (Yezhov / Yagoda): then it is wrong, and the result
  names that entity. Another entity is named only when the typed text is that close to it:
  text that resembles nothing in the deck names nothing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from purgequiz.decks.model import Card, Deck
from purgequiz.learn.typed_numbers import number_readings, read_number

__all__ = [
    "NEAR_SIMILARITY",
    "DeckMatcher",
    "Match",
    "allowed_typos",
    "is_near",
    "normalize_answer",
    "normalize_number",
]

NEAR_SIMILARITY = 0.8  # the share of a text that must be the same for a slip to be a near miss

_NOT_WORD = re.compile(r"[^\w]+")
_ARTICLE = re.compile(r"^(?:the|an) (?=\S)")
_GLOSS = re.compile(r"\s*\([^()]*\)")  # a gloss in brackets, after a name or as a sentence
_DIGITS = re.compile(r"\d+")


def normalize_answer(text: str) -> str:
    """Lower case, no accents, no punctuation, no initials, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    tokens = [t for t in _NOT_WORD.sub(" ", plain.replace("_", " ")).split()]
    words = [t for t in tokens if not (len(t) == 1 and t.isalpha())]
    return " ".join(words or tokens)


def normalize_number(text: str) -> str:
    """A figure as written, in canonical digits: "353 074" → "353074", "between 20,000 and
    40,000" → "20000 to 40000"."""
    return normalize_answer(read_number(text))


def _typed_key(text: str) -> str:
    """A typed name or phrase as it is compared: normalized, without a leading article."""
    key = normalize_answer(text)
    return _ARTICLE.sub("", key) or key


def _bare(name: str) -> str:
    """A name as "closer to" shows it: without the glosses a card adds to it ("NKVD leaders.
    (The NKVD was the Soviet security police.)", "Head of the NKVD (the Soviet security
    police) in Ukraine")."""
    return _GLOSS.sub("", name).rstrip(". ") or name


def allowed_typos(answer: str) -> int:
    length = len(answer.replace(" ", ""))
    return 1 if length <= 6 else 2 if length <= 12 else 3


def is_near(typed: str, key: str) -> bool:
    """Whether ``typed`` is a small slip away from ``key`` (both normalized): within the typos
    allowed for ``key`` and at least ``NEAR_SIMILARITY`` alike."""
    return (
        Levenshtein.distance(typed, key) <= allowed_typos(key)
        and Levenshtein.normalized_similarity(typed, key) >= NEAR_SIMILARITY
    )


@dataclass(frozen=True)
class Match:
    correct: bool
    near_miss: bool = False
    closer_to: str | None = None  # another entity the typed text resembles more


class DeckMatcher:
    """Matches typed answers for the cards of one deck, knowing the deck's other entities."""

    def __init__(self, deck: Deck) -> None:
        names: dict[str, str] = {}
        for card in deck.cards:
            if card.answer_type != "entity":
                continue
            for text in (card.answer, *card.accept):
                names.setdefault(_typed_key(text), _bare(card.answer))
            for text in card.choices:
                names.setdefault(_typed_key(text), _bare(text))
        names.pop("", None)
        self._entities = names
        surnames: dict[str, set[str]] = {}
        for key in names:
            surnames.setdefault(key.split()[-1], set()).add(key)
        self._surnames = surnames

    def _accepted(self, card: Card) -> dict[str, str]:
        spellings: dict[str, str] = {}
        for text in (card.answer, *card.accept):
            key = normalize_number(text) if card.answer_type == "number" else _typed_key(text)
            if key:
                spellings.setdefault(key, text)
        if card.answer_type == "entity":
            own = set(spellings)
            for key, text in list(spellings.items()):
                surname = key.split()[-1]
                holders = self._surnames.get(surname, set()) - own
                # the surname alone is enough when no other entity of the deck shares it
                if " " in key and not any(h.split()[-1] == surname for h in holders):
                    spellings.setdefault(surname, text)
        return spellings

    def match(self, card: Card, typed: str) -> Match:
        accepted = self._accepted(card)
        if card.answer_type == "number":  # right if any way of reading it is right
            readings = [normalize_answer(r) for r in number_readings(typed)]
            return Match(any(r and r in accepted for r in readings))
        given = _typed_key(typed)
        if not given:
            return Match(False)
        if given in accepted:
            return Match(True)
        if card.answer_type in ("boolean", "order"):
            return Match(False)
        if card.answer_type == "date" and not any(
            _DIGITS.findall(given) == _DIGITS.findall(key) for key in accepted
        ):
            return Match(False)
        near = sorted(
            (Levenshtein.distance(given, key), key) for key in accepted if is_near(given, key)
        )  # the accepted spellings it is a slip away from
        others = {
            k: v
            for k, v in self._entities.items()
            if k not in accepted and k.split()[-1] not in accepted
        }
        if given in others:  # another name, typed as it is: wrong, and nothing to point out
            return Match(False)
        # only a name is set against other names: a post or a phrase typed near a name is no
        # slip for it
        rival = _rival(given, others) if card.answer_type == "entity" else None
        if not near:
            return Match(False, closer_to=rival[1] if rival else None)
        best = near[0][0]
        if rival is not None and rival[0] <= best:
            return Match(False, closer_to=rival[1])
        return Match(True, near_miss=True)


def _rival(given: str, others: dict[str, str]) -> tuple[int, str] | None:
    """The other entity (its name, or its surname alone) that ``given`` is a slip away from,
    the closest first, as (distance, name shown); None when it is near none."""
    rival = None
    for key, text in others.items():
        for candidate in (key, key.split()[-1]):
            distance = Levenshtein.distance(given, candidate)
            if is_near(given, candidate) and (rival is None or distance < rival[0]):
                rival = (distance, text)
    return rival
