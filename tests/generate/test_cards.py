"""What holds of every card the bundled base gives: choices, rebuttals, attribution."""

from __future__ import annotations

import re

from purgequiz.decks.model import Card
from purgequiz.facts import FactBase
from purgequiz.generate.glosses import unglossed
from purgequiz.generate.phrasing import normalize_wording
from tests.generate.conftest import some


def test_choices_hold_the_answer_once_among_distinct_options(cards: list[Card]):
    """A card with choices shows its answer once, beside two or three distinct wrong ones
    (or one, for a two-way comparison of sources or rows)."""
    for card in some(
        [c for c in cards if c.choices and c.kind == "question"], "question with choices"
    ):
        assert card.choices.count(card.answer) == 1, card.id
        assert 2 <= len(card.choices) <= 4, card.id
        assert len({normalize_wording(c) for c in card.choices}) == len(card.choices), card.id


def test_every_wrong_choice_has_a_rebuttal_with_a_citation(cards: list[Card]):
    """Each wrong choice says why it is wrong, in a sentence, citing a paragraph."""
    for card in cards:
        wrong = set(card.choices) - {card.answer}
        assert {r.choice for r in card.rebuttals} == wrong, card.id
    for card, rebuttal in some([(c, r) for c in cards for r in c.rebuttals], "rebuttal"):
        assert rebuttal.text.endswith((".", "?", "'")), (card.id, rebuttal.text)
        assert rebuttal.sources and rebuttal.sources[0].paragraphs, card.id


def test_rebuttals_from_the_base_are_about_the_choice(cards: list[Card], base: FactBase):
    """A rebuttal that is another fact's statement names the wrong choice it answers (or,
    for a figure or date, gives it), so a student learns what that choice really was; one
    that says who it really was names the answer and the choice."""
    statements = {f.statement for f in base.facts.values()}
    leads = named = 0
    for card, rebuttal in some(
        [(c, r) for c in cards if c.answer_type == "entity" for r in c.rebuttals],
        "rebuttal of a wrong name",
    ):
        text = rebuttal.text
        if lead := re.match(r"It was (.+?), not (.+?)\. ", text):  # who it really was
            leads += 1
            assert lead.groups() == (card.answer, rebuttal.choice), (card.id, text)
            text = text[lead.end() :]
        if text in statements:
            named += 1
            name = re.sub(r"\s*\(.*\)$", "", rebuttal.choice)  # 'Pravda (Soviet newspaper)'
            entity = next(
                e
                for e in base.entities.values()
                if name.lower() in {s.lower() for s in (e.name, *e.spellings)}
                or name.lower().removeprefix("the ") == e.name.lower()
            )
            words = {s.split()[-1].lower() for s in entity.spellings}
            assert any(w in rebuttal.text.lower() for w in words), (card.id, rebuttal.choice)
    assert leads and named


def test_no_prompt_names_its_answer(cards: list[Card]):
    """No question names its own answer, in any accepted spelling."""
    for card in some([c for c in cards if c.kind == "question"], "question"):
        for term in (card.answer, *card.accept):
            if len(term) >= 3:
                assert not re.search(
                    rf"(?<!\w){re.escape(term.lower())}(?!\w)", card.prompt.lower()
                ), (card.id, term)


def test_claims_are_asked_with_whose_they_are(cards: list[Card], base: FactBase):
    """A card from a claim, estimate, interpretation or report says whose it is in its
    prompt, unless whose it is is what the card asks."""
    asks_the_source = {
        "figure-source",
        "who-argued",
        "which-account",
        "what-account",
        "report-outlet",
        "report-subject",
        "reason-and-reading",
        "who-judged",
        "official-reason",
    }
    claims = [
        card
        for card in cards
        if card.template not in asks_the_source
        and card.kind not in ("ordering", "matching")
        and not base.facts[card.fact_ids[0]].attribution.is_record
    ]
    for card in some(claims, "card asking a claim"):
        assert card.prompt.startswith("According to"), card.id


def test_no_paraphrase_is_printed_as_a_quotation(cards: list[Card], base: FactBase):
    """Words said are given in our own words, never inside quotation marks."""
    for card in some([c for c in cards if c.template.startswith("quote-")], "quotation card"):
        gist = base.facts[card.fact_ids[0]].gist
        assert f"\u201c{gist}" not in card.prompt and f'"{gist}' not in card.prompt


def test_card_ids_are_unique_and_prompts_do_not_repeat(cards: list[Card]):
    """Every card has its own id, and no two cards ask the same question."""
    assert len({c.id for c in cards}) == len(cards)
    assert len({(normalize_wording(c.prompt), c.items) for c in cards}) == len(cards)


