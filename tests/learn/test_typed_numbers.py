"""How a typed figure is read: separators, scale words and the ways of writing a range."""

import pytest

from purgequiz.learn.typed_numbers import number_readings, read_number


@pytest.mark.parametrize(
    "typed, canonical",
    [
        ("353,074", "353074"),
        ("353 074", "353074"),
        ("2.3 billion", "2300000000"),
        ("20,000\u201340,000", " 20000 to 40000 "),
        ("between 20,000 and 40,000", " 20000 to 40000 "),
        ("from 20000 to 40000 people", " 20000 to 40000  people"),
        ("20,000 - 40,000", " 20000 to 40000 "),
    ],
)
def test_one_figure_reads_one_way_however_it_is_written(typed, canonical):
    """Separators, scale words and the words that join a range all read the same."""
    assert read_number(typed) == canonical


def test_a_short_range_is_read_literally_and_in_full():
    """'20–40,000' reads as 20 to 40,000 and as 20,000 to 40,000; a full range only as itself."""
    assert number_readings("20\u201340,000") == (" 20 to 40000 ", " 20000 to 40000 ")
    assert number_readings("1.5-2 million") == (" 15 to 2000000 ", " 1500000 to 2000000 ")
    assert number_readings("20,000-40,000") == (" 20000 to 40000 ",)
    assert number_readings("35-36,500") == (" 35 to 36500 ",)  # 36,500 is not in thousands


@pytest.mark.parametrize(
    "typed, same_as",
    [
        ("over 1,000", "more than 1,000"),
        ("more than a thousand", "more than 1,000"),
        ("Over one thousand generals", "more than 1000 generals"),
        ("a thousand", "1,000"),
        ("two million", "2,000,000"),
        ("under 500", "fewer than 500"),
        ("less than 500", "fewer than 500"),
    ],
)
def test_number_words_and_bounds_read_as_the_figure_they_say(typed, same_as):
    """'A thousand' is 1,000, and 'over' says what 'more than' says."""
    assert read_number(typed).casefold() == read_number(same_as).casefold()


def test_words_that_are_not_a_count_stay_as_they_are():
    """'a' before anything but a scale word, and 'overall', are not figures or bounds."""
    assert read_number("a few overall") == "a few overall"
