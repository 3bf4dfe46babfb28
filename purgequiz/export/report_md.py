"""A class report as Markdown, to edit and paste: the same sections and tables as the HTML
page, without its charts.

Every text from the students' files is written so that Markdown reads it as text: its
control characters written out (``\\x1b``), line breaks made spaces (a table row is one
line), and each character that Markdown or HTML would read as markup (``\\ ` * _ [ ] < > | ~
& $ #``, and a list marker at the start) escaped with a backslash.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from purgequiz.export.report import (
    ClassReport,
    day_text,
    duration,
    percent,
    period,
    retention_of_class,
)
from purgequiz.visible import visible

__all__ = ["md_text", "render_md"]

_MARKUP = re.compile(r"([\\`*_\[\]<>|~&$#])")  # markup wherever it stands
_LEADING = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))")  # a list or a heading, at the start


def md_text(text: object) -> str:
    """Text as Markdown that shows it as it is, on one line; a whole number with its
    thousands marked (11,158)."""
    shown = f"{text:,}" if isinstance(text, int) and not isinstance(text, bool) else str(text)
    flat = " ".join(visible(shown, newlines=True).split("\n"))
    return _LEADING.sub(_unlisted, _MARKUP.sub(r"\\\1", flat))


def _unlisted(found: re.Match[str]) -> str:
    """'\\-', '\\+', '\\=' or '1\\.': what would start a list or a heading, as text."""
    space, marker = found[1], found[2]
    return f"{space}{marker}\\" if marker[0].isdigit() else f"{space}\\{marker}"


def _table(headers: Sequence[str], rows: Sequence[Sequence[object]], numeric: set[int]) -> str:
    rule = ["---:" if i in numeric else "---" for i in range(len(headers))]
    lines = [
        "| " + " | ".join(md_text(h) for h in headers) + " |",
        "| " + " | ".join(rule) + " |",
    ]
    lines += ["| " + " | ".join(md_text(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def render_md(report: ClassReport) -> str:
    """The whole report."""
    out = ["# Class report\n"]
    if report.deck_id:
        out.append(f"Deck: {md_text(report.deck_title)} ({md_text(report.deck_id)})  ")
    else:
        out.append("Every deck  ")
    out.append(f"{md_text(period(report))}, made {md_text(day_text(report.made_at.date()))}\n")
    students = report.students
    mastered = sum(row.mastered for row in students) / len(students) if students else 0.0
    out.append(
        f"- students: {len(students)}\n"
        f"- answers: {report.answers:,}\n"
        f"- accuracy (all answers): {percent(report.accuracy if report.answers else None)}\n"
        f"- retention (review answers): {percent(retention_of_class(report))}\n"
        f"- cards mastered, on average: {mastered:.1f}\n"
        f"- time studied, in all: {duration(report.time_ms)}\n"
    )
    out.append("## Students\n")
    out.append(
        _table(
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
            [
                (
                    row.name,
                    row.answers,
                    row.cards_seen,
                    row.mastered,
                    percent(row.retention),
                    duration(row.time_ms),
                    day_text(row.last_active),
                    row.streak,
                )
                for row in students
            ],
            {1, 2, 3, 4, 5, 7},
        )
    )
    if report.topics:
        out.append("## Topics\n")
        out.append(
            _table(
                ("topic", "cards", "answers", "accuracy", "students"),
                [
                    (row.title, row.cards, row.answers, percent(row.accuracy), row.students)
                    for row in report.topics
                ],
                {1, 2, 3, 4},
            )
        )
    out.append("## Hardest cards\n")
    if report.hardest:
        out.append(
            _table(
                ("card", "answer", "lapses", "students", "accuracy"),
                [
                    (row.prompt, row.answer, row.lapses, row.lapsed, percent(row.accuracy))
                    for row in report.hardest
                ],
                {2, 3, 4},
            )
        )
    else:
        out.append("No student has forgotten a card learnt (no lapses).\n")
    out.append("## Wrong choices most often picked\n")
    if report.wrong_choices:
        out.append(
            _table(
                ("card", "picked instead", "right answer", "students", "times", "why it is wrong"),
                [
                    (
                        row.prompt,
                        row.chosen,
                        row.answer,
                        f"{row.students} of {len(students)}",
                        row.times,
                        row.why_not,
                    )
                    for row in report.wrong_choices
                ],
                {3, 4},
            )
        )
    else:
        out.append("No wrong choice was picked.\n")
    out.append("## Cards flagged as wrong\n")
    if report.flags:
        out.append(
            _table(
                ("card", "student", "note", "on"),
                [
                    (row.prompt, row.student, row.note, day_text(row.flagged_on))
                    for row in report.flags
                ],
                set(),
            )
        )
    else:
        out.append("No student flagged a card.\n")
    if report.cards:
        out.append("## Every card\n")
        out.append(
            _table(
                ("card", "answer", "answers", "accuracy", "students", "lapses"),
                [
                    (
                        row.prompt,
                        row.answer,
                        row.answers,
                        percent(row.accuracy),
                        row.students,
                        row.lapses,
                    )
                    for row in report.cards
                ],
                {2, 3, 4, 5},
            )
        )
    if report.skipped:
        out.append("## Files left out\n")
        out.append(
            "".join(f"- {md_text(row.file)}: {md_text(row.reason)}\n" for row in report.skipped)
        )
    out.append("## What the figures mean\n")
    out.append(
        "".join(
            f"- **{md_text(term)}**: {md_text(meaning)}\n"
            for term, meaning in report.definitions.items()
        )
    )
    return "\n".join(out)
