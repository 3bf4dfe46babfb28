"""True/false cards: the statement as it stands, or a false variant with one entity, figure
or date swapped for another of the same kind that the fact base shows to be wrong there."""

from __future__ import annotations

from collections.abc import Iterator

from purgequiz.facts import Fact
from purgequiz.generate.context import Context
from purgequiz.generate.model import Card
from purgequiz.generate.phrasing import find_term, normalize
from purgequiz.generate.templates.chronology import DATABLE
from purgequiz.generate.templates.cloze import BLANK, slot
from purgequiz.generate.templates.common import date_distractors, dated

__all__ = ["false_variants", "truefalse"]


def false_variants(ctx: Context, fact: Fact) -> list[str]:
    """Statements that differ from the fact in one term and are false by the base."""
    variants = []
    found = slot(ctx, fact)
    if found and found.wrong:
        variants.append(found.blanked.replace(BLANK, found.wrong[0], 1))
    date = fact.date
    if fact.kind in DATABLE and date and date.end is None and date.precision != "year":
        match = find_term(fact.statement, date.display())
        wrong = date_distractors(ctx, fact, 1)
        if match and wrong:
            variants.append(fact.statement[: match.start()] + wrong[0]
                            + fact.statement[match.end():])
    return [v for v in variants if normalize(v) not in ctx.index.statements]


def truefalse(ctx: Context, fact: Fact) -> Iterator[Card]:
    variants = false_variants(ctx, fact)
    if not variants:
        return
    truth = ctx.rng.random() < 0.5
    fresh = [v for v in variants if normalize(v) not in ctx.statements]
    if not fresh:  # two like facts can swap to the same false sentence: ask this one true
        truth = True
    statement = fact.statement if truth else fresh[ctx.rng.randrange(len(fresh))]
    ctx.statements.add(normalize(statement))
    answer = "True" if truth else "False"
    explanation = ctx.explain(fact) if truth else \
        f"False. {ctx.explain(fact)}"
    yield ctx.card(fact, "truefalse", kind="truefalse",
                   prompt=ctx.ask(fact, f"True or false{dated(fact, fact.statement)}? {statement}"),
                   answer=answer,
                   answer_type="boolean", truth=truth, choices=("True", "False"),
                   explanation=explanation, difficulty=1)
