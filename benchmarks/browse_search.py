"""Time the browser's search: making the index once, then each keystroke.

Run: python benchmarks/browse_search.py [--rounds N] [--copies N]

The index is made from the decks and the fact base that ship (with ``--copies N``, every card
N times over, under other ids, to see how the time grows). Each round makes the index afresh
and types a set of queries letter by letter, as a student would, timing every keystroke's
search (what the browser runs on each key, before it lists the results). The target is well
under 50 ms per keystroke, judged on the 99th percentile: the slowest single key also counts
the moments the machine was busy elsewhere, and is printed beside it. Nothing is written
anywhere.
"""

from __future__ import annotations

import argparse
import statistics
import time
from dataclasses import replace

from purgequiz import paths
from purgequiz.decks.fileformat import read_deck
from purgequiz.decks.model import Card
from purgequiz.facts import load_or_raise
from purgequiz.learn.search import SearchIndex

TARGET_MS = 50.0
QUERIES = (
    "Tukhachevski",
    "yezhov beria",
    "head of the nkvd",
    "topic:army kind:execution",
    "person:tukachevsky is:card",
    "source:wright 1940",
    "purge of the army commanders",
    "katyn",
)


def shipped_cards(copies: int) -> list[Card]:
    cards: dict[str, Card] = {}
    for file in sorted(paths.bundled_decks_dir().glob("*.json")):
        for card in read_deck(file).cards:
            cards.setdefault(card.id, card)
    out = list(cards.values())
    for copy in range(1, copies):
        out += [replace(card, id=f"{card.id}~{copy}") for card in cards.values()]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="indexes made and typed into")
    parser.add_argument("--copies", type=int, default=1, help="each card this many times")
    options = parser.parse_args()
    base = load_or_raise(paths.bundled_seeds_dir())
    cards = shipped_cards(options.copies)
    built: list[float] = []
    keys: list[float] = []
    slowest = (0.0, "")
    entries = 0
    for _ in range(options.rounds):
        start = time.perf_counter()
        index = SearchIndex(cards, base)
        built.append(time.perf_counter() - start)
        entries = len(index.entries)
        for query in QUERIES:
            for end in range(1, len(query) + 1):
                typed = query[:end]
                start = time.perf_counter()
                index.search(typed)
                took = time.perf_counter() - start
                keys.append(took)
                slowest = max(slowest, (took, typed))
    ms = sorted(k * 1000 for k in keys)
    p95, p99 = (ms[int(share * (len(ms) - 1))] for share in (0.95, 0.99))
    print(
        f"index: {entries} entries ({len(cards)} cards, {len(base.facts)} facts, "
        f"{entries - len(cards) - len(base.facts)} people), made in "
        f"{statistics.median(built) * 1000:.0f} ms (median of {options.rounds})"
    )
    print(
        f"per keystroke ({len(ms)} keys): median {statistics.median(ms):.2f} ms, "
        f"p95 {p95:.2f} ms, p99 {p99:.2f} ms, max {ms[-1]:.2f} ms ({slowest[1]!r})"
    )
    verdict = "within" if p99 < TARGET_MS else "OVER"
    print(f"{verdict} the target: p99 < {TARGET_MS:.0f} ms")


if __name__ == "__main__":
    main()
