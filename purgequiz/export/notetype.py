"""The purgequiz note type: a card as an Anki note, and the templates Anki shows it with.

A note has the fields :data:`FIELDS`, in HTML (Anki's fields are HTML, so every text from the
deck is escaped and shows as the same text); its tags name the card's topics and question
family; its GUID is drawn from the card's id. The package (:mod:`purgequiz.export.anki`) and
the CSV (:mod:`purgequiz.export.spreadsheet`) both use it, so a CSV import lands in the same
note type, and either updates the notes the other made instead of adding them again.

What the front shows beneath the prompt (the ``Choices`` field) depends on the card's kind:
the choices; the things to put in order, shuffled; the things to match, then (shuffled)
what they are matched with; for a true/false card, the words "True or false?". The back
adds the answer (the correct order, the pairs, the verdict), the explanation, why each
wrong choice is wrong, and the sources.
"""

from __future__ import annotations

import hashlib
import html

from purgequiz.decks.model import Card, Deck, Rebuttal
from purgequiz.export.cardtext import citations, pairs, shuffled

__all__ = [
    "BACK",
    "CSS",
    "FIELDS",
    "FRONT",
    "MODEL_ID",
    "NAME",
    "deck_id",
    "deck_name",
    "fields",
    "guid",
    "stable_id",
    "tags",
    "text",
]

NAME = "purgequiz"
FIELDS = ("Prompt", "Answer", "Choices", "Explanation", "Rebuttals", "Source")

FRONT = """\
<div class="pq-prompt">{{Prompt}}</div>
{{#Choices}}<div class="pq-shown">{{Choices}}</div>{{/Choices}}
"""
BACK = """\
{{FrontSide}}
<hr id="answer">
<div class="pq-answer">{{Answer}}</div>
{{#Explanation}}<div class="pq-explanation">{{Explanation}}</div>{{/Explanation}}
{{#Rebuttals}}<div class="pq-heading">Why not the others</div>{{Rebuttals}}{{/Rebuttals}}
{{#Source}}<div class="pq-heading">Source</div><div class="pq-source">{{Source}}</div>{{/Source}}
"""
# No colours of its own: Anki's light and dark themes both stay readable.
CSS = """\
.card {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  font-size: 20px;
  line-height: 1.45;
  text-align: left;
  max-width: 38em;
  margin: 0 auto;
  padding: 0 0.6em;
}
.pq-prompt { font-size: 1.1em; margin-bottom: 0.5em; }
.pq-choices { list-style-type: upper-alpha; }
.pq-shown ul, .pq-shown ol, .pq-answer ul, .pq-answer ol, .pq-rebuttals { padding-left: 1.4em; }
.pq-shown li, .pq-answer li, .pq-rebuttals li { margin: 0.2em 0; }
.pq-right { list-style-type: upper-alpha; }
.pq-hint { font-style: italic; opacity: 0.75; }
.pq-answer { font-weight: bold; }
.pq-answer li { font-weight: normal; }
.pq-explanation { margin-top: 0.6em; }
.pq-heading {
  margin: 1.1em 0 0.2em;
  font-size: 0.75em;
  letter-spacing: 0.06em;
  text-transform: uppercase;
  opacity: 0.7;
}
.pq-source { font-size: 0.85em; opacity: 0.8; }
"""


def stable_id(name: str) -> int:
    """An Anki id drawn from ``name``, the same on every export, between 2**30 and 2**31 as
    genanki advises for model and deck ids."""
    digest = hashlib.sha256(name.encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


MODEL_ID = stable_id("purgequiz note type, version 1")


def deck_id(deck: Deck) -> int:
    """The Anki deck's id, drawn from the deck's id."""
    return stable_id(f"purgequiz deck {deck.id}")


def deck_name(deck: Deck) -> str:
    """The deck's title on one line, as Anki names its decks."""
    return " ".join(deck.title.split()) or deck.id


def guid(card: Card) -> str:
    """The note's GUID, drawn from the card's id: a deck exported again updates its notes in
    Anki instead of adding them twice. (Letters and digits only, so that a spreadsheet
    leaves the CSV's GUID column as it is.)"""
    return "pq" + hashlib.sha256(f"purgequiz card {card.id}".encode()).hexdigest()[:20]


def tags(card: Card) -> tuple[str, ...]:
    """``topic::army``, ``family::chronology``: Anki tags hold no spaces."""
    named = [f"topic::{topic}" for topic in card.topics]
    if card.family:
        named.append(f"family::{card.family}")
    return tuple(dict.fromkeys("_".join(tag.split()) for tag in named))


def text(value: str) -> str:
    """Deck text as HTML that shows it as it is: markup characters escaped, line breaks kept."""
    return html.escape(value, quote=False).replace("\n", "<br>")


def _items(tag: str, css: str, entries: list[str]) -> str:
    return f'<{tag} class="{css}">' + "".join(f"<li>{e}</li>" for e in entries) + f"</{tag}>"


def _shown(card: Card) -> str:
    if card.kind == "truefalse":
        return '<p class="pq-hint">True or false?</p>'
    if card.kind == "ordering":
        return _items("ul", "pq-items", [text(item) for item in shuffled(card, card.items)])
    if card.kind == "matching":  # two lists, one under the other: no row reads as a pair
        left = _items("ol", "pq-left", [text(item) for item in card.items])
        right = _items("ol", "pq-right", [text(m) for m in shuffled(card, card.matches)])
        return f'{left}<p class="pq-hint">Match each with one of these:</p>{right}'
    if card.choices:
        return _items("ol", "pq-choices", [text(choice) for choice in card.choices])
    return ""


def _answer(card: Card) -> str:
    if card.kind == "ordering":
        return _items("ol", "pq-order", [text(item) for item in card.items])
    if card.kind == "matching":
        return _items("ul", "pq-pairs", [f"{text(a)} \u2192 {text(b)}" for a, b in pairs(card)])
    return text(card.answer)


def _rebuttal(rebuttal: Rebuttal, cited: tuple[str, ...]) -> str:
    said = f"<b>Why not {text(rebuttal.choice)}:</b> {text(rebuttal.text)}"
    more = [line for line in citations(rebuttal.sources) if line not in cited]
    return said + (f" (Source: {text('; '.join(more))})" if more else "")


def _rebuttals(card: Card) -> str:
    if not card.rebuttals:
        return ""
    cited = citations(card.sources)
    return _items("ul", "pq-rebuttals", [_rebuttal(r, cited) for r in card.rebuttals])


def fields(card: Card) -> tuple[str, ...]:
    """The note's fields, in the order of :data:`FIELDS`."""
    return (
        text(card.prompt),
        _answer(card),
        _shown(card),
        text(card.explanation),
        _rebuttals(card),
        "<br>".join(text(line) for line in citations(card.sources)),
    )
