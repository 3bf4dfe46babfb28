"""Reading a PDF back for the tests: its text page by page, and where each word lies on its
page (pdftotext)."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

__all__ = ["Page", "Word", "pdf_pages", "pdf_words"]


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page of ``pdf``, laid out as on the page."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout
    pages = text.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


@dataclass(frozen=True)
class Word:
    text: str
    left: float  # points from the page's left edge
    top: float  # points from the page's top edge
    right: float
    bottom: float


@dataclass(frozen=True)
class Page:
    width: float  # points
    height: float
    words: tuple[Word, ...]


class _Boxes(HTMLParser):
    """The pages and words of ``pdftotext -bbox`` output."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pages: list[Page] = []
        self._word: dict[str, float] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("page", "word"):
            return
        values = {name: float(value or 0) for name, value in attrs}
        if tag == "page":
            self.pages.append(Page(values["width"], values["height"], ()))
        elif tag == "word":
            self._word = values

    def handle_data(self, data: str) -> None:
        if self._word is not None:
            box, page = self._word, self.pages[-1]
            word = Word(data, box["xmin"], box["ymin"], box["xmax"], box["ymax"])
            self.pages[-1] = Page(page.width, page.height, (*page.words, word))
            self._word = None


def pdf_words(pdf: Path) -> list[Page]:
    """Each page of ``pdf`` with its size and every word's box on it (pdftotext -bbox)."""
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout
    parser = _Boxes()
    parser.feed(boxes)
    parser.close()
    return parser.pages
