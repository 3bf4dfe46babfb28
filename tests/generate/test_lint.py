"""The deck lint: each check of the rubric catches its kind of flaw, and the shipped decks
pass them all."""

from __future__ import annotations

from dataclasses import replace

import pytest

from purgequiz import paths
from purgequiz.decks.fileformat import read_deck
from purgequiz.decks.model import Card, Citation, Rebuttal
from purgequiz.facts import FactBase
from purgequiz.generate.lint import lint_card
from purgequiz.generate.shipped import SHIPPED

SOURCE = Citation("s", "T", "A", "P", None, (1,))


def _card(**changes) -> Card:
    wrong = ("Yagoda", "Beria", "Vyshinsky")
    card = Card(
        id="f:t",
        kind="question",
        template="t",
        prompt="Who headed the NKVD in 1937?",
        answer="Yezhov",
        explanation="x",
        sources=(SOURCE,),
        fact_ids=("f",),
        topics=(),
        answer_type="entity",
        accept=("Yezhov",),
        choices=("Yezhov", *wrong),
        rebuttals=tuple(Rebuttal(w, f"{w} did something else.", (SOURCE,)) for w in wrong),
    )
    return replace(card, **changes)


def _rules(card: Card, base: FactBase | None = None) -> list[str]:
    return [f.message for f in lint_card(card, base)]


def test_a_good_card_passes():
    """A plain question with like choices and their rebuttals has no findings."""
    assert _rules(_card()) == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"prompt": "Who, as the chapter says, headed the NKVD?"}, "needs the document"),
        ({"prompt": "Who headed it, as footnote 226 explains?"}, "needs the document"),
        ({"prompt": "Who also headed the NKVD?"}, "refers to something it does not name"),
        ({"prompt": "Which of these headed the NKVD?", "choices": ()}, "without choices"),
        (
            {
                "answer": (
                    "the People's Commissar of Internal Affairs and head of the secret police"
                ),
                "answer_type": "text",
                "choices": (),
                "rebuttals": (),
            },
            "cannot be typed",
        ),
        ({"rebuttals": ()}, "has no rebuttal"),
        (
            {"choices": ("Yezhov", "yagoda", "beria", "vyshinsky"), "rebuttals": ()},
            "cased differently",
        ),
    ],
)
def test_each_check_catches_its_flaw(changes: dict, expected: str):
    """Furniture words, dangling words, 'which of these' without choices, untypeable keys,
    missing rebuttals and a key cased apart are each reported."""
    assert any(expected in message for message in _rules(_card(**changes))), _rules(
        _card(**changes)
    )


def test_a_key_that_stands_out_by_length_or_exactness():
    """A key much longer than its rivals, or the only exact figure, is reported."""
    long = _card(
        answer="Nikolai Ivanovich Yezhov, People's Commissar of Internal Affairs",
        choices=(
            "Nikolai Ivanovich Yezhov, People's Commissar of Internal Affairs",
            "Yagoda",
            "Beria",
            "Vyshinsky",
        ),
    )
    assert any("much the longest" in m for m in _rules(long))
    exact = _card(
        answer="353,074",
        answer_type="number",
        choices=("353,074", "300,000", "500,000", "100,000"),
        rebuttals=tuple(Rebuttal(w, "No.", (SOURCE,)) for w in ("300,000", "500,000", "100,000")),
    )
    assert any("an exact figure" in m for m in _rules(exact))


def test_a_key_that_echoes_the_prompt_beside_one_wrong_choice():
    """A key that repeats words of the prompt that its only wrong choice does not is
    reported: two choices are told apart by their words as easily as four."""
    echo = _card(
        prompt="What do some historians say about the last five-year plan before the war?",
        answer="The last five-year plan before the war was a success",
        answer_type="text",
        choices=(
            "The last five-year plan before the war was a success",
            "Production was poor on the eve of the war",
        ),
        rebuttals=(Rebuttal("Production was poor on the eve of the war", "No.", (SOURCE,)),),
    )
    assert any("echoes the prompt" in m for m in _rules(echo))
    plain = replace(
        echo,
        answer="A success",
        choices=("A success", "Production was poor on the eve of the war"),
    )
    assert _rules(plain) == []


