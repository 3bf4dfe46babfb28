"""Wrong answers that are real, of the same kind, plausible and never also right.

Each picker takes the pools it draws from in order of preference (same topic first, then
the whole base) and a predicate that rejects anything also true; it probes pools at random
positions instead of scanning them, so a question costs the same in a base of any size.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from purgequiz.generate.phrasing import normalize_wording

__all__ = ["arrange", "pick"]

_PROBES = 12
_WALK = 24  # after the probes, at most this many neighbours: the cost of a question is bounded
T = TypeVar("T")


def pick(
    pools: Iterable[Sequence[T]],
    count: int,
    ok: Callable[[T], bool],
    rng: random.Random,
    taken: Iterable[str] = (),
    key: Callable[[T], str] = str,
) -> list[T]:
    """Up to ``count`` items accepted by ``ok`` with distinct ``key``s (none equal to one
    ``taken``), drawn from the first pools first."""
    chosen: list[T] = []
    seen = {normalize_wording(t) for t in taken}

    def take(item: T) -> None:
        label = normalize_wording(key(item))
        if label not in seen and ok(item):
            seen.add(label)
            chosen.append(item)

    for pool in pools:
        if len(chosen) >= count or not pool:
            continue
        if len(pool) <= _PROBES:
            order = list(pool)
            rng.shuffle(order)
            for item in order:
                if len(chosen) < count:
                    take(item)
            continue
        for _ in range(_PROBES):
            if len(chosen) >= count:
                break
            take(pool[rng.randrange(len(pool))])
        start = rng.randrange(len(pool))  # probing came up short: walk on from a random place
        for step in range(min(len(pool), _WALK)):
            if len(chosen) >= count:
                break
            take(pool[(start + step) % len(pool)])
    return chosen


def arrange(
    answer: str, distractors: Sequence[str], rng: random.Random, most: int = 3, least: int = 2
) -> tuple[str, ...]:
    """The multiple-choice options: the answer and up to ``most`` distinct distractors in a
    random order; none at all when fewer than ``least`` real distractors exist."""
    options = [answer]
    seen = {normalize_wording(answer)}
    for item in distractors:
        if normalize_wording(item) not in seen:
            seen.add(normalize_wording(item))
            options.append(item)
        if len(options) > most:
            break
    if len(options) < least + 1:
        return ()
    rng.shuffle(options)
    return tuple(options)
