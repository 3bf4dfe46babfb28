"""Time deck generation on synthetic fact bases (1k, 2k, 4k facts) and on the shipped decks.

Run: python benchmarks/generate.py

The synthetic bases are made with Faker, seeded, with every fact kind that can be asked in
turn: posts, fates, figures in tables, decrees, trials, reports, readings, causes, sets.
Generation must grow near-linearly (the 4k/1k ratio, printed last, at most 4.5) and all
shipped decks must build in under a second.
"""

from __future__ import annotations

import gc
import random
import sys
import time
from collections.abc import Callable

from faker import Faker

from purgequiz import paths
from purgequiz.facts import Attribution, Entity, Fact, FactBase, Source, Topic, load
from purgequiz.facts.dates import DateSpan, FuzzyDate
from purgequiz.facts.kinds import (
    Appointment,
    Arrest,
    Assessment,
    Cause,
    Conflict,
    Consequence,
    Death,
    Decree,
    Event,
    Execution,
    Group,
    InstitutionalChange,
    Justification,
    Purge,
    Quotation,
    Removal,
    Replacement,
    Report,
    Role,
    Statistic,
    Suicide,
    Survival,
    Trial,
)
from purgequiz.generate.build import generate
from purgequiz.generate.shipped import build_shipped_decks

SIZES = (1000, 2000, 4000)
RUNS = 7
TOPICS = ("army", "industry", "decrees", "trials", "nkvd", "terror", "war", "press")
SPHERES = ("army", "nkvd", "party", "state", "industry")
POSTS = (
    "commissar of {}",
    "head of the {} department",
    "commander of the {} district",
    "chairman of the {} committee",
)
CHANGES = ("created", "abolished", "replaced", "divided", "renamed", "reorganised")


