"""How facts are put into words for questions: names, who claims what, dates, lists.

Everything here is plain text in, plain text out; nothing is random.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from purgequiz.facts import DateSpan, Entity, Fact, FactBase, Source

__all__ = [
    "author_id",
    "cap",
    "claim_phrase",
    "claimant_label",
    "source_choice",
    "find_term",
    "listing",
    "mentions",
    "normalize_wording",
    "post_key",
    "source_label",
    "the_name",
    "when_phrase",
    "with_synonyms",
]


@functools.lru_cache(maxsize=8192)  # the same names are compared over and over
def normalize_wording(text: str) -> str:
    """Lower case with runs of space and punctuation reduced, for comparing wordings."""
    text = text.lower().replace("\u2019", "'").replace("\u2013", "-")
    return re.sub(r"[\s.,;:()\"\u201c\u201d]+", " ", text).strip()


def cap(text: str) -> str:
    """The text with its first letter in upper case ('the NKVD' → 'The NKVD')."""
    return text[:1].upper() + text[1:]


class _Match:
    """Where a term was found (the part of ``re.Match`` that callers use)."""

    __slots__ = ("_end", "_start")

    def __init__(self, start: int, end: int) -> None:
        self._start, self._end = start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def find_term(text: str, term: str) -> _Match | None:
    """The first whole-word, case-insensitive occurrence of ``term`` in ``text`` (a plain
    search, not a regular expression: names are many and patterns would not cache)."""
    needle = term.strip().lower()
    if not needle:
        return None
    haystack = text.lower()
    at = haystack.find(needle)
    while at != -1:
        end = at + len(needle)
        before = haystack[at - 1] if at else " "
        after = haystack[end] if end < len(haystack) else " "
        if not (_is_word(before) and _is_word(needle[0])) and not (
            _is_word(after) and _is_word(needle[-1])
        ):
            return _Match(at, end)
        at = haystack.find(needle, at + 1)
    return None


def mentions(text: str, terms: Sequence[str]) -> bool:
    """Whether ``text`` names any of ``terms`` as a whole word (case-insensitive)."""
    return any(find_term(text, term) for term in terms if len(term.strip()) >= 2)


def with_synonyms(texts: Sequence[str], groups: Sequence[Sequence[str]]) -> tuple[str, ...]:
    """The texts, and each again with one word or phrase swapped for a synonym the fact
    base declares ('2.3 billion rubles' → also '2.3 billion roubles')."""
    out: dict[str, None] = dict.fromkeys(texts)
    for text in texts:
        for group in groups:
            for word in group:
                found = find_term(text, word)
                if found is None:
                    continue
                for other in group:
                    if other != word:
                        out[text[: found.start()] + other + text[found.end() :]] = None
    return tuple(out)


def listing(items: Sequence[str], last: str = "and") -> str:
    """'A', 'A and B', 'A, B and C'."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


_ARTICLE_TYPES = ("institution", "decree")


def the_name(entity: Entity) -> str:
    """How an entity is named inside a sentence: 'the Politburo', 'Pravda', 'the Havas
    agency'. A name written with a lower-case determiner ('the extrajudicial bodies', 'some
    Russian historians') is used as it stands."""
    name = entity.name
    if name.split()[0].lower() in ("the", "a", "an", "some"):
        return name
    if entity.type in _ARTICLE_TYPES or entity.category == "foreign press":
        return f"the {name}"
    return name


def source_choice(base: FactBase, entity_id: str) -> str:
    """A source as a choice names it, with what kind of source it is, so that choices of
    press and of scholarship read alike: 'Pravda (Soviet newspaper)', 'Wright (Trotskyist
    press)', 'The historian Pechenkin', 'A later study of the Soviet elites'."""
    entity = base.entities[entity_id]
    if entity.sphere == "historians":
        return cap(claimant_label(base, entity_id))
    name = cap(the_name(entity))
    return f"{name} ({entity.category})" if entity.category else name


def claimant_label(base: FactBase, entity_id: str) -> str:
    """A claimant as a question names them: 'the historian Pechenkin', 'Pravda', 'a later
    study of the Soviet elites'."""
    entity = base.entities[entity_id]
    if entity.sphere == "historians" and entity.type == "person":
        return f"the historian {entity.name}"
    if entity.sphere == "historians" and entity.type == "group" and entity.name[:1].isupper():
        return f"the historians {entity.name}"
    return the_name(entity)


def author_id(base: FactBase, source: Source) -> str | None:
    """The entity that wrote a source, when the base has one (matched by surname)."""
    surname = source.author.split()[-1].lower()
    for entity in base.entities.values():
        if entity.type == "person" and any(
            s.split()[-1].lower() == surname for s in entity.spellings if s.split()
        ):
            return entity.id
    return None


def source_label(source: Source) -> str:
    """How a source is named in a sentence: 'Wright, writing in 1940', or, for the chapter
    whose author is not named, 'a later study of the Soviet elites'."""
    if source.author.lower().startswith(("unnamed", "anonymous", "unknown")):
        return "a later study of the Soviet elites"
    surname = source.author.split()[-1]
    return f"{surname}, writing in {source.date[:4]}" if source.date else surname


_UNKNOWN = object()


def claim_phrase(
    base: FactBase, fact: Fact, undated: bool = False, author: object = _UNKNOWN
) -> str | None:
    """'according to Wright, writing in 1940', 'according to Pravda, as Wright reported in
    1940', 'according to the historian Pechenkin'; None for a plain record. ``undated``
    leaves out the year the claimant wrote in; ``author``, the entity that wrote the fact's
    source, may be passed when it is already known (it is looked up otherwise)."""
    attribution = fact.attribution
    if attribution.is_record or not attribution.by:
        return None
    source = base.sources[fact.source]
    if author is _UNKNOWN:
        author = author_id(base, source)
    relayed = attribution.via[0] if attribution.via else None
    if relayed is not None:
        who = claimant_label(base, relayed)
    elif attribution.by == author:
        label = source_label(source)
        return f"according to {label.split(',')[0] if undated else label}"
    else:
        who = claimant_label(base, attribution.by)
    if (
        source.kind == "contemporary press"
        and author is not None
        and (relayed or attribution.by) != author
    ):
        year = f" in {source.date[:4]}" if source.date and not undated else ""
        return f"according to {who}, as {source.author.split()[-1]} reported{year}"
    return f"according to {who}"


def when_phrase(date: DateSpan | None) -> str:
    """' in May 1937', ' on 29 September 1938', ' in 1937 and 1938', ' between March 1937
    and March 1938', or '' for no date."""
    if date is None:
        return ""
    start, end = date.start, date.end
    if end is None:
        return (" on " if start.precision == "day" else " in ") + start.display()
    if start.precision == end.precision == "year":
        joiner = " and " if end.year == start.year + 1 else "\u2013"
        return f" in {start.year}{joiner}{end.year}"
    return f" between {start.display()} and {end.display()}"


def post_key(post: str) -> str:
    """A post's wording reduced for comparing ('a deputy head of X' ~ 'deputy head of X')."""
    text = normalize_wording(post)
    return re.sub(r"^(?:a|an|the) ", "", text)
