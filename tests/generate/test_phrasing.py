"""Phrasing: attribution phrases, date phrases lifted out of statements, blanks."""

from __future__ import annotations

from purgequiz.facts import FactBase
from purgequiz.generate.phrasing import (
    attribution_note,
    attribution_phrase,
    blank_first,
    mentions,
    source_label,
    strip_dates,
)


def test_claims_are_asked_with_their_author_and_year(base: FactBase):
    """A claim by the source's own author reads 'According to Wright (1940)'."""
    assert attribution_phrase(base, base.facts["gamarnik-executed-wright"]) == \
        "According to Wright (1940)"


def test_records_have_no_attribution(base: FactBase):
    """A plain record is asked as a fact, with no attribution phrase."""
    assert attribution_phrase(base, base.facts["gamarnik-suicide"]) is None
    assert attribution_note(base, base.facts["gamarnik-suicide"]) is None


def test_relayed_reports_name_the_relay(base: FactBase):
    """The note on a relayed report names the paper or agency relayed."""
    note = attribution_note(base, base.facts["havas-403"])
    assert note is not None and "Havas" in note and "not an established record" in note


def test_source_label_for_unnamed_authors(base: FactBase):
    """A source without a named author is 'a later study'."""
    source = base.sources["study"]
    unnamed = type(source)(**{**vars(source), "author": "Unnamed author", "date": None})
    assert source_label(unnamed) == "a later study"
    assert source_label(base.sources["press-1940"]) == "Wright (1940)"


def test_strip_dates_lifts_prepositional_dates():
    """Dates led by a preposition are removed; the sentence stays whole."""
    assert strip_dates("In March 1938 Nazi Germany annexed Austria.") == \
        "Nazi Germany annexed Austria."
    assert strip_dates("Beria started work in Moscow in mid-September 1938.") == \
        "Beria started work in Moscow."
    assert strip_dates("Yakir was shot on 12 June 1937.") == "Yakir was shot."


def test_strip_dates_refuses_dates_it_cannot_lift():
    """A date that is part of a phrase ('the changes of late 1938', '21.8.1938') stays,
    and the statement is refused rather than mangled."""
    assert strip_dates("After the changes of late 1938 the arrests fell off.") is None
    assert strip_dates("A resolution dated 21.8.1938 appointed Beria.") is None


def test_blank_first_blanks_the_longest_spelling():
    """The earliest, longest spelling is blanked, as a whole word only."""
    text = "K. Ye. Voroshilov met Voroshilova."
    assert blank_first(text, ["Voroshilov", "K. Ye. Voroshilov"]) == "_____ met Voroshilova."
    assert blank_first("nothing here", ["Voroshilov"]) is None
    assert not mentions("Voroshilova", ["Voroshilov"])
