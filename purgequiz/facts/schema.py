"""What each fact kind holds: the fields, their types and which entities they may name."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["COMMON_FACT_FIELDS", "ENTITY_TYPES", "KINDS", "FieldSpec", "SOURCE_KINDS"]

ENTITY_TYPES = ("person", "institution", "place", "publication", "decree", "group")
SOURCE_KINDS = ("contemporary press", "later scholarship")
COMMON_FACT_FIELDS = (
    "id", "kind", "statement", "date", "topics", "source", "paragraphs", "attribution",
)


@dataclass(frozen=True)
class FieldSpec:
    """One kind-specific field: its type, whether it is required, what it may refer to.

    Types: ``text`` (a string), ``texts`` (a list of strings), ``int``, ``number``,
    ``ref`` (an entity id) and ``refs`` (a list of entity ids).
    """

    name: str
    type: str
    required: bool = False
    ref_types: tuple[str, ...] = ()


def _req(name: str, type_: str, *ref_types: str) -> FieldSpec:
    return FieldSpec(name, type_, True, ref_types)


def _opt(name: str, type_: str, *ref_types: str) -> FieldSpec:
    return FieldSpec(name, type_, False, ref_types)


_PERSON = ("person",)

KINDS: dict[str, tuple[FieldSpec, ...]] = {
    "replacement": (
        _req("person", "ref", *_PERSON),
        _req("replaced", "ref", *_PERSON),
        _req("role", "text"),
        _opt("institution", "ref"),
    ),
    "appointment": (
        _req("person", "ref", *_PERSON), _req("role", "text"), _opt("institution", "ref"),
    ),
    "removal": (
        _req("person", "ref", *_PERSON),
        _req("role", "text"),
        _opt("reason", "text"),
        _opt("institution", "ref"),
    ),
    "arrest": (_req("person", "ref", *_PERSON), _opt("charge", "text")),
    "execution": (_req("person", "ref", "person", "group"), _opt("count", "int")),
    "suicide": (_req("person", "ref", *_PERSON),),
    "survival": (_req("person", "ref", *_PERSON), _req("context", "text")),
    "trial": (
        _req("name", "text"),
        _opt("place", "ref", "place"),
        _opt("accused", "refs", *_PERSON),
        _opt("accused_count", "int"),
        _opt("charges", "text"),
        _opt("outcome", "text"),
    ),
    "decree": (
        _req("decree", "ref", "decree"),
        _opt("issued_by", "ref"),
        _opt("prohibits", "text"),
        _opt("requires", "text"),
        _opt("penalty", "text"),
        _opt("responsible", "texts"),
        _opt("effects", "texts"),
    ),
    "statistic": (
        _req("quantity", "text"),
        _opt("value", "number"),
        _opt("low", "number"),
        _opt("high", "number"),
        _opt("qualifier", "text"),
        _req("unit", "text"),
        _opt("period", "text"),
        _opt("computed_by", "ref"),
        _opt("series", "text"),
    ),
    "institutional_change": (
        _req("institution", "ref"),
        _req("change", "text"),
        _opt("successor", "ref"),
    ),
    "event": (_opt("participants", "refs"), _opt("place", "ref", "place")),
    "quotation": (
        _req("speaker", "ref", *_PERSON),
        _opt("addressee", "ref", *_PERSON),
        _req("gist", "text"),
    ),
    "group": (_req("label", "text"), _req("members", "refs"), _req("property", "text")),
}

QUALIFIERS = ("over", "more than", "about", "at least", "approximately", "under", "fewer than")
