"""Chronology: when a happening took place, and putting happenings in order. Only
happenings are asked (never a post held, a figure, a report or a reading), and only by the
date they happened, never the date they were reported."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from purgequiz.facts import DateSpan, Fact
from purgequiz.facts.dates import FuzzyDate
from purgequiz.facts.kinds import (
    HAPPENINGS,
    Appointment,
    Cause,
    Justification,
    Report,
    Decree,
    Event,
    Fate,
    InstitutionalChange,
    Purge,
    Removal,
    Replacement,
    Trial,
)
from purgequiz.generate.context import Context, Wrong
from purgequiz.generate.model import Card
from purgequiz.generate.phrasing import cap, listing
from purgequiz.generate.registry import template
from purgequiz.generate.templates.fates import fate_clause
from purgequiz.generate.templates.trials import trial_name

__all__ = ["happening"]

_DATED = re.compile(r"\b(?:1[89]\d\d|January|February|March|April|May|June|July|August|"
                    r"September|October|November|December)\b")


def _plural(name: str) -> bool:
    """'the extrajudicial bodies' is plural; 'the Council of People's Commissars' is not."""
    return name.startswith("the ") and name.split()[-1].endswith("s")


def happening(ctx: Context, fact: Fact) -> str | None:
    """The happening a fact records, as a sentence without its date, or None."""
    if isinstance(fact, Event):
        text = fact.what
    elif isinstance(fact, Replacement):
        text = f"{ctx.name(fact.person)} replaced {ctx.name(fact.replaced)} as {fact.post}"
    elif isinstance(fact, Appointment):
        if fact.appointed_by:
            text = (f"{cap(ctx.in_text(fact.appointed_by))} appointed {ctx.name(fact.person)} "
                    f"{fact.post}")
        else:
            text = f"{ctx.name(fact.person)} was appointed {fact.post}"
    elif isinstance(fact, Removal):
        text = f"{ctx.name(fact.person)} lost the post of {fact.post}"
    elif isinstance(fact, Fate):
        text = fate_clause(ctx, fact)
    elif isinstance(fact, Trial):
        name = trial_name(fact)
        text = f"{name} {'were' if name.startswith('trials') else 'was'} held"
    elif isinstance(fact, Decree):
        text = f"{ctx.in_text(fact.decree)} was issued"
    elif isinstance(fact, InstitutionalChange):
        name = ctx.in_text(fact.institution)
        text = f"{name} {'were' if _plural(name) else 'was'} {fact.change}"
    elif isinstance(fact, Purge):
        targets = listing([ctx.in_text(t) for t in fact.targets])
        text = f"{ctx.name(fact.by)} purged {targets}" if fact.by \
            else f"the purge reached {targets}"
    else:
        return None
    text = cap(text)
    return None if _DATED.search(text) else text


def _single(date: DateSpan | None) -> FuzzyDate | None:
    return date.start if date is not None and date.end is None else None


_ASK = {"day": "On what date", "month": "In which month and year", "year": "In which year"}


def _apart(a: FuzzyDate, b: FuzzyDate) -> bool:
    """Whether two dates of one precision clearly differ (a month, a year, or a week)."""
    if a.precision == "year":
        return a.year != b.year
    if a.precision == "month":
        return (a.year, a.month) != (b.year, b.month)
    return abs(a.sort_key[0] * 372 + a.sort_key[1] * 31 + a.sort_key[2]
               - b.sort_key[0] * 372 - b.sort_key[1] * 31 - b.sort_key[2]) >= 7


