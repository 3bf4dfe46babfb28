"""Charts drawn with block characters: columns, a line of shares, a calendar of study days and
horizontal bars.

Each chart draws its data at the width it is given (redrawn when the terminal is resized) and
never wider. The marks' shapes, not their colours, carry the figures: blocks of eighths for
heights, shades for the calendar's levels, a dot for a share. A chart's numbers are also said
in words beside it (the statistics screen does so), so that they read with NO_COLOR and aloud.
The drawing functions are pure (data and width in, lines out); the widgets only place them.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from datetime import date, timedelta
from typing import ClassVar

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from purgequiz.visible import visible

__all__ = [
    "BAR_BUCKETS",
    "BarTable",
    "Columns",
    "CalendarChart",
    "ColumnChart",
    "LineChart",
    "bar_line",
    "bar_rows",
    "calendar_legend",
    "calendar_level",
    "calendar_lines",
    "column_lines",
    "group",
    "line_lines",
]

EIGHTHS = " ▁▂▃▄▅▆▇█"
PARTS = " ▏▎▍▌▋▊▉█"  # a horizontal bar's last cell, in eighths
SHADES = "·░▒▓█"  # the calendar: no study, then four levels
BAR_BUCKETS = (1, 2, 7, 14, 30)  # days a column may stand for, the fewest that fit
DOT, TRACE = "●", "·"
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def short_date(day: date) -> str:
    """ "4 Dec" (the year is said in the words beside a chart when it matters)."""
    return f"{day.day} {_MONTHS[day.month - 1]}"


def group(values: Sequence[int], width: int) -> tuple[int, list[int]]:
    """``values`` (one a day, the last the newest) summed into the fewest days a column that
    let them fit ``width`` columns, counted back from the newest: (days a column, sums)."""
    if not values:
        return 1, []
    bucket = next((b for b in BAR_BUCKETS if math.ceil(len(values) / b) <= width), 30)
    sums: list[int] = []
    end = len(values)
    while end > 0:
        sums.append(sum(values[max(0, end - bucket) : end]))
        end -= bucket
    return bucket, sums[::-1]


def column_lines(values: Sequence[int], width: int, height: int) -> list[str]:
    """Columns of ``values`` in ``width`` characters and ``height`` lines (top line first),
    with the largest value on the axis at the top and 0 at the foot."""
    top = max(values, default=0)
    label = len(str(top))
    plot = max(1, width - label - 1)
    step = max(1, plot // max(1, len(values)))
    bar = step - 1 if step >= 2 else 1
    lines = []
    for row in range(height - 1, -1, -1):
        cells = []
        for value in values:
            eighths = 0
            if top and value:
                eighths = max(1, round(value / top * height * 8))
            fill = EIGHTHS[min(8, max(0, eighths - row * 8))]
            cells.append(fill * bar + " " * (step - bar))
        axis = str(top) if row == height - 1 else ("0" if row == 0 else "")
        lines.append(f"{axis:>{label}}│" + "".join(cells)[:plot])
    return lines


def line_lines(shares: Sequence[float | None], width: int, height: int) -> list[str]:
    """A line through ``shares`` (0 to 1; None for no figure, a gap) in ``width`` characters
    and ``height`` lines (top first): a dot for each share, dotted between neighbours. The
    scale runs from 50% to 100%, or from 0% when a share is below half; each line is labelled
    with the share it stands for."""
    low = 0.0 if any(s is not None and s < 0.5 for s in shares) else 0.5
    label = 4
    plot = max(1, width - label - 1)
    count = len(shares)
    step = max(1, min(4, (plot - 1) // (count - 1))) if count > 1 else 1
    grid = [[" "] * plot for _ in range(height)]

    def row(share: float) -> float:
        return (share - low) / (1 - low) * (height - 1)

    for index, share in enumerate(shares):
        if share is None:
            continue
        x = index * step
        following = shares[index + 1] if index + 1 < count else None
        if following is not None:
            for between in range(1, step):
                y = row(share) + (row(following) - row(share)) * between / step
                if x + between < plot:
                    grid[math.floor(y + 0.5)][x + between] = TRACE
        if x < plot:
            grid[math.floor(row(share) + 0.5)][x] = DOT
    lines = []
    for number in range(height - 1, -1, -1):
        share = low + (1 - low) * number / (height - 1)
        lines.append(f"{round(share * 100)}%".rjust(label) + "│" + "".join(grid[number]))
    return lines


def calendar_level(count: int, most: int) -> int:
    """The shade of a day (0: no answer; 1 to 4: up to a quarter, a half … of ``most``)."""
    return 0 if count <= 0 or most <= 0 else min(4, math.ceil(count * 4 / most))


def calendar_legend(most: int) -> list[tuple[str, int, int]]:
    """Each shade a day may have with ``most`` answers on the busiest day, and the counts it
    stands for (from, to); shades that no count has are left out."""
    legend = []
    for level in range(1, 5):
        low, high = (level - 1) * most // 4 + 1, level * most // 4
        if low <= high:
            legend.append((SHADES[level], low, high))
    return legend


def calendar_lines(days: Sequence[tuple[date, int]], width: int) -> list[str]:
    """The calendar of ``days`` (oldest first): a column a week (Monday at the top), a line of
    month names above; as many of the latest weeks as ``width`` holds."""
    if not days:
        return []
    most = max(count for _, count in days)
    first = days[0][0]
    monday = first - timedelta(days=first.weekday())
    weeks = (days[-1][0] - monday).days // 7 + 1
    shown = max(1, min(weeks, width - 4))
    start = monday + timedelta(weeks=weeks - shown)
    counts = dict(days)
    months = [" "] * shown
    free = 0  # the first column a month's name may start at
    for week in range(shown):
        monday = start + timedelta(weeks=week)
        sunday = monday + timedelta(days=6)
        if (monday.day == 1 or sunday.month != monday.month) and free <= week <= shown - 3:
            months[week : week + 3] = _MONTHS[sunday.month - 1]
            free = week + 4
    lines = ["    " + "".join(months[:shown])]
    for weekday, name in enumerate(("Mon", "", "Wed", "", "Fri", "", "Sun")):
        cells = []
        for week in range(shown):
            day = start + timedelta(weeks=week, days=weekday)
            cells.append(SHADES[calendar_level(counts[day], most)] if day in counts else " ")
        lines.append(f"{name:<4}" + "".join(cells))
    return lines


def bar_line(value: int, total: int, width: int) -> str:
    """A horizontal bar of ``value`` out of ``total`` in ``width`` characters: blocks, then
    dots for the rest (so an empty bar still shows its length)."""
    if width <= 0:
        return ""
    eighths = round(value / total * width * 8) if total else 0
    if value and not eighths:
        eighths = 1
    full, part = divmod(eighths, 8)
    text = "█" * full + (PARTS[part] if part else "")
    return text + "·" * (width - len(text))


class _Chart(Widget):
    """A chart drawn at this widget's width: subclasses give its lines and the width of the
    axis at their left."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"chart--marks", "chart--axis"}
    DEFAULT_CSS = """
    _Chart { height: auto; }
    """

    def chart(self, width: int) -> tuple[list[str], int]:
        raise NotImplementedError

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.chart(width)[0])

    def render(self) -> Text:
        lines, cut = self.chart(self.content_size.width)
        marks = self.get_component_rich_style("chart--marks", partial=True)
        axis = self.get_component_rich_style("chart--axis", partial=True)
        text = Text(end="", no_wrap=True, overflow="crop")
        for number, line in enumerate(lines):
            if number:
                text.append("\n")
            text.append(line[:cut], style=axis)
            text.append(line[cut:], style=marks)
        return text


