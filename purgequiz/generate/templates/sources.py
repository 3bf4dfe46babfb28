"""Source criticism: who reported a thing and in which paper, whose reading is whose, the
official reason against an author's reading, and which source gives which account where
they differ."""

from __future__ import annotations

from collections.abc import Iterator

from purgequiz.decks.model import Card
from purgequiz.facts import Fact
from purgequiz.facts.kinds import Assessment, Conflict, Fate, Justification, Report
from purgequiz.generate.context import Context, Wrong
from purgequiz.generate.phrasing import cap, find_term, when_phrase
from purgequiz.generate.registry import template
from purgequiz.generate.templates.fates import fate_clause

__all__ = ["account_clause", "does", "source_in_text", "source_name"]


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


def _who_was(ctx: Context, entity_id: str) -> str | None:
    """A person named in full with who they were, as an aside reads after the name
    ('Yan Gamarnik, head of the Red Army's political administration …'); None for anyone the
    base does not describe, and for what is not a person."""
    entity = ctx.entity(entity_id)
    if entity.type != "person" or not entity.description:
        return None
    return f"{entity.full_name or ctx.name(entity_id)}, {entity.description}"


def _disputant(ctx: Context, fact: Fact) -> str:
    """Who gives an account where the sources differ, said so that a student knows who they
    were: a person in full, with who they were and, for the writer of a paper of the time,
    when ('John G. Wright, journalist of the Trotskyist weekly Socialist Appeal, writing in
    1940'; 'Aleksandr A. Pechenkin, Russian historian of the Soviet military elite'); a body
    of work or of historians as :func:`source_name` says it."""
    attribution = fact.attribution
    who = (attribution.via or (attribution.by,))[0] if attribution.by else None
    described = _who_was(ctx, who) if who else None
    if who is None or described is None:
        return source_name(ctx, fact)
    source = ctx.base.sources[fact.source]
    if who == ctx.index.authors[fact.source] and source.date:
        return f"{described}, writing in {source.date[:4]}"
    return described


def _introduce(ctx: Context, text: str, entity_id: str | None) -> str:
    """The text with its first naming of a person said in full, with who they were
    ('how Gamarnik died' → 'how Yan Gamarnik, head of …, died')."""
    described = _who_was(ctx, entity_id) if entity_id else None
    if entity_id is None or described is None:
        return text
    found = find_term(text, ctx.name(entity_id))
    if found is None:
        return text
    rest = text[found.end() :]
    closing = "," if rest.strip() and rest.lstrip()[:1] not in ",.;:?)" else ""
    return f"{text[: found.start()]}{described}{closing}{rest}"


def account_clause(ctx: Context, fact: Fact) -> str | None:
    """What a fact says, as a clause to set against another account ('Gamarnik was
    executed'), or None when its kind has no short form."""
    if isinstance(fact, Fate):
        return fate_clause(ctx, fact)
    if isinstance(fact, Assessment):
        return f"{fact.subject} was {fact.judgement}"
    return None


def does(name: str) -> str:
    """'does' for one source, 'do' for 'Some Russian historians' or 'The historians …'."""
    return "do" if name.startswith(("Some ", "The historians ")) else "does"


@template("report-outlet", family="source-criticism", kinds=("report",))
def report_outlet(ctx: Context, fact: Report) -> Iterator[Card]:
    """Which paper (or who) reported that …?"""
    outlet = ctx.entity(fact.outlet)
    if ctx.base.sources[fact.source].publication.startswith(outlet.name):
        return  # "which paper printed the article you are reading" teaches nothing
    if outlet.type == "publication" and outlet.category != "foreign press":
        return  # the Soviet papers all printed the line of the day: any of them fits
    when = when_phrase(fact.reported)
    types: tuple[str, ...]
    if outlet.type == "publication":
        asked, types = "Which paper or agency", ("publication",)
    else:
        asked = "Who"
        types = ("person", "publication") if outlet.sphere == "press" else ("person",)
    wrong = ctx.entities(
        fact.outlet,
        types=types,
        avoid=[fact],
        ok=lambda e: (
            (e not in fact.claimants() or e == fact.outlet)
            and (outlet.type != "publication" or ctx.entity(e).category == outlet.category)
        ),
    )
    yield ctx.card(
        fact,
        prompt=f"{asked} reported{when} that {fact.said}?",
        answer=ctx.name(fact.outlet),
        answer_type="entity",
        accept=ctx.spellings(fact.outlet),
        wrong=wrong,
        attributed=False,
    )


