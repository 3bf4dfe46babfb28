"""Figures: 'how many …', keeping the source's range and precision, with wrong figures
from the same table first; and which paper, agency or author gave a figure."""

from __future__ import annotations

import re
from collections.abc import Iterator

from purgequiz.facts import Fact
from purgequiz.generate.context import Context
from purgequiz.generate.distractors import pick
from purgequiz.generate.model import Card
from purgequiz.generate.numbers import Figure, figure_of, invented_figures, near, wrong_for
from purgequiz.generate.phrasing import is_author, mentions, normalize

__all__ = ["figure_distractors", "figure_text", "statistic", "subject"]

_PREPOSITIONS = ("in ", "on ", "by ", "during ", "between ", "from ", "for ", "at ", "over ",
                 "until ", "before ", "after ", "since ", "of ", "under ")


def subject(fact: Fact) -> str:
    """What is counted, with its period: 'officers arrested in 1937–1938'."""
    quantity, period = fact.get("quantity"), fact.get("period")
    if not period or normalize(period) in normalize(quantity) or \
            set(re.findall(r"\d{4}", period)) & set(re.findall(r"\d{4}", quantity)):
        return quantity
    if period.lower().startswith(_PREPOSITIONS):
        return f"{quantity} {period}"
    if "(" in period:
        return f"{quantity}, {period}"
    return f"{quantity} ({period})"


def _with_unit(fact: Fact) -> bool:
    unit = normalize(fact.get("unit", ""))
    return bool(unit) and unit not in normalize(fact.get("quantity"))


def figure_text(fact: Fact, figure: Figure | None = None) -> str:
    return (figure or figure_of(fact)).text(with_unit=_with_unit(fact))


def figure_distractors(ctx: Context, fact: Fact, count: int = 3) -> list[Figure]:
    """Other true figures of the same table, then of the same unit, then invented ones;
    none that overlaps the answer or another source's figure for the same thing."""
    answer = figure_of(fact)
    series = fact.get("series")
    rivals = [figure_of(f) for f in ctx.index.stats_by_quantity.get(
        normalize(fact.get("quantity")), ()) if f.id != fact.id
        and (not series or f.get("series") != series)][:20]
    chosen: list[Figure] = []

    ceiling = out_of(fact.get("quantity")) or part_of(fact.statement, answer.low)

    def ok(candidate: Figure) -> bool:
        return answer.same_shape(candidate) and wrong_for(answer, candidate, [*rivals, *chosen]) \
            and not any(near(r, candidate) for r in rivals) \
            and (ceiling is None or candidate.high <= ceiling)

    same_table = ctx.index.series.get(series, []) if series else []
    same_unit = ctx.index.stats_by_unit.get(normalize(fact.get("unit")), [])
    for pool in (same_table, same_unit):
        for other in pick([pool], count - len(chosen),
                          lambda f: f.id != fact.id and ok(_as(f, answer)), ctx.rng,
                          taken=[answer.number_text()], key=lambda f: figure_of(f).number_text()):
            if ok(_as(other, answer)):
                chosen.append(_as(other, answer))
    for invented in invented_figures(answer, ctx.rng, 6):
        if len(chosen) < count and ok(invented):
            chosen.append(invented)
    return chosen


_NUMBER_WORDS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}


def out_of(quantity: str) -> float | None:
    """The whole a count is taken from ('executed, out of thirteen' -> 13), if it says."""
    match = re.search(r"\bout of (?:the )?(\d[\d,]*|[a-z]+)\b", quantity, re.IGNORECASE)
    if match is None:
        return None
    return _number(match.group(1))


def part_of(statement: str, value: float) -> float | None:
    """The whole a statement takes a count from ('10 of the 14 accused' -> 14), if it says."""
    for match in re.finditer(r"\b(\d[\d,]*|[a-z]+) (?:out )?of (?:the )?(\d[\d,]*|[a-z]+)\b",
                             statement, re.IGNORECASE):
        part, whole = (_number(g) for g in match.groups())
        if part == value and whole is not None and whole > value:
            return whole
    return None


def _number(word: str) -> float | None:
    word = word.lower().replace(",", "")
    return float(word) if word.isdigit() else _NUMBER_WORDS.get(word)


def _as(fact: Fact, answer: Figure) -> Figure:
    """Another fact's figure in the answer's unit (a table's rows share one unit)."""
    figure = figure_of(fact)
    return Figure(figure.low, figure.high, figure.qualifier, answer.unit)


def statistic(ctx: Context, fact: Fact) -> Iterator[Card]:
    figure = figure_of(fact)
    answer = figure_text(fact)
    wrong = [figure_text(fact, f) for f in figure_distractors(ctx, fact)]
    question = f"What figure is given for {subject(fact)}?"
    yield ctx.card(fact, "figure", prompt=ctx.ask(fact, question),
                   answer=answer, answer_type="number", accept=figure.spellings(),
                   choices=ctx.choices(answer, wrong),
                   difficulty=3 if figure.is_range or not figure.qualifier else 2)
    yield from _who_gave(ctx, fact, answer)


def _who_gave(ctx: Context, fact: Fact, answer: str) -> Iterator[Card]:
    """'Which paper or agency reported …' / 'Who gave the figure …' for figures a source
    relays from someone else (Havas, Pechenkin); a source's own figures are not asked."""
    attribution = fact.attribution
    if attribution.is_record or not attribution.by:
        return
    reporter = attribution.via[0] if attribution.via else attribution.by
    source = ctx.base.sources[fact.source]
    if is_author(ctx.base, reporter, source):
        return
    type_ = ctx.entity(reporter).type
    also = {e for f in ctx.index.stats_by_quantity.get(normalize(fact.get("quantity")), ())
            for e in (f.attribution.by, *f.attribution.via)}

    def ok(entity_id: str) -> bool:  # judged one candidate at a time: reporters are many
        return entity_id not in also and not is_author(ctx.base, entity_id, source) \
            and not mentions(fact.statement, ctx.spellings(entity_id))

    wrong = pick([ctx.index.reporters.get(type_, [])], 3, ok, ctx.rng)
    asked = "Which paper or agency" if type_ == "publication" else "Who"
    verb = "reported" if attribution.via else "gave"
    yield ctx.card(fact, "figure-source",
                   prompt=f"{asked} {verb} the figure of {answer} for {subject(fact)}?",
                   answer=ctx.name(reporter), answer_type="entity",
                   accept=ctx.spellings(reporter),
                   choices=ctx.choices(ctx.name(reporter), [ctx.name(e) for e in wrong]),
                   difficulty=3, attributed=False)
