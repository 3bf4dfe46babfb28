"""The template registry: the one list of question templates.

Each template registers itself with :func:`template`, declaring its id, its family, the fact
kinds it asks, and whether it dates or orders. The generator, the deck filters, the
documentation and the tests all read :data:`REGISTRY`; nothing lists templates by hand.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from purgequiz.decks.model import Card

__all__ = ["FAMILIES", "REGISTRY", "Template", "template", "templates_for"]

# The question families, in the order decks and documents list them.
FAMILIES: dict[str, str] = {
    "posts": "who held, took or lost which post, and who replaced whom",
    "fates": "who was arrested, executed, driven to suicide or murdered, and who survived",
    "trials": "who was tried, on what charges",
    "decrees": "what decrees and resolutions prohibited, required and left untouched",
    "institutions": "what happened to bodies of the party and state, and what the purges reached",
    "figures": "how many: the figures the sources give",
    "tables": "patterns across a table of figures",
    "causes": "why things happened and what followed",
    "source-criticism": "who reported or argued what, from which paper, and where accounts differ",
    "groups": "who belonged to a set the sources name together",
    "quotations": "who said what to whom",
    "chronology": "when things happened, and putting them in order",
    "matching": "pairs to match: people and posts, decrees and what they did",
}


@dataclass(frozen=True)
class Template:
    """One question template.

    ``make`` is called with (context, fact) for each fact of ``kinds``, or, when ``whole``,
    once with the context alone, to draw on the whole base.
    """

    id: str
    family: str
    kinds: tuple[str, ...]
    make: Callable[..., Iterator[Card]]
    whole: bool = False
    dates: bool = False
    orders: bool = False

    @property
    def doc(self) -> str:
        return (self.make.__doc__ or "").strip().splitlines()[0] if self.make.__doc__ else ""


REGISTRY: dict[str, Template] = {}


def template(
    id: str,
    *,
    family: str,
    kinds: tuple[str, ...],
    whole: bool = False,
    dates: bool = False,
    orders: bool = False,
) -> Callable[[Any], Any]:
    """Register the decorated function as the template ``id``."""
    if family not in FAMILIES:
        raise ValueError(f"template {id!r}: unknown family {family!r}")

    def register(make: Callable[..., Iterator[Card]]) -> Callable[..., Iterator[Card]]:
        if id in REGISTRY:
            raise ValueError(f"template {id!r} is registered twice")
        REGISTRY[id] = Template(id, family, kinds, make, whole, dates, orders)
        return make

    return register


def templates_for(kind: str) -> list[Template]:
    """The per-fact templates that ask facts of ``kind``, in registration order."""
    return [t for t in REGISTRY.values() if not t.whole and kind in t.kinds]
