"""A strict GIFT reader for the tests, reading a file by the rules Moodle's importer follows.

Questions are separated by blank lines; a line starting with ``//`` is a comment. The escapes
``\\\\ \\~ \\= \\# \\{ \\} \\: \\n`` stand for the character (a line break for ``\\n``) and are
set aside before anything else is read. A ``$CATEGORY:`` block names a category. A question
is an optional ``::name::``, its text (an optional ``[format]`` first), then the answers
between the first ``{`` and the first ``}``, the last thing in the block; ``####`` opens the
general feedback. The answers' first character says the question's type: ``#`` numerical,
any ``~`` multiple choice, ``=`` with ``->`` matching, ``TRUE``/``FALSE`` true/false, other
``=`` answers a short answer, nothing at all an essay. Anything else is refused, so that a
file Moodle would misread fails the tests rather than passing them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ESCAPES = {":": "\x01", "#": "\x02", "=": "\x03", "{": "\x04", "}": "\x05", "~": "\x06"}
_BACKSLASH, _NEWLINE = "\x07", "\x08"
_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d*)?)%")


class GiftError(ValueError):
    """The file is not GIFT that Moodle reads as it was meant."""


def _protect(text: str) -> str:
    if any(c in text for c in "\x01\x02\x03\x04\x05\x06\x07\x08"):
        raise GiftError("a raw control character in the file")
    text = text.replace("\\\\", _BACKSLASH)
    for char, mark in _ESCAPES.items():
        text = text.replace("\\" + char, mark)
    text = text.replace("\\n", _NEWLINE)
    return text.replace(_BACKSLASH, "\\")


def _restore(text: str) -> str:
    for char, mark in _ESCAPES.items():
        text = text.replace(mark, char)
    return text.replace(_NEWLINE, "\n")


@dataclass
class Answer:
    text: str
    fraction: float
    feedback: str = ""


@dataclass
class Number:
    low: float
    high: float
    fraction: float
    feedback: str = ""


@dataclass
class Question:
    category: str
    name: str
    format: str
    text: str
    kind: str  # multichoice, truefalse, shortanswer, numerical, matching, essay
    general: str = ""
    answers: list[Answer] = field(default_factory=list)
    numbers: list[Number] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)
    truth: bool | None = None
    comments: list[str] = field(default_factory=list)


def _format(text: str, default: str) -> tuple[str, str]:
    text = text.strip()
    found = re.match(r"^\[(moodle|html|plain|markdown)\]", text)
    if found:
        return found[1], _restore(text[found.end() :]).strip()
    return default, _restore(text).strip()


def _weighted(answer: str, default: float) -> tuple[float, str]:
    found = _WEIGHT.match(answer)
    if found:
        return float(found[1]) / 100, answer[found.end() :]
    return default, answer


def _feedback(answer: str, form: str) -> tuple[str, str]:
    text, _, feedback = answer.partition("#")
    return _format(text, form)[1], _format(feedback, form)[1]


def _split(body: str, mark: str) -> list[str]:
    parts = [p.strip() for p in body.split(mark)]
    if parts and not parts[0]:
        parts.pop(0)
    if any(not p for p in parts):
        raise GiftError(f"an empty answer in {body!r}")
    return parts


def read_gift(source: str) -> list[Question]:
    """Every question of a GIFT file, each with the category it falls under."""
    blocks: list[list[str]] = [[]]
    for line in source.splitlines():
        if not line.strip():
            blocks.append([])
        else:
            blocks[-1].append(line.strip())
    category = ""
    questions: list[Question] = []
    for lines in blocks:
        comments = [line[2:].strip() for line in lines if line.startswith("//")]
        text = _protect("\n".join(line for line in lines if not line.startswith("//")).strip())
        if not text:
            continue
        if text.startswith("$CATEGORY:"):
            category = text[len("$CATEGORY:") :].strip()
            if "\n" in category:
                raise GiftError(f"a category block holds more than its line: {text!r}")
            continue
        questions.append(_question(text, category, comments))
    return questions


def _question(text: str, category: str, comments: list[str]) -> Question:
    name = ""
    if text.startswith("::"):
        end = text.index("::", 2)
        name, text = _restore(text[2:end]), text[end + 2 :].strip()
    start, end = text.find("{"), text.find("}")
    if start < 0 or end < start or text[end + 1 :].strip():
        raise GiftError(f"the answers must close the question: {text!r}")
    if "{" in text[start + 1 : end]:
        raise GiftError(f"an unescaped brace inside the answers: {text!r}")
    form, prompt = _format(text[:start], "moodle")
    body = text[start + 1 : end].strip()
    general = ""
    if "####" in body:
        body, general = body[: body.rindex("####")].strip(), body[body.rindex("####") + 4 :]
    question = Question(category, name, form, prompt, "", _format(general, form)[1], [], [], [])
    question.comments = comments
    if not body:
        question.kind = "essay"
    elif body.startswith("#"):
        question.kind = "numerical"
        if "~" in body:
            raise GiftError("a catch-all wrong answer is not written by the export")
        for answer in _split(body[1:], "="):
            fraction, answer = _weighted(answer, 1.0)
            value, feedback = _feedback(answer, form)
            if ".." in value:
                low, high = (float(v) for v in value.split(".."))
            else:
                middle, _, margin = value.partition(":")
                low = float(middle) - float(margin or 0)
                high = float(middle) + float(margin or 0)
            question.numbers.append(Number(low, high, fraction, feedback))
    elif "~" in body:
        question.kind = "multichoice"
        for answer in _split(body.replace("=", "~="), "~"):
            if answer.startswith("="):
                fraction, answer = 1.0, answer[1:]
            else:
                fraction, answer = _weighted(answer, 0.0)
            choice, feedback = _feedback(answer, form)
            question.answers.append(Answer(choice, fraction, feedback))
    elif "=" in body and "->" in body:
        question.kind = "matching"
        for answer in _split(body, "="):
            left, arrow, right = answer.partition("->")
            if not arrow:
                raise GiftError(f"a matching answer without '->': {answer!r}")
            question.pairs.append((_format(left, form)[1], _restore(right).strip()))
    elif body.partition("#")[0].strip() in ("T", "TRUE", "F", "FALSE"):
        question.kind = "truefalse"
        question.truth = body.partition("#")[0].strip() in ("T", "TRUE")
    else:
        question.kind = "shortanswer"
        for answer in _split(body, "="):
            fraction, answer = _weighted(answer, 1.0)
            spelling, feedback = _feedback(answer, form)
            question.answers.append(Answer(spelling, fraction, feedback))
    return question
