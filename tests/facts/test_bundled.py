"""The bundled fact base: complete enough for the quiz the documents support."""

from __future__ import annotations

from collections import Counter

from purgequiz.facts import KINDS, FactBase
from purgequiz.facts.kinds import Assessment, Cause, Statistic


def test_bundled_base_is_valid_and_sizeable(bundled: FactBase):
    """The shipped fact base loads with no problems and holds a few hundred facts."""
    assert len(bundled.facts) >= 200
    assert len(bundled.sources) == 3


def test_every_kind_is_represented(bundled: FactBase):
    """Every fact kind has facts in the bundled base."""
    kinds = Counter(f.kind for f in bundled.facts.values())
    assert sorted(k for k in KINDS if not kinds[k]) == []


def test_events_are_few(bundled: FactBase):
    """What the documents say is typed: at most 15% of the facts are plain events."""
    kinds = Counter(f.kind for f in bundled.facts.values())
    assert kinds["event"] <= 0.15 * len(bundled.facts)


def test_dated_facts_have_their_dates_from_somewhere(bundled: FactBase):
    """A fact whose date is worked out rather than read off the text says how."""
    noted = [fact for fact in bundled.facts.values() if fact.date_note]
    assert noted
    for fact in noted:
        assert len(fact.date_note) > 10, fact.id


def test_every_source_and_topic_is_used(bundled: FactBase):
    """No source or topic is declared and then never used."""
    assert {f.source for f in bundled.facts.values()} == set(bundled.sources)
    assert {t for f in bundled.facts.values() for t in f.topics} == set(bundled.topics)


def test_every_entity_is_used(bundled: FactBase):
    """Every declared entity is referred to by at least one fact."""
    used = {ref for f in bundled.facts.values() for _, ref in f.entity_refs()}
    used |= {r for f in bundled.facts.values() for r in (f.attribution.by, *f.attribution.via)}
    assert sorted(set(bundled.entities) - used) == []


def test_the_sets_the_questions_need(bundled: FactBase):
    """The sets the quiz asks about exist: deputies, arrested commanders, commissariats."""
    deputies = bundled.facts["w40-molotov-three-new-deputies"]
    assert set(deputies.members) == {"voroshilov", "vyshinsky", "mekhlis"}
    arrested = bundled.facts["ch7-commanders-arrested-may-1937"]
    assert arrested.kind == "arrest" and set(arrested.people) == {
        "tukhachevsky",
        "yakir",
        "uborevich",
        "kork",
        "eideman",
        "feldman",
    }
    purge = bundled.facts["w40-four-commissariats-purged"]
    assert purge.kind == "purge" and len(purge.targets) == 4


def test_the_review_corrections_hold(bundled: FactBase):
    """What the review found misstated is stated right: attributions, issuers, glosses."""
    # The footnote's claim that two marshals of the army tribunal were later executed is
    # doubtful (Blyukher died in custody, Budenny survived): it is not taught at all.
    assert "ch7-army-tribunal-executed" not in bundled.facts
    assert "w40-political-department-abolished" not in bundled.facts  # Wright's error
    resolutions = bundled.facts["ch7-resolutions-halt-mass-operations"]
    assert set(resolutions.issued_by) == {"council-of-peoples-commissars", "central-committee"}
    # what the six-day week was is not in the sources, and is not said
    working_time = bundled.facts["ch7-working-time-decree-1940"]
    assert "six-day week" in (working_time.note or "") and "Sunday" not in working_time.requires
    # no note corrects a source from outside the sources
    assert not [f.id for f in bundled.facts.values() if f.note and "in fact" in f.note]
    # a post held (never asked "when"), in the year the study places it, with where from
    malenkov = bundled.facts["ch7-malenkov-organizational-work"]
    assert malenkov.kind == "role" and malenkov.date is not None
    assert malenkov.date.text == "1938" and malenkov.date_note
    assert "Communist Party" in malenkov.post
    assert bundled.facts["ch7-litvinov-motive"].attribution.by == "elites-author"
    assert bundled.facts["ch7-constitution-concentrated-power"].attribution.by == "elites-author"
    assert "Azerbaijan" in bundled.facts["w37-muzabekov-cec-chairman"].post
    for figure in ("ch7-army-size-1938", "ch7-army-budget-1938"):
        assert bundled.facts[figure].attribution.by == "pechenkin-khlevniuk"
    # Wright put Balitsky's "suicide" in doubting quotation marks: a report, not a fate.
    assert bundled.facts["w37-balitsky-reported-suicide"].kind == "report"
    for fate, kind in (
        ("ch7-gamarnik-suicide", "suicide"),
        ("ch7-trotsky-murdered", "death"),
        ("ch7-polish-officers-killed", "execution"),
        ("ch7-nkvd-leaders-suicides", "suicide"),
        ("ch7-awaiting-sentence", "arrest"),
    ):
        assert bundled.facts[fate].kind == kind, fate
    assert bundled.facts["ch7-gamarnik-accounts-differ"].accounts == (
        "w40-gamarnik-called-executed",
        "ch7-gamarnik-suicide",
    )


