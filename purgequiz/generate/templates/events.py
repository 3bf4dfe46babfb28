"""Trials, institutional changes, events and quotations."""

from __future__ import annotations

import re
from collections.abc import Iterator

from purgequiz.facts import Fact
from purgequiz.generate.context import Context
from purgequiz.generate.model import Card
from purgequiz.generate.numbers import Figure, invented_figures
from purgequiz.generate.phrasing import mentions, normalize, strip_dates
from purgequiz.generate.templates.common import (
    entity_distractors,
    fate_safe,
    people_distractors,
    text_distractors,
    the,
    when_phrase,
)

__all__ = ["event", "institutional_change", "quotation", "trial"]


def trial(ctx: Context, fact: Fact) -> Iterator[Card]:
    name = the(fact.get("name"))
    place = fact.get("place")
    if place:
        wrong = entity_distractors(ctx, fact, "place", {place})
        yield ctx.card(fact, "trial-place", prompt=ctx.ask(fact, f"Where was {name} held?"),
                       answer=ctx.name(place), answer_type="entity", accept=ctx.spellings(place),
                       choices=ctx.choices(ctx.name(place), wrong), difficulty=2)
    count = fact.get("accused_count")
    if count:
        figure = Figure(count, count)
        wrong = [f.text() for f in invented_figures(figure, ctx.rng, 3)]
        yield ctx.card(fact, "trial-accused-count",
                       prompt=ctx.ask(fact, f"How many people were tried in {name}?"),
                       answer=figure.text(), answer_type="number", accept=figure.spellings(),
                       choices=ctx.choices(figure.text(), wrong), difficulty=3)
    accused = [a for a in fact.get("accused") or () if a in ctx.base.entities]
    if accused:
        answer = accused[ctx.rng.randrange(len(accused))]
        wrong = people_distractors(ctx, fact, set(accused), ok=lambda p: fate_safe(ctx, p),
                                   prefer=ctx.index.not_victims_near(fact.topics))
        yield ctx.card(fact, "trial-accused",
                       prompt=ctx.ask(fact, f"Which of these was among the accused in {name}?"),
                       answer=ctx.name(answer), answer_type="entity",
                       accept=ctx.spellings(answer),
                       choices=ctx.choices(ctx.name(answer), wrong), difficulty=2)
    for field, template, question in (
        ("charges", "trial-charges", f"What were the accused in {name} charged with?"),
        ("outcome", "trial-outcome", f"What was the outcome of {name}?"),
    ):
        value = fact.get(field)
        if value:
            wrong = text_distractors(ctx, (f"trial.{field}",), value)
            yield ctx.card(fact, template, prompt=ctx.ask(fact, question), answer=value,
                           choices=ctx.choices(value, wrong), difficulty=2)


_ENDING = re.compile(r"abolish|dissolv|disband|liquidat|divided|split|broken up|replaced|"
                     r"succeeded|merged|wound up|closed|scrapped|done away", re.IGNORECASE)


def institutional_change(ctx: Context, fact: Fact) -> Iterator[Card]:
    institution, change = fact.get("institution"), fact.get("change")
    name = ctx.name(institution)

    ending = bool(_ENDING.search(change))

    def same_institution(text: str, other: Fact) -> bool:
        return (other.get("institution") == institution
                or mentions(text, ctx.spellings(institution))
                or (ending and bool(_ENDING.search(text))))  # 'divided up' is 'abolished' too

    wrong = text_distractors(ctx, ("institutional_change.change",), change, same_institution)
    yield ctx.card(fact, "institution-change",
                   prompt=ctx.ask(fact, f"What happened to {the(name)}{when_phrase(fact)}?"),
                   answer=change, choices=ctx.choices(change, wrong), difficulty=2)
    successor = fact.get("successor")
    if successor:
        type_ = ctx.entity(successor).type
        wrong_names = entity_distractors(ctx, fact, type_, {successor, institution})
        yield ctx.card(fact, "institution-successor",
                       prompt=ctx.ask(fact, f"What took the place of {the(name)}?"),
                       answer=ctx.name(successor), answer_type="entity",
                       accept=ctx.spellings(successor),
                       choices=ctx.choices(ctx.name(successor), wrong_names), difficulty=2)


def event(ctx: Context, fact: Fact) -> Iterator[Card]:
    place = fact.get("place")
    undated = strip_dates(fact.statement) if fact.date else fact.statement
    if place and undated:
        wrong = entity_distractors(ctx, fact, "place", {place})
        yield ctx.card(fact, "event-place",
                       prompt=ctx.ask(fact, f"Where did this happen? {undated}"),
                       answer=ctx.name(place), answer_type="entity", accept=ctx.spellings(place),
                       choices=ctx.choices(ctx.name(place), wrong), difficulty=2)


def quotation(ctx: Context, fact: Fact) -> Iterator[Card]:
    speaker, gist = fact.get("speaker"), fact.get("gist")
    same_gist = ctx.index.quote_speakers.get(normalize(gist), set()) | {speaker}
    wrong = people_distractors(ctx, fact, same_gist)
    yield ctx.card(fact, "quote-speaker",
                   prompt=ctx.ask(fact, f"Who said, in substance: \u201c{gist}\u201d?"),
                   answer=ctx.name(speaker), answer_type="entity", accept=ctx.spellings(speaker),
                   choices=ctx.choices(ctx.name(speaker), wrong), difficulty=2)
    addressee = fact.get("addressee")
    if addressee:
        wrong = people_distractors(ctx, fact, {speaker, addressee})
        yield ctx.card(fact, "quote-addressee",
                       prompt=ctx.ask(fact, f"To whom did {ctx.name(speaker)} say, in "
                                            f"substance: \u201c{gist}\u201d?"),
                       answer=ctx.name(addressee), answer_type="entity",
                       accept=ctx.spellings(addressee),
                       choices=ctx.choices(ctx.name(addressee), wrong), difficulty=3)
