"""A deck as GIFT, the plain-text question format Moodle imports (Question bank → Import → GIFT).

Each card is one question, asked as :mod:`purgequiz.export.quizkinds` decides, named by the
card's id and preceded by a comment naming it; a ``$CATEGORY:`` line opens each category
(the deck's title, then the topic). Texts are HTML (``[html]``), escaped so that Moodle shows
them as they are, then escaped for GIFT: ``~ = # { } :`` and the backslash take a backslash,
a line break is written ``\\n``. What a student types is compared with the accepted spellings
and the figures themselves, so those are escaped for GIFT alone (and ``*``, Moodle's
wildcard in a short answer, taken literally).

GIFT has no ordering question: an ordering card is a matching question whose events are
each matched with their place in the order ('1st', '2nd', …), graded item by item. Nor can it
write ``->`` in a short answer (Moodle would read a matching question): such a spelling is
left out, and a card left with none is an essay.
"""

from __future__ import annotations

import html
from pathlib import Path

from purgequiz.decks.model import Card, Deck
from purgequiz.export import quizkinds as qk
from purgequiz.export.formats import ExportFormat
from purgequiz.visible import visible

__all__ = ["FORMAT", "gift_text", "render"]

_SPECIAL = "~=#{}:"


def escape(text: str) -> str:
    """``text`` with GIFT's special characters escaped, on one line."""
    out = text.replace("\\", "\\\\")
    for char in _SPECIAL:
        out = out.replace(char, "\\" + char)
    return out.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def _html(text: str) -> str:
    """Deck text for an HTML field, escaped for GIFT. A text that opens with '[' would be
    read as naming its format: the bracket is written as an entity."""
    shown = qk.as_html(text).strip()
    if shown.startswith("["):
        shown = "&#91;" + shown[1:]
    return escape(shown)


def _typed(text: str) -> str:
    """An accepted spelling: compared with what is typed, so not HTML; Moodle's wildcard
    ``*`` taken literally."""
    return escape(qk.shown(text).strip().replace("*", "\\*"))


def _feedback(paragraphs: list[str]) -> str:
    return escape(qk.paragraphs_html(paragraphs)) if paragraphs else ""


def _category(path: tuple[str, ...]) -> str:
    """A ``$CATEGORY:`` line's path: the names as Moodle shows them (HTML), a slash within a
    name doubled; the line is read without GIFT's escapes, so only backslashes are doubled."""
    names = [html.escape(" ".join(qk.shown(n).split()), quote=False) for n in path]
    return "/".join(n.replace("/", "//") for n in names).replace("\\", "\\\\")


def _kind(card: Card) -> qk.QuizKind:
    """The question a card is asked as in GIFT (see the module's docstring)."""
    kind = qk.kind_of(card)
    if kind == "shortanswer" and not _spellings(card):
        return "essay"
    return kind


def _spellings(card: Card) -> list[str]:
    return [s for s in qk.spellings(card) if "->" not in s]


def _answers(card: Card, kind: qk.QuizKind) -> list[str]:
    """The lines between the braces, without the general feedback."""
    if kind == "truefalse":
        return ["TRUE" if card.truth else "FALSE"]
    if kind == "multichoice":
        lines = []
        for choice in qk.choices(card):
            text = _html(choice.text)
            if choice.correct:
                lines.append(f"={text}")
            else:
                weight = "%0%" if text.startswith("%") else ""  # not read as a weight
                why = _feedback(qk.rebuttal_paragraphs(choice.rebuttal))
                lines.append(f"~{weight}{text}" + (f"#{why}" if why else ""))
        return lines
    if kind == "shortanswer":
        return [f"=%100%{_typed(s)}" for s in _spellings(card)]
    if kind == "numerical":
        lines = ["#"]
        for answer in qk.figure_answers(card):
            figure = answer.figure
            value = (
                f"{qk.number(figure.low)}..{qk.number(figure.high)}"
                if figure.is_range
                else f"{qk.number(figure.low)}:0"
            )
            why = _feedback(qk.rebuttal_paragraphs(answer.rebuttal))
            lines.append(f"=%{100 if answer.correct else 0}%{value}" + (f"#{why}" if why else ""))
        return lines
    if kind in ("matching", "ordering"):
        return [
            f"={_html(left)} -> {escape(qk.as_html_line(right).strip())}"
            for left, right in qk.pairs(card)
        ]
    return []  # an essay


def question(card: Card) -> str:
    """One card as a GIFT question, with a comment naming the card."""
    lines = [
        f"// card {visible(card.id)}",
        f"::{_html(card.id)}::[html]{_html(card.prompt)}{{",
    ]
    kind = _kind(card)
    lines += [f"\t{line}" for line in _answers(card, kind)]
    general = _feedback(qk.feedback_paragraphs(card, kind))
    if general:
        lines.append(f"\t####{general}")
    lines.append("}")
    return "\n".join(lines)


def gift_text(deck: Deck) -> str:
    """The whole deck as a GIFT file: a comment naming it, then each category's line and
    its questions, each block after a blank line."""
    count = len(deck.cards)
    blocks = [
        f"// {visible(deck.title)} ({visible(deck.id)}): "
        f"{count} card{'s' * (count != 1)}, from purgequiz"
    ]
    for path, cards in qk.by_category(deck):
        blocks.append(f"$CATEGORY: {_category(path)}")
        blocks += [question(card) for card in cards]
    return "\n\n".join(blocks) + "\n"


def render(deck: Deck, scratch: Path) -> bytes:
    return gift_text(deck).encode("utf-8")


FORMAT = ExportFormat("gift", ".gift.txt", "GIFT questions for Moodle", render)
