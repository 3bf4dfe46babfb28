"""A small fact base on the purges, written for these tests, and decks built from it."""

from __future__ import annotations

import pytest

from purgequiz.facts import FactBase, parse
from purgequiz.generate.build import generate
from purgequiz.generate.model import Deck

HEAD = '''
[[source]]
id = "press-1940"
author = "John G. Wright"
title = "A new purge"
publication = "Socialist Appeal"
date = "1940-10-05"
kind = "contemporary press"
paragraphs = 30

[[source]]
id = "study"
author = "Ann Historian"
title = "The army and the terror"
publication = "A later study"
date = "2010"
kind = "later scholarship"
paragraphs = 30

[[topic]]
id = "army"
title = "The army purge"

[[topic]]
id = "industry"
title = "Industry"

[[topic]]
id = "decrees"
title = "Decrees"

[[topic]]
id = "regional-trials"
title = "The 1937 regional trials"
'''

PEOPLE = {
    "voroshilov": ("Voroshilov", 'full_name = "K. Ye. Voroshilov"'),
    "timoshenko": ("Timoshenko", ""),
    "shaposhnikov": ("Shaposhnikov", ""),
    "meretskov": ("Meretskov", 'full_name = "K. A. Meretskov"'),
    "budenny": ("Budenny", 'variants = ["Budyonny"]'),
    "gamarnik": ("Gamarnik", 'full_name = "Yan Gamarnik"'),
    "mekhlis": ("Mekhlis", ""),
    "tukhachevsky": ("Tukhachevsky", ""),
    "yakir": ("Yakir", ""),
    "vyshinsky": ("Vyshinsky", ""),
    "samokhvalov": ("Samokhvalov", ""),
    "kaganovich": ("Kaganovich", ""),
    "muzabekov": ("Muzabekov", ""),
    "trotsky": ("Trotsky", ""),
    "wright": ("Wright", 'full_name = "John G. Wright"'),
    "historian": ("Historian", 'full_name = "Ann Historian"'),
}
OTHERS = [
    ("havas", "publication", "Havas"),
    ("pravda", "publication", "Pravda"),
    ("decree-june-1940", "decree", "Decree of 26 June 1940"),
    ("decree-defective", "decree", "Decree on defective production"),
    ("presidium", "institution", "Presidium of the Supreme Soviet"),
    ("political-department", "institution", "Political Department of the Red Army"),
    ("state-control", "institution", "State Control Commission"),
    ("sovnarkom", "institution", "Council of People's Commissars"),
    ("baku", "place", "Baku"),
    ("gomel", "place", "Gomel"),
    ("moscow", "place", "Moscow"),
]


def _entities() -> str:
    out = []
    for ident, (name, extra) in PEOPLE.items():
        out.append(f'[[entity]]\nid = "{ident}"\ntype = "person"\nname = "{name}"\n{extra}\n')
    for ident, type_, name in OTHERS:
        out.append(f'[[entity]]\nid = "{ident}"\ntype = "{type_}"\nname = "{name}"\n')
    return "\n".join(out)


WRIGHT = 'attribution = { type = "claim", by = "wright" }'
RECORD = 'attribution = "record"'


def fact(ident: str, kind: str, statement: str, fields: str, *, date: str | None = None,
         topics: str = '["army"]', source: str = "study", attribution: str = RECORD) -> str:
    dated = f'date = "{date}"\n' if date else ""
    return (f'[[fact]]\nid = "{ident}"\nkind = "{kind}"\nstatement = "{statement}"\n{dated}'
            f'topics = {topics}\nsource = "{source}"\nparagraphs = [1]\n{attribution}\n'
            f"{fields}\n")


