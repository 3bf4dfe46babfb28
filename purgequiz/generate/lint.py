"""The deck lint: what a program can see of the question rubric, card by card.

Each check names a line of the rubric (docs/quality.md): words that need the document to be
understood, references that dangle, wrong choices of another category or era, figures outside
their whole, a key that stands out by its length, case or exactness or that echoes the prompt,
repeated questions, 'which of these' without choices, keys too long to type, wrong choices
without a rebuttal. Checks that need the fact base run when one is given: an abbreviation
the base glosses, named without its gloss where a card first names it (prompt, choices or
answer); categories, wholes and attributions
on the cards whose facts are in it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from purgequiz.decks.model import Card, Deck
from purgequiz.facts import FactBase
from purgequiz.facts.kinds import Statistic
from purgequiz.generate.glosses import unglossed
from purgequiz.generate.phrasing import normalize_wording

__all__ = ["Finding", "lint_card", "lint_deck"]

_FURNITURE = re.compile(r"\b(?:chapter|footnotes?|paragraphs?|para\.)|\u00b6", re.IGNORECASE)
_DANGLING = re.compile(
    r"\b(?:also|the same|the former|the latter|aforesaid|above-mentioned)\b"
    r"|(?<!of )\bthese\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[\u201c\"]([^\u201d\"]{40,})[\u201d\"]")
_STOP = frozenset(
    "a an and as at by for from in into of on or the to with was were is are be "
    "been had has have his her its their this that which who whom what how why "
    "when where did do does not no than then there these those they them "
    "he she it him its".split()
)
_NUMBER = re.compile(r"\d[\d,.]*")


@dataclass(frozen=True)
class Finding:
    """One problem with one card."""

    card: str
    rule: str  # the rubric line: wording, ambiguity, distractors, form, attribution, …
    message: str

    def __str__(self) -> str:
        return f"card {self.card}: {self.message} [{self.rule}]"


def _words(text: str) -> set[str]:
    return {
        w
        for w in re.findall(r"[a-z][a-z'-]+", normalize_wording(text))
        if w not in _STOP and len(w) > 3
    }


def _wording(card: Card) -> Iterable[Finding]:
    for field, text in (("prompt", card.prompt), *(("choice", c) for c in card.choices)):
        furniture = _FURNITURE.search(text)
        if furniture:
            yield Finding(
                card.id,
                "wording",
                f"the {field} needs the document to be understood: {furniture[0]!r}",
            )
    dangling = _DANGLING.search(card.prompt)
    if dangling and not (card.kind == "ordering" and dangling[0].lower() == "these"):
        yield Finding(
            card.id, "wording", f"the prompt refers to something it does not name: {dangling[0]!r}"
        )
    quoted = _QUOTED.search(card.prompt)
    if quoted:
        yield Finding(
            card.id,
            "attribution",
            "the prompt prints a long passage in quotation marks; give words said in our own words",
        )


def _form(card: Card, common: frozenset[str] = frozenset()) -> Iterable[Finding]:
    """The key must not stand out among the choices by form. ``common`` holds the words
    too common in the deck's prompts to give anything away."""
    wrong = [c for c in card.choices if c != card.answer]
    if card.kind not in ("question", "cloze") or not wrong:
        return
    echoed = (_words(card.answer) & _words(card.prompt)) - common
    for choice in wrong:
        echoed -= _words(choice)
    if card.answer_type == "text" and echoed:  # as telling beside one wrong choice as three
        yield Finding(card.id, "form", f"the key echoes the prompt: {sorted(echoed)[0]!r}")
    if len(wrong) < 2:
        return
    longest = max(len(c) for c in wrong)
    mean = sum(len(c) for c in wrong) / len(wrong)
    if len(card.answer) > longest and len(card.answer) >= 1.6 * mean and len(card.answer) > 20:
        yield Finding(card.id, "form", "the key is much the longest choice")
    cases = {c[:1].isupper() for c in wrong}
    if len(cases) == 1 and card.answer[:1].isupper() not in cases:
        yield Finding(card.id, "form", "the key alone is cased differently")
    if card.answer_type == "number":
        exact = [_exact(c) for c in wrong]
        if len(set(exact)) == 1 and _exact(card.answer) != exact[0]:
            yield Finding(
                card.id,
                "form",
                "the key alone is "
                + ("an exact figure" if _exact(card.answer) else "a round figure"),
            )


def _exact(text: str) -> bool:
    """Whether a figure reads as an exact count (353,074) rather than a round one (35,000)."""
    match = _NUMBER.search(text)
    if match is None:
        return False
    digits = match[0].replace(",", "").rstrip(".")
    if "." in digits or len(digits) < 3:
        return False
    return not digits.endswith("00")


