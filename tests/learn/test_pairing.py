"""Match: rounds from the deck's matching cards and from its posts facts, each person with one
right match, and the pairs matched rightly counted."""

import random
from datetime import UTC, datetime

from deckkit import card, deck
from inmemory import MemoryProfile

from purgequiz.facts.kinds import Appointment, Removal, Replacement, Role
from purgequiz.facts.model import Attribution, Entity, FactBase, Source
from purgequiz.learn.pairing import fact_rounds, pairs_right, start_match, total_pairs

NOW = datetime(2025, 3, 1, 9, tzinfo=UTC)
PEOPLE = (
    "beria",
    "yezhov",
    "yagoda",
    "timoshenko",
    "voroshilov",
    "mekhlis",
    "meretskov",
    "gamarnik",
)


def base(*facts) -> FactBase:
    return FactBase(
        sources={"s": Source("s", "Wright", "A title", "A paper", "later scholarship", 40)},
        topics={},
        entities={p: Entity(p, "person", p.capitalize()) for p in PEOPLE},
        facts={fact.id: fact for fact in facts},
    )


def common(fact_id: str) -> dict:
    return dict(
        id=fact_id,
        statement=f"{fact_id} happened.",
        source="s",
        paragraphs=(1,),
        topics=("army",),
        attribution=Attribution(),
    )


def test_rounds_of_posts_and_of_replacements_from_the_decks_facts():
    """The deck's posts facts make rounds of posts (a generic post such as "a deputy …" left
    out) and a round of replacements; a fact no card of the deck is made from is left out."""
    facts = base(
        Role(**common("r1"), person="mekhlis", post="editor of Pravda"),
        Role(**common("r2"), person="meretskov", post="head of the General Staff"),
        Appointment(**common("a1"), person="yezhov", post="head of the NKVD"),
        Appointment(**common("a2"), person="voroshilov", post="a deputy of the Council"),
        Replacement(**common("x1"), person="beria", replaced="yezhov", post="head of the NKVD"),
        Replacement(
            **common("x2"), person="timoshenko", replaced="voroshilov", post="Defence Commissar"
        ),
        Replacement(**common("x3"), person="yezhov", replaced="yagoda", post="NKVD chief"),
        Replacement(
            **common("x4"), person="mekhlis", replaced="gamarnik", post="head of the army's PD"
        ),
    )
    in_deck = ("r1", "r2", "a1", "a2", "x1", "x2", "x4")
    d = deck(*(card(f"c-{f}", fact_ids=(f,)) for f in in_deck))
    *posts, replaced = fact_rounds(d, facts, random.Random(1))
    assert posts and all("post they took up or held" in r.prompt for r in posts)
    for round_ in posts:
        assert round_.kind == "matching" and len(set(round_.items)) == len(round_.items) >= 3
        assert not {"Beria", "Yezhov"} <= set(round_.items)  # both held the NKVD
        assert set(round_.fact_ids) <= set(in_deck) - {"a2"}
    first = dict(zip(posts[0].items, posts[0].matches, strict=True))
    assert all(post[:1].isupper() for post in first.values())
    assert "the one they replaced" in replaced.prompt
    assert sorted(zip(replaced.items, replaced.matches, strict=True)) == [
        ("Beria", "Yezhov"),
        ("Mekhlis", "Gamarnik"),
        ("Timoshenko", "Voroshilov"),
    ]
    assert replaced.sources[0].title == "A title" and "X1 happened." in replaced.explanation


def test_a_round_never_holds_someone_with_two_right_matches():
    """No round holds a person who also held another of its posts (so each has one right
    match), and a round of fewer than three pairs is not made."""
    facts = base(
        Role(**common("r1"), person="beria", post="head of the NKVD"),
        Role(**common("r2"), person="yezhov", post="People's Commissar of Water Transport"),
        Removal(**common("r3"), person="yezhov", post="head of the NKVD"),
        Role(**common("r4"), person="mekhlis", post="editor of Pravda"),
        Role(**common("r5"), person="meretskov", post="head of the General Staff"),
    )
    d = deck(*(card(f"c-{n}", fact_ids=(f"r{n}",)) for n in range(1, 6)))
    for seed in range(20):
        for round_ in fact_rounds(d, facts, random.Random(seed)):
            people = set(round_.items)
            assert not ({"Beria", "Yezhov"} <= people), (seed, round_.items)
            assert len(round_.items) >= 3


def test_pairs_right_counts_each_pair():
    """Each pair matched rightly counts one; none given counts none."""
    matching = card(
        "m", kind="matching", items=("A", "B", "C"), matches=("1", "2", "3"), choices=()
    )
    assert pairs_right(("1", "3", "2"), matching) == 1
    assert pairs_right(("1", "2", "3"), matching) == 3
    assert pairs_right((), matching) == 0
    assert total_pairs([matching, matching]) == 6


def test_a_match_asks_the_decks_cards_of_posts_once_each():
    """A match's session asks the deck's matching cards of people and posts only (not those
    of decrees), each once."""
    profile = MemoryProfile("learner")
    matching = [
        card(
            f"m{n}",
            kind="matching",
            template="match-posts",
            items=("A", "B"),
            matches=("1", "2"),
            choices=(),
        )
        for n in range(3)
    ]
    decrees = card("d", kind="matching", template="match-decrees", items=("A",), matches=("1",))
    session = start_match(deck(card("q"), decrees, *matching), profile, NOW, random.Random(1))
    assert sorted(session.asked) == ["m0", "m1", "m2"]
    while session.next_card(NOW) is not None:
        session.answer(("2", "1"), NOW, 1000)
    assert session.left == 0 and profile.card_states() == {}
