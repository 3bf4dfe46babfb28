"""The typed records of a fact base: sources, topics, entities and facts."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from purgequiz.facts.dates import DateSpan

__all__ = [
    "ATTRIBUTION_TYPES",
    "Attribution",
    "Entity",
    "Fact",
    "FactBase",
    "Source",
    "Topic",
    "Uncited",
]

ATTRIBUTION_TYPES = ("record", "claim", "estimate", "interpretation", "report")


@dataclass(frozen=True)
class Source:
    """A document that facts cite."""

    id: str
    author: str
    title: str
    publication: str
    kind: str
    paragraphs: int
    date: str | None = None
    page: str | None = None
    file: str | None = None
    sha256: str | None = None

    def citation(self, paragraphs: tuple[int, ...] = ()) -> str:
        """A one-line citation: author, title, publication, date, paragraphs."""
        parts = [self.author, f"\u201c{self.title}\u201d", self.publication]
        if self.date:
            parts.append(self.date)
        if paragraphs:
            label = "para." if len(paragraphs) == 1 else "paras."
            parts.append(f"{label} {', '.join(str(p) for p in paragraphs)}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Topic:
    id: str
    title: str


@dataclass(frozen=True)
class Entity:
    """A person, institution, place, publication, decree or collective group."""

    id: str
    type: str
    name: str
    full_name: str | None = None
    variants: tuple[str, ...] = ()
    posts: tuple[str, ...] = ()
    description: str | None = None

    @property
    def spellings(self) -> tuple[str, ...]:
        """Every accepted spelling: display name, full name and variants, without repeats."""
        seen: dict[str, None] = {self.name: None}
        if self.full_name:
            seen[self.full_name] = None
        for variant in self.variants:
            seen[variant] = None
        return tuple(seen)


@dataclass(frozen=True)
class Attribution:
    """Who stands behind a fact: a plain record, or a claim by a named entity."""

    type: str = "record"
    by: str | None = None
    via: tuple[str, ...] = ()

    @property
    def is_record(self) -> bool:
        return self.type == "record"


@dataclass(frozen=True)
class Fact:
    """One typed fact, in our own words, citing a source and its paragraphs."""

    id: str
    kind: str
    statement: str
    source: str
    paragraphs: tuple[int, ...]
    topics: tuple[str, ...]
    attribution: Attribution
    date: DateSpan | None = None
    fields: Mapping[str, Any] = field(default_factory=dict)
    origin: str = ""

    def get(self, name: str, default: Any = None) -> Any:
        return self.fields.get(name, default)

    def entity_refs(self) -> Iterator[tuple[str, str]]:
        """(field name, entity id) for every entity the fact's own fields name."""
        from purgequiz.facts.schema import KINDS

        for spec in KINDS[self.kind]:
            value = self.fields.get(spec.name)
            if value is None:
                continue
            if spec.type == "ref":
                yield spec.name, value
            elif spec.type == "refs":
                for item in value:
                    yield spec.name, item


@dataclass(frozen=True)
class Uncited:
    """Paragraphs declared non-factual, with the reason."""

    source: str
    paragraphs: tuple[int, ...]
    reason: str
    origin: str = ""


@dataclass(frozen=True)
class FactBase:
    """A validated fact base."""

    sources: Mapping[str, Source]
    topics: Mapping[str, Topic]
    entities: Mapping[str, Entity]
    facts: Mapping[str, Fact]
    uncited: tuple[Uncited, ...] = ()

    def entity(self, entity_id: str) -> Entity:
        return self.entities[entity_id]

    def of_kind(self, kind: str) -> list[Fact]:
        return [fact for fact in self.facts.values() if fact.kind == kind]

    def checksum(self) -> str:
        """SHA-256 of the base's content in a canonical form (independent of file layout)."""
        digest = hashlib.sha256()
        payload = {
            "sources": [vars(s) for s in sorted(self.sources.values(), key=lambda s: s.id)],
            "topics": [vars(t) for t in sorted(self.topics.values(), key=lambda t: t.id)],
            "entities": [vars(e) for e in sorted(self.entities.values(), key=lambda e: e.id)],
            "facts": [
                {
                    "id": f.id,
                    "kind": f.kind,
                    "statement": f.statement,
                    "source": f.source,
                    "paragraphs": f.paragraphs,
                    "topics": f.topics,
                    "attribution": vars(f.attribution),
                    "date": f.date.text if f.date else None,
                    "fields": dict(f.fields),
                }
                for f in sorted(self.facts.values(), key=lambda f: f.id)
            ],
        }
        digest.update(json.dumps(payload, sort_keys=True, default=list).encode())
        return digest.hexdigest()
