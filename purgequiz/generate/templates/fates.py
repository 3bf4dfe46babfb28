"""Fates: what became of a person, who was arrested or killed, on what charge, where, and
which group met a fate the sources tell of a whole body of people."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from purgequiz.decks.model import Card
from purgequiz.facts import Fact
from purgequiz.facts.kinds import Death, Fate, Survival
from purgequiz.generate.context import Context, Wrong
from purgequiz.generate.phrasing import cap, listing, when_phrase
from purgequiz.generate.registry import template

__all__ = ["disputed", "fate_clause", "fate_verb"]

_FATES = ("arrest", "execution", "suicide", "death", "survival")
_LABELS = {
    "execution": "Executed",
    "suicide": "Died by suicide",
    "survival": "Survived",
    "arrest": "Arrested",
}
# How the people of a sphere are called in "Which of these … was arrested?"
_PEOPLE = {
    "army": "commanders",
    "nkvd": "security officers",
    "party": "party leaders",
    "state": "officials",
    "industry": "managers",
    "foreign": "foreign statesmen",
}


def fate_verb(fact: Fate, plural: bool = False) -> str:
    """'was arrested', 'died by suicide', 'was murdered on Stalin's orders', 'survived the
    purge of 1938', or the fact's own ``detail``."""
    if fact.detail:
        verb = fact.detail
    elif isinstance(fact, Death):
        verb = fact.cause
    elif isinstance(fact, Survival):
        verb = f"survived {fact.survived}"
    else:
        verb = {
            "arrest": "was arrested",
            "execution": "was executed",
            "suicide": "died by suicide",
        }[fact.kind]
    if plural:
        verb = verb.replace("was ", "were ", 1) if verb.startswith("was ") else verb
    return verb


def _charge(fact: Fate) -> str:
    charge = getattr(fact, "charge", None)
    return f", accused of {charge}" if charge and not fact.detail else ""


def fate_clause(ctx: Context, fact: Fate) -> str:
    """The fate as a sentence's clause: 'Tukhachevsky, Yakir … were arrested' (with the
    charge only where the fate is on record: a charge someone reported is theirs to tell)."""
    if fact.group:
        return f"{cap(ctx.in_text(fact.group))} {fate_verb(fact, plural=True)}"
    names = [ctx.name(p) for p in fact.people]
    charge = _charge(fact) if fact.attribution.is_record else ""
    return f"{listing(names)} {fate_verb(fact, plural=len(names) > 1)}{charge}"


def _unharmed(ctx: Context, fact: Fact) -> Callable[[str], bool]:
    """People who can stand as wrong answers to 'who was arrested/killed': the base has
    them neither arrested, killed nor tried, and the prompt's facts do not name them."""
    named = {ref for _, ref in fact.entity_refs()}
    return lambda p: not ctx.index.harmed(p) and p not in named


def _label(fact: Fate) -> str:
    if isinstance(fact, Death):
        return cap(fact.cause.removeprefix("was ").split()[0])  # "Murdered"
    return _LABELS[fact.kind]


def disputed(ctx: Context, fact: Fact) -> bool:
    """Whether a fact is one of the accounts of a conflict: it is asked as that account
    (which source says what), never as the plain truth."""
    return fact.id in ctx.index.disputed


@template("fate", family="fates", kinds=("execution", "suicide", "death", "survival"))
def fate(ctx: Context, fact: Fate) -> Iterator[Card]:
    """What became of X? (one named person; the choices exclude each other)"""
    if len(fact.people) != 1 or disputed(ctx, fact) or isinstance(fact, Death):
        return  # "died" would take in "executed"; "murdered" leaves only absurd choices
    person = fact.people[0]
    answer = _label(fact)
    claimed = ctx.index.fates.get(person, set())  # fates any source gives: none is wrong
    wrong = [
        Wrong(label, fact)
        for kind, label in _LABELS.items()
        if kind not in claimed and kind != "arrest" and label != answer
    ]
    context = f" in {fact.survived}" if isinstance(fact, Survival) else when_phrase(fact.date)
    yield ctx.card(
        fact,
        prompt=ctx.ask(fact, f"What became of {ctx.name(person)}{context}?"),
        answer=answer,
        wrong=wrong,
        difficulty=1,
        least=1,
    )


def _alone(ctx: Context, fact: Fate) -> bool:
    """Whether no other fact gives another person the same fate at the same time."""
    same_time = ctx.index.by_kind_date.get((fact.kind, fact.date.text if fact.date else None), ())
    return not any(
        isinstance(other, Fate)  # (a fate's kind holds only fates)
        and other.id != fact.id
        and other.people
        and other.people != fact.people
        for other in same_time
    )