def _ambiguity(card: Card) -> Iterable[Finding]:
    if "which of these" in card.prompt.lower() and not card.choices:
        yield Finding(card.id, "ambiguity", "'which of these' is asked without choices")
    if not card.choices and card.kind in ("question", "cloze") and not card.typeable:
        yield Finding(
            card.id,
            "ambiguity",
            f"the key has {len(card.answer.split())} words and no choices: it cannot be typed",
        )
    if card.choices and card.kind in ("question", "cloze") and card.answer not in card.choices:
        yield Finding(card.id, "ambiguity", "the key is not among the choices")
    keys = [normalize_wording(c) for c in card.choices]
    if len(set(keys)) != len(keys):
        yield Finding(card.id, "ambiguity", "two choices say the same")


def _rebuttals(card: Card) -> Iterable[Finding]:
    if card.kind == "truefalse" or card.kind not in ("question", "cloze"):
        return
    missing = set(card.choices) - {card.answer} - {r.choice for r in card.rebuttals}
    for choice in sorted(missing):
        yield Finding(card.id, "rebuttal", f"the wrong choice {choice!r} has no rebuttal")


def _with_base(card: Card, base: FactBase) -> Iterable[Finding]:
    facts = [base.facts.get(f) for f in card.fact_ids]
    if None in facts:
        return
    wrong = [c for c in card.choices if c != card.answer]
    by_name = {e.name[:1].upper() + e.name[1:]: e for e in base.entities.values()}
    if card.answer_type == "entity" and card.answer in by_name:
        key = by_name[card.answer]
        for choice in wrong:
            other = by_name.get(choice)
            if other is None:
                yield Finding(
                    card.id,
                    "distractors",
                    f"the wrong choice {choice!r} is not an entity of the base",
                )
            elif other.type != key.type:
                yield Finding(
                    card.id,
                    "distractors",
                    f"the wrong choice {choice!r} is a {other.type}, the key a {key.type}",
                )
    first = facts[0]
    if isinstance(first, Statistic) and card.answer_type == "number" and first.whole:
        for choice in wrong:
            match = _NUMBER.search(choice)
            if match and float(match[0].replace(",", "")) > first.whole:
                yield Finding(
                    card.id,
                    "distractors",
                    f"the wrong figure {choice!r} exceeds the whole of {first.whole:g}",
                )
    if card.attribution and len(facts) == 1 and not card.prompt.startswith("According to"):
        who = card.attribution.removeprefix("According to ").split(",")[0]
        if who.lower() not in card.prompt.lower():
            yield Finding(card.id, "attribution", "a claim is asked without saying whose it is")


def _glosses(card: Card, base: FactBase) -> Iterable[Finding]:
    """An abbreviation the base glosses must be glossed where the card first names it: in the
    prompt when the prompt or an ordering or matching card's items name it; else in every
    choice that names it; else in the answer of a card shown without choices."""
    glossed = [e for e in base.entities.values() if e.gloss]
    sets = card.kind in ("ordering", "matching")
    shown = (*card.items, *card.matches) if sets else ()
    choices = card.choices if card.kind != "truefalse" else ()
    answer = None if choices or sets or card.kind == "truefalse" else card.answer
    for entity in unglossed(card.prompt, shown, glossed, choices, answer):
        yield Finding(
            card.id,
            "wording",
            f"the card names {entity.name!r} without saying what it was ({entity.gloss})",
        )


def lint_card(
    card: Card, base: FactBase | None = None, common: frozenset[str] = frozenset()
) -> list[Finding]:
    """Everything the lint finds wrong with one card."""
    found = [*_wording(card), *_form(card, common), *_ambiguity(card), *_rebuttals(card)]
    if base is not None:
        found += [*_glosses(card, base), *_with_base(card, base)]
    return found


def lint_deck(deck: Deck, base: FactBase | None = None) -> list[Finding]:
    """Every card's findings, and questions the deck asks twice."""
    # A word in more than one prompt in twenty is the deck's common vocabulary ('Soviet',
    # 'head'): a key that shares it with its prompt gives nothing away.
    frequency = Counter(w for card in deck.cards for w in _words(card.prompt))
    common = frozenset(w for w, n in frequency.items() if n > len(deck.cards) / 20)
    found = [f for card in deck.cards for f in lint_card(card, base, common)]
    prompts = Counter(normalize_wording(c.prompt) + "\n".join(c.items) for c in deck.cards)
    for card in deck.cards:
        if prompts[normalize_wording(card.prompt) + "\n".join(card.items)] > 1:
            found.append(Finding(card.id, "ambiguity", "another card asks the same question"))
    return found
