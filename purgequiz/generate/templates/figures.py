"""Figures: 'how many', keeping the source's range and precision, with wrong figures the
base knows to be something else; and whose figure it is (press or scholarship)."""

from __future__ import annotations

from collections.abc import Iterator

from purgequiz.decks.model import Card
from purgequiz.facts.kinds import Statistic
from purgequiz.generate.context import Context, Wrong
from purgequiz.generate.distractors import pick
from purgequiz.generate.numbers import Figure, figure_of, invented_figures, near, wrong_for
from purgequiz.generate.phrasing import cap, mentions, source_choice, when_phrase
from purgequiz.generate.registry import template

__all__ = ["figure_phrase", "figure_wrongs"]


def figure_phrase(fact: Statistic) -> str:
    """The figure and what it counts, as a noun phrase: '7 of the 10 deputy defence
    commissars executed', '403 executions counted from 20 provincial papers'."""
    figure = figure_of(fact)
    number = figure.text() if figure.is_share else figure.number_text()
    if fact.whole is not None:
        number = f"{number} of the {Figure(fact.whole, fact.whole).number_text()}"
    return f"{number} {fact.quantity}"


def _fits(answer: Figure, candidate: Figure, fact: Statistic, chosen: list[Figure]) -> bool:
    """Whether a figure can stand beside the answer: the same shape (exact among exact,
    round among round), within the whole it is taken from, and told apart from the rest."""
    if not answer.same_shape(candidate) or answer.is_round != candidate.is_round:
        return False
    if fact.whole is not None and candidate.high > fact.whole:
        return False
    return wrong_for(answer, candidate, chosen)


def figure_wrongs(ctx: Context, fact: Statistic, count: int = 3) -> list[Wrong]:
    """Other figures of the same table, then of the same unit, each with the fact it
    belongs to; then invented ones of the same shape, explained by the true figure."""
    answer = figure_of(fact)
    # Other sources' figures for the same thing (when not rows of one table) may be right.
    rivals = [
        figure_of(f)
        for f in ctx.index.by_quantity.get(fact.quantity, ())
        if f.id != fact.id and not f.series
    ]
    chosen: list[Figure] = []
    out: list[Wrong] = []

    def usable(other: Statistic) -> bool:
        if other.id == fact.id or other.unit != fact.unit:
            return False
        figure = figure_of(other)
        return _fits(answer, figure, fact, chosen) and not any(near(r, figure) for r in rivals)

    pools = [
        ctx.index.series.get(fact.series, []) if fact.series else [],
        ctx.index.by_unit.get(fact.unit, []),
    ]
    for other in pick(
        pools, count, usable, ctx.rng, taken=[answer.text()], key=lambda f: figure_of(f).text()
    ):
        figure = figure_of(other)
        if len(out) < count and _fits(answer, figure, fact, chosen):
            chosen.append(figure)
            out.append(Wrong(figure.text(), other))
    for figure in invented_figures(answer, ctx.rng, 8):
        if len(out) < count and _fits(answer, figure, fact, chosen):
            chosen.append(figure)
            out.append(
                Wrong(figure.text(), f"The figure given is {answer.text()}, not {figure.text()}.")
            )
    return out


_MONEY = {"rubles", "dollars"}


def _single_cell(ctx: Context, fact: Statistic) -> bool:
    """Whether a figure is one cell of a table whose lesson is its pattern (asked by the
    table and matching cards), and not weighty enough to be asked on its own."""
    rows = ctx.index.series.get(fact.series or "", [])
    if fact.unit in _MONEY:
        return False  # no pattern card asks a table of sums (the latest is always the most)
    return bool(fact.row) and len(rows) >= 3 and fact.importance < 3


@template("figure", family="figures", kinds=("statistic",))
def figure(ctx: Context, fact: Statistic) -> Iterator[Card]:
    """How many …? (the fact's own question, in plain words; not a single cell of a table)"""
    if _single_cell(ctx, fact):
        return
    answer = figure_of(fact)
    yield ctx.card(
        fact,
        prompt=ctx.ask(fact, fact.asks),
        answer=answer.text(),
        answer_type="number",
        accept=answer.spellings(),
        wrong=figure_wrongs(ctx, fact),
        difficulty=3 if answer.is_range or not answer.qualifier else 2,
    )


def _told(ctx: Context, fact: Statistic) -> int | None:
    """The year a thing was reported: its report date, or its source's."""
    if fact.reported is not None:
        return fact.reported.year
    date = ctx.base.sources[fact.source].date
    return int(date[:4]) if date else None


@template("figure-source", family="source-criticism", kinds=("statistic",))
def figure_source(ctx: Context, fact: Statistic) -> Iterator[Card]:
    """Which paper or agency gave this count? (figures from the press of the time, against
    the other papers and agencies of that time; a historian's figure is never asked so)"""
    claimant = fact.computed_by
    if claimant is None or ctx.entity(claimant).sphere != "press":
        return
    words = [w for s in ctx.spellings(claimant) for w in s.split() if len(w) > 4]
    period = f" ({fact.period})" if fact.period and fact.period not in fact.quantity else ""
    told = f"{figure_phrase(fact)}{period}"
    if mentions(told, words):
        return  # the figure's own words name the paper
    year = _told(ctx, fact)
    own = ctx.base.sources[fact.source].publication  # the paper the source itself appeared in
    kind = ctx.entity(claimant).type
    wrong = []
    for other in ctx.index.entities_by.get((kind, "press"), ()):
        # what the other paper reported that year: it was there, and said something else
        told_by = [
            f
            for f in (*ctx.index.about.get(other, ()), *ctx.index.claims.get(other, ()))
            if f.kind in ("statistic", "report", "justification") and _told(ctx, f) == year
        ]
        if other != claimant and told_by and not own.startswith(ctx.entity(other).name):
            wrong.append(Wrong(source_choice(ctx.base, other), told_by[0]))
    ctx.rng.shuffle(wrong)
    asked = "Which paper or agency" if ctx.entity(claimant).type == "publication" else "Who"
    yield ctx.card(
        fact,
        prompt=f"{asked} reported {told}?",
        answer=source_choice(ctx.base, claimant),
        answer_type="entity",
        accept=ctx.spellings(claimant),
        wrong=wrong[:3],
        attributed=False,
        difficulty=3,
    )


