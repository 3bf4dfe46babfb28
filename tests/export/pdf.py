"""Reading a PDF back for the tests: its text page by page (pdftotext) and its page count."""

from __future__ import annotations

import subprocess
from pathlib import Path

__all__ = ["pdf_pages"]


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page of ``pdf``, laid out as on the page."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout
    pages = text.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages
