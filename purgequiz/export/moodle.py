"""A deck as Moodle XML (Question bank → Import → Moodle XML format).

Each card is one ``<question>``, asked as :mod:`purgequiz.export.quizkinds` decides, named
and numbered (``<idnumber>``) by the card's id and tagged with its topics; a
``<question type="category">`` opens each category (the deck's title, then the topic). An
ordering card is an ``ordering`` question (Moodle's ordering question type), graded all or
nothing as the app grades it.

Every text is ``format="html"``: deck text is HTML-escaped, so that Moodle shows it as it
is, then written by the XML writer, which escapes it once more for XML. What a student types
is compared with the accepted spellings and the figures themselves, so those are not HTML
(and ``*``, Moodle's wildcard in a short answer, is taken literally).
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from pathlib import Path

from purgequiz.decks.model import Card, Deck
from purgequiz.export import quizkinds as qk
from purgequiz.export.formats import ExportFormat

__all__ = ["FORMAT", "moodle_xml", "render"]

_IDNUMBER_LIMIT = 100  # Moodle keeps an idnumber of at most 100 characters


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def _text(parent: ET.Element, tag: str, text: str, form: str | None = "html") -> ET.Element:
    """``<tag format="html"><text>…</text></tag>``."""
    element = _sub(parent, tag, **({"format": form} if form else {}))
    _sub(element, "text", text)
    return element


def _answer(parent: ET.Element, fraction: str, text: str, feedback: str = "") -> ET.Element:
    answer = _sub(parent, "answer", fraction=fraction, format="html")
    _sub(answer, "text", text)
    if feedback:
        _text(answer, "feedback", feedback)
    return answer


def _typed_answer(parent: ET.Element, fraction: str, text: str, feedback: str) -> ET.Element:
    """An answer compared with what is typed: plain, as it is."""
    answer = _sub(parent, "answer", fraction=fraction, format="moodle_auto_format")
    _sub(answer, "text", text)
    if feedback:
        _text(answer, "feedback", feedback)
    return answer


def _category(quiz: ET.Element, path: tuple[str, ...]) -> None:
    names = [html.escape(" ".join(qk.shown(n).split()), quote=False) for n in path]
    question = _sub(quiz, "question", type="category")
    _text(question, "category", "/".join(n.replace("/", "//") for n in names), form=None)


def _body(question: ET.Element, card: Card, kind: qk.QuizKind) -> None:
    """What is particular to each kind of question."""
    if kind == "multichoice":
        _sub(question, "single", "true")
        _sub(question, "shuffleanswers", "true")
        _sub(question, "answernumbering", "abc")
        for choice in qk.choices(card):
            why = qk.paragraphs_html(qk.rebuttal_paragraphs(choice.rebuttal))
            _answer(question, "100" if choice.correct else "0", qk.as_html(choice.text), why)
    elif kind == "truefalse":
        for value in (True, False):
            fraction = "100" if value == card.truth else "0"
            _typed_answer(question, fraction, str(value).lower(), "")
    elif kind == "shortanswer":
        _sub(question, "usecase", "0")
        for spelling in qk.spellings(card):
            _typed_answer(question, "100", qk.shown(spelling).strip().replace("*", "\\*"), "")
    elif kind == "numerical":
        for found in qk.figure_answers(card):
            why = qk.paragraphs_html(qk.rebuttal_paragraphs(found.rebuttal))
            answer = _typed_answer(
                question, "100" if found.correct else "0", qk.number(found.figure.middle), why
            )
            _sub(answer, "tolerance", qk.number(found.figure.margin))
        _sub(question, "unitgradingtype", "0")
        _sub(question, "unitpenalty", "0.1000000")
        _sub(question, "showunits", "3")
        _sub(question, "unitsleft", "0")
    elif kind == "matching":
        _sub(question, "shuffleanswers", "true")
        for left, right in zip(card.items, card.matches, strict=True):
            sub = _text(question, "subquestion", qk.as_html(left))
            _text(sub, "answer", qk.as_html_line(right), form=None)
    elif kind == "ordering":
        _sub(question, "layouttype", "VERTICAL")
        _sub(question, "selecttype", "ALL")
        _sub(question, "selectcount", str(len(card.items)))
        _sub(question, "gradingtype", "ALL_OR_NOTHING")
        _sub(question, "showgrading", "SHOW")
        _sub(question, "numberingstyle", "none")
        for place, item in enumerate(card.items, start=1):
            answer = _sub(question, "answer", fraction=str(place), format="html")
            _sub(answer, "text", qk.as_html(item))
    else:  # an essay: the model answer, explanation and sources for whoever grades it
        _sub(question, "responseformat", "editor")
        _sub(question, "responserequired", "1")
        _sub(question, "responsefieldlines", "10")
        _sub(question, "attachments", "0")
        _sub(question, "attachmentsrequired", "0")
        _text(question, "graderinfo", qk.paragraphs_html(qk.feedback_paragraphs(card)))
        _text(question, "responsetemplate", "")


def _question(quiz: ET.Element, card: Card) -> None:
    kind = qk.kind_of(card)
    question = _sub(quiz, "question", type=kind)  # the kinds are named as Moodle names them
    _text(question, "name", html.escape(qk.shown(card.id), quote=False), form=None)
    _text(question, "questiontext", qk.as_html(card.prompt))
    _text(question, "generalfeedback", qk.paragraphs_html(qk.feedback_paragraphs(card)))
    _sub(question, "defaultgrade", "1")
    _sub(question, "penalty", "0.3333333")
    _sub(question, "hidden", "0")
    if len(card.id) <= _IDNUMBER_LIMIT:
        _sub(question, "idnumber", qk.shown(card.id))
    _body(question, card, kind)
    topics = [t for t in card.topics if t.strip()]
    if topics:
        tags = _sub(question, "tags")
        for topic in topics:
            _text(tags, "tag", " ".join(qk.shown(topic).split()), form=None)


def moodle_xml(deck: Deck) -> bytes:
    """The whole deck as a Moodle XML file: each category, then its questions."""
    quiz = ET.Element("quiz")
    for path, cards in qk.by_category(deck):
        _category(quiz, path)
        for card in cards:
            _question(quiz, card)
    ET.indent(quiz)
    data: bytes = ET.tostring(quiz, encoding="utf-8", xml_declaration=True)
    return data + b"\n"


def render(deck: Deck, scratch: Path) -> bytes:
    return moodle_xml(deck)


FORMAT = ExportFormat("moodle-xml", ".moodle.xml", "Moodle XML questions", render)
