"""Abbreviations glossed on first use: after the name, or in a sentence after the prompt."""

from __future__ import annotations

from purgequiz.facts import Entity
from purgequiz.generate.glosses import gloss_prompt, unglossed

NKVD = Entity("nkvd", "institution", "NKVD", gloss="the Soviet security police")
PLAIN = Entity("ussr", "place", "USSR")


def test_a_name_that_ends_its_phrase_is_glossed_after_it():
    """'head of the NKVD in 1938' becomes 'head of the NKVD (the Soviet security police) in
    1938', once, however often the prompt names it."""
    assert gloss_prompt("Who replaced Yezhov as head of the NKVD in 1938?", (), [NKVD]) == (
        "Who replaced Yezhov as head of the NKVD (the Soviet security police) in 1938?"
    )
    assert gloss_prompt("Who left the NKVD for the NKVD?", (), [NKVD]) == (
        "Who left the NKVD (the Soviet security police) for the NKVD?"
    )


def test_a_name_before_another_word_or_only_in_the_items_gets_a_sentence():
    """'the NKVD leaders', 'the NKVD's operations' and an ordering card whose items alone
    name the NKVD are glossed in a sentence after the prompt."""
    sentence = " (The NKVD was the Soviet security police.)"
    for prompt in ("Why did the NKVD leaders panic?", "What ended the NKVD's operations?"):
        assert gloss_prompt(prompt, (), [NKVD]) == prompt + sentence
    items = ("Beria replaced Yezhov as head of the NKVD", "The Munich Agreement was signed")
    assert gloss_prompt("Put these in order.", items, [NKVD]) == "Put these in order." + sentence


def test_nothing_is_glossed_that_is_not_named_or_has_no_gloss():
    """A prompt that does not name the entity, names it only inside another word, or
    already gives its gloss, and an entity without a gloss, are left as they are."""
    for prompt in (
        "Who headed the army?",
        "Who wrote Stalin, NKVD-i repressii?",
        "Who headed the NKVD (the Soviet security police)?",
    ):
        assert gloss_prompt(prompt, (), [NKVD]) == prompt
    assert unglossed("Where is the USSR?", (), [NKVD, PLAIN]) == []
