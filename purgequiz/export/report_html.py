"""A class report as one HTML page: sober, printable, its charts drawn as inline SVG.

The page loads nothing and runs nothing (:data:`~purgequiz.export.browser.NO_SCRIPTS` in its
head), so it reads the same offline, in any browser, and printed to PDF. Every text from the
students' files is escaped, with its control characters written out (``\\x1b``).
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from purgequiz.export.browser import NO_SCRIPTS
from purgequiz.export.report import (
    ClassReport,
    day_text,
    duration,
    flags_by_card,
    percent,
    period,
    retention_of_class,
    short_day,
    shortened,
)
from purgequiz.visible import visible

__all__ = ["render_html"]

_STYLE = """
@page { size: A4; margin: 14mm 14mm 16mm; }
* { box-sizing: border-box; }
body { font: 10pt/1.4 "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #1d232b;
  margin: 0 auto; max-width: 190mm; padding: 8mm 0; }
h1 { font-size: 18pt; margin: 0 0 2pt; font-weight: 600; }
h2 { font-size: 12.5pt; margin: 16pt 0 4pt; padding-bottom: 2pt; border-bottom: 1px solid #9aa3ad;
  font-weight: 600; break-after: avoid; }
p { margin: 3pt 0; }
.lead { color: #4a5561; }
.note { color: #4a5561; font-size: 8.5pt; }
.figures { display: flex; flex-wrap: wrap; gap: 6pt; margin: 10pt 0 4pt; }
.figure { border: 1px solid #c9cfd6; padding: 4pt 8pt; min-width: 28mm; }
.figure b { display: block; font-size: 14pt; font-weight: 600; }
.figure span { color: #4a5561; font-size: 8.5pt; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0; font-size: 8.5pt;
  table-layout: fixed; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th { text-align: left; font-weight: 600; font-size: 8pt; border-bottom: 1.5px solid #5b6672;
  padding: 2pt 4pt;
  vertical-align: bottom; }
td { border-bottom: 1px solid #dde1e6; padding: 2pt 4pt; vertical-align: top;
  overflow-wrap: anywhere; white-space: pre-wrap; }
td.n, th.n { text-align: right; white-space: nowrap; }
figure { margin: 6pt 0; break-inside: avoid; }
figcaption { font-size: 8.5pt; color: #4a5561; }
svg { display: block; width: 100%; height: auto; }
svg text { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; fill: #1d232b; }
.right { color: #1d232b; }
.wrong { font-weight: 600; }
dl.terms dt { font-weight: 600; float: left; clear: left; width: 28mm; }
dl.terms dd { margin: 0 0 3pt 30mm; }
"""
_INK = "#3b4a5a"
_PALE = "#e3e7eb"
_WIDTH = 680


def _t(text: object) -> str:
    """Text from the files (or a figure) as HTML text: escaped, controls written out; a whole
    number with its thousands marked (11,158)."""
    shown = f"{text:,}" if isinstance(text, int) and not isinstance(text, bool) else str(text)
    return html.escape(visible(shown, newlines=True), quote=True)


def _table(
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    numeric: set[int],
    widths: Sequence[int],
) -> str:
    """A table; ``widths``: each column's share of the page's width, in per cent."""
    columns = "".join(f'<col style="width: {width}%">' for width in widths)
    head = "".join(
        f'<th class="n">{_t(h)}</th>' if i in numeric else f"<th>{_t(h)}</th>"
        for i, h in enumerate(headers)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="n">{_t(cell)}</td>' if i in numeric else f"<td>{_t(cell)}</td>"
            for i, cell in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return (
        f"<table><colgroup>{columns}</colgroup><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )


def _bars(title: str, rows: Sequence[tuple[str, float | None, str]]) -> str:
    """A horizontal bar chart of shares (0 to 1): one bar a row, labelled, with its value
    written after it ('–' rows have no bar)."""
    label_width, value_width, row_height = 180, 100, 17
    bar_width = _WIDTH - label_width - value_width
    height = row_height * len(rows) + 22
    parts = [
        f'<svg viewBox="0 0 {_WIDTH} {height}" role="img" aria-label="{_t(title)}" '
        f'xmlns="http://www.w3.org/2000/svg">'
    ]
    for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
        x = label_width + bar_width * tick
        parts.append(
            f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height - 16}" stroke="{_PALE}" '
            f'stroke-width="1"/><text x="{x:.1f}" y="{height - 4}" font-size="9" '
            f'text-anchor="middle">{tick:.0%}</text>'
        )
    for index, (label, share, value) in enumerate(rows):
        y = index * row_height
        shown = label if len(label) <= 30 else label[:29] + "\u2026"
        parts.append(
            f'<text x="{label_width - 6}" y="{y + 12}" font-size="10" '
            f'text-anchor="end">{_t(shown)}</text>'
        )
        if share is not None:
            width = bar_width * max(0.0, min(1.0, share))
            parts.append(
                f'<rect x="{label_width}" y="{y + 3}" width="{width:.1f}" height="{row_height - 6}"'
                f' fill="{_INK}"/>'
            )
        parts.append(
            f'<text x="{label_width + bar_width + 6}" y="{y + 12}" font-size="10">'
            f"{_t(value)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _activity(report: ClassReport) -> str:
    """Answers a day, for the class: one column a day."""
    days = report.days
    left, bottom, top, height = 40, 22, 8, 150
    plot = _WIDTH - left - 6
    most = max((day.answers for day in days), default=0) or 1
    step = plot / max(len(days), 1)
    parts = [
        f'<svg viewBox="0 0 {_WIDTH} {height}" role="img" aria-label="answers a day" '
        f'xmlns="http://www.w3.org/2000/svg">'
    ]
    base = height - bottom
    for fraction in (0.0, 0.5, 1.0):
        y = base - (base - top) * fraction
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{_WIDTH - 6}" y2="{y:.1f}" stroke="{_PALE}"/>'
            f'<text x="{left - 4}" y="{y + 3:.1f}" font-size="9" text-anchor="end">'
            f"{round(most * fraction):,}</text>"
        )
    every = max(1, round(len(days) / 8))
    labelled = {index for index in range(0, len(days), every)}
    if len(days) - 1 - max(labelled) >= every * 0.7:  # the last day too, unless too close
        labelled.add(len(days) - 1)
    for index, day in enumerate(days):
        x = left + index * step
        column = (base - top) * day.answers / most
        parts.append(
            f'<rect x="{x + step * 0.15:.1f}" y="{base - column:.1f}" '
            f'width="{step * 0.7:.1f}" height="{column:.1f}" fill="{_INK}"/>'
        )
        if index in labelled:
            parts.append(
                f'<text x="{x + step / 2:.1f}" y="{height - 8}" font-size="9" '
                f'text-anchor="middle">{day.day.day} {day.day:%b}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def _figures(report: ClassReport) -> str:
    students = report.students
    mastered = sum(row.mastered for row in students) / len(students) if students else 0.0
    figures = [
        (f"{len(students)}", "students"),
        (f"{report.answers:,}", "answers"),
        (percent(report.accuracy if report.answers else None), "accuracy (all answers)"),
        (percent(retention_of_class(report)), "retention (review answers)"),
        (f"{mastered:.1f}", "cards mastered, on average"),
        (duration(report.time_ms), "time studied, in all"),
    ]
    return (
        '<div class="figures">'
        + "".join(
            f'<div class="figure"><b>{_t(value)}</b><span>{_t(what)}</span></div>'
            for value, what in figures
        )
        + "</div>"
    )


def _students(report: ClassReport) -> str:
    rows = [
        (
            row.name,
            row.answers,
            row.cards_seen,
            row.mastered,
            percent(row.retention),
            duration(row.time_ms),
            short_day(row.last_active),
            row.streak,
        )
        for row in report.students
    ]
    chart = _bars(
        "retention by student",
        [
            (
                row.name,
                row.retention,
                f"{percent(row.retention)} of {row.review_answers}"
                if row.review_answers
                else "no review answers",
            )
            for row in report.students
        ],
    )
    return (
        "<h2>Students</h2>"
        + _table(
            (
                "student",
                "answers",
                "cards seen",
                "mastered",
                "retention",
                "time studied",
                "last active",
                "streak",
            ),
            rows,
            {1, 2, 3, 4, 5, 7},
            (24, 10, 10, 10, 10, 12, 15, 9),
        )
        + f"<figure>{chart}<figcaption>Retention by student: the share of review answers "
        "that were right, and how many review answers it is taken from.</figcaption></figure>"
    )


def _topics(report: ClassReport) -> str:
    if not report.topics:
        return ""
    chart = _bars(
        "accuracy by topic",
        [(row.title, row.accuracy, percent(row.accuracy)) for row in report.topics],
    )
    rows = [
        (row.title, row.cards, row.answers, percent(row.accuracy), row.students)
        for row in report.topics
    ]
    return (
        "<h2>Topics</h2>"
        + f"<figure>{chart}<figcaption>The class's accuracy by topic (a card on two topics "
        "counts in both), weakest first.</figcaption></figure>"
        + _table(
            ("topic", "cards", "answers", "accuracy", "students"),
            rows,
            {1, 2, 3, 4},
            (52, 12, 12, 12, 12),
        )
    )


def _hardest(report: ClassReport) -> str:
    if not report.hardest:
        return "<h2>Hardest cards</h2><p>No student has forgotten a card learnt (no lapses).</p>"
    rows = [
        (row.prompt, shortened(row.answer, 90), row.lapses, row.lapsed, percent(row.accuracy))
        for row in report.hardest
    ]
    return (
        "<h2>Hardest cards</h2><p class=lead>The cards most often forgotten once learnt.</p>"
        + _table(
            ("card", "answer", "lapses", "students", "accuracy"),
            rows,
            {2, 3, 4},
            (46, 24, 10, 10, 10),
        )
    )


def _wrong_choices(report: ClassReport) -> str:
    if not report.wrong_choices:
        return "<h2>Wrong choices most often picked</h2><p>No wrong choice was picked.</p>"
    students = len(report.students)
    rows = [
        (
            row.prompt,
            row.chosen,
            row.answer,
            f"{row.students} of {students}",
            row.times,
            row.why_not,
        )
        for row in report.wrong_choices
    ]
    return (
        "<h2>Wrong choices most often picked</h2><p class=lead>What the class believes that "
        "is not so: the wrong answers picked on multiple-choice cards, by how many students "
        "picked each.</p>"
        + _table(
            ("card", "picked instead", "right answer", "students", "times", "why it is wrong"),
            rows,
            {3, 4},
            (27, 14, 14, 10, 8, 27),
        )
    )


def _flags(report: ClassReport) -> str:
    if not report.flags:
        return "<h2>Cards flagged as wrong</h2><p>No student flagged a card.</p>"
    body = ""
    for prompt, flags in flags_by_card(report):
        answer = f"\nanswer: {shortened(flags[0].answer)}" if flags[0].answer else ""
        first = f'<td rowspan="{len(flags)}">{_t(prompt + answer)}</td>'
        for index, flag in enumerate(flags):
            body += (
                f"<tr>{first if index == 0 else ''}<td>{_t(flag.student)}</td>"
                f"<td>{_t(flag.note)}</td><td class=n>{_t(short_day(flag.flagged_on))}</td></tr>"
            )
    return (
        "<h2>Cards flagged as wrong</h2><p class=lead>Every card a student marked as wrong, "
        "with the student's note.</p>"
        '<table class="flags"><colgroup><col style="width: 38%"><col style="width: 17%">'
        '<col style="width: 33%"><col style="width: 12%"></colgroup>'
        "<thead><tr><th>card</th><th>student</th><th>note</th><th class=n>on</th></tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )


def _cards(report: ClassReport) -> str:
    if not report.cards:
        return ""
    rows = [
        (
            row.prompt,
            shortened(row.answer, 90),
            row.answers,
            percent(row.accuracy),
            row.students,
            row.lapses,
        )
        for row in report.cards
    ]
    return (
        "<h2>Every card</h2><p class=lead>The class's accuracy on each card answered, "
        "weakest first.</p>"
        + _table(
            ("card", "answer", "answers", "accuracy", "students", "lapses"),
            rows,
            {2, 3, 4, 5},
            (42, 26, 8, 8, 8, 8),
        )
    )


def _skipped(report: ClassReport) -> str:
    if not report.skipped:
        return ""
    items = "".join(f"<li><b>{_t(row.file)}</b>: {_t(row.reason)}</li>" for row in report.skipped)
    return f"<h2>Files left out</h2><ul>{items}</ul>"


def _terms(report: ClassReport) -> str:
    items = "".join(
        f"<dt>{_t(term)}</dt><dd>{_t(meaning)}</dd>" for term, meaning in report.definitions.items()
    )
    return f'<h2>What the figures mean</h2><dl class="terms">{items}</dl>'


def render_html(report: ClassReport) -> str:
    """The whole page."""
    deck = (
        f'<p class="lead">Deck: {_t(report.deck_title)} ({_t(report.deck_id)})</p>'
        if report.deck_id
        else '<p class="lead">Every deck</p>'
    )
    activity = (
        f"<h2>Activity</h2><figure>{_activity(report)}<figcaption>Answers a day, the whole "
        f"class together.</figcaption></figure>"
        if report.days
        else ""
    )
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f"{NO_SCRIPTS}<title>Class report</title><style>{_STYLE}</style></head><body>"
        f"<h1>Class report</h1>{deck}"
        f'<p class="lead">{_t(period(report))} \u00b7 made {_t(day_text(report.made_at.date()))}'
        "</p>"
        + _figures(report)
        + _students(report)
        + activity
        + _topics(report)
        + _hardest(report)
        + _wrong_choices(report)
        + _flags(report)
        + _cards(report)
        + _skipped(report)
        + _terms(report)
        + "</body></html>\n"
    )
