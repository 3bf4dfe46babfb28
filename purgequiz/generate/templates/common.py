"""Pieces the question templates share: date phrases and the usual distractor pools."""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Callable, Container, Sequence

from purgequiz.facts import DateSpan, Fact
from purgequiz.facts.dates import FuzzyDate
from purgequiz.generate.context import Context
from purgequiz.generate.distractors import pick
from purgequiz.generate.phrasing import normalize

__all__ = [
    "date_accept",
    "dated",
    "date_distractors",
    "entity_distractors",
    "fate_safe",
    "people_distractors",
    "same_meaning",
    "text_distractors",
    "the",
    "when_phrase",
]

_FATE_WORDS = re.compile(r"execut|\bshot\b|murder|killed|suicide|died|arrest|perish",
                         re.IGNORECASE)


def the(name: str) -> str:
    """'the Baku trial' for 'Baku trial'; names that begin with 'the' stay as they are."""
    return name if name.lower().startswith("the ") else f"the {name}"


def when_phrase(fact: Fact) -> str:
    """' in June 1940', ' on 5 June 1940', ' between May 1937 and June 1938', or ''."""
    date = fact.date
    if date is None:
        return ""
    if date.end is not None:
        return f" between {date.start.display()} and {date.end.display()}"
    return (" on " if date.precision == "day" else " in ") + date.start.display()


def dated(fact: Fact, statement: str) -> str:
    """' (August 1940)' when the fact is dated and the statement does not give its year:
    without it a swapped name might be true of another time."""
    if fact.date is None or str(fact.date.year) in statement:
        return ""
    return f" ({fact.date.display()})"


def date_accept(date: DateSpan) -> tuple[str, ...]:
    """Typed spellings of a date: '5 June 1940', 'June 5, 1940', '1940-06-05' …"""
    start = date.start
    forms = [date.display(), date.text]
    if date.end is None:
        if start.month:
            month = calendar.month_name[start.month]
            forms += [f"{month[:3]} {start.year}", f"{start.month}/{start.year}"]
            if start.day:
                forms += [f"{month} {start.day}, {start.year}", f"{start.day} {month[:3]} "
                          f"{start.year}", f"{start.day}.{start.month}.{start.year}"]
    return tuple(dict.fromkeys(forms))


def _shift(date: FuzzyDate, months: int) -> FuzzyDate:
    if date.month is None:
        return FuzzyDate(date.year + months)
    total = date.year * 12 + (date.month - 1) + months
    year, month = divmod(total, 12)
    day = None
    if date.day:
        day = min(date.day, calendar.monthrange(year, month + 1)[1])
    return FuzzyDate(year, month + 1, day)


def date_distractors(ctx: Context, fact: Fact, count: int = 3) -> list[str]:
    """Other dates of the same precision: real dates of nearby facts first, then dates a
    few months (or years) away; never one that overlaps the answer."""
    date = fact.date
    assert date is not None and date.end is None
    answer = date.start
    span = 3 if answer.precision == "year" else 1  # real dates within this many years
    real = [ctx.index.display(f) for f in _window(ctx, fact)
            if f.date and f.date.end is None and f.date.precision == answer.precision
            and _apart(f.date.start, answer) and abs(f.date.year - answer.year) <= span]
    steps = [-1, 1, -2, 2, 3, -3] if answer.precision == "year" else [-2, 2, -4, 4, 6, -6, 9]
    invented = [_shift(answer, s).display() for s in steps]
    return pick([real, invented], count, lambda d: True, ctx.rng, taken=[answer.display()])


def _window(ctx: Context, fact: Fact, width: int = 12) -> list[Fact]:
    """Up to ``width`` dated facts each side of ``fact`` in date order (binary search)."""
    dated = ctx.index.dated
    at = bisect.bisect_left(ctx.index.dated_keys, fact.date.sort_key)  # type: ignore[union-attr]
    return list(dated[max(0, at - width): at + width])


def _apart(a: FuzzyDate, b: FuzzyDate) -> bool:
    """Whether two dates of the same precision clearly differ (a month or a year apart)."""
    if a.precision == "year":
        return a.year != b.year
    if a.precision == "month":
        return (a.year, a.month) != (b.year, b.month)
    return abs((a.year * 372 + (a.month or 0) * 31 + (a.day or 0))
               - (b.year * 372 + (b.month or 0) * 31 + (b.day or 0))) >= 7