def _date_wrongs(ctx: Context, fact: Fact, date: FuzzyDate, count: int = 3) -> list[Wrong]:
    """Dates of other happenings of the same precision, nearest first, each with its own
    happening; then dates a little way off, explained by the true one."""
    items = ctx.index.on_date.get(date.precision, [])
    at = bisect.bisect_left(ctx.index.on_date_keys.get(date.precision, []), date.sort_key)
    out: list[Wrong] = []
    seen = {date.display()}
    below, above = at - 1, at
    while len(out) < count and (below >= 0 or above < len(items)):
        # the nearer of the next earlier and the next later happening
        take_below = above >= len(items) or (below >= 0 and _gap(items[below][0], date)
                                              <= _gap(items[above][0], date))
        key, shown, other = items[below] if take_below else items[above]
        if take_below:
            below -= 1
        else:
            above += 1
        if _gap(key, date) > 36:  # months: no more than three years away
            if (below < 0 or _gap(items[below][0], date) > 36) and \
                    (above >= len(items) or _gap(items[above][0], date) > 36):
                break
            continue
        if shown not in seen and other.id != fact.id and _apart(other.date.start, date):  # type: ignore[union-attr]
            seen.add(shown)
            out.append(Wrong(shown, other))
    steps = (-1, 1, 2, -2) if date.precision == "year" else (-3, 3, 5, -5)
    for step in steps:
        shifted = _shift(date, step)
        if len(out) < count and shifted.display() not in seen:
            seen.add(shifted.display())
            out.append(Wrong(shifted.display(), f"It happened {_on(date)}, not {_on(shifted)}."))
    ctx.rng.shuffle(out)
    return out


def _gap(key: tuple[int, int, int], date: FuzzyDate) -> int:
    """Months between a date key and a date."""
    return abs((key[0] - date.year) * 12 + key[1] - (date.month or 0))


def _on(date: FuzzyDate) -> str:
    return f"{'on' if date.precision == 'day' else 'in'} {date.display()}"


