"""Reading and validating fact files: every problem found, each named by file, record and field.

``parse`` turns already-read documents into a :class:`FactBase` and a list of problems; it never
raises on bad content. ``load`` reads a file or a folder of ``*.toml`` files and parses them.
The fields of each fact kind are read from its dataclass (:mod:`purgequiz.facts.kinds`): the
annotation says what a field holds and whether it may be left out.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from purgequiz.facts.dates import DateSpan, parse_date
from purgequiz.facts.kinds import KINDS, MOVED
from purgequiz.facts.model import (
    ATTRIBUTION_TYPES,
    ENTITY_TYPES,
    SOURCE_KINDS,
    SPHERES,
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
from purgequiz.files import FACTS_LIMIT, FileProblem, decode, parse_toml, read_bytes
from purgequiz.visible import control_problem, controls, visible

__all__ = ["FactFileError", "LoadResult", "Problem", "fact_files", "load", "load_or_raise", "parse"]

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_TABLES = ("source", "topic", "entity", "fact", "uncited", "synonyms")
_COMMON = (
    "id",
    "kind",
    "statement",
    "topics",
    "source",
    "paragraphs",
    "attribution",
    "date",
    "date_note",
    "reported",
    "note",
    "importance",
    "arguable",
)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a fact file."""

    file: str
    where: str  # "fact w40-x", "entity stalin", "" for the whole file
    field: str
    message: str

    def __str__(self) -> str:
        parts = [self.file]
        if self.where:
            parts.append(self.where)
        if self.field:
            parts.append(f"field '{self.field}'")
        return ": ".join(parts) + f": {self.message}"


@dataclass(frozen=True)
class LoadResult:
    base: FactBase | None
    problems: list[Problem]


