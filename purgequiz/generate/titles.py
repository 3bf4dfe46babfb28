"""A generated deck's title when the teacher gives none: what the filters and the fact file
say the deck is about ("Questions on the army purge in 1937–1938: ordering")."""

from __future__ import annotations

import re

from purgequiz.facts import FactBase
from purgequiz.generate.select import Filters

__all__ = ["BUNDLED_SUBJECT", "default_title", "subject_of"]

BUNDLED_SUBJECT = "the purges of 1937\u20131940"


def _listed(words: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def _in_a_sentence(title: str) -> str:
    """A topic's title as the middle of a sentence: 'The army purge' -> 'the army purge'."""
    return "the " + title[4:] if title.startswith("The ") else title


def subject_of(base: FactBase, name: str | None) -> str:
    """What a whole fact base is about: the bundled one's subject (``name`` None); a fact
    file's one topic's title when it has only one; else ``name``, the file's name without
    its extension (or the folder's), in words."""
    if name is None:
        return BUNDLED_SUBJECT
    if len(base.topics) == 1:
        return _in_a_sentence(next(iter(base.topics.values())).title)
    return re.sub(r"[\s_-]+", " ", name).strip() or "your facts"


def default_title(base: FactBase, filters: Filters, subject: str) -> str:
    """'Questions on' the topics chosen (else ``subject``), then the years, sources and kinds
    the filters keep: 'Questions on the army purge in 1937–1938 from Wright, …: ordering'."""
    topics = [_in_a_sentence(base.topics[t].title) for t in filters.topics if t in base.topics]
    title = f"Questions on {_listed(topics) if topics else subject}"
    if filters.years:
        first, last = filters.years
        title += f" in {first}" if first == last else f" in {first}\u2013{last}"
    sources = [base.sources[s] for s in filters.sources if s in base.sources]
    if sources:
        title += " from " + _listed([s.cite_as or f"{s.author}, {s.title}" for s in sources])
    if filters.kinds:
        title += f": {', '.join(kind.replace('-', ' ') for kind in filters.kinds)}"
    return title