def test_an_abbreviation_named_without_its_gloss(base: FactBase):
    """With the base, a prompt or an ordering card's items naming the NKVD without saying
    what it was are reported; glossed in the prompt, they are not."""
    bare = _card(prompt="Who headed the NKVD in 1937?")
    assert any("names 'NKVD' without saying" in m for m in _rules(bare, base))
    assert not _rules(bare)  # the gloss is the base's: without it, nothing to check
    glossed = _card(prompt="Who headed the NKVD (the Soviet security police) in 1937?")
    assert _rules(glossed, base) == []
    ordering = _card(
        kind="ordering",
        prompt="Put these in order.",
        answer="",
        answer_type="order",
        choices=(),
        rebuttals=(),
        items=("Beria replaced Yezhov as head of the NKVD", "Munich"),
    )
    assert any("names 'NKVD'" in m for m in _rules(ordering, base))


def test_an_abbreviation_first_named_in_the_choices_or_the_answer(base: FactBase):
    """A choice, or the answer of a flashcard, naming the NKVD where the prompt does not is
    reported unless it says what the NKVD was; every choice that names it must."""
    posts = ("Head of the NKVD", "Head of the GPU", "Head of the army")
    bare = _card(
        prompt="Which post did Beria take over?",
        answer="Head of the NKVD",
        answer_type="text",
        choices=posts,
        rebuttals=tuple(Rebuttal(c, "No.", (SOURCE,)) for c in posts[1:]),
    )
    assert any("names 'NKVD' without saying" in m for m in _rules(bare, base))
    gloss = "Head of the NKVD (the Soviet security police)"
    glossed = replace(bare, answer=gloss, choices=(gloss, *posts[1:]))
    assert not [m for m in _rules(glossed, base) if "NKVD" in m]
    flashcard = _card(
        kind="flashcard",
        prompt="What did Stalin fear?",
        answer="An alliance of the army and the NKVD chief",
        answer_type="text",
        choices=(),
        rebuttals=(),
    )
    assert any("names 'NKVD' without saying" in m for m in _rules(flashcard, base))
    told = replace(
        flashcard, answer=f"{flashcard.answer}. (The NKVD was the Soviet security police.)"
    )
    assert not [m for m in _rules(told, base) if "NKVD" in m]


def test_checks_against_the_fact_base(base: FactBase):
    """A wrong choice of another type than the key, and a figure beyond its whole, are
    reported when the card's facts are in the base."""
    mixed = _card(
        fact_ids=("ch7-beria-succeeds-yezhov",),
        answer="Beria",
        choices=("Beria", "Yezhov", "Pravda", "Baku"),
    )
    assert any("is a publication, the key a person" in m for m in _rules(mixed, base))
    beyond = _card(
        fact_ids=("ch7-deputy-commissars-executed",),
        answer="7 deputies",
        answer_type="number",
        choices=("7 deputies", "12 deputies", "3 deputies"),
        rebuttals=tuple(Rebuttal(w, "No.", (SOURCE,)) for w in ("12 deputies", "3 deputies")),
    )
    assert any("exceeds the whole of 10" in m for m in _rules(beyond, base))


@pytest.mark.parametrize("spec", SHIPPED, ids=lambda s: s.id)
def test_the_shipped_decks_lint_clean(spec, base: FactBase):
    """Every shipped deck passes every check of the lint."""
    from purgequiz.generate.lint import lint_deck

    deck = read_deck(paths.bundled_decks_dir() / spec.file_name)
    assert [str(f) for f in lint_deck(deck, base)] == []