class FactFileError(Exception):
    """Raised by :func:`load_or_raise`; holds every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class _Collector:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, file: str, where: str, field: str, message: str) -> None:
        self.problems.append(Problem(file, where, field, message))


def _describe(value: Any) -> str:
    return {
        str: "text",
        int: "a whole number",
        float: "a number",
        bool: "true/false",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)


class _Record:
    """Typed access to one TOML table, reporting problems instead of raising."""

    def __init__(self, out: _Collector, file: str, where: str, data: Mapping[str, Any]) -> None:
        self.out, self.file, self.where, self.data = out, file, where, data

    def problem(self, field: str, message: str) -> None:
        self.out.add(self.file, self.where, field, message)

    def text(self, name: str, required: bool = True) -> str | None:
        value = self.data.get(name)
        if value is None:
            if required:
                self.problem(name, "missing")
            return None
        if not isinstance(value, str) or not value.strip():
            self.problem(name, f"must be non-empty text, not {_describe(value)}")
            return None
        return value.strip()

    def texts(self, name: str, required: bool = False) -> tuple[str, ...] | None:
        value = self.data.get(name)
        if value is None:
            if required:
                self.problem(name, "missing")
            return None if required else ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.problem(name, "must be a list of non-empty texts")
            return None
        return tuple(v.strip() for v in value)

    def integer(
        self,
        name: str,
        required: bool = True,
        minimum: int | None = None,
        maximum: int | None = None,
    ) -> int | None:
        value = self.data.get(name)
        if value is None:
            if required:
                self.problem(name, "missing")
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(name, f"must be a whole number, not {_describe(value)}")
            return None
        if minimum is not None and value < minimum:
            self.problem(name, f"must be at least {minimum}, not {value}")
            return None
        if maximum is not None and value > maximum:
            self.problem(name, f"must be at most {maximum}, not {value}")
            return None
        return value

    def date(self, name: str) -> tuple[bool, DateSpan | None]:
        if name not in self.data:
            return True, None
        try:
            return True, parse_date(self.data[name])
        except ValueError as error:
            self.problem(name, str(error))
            return False, None

    def unknown(self, allowed: tuple[str, ...], moved: Mapping[str, str] | None = None) -> None:
        for key in self.data:
            if key in allowed:
                continue
            if moved and key in moved:
                self.problem(
                    key, f"the fact format changed: {moved[key]} (see docs/fact-format.md)"
                )
            else:
                self.problem(key, f"unknown field (expected one of: {', '.join(allowed)})")


def _check_controls(rec: _Record) -> None:
    """A problem for each field whose text holds a control character or a bidirectional
    override (a tab too; a line break is allowed): it would reach the terminal in every
    question asked from it."""
    if not controls(rec.data, newlines=True):  # the usual case: no field to name
        return
    for name, value in rec.data.items():
        found = control_problem([name, value], newlines=True)
        if found:
            rec.problem(visible(str(name)), found)


def _check_id(rec: _Record) -> str | None:
    value = rec.text("id")
    if value is not None and not _ID.match(value):
        rec.problem("id", f"{value!r} is not a valid id (lower-case letters, digits, hyphens)")
        return None
    return value


def _tables(out: _Collector, file: str, doc: Mapping[str, Any], name: str) -> list[dict[str, Any]]:
    value = doc.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        out.add(file, "", name, f"must be written as [[{name}]] tables")
        return []
    return value


def _where(kind: str, data: Mapping[str, Any], index: int) -> str:
    ident = data.get("id")
    if isinstance(ident, str) and ident:
        return f"{kind} {ident}"
    return f"{kind} #{index + 1}"


def _paragraphs(rec: _Record) -> tuple[int, ...] | None:
    value = rec.data.get("paragraphs")
    if (
        not isinstance(value, list)
        or not value
        or not all(isinstance(p, int) and not isinstance(p, bool) for p in value)
    ):
        rec.problem(
            "paragraphs",
            "must be a non-empty list of paragraph numbers" if value is not None else "missing",
        )
        return None
    return tuple(value)


def _parse_source(rec: _Record) -> Source | None:
    rec.unknown(
        (
            "id",
            "author",
            "title",
            "publication",
            "kind",
            "paragraphs",
            "date",
            "page",
            "file",
            "sha256",
            "cite_as",
        )
    )
    ident = _check_id(rec)
    author, title = rec.text("author"), rec.text("title")
    publication, kind = rec.text("publication"), rec.text("kind")
    if kind is not None and kind not in SOURCE_KINDS:
        rec.problem("kind", f"{kind!r} is not one of: {', '.join(SOURCE_KINDS)}")
        kind = None
    paragraphs = rec.integer("paragraphs", minimum=1)
    date = rec.text("date", required=False)
    if date is not None:
        try:
            parse_date(date)
        except ValueError as error:
            rec.problem("date", str(error))
    sha = rec.text("sha256", required=False)
    if sha is not None and not re.fullmatch(r"[0-9a-f]{64}", sha):
        rec.problem("sha256", "must be 64 lower-case hexadecimal digits")
    if (
        ident is None
        or author is None
        or title is None
        or publication is None
        or kind is None
        or paragraphs is None
    ):
        return None
    return Source(
        ident,
        author,
        title,
        publication,
        kind,
        paragraphs,
        date,
        rec.text("page", required=False),
        rec.text("file", required=False),
        sha,
        rec.text("cite_as", required=False),
    )


def _parse_topic(rec: _Record) -> Topic | None:
    rec.unknown(("id", "title"))
    ident, title = _check_id(rec), rec.text("title")
    return Topic(ident, title) if ident and title else None


_ENTITY_MOVED = {
    "posts": "posts are now facts of kind 'role' or 'appointment', each citing its paragraph"
}


def _parse_entity(rec: _Record) -> Entity | None:
    rec.unknown(
        (
            "id",
            "type",
            "name",
            "full_name",
            "variants",
            "sphere",
            "category",
            "description",
            "gone",
            "gloss",
        ),
        _ENTITY_MOVED,
    )
    ident, type_, name = _check_id(rec), rec.text("type"), rec.text("name")
    if type_ is not None and type_ not in ENTITY_TYPES:
        rec.problem("type", f"{type_!r} is not one of: {', '.join(ENTITY_TYPES)}")
        type_ = None
    sphere = rec.text("sphere", required=False)
    if sphere is not None and sphere not in SPHERES:
        rec.problem("sphere", f"{sphere!r} is not one of: {', '.join(SPHERES)}")
        return None
    variants = rec.texts("variants")
    full_name, description = rec.text("full_name", False), rec.text("description", False)
    category, gloss = rec.text("category", False), rec.text("gloss", False)
    dated, gone = rec.date("gone")
    if ident is None or type_ is None or name is None or variants is None or not dated:
        return None
    return Entity(
        ident,
        type_,
        name,
        full_name,
        variants,
        sphere,
        category,
        description,
        gone.start if gone else None,
        gloss,
    )


def _parse_attribution(rec: _Record) -> Attribution | None:
    value = rec.data.get("attribution")
    if value is None:
        rec.problem("attribution", 'missing (write "record", or a table with type and by)')
        return None
    if value == "record":
        return Attribution()
    if isinstance(value, str):
        rec.problem("attribution", f'{value!r}: write "record", or a table {{ type = …, by = … }}')
        return None
    if not isinstance(value, dict):
        rec.problem("attribution", f'must be "record" or a table, not {_describe(value)}')
        return None
    sub = _Record(rec.out, rec.file, rec.where, value)
    ok = True
    for key in value:
        if key not in ("type", "by", "via"):
            rec.problem(f"attribution.{key}", "unknown field (expected type, by, via)")
            ok = False
    type_ = value.get("type")
    if type_ not in ATTRIBUTION_TYPES or type_ == "record":
        rec.problem(
            "attribution.type", f"{type_!r} is not one of: claim, estimate, interpretation, report"
        )
        ok = False
    by = value.get("by")
    if not isinstance(by, str) or not by:
        rec.problem("attribution.by", "missing: name the entity who makes the claim")
        ok = False
    via = sub.texts("via")
    if via is None:
        ok = False
    if not ok or not isinstance(type_, str) or not isinstance(by, str) or via is None:
        return None
    return Attribution(type_, by, via)


# ----------------------------------------------------------------- a kind's own fields


def _shape(hint: Any) -> str:
    """What an annotation asks a TOML value to be: text, int, number, bool, date, or list:…"""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return _shape(next(a for a in typing.get_args(hint) if a is not type(None)))
    if origin is typing.Annotated:
        return _shape(typing.get_args(hint)[0])
    if origin is tuple:
        return "list:" + _shape(typing.get_args(hint)[0])
    return {str: "text", int: "int", float: "number", bool: "bool", DateSpan: "date"}[hint]


_SHAPES: dict[type[Fact], tuple[tuple[str, str, bool], ...]] = {}


def _fields_of(cls: type[Fact]) -> tuple[tuple[str, str, bool], ...]:
    """(name, shape, required) of a kind's own fields, worked out once per kind."""
    found = _SHAPES.get(cls)
    if found is None:
        hints = typing.get_type_hints(cls, include_extras=True)
        found = tuple(
            (
                f.name,
                _shape(hints[f.name]),
                f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING,
            )
            for f in cls.own_fields()
        )
        _SHAPES[cls] = found
    return found


