"""The template registry: the one list of templates, and every template at work."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from purgequiz.decks.model import Card
from purgequiz.facts import KINDS, FactBase
from purgequiz.generate import registry
from purgequiz.generate.registry import FAMILIES, REGISTRY, template, templates_for

PACKAGE = Path(registry.__file__).parent


def test_every_askable_kind_has_a_template():
    """Each fact kind that can be asked is asked by at least one registered template."""
    asked = {kind for t in REGISTRY.values() for kind in t.kinds}
    askable = {name for name, cls in KINDS.items() if cls.askable}
    assert sorted(askable - asked) == []
    assert "bibliography" not in asked


# Templates that make no card from the bundled facts, and why (each is tested on a base
# made for it in test_templates.py).
IDLE_ON_BUNDLED = {
    # three of the four decrees are of 1940, and their names could not be told apart
    "match-decrees",
}


def test_every_template_makes_cards_on_the_bundled_base(cards: list[Card]):
    """No registered template is dead: each makes at least one card from the bundled facts,
    but for the few whose absence is explained."""
    made = {card.template for card in cards}
    assert sorted(set(REGISTRY) - made) == sorted(IDLE_ON_BUNDLED)


def test_cards_carry_their_templates_family(cards: list[Card]):
    """A card's template is registered and its family is that template's family."""
    for card in cards:
        assert card.template in REGISTRY, card.id
        assert card.family == REGISTRY[card.template].family, card.id
        assert card.family in FAMILIES


def test_template_ids_are_written_only_where_registered():
    """No module of the generator spells a template id outside its @template(...) line:
    the registry is the only list."""
    ids = set(REGISTRY)
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        registering = {
            id(call.args[0])
            for node in ast.walk(tree)
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "template"
            for call in [node]
            if call.args
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and node.value in ids and id(node) not in registering:
                pytest.fail(f"{path.name}:{node.lineno} spells the template id {node.value!r}")


def test_a_template_registered_twice_or_in_no_family_is_refused():
    """The registry refuses a duplicate id and an unknown family."""
    with pytest.raises(ValueError, match="registered twice"):
        template("who-replaced", family="posts", kinds=("replacement",))(lambda ctx, f: iter(()))
    with pytest.raises(ValueError, match="unknown family"):
        template("new-one", family="gossip", kinds=("event",))


def test_templates_for_a_kind_are_the_per_fact_ones():
    """Whole-base templates are not run once per fact."""
    assert {t.id for t in templates_for("replacement")} >= {"who-replaced", "whom-replaced"}
    assert all(not t.whole for kind in KINDS for t in templates_for(kind))


def test_at_most_one_in_twenty_facts_yields_no_card(base: FactBase, cards: list[Card]):
    """Every fact that teaches something yields a card: at most 5% of the facts that can be
    asked produce none."""
    used = {f for card in cards for f in card.fact_ids}
    askable = [f for f in base.facts.values() if f.askable]
    unused = [f.id for f in askable if f.id not in used]
    assert len(unused) <= 0.05 * len(askable), unused
