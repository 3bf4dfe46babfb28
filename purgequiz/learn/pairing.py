"""Match: pair people with the posts they took or held, and with the people they replaced
(pure).

Two sources of rounds, asked in this order:

1. the deck's matching cards that pair people with posts (template ``match-posts``; each card
   a round, its answer logged as practice);
2. rounds made from the deck's **posts facts** (the appointment, role and replacement facts
   the deck's cards are made from): "match each person to a post they took up or held" and
   "match each person to the one they replaced", up to ``PAIRS`` pairs each, at least
   ``FEWEST``. No person or post comes twice in a round, and a round never holds a person who
   also held (or lost) another post of it, so each person has one right match. These rounds
   are not cards: they count in the score, which the session keeps, not in the review log.

The score is the number of pairs matched rightly, of all the pairs asked; "I don't know"
matches none.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Iterable, Sequence
from datetime import datetime

from purgequiz.decks.model import Card, Citation, Deck
from purgequiz.facts.kinds import Appointment, Removal, Replacement, Role
from purgequiz.facts.model import Fact, FactBase
from purgequiz.learn.practice import PracticeSession
from purgequiz.learn.records import ProgressStore

__all__ = [
    "FEWEST",
    "PAIRS",
    "POSTS_TEMPLATE",
    "POST_KINDS",
    "fact_rounds",
    "matching_cards",
    "pairs_right",
    "start_match",
    "total_pairs",
]

PAIRS = 5  # the most pairs of a round made from facts
FEWEST = 3  # the fewest
POST_KINDS = ("appointment", "role", "replacement")
FACT_ROUND = "match-facts"  # the template of a round made from facts (not a deck's card)
PostFact = Appointment | Role | Replacement


POSTS_TEMPLATE = "match-posts"  # the matching cards that pair people with posts


def matching_cards(deck: Deck) -> list[str]:
    """The ids of the deck's matching cards that pair people with posts."""
    return [
        card.id
        for card in deck.cards
        if card.kind == "matching" and card.template == POSTS_TEMPLATE and card.items
    ]


def start_match(
    deck: Deck, profile: ProgressStore, now: datetime, rng: random.Random
) -> PracticeSession:
    """The deck's matching cards, each asked once, logged as practice (the rounds made from
    facts come after them: see :func:`fact_rounds`)."""
    return PracticeSession(
        deck, profile, now, rng, mode="match", card_ids=matching_cards(deck), again_after=None
    )


def pairs_right(given: Sequence[str], card: Card) -> int:
    """How many of ``card``'s pairs ``given`` (what was matched with each item, in the items'
    order) matches rightly."""
    return sum(1 for mine, right in zip(given, card.matches, strict=False) if mine == right)


def _post_key(post: str) -> str:
    """A post's wording reduced for comparing ("a deputy head of X" ~ "Deputy head of X")."""
    text = " ".join(re.sub(r"[^\w\s]", " ", post.casefold()).split())
    return re.sub(r"^(?:a|an|the) ", "", text)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _round(
    base: FactBase, facts: Sequence[Fact], prompt: str, pairs: list[tuple[str, str]]
) -> Card:
    ids = sorted(fact.id for fact in facts)
    digest = hashlib.sha1("+".join(ids).encode()).hexdigest()[:12]
    sources = tuple(Citation.of(base, fact) for fact in facts if fact.source in base.sources)
    return Card(
        id=f"pairs-{digest}:{FACT_ROUND}",
        kind="matching",
        template=FACT_ROUND,
        prompt=prompt,
        answer="; ".join(f"{left} → {right}" for left, right in pairs),
        explanation=" ".join(_cap(fact.statement.strip()) for fact in facts),
        sources=tuple(dict.fromkeys(sources)),
        fact_ids=tuple(fact.id for fact in facts),
        topics=tuple(dict.fromkeys(t for fact in facts for t in fact.topics)),
        answer_type="pairs",
        items=tuple(left for left, _ in pairs),
        matches=tuple(right for _, right in pairs),
    )


def fact_rounds(deck: Deck, base: FactBase, rng: random.Random) -> list[Card]:
    """The rounds made from the deck's posts facts (see the module's doc), drawn with
    ``rng``: as many rounds of posts as there are facts for, then the replacements."""
    used = {fact_id for card in deck.cards for fact_id in card.fact_ids}
    facts: list[PostFact] = [
        fact
        for fact_id in sorted(used)
        if isinstance(fact := base.facts.get(fact_id), Appointment | Role | Replacement)
        and fact.attribution.is_record
    ]
    held: dict[str, set[str]] = {}  # person → the posts the whole base has them hold or lose
    for fact in base.facts.values():
        if isinstance(fact, Appointment | Role | Replacement | Removal):
            held.setdefault(fact.person, set()).add(_post_key(fact.post))
            if isinstance(fact, Replacement):
                held.setdefault(fact.replaced, set()).add(_post_key(fact.post))

    def name(entity: str) -> str:
        found = base.entities.get(entity)
        return found.name if found is not None else entity

    rounds: list[Card] = []
    # "a deputy head of …" is one of several such posts: not one person's alone
    posts = [f for f in facts if not f.post.lower().startswith(("a ", "an "))]
    rng.shuffle(posts)
    while posts:
        chosen: list[PostFact] = []
        for fact in list(posts):
            key = _post_key(fact.post)
            people = [f.person for f in chosen]
            keys = [_post_key(f.post) for f in chosen]
            if fact.person in people or key in keys:
                continue
            if any(key in held.get(other, set()) for other in people) or any(
                other in held.get(fact.person, set()) for other in keys
            ):
                continue  # someone who also held another post of the round
            chosen.append(fact)
            posts.remove(fact)
            if len(chosen) == PAIRS:
                break
        if len(chosen) < FEWEST:
            break
        pairs = [(name(f.person), _cap(f.post)) for f in chosen]
        rounds.append(
            _round(base, chosen, "Match each person to a post they took up or held.", pairs)
        )
    replacements = [f for f in facts if isinstance(f, Replacement)]
    rng.shuffle(replacements)
    taken: list[Replacement] = []
    for fact in replacements:
        named = {f.person for f in taken} | {f.replaced for f in taken}
        if fact.person in named or fact.replaced in named:
            continue  # someone twice would have two right matches
        taken.append(fact)
        if len(taken) == PAIRS:
            break
    if len(taken) >= FEWEST:
        pairs = [(name(f.person), name(f.replaced)) for f in taken]
        rounds.append(
            _round(base, list(taken), "Match each person to the one they replaced.", pairs)
        )
    return rounds


def total_pairs(cards: Iterable[Card]) -> int:
    """How many pairs ``cards`` ask for."""
    return sum(len(card.items) for card in cards)
