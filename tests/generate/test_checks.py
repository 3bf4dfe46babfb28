"""The quality checks: nothing given away, no duplicate questions."""

from __future__ import annotations

from dataclasses import replace

from purgequiz.decks.model import Card, Deck
from purgequiz.generate.checks import card_problems, gives_away, keep_good


def _card(**changes) -> Card:
    card = Card(
        id="f:t",
        kind="question",
        template="t",
        prompt="Who replaced Voroshilov?",
        answer="Timoshenko",
        explanation="x",
        sources=(),
        fact_ids=("f",),
        topics=(),
        answer_type="entity",
        accept=("Timoshenko", "S. K. Timoshenko"),
    )
    return replace(card, **changes)


def test_any_accepted_spelling_in_the_prompt_gives_it_away():
    """A prompt naming the answer by any accepted spelling is rejected."""
    assert not gives_away(_card())
    assert gives_away(_card(prompt="Did S. K. Timoshenko replace Voroshilov?"))


def test_a_date_answer_is_given_away_by_its_year():
    """'When was the decree of 26 June 1940 issued?' gives 1940 away."""
    card = _card(
        prompt="When was the decree of June 1940 issued?",
        answer="26 June 1940",
        answer_type="date",
        accept=(),
    )
    assert gives_away(card)


def test_duplicate_prompts_are_kept_once():
    """Of two cards with the same question the first is kept."""
    first, second = _card(), _card(id="g:t", fact_ids=("g",))
    assert keep_good([first, second]) == [first]


def test_bad_choices_are_problems():
    """Choices must hold the answer once and be distinct."""
    assert card_problems(_card(choices=("A", "a", "Timoshenko")))
    assert card_problems(_card(choices=("A", "B", "C")))


def test_generated_decks_pass_every_check(decks: list[Deck]):
    """No card of a generated deck has a problem, and no question repeats (an ordering
    card's question is its prompt with its items)."""
    for deck in decks:
        assert [p for card in deck.cards for p in card_problems(card)] == []
        questions = [(card.prompt, card.items) for card in deck.cards]
        assert len(questions) == len(set(questions))
