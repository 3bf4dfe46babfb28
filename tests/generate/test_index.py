"""The look-ups built over a fact base."""

from __future__ import annotations

from purgequiz.facts import FactBase
from purgequiz.generate.index import FactIndex


def test_posts_know_their_holders_under_any_wording(base: FactBase):
    """Holding, taking, losing or being replaced in a post all count as having held it."""
    index = FactIndex(base)
    assert index.held("voroshilov", "People's Commissar of Defence")
    assert index.held("timoshenko", "People's Commissar of Defence")
    assert index.held("mekhlis", "deputy head of the Council of People's Commissars")
    assert not index.held("beria", "People's Commissar of Defence")
    assert index.holder_count("head of the NKVD") == 3  # Yagoda, Yezhov, Beria


def test_fates_and_when_people_were_gone(base: FactBase):
    """Fates are known per person; someone arrested or killed is gone from then on."""
    index = FactIndex(base)
    assert {"execution", "suicide"} <= index.fates["gamarnik"]
    assert index.harmed("tukhachevsky") and not index.harmed("timoshenko")
    assert index.gone_by("tukhachevsky", 1938) and not index.gone_by("tukhachevsky", 1937)
    assert not index.gone_by("voroshilov", 1941)


def test_profiles_put_what_a_person_was_first(base: FactBase):
    """The fact that best says who someone was comes first: a post before a reading."""
    index = FactIndex(base)
    assert index.profile("vyshinsky").kind == "role"
    assert index.profile("timoshenko").id == "w40-timoshenko-replaces-voroshilov"
    first = index.profile("timoshenko")
    assert (
        index.profile("timoshenko", avoid=[first]) is None
        or index.profile("timoshenko", avoid=[first]).id != first.id
    )


def test_bibliography_is_never_indexed_for_questions(base: FactBase):
    """Footnote lists are kept in the base but never asked."""
    index = FactIndex(base)
    assert all(f.kind != "bibliography" for f in index.facts)
    assert any(f.kind == "bibliography" for f in base.facts.values())
