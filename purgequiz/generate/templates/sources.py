"""Source criticism: who reported a thing and in which paper, whose reading is whose, the
official reason against an author's reading, and which source gives which account where
they differ."""

from __future__ import annotations

from collections.abc import Iterator

from purgequiz.facts import Fact
from purgequiz.facts.kinds import Assessment, Conflict, Fate, Justification, Report
from purgequiz.generate.context import Context, Wrong
from purgequiz.generate.distractors import pick
from purgequiz.generate.model import Card
from purgequiz.generate.phrasing import cap, find_term, source_choice, when_phrase
from purgequiz.generate.registry import template
from purgequiz.generate.templates.fates import fate_clause

__all__ = ["account_clause", "source_in_text", "source_name"]


def source_in_text(name: str) -> str:
    """A source's name inside a sentence: 'a later study …', 'Wright, writing in 1940,'."""
    if name.startswith(("A ", "The ", "Some ")):
        name = name[:1].lower() + name[1:]
    return f"{name}," if ", " in name else name


def source_name(ctx: Context, fact: Fact) -> str:
    """Who gives a fact's account, as a choice names them: 'Wright, writing in 1940', 'The
    historian Pechenkin', 'A later study of the Soviet elites'."""
    phrase = ctx.claim(fact)
    if phrase is None:
        source = ctx.base.sources[fact.source]
        from purgequiz.generate.phrasing import source_label

        return cap(source_label(source))
    return cap(phrase.removeprefix("according to ").split(", as ")[0])


def account_clause(ctx: Context, fact: Fact) -> str | None:
    """What a fact says, as a clause to set against another account ('Gamarnik was
    executed'), or None when its kind has no short form."""
    if isinstance(fact, Fate):
        return fate_clause(ctx, fact)
    if isinstance(fact, Assessment):
        return f"{fact.subject} was {fact.judgement}"
    return None


@template("report-outlet", family="source-criticism", kinds=("report",))
def report_outlet(ctx: Context, fact: Report) -> Iterator[Card]:
    """Which paper (or who) reported that …?"""
    outlet = ctx.entity(fact.outlet)
    when = when_phrase(fact.reported)
    if outlet.type == "publication":
        asked, types = "Which paper or agency", ("publication",)
    else:
        asked = "Who"
        types = ("person", "publication") if outlet.sphere == "press" else ("person",)
    wrong = ctx.entities(fact.outlet, types=types, avoid=[fact],
                         ok=lambda e: e not in fact.claimants() or e == fact.outlet)
    yield ctx.card(fact, prompt=f"{asked} reported{when} that {fact.said}?",
                   answer=ctx.name(fact.outlet), answer_type="entity",
                   accept=ctx.spellings(fact.outlet), wrong=wrong, attributed=False)


@template("report-subject", family="source-criticism", kinds=("report",))
def report_subject(ctx: Context, fact: Report) -> Iterator[Card]:
    """According to the paper, who …? (a report whose words begin with the person)"""
    if not fact.subject or ctx.entity(fact.subject).type != "person":
        return
    match = next((m for s in ctx.spellings(fact.subject)
                  if (m := find_term(fact.said, s)) is not None and m.start() == 0), None)
    if match is None:
        return
    rest = fact.said[match.end():].strip()
    outlet = ctx.entity(fact.outlet)
    teller = source_name(ctx, fact) if outlet.type == "person" else ctx.in_text(fact.outlet)
    claim = f"according to {source_in_text(teller).rstrip(',')}{when_phrase(fact.reported)}"
    wrong = ctx.entities(fact.subject, avoid=[fact])
    yield ctx.card(fact, prompt=f"{cap(claim)}, who {rest}?", answer=ctx.name(fact.subject),
                   answer_type="entity", accept=ctx.spellings(fact.subject), wrong=wrong)


def _reasons(ctx: Context, fact: Fact, answer: str) -> list[Wrong]:
    return [Wrong(cap(w.text), w.because)
            for w in ctx.texts(("justification.reason",), answer,
                               ok=lambda text, other: other.id != fact.id)]


@template("official-reason", family="source-criticism", kinds=("justification",))
def official_reason(ctx: Context, fact: Justification) -> Iterator[Card]:
    """What reason was officially given for …?"""
    given = f"did {ctx.in_text(fact.given_by)} give" if fact.given_by else "was officially given"
    prompt = f"What reason {given} for {fact.action}?"
    yield ctx.card(fact, prompt=ctx.ask(fact, prompt) if not fact.given_by else prompt,
                   answer=cap(fact.reason), wrong=_reasons(ctx, fact, fact.reason))


