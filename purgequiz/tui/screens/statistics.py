"""Statistics (t on the home screen): the profile's figures as charts, each with its numbers in
words beside it. The figures are counted once, on the store's thread, by
:func:`purgequiz.store.statistics.profile_statistics` (as `purgequiz stats` counts them);
this screen only draws them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from purgequiz.learn.statistics import (
    FORECAST_DAYS,
    MASTERED_DAYS,
    SPANS,
    Statistics,
    share_words,
    time_words,
)
from purgequiz.learn.statistics_words import (
    calendar_words,
    forecast_words,
    retention_words,
    span_words,
    summary_words,
)
from purgequiz.tui.background import friendly, in_background
from purgequiz.tui.host import quiz_app
from purgequiz.tui.text import plain, styled
from purgequiz.tui.widgets.charts import (
    SHADES,
    BarTable,
    CalendarChart,
    ColumnChart,
    Columns,
    LineChart,
    calendar_legend,
)
from purgequiz.tui.widgets.keys import KeyBar

if TYPE_CHECKING:
    from purgequiz.store.profile import Profile

__all__ = ["NOTHING_YET", "StatisticsScreen"]

STYLES = Path(__file__).resolve().parents[1] / "styles"

NOTHING_YET = (
    "Nothing yet: you have not answered a card. Study a deck (Esc, then Enter) and your "
    "figures appear here: answers per day, the cards due, how much you remember, the topics "
    "you have mastered and the cards you miss most."
)


class StatisticsScreen(Screen[None]):
    """s switches the span of the answers per day (30, 90, 365 days); Esc goes back."""

    CSS_PATH = STYLES / "statistics.tcss"
    BINDINGS = [
        Binding("s", "span", "span: 30/90/365 days"),
        Binding("escape,q", "close", "back"),
    ]

    class Ready(Message):
        """The figures are drawn (the start-up benchmark waits for it)."""

    def __init__(self, profile: Profile) -> None:
        super().__init__(classes="statistics-screen")
        self.profile = profile
        self.figures: Statistics | None = None
        self.span = SPANS[0]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="statistics"):
            yield Static(
                styled(("Statistics", "bold"), ("  ·  ", "dim"), self.profile.display_name),
                classes="screen-title",
            )
            yield Static(plain("Counting your answers…"), id="stats-status")
            yield Vertical(id="stats-body")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#statistics").focus()
        profile, app = self.profile, quiz_app(self)

        def count() -> Statistics:
            from purgequiz.store.statistics import profile_statistics

            return profile_statistics(profile, app.now(), app.catalog)

        in_background(self, count, self._show, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.query_one("#stats-status", Static).update(
            plain(f"The statistics cannot be counted: {friendly(error)}")
        )

    def _show(self, figures: Statistics) -> None:
        self.figures = figures
        status = self.query_one("#stats-status", Static)
        status.update(plain(NOTHING_YET if figures.empty else summary_words(figures)))
        status.set_class(figures.empty, "nothing-yet")
        body = self.query_one("#stats-body", Vertical)
        body.mount_all(self._sections(figures))
        self.refresh_bindings()
        self.call_after_refresh(self.post_message, self.Ready())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """s is offered only once there are answers to show."""
        if action == "span":
            return self.figures is not None and not self.figures.empty
        return True

    def action_span(self) -> None:
        figures = self.figures
        if figures is None or figures.empty:
            return
        self.span = SPANS[(SPANS.index(self.span) + 1) % len(SPANS)]
        days = figures.span(self.span)
        self.query_one("#reviews-title", Static).update(self._reviews_title())
        self.query_one("#reviews-chart", ColumnChart).show([(d.day, d.reviews) for d in days])
        self.query_one("#reviews-words", Static).update(plain(span_words(figures, self.span)))

    def action_close(self) -> None:
        self.dismiss(None)

    # -- the sections --------------------------------------------------------------------------

    def _reviews_title(self) -> Text:
        following = SPANS[(SPANS.index(self.span) + 1) % len(SPANS)]
        return styled(
            (f"Answers, last {self.span} days", "bold"),
            (f"   s: {following} days", "dim"),
        )

    def _sections(self, figures: Statistics) -> list[Widget]:
        if figures.empty:
            return [_heading("Cards by state"), _states(figures)]
        days = figures.span(self.span)
        retention = figures.retention
        most = max((d.reviews for d in figures.days), default=0)
        legend = "  ".join(
            [f"{SHADES[0]} none"]
            + [f"{s} {lo}–{hi}" if lo < hi else f"{s} {lo}" for s, lo, hi in calendar_legend(most)]
        )
        return [
            Static(self._reviews_title(), id="reviews-title", classes="section"),
            ColumnChart([(d.day, d.reviews) for d in days], id="reviews-chart"),
            Static(plain(span_words(figures, self.span)), id="reviews-words", classes="words"),
            _heading(f"Cards due, next {FORECAST_DAYS} days"),
            ColumnChart([(d.day, d.cards) for d in figures.forecast], id="forecast-chart"),
            Static(plain(forecast_words(figures)), id="forecast-words", classes="words"),
            _heading("True retention by week"),
            *(
                [LineChart([w.share for w in retention], retention[0].start, id="retention-chart")]
                if retention
                else []
            ),
            Static(plain(retention_words(figures)), id="retention-words", classes="words"),
            _heading("Days studied, last 365 days"),
            CalendarChart([(d.day, d.reviews) for d in figures.days], id="calendar-chart"),
            Static(plain(f"{legend} answers"), classes="words"),
            Static(plain(calendar_words(figures)), id="calendar-words", classes="words"),
            _heading("Mastered by topic"),
            _mastery(figures),
            _heading("Cards by state"),
            _states(figures),
            _heading("Time studied"),
            Static(_time(figures), id="time-table"),
            _heading("Cards most often missed"),
            _missed(figures),
            _heading("Wrong choices most often picked"),
            _wrong_choices(figures),
        ]


def _heading(text: str) -> Static:
    return Static(styled((text, "bold")), classes="section")


def _count(value: int, one: str, many: str) -> str:
    return f"{value:,} {one if value == 1 else many}"


def _mastery(figures: Statistics) -> Widget:
    if not figures.topics:
        return Static(plain("No deck is listed, so there is no topic to master yet."))
    rows = [
        (
            t.title,
            t.mastered,
            t.cards,
            f"{t.mastered:,} of {t.cards:,} · {share_words(t.mastered / t.cards)}",
        )
        for t in figures.topics
    ]
    return Vertical(
        BarTable(rows, id="mastery-table"),
        Static(
            plain(
                f"Mastered: a card in review that you would still remember after "
                f"{MASTERED_DAYS:g} days."
            ),
            classes="words",
        ),
        classes="auto",
    )


def _states(figures: Statistics) -> Widget:
    cards = figures.cards
    total = cards.total
    rows = [
        ("New (not studied yet)", cards.new),
        ("Learning", cards.learning),
        ("In review", cards.review),
        ("Relearning (missed after being learnt)", cards.relearning),
        ("Suspended", cards.suspended),
        ("Buried until the next study day", cards.buried),
        ("Leeches (often missed)", cards.leech),
    ]
    return Vertical(
        BarTable([(label, value, total, f"{value:,}") for label, value in rows], id="states-table"),
        Static(
            plain(
                f"{_count(total, 'card', 'cards')} in all: new, learning, in review and "
                f"relearning add up to it; suspended, buried and leech cards are among them."
            ),
            classes="words",
        ),
        classes="auto",
    )


def _time(figures: Statistics) -> Text:
    rows = [
        (label, time_words(spent.time_ms), _count(spent.answers, "answer", "answers"))
        for label, spent in (
            ("Today", figures.time_today),
            ("Last 7 days", figures.time_week),
            ("In all", figures.time_all),
        )
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(2)]
    return plain("\n".join(f"{a.ljust(widths[0])}  {b.rjust(widths[1])}  {c}" for a, b, c in rows))


def _unknown(card_id: str) -> str:
    return f"(a card no deck holds now: {card_id})"


def _missed(figures: Statistics) -> Widget:
    if not figures.missed:
        return Static(plain("No card missed yet."))
    return Columns(
        [
            (
                f"{missed.wrong:,} of {missed.answers:,} wrong",
                [(missed.prompt or _unknown(missed.card_id), "")],
            )
            for missed in figures.missed
        ],
        id="missed-table",
    )


def _wrong_choices(figures: Statistics) -> Widget:
    if not figures.wrong_choices:
        return Static(plain("No wrong choice picked yet."))
    rows = []
    for wrong in figures.wrong_choices:
        lines = [(wrong.prompt or _unknown(wrong.card_id), ""), (f"picked: {wrong.given}", "bold")]
        if wrong.answer:
            lines.append((f"right:  {wrong.answer}", "dim"))
        rows.append((_count(wrong.times, "time", "times"), lines))
    return Columns(rows, id="choices-table")
