"""A generated deck's title when none is given: from the filters, else from the fact file."""

from __future__ import annotations

from purgequiz.facts import FactBase
from purgequiz.generate.select import Filters
from purgequiz.generate.titles import BUNDLED_SUBJECT, default_title, subject_of

from ..facts.conftest import EXAMPLE
from .conftest import make_base

TWO_TOPICS = EXAMPLE.read_text(encoding="utf-8") + '\n[[topic]]\nid = "paris"\ntitle = "Paris"\n'


def test_the_bundled_base_is_named_by_its_subject(base: FactBase):
    """Without filters the bundled base gives 'Questions on the purges of 1937–1940'."""
    assert (
        default_title(base, Filters(), subject_of(base, None))
        == "Questions on the purges of 1937\u20131940"
    )


def test_a_fact_file_with_one_topic_is_named_by_that_topic():
    """A fact file whose facts share one topic is titled by that topic's title."""
    one = make_base(EXAMPLE.read_text(encoding="utf-8"))
    assert default_title(one, Filters(), subject_of(one, "1848")) == "Questions on France in 1848"


def test_a_fact_file_with_several_topics_is_named_by_its_file_name_in_words():
    """With more than one topic the file's name, its hyphens and underscores as spaces, is used."""
    two = make_base(TWO_TOPICS)
    assert subject_of(two, "my_revolutions-of-1848") == "my revolutions of 1848"


def test_topics_kinds_years_and_sources_chosen_make_the_title(base: FactBase):
    """The chosen topics, kinds, years and sources are named, each topic as in a sentence."""
    filters = Filters(
        topics=("army", "decrees"),
        kinds=("source-criticism",),
        sources=("wright-1940-new-purge",),
        years=(1937, 1938),
    )
    assert default_title(base, filters, BUNDLED_SUBJECT) == (
        "Questions on the army purge and Decrees and resolutions in 1937\u20131938 "
        "from Wright, Socialist Appeal, 5 October 1940: source criticism"
    )


def test_a_single_year_is_named_once(base: FactBase):
    """--years 1938 reads 'in 1938', not 'in 1938–1938'."""
    assert default_title(base, Filters(years=(1938, 1938)), BUNDLED_SUBJECT).endswith(" in 1938")
