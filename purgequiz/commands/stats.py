"""`purgequiz stats`: a profile's statistics as plain text tables, or as one JSON object
(``--json``), the same figures the statistics screen draws (both render
:func:`purgequiz.store.statistics.profile_statistics`)."""

from __future__ import annotations

import argparse
import shlex
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from purgequiz import explain as words
from purgequiz.commands.options import Subparsers, chosen_profile, no_such_profile, profile_name
from purgequiz.commands.output import fail, json_text, say, table
from purgequiz.store.errors import ProfileNameError, ProfileNotFound, StoreError

if TYPE_CHECKING:
    from purgequiz.learn.statistics import Statistics

__all__ = ["register", "run", "text_report"]


def register(commands: Subparsers) -> None:
    """Add `stats` to the command parser."""
    parser = commands.add_parser(
        "stats",
        help="a profile's statistics: answers per day, cards due, retention, topics mastered",
        description="Print a profile's statistics, the figures of the statistics screen (t on "
        "the home screen): answers per day, cards due in the next 30 days, true retention by "
        "week, days studied, mastery by topic, cards by state, time studied, the cards most "
        "often missed and the wrong choices most often picked. docs/learning.md says what "
        "each figure means and lists the keys of --json.",
    )
    parser.add_argument(
        "--profile",
        metavar="NAME",
        type=profile_name,
        help="default: the profile opened last (or the only one)",
    )
    parser.add_argument(
        "--json", action="store_true", help="print one JSON object (for scripts) instead"
    )


def now() -> datetime:
    """The moment the figures are counted at: now (a test sets another)."""
    return datetime.now(UTC)


def run(args: argparse.Namespace) -> int:
    from purgequiz.store.profile import open_profile  # TinyDB: not for --help
    from purgequiz.store.statistics import profile_statistics

    try:
        chosen = chosen_profile(args.profile)
        if isinstance(chosen, int):
            return chosen
        with open_profile(chosen, create=False) as profile:
            figures = profile_statistics(profile, now())
            name = profile.display_name
    except ProfileNotFound as error:
        return no_such_profile(error)
    except (StoreError, ProfileNameError, OSError) as error:
        return fail(words.describe(error))
    if args.json:
        say(json_text(json_report(figures, name), indent=1))
    else:
        say(text_report(figures, name))
    return 0


def json_report(figures: Statistics, name: str) -> dict[str, Any]:
    """The JSON object `stats --json` prints: the figures' JSON form with the profile named."""
    data = figures.to_json()
    return {"format": data.pop("format"), "version": data.pop("version"), "profile": name, **data}


def _section(title: str, *lines: str) -> list[str]:
    return ["", title, *(line for line in lines if line)]


def text_report(figures: Statistics, name: str) -> str:
    """The figures as plain text: a sentence and a table for each."""
    from purgequiz.learn.statistics import SPANS, share_words, time_words
    from purgequiz.learn.statistics_words import (
        calendar_words,
        forecast_words,
        retention_words,
        span_words,
        summary_words,
    )

    cards = figures.cards
    states = _section(
        "Cards by state",
        table(
            [
                ("new", cards.new),
                ("learning", cards.learning),
                ("review", cards.review),
                ("relearning", cards.relearning),
                ("total", cards.total),
                ("suspended", cards.suspended),
                ("buried", cards.buried),
                ("leech", cards.leech),
                ("mastered", cards.mastered),
            ],
            ["state", "cards"],
        ),
    )
    head = [f"Statistics of {name}"]
    if figures.empty:
        again = f"purgequiz play --profile {shlex.quote(name)}"
        head.append(
            f"Nothing yet: {name} has not answered a card. Study a deck ({again}) and the "
            f"figures appear here."
        )
        return "\n".join(head + states)
    head.append(summary_words(figures))
    span = SPANS[0]
    lines = head + _section(
        f"Answers per day, last {span} days",
        span_words(figures, span),
        table(
            [(d.day.isoformat(), d.reviews, d.correct) for d in figures.span(span)],
            ["day", "answers", "right"],
        ),
    )
    lines += _section(
        "Answers by span",
        table(
            [
                (
                    f"last {days} days",
                    sum(d.reviews for d in figures.span(days)),
                    sum(1 for d in figures.span(days) if d.reviews),
                )
                for days in SPANS
            ],
            ["span", "answers", "days studied"],
        ),
    )
    lines += _section(
        f"Cards due, next {len(figures.forecast)} days",
        forecast_words(figures),
        table([(d.day.isoformat(), d.cards) for d in figures.forecast], ["day", "cards"]),
    )
    lines += _section(
        "True retention by week",
        retention_words(figures),
        table(
            [
                (w.start.isoformat(), w.answers, w.right, share_words(w.share))
                for w in figures.retention
            ],
            ["week of", "answers", "right", "share"],
        )
        if figures.retention
        else "",
    )
    lines += _section(f"Days studied, last {len(figures.days)} days", calendar_words(figures))
    lines += _section(
        "Mastered by topic",
        table(
            [
                (t.title, t.cards, t.mastered, share_words(t.mastered / t.cards))
                for t in figures.topics
            ],
            ["topic", "cards", "mastered", "share"],
        )
        if figures.topics
        else "No deck is listed.",
    )
    lines += states
    lines += _section(
        "Time studied",
        table(
            [
                (label, time_words(spent.time_ms), spent.answers)
                for label, spent in (
                    ("today", figures.time_today),
                    ("last 7 days", figures.time_week),
                    ("in all", figures.time_all),
                )
            ],
            ["when", "time", "answers"],
        ),
    )
    lines += _section(
        "Cards most often missed",
        table(
            [(m.wrong, m.answers, m.prompt or m.card_id) for m in figures.missed],
            ["wrong", "answers", "card"],
        )
        if figures.missed
        else "No card missed yet.",
    )
    lines += _section(
        "Wrong choices most often picked",
        table(
            [(w.times, w.given, w.answer, w.prompt or w.card_id) for w in figures.wrong_choices],
            ["times", "picked", "right", "card"],
        )
        if figures.wrong_choices
        else "No wrong choice picked yet.",
    )
    return "\n".join(lines)