def _value(rec: _Record, name: str, shape: str, required: bool) -> tuple[bool, Any]:
    """(ok, value) for one kind-specific field; value None when absent."""
    value = rec.data.get(name)
    if value is None:
        if required:
            rec.problem(name, "missing")
            return False, None
        return True, None
    if shape == "text":
        if not isinstance(value, str) or not value.strip():
            rec.problem(name, f"must be non-empty text, not {_describe(value)}")
            return False, None
        return True, value.strip()
    if shape.startswith("list:"):
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(v, str) and v.strip() for v in value)
        ):
            rec.problem(name, "must be a non-empty list of texts")
            return False, None
        return True, tuple(v.strip() for v in value)
    if shape == "int":
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            rec.problem(name, f"must be a whole number ≥ 0, not {value!r}")
            return False, None
        return True, value
    if shape == "date":
        return rec.date(name)
    if shape == "bool":
        if not isinstance(value, bool):
            rec.problem(name, f"must be true or false, not {_describe(value)}")
            return False, None
        return True, value
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        rec.problem(name, f"must be a number ≥ 0, not {value!r}")
        return False, None
    return True, float(value)


def _parse_fact(rec: _Record) -> Fact | None:
    ident = _check_id(rec)
    kind = rec.text("kind")
    cls = KINDS.get(kind) if kind is not None else None
    if kind is not None and cls is None:
        rec.problem("kind", f"unknown kind {kind!r} (expected one of: {', '.join(KINDS)})")
    if cls is not None:
        moved = {old: message for (k, old), message in MOVED.items() if k == kind}
        rec.unknown(_COMMON + tuple(name for name, _, _ in _fields_of(cls)), moved)
    values: dict[str, Any] = {
        "id": ident,
        "statement": rec.text("statement"),
        "source": rec.text("source"),
        "paragraphs": _paragraphs(rec),
        "topics": rec.texts("topics", required=True),
    }
    ok = None not in values.values() and cls is not None
    if values["topics"] == ():
        rec.problem("topics", "must name at least one topic")
        ok = False
    for name in ("date", "reported"):
        good, values[name] = rec.date(name)
        ok = ok and good
    values["date_note"] = rec.text("date_note", required=False)
    values["note"] = rec.text("note", required=False)
    importance = rec.integer("importance", required=False, minimum=1, maximum=3)
    if importance is None and "importance" in rec.data:
        ok = False
    values["importance"] = importance or 2
    arguable = rec.texts("arguable", required=False)
    if arguable is None and "arguable" in rec.data:
        ok = False
    values["arguable"] = arguable or ()
    values["attribution"] = attribution = _parse_attribution(rec)
    ok = ok and attribution is not None
    for name, shape, required in _fields_of(cls) if cls is not None else ():
        good, value = _value(rec, name, shape, required)
        ok = ok and good
        if value is not None:
            values[name] = value
    if not ok or cls is None:
        return None
    fact = cls(**values, origin=rec.file)
    rules = getattr(fact, "problems", None)
    broken = rules() if rules is not None else []
    for field, message in broken:
        rec.problem(field, message)
    return None if broken else fact