def _shares(facts: list[Statistic]) -> list[tuple[float, Statistic]]:
    """(share, fact) for each row of a table that gives a part of a whole: a percentage the
    source states, or else the part divided by its whole; smallest first."""
    rows: dict[str, tuple[float, Statistic]] = {}
    for fact in sorted(facts, key=lambda f: f.id):
        if fact.row is None or fact.value is None:
            continue
        if figure_of(fact).is_share:
            rows[fact.row] = (fact.value / 100, fact)
        elif fact.whole and fact.row not in rows:
            rows[fact.row] = (fact.value / fact.whole, fact)
    return sorted(rows.values(), key=lambda p: (p[0], p[1].id))


def _percent(share: float, fact: Statistic) -> str:
    """A share as the source gives it (17.8%), or worked out to a whole percent (74%)."""
    return figure_of(fact).text() if figure_of(fact).is_share else f"{share:.0%}"


def _share_card(ctx: Context, rows: list[tuple[float, Statistic]], largest: bool) -> Card:
    """'Of the officers removed from their posts in 1937 and 1938, which rank had the
    largest share arrested?' (the whole's column is that of the row the part is out of)"""
    ordered = rows[::-1] if largest else rows
    best = ordered[0][1]
    ref = next(f for _, f in rows if f.whole)  # a part of a whole: its unit and whole's column
    whole_column = (
        next(
            (
                f.column
                for f in ctx.index.series[ref.series or ""]
                if f.row == ref.row and f.value == ref.whole
            ),
            None,
        )
        or "counted"
    )
    word = "largest" if largest else "smallest"
    wrong = [
        Wrong(cap(f.row or ""), f"{f.statement} That is {_percent(share, f)}.")
        for share, f in ordered[1:4]
    ]
    # every figure of the rows asked about: the pattern is read off all of them
    named = {r.row for _, r in rows}
    others = [
        f
        for f in ctx.index.series[ref.series or ""]
        if f.row in named and all(f is not r for _, r in rows)
    ]
    return ctx.card(
        [f for _, f in rows] + others,
        prompt=ctx.ask(
            ref,
            f"Of the {ref.unit} {whole_column}"
            f"{when_phrase(ref.date)}, which {ref.row_kind} had "
            f"the {word} share {ref.column}?",
        ),
        answer=cap(best.row or ""),
        wrong=wrong,
        explanation=" ".join(
            f"{cap(f.row or '')}: {_percent(share, f)} {f.column}." for share, f in rows[::-1]
        ),
        difficulty=3,
    )


@template("table-largest-share", family="tables", kinds=("statistic",), whole=True)
def table_largest_share(ctx: Context) -> Iterator[Card]:
    """Which row of a table lost the largest share? (rows that give a part of a whole)"""
    for name in sorted(ctx.index.series):
        rows = _shares(ctx.index.series[name])
        if (
            len(rows) >= 3
            and any(f.whole for _, f in rows)
            and all(f.row_kind and f.column for _, f in rows)
        ):
            yield _share_card(ctx, rows, largest=True)


@template("table-smallest-share", family="tables", kinds=("statistic",), whole=True)
def table_smallest_share(ctx: Context) -> Iterator[Card]:
    """Which row of a table lost the smallest share?"""
    for name in sorted(ctx.index.series):
        rows = _shares(ctx.index.series[name])
        if (
            len(rows) >= 3
            and any(f.whole for _, f in rows)
            and all(f.row_kind and f.column for _, f in rows)
        ):
            yield _share_card(ctx, rows, largest=False)


@template("table-peak-year", family="tables", kinds=("statistic",), whole=True)
def table_peak_year(ctx: Context) -> Iterator[Card]:
    """In which year of a table was the figure highest? (rows that are years)"""
    for name in sorted(ctx.index.series):
        rows = [
            f for f in ctx.index.series[name] if f.row and f.row[:4].isdigit() and f.whole is None
        ]
        units = {f.unit for f in rows}
        if len(rows) < 2 or len(units) != 1 or units & _MONEY:
            continue
        ranked = sorted(rows, key=lambda f: (-figure_of(f).middle, f.id))
        best = ranked[0]
        wrong = [Wrong(f.row or "", f) for f in ranked[1:4]]
        years = "years or periods" if any(not (f.row or "").isdigit() for f in rows) else "years"
        if len(rows) == 2:  # two years are compared, not picked among
            one = "year or period" if years == "years or periods" else "year"
            asked = f"In which {one} were there more {best.quantity}?"
        else:
            asked = f"In which of these {years} were there the most {best.quantity}?"
        yield ctx.card(
            rows,
            prompt=ctx.ask(best, asked),
            answer=best.row or "",
            wrong=wrong,
            least=1,
            difficulty=2,
            explanation=" ".join(f.statement for f in ranked),
        )
