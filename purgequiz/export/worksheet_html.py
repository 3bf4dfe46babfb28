"""The worksheet as one self-contained HTML page, laid out to be printed on A4.

Everything the page needs is inside it: its styles (``worksheet.css`` beside this module,
with the page's size and margins from :data:`MARGIN_MM`), no script, no font or picture to
fetch, and the policy :data:`~purgequiz.export.browser.NO_SCRIPTS` that keeps it so in any
browser. Every text from the deck is HTML-escaped. The answer key starts on a page of its
own, so the pages before it can be printed for a class.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from importlib.resources import files
from itertools import groupby
from pathlib import Path

from purgequiz.decks.model import Deck
from purgequiz.export.browser import NO_SCRIPTS
from purgequiz.export.formats import ExportFailed
from purgequiz.export.worksheet import (
    KEY_HEADING,
    KeyEntry,
    Question,
    Source,
    Worksheet,
    letter,
    worksheet,
)

__all__ = ["MARGIN_MM", "STYLESHEET", "number_ranges", "page", "render"]

MARGIN_MM = 18  # every side of an A4 page
STYLESHEET = "worksheet.css"  # beside this module
_COMPACT = ((14, "four"), (38, "two"))  # choices no longer than this go in that many columns


def render(deck: Deck, scratch: Path) -> bytes:
    """The ``html`` format: the deck's worksheet as a printable page (``scratch`` unused)."""
    return page(worksheet(deck)).encode("utf-8")


def page(sheet: Worksheet) -> str:
    """The whole page of ``sheet``, as HTML text."""
    style = _stylesheet()
    page_rule = f"@page {{ size: A4; margin: {MARGIN_MM}mm; }}\n"
    title = escape(sheet.title)
    description = f'<p class="description">{escape(sheet.description)}</p>\n' * bool(
        sheet.description
    )
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n'
        f"{NO_SCRIPTS}\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n"
        f"<style>\n{page_rule}{style}</style>\n"
        "</head>\n<body>\n"
        '<header class="sheet-head">\n'
        f"<h1>{title}</h1>\n{description}"
        '<p class="student"><span>Name</span><span class="blank wide"></span>'
        '<span>Class</span><span class="blank"></span>'
        '<span>Date</span><span class="blank"></span></p>\n'
        "</header>\n"
        '<ol class="questions">\n'
        + "".join(_question(q) for q in sheet.questions)
        + "</ol>\n"
        + _sources(sheet.sources)
        + _key(sheet.title, sheet.key)
        + "</body>\n</html>\n"
    )


def _stylesheet() -> str:
    try:
        return files("purgequiz.export").joinpath(STYLESHEET).read_text(encoding="utf-8")
    except OSError as error:
        raise ExportFailed(
            f"the worksheet's stylesheet {STYLESHEET} could not be read from this installation "
            f"of purgequiz ({error.strerror or error}); reinstall it"
        ) from None


def _number(number: int) -> str:
    return f'<span class="number">{number}.</span>'


def _box() -> str:
    return '<span class="box"></span>'


def _question(question: Question) -> str:
    hint = f' <span class="hint">{escape(question.hint)}</span>' * bool(question.hint)
    parts = [
        f'<li class="question {question.how}" id="q{question.number}">',
        _number(question.number),
        f'<div class="body">\n<p class="prompt">{escape(question.prompt)}{hint}</p>\n',
    ]
    if question.how == "choose":
        longest = max(len(choice) for choice in question.choices)
        columns = next((name for most, name in _COMPACT if longest <= most), "one")
        parts.append(f'<ol class="choices {columns}">')
        parts += (
            f'<li><span class="letter">{letter(i)}.</span> <span>{escape(choice)}</span></li>'
            for i, choice in enumerate(question.choices)
        )
        parts.append("</ol>\n")
    elif question.how == "write":
        width = " short" * question.short
        parts.append(f'<div class="lines{width}">' + '<span class="line"></span>' * question.lines)
        parts.append("</div>\n")
    elif question.how == "truefalse":
        parts.append(f'<p class="tick">{_box()} True {_box()} False</p>\n')
    elif question.how == "order":
        parts.append('<ul class="items">')
        parts += (f"<li>{_box()}<span>{escape(item)}</span></li>" for item in question.items)
        parts.append("</ul>\n")
    elif question.how == "match":
        parts.append(f'<table class="pairs left-{_left_share(question)}"><tbody>')
        parts += (
            f"<tr><td>{_box()}</td><td>{escape(item)}</td>"
            f'<td class="letter">{letter(i)}.</td><td>{escape(match)}</td></tr>'
            for i, (item, match) in enumerate(zip(question.items, question.matches, strict=True))
        )
        parts.append("</tbody></table>\n")
    parts.append("</div></li>\n")
    return "".join(parts)


def _left_share(question: Question) -> int:
    """The share of the width, in percent, that a matching card's left-hand texts take:
    their part of the longest texts on both sides, to the nearest ten, from 30 to 60."""
    left = max(len(item) for item in question.items)
    right = max(len(match) for match in question.matches)
    return min(60, max(30, round(10 * left / (left + right)) * 10))


def number_ranges(numbers: Iterable[int]) -> str:
    """'1–5, 7, 9–12': ascending numbers with each run of consecutive ones as a range."""
    runs = []
    for _, run in groupby(enumerate(sorted(numbers)), key=lambda pair: pair[1] - pair[0]):
        values = [n for _, n in run]
        runs.append(str(values[0]) if len(values) == 1 else f"{values[0]}\u2013{values[-1]}")
    return ", ".join(runs)


def _source(source: Source) -> str:
    questions = f"Question{'s' * (len(source.questions) != 1)} {number_ranges(source.questions)}"
    label = f"<p>{escape(source.label)}</p>" if source.label else ""
    return (
        f'<li><span class="number">[{source.number}]</span><div class="body">{label}'
        f'<p>{escape(source.reference)}</p><p class="cited">{questions}</p></div></li>\n'
    )


def _sources(sources: tuple[Source, ...]) -> str:
    if not sources:
        return ""
    items = "".join(_source(source) for source in sources)
    return f'<section class="sources">\n<h2>Sources</h2>\n<ol>\n{items}</ol>\n</section>\n'


def _entry(entry: KeyEntry) -> str:
    if entry.boxes:  # what the boxes hold, then the right order or the pairs
        body = (
            f'<p class="answer"><strong>Boxes from the top: {escape(entry.mark)}</strong></p>'
            f"<p>{escape(entry.answer)}</p>"
        )
    else:  # the letter or the box to tick, and the answer, all to be seen at a glance
        mark = escape(entry.mark + "." if entry.mark and entry.answer else entry.mark)
        answer = " ".join(part for part in (mark, escape(entry.answer)) if part)
        body = f'<p class="answer">{answer}</p>'
    if entry.explanation:
        body += f'<p class="explanation">{escape(entry.explanation)}</p>'
    if entry.why_not:
        body += '<ul class="why-not">'
        body += "".join(f"<li>{escape(line)}</li>" for line in entry.why_not) + "</ul>"
    if entry.sources:
        body += f'<p class="cited">{escape(entry.sources)}</p>'
    return f'<li class="entry">{_number(entry.number)}<div class="body">{body}</div></li>\n'


def _key(title: str, key: tuple[KeyEntry, ...]) -> str:
    entries = "".join(_entry(entry) for entry in key)
    return (
        f'<section class="key">\n<h2>{escape(KEY_HEADING)}</h2>\n'
        f'<p class="description">{escape(title)}</p>\n<ol>\n{entries}</ol>\n</section>\n'
    )
