"""Which source says what: where accounts differ, and every claim with whose it is.

Three things are gathered from the fact base. A ``conflict`` fact names the accounts that
disagree about one thing. An ``assessment`` that ``contests`` an official justification sets
a reading against the reason given. And every fact that is not a plain record (a claim, an
estimate, a reading or a report) is someone's: those are grouped by who makes them.
"""

from __future__ import annotations

from dataclasses import dataclass

from purgequiz.facts.kinds import Assessment, Conflict, Justification
from purgequiz.facts.model import Fact, FactBase

__all__ = ["Account", "ClaimGroup", "Dispute", "claim_groups", "disputes", "who", "who_says"]

_WORDS = {
    "claim": "A claim",
    "estimate": "An estimate",
    "interpretation": "A reading",
    "report": "A report",
}


def _names(base: FactBase, ids: tuple[str, ...]) -> str:
    names = [base.entities[i].name if i in base.entities else i for i in ids]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def who(fact: Fact, base: FactBase) -> str:
    """Whose account a fact is: "Wright, relaying Pravda"; for a plain record, the source."""
    attribution = fact.attribution
    if attribution.by is None:
        source = base.sources.get(fact.source)
        if source is None:
            return fact.source
        shown = source.cite_as or source.author
        return shown[:1].upper() + shown[1:]
    relayed = f", relaying {_names(base, attribution.via)}" if attribution.via else ""
    return _names(base, (attribution.by,)) + relayed


def who_says(fact: Fact, base: FactBase) -> str:
    """The attribution in a sentence: "A report by Wright, relaying Pravda"."""
    attribution = fact.attribution
    if attribution.is_record:
        return "A plain record: the source states it as fact, not as anyone's claim"
    word = _WORDS.get(attribution.type, attribution.type.capitalize())
    if attribution.by is None:
        return f"{word}; the source does not say whose"
    return f"{word} by {who(fact, base)}"


@dataclass(frozen=True)
class Account:
    fact: Fact
    by: str  # whose account it is, in words


@dataclass(frozen=True)
class Dispute:
    """Accounts that differ about one thing; ``fact`` is the conflict fact that says so
    (``None`` for a reading set against an official reason)."""

    about: str
    fact: Fact | None
    accounts: tuple[Account, ...]


def disputes(base: FactBase) -> tuple[Dispute, ...]:
    """The conflicts of the fact base, then the official reasons a reading contests."""
    found = []
    for fact in base.facts.values():
        if isinstance(fact, Conflict):
            accounts = tuple(
                Account(base.facts[i], who(base.facts[i], base))
                for i in fact.accounts
                if i in base.facts
            )
            found.append(Dispute(fact.about, fact, accounts))
    for fact in base.facts.values():
        official = base.facts.get(fact.contests or "") if isinstance(fact, Assessment) else None
        if isinstance(fact, Assessment) and official is not None:
            about = (
                f"the reason for {official.action}"
                if isinstance(official, Justification)
                else fact.subject
            )
            found.append(
                Dispute(
                    about,
                    None,
                    (Account(official, who(official, base)), Account(fact, who(fact, base))),
                )
            )
    return tuple(found)


@dataclass(frozen=True)
class ClaimGroup:
    """The facts one claimant stands behind (``claimant`` None: the source does not say)."""

    claimant: str | None
    name: str
    facts: tuple[Fact, ...]


def claim_groups(base: FactBase) -> tuple[ClaimGroup, ...]:
    """Every fact that is someone's claim, estimate, reading or report, grouped by whose,
    the largest group first; within a group, in the fact base's order."""
    groups: dict[str | None, list[Fact]] = {}
    for fact in base.facts.values():
        if not fact.attribution.is_record:
            groups.setdefault(fact.attribution.by, []).append(fact)
    made = [
        ClaimGroup(
            by,
            _names(base, (by,)) if by is not None else "Unattributed claims",
            tuple(facts),
        )
        for by, facts in groups.items()
    ]
    return tuple(sorted(made, key=lambda group: (-len(group.facts), group.name.casefold())))
