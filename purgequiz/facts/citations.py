"""Checking a fact base against the texts it cites.

Normalization lets a fact say "353,074", "three" or "Timoshenko" where the document writes
"353 074", "3" or "S. K. Timoshenko": case, accents, dashes, quotes, thousands separators and
spelled-out numbers are folded before comparing.
"""

from __future__ import annotations

import calendar
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping

from purgequiz.facts.load import Problem
from purgequiz.facts.model import Entity, Fact, FactBase

__all__ = [
    "check_citations",
    "normalize_citation_text",
    "numbers_in",
    "own_words_problems",
    "split_paragraphs",
    "uncovered_paragraphs",
    "word_runs",
]

RUN_LENGTH = 8

_UNITS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000}
_BIG = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_QUOTES = dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032"), "'") | dict.fromkeys(
    map(ord, "\u201c\u201d\u201e\u201f\u2033"), '"'
)


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs as the sources' README numbers them (paragraph n is item n - 1)."""
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_DASHES).translate(_QUOTES))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def _words_to_numbers(text: str) -> str:
    tokens = re.split(r"(\s+|-)", text)
    out: list[str] = []
    total: int | None = None
    pending: list[str] = []

    def flush() -> None:
        nonlocal total, pending
        if total is not None:
            out.append(str(total))
            total = None
            pending = []

    for token in tokens:
        word = token.strip()
        if not word or word == "-":
            if total is None:
                out.append(token)
            else:
                pending.append(token)
            continue
        if word in _UNITS or word in _TENS:
            value = _UNITS.get(word) or _TENS[word]
            total = value if total is None else total + value
            pending = []
        elif word in _SCALES and total is not None:
            total *= _SCALES[word]
            pending = []
        else:
            trailing = pending
            flush()
            out.extend(trailing)
            out.append(token)
    flush()
    return "".join(out)


