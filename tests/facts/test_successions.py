"""Who held each post, in order: chains from the facts of who replaced whom."""

from __future__ import annotations

import re

from purgequiz.facts import FactBase
from purgequiz.facts.citations import normalize_citation_text, split_paragraphs
from purgequiz.facts.successions import Succession, successions
from tests.facts.minibase import base, fact

POST = "head of the General Staff"


def _holders(chain: Succession) -> list[str]:
    return [holder.person for holder in chain.holders]


def test_replacements_order_the_holders_whatever_order_the_facts_come_in():
    """Anna, then Boris, then Clara: each replacement puts the one replaced first, though the
    facts are listed last first and only one is dated."""
    chains = successions(
        base(
            fact(
                "c-b",
                "replacement",
                person="clara",
                replaced="boris",
                post=POST,
                institution="staff",
            ),
            fact(
                "b-a",
                "replacement",
                "1937",
                person="boris",
                replaced="anna",
                post=POST,
                institution="staff",
            ),
            fact("a-held", "role", person="anna", post=POST, institution="staff"),
        )
    )
    (chain,) = chains
    assert _holders(chain) == ["anna", "boris", "clara"]
    assert chain.unplaced == ()
    steps = {h.person: [(s.fact.id, s.what, s.when) for s in h.steps] for h in chain.holders}
    assert steps == {
        "anna": [("a-held", "held the post", None)],
        "boris": [("b-a", "replaced Anna", "1937")],
        "clara": [("c-b", "replaced Boris", None)],
    }


def test_a_holder_the_replacements_do_not_place_is_listed_apart():
    """Dmitri, appointed to the post but in no replacement, is not put in the order: two
    appointments in one year may be two people side by side."""
    (chain,) = successions(
        base(
            fact(
                "b-a",
                "replacement",
                "1937",
                person="boris",
                replaced="anna",
                post=POST,
                institution="staff",
            ),
            fact("d-app", "appointment", "1938", person="dmitri", post=POST, institution="staff"),
        )
    )
    assert _holders(chain) == ["anna", "boris"]
    assert [holder.person for holder in chain.unplaced] == ["dmitri"]
    anna = chain.holders[0]
    assert [(s.fact.id, s.what) for s in anna.steps] == [("b-a", "replaced by Boris")]


def test_posts_without_a_replacement_are_no_chain_and_posts_are_kept_apart():
    """Two appointments to one post make no chain; the same words at another institution
    are another post; case and spacing do not make a post another."""
    chains = successions(
        base(
            fact(
                "a", "appointment", "1940", person="anna", post="a deputy head", institution="staff"
            ),
            fact(
                "b",
                "appointment",
                "1940",
                person="boris",
                post="a deputy head",
                institution="staff",
            ),
            fact(
                "c-b",
                "replacement",
                person="clara",
                replaced="boris",
                post=POST,
                institution="staff",
            ),
            fact(
                "e-d",
                "replacement",
                person="elena",
                replaced="dmitri",
                post=POST,
                institution="other",
            ),
            fact(
                "d-held",
                "role",
                person="dmitri",
                post="Head of the  General Staff",
                institution="other",
            ),
        )
    )
    assert [(c.institution, _holders(c), len(list(c.facts))) for c in chains] == [
        ("staff", ["boris", "clara"], 1),
        ("other", ["dmitri", "elena"], 2),
    ]


def test_replacements_that_go_round_in_a_circle_give_no_order():
    """When the replacements contradict each other (each replaced the other), neither is put
    before the other: both are listed apart."""
    (chain,) = successions(
        base(
            fact("a-b", "replacement", person="anna", replaced="boris", post=POST),
            fact("b-a", "replacement", person="boris", replaced="anna", post=POST),
        )
    )
    assert chain.holders == ()
    assert sorted(holder.person for holder in chain.unplaced) == ["anna", "boris"]


def _chain(bundled: FactBase, post: str) -> Succession:
    return next(chain for chain in successions(bundled) if chain.post == post)


def test_the_bundled_defence_commissariat_chain_matches_wright(
    bundled: FactBase, source_texts: dict[str, bytes]
):
    """Checked by hand against Wright, 5 October 1940, para. 10 ("the replacement of
    Voroshilov by Timoshenko") and para. 36 (first reported in May 1940): Voroshilov, then
    Timoshenko, from May 1940; at the General Staff, Shaposhnikov, then Meretskov."""
    defence = _chain(bundled, "People's Commissar of Defence")
    assert [h.name for h in defence.holders] == ["Voroshilov", "Timoshenko"]
    assert [(s.what, s.when) for s in defence.holders[1].steps] == [
        ("replaced Voroshilov", "May 1940")
    ]
    staff = _chain(bundled, "head of the General Staff")
    assert [h.name for h in staff.holders] == ["Shaposhnikov", "Meretskov"]
    nkvd = _chain(bundled, "head of the NKVD")  # the chapter's paras. 8 and 47
    assert [h.name for h in nkvd.holders] == ["Yagoda", "Yezhov", "Beria"]
    text = split_paragraphs(source_texts["wright-1940-new-purge"].decode())
    para10 = normalize_citation_text(text[9])
    assert re.search(r"replacement of voroshilov by timoshenko", para10)
    assert re.search(r"shaposhnikov .*retired.* meretskov appointed in his place", para10)
    assert "may 18, 1940" in normalize_citation_text(text[35])