@template("reason-and-reading", family="source-criticism", kinds=("assessment",))
def reason_and_reading(ctx: Context, fact: Assessment) -> Iterator[Card]:
    """An official reason was given; how did the author read it? (the official reason is
    one of the wrong choices)"""
    official = ctx.base.facts.get(fact.contests or "")
    if not isinstance(official, Justification):
        return
    giver = cap(ctx.in_text(official.given_by)) if official.given_by else "The official account"
    others = [Wrong(cap(w.text), w.because) for w in ctx.texts(
        ("assessment.judgement",), fact.judgement,
        ok=lambda text, other: other.id != fact.id and set(other.topics) & set(fact.topics))]
    wrong = [Wrong(cap(official.reason), official), *others[:2]]
    prompt = (f"{giver} gave an official reason for {official.action}. "
              f"How did {source_in_text(source_name(ctx, fact))} read it?")
    yield ctx.card([fact, official], prompt=prompt, answer=cap(fact.judgement), wrong=wrong,
                   explanation=f"{official.statement} {fact.statement}", difficulty=3)


@template("who-argued", family="source-criticism", kinds=("assessment",))
def who_argued(ctx: Context, fact: Assessment) -> Iterator[Card]:
    """Who described … as …? (an author's reading, against the others who argue things)"""
    claimant = fact.attribution.by
    if claimant is None:
        return
    others = pick([ctx.index.arguers], 3,
                  lambda e: e != claimant and e in ctx.index.argued, ctx.rng)
    wrong = [Wrong(source_choice(ctx.base, e), ctx.index.argued[e]) for e in others]
    yield ctx.card(fact, prompt=f"Who described {fact.subject} as {fact.judgement}?",
                   answer=source_choice(ctx.base, claimant), wrong=wrong[:3],
                   accept=ctx.spellings(claimant), attributed=False)


@template("who-judged", family="source-criticism", kinds=("assessment",))
def who_judged(ctx: Context, fact: Assessment) -> Iterator[Card]:
    """Whom did the author describe as …?"""
    if not fact.about or ctx.entity(fact.about).type != "person" \
            or not ctx.entity(fact.about).name[:1].isupper():
        return  # "the president of the republic" is no name to learn
    wrong = ctx.entities(fact.about, avoid=[fact])
    who = source_in_text(source_name(ctx, fact))
    yield ctx.card(fact, prompt=f"Whom did {who} describe as {fact.judgement}?",
                   answer=ctx.name(fact.about), answer_type="entity",
                   accept=ctx.spellings(fact.about), wrong=wrong)


@template("which-account", family="source-criticism", kinds=("conflict",))
def which_account(ctx: Context, fact: Conflict) -> Iterator[Card]:
    """Which source says that …? (where the sources give different accounts)"""
    accounts = [ctx.base.facts[a] for a in fact.accounts]
    told = [(a, account_clause(ctx, a)) for a in accounts]
    told = [(a, c) for a, c in told if c]
    if len(told) < 2:
        return
    account, clause = told[ctx.rng.randrange(len(told))]
    answer = source_name(ctx, account)
    wrong = [Wrong(source_name(ctx, a), a) for a, _ in told if source_name(ctx, a) != answer]
    yield ctx.card([fact, *accounts], prompt=f"Which source says that {clause}?",
                   answer=answer, wrong=wrong, least=1, explanation=ctx.explain(fact),
                   attributed=False, difficulty=3)


@template("what-account", family="source-criticism", kinds=("conflict",))
def what_account(ctx: Context, fact: Conflict) -> Iterator[Card]:
    """What does this source say about …? (the other accounts are the wrong choices)"""
    accounts = [ctx.base.facts[a] for a in fact.accounts]
    told = [(a, c) for a in accounts if (c := account_clause(ctx, a))]
    if len(told) < 2:
        return
    account, clause = told[0]
    wrong = [Wrong(cap(c), a) for a, c in told[1:]]
    yield ctx.card([fact, *accounts],
                   prompt=f"What does {source_in_text(source_name(ctx, account))} say about "
                          f"{fact.about}?",
                   answer=cap(clause), wrong=wrong, least=1, explanation=ctx.explain(fact),
                   attributed=False, difficulty=3)
