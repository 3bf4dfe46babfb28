"""Decks for the export tests: the largest shipped deck, and a deck whose every text field
holds what each format must escape."""

from __future__ import annotations

import pytest

from purgequiz import paths
from purgequiz.decks.fileformat import read_deck
from purgequiz.decks.model import Card, Citation, Deck, Rebuttal

# What a format could read as its own syntax: markup, GIFT's and Moodle's specials, CSV's
# separators and quotes, line breaks, and a character outside Latin-1.
AWKWARD = (
    'Ezhov\'s <script>alert("x")</script> {1937} ~ = # : "quoted" \'single\' '
    "tab\there & amp; new\nline; back\\slash; semi;colon, comma | pipe; Ежов"
)

SOURCE = Citation(
    id="doc-1",
    title=f"A title with {AWKWARD}",
    author="An <b>author</b>",
    publication="Socialist Appeal",
    date="5 October 1940",
    paragraphs=(3, 4),
    label="Wright, Socialist Appeal, 5 October 1940",
)


def _card(kind: str, number: int, **fields: object) -> Card:
    base: dict[str, object] = {
        "id": f"awkward-{kind}-{number}",
        "kind": kind,
        "template": f"awkward.{kind}",
        "prompt": f"Prompt {number}: {AWKWARD}?",
        "answer": f"Answer {number} {AWKWARD}",
        "explanation": f"Explanation {number}: {AWKWARD}",
        "sources": (SOURCE,),
        "fact_ids": (f"fact-{number}",),
        "topics": ("army", f"topic with {AWKWARD}"),
        "family": "awkward",
    }
    base.update(fields)
    return Card(**base)  # type: ignore[arg-type]


@pytest.fixture
def awkward_deck() -> Deck:
    """One card of each kind, every text in it holding :data:`AWKWARD`."""
    wrong = (f"Wrong A {AWKWARD}", f"Wrong B {AWKWARD}", f"Wrong C {AWKWARD}")
    question = _card(
        "question",
        1,
        answer_type="entity",
        accept=(f"Answer 1 {AWKWARD}", "answer one"),
        choices=(f"Answer 1 {AWKWARD}", *wrong),
        rebuttals=tuple(
            Rebuttal(choice=w, text=f"Why not: {AWKWARD}", sources=(SOURCE,)) for w in wrong
        ),
    )
    cards = (
        question,
        _card("cloze", 2, prompt=f"In 1938 ____ was {AWKWARD}.", accept=("answer two",)),
        _card("truefalse", 3, answer="True", answer_type="boolean", truth=True),
        _card("truefalse", 4, answer="False", answer_type="boolean", truth=False),
        _card(
            "ordering",
            5,
            answer_type="order",
            answer=" → ".join(("First <1>", "Second {2}", "Third ~3")),
            items=("First <1>", "Second {2}", "Third ~3"),
        ),
        _card(
            "matching",
            6,
            answer_type="pairs",
            answer="Yezhov: NKVD; Beria: NKVD",
            items=("Yezhov <a>", "Beria = b", "Frinovsky # c"),
            matches=("NKVD chief 1936 {x}", "NKVD chief 1938 ~y", "deputy : z"),
        ),
        _card(
            "question",
            7,
            answer="1,500",
            answer_type="number",
            accept=("1500", "1,500"),
            choices=("1,500", "150", "15,000", "500"),
        ),
        _card("flashcard", 8),
    )
    return Deck(
        id="awkward",
        title=f"Awkward <i>deck</i> {AWKWARD}",
        description=f"A deck to test escaping: {AWKWARD}",
        cards=cards,
        built_from={"seed": 1},
    )


@pytest.fixture(scope="session")
def shipped_deck() -> Deck:
    """The largest deck that ships: every card kind the generator makes."""
    return read_deck(paths.bundled_decks_dir() / "purges-all.json")
