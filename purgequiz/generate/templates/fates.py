"""Fates: what became of a person (executed, suicide, survived), who was arrested or
executed, and 'which of these …' over the group facts."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from purgequiz.facts import Fact
from purgequiz.generate.context import Context
from purgequiz.generate.index import fate_of_property
from purgequiz.generate.model import Card
from purgequiz.generate.phrasing import mentions, normalize, source_label
from purgequiz.generate.templates.common import (
    fate_safe,
    people_distractors,
    text_distractors,
    when_phrase,
)

__all__ = ["arrest", "final_fate", "group", "group_member", "group_property"]

_PURGE = re.compile(r"purge|terror|repression", re.IGNORECASE)
# The final fates: each rules out the others.
FATE_LABELS = {"execution": "executed", "suicide": "died by suicide", "survival": "survived"}
FATE_ACCEPT = {
    "execution": ("executed", "was executed", "shot", "execution"),
    "suicide": ("suicide", "died by suicide", "took his own life", "killed himself",
                "shot himself"),
    "survival": ("survived", "survival", "he survived"),
}


def _claimed(ctx: Context, person: str) -> dict[str, list[Fact]]:
    """Every final fate the base gives or mentions for a person, with the facts."""
    claimed: dict[str, list[Fact]] = {k: list(v) for k, v in
                                      ctx.index.fates.get(person, {}).items()}
    for kind, facts in ctx.index.mentioned_fates(person).items():
        claimed.setdefault(kind, [])
        claimed[kind] += [f for f in facts if f not in claimed[kind]]
    return claimed


def _conflicts(ctx: Context, fact: Fact) -> list[Fact]:
    """Other facts that give or mention a different final fate for the same person."""
    claimed = _claimed(ctx, fact.get("person"))
    return [other for kind, facts in claimed.items() if kind in FATE_LABELS and kind != fact.kind
            for other in facts if other.id != fact.id]


def _conflict_note(ctx: Context, conflicts: list[Fact]) -> str | None:
    if not conflicts:
        return None
    other = conflicts[0]
    source = ctx.base.sources[other.source]
    named = mentions(other.statement, [source.author.split()[-1], "the chapter"])
    return f"The sources differ: {other.statement}" + (
        "" if named else f" ({source_label(source)})")


def final_fate(ctx: Context, fact: Fact) -> Iterator[Card]:
    """'What was the fate of X?' for an execution, suicide or survival fact."""
    person = fact.get("person")
    if ctx.entity(person).type != "person":
        return  # a body of people: its members need not all have shared one fate
    conflicts = _conflicts(ctx, fact)
    if fact.attribution.is_record and any(c.attribution.is_record and c.kind in FATE_LABELS
                                          for c in conflicts):
        return  # the base's own records disagree: no question has one answer
    answer = FATE_LABELS[fact.kind]
    if fact.kind == "survival":
        context = re.sub(r"\s*\([^)]*\)", "", fact.get("context")).strip()
        if not _PURGE.search(context):
            return  # surviving a reorganisation is no 'fate' to set beside execution
        answer = f"survived {context}"
    known = set(_claimed(ctx, person))
    others = [FATE_LABELS[k] for k in FATE_LABELS if k != fact.kind and k not in known]
    yield ctx.card(fact, "fate", prompt=ctx.ask(fact, f"What was the fate of {ctx.name(person)}?"),
                   answer=answer, accept=FATE_ACCEPT[fact.kind],
                   choices=ctx.choices(answer, others), difficulty=1,
                   explanation=ctx.explain(fact, _conflict_note(ctx, conflicts)))
    if fact.kind == "execution" and _alone_that_day(ctx, fact):
        yield from _who_suffered(ctx, fact, "who-executed",
                            f"Who was executed{when_phrase(fact)}?")


def _alone_that_day(ctx: Context, fact: Fact) -> bool:
    """Whether 'Who was arrested/executed on D?' has one answer in the base."""
    if fact.date is None or fact.date.precision == "year":
        return False
    same = ctx.index.by_kind_date.get((fact.kind, fact.date.text), ())
    return len({f.get("person") for f in same}) == 1 and not any(
        g for g in ctx.index.groups_of.get(fact.get("person"), ())
        if fact.date.start.display() in f"{g.get('label')} {g.get('property')}")


def _who_suffered(ctx: Context, fact: Fact, template: str, question: str) -> Iterator[Card]:
    person = fact.get("person")
    if not ctx.named(person):
        return  # "the president of the republic" is no name to learn
    wrong = people_distractors(ctx, fact, {person}, ok=lambda p: fate_safe(ctx, p),
                               prefer=ctx.index.not_victims_near(fact.topics))
    yield ctx.card(fact, template, prompt=ctx.ask(fact, question), answer=ctx.name(person),
                   answer_type="entity", accept=ctx.spellings(person),
                   choices=ctx.choices(ctx.name(person), wrong), difficulty=2)


def arrest(ctx: Context, fact: Fact) -> Iterator[Card]:
    person, charge = fact.get("person"), fact.get("charge")
    if _alone_that_day(ctx, fact):
        suffix = f" on a charge of {charge}" if charge else ""
        yield from _who_suffered(ctx, fact, "who-arrested",
                            f"Who was arrested{when_phrase(fact)}{suffix}?")
    if charge:
        others = text_distractors(ctx, ("arrest.charge",), charge)
        yield ctx.card(fact, "arrest-charge",
                       prompt=ctx.ask(fact, f"On what charge was {ctx.name(person)} arrested?"),
                       answer=charge, choices=ctx.choices(charge, others), difficulty=3)


def _ruled_out(ctx: Context, group: Fact) -> Callable[[str], bool]:
    """Whether an entity cannot be a wrong answer to 'which of these …': a member, anyone
    known to share the group's property, or anyone in another group with the same property."""
    members = set(group.get("members"))
    fates = fate_of_property(group.get("property"))
    victims = ctx.index.victims() if fates & {"execution", "suicide", "arrest"} else set()
    same = ctx.index.members_by_property.get(normalize(group.get("property")), set())
    known = [ctx.index.known[fate] for fate in fates]

    def ruled_out(entity_id: str) -> bool:
        return (entity_id in members or entity_id in victims or entity_id in same
                or any(entity_id in k for k in known))

    return ruled_out


