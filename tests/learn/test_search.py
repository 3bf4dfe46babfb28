"""Searching cards, facts and people: fuzzy words, filters, ranking, and what is said of a
filter that cannot be used."""

from __future__ import annotations

import pytest
from peoplekit import base, card, cards

from purgequiz.learn.search import SearchIndex, fold, parse_query


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex(cards(), base())


def keys(index: SearchIndex, text: str) -> list[str]:
    return [entry.key for entry in index.search(text).entries]


def test_a_misspelt_name_finds_the_person_and_their_cards(index):
    """'Tukhachevski' finds Tukhachevsky, first, then every card naming him (one only in its
    answer, one only through its fact), and the facts naming him."""
    found = keys(index, "Tukhachevski")
    assert found[0] == "person:tukhachevsky"
    assert {"card:when-arrested", "card:officer"} <= set(found)
    assert {"fact:commanders-arrested", "fact:tukhachevsky-officer"} <= set(found)
    assert "card:who-replaced-yezhov" not in found


def test_the_bundled_cards_naming_tukhachevsky_are_found_misspelt():
    """In the decks that ship, every card whose facts name Tukhachevsky is found by
    'Tukhachevski', and the first result is the man himself."""
    from purgequiz.decks.catalog import cards_by_id, load_catalog
    from purgequiz.facts import load_or_raise
    from purgequiz.paths import bundled_seeds_dir

    index = SearchIndex(cards_by_id(load_catalog()).values(), load_or_raise(bundled_seeds_dir()))
    his = {e.key for e in index.entries if e.what == "card" and "tukhachevsky" in e.people}
    assert len(his) > 5
    found = keys(index, "Tukhachevski")
    assert found[0] == "person:tukhachevsky"
    assert his <= set(found)


def test_the_start_of_a_word_matches_and_a_short_slip_does_not(index):
    """'tukh' is the start of Tukhachevsky; 'tukx' matches nothing (one letter wrong in four
    is too many to forgive)."""
    assert "person:tukhachevsky" in keys(index, "tukh")
    assert keys(index, "tukx") == []


def test_case_and_accents_never_matter():
    """Words are compared without case or accents."""
    assert fold("Nálevka") == fold("NALEVKA") == "nalevka"
    index = SearchIndex([card("accented", "Who wrote of Nálevka?", "Beria", ())])
    assert keys(index, "NALEVKA") == ["card:accented"]


def test_every_word_must_match(index):
    """'Yezhov Beria' finds what names both, not what names one."""
    found = keys(index, "Yezhov Beria")
    assert "fact:beria-replaces-yezhov" in found and "card:who-replaced-yezhov" in found
    assert "fact:yezhov-appointed" not in found and "person:yezhov" not in found


def test_a_word_in_the_question_ranks_above_one_in_the_explanation():
    """Of two cards, the one asking about 'Yezhovshchina' in its question comes before the
    one that only explains with it."""
    asked = card("asked", "What was the Yezhovshchina?", "The terror", ())
    explained = card("explained", "What was the terror?", "x", (), explanation="Yezhovshchina.")
    index = SearchIndex([explained, asked])
    assert keys(index, "yezhovshchina") == ["card:asked", "card:explained"]


def test_an_exact_word_ranks_above_the_start_of_a_longer_one():
    """'Yezhov' matches 'Yezhov' exactly before 'Yezhovshchina' by its start."""
    longer = card("longer", "What was the Yezhovshchina?", "The terror", ())
    exact = card("exact", "Who was Yezhov?", "x", ())
    assert keys(SearchIndex([longer, exact]), "yezhov") == ["card:exact", "card:longer"]


def test_filters_narrow_by_topic_kind_family_source_person_and_sort(index):
    """Each filter keeps what it names: a topic, a card's or fact's kind, a family, a source,
    a person (the person, and what names them), or one sort of entry."""
    assert keys(index, "topic:army is:card") == ["card:when-arrested", "card:officer"]
    assert keys(index, "kind:execution") == ["fact:commanders-shot"]
    assert keys(index, "kind:arrest") == ["card:when-arrested", "fact:commanders-arrested"]
    assert keys(index, "kind:flashcard") == ["card:officer"]
    assert keys(index, "family:chrono") == ["card:when-arrested"]
    assert keys(index, "source:wright is:fact") == [
        "fact:commanders-shot",
        "fact:zhukov-survived",
        "fact:purge-mentions-yezhov",
    ]
    assert set(keys(index, "person:yezhov")) == {
        "card:who-replaced-yezhov",
        "card:named-after",
        "fact:beria-replaces-yezhov",
        "fact:yezhov-appointed",
        "fact:yezhov-removed",
        "fact:purge-mentions-yezhov",
        "person:yezhov",
    }


def test_a_misspelt_person_filter_still_finds_them(index):
    """person:tukachevsky (one letter short) is read as Tukhachevsky, and said so."""
    results = index.search("person:tukachevsky is:card")
    assert [e.key for e in results.entries] == ["card:when-arrested", "card:officer"]
    assert results.filters == ("person: Tukhachevsky", "is: card")


def test_filters_of_one_name_widen_and_of_two_names_narrow(index):
    """topic:army topic:nkvd lists both topics' cards; adding a word narrows them."""
    both = keys(index, "is:card topic:army topic:nkvd")
    assert len(both) == 4
    assert keys(index, "is:card topic:army topic:nkvd commanders") == [
        "card:when-arrested",
        "card:officer",
    ]


def test_a_filter_that_matches_nothing_says_what_there_is(index):
    """topic:armyy finds nothing and says which topics there are; an unknown filter is named
    with the filters there are, and the rest of the query still works."""
    results = index.search("topic:armyy")
    assert results.entries == ()
    assert results.problems == ("no topic matches 'armyy' (the topic values are: army, nkvd)",)
    results = index.search("topc:army beria")
    assert results.problems == (
        "'topc:' is not a filter; the filters are topic:, kind:, family:, source:, person:, is:",
    )
    assert "person:beria" in [e.key for e in results.entries]


def test_a_filter_still_being_typed_is_left_out():
    """'topic:' with no value yet filters nothing and says nothing."""
    assert parse_query("beria topic:").filters == ()
    assert parse_query("beria topic:").words == ("beria",)


def test_with_no_words_every_entry_is_listed_cards_then_facts_then_people(index):
    """An empty search lists the cards in their order, then the facts, then the people by
    name as it is shown ("Yu. N. Zhukov" under Y)."""
    found = keys(index, "")
    assert found[:4] == [f"card:{c.id}" for c in cards()]
    whats = [key.split(":")[0] for key in found]
    assert whats == sorted(whats, key=("card", "fact", "person").index)
    assert found[-5:] == [
        "person:beria",
        "person:tukhachevsky",
        "person:yezhov",
        "person:zhukov-yun",
        "person:zhukov-gk",
    ]


def test_cards_alone_can_be_searched_without_a_fact_base():
    """With no fact base (it could not be read) the cards are still searched."""
    index = SearchIndex(cards())
    assert keys(index, "replaced yezhov") == ["card:who-replaced-yezhov"]
    assert keys(index, "person:yezhov") == []