def test_when_asks_only_happenings_by_their_own_date(cards: list[Card], base: FactBase):
    """'When' is asked only of happenings, and its answer is the date of the happening,
    never the date it was reported."""
    from purgequiz.facts import HAPPENINGS
    from purgequiz.facts.dates import FuzzyDate

    for card in some([c for c in cards if c.template == "when"], "'when' card"):
        fact = base.facts[card.fact_ids[0]]
        assert fact.kind in HAPPENINGS
        start = fact.date.start
        if fact.date.end is None:
            assert card.answer == start.display()
        else:  # a span of a few weeks is asked by the month it began in
            assert card.answer == FuzzyDate(start.year, start.month).display()


def test_ordering_items_are_in_date_order_and_give_no_date(cards: list[Card], base: FactBase):
    """An ordering card's items are happenings in the order they happened; none names a
    year."""
    for card in some([c for c in cards if c.kind == "ordering"], "ordering card"):
        facts = [base.facts[f] for f in card.fact_ids]
        keys = [f.date.sort_key for f in facts]
        assert keys == sorted(keys), card.id
        assert not any(re.search(r"\b1[89]\d\d\b", item) for item in card.items)


def test_abbreviations_the_base_glosses_are_glossed_where_a_card_names_them(
    cards: list[Card], base: FactBase
):
    """A card whose prompt, or whose ordering items or matching pairs, name the NKVD says in
    its prompt what the NKVD was, as cards do for every abbreviation the fact file glosses;
    one whose choices first name it says so in every choice that names it, and a flashcard
    (or a question without choices) that names it first in its answer says so there."""
    glossed = [e for e in base.entities.values() if e.gloss]
    assert {"nkvd", "halifax"} <= {e.id for e in glossed}
    gloss = "the Soviet security police"

    def shows(card: Card) -> str:
        return " ".join((card.prompt, *card.items, *card.matches))

    naming = [c for c in cards if "NKVD" in shows(c) and c.kind != "flashcard"]
    for card in some([c for c in naming if c.kind in ("ordering", "matching")], "set card"):
        assert "(The NKVD was the Soviet security police.)" in card.prompt, card.id
    for card in some(naming, "card naming the NKVD"):
        shown = (*card.items, *card.matches) if card.kind in ("ordering", "matching") else ()
        assert unglossed(card.prompt, shown, glossed) == [], card.id
        assert card.prompt.count(gloss) == 1, card.id
    halifax = [c for c in cards if "Lord Halifax indicated" in " ".join(c.items)]
    for card in some(halifax, "set card naming Lord Halifax"):
        assert "(Lord Halifax was a member of the British government.)" in card.prompt, card.id
    later = [c for c in cards if "NKVD" not in shows(c)]
    for card in some([c for c in later if "NKVD" in " ".join(c.choices)], "choices naming it"):
        assert all(gloss in c for c in card.choices if "NKVD" in c), card.id
        assert card.answer in card.choices, card.id
    answers = [c for c in later if not c.choices and "NKVD" in c.answer]
    for card in some([c for c in answers if c.kind == "flashcard"], "flashcard answer naming it"):
        assert card.answer.count(gloss) == 1, card.id
    for card in some([c for c in answers if c.kind == "question"], "typed answer naming it"):
        assert gloss in card.answer, card.id
        assert any(gloss not in a for a in card.accept), card.id  # typed without it, right


def test_a_key_typed_without_its_gloss_is_right(cards: list[Card]):
    """A key glossed in its choice ('Head of the NKVD (the Soviet security police)') is
    accepted typed as it was before ('Head of the NKVD'), and is short enough to type."""
    card = next(c for c in cards if c.id == "ch7-beria-succeeds-yezhov:post-taken-over")
    assert card.answer == "Head of the NKVD (the Soviet security police)"
    assert "Head of the NKVD" in card.accept and card.typeable


def test_a_rebuttal_cites_each_source_once(cards: list[Card]):
    """A wrong choice's rebuttal names each source once, with all its paragraphs ("Wright,
    5 October 1940, ¶11, ¶20, ¶32", not the same article twice)."""
    rebuttals = [r for card in cards for r in card.rebuttals if len(r.sources) > 1]
    for rebuttal in some(rebuttals, "rebuttal citing two sources"):
        ids = [cite.id for cite in rebuttal.sources]
        assert len(ids) == len(set(ids)), rebuttal
    merged = [
        r for card in cards for r in card.rebuttals for c in r.sources if len(c.paragraphs) > 2
    ]
    assert some(merged, "rebuttal citing three paragraphs of one source")
