"""Trials: on what charges the accused stood."""

from __future__ import annotations

from collections.abc import Iterator

from purgequiz.decks.model import Card
from purgequiz.facts.kinds import Trial
from purgequiz.generate.context import Context
from purgequiz.generate.registry import template

__all__ = ["trial_name"]


def trial_name(trial: Trial) -> str:
    """'the Baku trial'; a name that begins with 'the' or 'trial' reads as it stands."""
    name = trial.name
    return name if name.lower().startswith(("the ", "trials ")) else f"the {name}"


@template("trial-charges", family="trials", kinds=("trial",))
def trial_charges(ctx: Context, fact: Trial) -> Iterator[Card]:
    """What were the accused charged with?"""
    if not fact.charges:
        return
    # A flashcard: the charges of one show trial beside another's are the same in kind.
    yield ctx.flashcard(
        fact, f"What were the accused at {trial_name(fact)} charged with?", fact.charges
    )
