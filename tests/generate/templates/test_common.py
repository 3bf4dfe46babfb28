"""Shared template pieces: when two texts say the same thing."""

from __future__ import annotations

from purgequiz.generate.templates.common import same_meaning, the, when_phrase


def test_same_meaning_catches_rewordings():
    """Synonyms, containment and rewordings of one post count as the same answer."""
    assert same_meaning("abolished", "dissolved")
    assert same_meaning("the extrajudicial bodies were abolished",
                        "the extrajudicial bodies that had decided punishments were abolished")
    assert same_meaning("People's Commissar of War (Defence)", "People's Commissar for Defence")
    assert not same_meaning("People's Commissar of the Oil Industry",
                            "People's Commissar for Transportation")


def test_the_and_when_phrase(base):
    """Names get 'the' once; dates read 'in May 1940' or 'on 12 June 1937'."""
    assert the("Baku trial") == "the Baku trial" and the("the NKVD") == "the NKVD"
    assert when_phrase(base.facts["timoshenko-replaces-voroshilov"]) == " in May 1940"
    assert when_phrase(base.facts["tukhachevsky-executed"]) == " on 12 June 1937"
