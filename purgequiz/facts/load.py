"""Reading and validating fact files: every problem found, each named by file, record and field.

``parse`` turns already-read documents into a :class:`FactBase` and a list of problems; it never
raises on bad content. ``load`` reads a file or a folder of ``*.toml`` files and parses them.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from purgequiz.facts.dates import parse_date
from purgequiz.facts.model import (
    ATTRIBUTION_TYPES,
    Attribution,
    Entity,
    Fact,
    FactBase,
    Source,
    Topic,
    Uncited,
)
from purgequiz.facts.schema import (
    COMMON_FACT_FIELDS,
    ENTITY_TYPES,
    KINDS,
    QUALIFIERS,
    SOURCE_KINDS,
    FieldSpec,
)

__all__ = ["FactFileError", "LoadResult", "Problem", "load", "load_or_raise", "parse"]

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_TABLES = ("source", "topic", "entity", "fact", "uncited")


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

    @property
    def ok(self) -> bool:
        return self.base is not None and not self.problems


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
    return {str: "text", int: "a whole number", float: "a number", bool: "true/false",
            list: "a list", dict: "a table"}.get(type(value), type(value).__name__)


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

    def integer(self, name: str, required: bool = True, minimum: int | None = None) -> int | None:
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
        return value

    def unknown(self, allowed: tuple[str, ...]) -> None:
        for key in self.data:
            if key not in allowed:
                self.problem(key, f"unknown field (expected one of: {', '.join(allowed)})")


def _check_id(rec: _Record) -> str | None:
    value = rec.text("id")
    if value is not None and not _ID.match(value):
        rec.problem("id", f"{value!r} is not a valid id (lower-case letters, digits, hyphens)")
        return None
    return value


def _tables(out: _Collector, file: str, doc: Mapping[str, Any], name: str) -> list[dict]:
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


def _parse_source(rec: _Record) -> Source | None:
    rec.unknown(("id", "author", "title", "publication", "kind", "paragraphs", "date", "page",
                 "file", "sha256"))
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
    if None in (ident, author, title, publication, kind, paragraphs):
        return None
    return Source(ident, author, title, publication, kind, paragraphs, date,  # type: ignore[arg-type]
                  rec.text("page", required=False), rec.text("file", required=False), sha)


def _parse_topic(rec: _Record) -> Topic | None:
    rec.unknown(("id", "title"))
    ident, title = _check_id(rec), rec.text("title")
    return Topic(ident, title) if ident and title else None


def _parse_entity(rec: _Record) -> Entity | None:
    rec.unknown(("id", "type", "name", "full_name", "variants", "posts", "description"))
    ident, type_, name = _check_id(rec), rec.text("type"), rec.text("name")
    if type_ is not None and type_ not in ENTITY_TYPES:
        rec.problem("type", f"{type_!r} is not one of: {', '.join(ENTITY_TYPES)}")
        type_ = None
    variants, posts = rec.texts("variants"), rec.texts("posts")
    full_name, description = rec.text("full_name", False), rec.text("description", False)
    if None in (ident, type_, name, variants, posts):
        return None
    return Entity(ident, type_, name, full_name, variants, posts, description)  # type: ignore[arg-type]


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
        rec.problem("attribution", f"must be \"record\" or a table, not {_describe(value)}")
        return None
    sub = _Record(rec.out, rec.file, rec.where, value)
    ok = True
    for key in value:
        if key not in ("type", "by", "via"):
            rec.problem(f"attribution.{key}", "unknown field (expected type, by, via)")
            ok = False
    type_ = value.get("type")
    if type_ not in ATTRIBUTION_TYPES or type_ == "record":
        rec.problem("attribution.type",
                    f"{type_!r} is not one of: claim, estimate, interpretation, report")
        ok = False
    by = value.get("by")
    if not isinstance(by, str) or not by:
        rec.problem("attribution.by", "missing: name the entity who makes the claim")
        ok = False
    via = sub.texts("via")
    if via is None:
        ok = False
    return Attribution(type_, by, via) if ok else None  # type: ignore[arg-type]


def _parse_kind_field(rec: _Record, spec: FieldSpec) -> tuple[bool, Any]:
    """Return (ok, value) for one kind-specific field; value None when absent."""
    value = rec.data.get(spec.name)
    if value is None:
        if spec.required:
            rec.problem(spec.name, "missing")
            return False, None
        return True, None
    if spec.type in ("text", "ref"):
        if not isinstance(value, str) or not value.strip():
            rec.problem(spec.name, f"must be non-empty text, not {_describe(value)}")
            return False, None
        return True, value.strip()
    if spec.type in ("texts", "refs"):
        if (not isinstance(value, list) or not value
                or not all(isinstance(v, str) and v.strip() for v in value)):
            rec.problem(spec.name, "must be a non-empty list of texts")
            return False, None
        return True, tuple(v.strip() for v in value)
    if spec.type == "int":
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            rec.problem(spec.name, f"must be a whole number ≥ 0, not {value!r}")
            return False, None
        return True, value
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        rec.problem(spec.name, f"must be a number ≥ 0, not {value!r}")
        return False, None
    return True, value


def _parse_fact(rec: _Record) -> Fact | None:
    ident = _check_id(rec)
    kind = rec.text("kind")
    specs: tuple[FieldSpec, ...] = ()
    if kind is not None and kind not in KINDS:
        rec.problem("kind", f"unknown kind {kind!r} (expected one of: {', '.join(KINDS)})")
        kind = None
    if kind is not None:
        specs = KINDS[kind]
        rec.unknown(COMMON_FACT_FIELDS + tuple(s.name for s in specs))
    statement = rec.text("statement")
    source = rec.text("source")
    ok = None not in (ident, kind, statement, source)
    paragraphs = rec.data.get("paragraphs")
    if (not isinstance(paragraphs, list) or not paragraphs
            or not all(isinstance(p, int) and not isinstance(p, bool) for p in paragraphs)):
        rec.problem("paragraphs", "must be a non-empty list of paragraph numbers"
                    if paragraphs is not None else "missing")
        ok = False
    topics = rec.texts("topics", required=True)
    if not topics:
        if topics is not None:
            rec.problem("topics", "must name at least one topic")
        ok = False
    date = None
    if "date" in rec.data:
        try:
            date = parse_date(rec.data["date"])
        except ValueError as error:
            rec.problem("date", str(error))
            ok = False
    attribution = _parse_attribution(rec)
    fields: dict[str, Any] = {}
    for spec in specs:
        good, value = _parse_kind_field(rec, spec)
        ok = ok and good
        if value is not None:
            fields[spec.name] = value
    if kind == "decree" and not ({"prohibits", "requires"} & fields.keys()):
        rec.problem("prohibits", "a decree needs at least one of prohibits, requires")
        ok = False
    if kind == "statistic":
        has_value = "value" in fields
        has_range = "low" in fields or "high" in fields
        if has_value == has_range:
            rec.problem("value", "give either value, or low and high")
            ok = False
        elif has_range and not ("low" in fields and "high" in fields):
            rec.problem("high" if "low" in fields else "low", "a range needs both low and high")
            ok = False
        elif has_range and fields["low"] > fields["high"]:
            rec.problem("low", "low is greater than high")
            ok = False
        qualifier = fields.get("qualifier")
        if qualifier is not None and qualifier not in QUALIFIERS:
            rec.problem("qualifier", f"{qualifier!r} is not one of: {', '.join(QUALIFIERS)}")
            ok = False
    if not ok or attribution is None:
        return None
    return Fact(ident, kind, statement, source, tuple(paragraphs), topics,  # type: ignore[arg-type]
                attribution, date, fields, rec.file)


def _parse_uncited(rec: _Record) -> Uncited | None:
    rec.unknown(("source", "paragraphs", "reason"))
    source, reason = rec.text("source"), rec.text("reason")
    paragraphs = rec.data.get("paragraphs")
    if (not isinstance(paragraphs, list) or not paragraphs
            or not all(isinstance(p, int) and not isinstance(p, bool) for p in paragraphs)):
        rec.problem("paragraphs", "must be a non-empty list of paragraph numbers")
        return None
    if source is None or reason is None:
        return None
    return Uncited(source, tuple(paragraphs), reason, rec.file)


_PARSERS = {"source": _parse_source, "topic": _parse_topic, "entity": _parse_entity,
            "fact": _parse_fact, "uncited": _parse_uncited}


def _cross_check(out: _Collector, records: dict[str, dict[str, Any]],
                 uncited: list[Uncited]) -> None:
    sources, topics, entities = records["source"], records["topic"], records["entity"]
    for fact in records["fact"].values():
        where = f"fact {fact.id}"
        source = sources.get(fact.source)
        if source is None:
            out.add(fact.origin, where, "source", f"unknown source {fact.source!r}")
        else:
            for number in fact.paragraphs:
                if not 1 <= number <= source.paragraphs:
                    out.add(fact.origin, where, "paragraphs",
                            f"{number} is not a paragraph of {source.id} (1–{source.paragraphs})")
        for topic in fact.topics:
            if topic not in topics:
                out.add(fact.origin, where, "topics", f"unknown topic {topic!r}")
        attribution = fact.attribution
        for ref in ((attribution.by,) if attribution.by else ()) + attribution.via:
            if ref not in entities:
                out.add(fact.origin, where, "attribution", f"unknown entity {ref!r}")
        specs = {s.name: s for s in KINDS[fact.kind]}
        for name, ref in fact.entity_refs():
            entity = entities.get(ref)
            if entity is None:
                out.add(fact.origin, where, name, f"unknown entity {ref!r}")
            elif specs[name].ref_types and entity.type not in specs[name].ref_types:
                expected = " or ".join(specs[name].ref_types)
                out.add(fact.origin, where, name,
                        f"{ref!r} is a {entity.type}, expected {expected}")
    for item in uncited:
        source = sources.get(item.source)
        where = f"uncited {item.source}"
        if source is None:
            out.add(item.origin, where, "source", f"unknown source {item.source!r}")
            continue
        for number in item.paragraphs:
            if not 1 <= number <= source.paragraphs:
                out.add(item.origin, where, "paragraphs",
                        f"{number} is not a paragraph of {source.id} (1–{source.paragraphs})")


def parse(documents: Mapping[str, bytes]) -> LoadResult:
    """Validate documents (file name → TOML bytes) as one fact base."""
    out = _Collector()
    records: dict[str, dict[str, Any]] = {name: {} for name in _TABLES if name != "uncited"}
    origins: dict[tuple[str, str], str] = {}
    uncited: list[Uncited] = []
    for file, raw in documents.items():
        try:
            doc = tomllib.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as error:
            out.add(file, "", "", f"is not UTF-8 text (byte {error.start})")
            continue
        except tomllib.TOMLDecodeError as error:
            out.add(file, "", "", f"TOML syntax error: {error}")
            continue
        for key in doc:
            if key not in _TABLES:
                out.add(file, "", key,
                        f"unknown table [[{key}]] (expected: {', '.join(_TABLES)})")
        for table in _TABLES:
            for index, data in enumerate(_tables(out, file, doc, table)):
                rec = _Record(out, file, _where(table, data, index), data)
                item = _PARSERS[table](rec)
                if item is None:
                    continue
                if table == "uncited":
                    uncited.append(item)
                    continue
                if item.id in records[table]:
                    rec.problem("id", f"duplicate {table} id {item.id!r} "
                                      f"(first in {origins[(table, item.id)]})")
                    continue
                records[table][item.id] = item
                origins[(table, item.id)] = file
    _cross_check(out, records, uncited)
    base = FactBase(records["source"], records["topic"], records["entity"], records["fact"],
                    tuple(uncited))
    return LoadResult(base, out.problems)


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(path.glob("*.toml"))
    return [path]


def load(path: Path) -> LoadResult:
    """Read a fact file, or every ``*.toml`` in a folder, and validate them together."""
    path = Path(path)
    if not path.exists():
        return LoadResult(None, [Problem(str(path), "", "", "no such file or folder")])
    documents: dict[str, bytes] = {}
    problems: list[Problem] = []
    files = _files(path)
    if not files:
        return LoadResult(None, [Problem(str(path), "", "", "holds no .toml fact files")])
    for file in files:
        try:
            documents[str(file)] = file.read_bytes()
        except OSError as error:
            problems.append(Problem(str(file), "", "", f"cannot be read: {error.strerror}"))
    result = parse(documents)
    return LoadResult(result.base, problems + result.problems)


def load_or_raise(path: Path) -> FactBase:
    """Load a fact base and raise :class:`FactFileError` if anything is wrong."""
    result = load(path)
    if result.problems or result.base is None:
        raise FactFileError(result.problems)
    return result.base
