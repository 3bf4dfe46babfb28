"""Abbreviations glossed on first use: after the name, or in a sentence after the prompt."""

from __future__ import annotations

from purgequiz.facts import Entity
from purgequiz.generate.glosses import gloss_card, gloss_prompt, unglossed

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


def test_choices_that_name_it_are_all_glossed_when_the_prompt_does_not():
    """Named first in the choices, every choice that names the NKVD says what it was (after
    the name, or in a clause after the choice where the name stands before another word);
    the others are left as they are."""
    choices = (
        "Yezhov's deputy at the NKVD",
        "Head of the security police (GPU) in Ukraine",
        "NKVD officials who testified",
    )
    glossed = gloss_card("To which post was Beria appointed?", (), [NKVD], choices)
    assert glossed.prompt == "To which post was Beria appointed?"
    assert glossed.choices == {
        "Yezhov's deputy at the NKVD": "Yezhov's deputy at the NKVD (the Soviet security police)",
        "Head of the security police (GPU) in Ukraine": (
            "Head of the security police (GPU) in Ukraine"
        ),
        "NKVD officials who testified": (
            "NKVD officials who testified (the NKVD was the Soviet security police)"
        ),
    }


def test_a_name_glossed_in_the_prompt_is_not_glossed_again_in_the_choices():
    """The prompt is read first: glossed there, the choices that name it stay bare."""
    glossed = gloss_card("Who headed the NKVD in 1938?", (), [NKVD], ("Head of the NKVD",))
    assert glossed.prompt == "Who headed the NKVD (the Soviet security police) in 1938?"
    assert glossed.choices == {"Head of the NKVD": "Head of the NKVD"}


def test_an_answer_shown_without_choices_is_glossed_after_the_name_or_in_a_sentence():
    """A flashcard's answer naming the NKVD says what it was: after the name where it ends
    its phrase, else in a sentence after the answer."""
    inline = gloss_card("Which post?", (), [NKVD], answer="Head of the NKVD")
    assert inline.answer == "Head of the NKVD (the Soviet security police)"
    before = gloss_card(
        "What did Stalin fear?", (), [NKVD], answer="An alliance with the NKVD chief"
    )
    assert before.answer == (
        "An alliance with the NKVD chief. (The NKVD was the Soviet security police.)"
    )
    assert gloss_card("Who headed it?", (), [NKVD], answer="Yezhov").answer == "Yezhov"


def test_unglossed_looks_where_the_card_first_names_it():
    """A choice or an answer naming the NKVD without its gloss is reported, unless the
    prompt (read first) glosses it."""
    bare = ("Head of the NKVD", "Head of the GPU")
    assert unglossed("Which post?", (), [NKVD], bare) == [NKVD]
    glossed = ("Head of the NKVD (the Soviet security police)", "Head of the GPU")
    assert unglossed("Which post?", (), [NKVD], glossed) == []
    assert unglossed("What did he fear?", (), [NKVD], answer="The NKVD chief") == [NKVD]
    prompt = "Who headed the NKVD (the Soviet security police)?"
    assert unglossed(prompt, (), [NKVD], bare, "Head of the NKVD") == []
