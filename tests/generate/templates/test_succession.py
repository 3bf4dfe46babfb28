"""Who replaced whom, appointments, removals and succession chains."""

from __future__ import annotations

from purgequiz.facts import FactBase
from purgequiz.generate.build import generate
from purgequiz.generate.model import Deck
from tests.generate.conftest import by_template, fact, people_base


def test_who_replaced_asks_for_the_new_holder(deck: Deck):
    """'Who replaced Voroshilov as …?' is answered by Timoshenko, and no choice is Voroshilov."""
    card = by_template(deck, "who-replaced")["timoshenko-replaces-voroshilov"]
    assert card.prompt == "Who replaced Voroshilov as People's Commissar of Defence?"
    assert card.answer == "Timoshenko" and "Voroshilov" not in card.choices
    assert card.answer_type == "entity" and "Timoshenko" in card.accept


def test_whom_and_which_post(deck: Deck):
    """The same replacement is also asked the other way round and for the post."""
    whom = by_template(deck, "whom-replaced")["meretskov-replaces-shaposhnikov"]
    post = by_template(deck, "post-taken-over")["meretskov-replaces-shaposhnikov"]
    assert whom.answer == "Shaposhnikov"
    assert post.answer == "Head of the General Staff"
    assert whom.id in post.siblings


def test_attributed_replacements_carry_their_attribution(deck: Deck):
    """Wright's claim about Mekhlis is asked 'According to Wright (1940)'."""
    card = by_template(deck, "who-replaced")["mekhlis-replaces-gamarnik"]
    assert card.prompt.startswith("According to Wright (1940), who replaced")
    assert card.attribution == "According to Wright (1940)"


def test_shared_posts_are_not_asked_as_who(deck: Deck):
    """'Who was appointed Deputy Chairman …?' has many true answers, so it is not asked."""
    assert "vyshinsky-deputy" not in by_template(deck, "who-appointed")
    assert "vyshinsky-deputy" in by_template(deck, "post-appointed")


def test_removal_reason_and_who_removed(deck: Deck):
    """A dated removal from a one-holder post is asked as 'Who was removed …', with reason."""
    assert by_template(deck, "who-removed")["samokhvalov-removed"].answer == "Samokhvalov"
    assert by_template(deck, "removal-reason")["samokhvalov-removed"].answer == \
        "failures in production"


def test_distractor_posts_are_not_the_same_post_reworded():
    """'People's Commissar for Defence' is never a wrong answer beside '… of War (Defence)'."""
    facts = [
        fact("a", "replacement", "Timoshenko replaced Voroshilov.",
             'person = "timoshenko"\nreplaced = "voroshilov"\n'
             'role = "People\'s Commissar of War (Defence)"', date="1940-05"),
        fact("b", "appointment", "Voroshilov headed the army as commissar.",
             'person = "voroshilov"\nrole = "People\'s Commissar for Defence"'),
        fact("c", "appointment", "Meretskov became head of the General Staff.",
             'person = "meretskov"\nrole = "Head of the General Staff"'),
        fact("d", "appointment", "Mekhlis became head of State Control.",
             'person = "mekhlis"\nrole = "Head of the State Control Commission"'),
        fact("e", "appointment", "Budenny commanded the Moscow district.",
             'person = "budenny"\nrole = "Commander of the Moscow Military District"'),
    ]
    base = people_base(facts)
    for seed in range(10):
        card = by_template(generate(base, seed=seed), "post-taken-over")["a"]
        assert "People's Commissar for Defence" not in card.choices


def test_succession_chain_becomes_an_ordering_card():
    """Three holders of one post in turn give a 'put them in order' card."""
    facts = [
        fact("first", "replacement", "Yakir replaced Gamarnik as head.",
             'person = "yakir"\nreplaced = "gamarnik"\nrole = "Head of the Department"',
             date="1937-06"),
        fact("second", "replacement", "Mekhlis replaced Yakir as head.",
             'person = "mekhlis"\nreplaced = "yakir"\nrole = "Head of the Department"',
             date="1937-12"),
    ]
    base: FactBase = people_base(facts)
    chains = [c for c in generate(base, seed=1).cards if c.template == "succession-order"]
    assert len(chains) == 1
    assert chains[0].items == ("Gamarnik", "Yakir", "Mekhlis")
    assert chains[0].id.startswith("set-") and chains[0].kind == "ordering"