def normalize_citation_text(text: str) -> str:
    """Fold case, accents, dashes and quotes; write numbers as plain digits."""
    text = _fold(text)
    text = re.sub(r"\bthree[- ]quarters\b", "75 percent", text)
    text = _words_to_numbers(text)
    text = re.sub(r"(?<=\d)[,\u00a0\u202f ](?=\d{3}\b)", "", text)  # 353,074 / 353 074
    text = re.sub(r"(?<=\d)(st|nd|rd|th)\b", "", text)  # 10th
    text = re.sub(r"\bhalf an? (million|billion)\b", r"0.5 \1", text)
    text = re.sub(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b", r"\1 \2 \3", text)  # 21.8.1938
    text = re.sub(r"\ban? (hundred|thousand|million|billion)\b", r"1 \1", text)

    def scale(match: re.Match[str]) -> str:
        value = float(match.group(1)) * _BIG[match.group(2)]
        return f"{int(value)}"

    text = re.sub(r"\b(\d+(?:\.\d+)?) (hundred|thousand|million|billion)\b", scale, text)

    def short_range(match: re.Match[str]) -> str:  # "20-40,000" also says 20000
        low, high = match.group(1), match.group(2)
        return f"{match.group(0)} {int(low) * 1000} {high}"

    text = re.sub(r"\b(\d{1,3}) ?- ?(\d{1,3}000)\b", short_range, text)

    def short_years(match: re.Match[str]) -> str:  # "1937-38" also says 1938
        start, end = match.group(1), match.group(2)
        return f"{match.group(0)} {start[:2]}{end}"

    text = re.sub(r"\b(1[89]\d\d) ?- ?(\d\d)\b", short_years, text)
    return text


def numbers_in(text: str) -> set[str]:
    """The numbers a text states, after normalization ('1,871' and 'eight' included)."""
    found = set()
    for match in re.finditer(r"\d+(?:\.\d+)?", normalize_citation_text(text)):
        value = match.group(0)
        found.add(_canonical(float(value)) if "." in value else str(int(value)))
    return found


def _canonical(value: float | int) -> str:
    if float(value).is_integer():
        return str(int(value))
    return f"{value:g}"


def word_runs(text: str, length: int = RUN_LENGTH) -> set[tuple[str, ...]]:
    """Every run of `length` consecutive words in a normalized text."""
    words = re.findall(r"[a-z0-9]+", normalize_citation_text(text))
    return {tuple(words[i : i + length]) for i in range(len(words) - length + 1)}


def _contains_name(text: str, entity: Entity) -> bool:
    candidates = set(entity.spellings)
    if entity.type == "person":
        candidates |= {s.split()[-1] for s in entity.spellings if s.split()}
    for candidate in candidates:
        needle = normalize_citation_text(candidate).strip()
        if needle and re.search(rf"(?<![a-z0-9]){re.escape(needle)}", text):
            return True
    return False


def _fact_numbers(fact: Fact) -> set[str]:
    numbers = numbers_in(fact.statement) - _date_years(fact)  # dates are checked on their own
    for name, value in fact.kind_fields().items():
        if isinstance(value, int | float) and not isinstance(value, bool) and name != "footnote":
            numbers.add(_canonical(value))
    return numbers


def _texts_of(fact: Fact) -> list[tuple[str, str]]:
    """(field, text) for the statement and every text the fact's own fields hold."""
    out = [("statement", fact.statement)]
    for name, value in fact.kind_fields().items():
        if name in dict(fact.markers()):
            continue  # entity and fact ids, not prose
        if isinstance(value, str):
            out.append((name, value))
        elif isinstance(value, tuple):
            out.extend((name, item) for item in value if isinstance(item, str))
    return out


def _date_years(fact: Fact) -> set[str]:
    return {
        str(point.year)
        for span in (fact.date, fact.reported)
        if span is not None
        for point in (span.start, span.end)
        if point is not None
    }


_DOTTED = re.compile(r"\b\d{1,2}\.(\d{1,2})\.((?:1[89]|20)\d\d)\b")
# The words by which a text names the part of a year or a month a date gives ("mid-1938").
_PART_WORDS = {
    "early": ("early", "beginning", "start"),
    "mid": ("mid", "middle"),
    "late": ("late", "end"),
}


def _date_problems(fact: Fact, cited: str) -> list[str]:
    """What of a fact's dates the cited text does not support: each year must stand in it,
    and a month or a day given must be named there too, and so must the part of a year or
    month a date gives ("mid", "middle" for mid-); a date_note lifts the check."""
    if fact.date_note:
        return []
    problems = []
    folded = _fold(cited)
    years = set(re.findall(r"\b(?:1[89]|20)\d\d\b", normalize_citation_text(cited)))
    for decade in re.findall(r"\b((?:1[89]|20)\d)0s\b", folded):  # "the 1930s"
        years.update(f"{decade}{digit}" for digit in range(10))
    months = {m.lower() for m in calendar.month_name[1:] if m.lower() in folded}
    months.update(
        calendar.month_name[int(m)].lower() for m, _ in _DOTTED.findall(folded) if 1 <= int(m) <= 12
    )
    for label, span in (("date", fact.date), ("reported", fact.reported)):
        if span is None:
            continue
        for point in (span.start, span.end) if span.end else (span.start,):
            if str(point.year) not in years:
                problems.append(
                    f"{label}: the year {point.year} is not in the cited "
                    "paragraphs (give a date_note saying where it comes from)"
                )
            elif point.month and calendar.month_name[point.month].lower() not in months:
                problems.append(
                    f"{label}: the month {calendar.month_name[point.month]} is not "
                    "in the cited paragraphs (give a date_note, or only the year)"
                )
            if point.part and not any(
                re.search(rf"\b{word}", folded) for word in _PART_WORDS[point.part]
            ):
                words = " or ".join(repr(word) for word in _PART_WORDS[point.part])
                problems.append(
                    f"{label}: {point.part}- is not in the cited paragraphs (no {words}; "
                    "give a date_note, or the date without it)"
                )
    return problems


def check_citations(base: FactBase, texts: Mapping[str, str]) -> list[Problem]:
    """Numbers and entity names of each fact must stand in the paragraphs it cites.

    `texts` maps source ids to their full text; facts citing other sources are skipped.
    """
    problems: list[Problem] = []
    paragraphs = {sid: split_paragraphs(text) for sid, text in texts.items()}
    for fact in base.facts.values():
        if fact.source not in paragraphs:
            continue
        where = f"fact {fact.id}"
        cited = " \n ".join(
            paragraphs[fact.source][n - 1]
            for n in fact.paragraphs
            if 1 <= n <= len(paragraphs[fact.source])
        )
        folded = normalize_citation_text(cited)
        available = numbers_in(cited)
        for number in sorted(_fact_numbers(fact) - available):
            problems.append(
                Problem(
                    fact.origin,
                    where,
                    "statement",
                    f"the number {number} is not in {fact.source} "
                    f"paragraph(s) {list(fact.paragraphs)}",
                )
            )
        claimants = set(fact.claimants())  # named by the attribution, not by the text
        for field, ref in fact.entity_refs():
            entity = base.entities.get(ref)
            if ref in claimants:
                continue
            if entity is not None and not _contains_name(folded, entity):
                problems.append(
                    Problem(
                        fact.origin,
                        where,
                        field,
                        f"{entity.name!r} is not named in {fact.source} "
                        f"paragraph(s) {list(fact.paragraphs)}",
                    )
                )
        for message in _date_problems(fact, cited):
            field, _, text = message.partition(": ")
            problems.append(Problem(fact.origin, where, field, text))
    for source in base.sources.values():
        if source.id in texts and len(paragraphs[source.id]) != source.paragraphs:
            problems.append(
                Problem(
                    source.file or source.id,
                    f"source {source.id}",
                    "paragraphs",
                    f"the manifest says {source.paragraphs} paragraphs, "
                    f"the text has {len(paragraphs[source.id])}",
                )
            )
    return problems


def check_checksums(base: FactBase, raw: Mapping[str, bytes]) -> list[Problem]:
    """Each source text's SHA-256 must match the manifest."""
    problems = []
    for sid, data in raw.items():
        source = base.sources.get(sid)
        if source is None or source.sha256 is None:
            continue
        actual = hashlib.sha256(data).hexdigest()
        if actual != source.sha256:
            problems.append(
                Problem(
                    source.file or sid,
                    f"source {sid}",
                    "sha256",
                    f"the text's SHA-256 is {actual}, the manifest says {source.sha256}",
                )
            )
    return problems


def own_words_problems(
    base: FactBase, texts: Iterable[str], length: int = RUN_LENGTH
) -> list[Problem]:
    """Statements and every text field must share no run of `length` words with the texts."""
    runs: set[tuple[str, ...]] = set()
    for text in texts:
        runs |= word_runs(text, length)
    problems = []
    for fact in base.facts.values():
        for field, value in _texts_of(fact):
            shared = word_runs(value, length) & runs
            if shared:
                sample = " ".join(sorted(shared)[0])
                problems.append(
                    Problem(
                        fact.origin,
                        f"fact {fact.id}",
                        field,
                        f"shares {length} words in a row with a source: \u201c{sample}\u201d",
                    )
                )
    return problems


def uncovered_paragraphs(base: FactBase) -> list[tuple[str, int]]:
    """(source id, paragraph) that no fact cites and no [[uncited]] entry declares."""
    covered = {(f.source, n) for f in base.facts.values() for n in f.paragraphs}
    covered |= {(u.source, n) for u in base.uncited for n in u.paragraphs}
    return [
        (s.id, n)
        for s in base.sources.values()
        for n in range(1, s.paragraphs + 1)
        if (s.id, n) not in covered
    ]