def synthetic_base(size: int, seed: int = 1937) -> FactBase:
    """A valid fact base of ``size`` facts, every kind that can be asked in turn."""
    fake = Faker()
    fake.seed_instance(seed)
    rng = random.Random(seed)
    source = Source(
        "synthetic", "Jane Smith", "Synthetic notes", "Handout", "later scholarship", 10, "2024"
    )
    topics = {t: Topic(t, t.title()) for t in TOPICS}
    entities: dict[str, Entity] = {}
    people: list[str] = []
    for i in range(max(30, size // 3)):
        name = f"{fake.last_name()} {i}"
        entities[f"p{i}"] = Entity(
            f"p{i}", "person", name, f"{fake.first_name()} {name}", sphere=SPHERES[i % len(SPHERES)]
        )
        people.append(f"p{i}")
    extra = max(5, size // 40)
    for i in range(extra):
        entities[f"d{i}"] = Entity(f"d{i}", "decree", f"decree no. {i}")
        entities[f"i{i}"] = Entity(
            f"i{i}",
            "institution",
            f"{fake.city()} Office {i}",
            sphere=SPHERES[i % len(SPHERES)],
            category="office",
        )
        entities[f"pl{i}"] = Entity(f"pl{i}", "place", f"{fake.city()} {i}", category="city")
        entities[f"pub{i}"] = Entity(
            f"pub{i}", "publication", f"The {fake.city()} Herald {i}", sphere="press"
        )
        entities[f"g{i}"] = Entity(
            f"g{i}", "group", f"the {fake.word()} group {i}", sphere=SPHERES[i % len(SPHERES)]
        )
    entities["critic"] = Entity("critic", "person", "Critic", sphere="historians")
    victims = people[::6]
    facts: dict[str, Fact] = {}
    makers = (
        Replacement,
        Appointment,
        Role,
        Removal,
        Arrest,
        Execution,
        Suicide,
        Death,
        Survival,
        Statistic,
        Statistic,
        Decree,
        Trial,
        InstitutionalChange,
        Purge,
        Quotation,
        Report,
        Justification,
        Assessment,
        Cause,
        Consequence,
        Group,
        Event,
        Conflict,
    )
    for n in range(size):
        cls = makers[n % len(makers)]
        k = n // len(makers)
        date = DateSpan(
            FuzzyDate(
                rng.randint(1930, 1941), rng.randint(1, 12), rng.choice([None, rng.randint(1, 28)])
            )
        )
        a, b = rng.sample(people, 2)
        v, w = rng.sample(victims, 2)  # as in the real base, about one person in six
        post = rng.choice(POSTS).format(fake.city())
        body, place, group = f"i{k % extra}", f"pl{k % extra}", f"g{k % extra}"
        claim = Attribution("claim", "critic") if cls is Assessment or n % 5 == 0 else Attribution()
        common = {
            "id": f"f{n}",
            "statement": f"{entities[a].name} and {fake.sentence(6)}",
            "source": "synthetic",
            "paragraphs": (1,),
            "topics": (TOPICS[n % len(TOPICS)],),
            "attribution": claim,
            "date": date,
        }
        fields: dict = {
            Replacement: {"person": a, "replaced": b, "post": post},
            Appointment: {"person": a, "post": post},
            Role: {"person": a, "post": post},
            Removal: {"person": a, "post": post},
            Arrest: {"people": (v,), "charge": fake.sentence(4)},
            Execution: {"people": (v, w)},
            Suicide: {"group": group},
            Death: {"people": (v,), "cause": "was killed abroad", "places": (place,)},
            Survival: {"people": (a,), "survived": "the purge of the high command"},
            Statistic: {
                "asks": f"How many officers were counted in table {k % 50}?",
                "quantity": f"officers counted in table {k % 50}",
                "unit": "officers",
                "value": float(rng.randint(10, 90000)),
                "series": f"s{k % 50}",
                "row": str(date.year),
            },
            Decree: {
                "decree": f"d{k % extra}",
                "prohibits": fake.sentence(5),
                "penalty": fake.sentence(4),
            },
            Trial: {
                "name": f"trial {k}",
                "place": place,
                "accused": (a, b),
                "charges": fake.sentence(3),
                "accused_count": rng.randint(3, 30),
            },
            InstitutionalChange: {
                "institution": body,
                "change": fake.sentence(3),
                "type": rng.choice(CHANGES),
            },
            Purge: {"targets": (body,), "by": a},
            Quotation: {"speaker": a, "gist": fake.sentence(8), "addressee": b},
            Report: {"outlet": f"pub{k % extra}", "said": fake.sentence(8), "subject": a},
            Justification: {
                "action": f"the removal of {entities[a].name}",
                "reason": fake.sentence(5),
                "given_by": f"pub{k % extra}",
            },
            Assessment: {"subject": fake.sentence(3), "judgement": fake.sentence(5), "about": a},
            Cause: {"cause": fake.sentence(4), "effect": fake.sentence(4)},
            Consequence: {"cause": fake.sentence(4), "effect": fake.sentence(4)},
            Group: {
                "label": f"group {k}",
                "members": tuple(rng.sample(people, 3)),
                "property": fake.sentence(4),
            },
            Event: {
                "what": f"{entities[a].name} {fake.sentence(4).lower()}",
                "who": (a,),
                "subject": a,
                "place": place,
            },
            Conflict: {"about": fake.sentence(3), "accounts": (f"f{n - 1}", f"f{n - 2}")},
        }[cls]
        # As in the real base, a statement names what the fact is about.
        named = [
            entities[ref].name
            for value in fields.values()
            for ref in (
                (value,) if isinstance(value, str) else value if isinstance(value, tuple) else ()
            )
            if ref in entities
        ]
        common["statement"] = f"{', '.join(dict.fromkeys(named))}: {fake.sentence(6)}"
        facts[f"f{n}"] = cls(**common, **fields)
    return FactBase({"synthetic": source}, topics, entities, facts)


def best_of(action: Callable[[], object], runs: int = RUNS) -> float:
    """The least CPU time of ``runs`` runs (CPU, not wall-clock, time: other processes on a
    shared machine do not count against us), with the cyclic garbage collector paused while
    timing, as the standard library's timeit does, so that the figures measure generation
    and not how many objects the interpreter happens to hold."""
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            action()
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


def main() -> int:
    print(f"{'facts':>6}  {'cards':>6}  {'CPU s, best of ' + str(RUNS):>16}")
    bases = {size: synthetic_base(size) for size in SIZES}
    cards = {size: len(generate(base, seed=1).cards) for size, base in bases.items()}
    times = {size: float("inf") for size in SIZES}
    for _ in range(RUNS):  # sizes taken in turn, so a busy moment does not hit one size only
        for size, base in bases.items():
            times[size] = min(times[size], best_of(lambda base=base: generate(base, seed=1), 1))
    for size in SIZES:
        print(f"{size:>6}  {cards[size]:>6}  {times[size]:>15.3f}s")
    bundled = load(paths.bundled_seeds_dir()).base
    assert bundled is not None
    shipped = best_of(lambda: build_shipped_decks(bundled))
    decks = build_shipped_decks(bundled)
    print(
        f"shipped decks: {len(decks)} decks, {sum(len(d.cards) for d in decks)} cards "
        f"from {len(bundled.facts)} facts in {shipped:.3f}s (limit 1 s)"
    )
    ratio = times[SIZES[-1]] / times[SIZES[0]]
    print(f"ratio {SIZES[-1]}/{SIZES[0]}: {ratio:.2f} (limit 4.5)")
    return 0 if ratio <= 4.5 and shipped < 1 else 1


if __name__ == "__main__":
    sys.exit(main())
