"""Every format `purgequiz export` writes, by name and by file ending."""

from __future__ import annotations

from pathlib import Path

from purgequiz.export.anki import APKG
from purgequiz.export.formats import ExportFormat
from purgequiz.export.spreadsheet import CSV, TSV

__all__ = ["FORMATS", "by_name", "by_suffix"]

FORMATS: tuple[ExportFormat, ...] = (
    APKG,
    CSV,
    TSV,
)


def by_name(name: str) -> ExportFormat | None:
    return next((f for f in FORMATS if f.name == name), None)


def by_suffix(path: Path) -> ExportFormat | None:
    """The one format whose files end as ``path`` does, if only one does."""
    found = [f for f in FORMATS if path.name.lower().endswith(f.suffix)]
    return found[0] if len(found) == 1 else None
