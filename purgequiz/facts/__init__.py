"""The fact model: loading, validating and checking the citations of fact files."""

from purgequiz.facts.dates import DateSpan, FuzzyDate, parse_date
from purgequiz.facts.load import FactFileError, LoadResult, Problem, load, load_or_raise, parse
from purgequiz.facts.model import Attribution, Entity, Fact, FactBase, Source, Topic, Uncited

__all__ = [
    "Attribution",
    "DateSpan",
    "Entity",
    "Fact",
    "FactBase",
    "FactFileError",
    "FuzzyDate",
    "LoadResult",
    "Problem",
    "Source",
    "Topic",
    "Uncited",
    "load",
    "load_or_raise",
    "parse",
    "parse_date",
]
