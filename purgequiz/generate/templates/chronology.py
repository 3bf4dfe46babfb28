"""Dates and chronology: 'When did this happen?' and 'Put these events in order'."""

from __future__ import annotations

from collections.abc import Iterator

from purgequiz.facts import Fact
from purgequiz.facts.dates import FuzzyDate
from purgequiz.generate.context import Context
from purgequiz.generate.model import Card
from purgequiz.generate.phrasing import strip_dates
from purgequiz.generate.templates.common import date_accept, date_distractors
from purgequiz.generate.templates.succession import set_id

__all__ = ["ordering_cards", "when"]

# Kinds whose statement describes one datable happening.
DATABLE = ("replacement", "appointment", "removal", "arrest", "execution", "suicide", "trial",
           "decree", "institutional_change", "event")
_ORDER_SIZE = 4


def when(ctx: Context, fact: Fact) -> Iterator[Card]:
    """'When did this happen? The Political Department of the Red Army was abolished.'"""
    if fact.kind not in DATABLE or fact.kind == "decree" or fact.date is None \
            or fact.date.end is not None:
        return  # (a decree's date is asked by decree-date)
    if fact.attribution.type in ("claim", "estimate", "interpretation"):
        return  # an opinion has no date of its own to ask about
    if fact.kind == "event" and fact.date.precision == "year":
        return  # a year-dated event is often a state of affairs, not one happening
    undated = strip_dates(fact.statement)
    if undated is None:
        return
    answer = fact.date.display()
    precision = fact.date.precision
    yield ctx.card(fact, "when", prompt=ctx.ask(fact, f"When did this happen? {undated}"),
                   answer=answer, answer_type="date", accept=date_accept(fact.date),
                   choices=ctx.choices(answer, date_distractors(ctx, fact)),
                   difficulty={"year": 1, "month": 2, "day": 3}[precision])


def _last(date_fact: Fact) -> FuzzyDate:
    span = date_fact.date
    assert span is not None
    return span.end or span.start


def _before(a: Fact, b: Fact) -> bool:
    """Whether ``a`` certainly ended before ``b`` began, at the coarser precision."""
    end, start = _last(a), b.date.start  # type: ignore[union-attr]
    if end.precision == "year" or start.precision == "year":
        return end.year < start.year
    if end.precision == "month" or start.precision == "month":
        return (end.year, end.month) < (start.year, start.month)  # type: ignore[operator]
    return end.sort_key < start.sort_key


def ordering_cards(ctx: Context) -> Iterator[Card]:
    """Runs of three to five events of one topic, each clearly after the one before; each
    fact is in one ordering card at most. Passes repeat over what is left until no run forms."""
    used: set[str] = set()
    topics = sorted({t for f in ctx.index.dated for t in f.topics})
    for topic in topics:
        candidates = [(f, text) for f in ctx.index.dated
                      if topic in f.topics and _orderable(f)
                      and (text := strip_dates(f.statement)) is not None]
        while True:
            made = 0
            for run in _runs([(f, t) for f, t in candidates if f.id not in used]):
                yield _ordering(ctx, topic, run)
                used.update(f.id for f, _ in run)
                made += 1
            if not made:
                break


def _orderable(fact: Fact) -> bool:
    # A year is precise enough when the run's other events fall in other years (see _before),
    # except for a year-dated event, which is often a state of affairs rather than a happening.
    return (fact.kind in DATABLE and fact.date is not None and fact.date.end is None
            and not (fact.kind == "event" and fact.date.precision == "year")
            and fact.attribution.type not in ("claim", "estimate", "interpretation"))


def _runs(candidates: list[tuple[Fact, str]]) -> Iterator[list[tuple[Fact, str]]]:
    """Greedy runs in date order: each fact clearly after the last one taken."""
    run: list[tuple[Fact, str]] = []
    for fact, text in candidates:
        if run and (not _before(run[-1][0], fact) or any(text == t for _, t in run)):
            continue
        run.append((fact, text))
        if len(run) == _ORDER_SIZE:
            yield run
            run = []
    if len(run) >= 3:
        yield run


def _ordering(ctx: Context, topic: str, run: list[tuple[Fact, str]]) -> Card:
    facts = [f for f, _ in run]
    items = [t for _, t in run]
    first, last = facts[0].date.year, _last(facts[-1]).year  # type: ignore[union-attr]
    years = str(first) if first == last else f"{first}\u2013{last}"
    title = ctx.base.topics[topic].title
    explanation = "In order: " + "; ".join(
        f"{f.date.display()}: {t.rstrip('.')}" for f, t in run) + "."  # type: ignore[union-attr]
    return ctx.card(facts, "order", kind="ordering",
                    prompt=f"{title}, {years}: put these events in order, earliest first.",
                    answer=" \u2192 ".join(items), answer_type="order", items=items,
                    explanation=explanation, card_id=set_id(facts, "order"), difficulty=3,
                    attributed=False)