_SYNONYMS = (
    frozenset({"abolished", "dissolved", "disbanded", "liquidated", "scrapped", "eliminated",
               "wound up", "closed"}),
    frozenset({"executed", "shot"}),
    frozenset({"removed", "dismissed", "relieved", "ousted", "pushed out", "sacked"}),
    frozenset({"divided", "split", "broken up"}),
)


def same_meaning(a: str, b: str) -> bool:
    """Whether two short texts say the same: equal, one inside the other, or the same
    leading word up to a synonym ('abolished' / 'dissolved')."""
    x, y = normalize(a), normalize(b)
    if not x or not y or x in y or y in x:
        return True
    for group in _SYNONYMS:
        if any(x.startswith(w) for w in group) and any(y.startswith(w) for w in group):
            return True
    words_x, words_y = _content_words(x), _content_words(y)
    if words_x and words_y:  # "People's Commissar of War (Defence)" ~ "… for Defence"
        if words_x <= words_y or words_y <= words_x:
            return True  # "bodies were abolished" ~ "bodies that had … were abolished"
        return len(words_x & words_y) / len(words_x | words_y) >= 0.6
    return False


_STOP = frozenset("a an and as at by for from in into of on or the to with".split())


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[\w']+", text) if w not in _STOP}


def fate_safe(ctx: Context, person: str) -> bool:
    """Whether a person can stand as a wrong answer to 'who was arrested/executed …':
    the base records no arrest, execution, suicide or trial of theirs, and their
    description mentions no such end."""
    entity = ctx.base.entities.get(person)
    if entity is None or person in ctx.index.victims():
        return False
    return not (entity.description and _FATE_WORDS.search(entity.description))


def people_distractors(ctx: Context, fact: Fact, exclude: Container[str],
                       ok: Callable[[str], bool] | None = None,
                       prefer: Sequence[Sequence[str]] = (), count: int = 3) -> list[str]:
    """Names of other people: the preferred pools, then the fact's topics, then people of
    the same year, then anyone. The
    exclusions are looked up, never copied, so a large set costs nothing."""
    candidates = ctx.index.candidates
    entities = ctx.base.entities

    def accept(person: str) -> bool:
        return (person not in exclude and person in candidates
                and entities[person].type == "person" and (ok is None or ok(person)))

    same_time = ctx.index.people_by_year.get(fact.date.year, []) if fact.date else []
    pools = [*prefer, *ctx.index.people_in(fact.topics), same_time, ctx.index.by_type["person"]]
    chosen = pick(pools, count, accept, ctx.rng, key=lambda p: entities[p].name)
    return [ctx.name(p) for p in chosen]


def entity_distractors(ctx: Context, fact: Fact, type_: str, exclude: Container[str],
                       count: int = 3) -> list[str]:
    """Names of other entities of a type: the fact's topics first, then anyone."""
    excluded = exclude
    pools = [ctx.index.by_type_topic.get((type_, t), []) for t in fact.topics]
    pools.append(ctx.index.by_type[type_])
    chosen = pick(pools, count, lambda e: e not in excluded and e in ctx.index.candidates,
                  ctx.rng)
    return [ctx.name(e) for e in chosen]


def text_distractors(ctx: Context, keys: Sequence[str], answer: str,
                     exclude: Callable[[str, Fact], bool] | None = None,
                     count: int = 3) -> list[str]:
    """Texts of the same field in other facts (e.g. other decrees' penalties)."""
    pools = [ctx.index.texts.get(key, ()) for key in keys]
    found = pick(pools, count * 2, lambda item: not same_meaning(answer, item[0])
                 and not (exclude and exclude(*item)), ctx.rng,
                 taken=[answer], key=lambda item: _plain_text(item[0]))
    chosen: list[str] = []
    for text, _ in found:  # no two wrong answers that say the same thing either
        plain = _plain_text(text)
        if len(chosen) < count and not any(same_meaning(plain, c) for c in chosen):
            chosen.append(plain)
    return chosen


_HEARSAY = re.compile(r",?\s*(?:as \w+ reports it|according to \w+)\s*$", re.IGNORECASE)


def _plain_text(text: str) -> str:
    """A text shown as a wrong answer, without its own 'as Wright reports it' tail."""
    return _HEARSAY.sub("", text)