def test_figures_count_whom_the_source_counts(bundled: FactBase):
    """The death sentences of 1937 and 1938 are asked for ordinary citizens, as the later
    study counts them, not for everyone sentenced to death."""
    for year in ("1937", "1938"):
        fact = bundled.facts[f"ch7-death-sentences-{year}"]
        assert isinstance(fact, Statistic)
        assert "ordinary citizens" in fact.asks and "ordinary citizens" in fact.quantity


def test_a_question_says_no_more_than_its_paragraphs(bundled: FactBase):
    """Pravda's reason for the flood of paper cites the paragraph that tells of the flood and
    of Pashin, and the question says who Pashin was, as that paragraph does."""
    fact = bundled.facts["w40-pravda-paperwork-cause"]
    assert isinstance(fact, Cause) and fact.asks is not None
    assert set(fact.paragraphs) == {40, 41}
    headed = "the People's Commissariat of the Machine-Building Industry, which he headed"
    assert f"Pashin exposed in {headed}" in fact.asks


def test_claims_name_who_makes_them(bundled: FactBase):
    """A claim, estimate, interpretation or report names its author in its statement."""
    claims = [fact for fact in bundled.facts.values() if not fact.attribution.is_record]
    assert claims
    for fact in claims:
        by = bundled.entities[fact.attribution.by]
        names = {s.lower() for s in by.spellings} | {by.name.split()[-1].lower()}
        names |= {w.lower() for s in by.spellings for w in s.split() if w[:1].isupper()}
        assert any(n in fact.statement.lower() for n in names), (
            f"{fact.id}: statement does not say who claims it"
        )


def test_documented_spelling_variants(bundled: FactBase):
    """Names the documents spell two ways accept both spellings."""
    rudzutak = bundled.entities["rudzutak"].spellings
    assert "Rudzutak" in rudzutak and "Rudzutaks" in " ".join(rudzutak)


def test_a_reading_keeps_its_author_s_hedge_and_is_corrected_as_he_wrote(bundled: FactBase):
    """Wright's claim that none of the new generals had a revolutionary past keeps his 'to
    our knowledge' in its answer, and its correction says what he wrote of Tulenev: a Civil
    War record credited to him that Wright called synthetic and forged (the paragraph cited)."""
    fact = bundled.facts["w40-appointees-no-revolutionary-past"]
    assert isinstance(fact, Assessment)
    assert "as far as he knew" in fact.judgement
    assert 31 in fact.paragraphs
    assert fact.note and "synthetic and forged" in fact.note
    assert "himself credits" not in fact.note


def test_a_reading_does_not_name_its_answer_in_its_question(bundled: FactBase):
    """The later study's reading of Stalin's changes before the 1936 Constitution asks what
    they prepared the way for without naming the constitution or its year: it asks about
    Stalin's drive to control the bodies that still kept some independence (para. 17)."""
    fact = bundled.facts["ch7-constitution-concentrated-power"]
    assert isinstance(fact, Assessment) and fact.asks
    assert "1936" not in fact.asks and "onstitution" not in fact.asks
    assert "control" in fact.asks and "still kept some independence" in fact.asks


def test_spans_of_years_are_written_with_an_en_dash(bundled: FactBase):
    """What a card may show writes a span of years as the cards write ranges ("1937–38",
    "1938–1939"), never with a hyphen; ids and the notes on dates are not shown."""
    import dataclasses
    import re

    hyphen = re.compile(r"\b1[89]\d\d-(?:1[89])?\d\d\b")
    found = [
        (fact.id, field.name)
        for fact in bundled.facts.values()
        for field in dataclasses.fields(fact)
        if field.name not in ("id", "date_note")
        and isinstance(value := getattr(fact, field.name), str)
        and hyphen.search(value)
    ]
    assert found == []