def _parse_uncited(rec: _Record) -> Uncited | None:
    rec.unknown(("source", "paragraphs", "reason"))
    source, reason = rec.text("source"), rec.text("reason")
    paragraphs = _paragraphs(rec)
    if source is None or reason is None or paragraphs is None:
        return None
    return Uncited(source, paragraphs, reason, rec.file)


def _parse_synonyms(rec: _Record) -> tuple[str, ...] | None:
    rec.unknown(("words",))
    words = rec.texts("words", required=True)
    if words is not None and len(set(words)) < 2:
        rec.problem("words", "name at least two words or phrases that mean the same")
        return None
    return words


_PARSERS = {
    "source": _parse_source,
    "topic": _parse_topic,
    "entity": _parse_entity,
    "fact": _parse_fact,
    "uncited": _parse_uncited,
    "synonyms": _parse_synonyms,
}


def _check_paragraphs(
    out: _Collector, origin: str, where: str, source: Source, numbers: tuple[int, ...]
) -> None:
    for number in numbers:
        if not 1 <= number <= source.paragraphs:
            out.add(
                origin,
                where,
                "paragraphs",
                f"{number} is not a paragraph of {source.id} (1–{source.paragraphs})",
            )


def _cross_check(
    out: _Collector, records: dict[str, dict[str, Any]], uncited: list[Uncited]
) -> None:
    sources, topics, entities = records["source"], records["topic"], records["entity"]
    facts = records["fact"]
    for fact in facts.values():
        where = f"fact {fact.id}"
        source = sources.get(fact.source)
        if source is None:
            out.add(fact.origin, where, "source", f"unknown source {fact.source!r}")
        else:
            _check_paragraphs(out, fact.origin, where, source, fact.paragraphs)
        for topic in fact.topics:
            if topic not in topics:
                out.add(fact.origin, where, "topics", f"unknown topic {topic!r}")
        for ref in fact.claimants():
            if ref not in entities:
                out.add(fact.origin, where, "attribution", f"unknown entity {ref!r}")
        for ref in fact.arguable:
            if ref not in entities:
                out.add(fact.origin, where, "arguable", f"unknown entity {ref!r}")
        markers = fact.markers()
        for name, ref in fact.entity_refs():
            entity = entities.get(ref)
            marker = markers[name]
            assert isinstance(marker, Ref)
            if entity is None:
                out.add(fact.origin, where, name, f"unknown entity {ref!r}")
            elif marker.types and entity.type not in marker.types:
                expected = " or ".join(marker.types)
                out.add(
                    fact.origin, where, name, f"{ref!r} is a {entity.type}, expected {expected}"
                )
        for name, ref in fact.fact_links():
            assert isinstance(markers[name], Link)
            if ref not in facts:
                out.add(fact.origin, where, name, f"unknown fact {ref!r}")
            elif ref == fact.id:
                out.add(fact.origin, where, name, "a fact cannot name itself")
    for item in uncited:
        source = sources.get(item.source)
        where = f"uncited {item.source}"
        if source is None:
            out.add(item.origin, where, "source", f"unknown source {item.source!r}")
            continue
        _check_paragraphs(out, item.origin, where, source, item.paragraphs)


