"""Events: happenings that fit no other kind; who did it, and where."""

from __future__ import annotations

from collections.abc import Iterator

from purgequiz.facts.kinds import Event
from purgequiz.generate.context import Context
from purgequiz.generate.model import Card
from purgequiz.generate.phrasing import find_term, mentions, when_phrase
from purgequiz.generate.registry import template

__all__: list[str] = []


@template("event-who", family="chronology", kinds=("event",))
def event_who(ctx: Context, fact: Event) -> Iterator[Card]:
    """Who (or which of these) did it? (an event whose words begin with its subject)"""
    if not fact.subject or ctx.entity(fact.subject).type != "person":
        return  # which country annexed Austria is asked by no one who has to learn it
    match = next((m for s in ctx.spellings(fact.subject)
                  if (m := find_term(fact.what, s)) is not None and m.start() == 0), None)
    if match is None:
        return
    rest = fact.what[match.end():].strip()
    asked = "Who"
    wrong = ctx.entities(fact.subject, avoid=[fact],
                         ok=lambda e: e not in fact.who)
    yield ctx.card(fact, prompt=ctx.ask(fact, f"{asked} {rest}{when_phrase(fact.date)}?"),
                   answer=ctx.name(fact.subject), answer_type="entity",
                   accept=ctx.spellings(fact.subject), wrong=wrong)


@template("event-place", family="chronology", kinds=("event",))
def event_place(ctx: Context, fact: Event) -> Iterator[Card]:
    """Where did it happen? (an event with a question form that does not name the place)"""
    if not fact.place or not fact.asked or mentions(fact.asked, ctx.spellings(fact.place)):
        return
    wrong = ctx.entities(fact.place, avoid=[fact], ok=lambda e: e not in fact.who)
    yield ctx.card(fact, prompt=ctx.ask(fact, f"Where {fact.asked}{when_phrase(fact.date)}?"),
                   answer=ctx.name(fact.place), answer_type="entity",
                   accept=ctx.spellings(fact.place), wrong=wrong)
