"""A class report as one CSV table, for a spreadsheet or a grade book: a row per student.

Columns: student, file, answers, cards seen, mastered, retention (%, empty without review
answers), review answers, time studied (minutes), last active (YYYY-MM-DD, empty without
answers) and streak (days). Written as UTF-8 with a byte order mark (so that spreadsheet
programs read names in any alphabet) and CRLF line ends, quoted where needed. A text from the
files is written with its control characters spelt out (``\\x1b``); one that begins as a
formula would (``=``, ``+``, ``-``, ``@``) gets a ``'`` in front, so that a spreadsheet shows
it rather than runs it.
"""

from __future__ import annotations

import csv
import io

from purgequiz.export.report import ClassReport
from purgequiz.visible import visible

__all__ = ["HEADERS", "render_csv"]

HEADERS = (
    "student",
    "file",
    "answers",
    "cards seen",
    "mastered",
    "retention (%)",
    "review answers",
    "time studied (minutes)",
    "last active",
    "streak (days)",
)
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    shown = visible(text)
    return f"'{shown}" if shown.startswith(_FORMULA) else shown


def render_csv(report: ClassReport) -> str:
    """The table, as text."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for row in report.students:
        writer.writerow(
            (
                _cell(row.name),
                _cell(row.file),
                row.answers,
                row.cards_seen,
                row.mastered,
                "" if row.retention is None else f"{row.retention * 100:.1f}",
                row.review_answers,
                f"{row.time_ms / 60000:.1f}",
                row.last_active.isoformat() if row.last_active else "",
                row.streak,
            )
        )
    return "\ufeff" + out.getvalue()