def parse(documents: Mapping[str, bytes]) -> LoadResult:
    """Validate documents (file name → TOML bytes) as one fact base."""
    out = _Collector()
    records: dict[str, dict[str, Any]] = {
        name: {} for name in _TABLES if name not in ("uncited", "synonyms")
    }
    origins: dict[tuple[str, str], str] = {}
    uncited: list[Uncited] = []
    synonyms: list[tuple[str, ...]] = []
    for file, raw in documents.items():
        try:
            doc = parse_toml(decode(raw, file), file)
        except FileProblem as error:
            out.add(file, "", "", error.reason)
            continue
        for key in doc:
            if key not in _TABLES:
                out.add(file, "", key, f"unknown table [[{key}]] (expected: {', '.join(_TABLES)})")
        for table in _TABLES:
            for index, data in enumerate(_tables(out, file, doc, table)):
                rec = _Record(out, file, _where(table, data, index), data)
                _check_controls(rec)
                item = _PARSERS[table](rec)
                if item is None:
                    continue
                if isinstance(item, Uncited):
                    uncited.append(item)
                    continue
                if isinstance(item, tuple):
                    synonyms.append(item)
                    continue
                if item.id in records[table]:
                    rec.problem(
                        "id",
                        f"duplicate {table} id {item.id!r} (first in {origins[(table, item.id)]})",
                    )
                    continue
                records[table][item.id] = item
                origins[(table, item.id)] = file
    _cross_check(out, records, uncited)
    base = FactBase(
        records["source"],
        records["topic"],
        records["entity"],
        records["fact"],
        tuple(uncited),
        tuple(synonyms),
    )
    return LoadResult(base, out.problems)


def fact_files(path: Path) -> list[Path]:
    """The files :func:`load` reads for ``path``: it, or every ``*.toml`` in the folder."""
    path = Path(path)
    if path.is_dir():
        return sorted(path.glob("*.toml"))
    return [path]


def load(path: Path) -> LoadResult:
    """Read a fact file, or every ``*.toml`` in a folder, and validate them together.

    Each file is read by :mod:`purgequiz.files` (a regular file of at most
    :data:`~purgequiz.files.FACTS_LIMIT`); a base that holds no fact at all is a problem.
    """
    path = Path(path)
    if not path.exists():
        return LoadResult(None, [Problem(str(path), "", "", "no such file or folder")])
    documents: dict[str, bytes] = {}
    problems: list[Problem] = []
    files = fact_files(path)
    if not files:
        return LoadResult(None, [Problem(str(path), "", "", "holds no .toml fact files")])
    for file in files:
        try:
            documents[str(file)] = read_bytes(file, what="fact file", limit=FACTS_LIMIT)
        except FileProblem as error:
            problems.append(Problem(error.file, "", "", error.reason))
    result = parse(documents)
    problems += result.problems
    if not problems and result.base is not None and not result.base.facts:
        problems.append(Problem(str(path), "", "", "has no facts"))
    return LoadResult(result.base, problems)


def load_or_raise(path: Path) -> FactBase:
    """Load a fact base and raise :class:`FactFileError` if anything is wrong."""
    result = load(path)
    if result.problems or result.base is None:
        raise FactFileError(result.problems)
    return result.base
