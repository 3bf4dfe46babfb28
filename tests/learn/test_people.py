"""Who a fact names, and a person's page: posts, fate and every fact naming them."""

from __future__ import annotations

from peoplekit import base

from purgequiz.decks.model import Citation
from purgequiz.learn.people import People


def test_a_fact_names_people_by_field_by_attribution_and_in_its_statement():
    """The people of a fact are those its fields name, those behind it, and those its
    statement names, each once, in that order."""
    people = People(base())
    assert people.of_fact("beria-replaces-yezhov") == ("beria", "yezhov")
    assert people.of_fact("purge-mentions-yezhov") == ("yezhov",)  # in the statement only
    assert people.of_fact("historian-reading") == ("zhukov-yun",)  # whose reading it is
    assert people.of_fact("no-such-fact") == ()


def test_the_longer_spelling_wins_where_two_people_share_a_name():
    """'Zhukov Yu. N.' in a statement is the historian, not the general called Zhukov; both
    are found where both are named."""
    people = People(base())
    assert people.mentioned("Zhukov Yu. N. argues.") == ("zhukov-yun",)
    assert people.mentioned("Yu. N. Zhukov wrote of Zhukov.") == ("zhukov-yun", "zhukov-gk")
    assert people.mentioned("Yezhovshchina") == ()  # a whole word only


def test_a_person_page_lists_exactly_the_facts_naming_them_by_date():
    """Yezhov's page holds the four facts naming him (and no other), dated ones by date and
    the undated last."""
    page = People(base()).page("yezhov")
    assert [fact.id for fact in page.facts] == [
        "yezhov-appointed",  # 1936-09
        "purge-mentions-yezhov",  # 1937
        "beria-replaces-yezhov",  # 1938-11
        "yezhov-removed",  # 1938-11
    ]


def test_posts_say_who_replaced_whom_and_what_became_of_them():
    """Posts read as lines from the person's side: appointed, replaced by, removed (with what
    came after), each with its date and fact."""
    people = People(base())
    yezhov = people.page("yezhov")
    assert [(line.text, line.date.display()) for line in yezhov.posts] == [
        ("Appointed head of the NKVD", "September 1936"),
        ("Replaced by Beria as head of the NKVD", "November 1938"),
        ("Removed as head of the NKVD; was arrested the next spring", "November 1938"),
    ]
    assert [line.text for line in people.page("beria").posts] == [
        "Replaced Yezhov as head of the NKVD"
    ]
    assert yezhov.fate == ()


def test_fate_lists_arrest_execution_and_survival_with_their_facts():
    """Tukhachevsky was arrested (with the charge) then shot; Zhukov the general survived;
    a post held with no date is listed after the dated ones."""
    people = People(base())
    tukhachevsky = people.page("tukhachevsky")
    assert [line.text for line in tukhachevsky.fate] == [
        "Arrested, charged with a military conspiracy",
        "Executed",
    ]
    assert [line.fact.id for line in tukhachevsky.fate] == [
        "commanders-arrested",
        "commanders-shot",
    ]
    assert [line.text for line in tukhachevsky.posts] == ["Was an officer of the Guards"]
    assert [line.text for line in people.page("zhukov-gk").fate] == [
        "Survived the purge of the army"
    ]


def test_a_fact_is_cited_as_a_card_cites_it():
    """A fact's citation uses its source's short form and the paragraphs."""
    facts = base()
    shot = facts.facts["commanders-shot"]
    assert Citation.of(facts, shot).line() == "Wright, Socialist Appeal, 5 October 1940, ¶5"
