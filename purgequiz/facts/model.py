"""The typed records of a fact base: sources, topics, entities, and the fact every kind
extends.

A fact kind is a frozen dataclass (see :mod:`purgequiz.facts.kinds`); its fields are typed,
and the annotations say which fields name an entity (:class:`Ref`) or another fact
(:class:`Link`). The loader reads those annotations to check a file, so one declaration
serves loading, validation, the JSON listing and the documentation test alike.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from purgequiz.facts.dates import DateSpan, FuzzyDate

__all__ = [
    "ATTRIBUTION_TYPES",
    "ENTITY_TYPES",
    "SOURCE_KINDS",
    "SPHERES",
    "Attribution",
    "Entity",
    "Fact",
    "FactBase",
    "Link",
    "Ref",
    "Source",
    "Topic",
    "Uncited",
]

ATTRIBUTION_TYPES = ("record", "claim", "estimate", "interpretation", "report")
ENTITY_TYPES = ("person", "institution", "place", "publication", "work", "decree", "group")
SOURCE_KINDS = ("contemporary press", "later scholarship")
# Where an entity belongs, so that a wrong answer comes from the same world as the right one.
SPHERES = ("army", "nkvd", "party", "state", "industry", "foreign", "press", "historians")


@dataclass(frozen=True)
class Ref:
    """Marks a field that names entities, and which entity types it may name."""

    types: tuple[str, ...] = ()


@dataclass(frozen=True)
class Link:
    """Marks a field that names other facts by id."""


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
    cite_as: str | None = None  # how a student finds it: "Wright, Socialist Appeal, 5 October 1940"

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
    """A person, institution, place, publication, work, decree or collective group.

    ``sphere`` (army, nkvd, party …) and ``category`` (a finer class: "commissariat",
    "military district") say what it can stand beside as a wrong answer. ``gloss`` says in
    a few words what an abbreviated name stands for ("the Soviet security police"): a card
    that names the entity says it too."""

    id: str
    type: str
    name: str
    full_name: str | None = None
    variants: tuple[str, ...] = ()
    sphere: str | None = None
    category: str | None = None
    description: str | None = None
    gone: FuzzyDate | None = None  # when a person left the scene (arrest or death): never asked
    gloss: str | None = None  # what an abbreviated name stands for, said where a card names it

    @functools.cached_property
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


@dataclass(frozen=True, kw_only=True)
class Fact:
    """What every fact has; each kind adds its own typed fields.

    ``date`` is when the thing happened (or, for a post held or a state of affairs, the
    period); ``reported`` is when a paper or agency reported it, when that differs from the
    source's own date. A date the cited paragraphs do not give carries a ``date_note``.
    ``note`` is a gloss in our own words that the paragraphs do not spell out (what an
    abbreviation stands for, how an unclear sentence is read), never a correction from
    outside the sources;
    ``importance`` runs from 1 (a detail) to 3 (what every student should know);
    ``arguable`` names entities a reader may fairly take for an answer about this fact
    (Voroshilov for the failure against Finland, after which he lost his post): they are never
    offered as its wrong choices. They are not what the fact is about, so they are not among
    its entity references.
    """

    kind: ClassVar[str] = ""
    askable: ClassVar[bool] = True  # bibliography facts are kept for citations, never asked

    id: str
    statement: str
    source: str
    paragraphs: tuple[int, ...]
    topics: tuple[str, ...]
    attribution: Attribution
    date: DateSpan | None = None
    date_note: str | None = None
    reported: DateSpan | None = None
    note: str | None = None
    importance: int = 2
    arguable: tuple[str, ...] = ()
    origin: str = field(default="", compare=False, repr=False)

    @classmethod
    def own_fields(cls) -> tuple[dataclasses.Field[Any], ...]:
        """The fields this kind adds to the common ones, in declaration order."""
        common = {f.name for f in dataclasses.fields(Fact)}
        return tuple(f for f in dataclasses.fields(cls) if f.name not in common)

    @classmethod
    def markers(cls) -> dict[str, Ref | Link]:
        """Field name → its Ref or Link marker, for the fields that name entities or facts."""
        return _markers(cls)

    def kind_fields(self) -> dict[str, Any]:
        """This fact's own (kind-specific) fields that are set."""
        return {
            f.name: getattr(self, f.name)
            for f in self.own_fields()
            if getattr(self, f.name) not in (None, ())
        }

    def entity_refs(self) -> Iterator[tuple[str, str]]:
        """(field name, entity id) for every entity the fact's own fields name."""
        for name, marker in self.markers().items():
            if isinstance(marker, Ref):
                yield from ((name, ref) for ref in _as_ids(getattr(self, name)))

    def fact_links(self) -> Iterator[tuple[str, str]]:
        """(field name, fact id) for every other fact this fact's fields name."""
        for name, marker in self.markers().items():
            if isinstance(marker, Link):
                yield from ((name, ref) for ref in _as_ids(getattr(self, name)))

    def claimants(self) -> tuple[str, ...]:
        """The entities behind the fact: who makes the claim and whom they relay."""
        by = (self.attribution.by,) if self.attribution.by else ()
        return by + self.attribution.via


