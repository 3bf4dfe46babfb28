"""The question templates, one module per family, and which fact kinds each serves."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from purgequiz.facts import Fact
from purgequiz.generate.context import Context
from purgequiz.generate.model import Card
from purgequiz.generate.templates import (
    chronology,
    cloze,
    decrees,
    events,
    fates,
    figures,
    succession,
    truefalse,
)

__all__ = ["EVERY_FACT", "FAMILIES", "PER_KIND", "WHOLE_BASE", "family"]

FactTemplate = Callable[[Context, Fact], Iterator[Card]]

PER_KIND: dict[str, tuple[FactTemplate, ...]] = {
    "replacement": (succession.replacement,),
    "appointment": (succession.appointment,),
    "removal": (succession.removal,),
    "arrest": (fates.arrest,),
    "execution": (fates.final_fate,),
    "suicide": (fates.final_fate,),
    "survival": (fates.final_fate,),
    "group": (fates.group,),
    "decree": (decrees.decree,),
    "statistic": (figures.statistic,),
    "trial": (events.trial,),
    "institutional_change": (events.institutional_change,),
    "event": (events.event,),
    "quotation": (events.quotation,),
}
EVERY_FACT: tuple[FactTemplate, ...] = (chronology.when, cloze.cloze, truefalse.truefalse)
WHOLE_BASE: tuple[Callable[[Context], Iterator[Card]], ...] = (
    succession.succession_chains,
    chronology.ordering_cards,
)

# Question families: what `--kind` accepts besides card kinds and fact kinds.
FAMILIES: dict[str, tuple[str, ...]] = {
    "succession": ("who-replaced", "whom-replaced", "post-taken-over", "who-appointed",
                   "post-appointed", "who-removed", "post-removed", "removal-reason",
                   "succession-order"),
    "fates": ("fate", "who-executed", "who-arrested", "arrest-charge", "group-member",
              "group-property"),
    "decrees": ("decree-prohibits", "decree-requires", "decree-penalty", "decree-responsible",
                "decree-effects", "decree-issuer", "decree-date"),
    "figures": ("figure", "trial-accused-count"),
    "sources": ("figure-source",),
    "chronology": ("when", "order", "decree-date", "succession-order"),
    "trials": ("trial-place", "trial-accused-count", "trial-accused", "trial-charges",
               "trial-outcome"),
    "institutions": ("institution-change", "institution-successor"),
    "events": ("event-place",),
    "quotations": ("quote-speaker", "quote-addressee"),
}


def family(template: str) -> tuple[str, ...]:
    """The families a template belongs to."""
    return tuple(name for name, templates in FAMILIES.items() if template in templates)
