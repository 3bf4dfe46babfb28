"""Decrees and resolutions: what each prohibited or required, its penalty, whom it held
responsible, who issued it, when, and what followed."""

from __future__ import annotations

import re
from collections.abc import Iterator

from purgequiz.facts import Fact
from purgequiz.generate.context import Context
from purgequiz.generate.model import Card
from purgequiz.generate.templates.common import (
    date_accept,
    date_distractors,
    text_distractors,
    the,
)

__all__ = ["decree"]

# field: (template, question, keys of comparable texts in other decrees, difficulty)
_TEXT_QUESTIONS = (
    ("prohibits", "decree-prohibits", "What did {d} prohibit?",
     ("decree.prohibits", "decree.requires"), 2),
    ("requires", "decree-requires", "What did {d} require?",
     ("decree.requires", "decree.prohibits"), 2),
    ("penalty", "decree-penalty", "What penalty did {d} lay down?", ("decree.penalty",), 2),
    ("responsible", "decree-responsible", "Whom did {d} hold responsible?",
     ("decree.responsible",), 3),
    ("effects", "decree-effects", "What followed {d}?", ("decree.effects",), 3),
)


def _join(value: str | tuple[str, ...]) -> str:
    if isinstance(value, str):
        return value
    return value[0] if len(value) == 1 else "; ".join(value)


_DECREE_WORDS = re.compile(
    r"\b(?:decree|resolution|ukase|law|order|edict|act|statute|directive)s?\b", re.IGNORECASE)


def decree_name(name: str) -> str:
    """'the Decree of 26 June 1940'; a name that does not say it is a decree ('eight-hour
    working day') becomes 'the decree on the eight-hour working day'."""
    if _DECREE_WORDS.search(name):
        return the(name)
    return f"the decree on {the(name)}"


def decree(ctx: Context, fact: Fact) -> Iterator[Card]:
    decree_id = fact.get("decree")
    name = decree_name(ctx.name(decree_id))

    def same_decree(_text: str, other: Fact) -> bool:
        return other.get("decree") == decree_id

    for field, template, question, keys, difficulty in _TEXT_QUESTIONS:
        value = fact.get(field)
        if not value:
            continue
        answer = _join(value)
        wrong = [] if not isinstance(value, str) and len(value) > 1 else \
            text_distractors(ctx, keys, answer, same_decree)
        yield ctx.card(fact, template, prompt=ctx.ask(fact, question.format(d=name)),
                       answer=answer, accept=tuple(value) if not isinstance(value, str) else (),
                       choices=ctx.choices(answer, wrong), difficulty=difficulty)
    issuer = fact.get("issued_by")
    if issuer:
        # Asked without choices: Party and state bodies nest (the Politburo within the
        # Central Committee within the Party), so another body may also be right.
        yield ctx.card(fact, "decree-issuer", prompt=ctx.ask(fact, f"Who issued {name}?"),
                       answer=ctx.name(issuer), answer_type="entity",
                       accept=ctx.spellings(issuer), difficulty=2)
    if fact.date and fact.date.end is None:
        answer = fact.date.display()
        yield ctx.card(fact, "decree-date", prompt=ctx.ask(fact, f"When was {name} issued?"),
                       answer=answer, answer_type="date", accept=date_accept(fact.date),
                       choices=ctx.choices(answer, date_distractors(ctx, fact)),
                       difficulty=3 if fact.date.precision == "day" else 2)
