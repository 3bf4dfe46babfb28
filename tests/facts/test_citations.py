"""The bundled fact base against the documents it cites."""

from __future__ import annotations

import pytest

from purgequiz.facts import FactBase, parse
from purgequiz.facts.citations import (
    check_checksums,
    check_citations,
    normalize_citation_text,
    numbers_in,
    own_words_problems,
    split_paragraphs,
    uncovered_paragraphs,
)


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("353,074 people", {"353074"}),
        ("353 074", {"353074"}),
        ("seven out of ten", {"7", "10"}),
        ("forty-four commanders", {"44"}),
        ("1.5 million soldiers", {"1500000"}),
        ("half a million", {"500000"}),
        ("more than a thousand", {"1000"}),
        ("from 20\u201340,000", {"20", "20000", "40000"}),
        ("the 1937\u201338 terror", {"1937", "1938", "38"}),
        ("July 10th", {"10"}),
        ("17.8%", {"17.8"}),
    ],
)
def test_numbers_are_normalized(text: str, numbers: set[str]):
    """Separators, spelled-out numbers, scales, short ranges and ordinals fold to digits."""
    assert numbers_in(text) == numbers


def test_normalize_citation_text_folds_accents_dashes_and_case():
    """Accents, dashes and case do not stop a name from matching."""
    assert normalize_citation_text("Jānis Rudzutaks \u2013 Nálevka") == "janis rudzutaks - nalevka"


def _mini_base(statement: str, person: str = "yezhov", date: str | None = None) -> FactBase:
    dated = f'date = "{date}"' if date else ""
    toml = f'''
[[source]]
id = "doc"
author = "A"
title = "T"
publication = "P"
kind = "later scholarship"
paragraphs = 2
[[topic]]
id = "t"
title = "T"
[[entity]]
id = "yezhov"
type = "person"
name = "Yezhov"
full_name = "N. I. Yezhov"
[[entity]]
id = "beria"
type = "person"
name = "Beria"
[[fact]]
id = "f"
kind = "removal"
statement = "{statement}"
topics = ["t"]
source = "doc"
paragraphs = [2]
attribution = "record"
person = "{person}"
post = "head"
{dated}
'''
    result = parse({"mini.toml": toml.encode()})
    assert not result.problems
    return result.base


TEXT = "Heading\n\nIn 1938 Yezhov lost his post; 970 a day had been shot.\n"


def test_citation_check_accepts_a_faithful_fact():
    """A fact whose numbers and names stand in its paragraph passes."""
    base = _mini_base("Yezhov was removed in 1938, when about 970 people a day were shot.")
    assert check_citations(base, {"doc": TEXT}) == []


def test_citation_check_catches_wrong_number_and_name():
    """A number or a person missing from the cited paragraph is reported."""
    base = _mini_base("Beria was removed in 1939.", person="beria")
    problems = [str(p) for p in check_citations(base, {"doc": TEXT})]
    assert problems == [
        "mini.toml: fact f: field 'statement': the number 1939 is not in doc paragraph(s) [2]",
        "mini.toml: fact f: field 'person': 'Beria' is not named in doc paragraph(s) [2]",
    ]


def test_citation_check_wants_the_part_of_a_month_in_the_text():
    """A date narrowed to mid-month passes only where the cited paragraph says "mid" or
    "middle"; a whole month needs only the month."""
    base = _mini_base("Yezhov was removed in 1938.", date="mid-1938-09")
    cited = "Heading\n\nYezhov lost his post in September 1938.\n"
    assert [str(p) for p in check_citations(base, {"doc": cited})] == [
        "mini.toml: fact f: field 'date': mid- is not in the cited paragraphs "
        "(no 'mid' or 'middle'; give a date_note, or the date without it)"
    ]
    middle = "Heading\n\nIn the middle of September 1938 Yezhov lost his post.\n"
    assert check_citations(base, {"doc": middle}) == []
    whole = _mini_base("Yezhov was removed in 1938.", date="1938-09")
    assert check_citations(whole, {"doc": cited}) == []


def test_own_words_check_catches_a_copied_run():
    """Eight words in a row taken from a source are reported."""
    source = "So swift is the pace of the purge that nobody is safe."
    base = _mini_base("Yezhov fell; so swift is the pace of the purge that he fell.")
    assert len(own_words_problems(base, [source])) == 1
    base = _mini_base("Yezhov fell quickly as the purge sped up.")
    assert own_words_problems(base, [source]) == []


def test_source_checksums_match(bundled: FactBase, source_texts: dict[str, bytes]):
    """Every source text's SHA-256 matches the manifest."""
    assert check_checksums(bundled, source_texts) == []
    assert {s.id for s in bundled.sources.values()} == set(source_texts)


def test_paragraph_counts_match(bundled: FactBase, source_texts: dict[str, bytes]):
    """The manifest's paragraph counts match the texts."""
    assert set(source_texts) == set(bundled.sources)
    for sid, raw in source_texts.items():
        assert len(split_paragraphs(raw.decode())) == bundled.sources[sid].paragraphs, sid


def test_every_number_and_name_is_in_the_cited_paragraphs(
    bundled: FactBase, source_texts: dict[str, bytes]
):
    """Each fact's numbers and entity names appear in the paragraphs it cites."""
    texts = {sid: raw.decode() for sid, raw in source_texts.items()}
    problems = [str(p) for p in check_citations(bundled, texts)]
    assert problems == [], "\n".join(problems)


def test_statements_are_in_our_own_words(bundled: FactBase, source_texts: dict[str, bytes]):
    """No statement shares a run of eight or more words with the source texts."""
    problems = own_words_problems(bundled, [raw.decode() for raw in source_texts.values()])
    assert [str(p) for p in problems] == []


def test_every_paragraph_is_cited_or_declared(bundled: FactBase, source_texts: dict[str, bytes]):
    """Each paragraph is cited by a fact or on the [[uncited]] list with a reason."""
    assert uncovered_paragraphs(bundled) == []
