"""The lines of the timeline's three views, as safe text: the axis, the successions and the
conflicting accounts (the facts behind them come from :mod:`purgequiz.facts`)."""

from __future__ import annotations

import calendar
from collections.abc import Sequence

from rich.text import Text

from purgequiz.facts.accounts import ClaimGroup, Dispute, who
from purgequiz.facts.datelabels import fact_dates
from purgequiz.facts.model import Fact, FactBase
from purgequiz.facts.successions import Holder, Succession
from purgequiz.facts.timeline import AXIS_END, AXIS_START, Entry, Year
from purgequiz.tui.text import styled
from purgequiz.tui.widgets.factlist import Line

__all__ = ["account_lines", "axis_lines", "preview", "succession_lines"]

_CLAIM_WORDS = {"interpretation": "reading"}


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _count(number: int, filtered: bool) -> str:
    if number:
        return f"{number} fact{'s' if number != 1 else ''}"
    return "nothing with these filters" if filtered else "no dated fact"


def _entry(entry: Entry) -> Line:
    return Line(styled("    ", (entry.label, "bold"), "  ", entry.fact.statement), entry.fact.id)


def axis_lines(years: Sequence[Year], filtered: bool) -> list[Line]:
    """Each year (a major heading, with its count), its months, and their facts."""
    lines = []
    for year in years:
        if year.count == 0 and not AXIS_START <= year.year <= AXIS_END:
            continue
        lines.append(
            Line(
                styled((str(year.year), "bold"), ("   " + _count(year.count, filtered), "dim")),
                major=True,
            )
        )
        for month in year.months:  # what is known only to the year comes first, unheaded
            if month.month is not None:
                name = f"{calendar.month_name[month.month]} {year.year}"
                lines.append(Line(styled("  ", (name, "bold"))))
            lines.extend(_entry(entry) for entry in month.entries)
    return lines


def _holder_lines(number: str, holder: Holder) -> list[Line]:
    lines = []
    for index, step in enumerate(holder.steps):
        who_held = f"{number} {holder.name}" if index == 0 else ""
        lines.append(
            Line(
                styled(
                    "  ",
                    (f"{who_held:<18}", "bold"),
                    " ",
                    (f"{step.when or 'date not given':<20}", "" if step.when else "dim"),
                    " ",
                    step.what,
                ),
                step.fact.id,
            )
        )
    return lines


def succession_lines(chains: Sequence[Succession]) -> list[Line]:
    """Each post (a major heading), then its holders in order, one line per fact."""
    if not chains:
        return [Line(Text("No fact in the base says who replaced whom in a post."))]
    lines = []
    for chain in chains:
        where = f"  ({chain.institution_name})" if chain.institution_name else ""
        lines.append(
            Line(
                styled((_capital(chain.post), "bold"), (where, "dim")),
                major=True,
            )
        )
        for number, holder in enumerate(chain.holders, 1):
            lines.extend(_holder_lines(f"{number}.", holder))
        if chain.unplaced:
            lines.append(
                Line(
                    styled(
                        ("  Also held it; the facts do not give their place in the order", "dim")
                    )
                )
            )
            for holder in chain.unplaced:
                lines.extend(_holder_lines("·", holder))
    return lines


def names_its_author(by: str, statement: str) -> bool:
    """Whether ``statement`` says at its start whose it is (``by``: "Wright, relaying Pravda"
    is named by "Wright reported ..."): it is then shown without the name before it."""
    name = " ".join(by.split(",")[0].split()[:2]).casefold()
    return name in statement[:60].casefold()


def account_lines(found: Sequence[Dispute], groups: Sequence[ClaimGroup]) -> list[Line]:
    """Where the accounts differ, then every claim under whose it is."""
    lines = [Line(styled(("Where the accounts differ", "bold reverse")))]
    for dispute in found:
        about = _capital(dispute.about)
        lines.append(
            Line(
                styled(("  " + about, "bold")),
                dispute.fact.id if dispute.fact is not None else None,
                major=True,
            )
        )
        for account in dispute.accounts:
            statement = account.fact.statement
            said = (
                styled("    ", statement)
                if names_its_author(account.by, statement)
                else styled("    ", (_capital(account.by) + ":", "bold"), " ", statement)
            )
            lines.append(Line(said, account.fact.id))
    lines.append(
        Line(styled(("Who says what: each claim, estimate, reading and report", "bold reverse")))
    )
    for group in groups:
        lines.append(
            Line(
                styled(
                    ("  " + _capital(group.name), "bold"),
                    ("   " + _count(len(group.facts), False), "dim"),
                ),
                major=True,
            )
        )
        for fact in group.facts:
            word = _CLAIM_WORDS.get(fact.attribution.type, fact.attribution.type)
            lines.append(Line(styled("    ", (f"{word:<8}", "dim"), " ", fact.statement), fact.id))
    return lines


def preview(fact: Fact | None, base: FactBase | None) -> Text:
    """The highlighted fact: its dates, whose it is and where it comes from, then its
    statement."""
    if fact is None or base is None:
        return Text("")
    source = base.sources.get(fact.source)
    where = (source.cite_as or source.author) if source is not None else fact.source
    paragraphs = ", ".join(f"\u00b6{p}" for p in fact.paragraphs)
    attribution = fact.attribution
    whose = (
        "a record"
        if attribution.is_record
        else f"{_CLAIM_WORDS.get(attribution.type, attribution.type)} by {who(fact, base)}"
    )
    where = _capital(where)
    return styled(
        (f"{fact_dates(fact).line()} · {whose} · {where}, {paragraphs}", "dim"),
        "\n",
        fact.statement,
    )
