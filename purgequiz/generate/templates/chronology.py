"""Chronology: when a happening took place, and putting happenings in order. Only
happenings are asked (never a post held, a figure, a report or a reading), and only by the
date they happened, never the date they were reported."""

from __future__ import annotations

import bisect
import itertools
import random
import re
from collections.abc import Iterator

from purgequiz.decks.model import Card
from purgequiz.facts import DateSpan, Fact
from purgequiz.facts.dates import FuzzyDate
from purgequiz.facts.kinds import (
    HAPPENINGS,
    Appointment,
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
from purgequiz.generate.phrasing import cap, listing, when_phrase
from purgequiz.generate.registry import template
from purgequiz.generate.templates.fates import fate_clause, fate_verb
from purgequiz.generate.templates.trials import trial_name

__all__ = ["happening"]

_DATED = re.compile(
    r"\b(?:1[89]\d\d|January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\b"
)


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
            text = (
                f"{cap(ctx.in_text(fact.appointed_by))} appointed {ctx.name(fact.person)} "
                f"{fact.post}"
            )
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
        text = _decree_did(ctx, fact)
    elif isinstance(fact, InstitutionalChange):
        name = ctx.in_text(fact.institution)
        text = f"{name} {'were' if _plural(name) else 'was'} {fact.change}"
    elif isinstance(fact, Purge):
        targets = listing([ctx.in_text(t) for t in fact.targets])
        text = (
            f"{ctx.name(fact.by)} purged {targets}" if fact.by else f"the purge reached {targets}"
        )
    else:
        return None
    text = cap(text)
    return None if _DATED.search(text) else text


def _decree_did(ctx: Context, fact: Decree) -> str:
    """What a decree did, without its name (which carries its date): 'a decree prohibited
    the production of defective goods …'; resolutions keep who issued them ('government and
    party resolutions prohibited …')."""
    name = ctx.in_text(fact.decree)
    if "resolutions" in name:
        what = name[: name.index("resolutions")].removeprefix("the ") + "resolutions"
    else:
        what = "a law" if "law" in name else "a decree"
    if fact.prohibits:
        return f"{what} prohibited {fact.prohibits}"
    if fact.requires and not fact.applies_to:
        return f"{what} required {fact.requires}"
    return f"{name} were issued" if what.endswith("resolutions") else f"{name} was issued"


def _single(date: DateSpan | None) -> FuzzyDate | None:
    """The one date of a happening: its date, or the month a span of a few weeks began in
    (resolutions of 17 November and 1 December 1938: November 1938)."""
    if date is None:
        return None
    if date.end is None:
        return date.start
    start, end = date.start, date.end
    if start.month and end.month and end.year == start.year and end.month - start.month <= 1:
        return FuzzyDate(start.year, start.month)
    return None


_ASK = {"day": "On what date", "month": "In which month and year", "year": "In which year"}


def _apart(a: FuzzyDate, b: FuzzyDate) -> bool:
    """Whether two dates of one precision clearly differ (a month, a year, or a week)."""
    if a.precision == "year":
        return a.year != b.year
    if a.precision == "month":
        return (a.year, a.month) != (b.year, b.month)
    return (
        abs(
            a.sort_key[0] * 372
            + a.sort_key[1] * 31
            + a.sort_key[2]
            - b.sort_key[0] * 372
            - b.sort_key[1] * 31
            - b.sort_key[2]
        )
        >= 7
    )


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
        take_below = above >= len(items) or (
            below >= 0 and _gap(items[below][0], date) <= _gap(items[above][0], date)
        )
        key, shown, other = items[below] if take_below else items[above]
        if take_below:
            below -= 1
        else:
            above += 1
        if _gap(key, date) > 36:  # months: no more than three years away
            if (below < 0 or _gap(items[below][0], date) > 36) and (
                above >= len(items) or _gap(items[above][0], date) > 36
            ):
                break
            continue
        if (
            shown not in seen
            and other.id != fact.id
            and other.date is not None  # (a happening listed by its date has one)
            and _apart(other.date.start, date)
            and not _within(other.date.start, fact.date)
        ):
            seen.add(shown)
            # what else happened then is no rebuttal: the student needs the true date
            out.append(Wrong(shown, f"It happened {_on(date)}, not {_on_shown(date, shown)}."))
    steps = (-1, 1, 2, -2) if date.precision == "year" else (-3, 3, 5, -5)
    for step in steps:
        shifted = _shift(date, step)
        if len(out) < count and shifted.display() not in seen and not _within(shifted, fact.date):
            seen.add(shifted.display())
            out.append(Wrong(shifted.display(), f"It happened {_on(date)}, not {_on(shifted)}."))
    ctx.rng.shuffle(out)
    return out


def _within(date: FuzzyDate, span: DateSpan | None) -> bool:
    """Whether a date falls inside a happening's own span (August 1940 for 'late July and
    early August 1940' would be right as well)."""
    if span is None or span.end is None:
        return False
    return span.start.sort_key[:2] <= date.sort_key[:2] <= span.end.sort_key[:2]


def _gap(key: tuple[int, int, int], date: FuzzyDate) -> int:
    """Months between a date key and a date."""
    return abs((key[0] - date.year) * 12 + key[1] - (date.month or 0))


def _on(date: FuzzyDate) -> str:
    return f"{'on' if date.precision == 'day' else 'in'} {date.display()}"


def _on_shown(date: FuzzyDate, shown: str) -> str:
    return f"{'on' if date.precision == 'day' else 'in'} {shown}"


def _shift(date: FuzzyDate, months: int) -> FuzzyDate:
    if date.month is None:
        return FuzzyDate(date.year + months)
    total = date.year * 12 + date.month - 1 + months
    return FuzzyDate(total // 12, total % 12 + 1, date.day and min(date.day, 28))


def when_question(ctx: Context, fact: Fact, ask: str) -> str | None:
    """'In which year did Beria replace Yezhov as head of the NKVD?': the happening as a
    question after ``ask``, or None when it has no plain question form (or names a date)."""
    body: str | None = None
    if isinstance(fact, Event):
        body = fact.asked
    elif isinstance(fact, Replacement):
        body = f"did {ctx.name(fact.person)} replace {ctx.name(fact.replaced)} as {fact.post}"
    elif isinstance(fact, Appointment):
        body = (
            (f"did {ctx.in_text(fact.appointed_by)} appoint {ctx.name(fact.person)} {fact.post}")
            if fact.appointed_by
            else f"was {ctx.name(fact.person)} appointed {fact.post}"
        )
    elif isinstance(fact, Removal):
        body = f"did {ctx.name(fact.person)} lose the post of {fact.post}"
    elif isinstance(fact, Fate) and fact.kind != "survival":
        plural = bool(fact.group) or len(fact.people) > 1
        subject = listing(
            [ctx.in_text(p) for p in (fact.group,) if p] or [ctx.in_text(p) for p in fact.people]
        )
        verb = fate_verb(fact, plural=plural)
        if verb.startswith(("was ", "were ")):
            aux, rest = verb.split(" ", 1)
            body = f"{aux} {subject} {rest}"
        elif verb == "died by suicide":
            body = f"did {subject} die by suicide"
    elif isinstance(fact, Trial):
        name = trial_name(fact)
        body = f"{'were' if name.startswith('trials') else 'was'} {name} held"
    elif isinstance(fact, Decree):
        name = ctx.in_text(fact.decree)
        body = f"{'were' if _plural(name) else 'was'} {name} issued"
    elif isinstance(fact, InstitutionalChange):
        name = ctx.in_text(fact.institution)
        body = f"{'were' if _plural(name) else 'was'} {name} {fact.change}"
    elif isinstance(fact, Purge):
        targets = listing([ctx.in_text(t) for t in fact.targets])
        body = (
            f"did {ctx.name(fact.by)} purge {targets}"
            if fact.by
            else f"did the purge reach {targets}"
        )
    if body is None or _DATED.search(body):
        return None
    return f"{ask} {body}?"


@template("when", family="chronology", kinds=HAPPENINGS, dates=True)
def when(ctx: Context, fact: Fact) -> Iterator[Card]:
    """In which (month and) year did …? (happenings with a single date, as they happened)"""
    date = _single(fact.date)
    spread = (
        fact.date is not None
        and fact.date.end is not None
        and fact.date.end.sort_key[:2] != fact.date.start.sort_key[:2]
    )
    if (
        date is None
        or spread
        or fact.id in ctx.index.disputed
        or (date.precision in ("year", "day") and fact.importance < 3)
    ):
        return  # a bare year, or the very day, is worth learning only for what matters most;
        # something of a few weeks across two months has no one month to ask for
    question = when_question(ctx, fact, _ASK[date.precision])
    if question is None:
        return
    answer = date.display()
    yield ctx.card(
        fact,
        prompt=ctx.ask(fact, question, undated=True),
        answer=answer,
        answer_type="date",
        accept=_date_spellings(date),
        wrong=_date_wrongs(ctx, fact, date),
        difficulty={"year": 1, "month": 2, "day": 3}[date.precision],
    )


def _date_spellings(date: FuzzyDate) -> tuple[str, ...]:
    import calendar

    forms = [date.display(), date.iso()]
    if date.month:
        month = calendar.month_name[date.month]
        forms += [f"{month[:3]} {date.year}", f"{date.month}/{date.year}"]
        if date.day:
            forms += [
                f"{month} {date.day}, {date.year}",
                f"{date.day} {month[:3]} {date.year}",
                f"{date.day}.{date.month}.{date.year}",
            ]
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
        return a.sort_key[:2] < b.sort_key[:2]  # (year, month): both have a month
    # Two dates known to the day: a month apart at least, or the order is a detail.
    (a_year, a_month, a_day), (b_year, b_month, b_day) = a.sort_key, b.sort_key
    return (b_year - a_year) * 372 + (b_month - a_month) * 31 + b_day - a_day >= 28


Item = tuple[Fact, FuzzyDate, str]


_NEAR = 100  # happenings on either side of a run's start that may fill its gaps
_SECONDS = 3  # runs tried from each starting point of a topic: one per next happening


def _runs(items: list[Item], own: set[str]) -> list[list[Item]]:
    """Greedy runs in date order, each happening clearly after the one before, three or
    four long. ``own`` holds the ids of a topic's happenings: a run starts at one of them
    and goes on with one of the next few of them, then with the topic's next, and the gaps
    between them are filled with the others, tried in an order drawn afresh for each run so
    that the same few do not fill every gap (drawn from the run's first happening, never
    from the seed: a card's id names its facts)."""
    found: list[list[Item]] = []
    for start in range(len(items)):
        if items[start][0].id not in own:
            continue
        # the first few that fit, without scanning every later happening (quadratic)
        seconds: list[int] = list(
            itertools.islice(
                (
                    n
                    for n in range(start + 1, len(items))
                    if items[n][0].id in own and _fits([items[start]], items[n])
                ),
                _SECONDS,
            )
        )
        # a happening with none of its topic's after it stands alone among others, in a
        # few different companies
        tries: list[tuple[int | None, str]] = (
            [(n, str(n - start - 1)) for n in seconds]
            if seconds
            else [(None, "None" if k == 0 else f"alone {k}") for k in range(_SECONDS)]
        )
        for second, label in tries:
            run = [items[start]]
            if second is not None:
                run = _extended([items[start], items[second]], items, second + 1, own)
            if len(run) < _RUN:
                # fillers from the happenings near the run in time: the gaps of a run of
                # four lie close to its start, and drawing on all of them is quadratic
                near = range(max(0, start - _NEAR), min(len(items), start + _NEAR))
                fillers = [items[n] for n in near if n != start]
                random.Random(f"{items[start][0].id}:{label}").shuffle(fillers)
                run = _filled(run, fillers)
            if len(run) >= 3:
                found.append(run)
    return found


def _extended(run: list[Item], items: list[Item], at: int, own: set[str]) -> list[Item]:
    """The run with the next of the topic's own items from ``at`` on that fit, until it is
    full."""
    for item in itertools.islice(items, at, None):
        if len(run) == _RUN:
            break
        if item[0].id in own and _fits(run, item):
            run.append(item)
    return run


def _fits(run: list[Item], item: Item) -> bool:
    return _before(_last(run[-1]), item[1]) and item[2] not in {t for _, _, t in run}


def _last(item: Item) -> FuzzyDate:
    """When a happening was over: the end of its span ('late July and early August 1940'
    ends in August), so that the next item comes clearly after all of it."""
    span = item[0].date
    return span.end if span is not None and span.end is not None else item[1]


def _filled(run: list[Item], later: list[Item]) -> list[Item]:
    """The run with other happenings put in the gaps between its own (or before the first,
    or after the last), each clearly after the one before it and before the one after."""
    out = list(run)
    for item in later:
        if len(out) == _RUN:
            break
        if item in out or item[2] in {t for _, _, t in out}:
            continue
        at = next((n for n, held in enumerate(out) if _before(item[1], held[1])), len(out))
        if (at == 0 or _before(_last(out[at - 1]), item[1])) and (
            at == len(out) or _before(_last(item), out[at][1])
        ):
            out.insert(at, item)
    return out


def _orderable(ctx: Context, fact: Fact) -> bool:
    """Whether a happening can be an item to put in order: worth knowing, told as a
    happening (not someone's reading of it), and not one of two accounts that differ."""
    # a purge known only by its year was a process, not a moment: nothing sits before or
    # after it with certainty
    spread = fact.kind == "purge" and fact.date is not None and fact.date.start.precision == "year"
    return (
        fact.importance >= 2
        and fact.attribution.type != "interpretation"
        and fact.id not in ctx.index.disputed
        and not spread
    )


@template("order-events", family="chronology", kinds=HAPPENINGS, whole=True, orders=True)
def order(ctx: Context) -> Iterator[Card]:
    """Put these happenings in order. (for each topic, runs that cover its happenings; a topic
    with few happenings of its own has them set among the weightiest happenings of others)"""
    everything = [
        (f, d, t)
        for f in ctx.index.happenings
        if _orderable(ctx, f) and (d := _single(f.date)) is not None and (t := happening(ctx, f))
    ]
    landmarks = [item for item in everything if item[0].importance == 3]
    made: set[frozenset[str]] = set()
    for topic in sorted(ctx.base.topics):
        own = [item for item in everything if topic in item[0].topics]
        if not own:
            continue
        pool = sorted(
            {id(i): i for i in own + landmarks}.values(), key=lambda i: (i[1].sort_key, i[0].id)
        )
        mine = {f.id for f, _, _ in own}
        found = _runs(pool, mine)
        runs = [r for r in found if sum(topic in f.topics for f, _, _ in r) >= 2]
        if len(runs) < _AT_LEAST:  # a topic whose happenings lie close together: each of
            runs += [r for r in found if r not in runs]  # them set among the landmarks
        covered: set[str] = set()
        chosen = 0
        while runs and chosen < _PER_TOPIC:
            best = max(
                runs,
                key=lambda r: (
                    len({f.id for f, _, _ in r if topic in f.topics} - covered),
                    sum(topic in f.topics for f, _, _ in r),
                    sum(f.importance for f, _, _ in r),
                ),
            )
            key = frozenset(f.id for f, _, _ in best)
            runs.remove(best)
            if (
                not {f.id for f, _, _ in best if topic in f.topics} - covered
                and chosen >= _AT_LEAST
            ):
                break  # the best adds nothing new, so no other run does
            if key in made:
                continue
            made.add(key)
            covered |= key
            chosen += 1
            yield _ordering(ctx, topic, best)


def _ordering(ctx: Context, topic: str, run: list[tuple[Fact, FuzzyDate, str]]) -> Card:
    facts = [f for f, _, _ in run]
    first, last = run[0][1].year, run[-1][1].year
    years = str(first) if first == last else f"{first}\u2013{last}"
    title = (
        ctx.base.topics[topic].title
        if all(topic in f.topics for f in facts)
        else "Events of the purge years"
    )
    explanation = " ".join(f"{cap(_when_said(f, d))}{_whose(ctx, f)}: {t}." for f, d, t in run)
    return ctx.card(
        facts,
        kind="ordering",
        topics=(topic,),
        prompt=f"{title}, {years}: put these in the order they happened, earliest first.",
        answer=" \u2192 ".join(t for _, _, t in run),
        answer_type="order",
        items=[t for _, _, t in run],
        explanation=explanation,
        difficulty=3,
        attributed=False,
    )


def _when_said(fact: Fact, date: FuzzyDate) -> str:
    """'In May 1937', or for a happening of a few weeks its whole span ('between July 1940
    and August 1940'), which the month it is ordered by would misstate."""
    span = fact.date
    return when_phrase(span).strip() if span is not None and span.end is not None else _on(date)


def _whose(ctx: Context, fact: Fact) -> str:
    """ ", according to Wright" after an item's date when the item is someone's report."""
    if fact.attribution.is_record:
        return ""
    phrase = ctx.claim(fact, undated=True)
    return f", {phrase}" if phrase else ""
