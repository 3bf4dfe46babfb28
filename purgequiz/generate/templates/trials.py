"""Trials: who was among the accused, on what charges, how many stood trial."""

from __future__ import annotations

from collections.abc import Iterator

from purgequiz.facts.kinds import Trial
from purgequiz.generate.context import Context, Wrong
from purgequiz.generate.model import Card
from purgequiz.generate.numbers import Figure, invented_figures
from purgequiz.generate.phrasing import cap, mentions, when_phrase
from purgequiz.generate.registry import template

__all__ = ["trial_name"]


def trial_name(trial: Trial) -> str:
    """'the Baku trial'; a name that begins with 'the' or 'trial' reads as it stands."""
    name = trial.name
    return name if name.lower().startswith(("the ", "trials ")) else f"the {name}"


@template("trial-accused", family="trials", kinds=("trial",))
def trial_accused(ctx: Context, fact: Trial) -> Iterator[Card]:
    """Which of these was among the accused? (any of them is accepted)"""
    name = trial_name(fact)
    named = [a for a in fact.accused if not mentions(name, ctx.spellings(a))]
    if not named:
        return
    answer = named[ctx.rng.randrange(len(named))]
    wrong = ctx.entities(answer, avoid=[fact], among="unharmed",
                         ok=lambda p: p not in fact.accused)
    prompt = f"Which of these was among the accused at {name}{when_phrase(fact.date)}?"
    yield ctx.card(fact, prompt=ctx.ask(fact, prompt), answer=ctx.name(answer),
                   answer_type="entity",
                   accept=[s for a in fact.accused for s in ctx.spellings(a)], wrong=wrong)


@template("trial-charges", family="trials", kinds=("trial",))
def trial_charges(ctx: Context, fact: Trial) -> Iterator[Card]:
    """What were the accused charged with?"""
    if not fact.charges:
        return
    wrong = ctx.texts(("trial.charges", "arrest.charge"), fact.charges,
                      ok=lambda text, other: other.id != fact.id)
    yield ctx.card(fact, prompt=ctx.ask(fact, f"What were the accused at {trial_name(fact)} "
                                              "charged with?"),
                   answer=cap(fact.charges), wrong=[Wrong(cap(w.text), w.because) for w in wrong])


@template("trial-count", family="trials", kinds=("trial",))
def trial_count(ctx: Context, fact: Trial) -> Iterator[Card]:
    """How many people stood trial?"""
    if not fact.accused_count:
        return
    figure = Figure(fact.accused_count, fact.accused_count)
    wrong = [Wrong(f.text(), f"{cap(trial_name(fact))} had {figure.text()} accused, "
                             f"not {f.text()}.")
             for f in invented_figures(figure, ctx.rng, 3)]
    prompt = f"How many people were put on trial at {trial_name(fact)}{when_phrase(fact.date)}?"
    yield ctx.card(fact, prompt=ctx.ask(fact, prompt), answer=figure.text(),
                   answer_type="number", accept=figure.spellings(), wrong=wrong, difficulty=3)
