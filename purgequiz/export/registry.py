"""Every format `purgequiz export` writes, by name and by file ending."""

from __future__ import annotations

from pathlib import Path

from purgequiz.export import gift, moodle, qti, worksheet_html, worksheet_markdown, worksheet_pdf
from purgequiz.export.anki import APKG
from purgequiz.export.formats import ExportFormat
from purgequiz.export.spreadsheet import CSV, TSV

__all__ = ["FORMATS", "by_name", "by_suffix"]

FORMATS: tuple[ExportFormat, ...] = (
    APKG,
    CSV,
    TSV,
    gift.FORMAT,
    moodle.FORMAT,
    qti.FORMAT,
    ExportFormat("html", ".html", "a printable worksheet page", worksheet_html.render),
    ExportFormat("pdf", ".pdf", "a printable worksheet (PDF, A4)", worksheet_pdf.render),
    ExportFormat("markdown", ".md", "a worksheet to edit (Markdown)", worksheet_markdown.render),
)


def by_name(name: str) -> ExportFormat | None:
    return next((f for f in FORMATS if f.name == name), None)


def by_suffix(path: Path) -> ExportFormat | None:
    """The one format whose files end as ``path`` does, if only one does."""
    found = [f for f in FORMATS if path.name.lower().endswith(f.suffix)]
    return found[0] if len(found) == 1 else None
