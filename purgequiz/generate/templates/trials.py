"""Trials: who was among the accused, and on what charges."""

from __future__ import annotations

from collections.abc import Iterator

from purgequiz.facts.kinds import Trial
from purgequiz.generate.context import Context
from purgequiz.generate.model import Card
from purgequiz.generate.phrasing import cap, mentions, when_phrase
from purgequiz.generate.registry import template

__all__ = ["trial_name"]


def trial_name(trial: Trial) -> str:
    """'the Baku trial'; a name that begins with 'the' or 'trial' reads as it stands."""
    name = trial.name
    return name if name.lower().startswith(("the ", "trials ")) else f"the {name}"


def _trials_with(ctx: Context, person: str) -> list[Trial]:
    return ctx.index.facts_where("trial", "accused", person)  # type: ignore[return-value]


@template("trial-accused", family="trials", kinds=("trial",))
def trial_accused(ctx: Context, fact: Trial) -> Iterator[Card]:
    """Which of these was among the accused? (any of them is accepted)"""
    name = trial_name(fact)
    named = [a for a in fact.accused if not mentions(name, ctx.spellings(a))]
    if not named:
        return
    answer = named[ctx.rng.randrange(len(named))]
    # Wrong choices of the accused's own kind: the accused of another trial of that time
    # stand beside a regional official (the base knows where each was tried), so the era
    # filter, which would rule out everyone tried in that year, is not applied.
    wrong = ctx.entities(answer, ok=lambda p: p not in fact.accused
                         and not any(p in f.accused for f in _trials_with(ctx, answer)))
    if len(wrong) < 2:
        return  # no one of the accused's own world to set beside them
    prompt = f"Which of these was among the accused at {name}{when_phrase(fact.date)}?"
    yield ctx.card(fact, prompt=ctx.ask(fact, prompt), answer=ctx.name(answer),
                   answer_type="entity",
                   accept=[s for a in fact.accused for s in ctx.spellings(a)], wrong=wrong)


@template("trial-charges", family="trials", kinds=("trial",))
def trial_charges(ctx: Context, fact: Trial) -> Iterator[Card]:
    """What were the accused charged with?"""
    if not fact.charges:
        return
    # A flashcard: the charges of one show trial beside another's are the same in kind.
    yield ctx.card(fact, kind="flashcard", answer=cap(fact.charges),
                   prompt=ctx.ask(fact, f"What were the accused at {trial_name(fact)} "
                                        "charged with?"))
