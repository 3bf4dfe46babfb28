"""Choosing and arranging distractors."""

from __future__ import annotations

import random

from purgequiz.generate.distractors import arrange, pick


def test_pick_prefers_the_first_pool_and_respects_the_predicate():
    """Items come from the first pool while it lasts, and never one that is rejected."""
    chosen = pick([["a", "b"], ["c", "d", "e"]], 3, lambda x: x != "b", random.Random(1))
    assert chosen[0] == "a" and "b" not in chosen and len(chosen) == 3


def test_pick_never_repeats_or_returns_what_is_taken():
    """Equal items (ignoring case) and taken ones are skipped."""
    chosen = pick([["A", "a", "b", "B", "c"]], 5, lambda x: True, random.Random(2), taken=["c"])
    assert sorted(x.lower() for x in chosen) == ["a", "b"]


def test_pick_on_a_large_pool_finds_rare_items():
    """Probing a large pool falls back to a walk, so rare acceptable items are found."""
    pool = [str(i) for i in range(10000)]
    chosen = pick([pool], 2, lambda x: x in ("17", "9001"), random.Random(3))
    assert set(chosen) <= {"17", "9001"}


def test_arrange_includes_the_answer_and_varies_its_position():
    """The answer is always a choice, choices are distinct, and its place moves."""
    positions = set()
    for seed in range(30):
        options = arrange("right", ["w1", "w2", "w2", "w3", "w4"], random.Random(seed))
        assert "right" in options and len(set(options)) == len(options) == 4
        positions.add(options.index("right"))
    assert len(positions) >= 3


def test_arrange_gives_no_choices_without_two_real_distractors():
    """With fewer than two distractors the card is asked without choices."""
    assert arrange("right", ["wrong"], random.Random(1)) == ()
