"""The statistics screen: t on the home screen opens it, s changes the span of the answers
per day, Esc goes back; a new profile is told there is nothing yet; and it shows the figures
`purgequiz stats --json` prints."""

from __future__ import annotations

import contextlib
import io
import json

import pytest

from purgequiz.cli import main
from purgequiz.learn.statistics import share_words, time_words
from purgequiz.tui.screens.home import HomeScreen
from purgequiz.tui.screens.statistics import NOTHING_YET, StatisticsScreen
from purgequiz.tui.widgets.charts import (
    BarTable,
    CalendarChart,
    ColumnChart,
    Columns,
    LineChart,
)
from tests.tui.conftest import make_app, nasty_deck, screen_text
from tests.tui.statkit import fill
from tests.tui.waiting import press, settle

DRAWN = (ColumnChart, LineChart, CalendarChart, BarTable, Columns)


async def open_statistics(pilot) -> StatisticsScreen:
    await settle(pilot)
    await press(pilot, "t")
    screen = pilot.app.screen
    assert isinstance(screen, StatisticsScreen)
    assert screen.figures is not None
    return screen


def flat(text: str) -> str:
    """The screen's text with its lines' ends joined (a sentence may wrap)."""
    return " ".join(text.split())


async def test_t_opens_the_statistics_and_esc_goes_back(clock):
    """From the home screen t shows the statistics with their charts and figures; Esc goes
    back to the decks."""
    fill()
    async with make_app(clock, profile="Anna").run_test(size=(80, 24)) as pilot:
        await open_statistics(pilot)
        shown = screen_text(pilot.app)
        assert "Statistics  ·  Anna" in shown
        assert "Answers, last 30 days" in shown and "s: 90 days" in shown
        assert "answers in the last 30 days" in flat(shown)
        await press(pilot, "escape")
        assert isinstance(pilot.app.screen, HomeScreen)


async def test_the_statistics_are_in_the_command_palette(clock):
    """ "Statistics" in the command palette opens them."""
    fill(days=2)
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "ctrl+p")
        await settle(pilot)
        await press(pilot, *"statistics")
        await settle(pilot)
        await press(pilot, "enter")
        assert isinstance(app.screen, StatisticsScreen)
        assert "Answers, last 30 days" in screen_text(app)


async def test_s_switches_the_span_of_the_answers_per_day(clock):
    """s shows the last 90 days, then 365, then 30 again: the heading, the chart's caption and
    the sentence under it change with it."""
    fill(days=40)
    async with make_app(clock, profile="Anna").run_test(size=(80, 24)) as pilot:
        screen = await open_statistics(pilot)
        for span, following, column in (
            (90, 365, "2 days"),
            (365, 30, "a week"),
            (30, 90, "a day"),
        ):
            await press(pilot, "s")
            assert screen.span == span
            shown = screen_text(pilot.app)
            assert f"Answers, last {span} days" in shown and f"s: {following} days" in shown
            assert f"one column: {column}" in shown
            assert f"answers in the last {span} days" in flat(shown)


async def test_a_new_profile_is_told_there_is_nothing_yet(clock):
    """Before any answer the screen says so in a friendly sentence instead of empty charts,
    shows the cards waiting, and offers no span to switch."""
    fill(days=0)
    async with make_app(clock, profile="Anna").run_test(size=(80, 24)) as pilot:
        screen = await open_statistics(pilot)
        shown = screen_text(pilot.app)
        assert flat(NOTHING_YET) in flat(shown)
        assert "Answers, last" not in shown and "Cards by state" in shown
        assert "span" not in shown  # not in the key bar
        await press(pilot, "s")
        assert screen.span == 30


