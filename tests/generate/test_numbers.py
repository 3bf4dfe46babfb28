"""Figures: the source's range and precision kept; wrong figures never also true."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from purgequiz.generate.numbers import Figure, close, invented_figures, near


def test_ranges_and_qualifiers_are_kept():
    """'from 20,000 to 40,000' and 'more than 1,000' stay as the source gives them."""
    assert Figure(20000, 40000, unit="people").text() == "from 20,000 to 40,000 people"
    assert Figure(1000, 1000, "more than").text(with_unit=False) == "more than 1,000"
    assert Figure(2.3e9, 2.3e9, unit="rubles").text() == "2.3 billion rubles"


def test_spellings_accept_plain_digits():
    """Typed answers may be written with or without thousands separators."""
    spellings = Figure(35000, 36500).spellings()
    assert "35000-36500" in spellings and "35,000\u201336,500" in spellings
    assert "1000" in Figure(1000, 1000).spellings()


def test_spellings_of_a_range_include_the_sources_own_forms():
    """A range is accepted written "between … and …" and, for thousands, short as the
    sources write it ("20–40,000", and with a keyboard's hyphen, which exports that compare
    text need); a range not in whole thousands has no short form."""
    spellings = Figure(20000, 40000, unit="people").spellings()
    assert "between 20,000 and 40,000" in spellings
    assert "20\u201340,000" in spellings and "20\u201340,000 people" in spellings
    assert "20-40,000" in spellings and "20-40,000 people" in spellings
    assert not any(s.startswith("35\u2013") for s in Figure(35000, 36500).spellings())


def test_open_ended_candidates_are_true_of_higher_figures():
    """'over 500' would be true of 'over 1,000', so it is near; 'over 2,500' is not."""
    answer = Figure(1000, 1000, "over")
    assert near(answer, Figure(500, 500, "over"))
    assert not near(answer, Figure(2500, 2500, "over"))


@given(
    st.integers(min_value=1, max_value=10**7),
    st.sampled_from([None, "over", "about", "under"]),
    st.integers(0, 1000),
)
def test_invented_figures_are_distinct_and_never_true(value, qualifier, seed):
    """Invented wrong figures are positive, apart from the answer and from each other."""
    answer = Figure(value, value, qualifier)
    wrong = invented_figures(answer, random.Random(seed), 3)
    if qualifier is None:  # 'over', 'about' and 'under' may rule some out
        assert len(wrong) == 3
    for i, figure in enumerate(wrong):
        assert figure.low > 0
        assert not near(answer, figure)
        assert not any(close(figure, other) for other in wrong[i + 1 :])


def test_small_counts_stay_whole_and_percentages_stay_below_100():
    """'7 of 10' gets whole-number neighbours; a share never exceeds 100 per cent."""
    for seed in range(20):
        counts = invented_figures(Figure(7, 7), random.Random(seed), 3)
        shares = invented_figures(Figure(90, 90, unit="percent"), random.Random(seed), 3)
        assert len(counts) == len(shares) == 3
        assert all(figure.is_whole for figure in counts)
        assert all(figure.high <= 100 for figure in shares)