def _foot(width: int, drawn: int, left: int, first: str, middle: str, last: str) -> str:
    """A caption line under a chart drawn from column ``left`` to column ``drawn``: ``first``
    under its start, ``last`` ending under its end (or further, up to ``width``, when they do
    not fit), ``middle`` between them when there is room."""
    room = min(width, max(drawn, left + len(first) + len(last) + 1)) - left - len(first) - len(last)
    if room >= len(middle) + 2:
        gap = room - len(middle)
        inner = f"{' ' * (gap // 2)}{middle}{' ' * (gap - gap // 2)}"
    else:
        inner = " " * max(1, room)
    return (" " * left + first + inner + last)[:width]


class ColumnChart(_Chart):
    """Columns of counts, one a day (the newest last), summed a few days a column when they do
    not fit: the caption under it says how many, and the first and last day."""

    def __init__(
        self,
        days: Sequence[tuple[date, int]],
        height: int = 7,
        *,
        id: str | None = None,  # noqa: A002 - Textual's name for it
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.days = list(days)
        self.chart_height = height

    def show(self, days: Sequence[tuple[date, int]]) -> None:
        self.days = list(days)
        self.refresh(layout=True)

    def chart(self, width: int) -> tuple[list[str], int]:
        values = [count for _, count in self.days]
        bucket, sums = group(values, max(1, width - len(str(sum(values))) - 1))
        left = len(str(max(sums, default=0))) + 1
        lines = column_lines(sums, width, self.chart_height)
        if self.days:
            each = {1: "a day", 7: "a week"}.get(bucket, f"{bucket} days")
            first, last = short_date(self.days[0][0]), short_date(self.days[-1][0])
            step = max(1, (width - left) // max(1, len(sums)))
            drawn = left + step * len(sums) - (1 if step >= 2 else 0)  # to the last column
            lines.append(_foot(width, drawn, left, first, f"one column: {each}", last))
        return lines, left


class LineChart(_Chart):
    """A line of shares (0 to 1, None for none), one a week from the week of ``first``."""

    def __init__(
        self,
        shares: Sequence[float | None],
        first: date | None,
        height: int = 6,
        *,
        id: str | None = None,  # noqa: A002 - Textual's name for it
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.shares = list(shares)
        self.first = first
        self.chart_height = height

    def chart(self, width: int) -> tuple[list[str], int]:
        lines = line_lines(self.shares, width, self.chart_height)
        if self.first is not None and self.shares:
            last = self.first + timedelta(weeks=len(self.shares) - 1)
            count = len(self.shares)
            step = max(1, min(4, (width - 6) // (count - 1))) if count > 1 else 1
            drawn = 5 + step * (count - 1) + 1  # to the last week's dot
            first = f"week of {short_date(self.first)}"
            lines.append(_foot(width, drawn, 5, first, "", short_date(last)))
        return [line[:width] for line in lines], 5


class CalendarChart(_Chart):
    """Study days on a calendar: a column a week, a shade for how many answers."""

    def __init__(
        self,
        days: Sequence[tuple[date, int]],
        *,
        id: str | None = None,  # noqa: A002 - Textual's name for it
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.days = list(days)

    def chart(self, width: int) -> tuple[list[str], int]:
        return calendar_lines(self.days, width), 4


def bar_rows(rows: Sequence[tuple[str, int, int, str]], width: int) -> list[tuple[str, str, str]]:
    """Horizontal bars at ``width``: for each (label, value, total, numbers), lines of (label
    part, bar, numbers); a long label wraps onto more lines, the bar and numbers on its first.
    The bars take a third of what the numbers leave, from 5 to 24 characters."""
    numbers = max((len(row[3]) for row in rows), default=0)
    bar = max(5, min(24, (width - numbers) // 3))
    longest = max((len(row[0]) for row in rows), default=0)
    label = max(8, min(longest, width - bar - numbers - 2))
    lines = []
    for text, value, total, words in rows:
        parts = textwrap.wrap(text, label, break_on_hyphens=False) or [""]
        lines.append((parts[0].ljust(label), bar_line(value, total, bar), words.rjust(numbers)))
        lines += [(part.ljust(label), "", "") for part in parts[1:]]
    return lines


class BarTable(Widget):
    """Horizontal bars, one a row: a label (which wraps), a bar of ``value`` out of ``total``,
    and the numbers in words; the bars are as long as the width allows."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"chart--marks"}
    DEFAULT_CSS = """
    BarTable { height: auto; }
    """

    def __init__(
        self,
        rows: Sequence[tuple[str, int, int, str]],
        *,
        id: str | None = None,  # noqa: A002 - Textual's name for it
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.rows = [(visible(label), value, total, words) for label, value, total, words in rows]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(bar_rows(self.rows, width))

    def render(self) -> Text:
        marks = self.get_component_rich_style("chart--marks", partial=True)
        text = Text(end="", no_wrap=True, overflow="crop")
        for number, (label, bar, words) in enumerate(bar_rows(self.rows, self.content_size.width)):
            if number:
                text.append("\n")
            text.append(label)
            text.append(" ")
            text.append(bar, style=marks)
            text.append(" " + words if words else "")
        return text


class Columns(Widget):
    """Rows of two columns drawn at the widget's width: a short figure, right-aligned, and a
    text beside it that wraps (its line breaks kept; lines given as (text, style))."""

    DEFAULT_CSS = """
    Columns { height: auto; }
    """

    def __init__(
        self,
        rows: Sequence[tuple[str, Sequence[tuple[str, str]]]],
        *,
        id: str | None = None,  # noqa: A002 - Textual's name for it
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.rows = [
            (visible(figure), [(visible(line), style) for line, style in lines])
            for figure, lines in rows
        ]

    def _lines(self, width: int) -> list[tuple[str, str, str]]:
        left = max((len(figure) for figure, _ in self.rows), default=0)
        room = max(10, width - left - 2)
        out = []
        for figure, lines in self.rows:
            first = True
            for line, style in lines:
                for part in textwrap.wrap(line, room, break_on_hyphens=False) or [""]:
                    out.append((figure.rjust(left) if first else " " * left, part, style))
                    first = False
        return out

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Text:
        text = Text(end="", no_wrap=True, overflow="crop")
        for number, (figure, part, style) in enumerate(self._lines(self.content_size.width)):
            if number:
                text.append("\n")
            text.append(figure + "  ")
            text.append(part, style=style)
        return text
