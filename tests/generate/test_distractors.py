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


def test_pick_on_a_large_pool_finds_what_it_may_take():
    """In a large pool where one item in five is acceptable, probes and then a walk over
    24 neighbours (which holds at least four acceptable ones) find as many as asked for, each
    acceptable, none twice."""
    pool = [str(i) for i in range(10000)]
    for seed in range(20):
        chosen = pick([pool], 3, lambda x: int(x) % 5 == 0, random.Random(seed))
        assert len(set(chosen)) == len(chosen) == 3, seed
        assert all(int(item) % 5 == 0 for item in chosen), seed


def test_pick_looks_at_a_bounded_part_of_a_large_pool():
    """However rare acceptable items are, a question costs the same in a base of any size:
    a pool is looked at no more than the probes and the walk allow, then the next pool is
    tried, where acceptable items are found."""
    looked: list[str] = []

    def ok(item: str) -> bool:
        looked.append(item)
        return item.startswith("near")

    far = [f"far {i}" for i in range(10000)]
    chosen = pick([far, ["near 1", "near 2", "near 3"]], 2, ok, random.Random(4))
    assert len(chosen) == 2 and all(item.startswith("near") for item in chosen)
    assert len([item for item in looked if item.startswith("far")]) <= 12 + 24


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
