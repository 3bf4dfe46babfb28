"""The bundled fact base: complete enough for the quiz the documents support."""

from __future__ import annotations

from collections import Counter

from purgequiz.facts import FactBase


def test_bundled_base_is_valid_and_sizeable(bundled: FactBase):
    """The shipped fact base loads with no problems and holds a few hundred facts."""
    assert len(bundled.facts) >= 200
    assert len(bundled.sources) == 3


def test_every_kind_is_represented(bundled: FactBase):
    """Each kind the documents support has facts."""
    kinds = Counter(f.kind for f in bundled.facts.values())
    for kind in ("replacement", "appointment", "removal", "arrest", "execution", "suicide",
                 "survival", "trial", "decree", "statistic", "institutional_change", "event",
                 "quotation", "group"):
        assert kinds[kind] > 0, kind


def test_every_source_and_topic_is_used(bundled: FactBase):
    """No source or topic is declared and then never used."""
    assert {f.source for f in bundled.facts.values()} == set(bundled.sources)
    assert {t for f in bundled.facts.values() for t in f.topics} == set(bundled.topics)


def test_every_entity_is_used(bundled: FactBase):
    """Every declared entity is referred to by at least one fact."""
    used = {ref for f in bundled.facts.values() for _, ref in f.entity_refs()}
    used |= {r for f in bundled.facts.values() for r in (f.attribution.by, *f.attribution.via)}
    assert sorted(set(bundled.entities) - used) == []


def _group_with(bundled: FactBase, *members: str) -> bool:
    return any(set(members) <= set(f.fields["members"]) for f in bundled.of_kind("group"))


def test_groups_the_questions_need(bundled: FactBase):
    """The groups the quiz asks about exist: deputies, arrested commanders, commissariats."""
    assert _group_with(bundled, "voroshilov")  # Molotov's three new deputies
    assert _group_with(bundled, "tukhachevsky", "yakir", "uborevich", "kork", "eideman",
                       "feldman")
    four = [f for f in bundled.of_kind("group") if len(f.fields["members"]) == 4
            and all(bundled.entities[m].type == "institution" for m in f.fields["members"])]
    assert four, "the four commissariats purged in 1940"


def test_claims_name_who_makes_them(bundled: FactBase):
    """A claim, estimate, interpretation or report names its author in its statement."""
    for fact in bundled.facts.values():
        if fact.attribution.is_record:
            continue
        by = bundled.entities[fact.attribution.by]
        names = {s.lower() for s in by.spellings} | {by.name.split()[-1].lower()}
        assert any(n in fact.statement.lower() for n in names) or "chapter" in \
            fact.statement.lower(), f"{fact.id}: statement does not say who claims it"


def test_documented_spelling_variants(bundled: FactBase):
    """Names the documents spell two ways accept both spellings."""
    rudzutak = bundled.entities["rudzutak"].spellings
    assert "Rudzutak" in rudzutak and "Rudzutaks" in " ".join(rudzutak)
