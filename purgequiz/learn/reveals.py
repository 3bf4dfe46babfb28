"""Cards that give another card's answer away, found in the words the cards show.

Card A gives card B away when one passage that A shows holds B's answer (or a spelling B
accepts) together with most of what B's question asks about. A passage is A's question with its
answer, one sentence of its explanation, one event of an ordering card, or one pair of a
matching card. "Most" means more than half of the weight of the content words of B's question,
and at least two of them (a question of fewer content words is never given away). A word weighs
more the fewer cards of the deck use it: a word on every card says little (in a deck of a few
cards, all words weigh about the same). Question words, words of time ("year", "month"), who
says it ("According to Wright, writing in 1940") and a gloss in brackets that several questions
share ("(the Soviet security police)") count on neither side.

So "Who replaced Yezhov as head of the NKVD in 1938?" (Beria) is given away by an ordering card
whose explanation says "On 21 August 1938: The Politburo appointed Beria Yezhov's deputy at the
NKVD.", and "In which year was Rudzutak arrested?" (1937) by an explanation saying "Rudzutak had
in fact been arrested in May 1937". A card that names the answer in another connection gives
nothing away: Beria and Malenkov's task in 1938 does not say who replaced Yezhov, nor the
commanders' arrest in May 1937 when Rudzutak was arrested. Only questions with one answer
(``question`` and ``cloze`` cards) can be given away. Pure: cards in, relation out.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from purgequiz.decks.model import Card
from purgequiz.learn.matching import normalize_answer

__all__ = ["gives_away", "reveal_pairs"]

_QUIET = frozenset(
    """
a an the of in on at to by for from with and or but as is was were be been being are am did do
does had has have which what who whom whose when where why how this these that those it its his
her their they he she them him into over under after before during about than then there here
not no so such also one two three according later study soviet elites historian historians
writing wright said says say many much year years month months date dates day days
""".split()
)
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+")
_ASIDE = re.compile(r"\([^()]*\)")
_SUFFIXES = ("ing", "ed", "es", "s")
_PRIOR = 20
_MIN_FORM = 3  # an answer of fewer characters ("75" of "75%") is found in too many places


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _unattributed(card: Card) -> str:
    """The question without who says it."""
    if card.attribution and card.prompt.startswith(card.attribution):
        return card.prompt[len(card.attribution) :]
    return card.prompt


def _passages(card: Card) -> list[str]:
    """What the card shows, in the pieces a giveaway must fit in (normalized)."""
    out = [s for s in _SENTENCE_END.split(card.explanation) if s]
    if card.kind == "ordering":
        out += card.items
    elif card.kind == "matching":
        out += [f"{item} {match}" for item, match in zip(card.items, card.matches, strict=False)]
    else:
        out.append(f"{_unattributed(card)} {card.answer}")
    return [normalize_answer(text) for text in out]


def _cues(card: Card, glosses: frozenset[str] = frozenset()) -> set[str]:
    """The content words (stems) of a card's question, without ``glosses``: asides in
    brackets that several questions share ("the NKVD (the Soviet security police)") say
    what a name means, not what the question asks about."""
    question = _ASIDE.sub(lambda m: " " if m[0] in glosses else m[0], _unattributed(card))
    return {
        _stem(word)
        for word in normalize_answer(question).split()
        if word not in _QUIET and len(word) > 2
    }


def _forms(card: Card) -> set[str]:
    forms = {normalize_answer(text) for text in (card.answer, *card.accept)}
    return {form for form in forms if len(form) >= _MIN_FORM}


def gives_away(cards: Iterable[Card]) -> dict[str, set[str]]:
    """Card id → the ids of the cards whose answer it gives away."""
    cards = list(cards)
    passages: list[tuple[int, str, frozenset[str]]] = []  # (card index, text, its stems)
    by_word: dict[str, list[int]] = {}  # a normalized word → the passages holding it
    users: dict[str, int] = {}  # a stem → how many cards use it
    for index, card in enumerate(cards):
        used: set[str] = set()
        for text in _passages(card):
            stems = frozenset(_stem(word) for word in text.split())
            used |= stems
            for word in set(text.split()):
                by_word.setdefault(word, []).append(len(passages))
            passages.append((index, f" {text} ", stems))
        for stem in used:
            users[stem] = users.get(stem, 0) + 1

    # the fewer cards use a word, the more it says; in a deck of a few cards, every word says
    # about as much (as if there were _PRIOR cards more that use none of them)
    weight = {stem: math.log((len(cards) + _PRIOR) / count) for stem, count in users.items()}
    asides = Counter(aside for card in cards for aside in set(_ASIDE.findall(card.prompt)))
    glosses = frozenset(aside for aside, count in asides.items() if count > 1)
    out: dict[str, set[str]] = {}
    for b_index, b in enumerate(cards):
        if b.kind not in ("question", "cloze"):
            continue
        cues = _cues(b, glosses)
        if len(cues) < 2:  # "Question 3?" says too little to tell what would give it away
            continue
        half = sum(weight[cue] for cue in cues) / 2  # B's own question holds every cue
        givers: set[int] = set()
        for form in _forms(b):
            rarest = min(form.split(), key=lambda word: len(by_word.get(word, ())))
            for number in by_word.get(rarest, ()):
                a_index, text, stems = passages[number]
                if a_index == b_index or a_index in givers or f" {form} " not in text:
                    continue
                found = cues & stems
                if len(found) >= 2 and sum(weight[cue] for cue in found) > half:
                    givers.add(a_index)
        for a_index in givers:
            out.setdefault(cards[a_index].id, set()).add(b.id)
    return out


def reveal_pairs(cards: Iterable[Card]) -> dict[str, set[str]]:
    """Card id → the cards it gives away or is given away by (both ways).

    Worked out once for a set of cards and kept (for the last few): it is most of the time a
    study session takes to start, and a session starts on the same deck again and again (each
    time the deck is opened, and each simulated day of ``purgequiz demo``). Each call gets its
    own sets, free to change.
    """
    key = tuple(cards)
    try:
        found = _pairs(key)
    except TypeError:  # a card holding a list where a tuple belongs cannot be a key: no cache
        found = _pairs.__wrapped__(key)
    return {card_id: set(others) for card_id, others in found.items()}


@lru_cache(maxsize=8)
def _pairs(cards: tuple[Card, ...]) -> dict[str, frozenset[str]]:
    pairs: dict[str, set[str]] = {}
    for a, given in gives_away(cards).items():
        for b in given:
            pairs.setdefault(a, set()).add(b)
            pairs.setdefault(b, set()).add(a)
    return {card_id: frozenset(others) for card_id, others in pairs.items()}
