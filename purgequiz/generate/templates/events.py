"""Events: happenings that fit no other kind; who did it, and where."""

from __future__ import annotations

from collections.abc import Iterator

from purgequiz.decks.model import Card
from purgequiz.facts.kinds import Event
from purgequiz.generate.context import Context
from purgequiz.generate.phrasing import find_term, when_phrase
from purgequiz.generate.registry import template

__all__: list[str] = []


@template("event-who", family="chronology", kinds=("event",))
def event_who(ctx: Context, fact: Event) -> Iterator[Card]:
    """Who (or which of these) did it? (an event whose words begin with its subject)"""
    if not fact.subject or ctx.entity(fact.subject).type != "person":
        return  # which country annexed Austria is asked by no one who has to learn it
    match = next(
        (
            m
            for s in ctx.spellings(fact.subject)
            if (m := find_term(fact.what, s)) is not None and m.start() == 0
        ),
        None,
    )
    if match is None:
        return
    rest = fact.what[match.end() :].strip()
    asked = "Who"
    wrong = ctx.entities(fact.subject, avoid=[fact], ok=lambda e: e not in fact.who)
    when = "" if fact.date and str(fact.date.start.year) in rest else when_phrase(fact.date)
    yield ctx.card(
        fact,
        prompt=ctx.ask(fact, f"{asked} {rest}{when}?"),
        answer=ctx.name(fact.subject),
        answer_type="entity",
        accept=ctx.spellings(fact.subject),
        wrong=wrong,
    )
