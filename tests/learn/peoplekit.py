"""A small fact base and cards on it, for the browser's search and people pages (imported by
tests/learn)."""

from __future__ import annotations

from purgequiz.decks.model import Card, Citation
from purgequiz.facts import FactBase, parse

TOML = """
[[source]]
id = "press"
author = "J. G. Wright"
title = "The purge in the army"
publication = "Socialist Appeal"
date = "1940-10-05"
kind = "contemporary press"
paragraphs = 10
cite_as = "Wright, Socialist Appeal, 5 October 1940"

[[source]]
id = "study"
author = "A historian"
title = "The Soviet elites"
publication = "A monograph"
kind = "later scholarship"
paragraphs = 10

[[topic]]
id = "army"
title = "The army purge"

[[topic]]
id = "nkvd"
title = "The NKVD"

[[entity]]
id = "tukhachevsky"
type = "person"
name = "Tukhachevsky"
full_name = "Mikhail N. Tukhachevsky"
sphere = "army"
description = "Red Army commander"

[[entity]]
id = "yezhov"
type = "person"
name = "Yezhov"
sphere = "nkvd"
description = "head of the NKVD"

[[entity]]
id = "beria"
type = "person"
name = "Beria"
sphere = "nkvd"
description = "Yezhov's successor"

[[entity]]
id = "zhukov-gk"
type = "person"
name = "Zhukov"
sphere = "army"
description = "the general"

[[entity]]
id = "zhukov-yun"
type = "person"
name = "Yu. N. Zhukov"
variants = ["Zhukov Yu. N."]
sphere = "historians"
description = "the historian"

[[entity]]
id = "nkvd"
type = "institution"
name = "NKVD"
sphere = "nkvd"

[[fact]]
id = "beria-replaces-yezhov"
kind = "replacement"
statement = "Beria took Yezhov's place at the head of the NKVD."
date = "1938-11"
topics = ["nkvd"]
source = "study"
paragraphs = [2]
attribution = "record"
person = "beria"
replaced = "yezhov"
post = "head of the NKVD"
institution = "nkvd"

[[fact]]
id = "yezhov-appointed"
kind = "appointment"
statement = "Yezhov was made head of the NKVD."
date = "1936-09"
topics = ["nkvd"]
source = "study"
paragraphs = [1]
attribution = "record"
person = "yezhov"
post = "head of the NKVD"

[[fact]]
id = "tukhachevsky-officer"
kind = "role"
statement = "Tukhachevsky had been an officer of the Guards."
topics = ["army"]
source = "study"
paragraphs = [3]
attribution = "record"
person = "tukhachevsky"
post = "an officer of the Guards"

[[fact]]
id = "commanders-arrested"
kind = "arrest"
statement = "Tukhachevsky and other commanders were arrested in May 1937."
date = "1937-05"
topics = ["army"]
source = "study"
paragraphs = [4]
attribution = "record"
people = ["tukhachevsky"]
charge = "a military conspiracy"

[[fact]]
id = "commanders-shot"
kind = "execution"
statement = "The commanders were shot in June 1937."
date = "1937-06"
topics = ["army"]
source = "press"
paragraphs = [5]
attribution = "record"
people = ["tukhachevsky"]

[[fact]]
id = "yezhov-removed"
kind = "removal"
statement = "Yezhov lost the NKVD."
date = "1938-11"
topics = ["nkvd"]
source = "study"
paragraphs = [6]
attribution = "record"
person = "yezhov"
post = "head of the NKVD"
afterwards = "was arrested the next spring"

[[fact]]
id = "zhukov-survived"
kind = "survival"
statement = "Zhukov came through the purge of the army."
topics = ["army"]
source = "press"
paragraphs = [7]
attribution = "record"
people = ["zhukov-gk"]
survived = "the purge of the army"

[[fact]]
id = "historian-reading"
kind = "assessment"
statement = "Yu. N. Zhukov reads the purge of the army as Stalin's own design."
topics = ["army"]
source = "study"
paragraphs = [8]
attribution = { type = "interpretation", by = "zhukov-yun" }
subject = "the purge of the army"
judgement = "Stalin's own design"

[[fact]]
id = "purge-mentions-yezhov"
kind = "event"
statement = "The terror of 1937 came to be named after Yezhov."
date = "1937"
topics = ["nkvd"]
source = "press"
paragraphs = [9]
attribution = "record"
what = "the terror came to be named after its organiser"

[[fact]]
id = "army-cost"
kind = "statistic"
statement = "The army cost 2.3 billion rubles in 1935."
date = "1935"
topics = ["army"]
source = "study"
paragraphs = [10]
attribution = "record"
asks = "How much did the army cost in 1935?"
quantity = "cost of the army"
unit = "rubles"
value = 2300000000.0

[[fact]]
id = "accounts-differ"
kind = "conflict"
statement = "The sources differ on what became of the commanders."
topics = ["army"]
source = "study"
paragraphs = [10]
attribution = "record"
about = "what became of the commanders"
accounts = ["commanders-arrested", "commanders-shot"]
"""


def base() -> FactBase:
    """The small fact base above (the test fails if it does not load)."""
    result = parse({"people.toml": TOML.encode()})
    assert not result.problems, "\n".join(map(str, result.problems))
    assert result.base is not None
    return result.base


CITATION = Citation("study", "The Soviet elites", "A historian", "A monograph", None, (2,))


def card(card_id: str, prompt: str, answer: str, fact_ids: tuple[str, ...], **fields) -> Card:
    values = dict(
        kind="question",
        template="t",
        prompt=prompt,
        answer=answer,
        explanation=fields.pop("explanation", "Because the source says so."),
        sources=(CITATION,),
        fact_ids=fact_ids,
        topics=fields.pop("topics", ("nkvd",)),
        answer_type="entity",
        choices=fields.pop("choices", (answer, "Yagoda", "Molotov", "Kalinin")),
        family=fields.pop("family", "posts"),
    )
    values.update(fields)
    return Card(id=card_id, **values)


def cards() -> list[Card]:
    return [
        card(
            "who-replaced-yezhov",
            "Who replaced Yezhov at the head of the NKVD?",
            "Beria",
            ("beria-replaces-yezhov",),
        ),
        card(
            "when-arrested",
            "In which month were the commanders arrested?",
            "May 1937",
            ("commanders-arrested",),
            topics=("army",),
            family="chronology",
            explanation="Tukhachevsky and other commanders were arrested in May 1937.",
        ),
        card(
            "officer",
            "Which of these commanders had been an officer of the Guards?",
            "Tukhachevsky",
            ("tukhachevsky-officer",),
            topics=("army",),
            family="posts",
            kind="flashcard",
            choices=(),
        ),
        card(
            "named-after",
            "After whom was the terror of 1937 named?",
            "Yezhov",
            ("purge-mentions-yezhov",),
            family="events",
            explanation="It was called the Yezhovshchina.",
        ),
    ]
