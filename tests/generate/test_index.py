"""The look-ups built over a fact base."""

from __future__ import annotations

from purgequiz.facts import FactBase
from purgequiz.generate.index import FactIndex, fate_of_property, is_bibliographic


def test_known_fates_include_group_members(base: FactBase):
    """A group whose property is survival makes its members known survivors."""
    index = FactIndex(base)
    assert {"voroshilov", "budenny"} <= index.known["survival"]
    assert {"tukhachevsky", "yakir", "gamarnik"} <= index.known["execution"]


def test_scholars_and_claimants_are_no_candidates(base: FactBase):
    """Wright (who makes claims) and the footnoted historian never stand as wrong answers."""
    index = FactIndex(base)
    assert "wright" not in index.candidates and "historian" not in index.candidates
    assert "timoshenko" in index.candidates


def test_bibliographic_facts_are_recognised(base: FactBase):
    """Footnote lists are bibliography; history is not."""
    assert is_bibliographic(base.facts["footnote-works"])
    assert not is_bibliographic(base.facts["surviving-marshals"])


def test_fate_of_property():
    """Properties name fates in several words."""
    assert fate_of_property("survived the 1938 purge") == {"survival"}
    assert fate_of_property("were shot in June 1937") == {"execution"}
    assert fate_of_property("raised to full general") == set()