@template("report-subject", family="source-criticism", kinds=("report",))
def report_subject(ctx: Context, fact: Report) -> Iterator[Card]:
    """According to the paper, who …? (a report whose words begin with the person)"""
    if not fact.subject or ctx.entity(fact.subject).type != "person":
        return
    match = next(
        (
            m
            for s in ctx.spellings(fact.subject)
            if (m := find_term(fact.said, s)) is not None and m.start() == 0
        ),
        None,
    )
    if match is None:
        return
    rest = fact.said[match.end() :].strip()
    outlet = ctx.entity(fact.outlet)
    teller = (
        source_name(ctx, fact)
        if outlet.type == "person" or fact.attribution.by
        else ctx.in_text(fact.outlet)
    )
    claim = f"according to {source_in_text(teller).rstrip(',')}{when_phrase(fact.reported)}"
    wrong = ctx.entities(fact.subject, avoid=[fact])
    who = f"who{rest}" if rest.startswith(",") else f"who {rest}"
    yield ctx.card(
        fact,
        prompt=f"{cap(claim)}, {who}?",
        answer=ctx.name(fact.subject),
        answer_type="entity",
        accept=ctx.spellings(fact.subject),
        wrong=wrong,
    )


@template("official-reason", family="source-criticism", kinds=("justification",))
def official_reason(ctx: Context, fact: Justification) -> Iterator[Card]:
    """What reason was officially given for …? (a flashcard: other reasons, given for other
    things, would make implausible wrong choices)"""
    given = f"did {ctx.in_text(fact.given_by)} give" if fact.given_by else "was officially given"
    prompt = f"What reason {given} for {fact.action}?"
    yield ctx.card(
        fact,
        kind="flashcard",
        answer=cap(fact.reason),
        prompt=ctx.ask(fact, prompt) if not fact.given_by else prompt,
    )


@template("reason-and-reading", family="source-criticism", kinds=("assessment",))
def reason_and_reading(ctx: Context, fact: Assessment) -> Iterator[Card]:
    """An official reason was given; how did the author read it? (the official reason is
    the other choice)"""
    official = ctx.base.facts.get(fact.contests or "")
    if not isinstance(official, Justification):
        return
    giver = cap(ctx.in_text(official.given_by)) if official.given_by else "The official account"
    prompt = (
        f"{giver} gave a reason for {official.action}. How did "
        f"{source_in_text(source_name(ctx, fact))} read it instead?"
    )
    yield ctx.card(
        [fact, official],
        prompt=prompt,
        answer=cap(fact.judgement),
        wrong=[Wrong(cap(official.reason), official)],
        least=1,
        explanation=f"{official.statement} {fact.statement}",
        difficulty=3,
    )


@template("author-reading", family="source-criticism", kinds=("assessment",))
def author_reading(ctx: Context, fact: Assessment) -> Iterator[Card]:
    """How does the author read …? (a flashcard: an author's judgement, said to be theirs)"""
    if fact.contests:
        return  # asked against the official reason instead
    if not fact.asks:
        return  # a reading is asked only in a question written for it
    yield ctx.flashcard(fact, fact.asks, fact.judgement, difficulty=3)


@template("which-account", family="source-criticism", kinds=("conflict",))
def which_account(ctx: Context, fact: Conflict) -> Iterator[Card]:
    """Which source says that …? (where the sources give different accounts)"""
    accounts = [ctx.base.facts[a] for a in fact.accounts]
    told = [(a, c) for a in accounts if (c := account_clause(ctx, a))]
    if len(told) < 2:
        return
    account, clause = told[ctx.rng.randrange(len(told))]
    answer = _disputant(ctx, account)
    wrong = [Wrong(_disputant(ctx, a), a) for a, _ in told if _disputant(ctx, a) != answer]
    yield ctx.card(
        [fact, *accounts],
        prompt=f"Which source says that {_introduce(ctx, clause, fact.subject)}?",
        answer=answer,
        wrong=wrong,
        least=1,
        explanation=ctx.explain(fact),
        attributed=False,
        difficulty=3,
    )


def _what_it_says(ctx: Context, fact: Fact) -> str | None:
    """An account as the answer to "what does … say about …?": a reading without its
    subject, which the question names already (a choice that repeated it would give the
    key away by its words); a fate as a clause ('Gamarnik was executed')."""
    if isinstance(fact, Assessment):
        return fact.judgement
    return account_clause(ctx, fact)


@template("what-account", family="source-criticism", kinds=("conflict",))
def what_account(ctx: Context, fact: Conflict) -> Iterator[Card]:
    """What does this source say about …? (the other accounts are the wrong choices)"""
    accounts = [ctx.base.facts[a] for a in fact.accounts]
    told = [(a, c) for a in accounts if (c := _what_it_says(ctx, a))]
    if len(told) < 2:
        return
    account, clause = told[0]
    wrong = [Wrong(cap(c), a) for a, c in told[1:]]
    teller = _disputant(ctx, account)
    yield ctx.card(
        [fact, *accounts],
        prompt=f"What {does(teller)} {source_in_text(teller)} say about "
        f"{_introduce(ctx, fact.about, fact.subject)}?",
        answer=cap(clause),
        wrong=wrong,
        least=1,
        explanation=ctx.explain(fact),
        attributed=False,
        difficulty=3,
    )