@template("who-fate", family="fates", kinds=_FATES)
def who_fate(ctx: Context, fact: Fate) -> Iterator[Card]:
    """Who was arrested (executed, murdered …) then? (one named person, alone in the base)"""
    if (
        len(fact.people) != 1
        or not ctx.entity(fact.people[0]).name[:1].isupper()
        or not _alone(ctx, fact)
        or disputed(ctx, fact)
        or _label(fact) == "Died"
        or fact.kind == "survival"
    ):  # many survived: one name is never the only answer
        return
    person = fact.people[0]
    places = f" in {listing([ctx.name(p) for p in fact.places])}" if fact.places else ""
    # the question written for it, where the fate alone does not pick the person out as the
    # source does (a charge someone only reported, shown false, would teach a false link)
    prompt = fact.asks or f"Who {fate_verb(fact)}{places}{when_phrase(fact.date)}{_charge(fact)}?"
    yield ctx.card(
        fact,
        prompt=ctx.ask(fact, prompt),
        answer=ctx.name(person),
        answer_type="entity",
        accept=ctx.spellings(person),
        wrong=ctx.entities(person, ok=_unharmed(ctx, fact), avoid=[fact], among="unharmed"),
    )


@template("fate-member", family="fates", kinds=_FATES)
def fate_member(ctx: Context, fact: Fate) -> Iterator[Card]:
    """Which of these was arrested (executed …)? (several named people; any is accepted)"""
    if len(fact.people) < 2 or disputed(ctx, fact):
        return
    answer = fact.people[ctx.rng.randrange(len(fact.people))]
    sphere = ctx.entity(answer).sphere or ""
    wrong = ctx.entities(answer, ok=_unharmed(ctx, fact), avoid=[fact], among="unharmed")
    # "these party leaders" only when every choice is one (a prosecutor is not)
    named = {w.text for w in wrong}
    spheres = {e.sphere for e in ctx.base.entities.values() if ctx.name(e.id) in named}
    who = _PEOPLE.get(sphere, "people") if spheres <= {sphere} else "people"
    prompt = f"Which of these {who} {fate_verb(fact)}{when_phrase(fact.date)}{_charge(fact)}?"
    yield ctx.card(
        fact,
        prompt=ctx.ask(fact, prompt),
        answer=ctx.name(answer),
        answer_type="entity",
        accept=[s for p in fact.people for s in ctx.spellings(p)],
        wrong=wrong,
        explanation=ctx.explain(fact),
    )


@template("fate-place", family="fates", kinds=_FATES)
def fate_place(ctx: Context, fact: Fate) -> Iterator[Card]:
    """Where was X killed? (any place the fact names is accepted)"""
    if not fact.places or disputed(ctx, fact):
        return
    answer = fact.places[0]
    subject = ctx.in_text(fact.group) if fact.group else listing([ctx.name(p) for p in fact.people])
    verb = fate_verb(fact, plural=bool(fact.group) or len(fact.people) > 1)
    words = verb.split(" ", 1)  # "was murdered on …" → "Where was X murdered on …?"
    if words[0] in ("was", "were"):
        prompt = f"Where {words[0]} {subject} {words[1]}{when_phrase(fact.date)}?"
    else:
        prompt = f"Where did {subject} meet this fate: {verb}{when_phrase(fact.date)}?"
    yield ctx.card(
        fact,
        prompt=ctx.ask(fact, prompt),
        answer=ctx.name(answer),
        answer_type="entity",
        accept=[s for p in fact.places for s in ctx.spellings(p)],
        # what a wrong place was is no rebuttal: the card's own fact says where
        wrong=[
            Wrong(w.text, fact)
            for w in ctx.entities(
                answer,
                avoid=[fact],
                ok=lambda p: (
                    p not in fact.places and ctx.entity(p).category == ctx.entity(answer).category
                ),
            )
        ],
    )


@template("fate-group", family="fates", kinds=_FATES)
def fate_group(ctx: Context, fact: Fate) -> Iterator[Card]:
    """Which group met this fate? (a body of people the sources do not name one by one)"""
    if not fact.group or disputed(ctx, fact):
        return
    # where it happened narrows "who" to the one group the source means
    places = (
        f"{',' if fact.detail else ''} at {listing([ctx.name(p) for p in fact.places])}"
        if fact.places
        else ""
    )
    prompt = f"Who {fate_verb(fact, plural=True)}{places}{when_phrase(fact.date)}?"
    wrong = ctx.entities(
        fact.group,
        avoid=[fact],
        any_sphere=True,
        among=f"spared-{fact.kind}",
        ok=lambda g: ctx.entity(g).sphere not in ("historians", "press"),
    )
    yield ctx.card(
        fact,
        prompt=ctx.ask(fact, prompt),
        answer=ctx.name(fact.group),
        answer_type="entity",
        accept=ctx.spellings(fact.group),
        wrong=wrong,
    )
