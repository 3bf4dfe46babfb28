"""The fact model: the typed fact kinds, loading and validating fact files, citation checks."""

from purgequiz.facts.dates import DateSpan, FuzzyDate, parse_date
from purgequiz.facts.kinds import FATE_KINDS, HAPPENINGS, KINDS
from purgequiz.facts.load import (
    FactFileError,
    LoadResult,
    Problem,
    fact_files,
    load,
    load_or_raise,
    parse,
)
from purgequiz.facts.model import (
    Attribution,
    Entity,
    Fact,
    FactBase,
    Link,
    Ref,
    Source,
    Topic,
    Uncited,
)

__all__ = [
    "FATE_KINDS",
    "HAPPENINGS",
    "KINDS",
    "Attribution",
    "DateSpan",
    "Entity",
    "Fact",
    "FactBase",
    "FactFileError",
    "FuzzyDate",
    "LoadResult",
    "Link",
    "Problem",
    "Ref",
    "Source",
    "Topic",
    "Uncited",
    "fact_files",
    "load",
    "load_or_raise",
    "parse",
    "parse_date",
]
