"""What every question template works with: the base, its indexes, the seeded random
generator, and the one place that turns a question about facts into a :class:`Card`."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from purgequiz.facts import Entity, Fact, FactBase
from purgequiz.generate.distractors import arrange
from purgequiz.generate.index import FactIndex
from purgequiz.generate.model import Card, Citation
from purgequiz.generate.phrasing import (
    attribution_note,
    attribution_phrase,
    claimant_names,
    find_term,
    mentions,
)

__all__ = ["Context", "citation"]


def citation(base: FactBase, fact: Fact) -> Citation:
    source = base.sources[fact.source]
    return Citation(source.id, source.title, source.author, source.publication, source.date,
                    tuple(fact.paragraphs))


@dataclass
class Context:
    base: FactBase
    index: FactIndex
    rng: random.Random
    statements: set[str] = field(default_factory=set)  # true/false statements already asked

    def name(self, entity_id: str) -> str:
        """The entity's display name, without a curator's note in brackets."""
        return re.sub(r"\s*\([^)]*\)", "", self.base.entities[entity_id].name).strip()

    def named(self, entity_id: str) -> bool:
        """Whether the entity has a proper name ('Beria', not 'the president of …')."""
        return self.base.entities[entity_id].name[:1].isupper()

    def entity(self, entity_id: str) -> Entity:
        return self.base.entities[entity_id]

    def spellings(self, entity_id: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.name(entity_id),
                                    *self.base.entities[entity_id].spellings)))

    def ask(self, fact: Fact, question: str) -> str:
        """The question, led by the fact's attribution when it is not a plain record (and
        the question does not already name who makes the claim)."""
        phrase = attribution_phrase(self.base, fact)
        if phrase is None or mentions(question, claimant_names(self.base, fact)):
            return question
        return f"{phrase}, {question[0].lower()}{question[1:]}"  # "According to X, as cited
        # in Y, what …": the phrase's own inner comma pairs with this one

    def explain(self, fact: Fact, extra: str | None = None) -> str:
        """The fact's statement, with whose claim it is, and any extra context."""
        parts = [fact.statement]
        note = attribution_note(self.base, fact)
        if note:
            parts.append(note)
        if extra:
            parts.append(extra)
        return " ".join(parts)

    def choices(self, answer: str, distractors: Sequence[str]) -> tuple[str, ...]:
        return arrange(answer, distractors, self.rng)

    def card(self, facts: Fact | Sequence[Fact], template: str, *, prompt: str, answer: str,
             kind: str = "question", answer_type: str = "text", accept: Sequence[str] = (),
             choices: Sequence[str] = (), truth: bool | None = None, items: Sequence[str] = (),
             difficulty: int = 2, explanation: str | None = None, card_id: str | None = None,
             attributed: bool = True) -> Card:
        """A card about one fact (id ``<fact-id>:<template>``) or several (pass card_id)."""
        group = [facts] if isinstance(facts, Fact) else list(facts)
        first = group[0]
        years = [f.date.year for f in group if f.date]
        topics: dict[str, None] = {}
        for fact in group:
            topics.update(dict.fromkeys(fact.topics))
        cites: dict[tuple, Citation] = {}
        for fact in group:
            cite = citation(self.base, fact)
            cites[(cite.id, cite.paragraphs)] = cite
        accepted = dict.fromkeys([answer, *accept]) if kind in ("question", "cloze") else {}
        if kind in ("question", "cloze") and any(
                c != answer and find_term(prompt, c) for c in choices):
            # a choice the prompt itself names ('Molotov' for "Molotov's deputies") is no
            # real alternative: keep the others, or none if too few are left
            kept = [c for c in choices if c == answer or not find_term(prompt, c)]
            choices = tuple(kept) if len(kept) >= 3 else ()
        return Card(
            id=card_id or f"{first.id}:{template}",
            kind=kind,
            template=template,
            prompt=prompt,
            answer=answer,
            explanation=explanation or self.explain(first),
            sources=tuple(cites.values()),
            fact_ids=tuple(f.id for f in group),
            topics=tuple(topics),
            answer_type=answer_type,
            accept=tuple(accepted),
            choices=tuple(choices),
            truth=truth,
            items=tuple(items),
            year=min(years) if years else None,
            difficulty=max(1, min(3, difficulty)),
            attribution=attribution_phrase(self.base, first) if attributed else None,
        )