def _shift(date: FuzzyDate, months: int) -> FuzzyDate:
    if date.month is None:
        return FuzzyDate(date.year + months)
    total = date.year * 12 + date.month - 1 + months
    return FuzzyDate(total // 12, total % 12 + 1, date.day and min(date.day, 28))


@template("when", family="chronology", kinds=HAPPENINGS, dates=True)
def when(ctx: Context, fact: Fact) -> Iterator[Card]:
    """In which (month and) year did this happen? (happenings with a single date)"""
    date = _single(fact.date)
    text = happening(ctx, fact)
    if date is None or text is None:
        return
    answer = date.display()
    yield ctx.card(fact, prompt=ctx.ask(fact, f"{_ASK[date.precision]} did this happen? "
                                              f"{text}.", undated=True),
                   answer=answer, answer_type="date", accept=_date_spellings(date),
                   wrong=_date_wrongs(ctx, fact, date),
                   difficulty={"year": 1, "month": 2, "day": 3}[date.precision])


def _date_spellings(date: FuzzyDate) -> tuple[str, ...]:
    import calendar

    forms = [date.display(), date.iso()]
    if date.month:
        month = calendar.month_name[date.month]
        forms += [f"{month[:3]} {date.year}", f"{date.month}/{date.year}"]
        if date.day:
            forms += [f"{month} {date.day}, {date.year}", f"{date.day} {month[:3]} {date.year}",
                      f"{date.day}.{date.month}.{date.year}"]
    return tuple(dict.fromkeys(forms))


# ------------------------------------------------------------------ ordering

_RUN = 4
_PER_TOPIC = 6  # ordering cards for a topic: at most this many
_AT_LEAST = 4  # and this many, when its happenings allow, even if nothing new is covered


def _before(a: FuzzyDate, b: FuzzyDate) -> bool:
    """Whether ``a`` certainly comes before ``b``, at the coarser of their precisions."""
    if a.precision == "year" or b.precision == "year":
        return a.year < b.year
    if a.precision == "month" or b.precision == "month":
        return (a.year, a.month) < (b.year, b.month)  # type: ignore[operator]
    return a.sort_key < b.sort_key


def _runs(items: list[tuple[Fact, FuzzyDate, str]]) -> list[list[tuple[Fact, FuzzyDate, str]]]:
    """Every greedy run in date order, one from each starting point: each happening
    clearly after the one before, three or four long."""
    found: list[list[tuple[Fact, FuzzyDate, str]]] = []
    for start in range(len(items)):
        run = [items[start]]
        for item in items[start + 1:]:
            if len(run) == _RUN:
                break
            if _before(run[-1][1], item[1]) and item[2] not in {t for _, _, t in run}:
                run.append(item)
        if len(run) >= 3:
            found.append(run)
    return found


@template("order-events", family="chronology", kinds=HAPPENINGS, whole=True, orders=True)
def order(ctx: Context) -> Iterator[Card]:
    """Put these happenings in order. (for each topic, runs that cover its happenings; a topic
    with few happenings of its own has them set among the weightiest happenings of others)"""
    everything = [(f, d, t) for f in ctx.index.happenings
                  if (d := _single(f.date)) is not None and (t := happening(ctx, f))]
    landmarks = [item for item in everything if item[0].importance == 3]
    made: set[frozenset[str]] = set()
    for topic in sorted(ctx.base.topics):
        own = [item for item in everything if topic in item[0].topics]
        if not own:
            continue
        need = min(2, len(own))
        pool = sorted({id(i): i for i in own + landmarks}.values(),
                      key=lambda i: (i[1].sort_key, i[0].id))
        runs = [r for r in _runs(pool) if sum(topic in f.topics for f, _, _ in r) >= need]
        covered: set[str] = set()
        chosen = 0
        while runs and chosen < _PER_TOPIC:
            best = max(runs, key=lambda r: (len({f.id for f, _, _ in r if topic in f.topics}
                                                - covered),
                                            sum(topic in f.topics for f, _, _ in r),
                                            sum(f.importance for f, _, _ in r)))
            key = frozenset(f.id for f, _, _ in best)
            runs.remove(best)
            if key in made or (not {f.id for f, _, _ in best if topic in f.topics} - covered
                               and chosen >= _AT_LEAST):
                continue
            made.add(key)
            covered |= key
            chosen += 1
            yield _ordering(ctx, topic, best)


def _ordering(ctx: Context, topic: str, run: list[tuple[Fact, FuzzyDate, str]],
              what: str = "put these in the order they happened") -> Card:
    facts = [f for f, _, _ in run]
    first, last = run[0][1].year, run[-1][1].year
    years = str(first) if first == last else f"{first}\u2013{last}"
    title = ctx.base.topics[topic].title if all(topic in f.topics for f in facts) \
        else "The purges and their time"
    explanation = " ".join(f"{_on(d).capitalize()}: {t[:1].lower() + t[1:]}." for _, d, t in run)
    return ctx.card(facts, kind="ordering", topics=(topic,),
                    prompt=f"{title}, {years}: {what}, earliest first.",
                    answer=" \u2192 ".join(t for _, _, t in run), answer_type="order",
                    items=[t for _, _, t in run], explanation=explanation, difficulty=3,
                    attributed=False)


def report_clause(ctx: Context, fact: Fact) -> str | None:
    """What was reported, as a sentence without its date ('Pravda hailed …'), or None."""
    if isinstance(fact, Report):
        text = f"{cap(ctx.in_text(fact.outlet))} reported that {fact.said}"
    elif isinstance(fact, Justification) and fact.given_by:
        text = f"{cap(ctx.in_text(fact.given_by))} explained {fact.action} by {fact.reason}"
    elif isinstance(fact, Cause) and fact.attribution.via:
        text = f"{cap(ctx.in_text(fact.attribution.via[0]))} traced {fact.effect} to " \
               f"{fact.cause}"
    else:
        return None
    return None if _DATED.search(text) else text


@template("order-reports", family="chronology", kinds=("report", "justification", "cause",
                                                       "consequence"), whole=True, orders=True)
def order_reports(ctx: Context) -> Iterator[Card]:
    """Put these reports in the order they were published. (by the dates of the papers,
    never mixed with the dates of what they reported)"""
    reports = sorted(((f, f.reported.start, t) for f in ctx.index.facts
                      if f.reported is not None and f.reported.end is None
                      and (t := report_clause(ctx, f))),
                     key=lambda item: (item[1].sort_key, item[0].id))
    runs = _runs(reports)
    covered: set[str] = set()
    made = 0
    while runs and made < _PER_TOPIC:
        best = max(runs, key=lambda r: (len({f.id for f, _, _ in r} - covered), len(r)))
        runs.remove(best)
        key = {f.id for f, _, _ in best}
        if not key - covered and made >= _AT_LEAST:
            continue
        covered |= key
        made += 1
        yield _ordering(ctx, "reporting", best, "put these reports in the order they "
                                                "were published")