def _opposites(ctx: Context, group: Fact) -> list[list[str]]:
    """People known NOT to share a fate property: the dead for 'survived', survivors and
    unharmed office-holders for 'executed'."""
    fates = fate_of_property(group.get("property"))
    if fates == {"survival"}:
        return [ctx.index.dead_list()]
    if fates:
        return ctx.index.not_victims_near(group.topics)
    return []


def group_member(ctx: Context, fact: Fact) -> Iterator[Card]:
    """'Which of these was among the marshals who survived 1938?'"""
    members = list(fact.get("members"))
    label = fact.get("label")
    ruled_out = _ruled_out(ctx, fact)
    named = ctx.index.candidates  # anyone the label itself names is no wrong answer
    types = {ctx.entity(m).type for m in members}
    visible = [m for m in members if not mentions(label, ctx.spellings(m))]
    if len(types) != 1 or not visible:
        return
    type_ = types.pop()
    answer = visible[ctx.rng.randrange(len(visible))]
    fates = fate_of_property(fact.get("property"))

    def ok(entity_id: str) -> bool:
        return (not ruled_out(entity_id) and ctx.entity(entity_id).type == type_
                and entity_id in named and not mentions(label, ctx.spellings(entity_id))
                and (not fates or "survival" in fates or fate_safe(ctx, entity_id)))

    wrong = people_distractors(ctx, fact, (), ok=ok, prefer=_opposites(ctx, fact))
    yield ctx.card(fact, "group-member", prompt=ctx.ask(fact, f"Which of these was among {label}?"),
                   answer=ctx.name(answer), answer_type="entity", accept=ctx.spellings(answer),
                   choices=ctx.choices(ctx.name(answer), wrong), difficulty=2,
                   explanation=ctx.explain(fact, _members_line(ctx, fact)))


def _members_line(ctx: Context, fact: Fact) -> str:
    names = [ctx.name(m) for m in fact.get("members")]
    return "They were " + (", ".join(names[:-1]) + " and " + names[-1]
                           if len(names) > 1 else names[0]) + "."


def group_property(ctx: Context, fact: Fact) -> Iterator[Card]:
    """'What did Voroshilov, Budenny and Shaposhnikov have in common?'"""
    members = list(fact.get("members"))
    if not 2 <= len(members) <= 5:
        return
    prop = fact.get("property")
    member_fates: set[str] = set()
    for member in members:
        member_fates |= set(ctx.index.fates.get(member, {}))
        for other in ctx.index.groups_of.get(member, ()):
            member_fates |= fate_of_property(other.get("property"))

    types = {ctx.entity(m).type for m in members}

    def exclude(text: str, other: Fact) -> bool:
        if {ctx.entity(m).type for m in other.get("members")} != types:
            return True
        shared = set(other.get("members")) & set(members)
        return bool(shared) or bool(fate_of_property(text) & member_fates)

    wrong = text_distractors(ctx, ("group.property",), prop, exclude)
    names = [ctx.name(m) for m in members]
    listed = ", ".join(names[:-1]) + " and " + names[-1]
    yield ctx.card(fact, "group-property",
                   prompt=ctx.ask(fact, f"What did {listed} have in common?"), answer=prop,
                   choices=ctx.choices(prop, wrong), difficulty=2)


def group(ctx: Context, fact: Fact) -> Iterator[Card]:
    yield from group_member(ctx, fact)
    yield from group_property(ctx, fact)