async def test_the_screen_shows_the_figures_stats_json_prints(clock, monkeypatch):
    """Every figure `purgequiz stats --json` prints at the same moment is on the screen: the
    answers of each span, the cards due, retention, mastery per topic, the cards by state,
    the time studied, the cards most missed and the wrong choices most picked."""
    fill(days=40)
    monkeypatch.setattr("purgequiz.commands.stats.now", clock)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        assert main(["stats", "--profile", "Anna", "--json"]) == 0
    data = json.loads(printed.getvalue())
    async with make_app(clock, profile="Anna").run_test(size=(80, 220)) as pilot:
        await open_statistics(pilot)
        shown = flat(screen_text(pilot.app))
        spans = {}
        for _ in range(3):
            spans[pilot.app.screen.span] = shown
            await press(pilot, "s")
            shown = flat(screen_text(pilot.app))
    assert data["answers"] > 0 and data["missed"] and data["wrong_choices"]
    assert f"{data['answers']:,} answers in all" in shown
    assert f"streak {data['streak']} days" in shown
    for span in data["spans"]:
        assert (
            f"{span['reviews']:,} answers in the last {span['days']} days, on "
            f"{span['days_studied']} days" in spans[span["days"]]
        )
    due = [day["cards"] for day in data["forecast"]]
    assert f"{due[0]} due today (overdue included), {sum(due[:7])} in the next 7 days, " in shown
    weeks = data["retention"]
    right = sum(w["right"] for w in weeks)
    answers = sum(w["answers"] for w in weeks)
    assert f"weeks shown: {share_words(right / answers)} of {answers}" in shown
    for topic in data["topics"]:
        assert topic["title"] in shown
        assert f"{topic['mastered']} of {topic['cards']} · " in shown
    cards = data["cards"]
    for label, key in (
        ("New (not studied yet)", "new"),
        ("Learning", "learning"),
        ("In review", "review"),
        ("Suspended", "suspended"),
        ("Leeches (often missed)", "leech"),
    ):
        assert label in shown and f" {cards[key]} " in shown.split(label, 1)[1][:60]
    assert f"{cards['total']} cards in all" in shown
    for label, key in (("Today", "today"), ("Last 7 days", "last_7_days"), ("In all", "all")):
        spent = data["time"][key]
        assert f"{label} {time_words(spent['time_ms'])} {spent['answers']} answer" in shown
    for missed in data["missed"]:
        assert f"{missed['wrong']} of {missed['answers']} wrong {missed['prompt']}" in shown
    for wrong in data["wrong_choices"]:
        times = "time" if wrong["times"] == 1 else "times"
        assert (
            f"{wrong['times']} {times} {wrong['prompt']} picked: {wrong['given']} "
            f"right: {wrong['answer']}" in shown
        )


@pytest.mark.parametrize("size", [(80, 24), (40, 12)])
async def test_nothing_is_drawn_wider_than_the_screen(clock, size):
    """At 80 and at 40 columns every line the charts and tables draw fits the width they are
    given: they are drawn at that width, and long prompts wrap."""
    fill(days=40)
    async with make_app(clock, profile="Anna").run_test(size=size) as pilot:
        screen = await open_statistics(pilot)
        drawn = [w for w in screen.query("#stats-body *") if isinstance(w, DRAWN)]
        assert len(drawn) >= 8
        for widget in drawn:
            width = widget.content_size.width
            assert 0 < width <= size[0]
            lines = widget.render().plain.split("\n")
            assert all(len(line) <= width for line in lines), (widget, width, lines)


async def test_prompts_and_choices_are_shown_as_text_not_markup(clock):
    """Prompts and wrong choices holding markup are shown as written in the cards most missed
    and the wrong choices most picked (decks holding control characters are refused)."""
    fill(days=6, deck=nasty_deck())
    async with make_app(clock, profile="Anna").run_test(size=(80, 200)) as pilot:
        screen = await open_statistics(pilot)
        figures = screen.figures
        assert figures is not None and figures.missed and figures.wrong_choices
        shown = flat(screen_text(pilot.app))
        for missed in figures.missed:
            assert missed.prompt.startswith("Prompt ") and missed.prompt in shown
        for wrong in figures.wrong_choices:
            assert f"picked: {wrong.given}" in shown
        assert isinstance(pilot.app.screen, StatisticsScreen)  # no markup link ran
