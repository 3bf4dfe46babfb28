"""How facts are put into words for questions: names, attributions, dates in statements.

Everything here is plain text in, plain text out; nothing is random.
"""

from __future__ import annotations

import functools
import re

from purgequiz.facts import Fact, FactBase, Source

__all__ = [
    "attribution_note",
    "attribution_phrase",
    "blank_first",
    "claimant_names",
    "find_term",
    "is_author",
    "mentions",
    "normalize",
    "role_keys",
    "source_label",
    "strip_dates",
]

_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
           "December")
_SEASON = (r"(?:early|late|mid-?|the (?:spring|summer|autumn|winter|end|beginning|middle) of|"
           r"spring|summer|autumn|winter)")
_DAYS = r"\d{1,2}(?:\s*[-\u2013]\s*\d{1,2})?"
_YEAR = r"(?:1[89]|20)\d\d(?:\s*[-\u2013/]\s*\d{2,4})?"
_WHEN = rf"(?:{_SEASON}\s*)?(?:{_DAYS}\s+)?(?:(?:{_MONTHS})\s+)?{_YEAR}"
# A date phrase we can lift out cleanly: led by a preposition ("in May 1937", "on 5 June
# 1940", "by late 1938") or opening the sentence before a comma ("In 1937, …").
_DATE_PHRASE = re.compile(
    rf"(?:,\s*)?\b(?:in|on|by|during|until|from|since|between)\s+{_WHEN}"
    rf"(?:\s+(?:and|to)\s+{_WHEN})?\b",
    re.IGNORECASE,
)
_LEFT_DATE = re.compile(rf"\b(?:1[89]|20)\d\d\b|\b(?:{_MONTHS})\b|\d+\.\d+\.", re.IGNORECASE)
_TYPE_NOTES = {
    "claim": "a claim made by",
    "estimate": "an estimate by",
    "interpretation": "the interpretation of",
    "report": "a report by",
}


def normalize(text: str) -> str:
    """Lower case with runs of space and punctuation reduced, for comparing wordings."""
    text = text.lower().replace("\u2019", "'").replace("\u2013", "-")
    return re.sub(r"[\s.,;:()\"\u201c\u201d]+", " ", text).strip()


class _Match:
    """Where a term was found (the part of ``re.Match`` that callers use)."""

    __slots__ = ("_start", "_end")

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
        if not (_is_word(before) and _is_word(needle[0])) and \
                not (_is_word(after) and _is_word(needle[-1])):
            return _Match(at, end)
        at = haystack.find(needle, at + 1)
    return None


def mentions(text: str, terms: tuple[str, ...] | list[str]) -> bool:
    """Whether ``text`` names any of ``terms`` as a whole word (case-insensitive)."""
    return any(find_term(text, term) for term in terms if len(term.strip()) >= 2)


def blank_first(text: str, terms: tuple[str, ...] | list[str], blank: str = "_____") -> str | None:
    """``text`` with the earliest occurrence of any term (longest first) blanked, or None."""
    best: re.Match[str] | None = None
    for term in sorted(terms, key=len, reverse=True):
        match = find_term(text, term)
        if match and (best is None or match.start() < best.start()):
            best = match
    if best is None:
        return None
    return text[: best.start()] + blank + text[best.end():]


_ROLE_STOP = frozenset("a an and as at by for from in into of on or the to with".split())


@functools.lru_cache(maxsize=4096)
def role_keys(role: str) -> tuple[frozenset[str], ...]:
    """Keys under which two wordings of one post meet: "People's Commissar of War (Defence)"
    gives {people's, commissar, war} and {people's, commissar, defence}, the second equal to
    the key of "People's Commissar for Defence"."""
    outside = re.sub(r"\([^)]*\)", " ", role.lower())
    words = [w for w in re.findall(r"[\w']+", outside) if w not in _ROLE_STOP]
    keys = [frozenset(words)]
    for inner in re.findall(r"\(([^)]*)\)", role.lower()):
        alt = [w for w in re.findall(r"[\w']+", inner) if w not in _ROLE_STOP]
        if words and alt:
            keys.append(frozenset(words[:-1] + alt))
    return tuple(dict.fromkeys(keys))


def strip_dates(statement: str) -> str | None:
    """The statement with its date phrases removed, or None if a date is still left in it."""
    text = _DATE_PHRASE.sub("", statement)
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    text = re.sub(r"^[\s,]+", "", text)
    text = re.sub(r"\s{2,}", " ", text).strip()
    text = re.sub(r",\s*\.$", ".", text)
    if not text or _LEFT_DATE.search(text) or len(text) < 12:
        return None
    return text[0].upper() + text[1:]


def source_label(source: Source) -> str:
    """How a source is named in a question: 'Wright (1940)' or 'a later study'."""
    year = source.date[:4] if source.date else None
    author = source.author
    if author.lower().startswith(("unnamed", "anonymous", "unknown")):
        return f"a later study ({year})" if year else "a later study"
    surname = author.split()[-1]
    return f"{surname} ({year})" if year else surname


def _claimant(base: FactBase, fact: Fact) -> str:
    """Who stands behind an attributed fact, as a question names them."""
    source = base.sources[fact.source]
    by = base.entities.get(fact.attribution.by or "")
    if by is None or is_author(base, by.id, source):
        return source_label(source)
    return f"{by.name}, as cited in {source_label(source)},"


def claimant_names(base: FactBase, fact: Fact) -> tuple[str, ...]:
    """Spellings by which a statement may already name its claimant ('According to
    Pechenkin, …', 'The chapter holds …'), so that questions do not say it twice."""
    names = ["the chapter"]
    by = base.entities.get(fact.attribution.by or "")
    if by is not None:
        names.extend(by.spellings)
    names.append(base.sources[fact.source].author.split()[-1])
    return tuple(n for n in names if n.lower() not in ("author",))


def is_author(base: FactBase, entity_id: str, source: Source) -> bool:
    entity = base.entities.get(entity_id)
    if entity is None:
        return False
    author = normalize(source.author)
    return any(normalize(s) == author or normalize(s).split()[-1:] == author.split()[-1:]
               for s in entity.spellings)


def attribution_phrase(base: FactBase, fact: Fact) -> str | None:
    """'According to Wright (1940)' for a claim, estimate, interpretation or report; None
    for a plain record."""
    attribution = fact.attribution
    if attribution.is_record or not attribution.by:
        return None
    return f"According to {_claimant(base, fact)}".rstrip(",")


def attribution_note(base: FactBase, fact: Fact) -> str | None:
    """A sentence saying whose claim a fact is, for explanations; None for a record."""
    attribution = fact.attribution
    if attribution.is_record or not attribution.by:
        return None
    who = _claimant(base, fact).rstrip(",")
    via = [base.entities[v].name for v in attribution.via if v in base.entities]
    relayed = f", relaying {' and '.join(via)}" if via else ""
    return f"This is {_TYPE_NOTES[attribution.type]} {who}{relayed}, not an established record."
