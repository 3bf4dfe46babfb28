"""Cloze cards: the fact's statement with its key term blanked. The same slot, filled with
a wrong term, gives the false variants of the true/false cards."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from purgequiz.facts import Fact
from purgequiz.generate.context import Context
from purgequiz.generate.model import Card
from purgequiz.generate.numbers import Figure, figure_of, wrong_for
from purgequiz.generate.phrasing import blank_first, find_term, mentions, normalize
from purgequiz.generate.templates.common import (
    dated,
    entity_distractors,
    fate_safe,
    people_distractors,
)
from purgequiz.generate.templates.figures import figure_distractors
from purgequiz.generate.templates.succession import shared_post

__all__ = ["BLANK", "Slot", "cloze", "slot"]

BLANK = "_____"


@dataclass(frozen=True)
class Slot:
    """A term of a statement that can be blanked, its answer and terms that are wrong there."""

    blanked: str
    answer: str
    accept: tuple[str, ...]
    answer_type: str
    wrong: tuple[str, ...]


class _Both:
    """Membership in either of two sets, without copying them."""

    def __init__(self, first: set[str], second: set[str]) -> None:
        self.first, self.second = first, second

    def __contains__(self, item: object) -> bool:
        return item in self.first or item in self.second


def _person_wrong(ctx: Context, fact: Fact, person: str,
                  title_ok: Callable[[str], bool] | None = None) -> list[str]:
    """People who make the statement false in the person's place; with ``title_ok``, only
    those who bear the title before the blank ('Marshal _____')."""
    kind, index = fact.kind, ctx.index

    def also(ok: Callable[[str], bool] | None = None) -> Callable[[str], bool] | None:
        if title_ok is None:
            return ok
        return title_ok if ok is None else (lambda p: ok(p) and title_ok(p))

    if kind in ("execution", "suicide", "arrest"):
        return people_distractors(ctx, fact, {person}, ok=also(lambda p: fate_safe(ctx, p)),
                                  prefer=index.not_victims_near(fact.topics))
    if kind == "survival":
        dead = index.dead()
        return people_distractors(ctx, fact, index.known["survival"],
                                  ok=also(lambda p: p in dead and p != person),
                                  prefer=[index.dead_list()])
    if kind in ("appointment", "removal") and shared_post(fact.get("role")):
        return []  # anyone else might have held a deputy's post too: nothing is surely wrong
    role, replaced = fact.get("role"), fact.get("replaced")

    def not_in_post(p: str) -> bool:
        return p != replaced and not index.holds(p, role) and not index.was_removed(p, role)

    return people_distractors(ctx, fact, {person}, ok=also(not_in_post))


def _figure_slot(ctx: Context, fact: Fact) -> Slot | None:
    figure = figure_of(fact)
    if figure.is_range:
        return None
    number = Figure(figure.low, figure.low).number_text()
    match = find_term(fact.statement, number)
    if match is None:
        return None
    wrong = []
    for other in figure_distractors(ctx, fact):
        if other.is_range:
            continue
        candidate = Figure(other.low, other.low, figure.qualifier, figure.unit)
        if wrong_for(figure, candidate, []):
            wrong.append(Figure(other.low, other.low).number_text())
    blanked = fact.statement[: match.start()] + BLANK + fact.statement[match.end():]
    spellings = Figure(figure.low, figure.low).spellings()
    return Slot(blanked, number, spellings, "number", tuple(wrong))


_TITLE = re.compile(r"\b(Marshal|General|Admiral|Commissar|Comrade|President|Chairman)\s+"
                    + re.escape(BLANK))


def _title_ok(ctx: Context, blanked: str) -> Callable[[str], bool] | None:
    """'Marshal _____ …': only people the base gives that title are wrong answers there."""
    match = _TITLE.search(blanked)
    if match is None:
        return None
    title = re.compile(rf"\b{match.group(1)}\b(?!\s+(?:secretary|staff))", re.IGNORECASE)

    def ok(person: str) -> bool:
        entity = ctx.entity(person)
        words = " ".join([*entity.posts, entity.description or "", entity.full_name or ""])
        return bool(title.search(words))

    return ok


def slot(ctx: Context, fact: Fact) -> Slot | None:
    """The key term of a fact's statement, or None when it has none we can blank safely."""
    if fact.kind == "statistic":
        return _figure_slot(ctx, fact)
    field = {"replacement": "person", "appointment": "person", "removal": "person",
             "arrest": "person", "execution": "person", "suicide": "person",
             "survival": "person", "decree": "decree", "institutional_change": "institution",
             "quotation": "speaker"}.get(fact.kind)
    if field is None:
        return None
    entity_id = fact.get(field)
    claimants = {fact.attribution.by, *fact.attribution.via}
    if ctx.entity(entity_id).type == "group" or entity_id in claimants or \
            not ctx.named(entity_id):
        return None  # "Wright recalled …" is about the claimant, not a term to swap
    spellings = tuple(s for s in ctx.spellings(entity_id) if s[:1].isupper())
    blanked = blank_first(fact.statement, spellings, BLANK)
    if blanked is None or mentions(blanked, ctx.spellings(entity_id)):
        return None
    if field == "person":
        wrong = _person_wrong(ctx, fact, entity_id, _title_ok(ctx, blanked))
    elif field == "speaker":
        wrong = people_distractors(
            ctx, fact, ctx.index.quote_speakers.get(normalize(fact.get("gist")), set()))
    else:
        same_slot = ctx.index.slot.get((fact.kind, field), set())
        wrong = entity_distractors(ctx, fact, ctx.entity(entity_id).type,
                                   _Both({entity_id}, same_slot))
    return Slot(blanked, ctx.name(entity_id), spellings, "entity", tuple(wrong))


def cloze(ctx: Context, fact: Fact) -> Iterator[Card]:
    found = slot(ctx, fact)
    if found is None:
        return
    yield ctx.card(fact, "cloze", kind="cloze",
                   prompt=ctx.ask(fact, f"Fill in the blank{dated(fact, fact.statement)}: "
                                        f"{found.blanked}"),
                   answer=found.answer, answer_type=found.answer_type, accept=found.accept,
                   choices=ctx.choices(found.answer, found.wrong), difficulty=2)
