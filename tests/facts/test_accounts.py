"""Which source says what: conflicting accounts, readings against official reasons, and
each claim with whose it is."""

from __future__ import annotations

from purgequiz.facts import FactBase
from purgequiz.facts.accounts import claim_groups, disputes, who, who_says
from tests.facts.minibase import base, fact

CLAIM = {"type": "claim", "by": "writer"}
READING = {"type": "interpretation", "by": "scholar"}

FACTS = (
    fact("said-shot", "execution", people=["anna"], attribution=CLAIM),
    fact("said-suicide", "suicide", people=["anna"], attribution=READING, source="study"),
    fact(
        "differ",
        "conflict",
        about="how Anna died",
        accounts=["said-shot", "said-suicide"],
        subject="anna",
        source="study",
    ),
    fact(
        "official",
        "justification",
        action="the promotion of generals",
        reason="to raise their standing",
        given_by="daily",
        attribution={"type": "report", "by": "writer", "via": ["daily"]},
    ),
    fact(
        "against",
        "assessment",
        subject="why the generals were promoted",
        judgement="to bind them to the leader",
        contests="official",
        attribution=READING,
    ),
    fact("plain", "event", "1938", what="something happened"),
)


def test_a_conflict_lists_each_account_with_whose_it_is():
    """A conflict fact gives one dispute: what it is about and each account by its maker."""
    found = disputes(base(*FACTS))
    first = found[0]
    assert (first.about, first.fact and first.fact.id) == ("how Anna died", "differ")
    assert [(a.fact.id, a.by) for a in first.accounts] == [
        ("said-shot", "Writer"),
        ("said-suicide", "Scholar"),
    ]


def test_a_reading_against_an_official_reason_is_a_dispute():
    """An assessment that contests a justification sets the reason given beside it."""
    (_, contested) = disputes(base(*FACTS))
    assert contested.fact is None
    assert contested.about == "the reason for the promotion of generals"
    assert [(a.fact.id, a.by) for a in contested.accounts] == [
        ("official", "Writer, relaying The Daily"),
        ("against", "Scholar"),
    ]


def test_every_claim_is_grouped_under_whose_it_is():
    """Facts that are someone's claim, reading, estimate or report are grouped by that
    someone, the largest group first; plain records are not."""
    groups = claim_groups(base(*FACTS))
    assert [(g.name, [f.id for f in g.facts]) for g in groups] == [
        ("Scholar", ["said-suicide", "against"]),
        ("Writer", ["said-shot", "official"]),
    ]


def test_who_says_it_in_words():
    """A record is the source's own; a claim names who makes it and whom they relay."""
    made = base(*FACTS)
    assert who(made.facts["plain"], made) == "Writer, A Weekly, 5 October 1940"
    assert who_says(made.facts["plain"], made).startswith("A plain record")
    assert who_says(made.facts["official"], made) == "A report by Writer, relaying The Daily"
    assert who_says(made.facts["against"], made) == "A reading by Scholar"
    assert who_says(made.facts["said-shot"], made) == "A claim by Writer"


def test_the_bundled_accounts_of_gamarnik_s_death(bundled: FactBase):
    """The fact base's own conflict: Wright called Gamarnik executed, Pechenkin (in the later
    study) says he shot himself."""
    found = {d.about: d for d in disputes(bundled)}
    gamarnik = found["how Gamarnik died"]
    assert [(a.by, a.fact.kind) for a in gamarnik.accounts] == [
        ("Wright", "execution"),
        ("Pechenkin", "suicide"),
    ]
    assert sum(len(g.facts) for g in claim_groups(bundled)) == sum(
        1 for f in bundled.facts.values() if not f.attribution.is_record
    )