def _as_ids(value: str | tuple[str, ...] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else value


_MARKERS: dict[type, dict[str, Ref | Link]] = {}


def _markers(cls: type) -> dict[str, Ref | Link]:
    found = _MARKERS.get(cls)
    if found is None:
        found = {}
        for name, hint in typing.get_type_hints(cls, include_extras=True).items():
            marker = marker_of(hint)
            if marker is not None:
                found[name] = marker
        _MARKERS[cls] = found
    return found


def marker_of(hint: Any) -> Ref | Link | None:
    """The Ref or Link inside an annotation such as ``Annotated[str, Ref()] | None`` or
    ``tuple[Annotated[str, Link()], ...]``, if any."""
    if typing.get_origin(hint) is typing.Annotated:
        for extra in hint.__metadata__:
            if isinstance(extra, Ref | Link):
                return extra
    for arg in typing.get_args(hint):
        marker = marker_of(arg)
        if marker is not None:
            return marker
    return None


@dataclass(frozen=True)
class Uncited:
    """Paragraphs declared non-factual, with the reason."""

    source: str
    paragraphs: tuple[int, ...]
    reason: str
    origin: str = ""


def _stored(value: Any) -> Any:
    if isinstance(value, DateSpan):
        return value.text
    if isinstance(value, Attribution):
        return vars(value)
    return value


@dataclass(frozen=True)
class FactBase:
    """A validated fact base."""

    sources: Mapping[str, Source]
    topics: Mapping[str, Topic]
    entities: Mapping[str, Entity]
    facts: Mapping[str, Fact]
    uncited: tuple[Uncited, ...] = ()
    synonyms: tuple[tuple[str, ...], ...] = ()  # words or phrases accepted for each other

    def entity(self, entity_id: str) -> Entity:
        return self.entities[entity_id]

    def checksum(self) -> str:
        """SHA-256 of the base's content in a canonical form (independent of file layout)."""
        digest = hashlib.sha256()
        payload = {
            "sources": [vars(s) for s in sorted(self.sources.values(), key=lambda s: s.id)],
            "topics": [vars(t) for t in sorted(self.topics.values(), key=lambda t: t.id)],
            "synonyms": [list(group) for group in self.synonyms],
            "entities": [
                dataclasses.asdict(e) for e in sorted(self.entities.values(), key=lambda e: e.id)
            ],
            "facts": [
                {"kind": f.kind}
                | {
                    d.name: _stored(getattr(f, d.name))
                    for d in dataclasses.fields(f)
                    if d.name != "origin"
                }
                for f in sorted(self.facts.values(), key=lambda f: f.id)
            ],
        }
        digest.update(json.dumps(payload, sort_keys=True, default=list).encode())
        return digest.hexdigest()
