"""Who replaced whom, appointments and removals: 'Who replaced Y as R?', 'Whom did X
replace as R?', 'Which post did X take over from Y?', succession chains."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator

from purgequiz.facts import Fact
from purgequiz.generate.context import Context
from purgequiz.generate.model import Card
from purgequiz.generate.phrasing import normalize
from purgequiz.generate.templates.common import people_distractors, text_distractors, when_phrase

__all__ = ["appointment", "removal", "replacement", "set_id", "shared_post",
           "succession_chains"]

_ROLE_KEYS = ("replacement.role", "appointment.role", "removal.role")


def _person_card(ctx: Context, fact: Fact, template: str, prompt: str, person: str,
                 wrong_ok: Callable[[str], bool], difficulty: int = 2) -> Card:
    """A question answered by a person; ``wrong_ok`` says who may stand as a wrong answer."""
    wrong = people_distractors(ctx, fact, {person}, ok=wrong_ok)
    return ctx.card(fact, template, prompt=ctx.ask(fact, prompt), answer=ctx.name(person),
                    answer_type="entity", accept=ctx.spellings(person),
                    choices=ctx.choices(ctx.name(person), wrong), difficulty=difficulty)


def _role_card(ctx: Context, fact: Fact, template: str, prompt: str, person: str) -> Card:
    role = fact.get("role")
    others = text_distractors(ctx, _ROLE_KEYS, role,
                              lambda text, _f: ctx.index.held(person, text))
    return ctx.card(fact, template, prompt=ctx.ask(fact, prompt), answer=role,
                    choices=ctx.choices(role, others), difficulty=2)


# Posts several people hold at once, or standings that are a matter of judgement
# ("Stalin's closest collaborator"): another person might also be right.
_SHARED_POST = re.compile(r"\b(?:deputy|deputies|member|members|one of|assistant|candidate|"
                          r"closest|close|leading|among|collaborator|officer|officers)\b",
                          re.IGNORECASE)


def shared_post(role: str) -> bool:
    """Whether a post is held by several people at once (a deputy, a member)."""
    return bool(_SHARED_POST.search(role))


def _single_holder(ctx: Context, fact: Fact) -> bool:
    """Whether 'Who was appointed R on D?' has one answer: a dated fact, a post one person
    holds at a time, and no one else in the base taking it up."""
    role = fact.get("role")
    return (fact.date is not None and not shared_post(role)
            and ctx.index.holder_count(role) <= 1)


def _one_post_that_year(ctx: Context, fact: Fact, kind: str) -> bool:
    """Whether this is the person's only fact of this kind in its year ('which post' is
    then unambiguous)."""
    person, year = fact.get("person"), fact.date.year if fact.date else None
    same = [f for f in ctx.index.person_facts.get(person, ())
            if f.kind == kind and f.get("person") == person
            and (f.date.year if f.date else None) == year]
    return len(same) == 1


def replacement(ctx: Context, fact: Fact) -> Iterator[Card]:
    person, replaced, role = fact.get("person"), fact.get("replaced"), fact.get("role")
    index = ctx.index
    if len(index.successors(role, replaced)) == 1:
        yield _person_card(ctx, fact, "who-replaced",
                           f"Who replaced {ctx.name(replaced)} as {role}?", person,
                           lambda p: p != replaced and not index.holds(p, role))
    if len(index.predecessors(role, person)) == 1:
        yield _person_card(ctx, fact, "whom-replaced",
                           f"Whom did {ctx.name(person)} replace as {role}?", replaced,
                           lambda p: p != person and not index.holds(p, role))
    yield _role_card(ctx, fact, "post-taken-over",
                     f"Which post did {ctx.name(person)} take over from {ctx.name(replaced)}?",
                     person)


def appointment(ctx: Context, fact: Fact) -> Iterator[Card]:
    person, role = fact.get("person"), fact.get("role")
    when = when_phrase(fact)
    if _single_holder(ctx, fact):
        yield _person_card(ctx, fact, "who-appointed", f"Who was appointed {role}{when}?",
                           person, lambda p: not ctx.index.holds(p, role))
    if _one_post_that_year(ctx, fact, "appointment"):
        yield _role_card(ctx, fact, "post-appointed",
                         f"To which post was {ctx.name(person)} appointed{when}?", person)


def removal(ctx: Context, fact: Fact) -> Iterator[Card]:
    person, role = fact.get("person"), fact.get("role")
    when = when_phrase(fact)
    if ctx.index.removed_count(role) == 1 and fact.date is not None and not shared_post(role):
        yield _person_card(ctx, fact, "who-removed", f"Who was removed as {role}{when}?",
                           person, lambda p: not ctx.index.was_removed(p, role))
    if _one_post_that_year(ctx, fact, "removal"):
        yield _role_card(ctx, fact, "post-removed",
                         f"From which post was {ctx.name(person)} removed{when}?", person)
    reason = fact.get("reason")
    if reason:
        others = text_distractors(ctx, ("removal.reason",), reason)
        yield ctx.card(fact, "removal-reason",
                       prompt=ctx.ask(fact, f"What reason was given for removing "
                                            f"{ctx.name(person)} as {role}?"),
                       answer=reason, choices=ctx.choices(reason, others), difficulty=3)


def set_id(facts: list[Fact], template: str) -> str:
    """A stable id for a card made from several facts: a digest of their sorted ids."""
    digest = hashlib.sha1("+".join(sorted(f.id for f in facts)).encode()).hexdigest()[:12]
    return f"set-{digest}:{template}"


def succession_chains(ctx: Context) -> Iterator[Card]:
    """Ordering cards for posts held in turn by three or more people in the base."""
    by_role: dict[str, list[Fact]] = {}
    for fact in ctx.index.by_kind.get("replacement", ()):
        if fact.attribution.is_record:
            by_role.setdefault(normalize(fact.get("role")), []).append(fact)
    for facts in by_role.values():
        after = {f.get("replaced"): f for f in facts}
        starts = [f for f in facts if not any(g.get("person") == f.get("replaced")
                                              for g in facts)]
        if len(facts) < 2 or len(after) != len(facts) or len(starts) != 1:
            continue
        chain, people, current = [], [starts[0].get("replaced")], starts[0]
        while current is not None and len(chain) <= len(facts):
            chain.append(current)
            people.append(current.get("person"))
            current = after.get(current.get("person"))
        if len(chain) != len(facts) or len(set(people)) != len(people):
            continue
        role = chain[0].get("role")
        names = [ctx.name(p) for p in people]
        yield ctx.card(chain, "succession-order", kind="ordering",
                       prompt=f"Put these holders of the post of {role} in the order they "
                              "held it, earliest first.",
                       answer=" \u2192 ".join(names), answer_type="order", items=names,
                       explanation=" ".join(f.statement for f in chain[:2]),
                       card_id=set_id(chain, "succession-order"), difficulty=3,
                       attributed=False)
