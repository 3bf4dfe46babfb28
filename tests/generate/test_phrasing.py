"""Phrasing: who claims what, names inside sentences, dates, lists."""

from __future__ import annotations

from purgequiz.facts import FactBase, parse_date
from purgequiz.generate.phrasing import (
    claim_phrase,
    claimant_label,
    listing,
    mentions,
    the_name,
    when_phrase,
)


def test_claims_name_their_author_and_year(base: FactBase):
    """Wright's own claims read 'according to Wright, writing in 1940'."""
    assert (
        claim_phrase(base, base.facts["w40-gamarnik-called-executed"])
        == "according to Wright, writing in 1940"
    )


def test_relayed_and_scholarly_claims(base: FactBase):
    """A paper Wright relays is named with him; a historian is called one; the unnamed
    chapter is a later study of the Soviet elites."""
    assert (
        claim_phrase(base, base.facts["w40-meretskov-mannerheim-hero"])
        == "according to Pravda, as Wright reported in 1940"
    )
    assert (
        claim_phrase(base, base.facts["w37-havas-403-executions"])
        == "according to the Havas agency, as Wright reported in 1937"
    )
    assert (
        claim_phrase(base, base.facts["ch7-gamarnik-suicide"])
        == "according to the historian Pechenkin"
    )
    assert (
        claim_phrase(base, base.facts["ch7-army-size-1938"])
        == "according to the historians Pechenkin and Khlevniuk"
    )
    assert (
        claim_phrase(base, base.facts["ch7-litvinov-motive"])
        == "according to a later study of the Soviet elites"
    )
    assert claim_phrase(base, base.facts["ch7-anschluss"]) is None


def test_names_inside_sentences(base: FactBase):
    """Bodies and decrees take 'the'; papers and people do not; a name that brings its own
    article keeps it."""
    entities = base.entities
    assert the_name(entities["politburo"]) == "the Politburo"
    assert the_name(entities["decree-defective-goods"]) == "the decree of 10 July 1940"
    assert the_name(entities["pravda"]) == "Pravda"
    assert the_name(entities["nzz"]) == "the Neue Zürcher Zeitung"
    assert (
        the_name(entities["extrajudicial-bodies"])
        == "the extrajudicial bodies of the mass operations"
    )
    assert claimant_label(base, "pechenkin") == "the historian Pechenkin"


def test_dates_and_lists():
    """Dates read at their own precision; lists join with commas and 'and'."""
    assert when_phrase(parse_date("1937-05")) == " in May 1937"
    assert when_phrase(parse_date("1938-09-29")) == " on 29 September 1938"
    assert when_phrase(parse_date("1937/1938")) == " in 1937 and 1938"
    assert when_phrase(parse_date("1937-03/1938-03")) == " between March 1937 and March 1938"
    assert when_phrase(None) == ""
    assert listing(["A", "B", "C"]) == "A, B and C"


def test_mentions_are_whole_words():
    """'Yezhov' is named in 'Yezhov's agents' but 'Kork' is not in 'Korkina'."""
    assert mentions("Yezhov's agents", ["Yezhov"])
    assert not mentions("Korkina", ["Kork"])


def test_synonyms_widen_the_accepted_answers(base: FactBase):
    """Declared synonyms are accepted in typed answers: roubles for rubles, dissolved for
    disbanded."""
    from purgequiz.generate.phrasing import with_synonyms

    assert "6.9 billion roubles" in with_synonyms(["6.9 billion rubles"], base.synonyms)
    assert "dissolved" in with_synonyms(["Disbanded"], base.synonyms)


def test_citations_read_as_a_student_finds_them(deck):
    """A card's source line is short and findable: 'Wright, Socialist Appeal, 5 October
    1940, ¶16'; the unnamed chapter is a later scholarly study."""
    lines = {c.line() for card in deck.cards for c in card.sources}
    assert any(
        line.startswith("Wright, Socialist Appeal, 5 October 1940, \u00b6") for line in lines
    )
    assert any(
        line.startswith("A later scholarly study of the Soviet elites, ch. 7, \u00b6")
        for line in lines
    )