FACTS = [
    fact("timoshenko-replaces-voroshilov", "replacement",
         "Timoshenko replaced Voroshilov as People's Commissar of Defence in May 1940.",
         'person = "timoshenko"\nreplaced = "voroshilov"\nrole = "People\'s Commissar of Defence"',
         date="1940-05"),
    fact("meretskov-replaces-shaposhnikov", "replacement",
         "Meretskov succeeded Shaposhnikov as head of the General Staff in August 1940.",
         'person = "meretskov"\nreplaced = "shaposhnikov"\nrole = "Head of the General Staff"',
         date="1940-08"),
    fact("mekhlis-replaces-gamarnik", "replacement",
         "Wright wrote that Mekhlis took over the army's Political Department from Gamarnik.",
         'person = "mekhlis"\nreplaced = "gamarnik"\n'
         'role = "Head of the Army\'s Political Department"',
         date="1937", source="press-1940", attribution=WRIGHT),
    fact("vyshinsky-deputy", "appointment",
         "Vyshinsky became a deputy chairman of the Council of People's Commissars in 1940.",
         'person = "vyshinsky"\nrole = "Deputy Chairman of the Council of People\'s Commissars"',
         date="1940", source="press-1940"),
    fact("mekhlis-state-control", "appointment",
         "Mekhlis was made head of the new State Control Commission in September 1940.",
         'person = "mekhlis"\nrole = "Head of the State Control Commission"', date="1940-09",
         source="press-1940"),
    fact("budenny-relieved", "removal",
         "Budenny was relieved of command of the Moscow Military District in August 1940.",
         'person = "budenny"\nrole = "Commander of the Moscow Military District"',
         date="1940-08", source="press-1940"),
    fact("samokhvalov-removed", "removal",
         "Samokhvalov was removed as People's Commissar of Non-Ferrous Metallurgy in July 1940.",
         'person = "samokhvalov"\nrole = "People\'s Commissar of Non-Ferrous Metallurgy"\n'
         'reason = "failures in production"',
         date="1940-07", topics='["industry"]', source="press-1940"),
    fact("tukhachevsky-arrested", "arrest",
         "Tukhachevsky was arrested in May 1937 over an alleged military conspiracy.",
         'person = "tukhachevsky"\ncharge = "alleged military conspiracy"', date="1937-05"),
    fact("yakir-arrested", "arrest", "Yakir was arrested in May 1937.",
         'person = "yakir"\ncharge = "alleged military conspiracy"', date="1937-05"),
    fact("tukhachevsky-executed", "execution", "Tukhachevsky was shot on 12 June 1937.",
         'person = "tukhachevsky"', date="1937-06-12"),
    fact("yakir-executed", "execution", "Yakir was shot on 12 June 1937.",
         'person = "yakir"', date="1937-06-12"),
    fact("gamarnik-executed-wright", "execution", "Wright called Gamarnik executed.",
         'person = "gamarnik"', source="press-1940", attribution=WRIGHT),
    fact("gamarnik-suicide", "suicide", "Gamarnik took his own life on 31 May 1937.",
         'person = "gamarnik"', date="1937-05-31"),
    fact("budenny-survived", "survival",
         "Wright counted Budenny among the marshals who came through the 1938 purge.",
         'person = "budenny"\ncontext = "the 1938 purge"', source="press-1940",
         attribution=WRIGHT),
    fact("surviving-marshals", "group",
         "Wright named Voroshilov and Budenny among the marshals who survived 1938.",
         'label = "the marshals who survived 1938"\nmembers = ["voroshilov", "budenny"]\n'
         'property = "survived the 1938 purge"', source="press-1940", attribution=WRIGHT),
    fact("june-1937-executed", "group",
         "Tukhachevsky and Yakir were among the commanders shot in June 1937.",
         'label = "the commanders executed in June 1937"\n'
         'members = ["tukhachevsky", "yakir"]\nproperty = "were executed in June 1937"'),
    fact("removed-1937", "statistic", "In 1937, 18,000 officers were removed from the army.",
         'quantity = "officers removed from the army"\nvalue = 18000\nunit = "officers"\n'
         'period = "1937"\nseries = "removals"', date="1937"),
    fact("removed-1938", "statistic", "In 1938, 9,000 officers were removed from the army.",
         'quantity = "officers removed from the army"\nvalue = 9000\nunit = "officers"\n'
         'period = "1938"\nseries = "removals"', date="1938"),
    fact("removed-1939", "statistic", "In 1939, 4,000 officers were removed from the army.",
         'quantity = "officers removed from the army"\nvalue = 4000\nunit = "officers"\n'
         'period = "1939"\nseries = "removals"', date="1939"),
    fact("army-victims-wright", "statistic",
         "Wright put the victims of the army purge at 20,000 to 40,000.",
         'quantity = "victims of the army purge"\nlow = 20000\nhigh = 40000\n'
         'unit = "people"', source="press-1940",
         attribution='attribution = { type = "estimate", by = "wright" }'),
    fact("havas-403", "statistic",
         "Havas counted 403 executions reported in provincial papers in five weeks of 1937.",
         'quantity = "executions reported in provincial papers"\nvalue = 403\n'
         'unit = "executions"\nperiod = "September to October 1937"', date="1937",
         topics='["regional-trials"]', source="press-1940",
         attribution='attribution = { type = "report", by = "wright", via = ["havas"] }'),
    fact("new-generals", "statistic", "Wright reported that more than 1,000 new generals "
         "were appointed in June 1940.",
         'quantity = "new generals appointed"\nvalue = 1000\nqualifier = "more than"\n'
         'unit = "generals"\nperiod = "June 1940"', date="1940-06", source="press-1940",
         attribution=WRIGHT),
    fact("june-decree", "decree",
         "The Decree of 26 June 1940 lengthened the working day to eight hours.",
         'decree = "decree-june-1940"\nissued_by = "presidium"\n'
         'requires = "an eight-hour working day and a seven-day week"\n'
         'prohibits = "leaving a job without permission"\n'
         'penalty = "prison terms of two to four months"', date="1940-06-26",
         topics='["decrees", "industry"]'),
    fact("defective-decree", "decree",
         "The Decree on defective production made poor output a crime.",
         'decree = "decree-defective"\nprohibits = "the production of defective goods"\n'
         'penalty = "five to eight years in prison"\n'
         'responsible = ["factory directors", "chief engineers"]', date="1940-07-10",
         topics='["decrees", "industry"]', source="press-1940"),
    fact("baku-trial", "trial", "Wright reported a trial of 14 accused at Baku in October 1937.",
         'name = "trial of the Azerbaijan leaders"\nplace = "baku"\n'
         'accused = ["muzabekov"]\naccused_count = 14\n'
         'outcome = "death sentences for the accused"', date="1937-10",
         topics='["regional-trials"]', source="press-1940", attribution=WRIGHT),
    fact("gomel-trial", "trial", "A military tribunal at Gomel passed eight death sentences.",
         'name = "Gomel tribunal"\nplace = "gomel"\noutcome = "eight death sentences"',
         date="1937-11", topics='["regional-trials"]', source="press-1940"),
    fact("political-department-abolished", "institutional_change",
         "The Political Department of the Red Army was abolished in August 1940.",
         'institution = "political-department"\nchange = "abolished"', date="1940-08",
         source="press-1940"),
    fact("state-control-created", "institutional_change",
         "A State Control Commission was set up in September 1940.",
         'institution = "state-control"\nchange = "newly created"', date="1940-09",
         source="press-1940"),
    fact("trotsky-army", "quotation",
         "Wright quoted Trotsky: the army is a copy of society and shares its diseases.",
         'speaker = "trotsky"\ngist = "the army is a copy of society and shares its diseases"',
         source="press-1940", attribution=WRIGHT),
    fact("footnote-works", "group", "Footnote 3 cites the historian's book.",
         'label = "works cited in footnote 3"\nmembers = ["historian"]\n'
         'property = "cited in footnote 3"'),
]

TEXT = HEAD + _entities() + "\n".join(FACTS)


def make_base(text: str = TEXT) -> FactBase:
    """A FactBase from TOML text; fails the test if the text has problems."""
    result = parse({"test.toml": text.encode()})
    assert not result.problems, "\n".join(map(str, result.problems))
    assert result.base is not None
    return result.base


def people_base(facts: list[str]) -> FactBase:
    """A base of the test sources, topics and people, with just these facts."""
    people = "\n".join(f'[[entity]]\nid = "{i}"\ntype = "person"\nname = "{n}"\n'
                       for i, (n, _) in PEOPLE.items())
    return make_base(HEAD + people + "\n".join(facts))


@pytest.fixture(scope="session")
def base() -> FactBase:
    return make_base()


@pytest.fixture(scope="session")
def deck(base: FactBase) -> Deck:
    return generate(base, seed=1)


@pytest.fixture(scope="session")
def decks(base: FactBase) -> list[Deck]:
    """The same base built with several seeds."""
    return [generate(base, seed=seed) for seed in range(6)]


def by_template(deck: Deck, template: str) -> dict[str, object]:
    """Cards of one template, by their fact id."""
    return {card.fact_ids[0]: card for card in deck.cards if card.template == template}
