"""The worksheet in Markdown, for a teacher to edit before printing.

The questions are a numbered list, choices a list under each, boxes to fill in written
``( )``, and dotted lines to write on; the answer key follows a rule and a heading of its
own. Every text from the deck is escaped (:func:`escape`) so that Markdown shows it as it
is: no emphasis, link, heading, list or HTML comes out of a deck's words.
"""

from __future__ import annotations

import re
from pathlib import Path

from purgequiz.decks.model import Deck
from purgequiz.export.worksheet import (
    KEY_HEADING,
    KeyEntry,
    Question,
    Source,
    Worksheet,
    letter,
    worksheet,
)
from purgequiz.export.worksheet_html import number_ranges

__all__ = ["document", "escape", "render"]

_LINE = "." * 72  # a dotted line to write on
_SHORT_LINE = "." * 36
# What Markdown (CommonMark, and GitHub's tables and strikethrough) can read as its own
# syntax anywhere in a line: escapes, code, emphasis, links, HTML and entities, headings.
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~&])")
# What makes a list, a heading's underline or a rule at the start of a line.
_LINE_START = re.compile(r"^(?:([-+=])|(\d+)([.)]))")


def escape(text: str, *, starts_line: bool = False) -> str:
    """``text`` (on one line) with a backslash before every character Markdown could read as
    markup: it renders as exactly ``text``. A text that ``starts_line`` also has what would
    begin a list, a rule or a heading's underline escaped."""
    escaped = _SPECIAL.sub(r"\\\1", text)
    if not starts_line:
        return escaped
    return _LINE_START.sub(
        lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}",
        escaped,
    )


def render(deck: Deck, scratch: Path) -> bytes:
    """The ``markdown`` format: the deck's worksheet as Markdown text (``scratch`` unused)."""
    return document(worksheet(deck)).encode("utf-8")


def document(sheet: Worksheet) -> str:
    """The whole worksheet ``sheet`` as Markdown text."""
    blocks = [f"# {escape(sheet.title)}"]
    if sheet.description:
        blocks.append(f"*{escape(sheet.description)}*")
    blocks.append(f"Name: {_LINE[:40]} Class: {_LINE[:16]} Date: {_LINE[:16]}")
    blocks += (_question(question) for question in sheet.questions)
    if sheet.sources:
        blocks.append("## Sources")
        blocks += (_source(source) for source in sheet.sources)
    blocks += ["---", f"## {escape(KEY_HEADING)}"]
    if sheet.title:
        blocks.append(f"*{escape(sheet.title)}*")
    blocks += (_entry(entry) for entry in sheet.key)
    return "\n\n".join(blocks) + "\n"


def _item(number: int, parts: list[str]) -> str:
    """A numbered list item: its first part after the number, the rest indented under it."""
    marker = f"{number}. "
    first, *rest = "\n\n".join(parts).split("\n")
    return marker + first + "".join("\n" + " " * len(marker) * bool(line) + line for line in rest)


def _question(question: Question) -> str:
    hint = f" *{escape(question.hint)}*" if question.hint else ""
    parts = [escape(question.prompt) + hint]
    if question.how == "choose":
        parts.append(
            "\n".join(f"- {letter(i)}. {escape(c)}" for i, c in enumerate(question.choices))
        )
    elif question.how == "write":
        line = _SHORT_LINE if question.short else _LINE
        parts.append("\\\n".join([line] * question.lines))
    elif question.how == "truefalse":
        parts.append("( ) True \u2003 ( ) False")
    elif question.how == "order":
        parts.append("\n".join(f"- ( ) {escape(item)}" for item in question.items))
    elif question.how == "match":
        parts.append("\n".join(f"- ( ) {escape(item)}" for item in question.items))
        parts.append("Their matches:")  # also keeps the two lists apart
        parts.append(
            "\n".join(f"- {letter(i)}. {escape(m)}" for i, m in enumerate(question.matches))
        )
    return _item(question.number, parts)


def _source(source: Source) -> str:
    lines = [escape(source.label)] if source.label else []
    lines.append(escape(source.reference, starts_line=True))
    plural = "s" * (len(source.questions) != 1)
    lines.append(f"*Question{plural} {number_ranges(source.questions)}*")
    return _item(source.number, ["\\\n".join(lines)])


def _entry(entry: KeyEntry) -> str:
    if entry.boxes:
        answer = escape(entry.answer, starts_line=True)
        parts = [f"**Boxes from the top: {escape(entry.mark)}**", answer]
    else:
        mark = escape(entry.mark + "." if entry.mark and entry.answer else entry.mark)
        mark = f"**{mark}**" if mark else ""
        parts = [" ".join(part for part in (mark, escape(entry.answer)) if part)]
    if entry.explanation:
        parts.append(escape(entry.explanation, starts_line=True))
    if entry.why_not:
        parts.append("\n".join(f"- {escape(line)}" for line in entry.why_not))
    if entry.sources:
        parts.append(f"*{escape(entry.sources)}*")
    return _item(entry.number, parts)
