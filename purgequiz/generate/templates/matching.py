"""Matching: four to six pairs to put together — people and the posts they took or held,
decrees and what they did, the rows of a table and their figures, readings and whose they
are. Each card is built so that every left-hand thing has exactly one right match."""

from __future__ import annotations

from collections.abc import Iterator

from purgequiz.decks.model import Card
from purgequiz.facts import Fact
from purgequiz.facts.kinds import (
    Appointment,
    Assessment,
    Decree,
    Justification,
    Replacement,
    Role,
    Statistic,
)
from purgequiz.generate.context import Context
from purgequiz.generate.numbers import figure_of
from purgequiz.generate.phrasing import cap, post_key, source_choice, when_phrase
from purgequiz.generate.registry import template
from purgequiz.generate.templates.decrees import decree_label

__all__: list[str] = []

_MOST = 6


def _card(
    ctx: Context,
    facts: list[Fact],
    prompt: str,
    pairs: list[tuple[str, str]],
    attributed: bool = False,
) -> Card:
    left = [a for a, _ in pairs]
    right = [b for _, b in pairs]
    return ctx.card(
        facts,
        kind="matching",
        prompt=prompt,
        answer_type="pairs",
        answer="; ".join(f"{a} \u2192 {b}" for a, b in pairs),
        items=left,
        matches=right,
        difficulty=3,
        attributed=attributed,
        explanation=" ".join(f.statement for f in facts),
    )


@template(
    "match-posts", family="matching", kinds=("appointment", "replacement", "role"), whole=True
)
def match_posts(ctx: Context) -> Iterator[Card]:
    """Match each person to the post they took up or held. (per topic; no person ever held
    another's post, so each has one right match)"""
    for topic in sorted(ctx.base.topics):
        chosen: list[Replacement | Appointment | Role] = []
        people: set[str] = set()
        posts: set[str] = set()
        candidates: list[Replacement | Appointment | Role] = [
            *ctx.index.facts_of(Replacement),
            *ctx.index.facts_of(Appointment),
            *ctx.index.facts_of(Role),
        ]
        for fact in sorted(
            (f for f in candidates if topic in f.topics), key=lambda f: (-f.importance, f.id)
        ):
            person, post = fact.person, fact.post
            key = post_key(post)
            if (
                person in people
                or key in posts
                or post.lower().startswith(("a ", "an "))
                or not fact.attribution.is_record
            ):
                continue
            if any(ctx.index.held(other, post) for other in people) or any(
                ctx.index.held(person, ctx.index.post_text[k]) for k in posts
            ):
                continue
            chosen.append(fact)
            people.add(person)
            posts.add(key)
            if len(chosen) == _MOST:
                break
        if len(chosen) >= 4:
            pairs = [(ctx.name(f.person), cap(f.post)) for f in chosen]
            title = ctx.base.topics[topic].title
            yield _card(
                ctx,
                list(chosen),
                f"{title}: match each person to a post they took up or held.",
                pairs,
            )


def _does(fact: Decree) -> str:
    return f"Prohibited {fact.prohibits}" if fact.prohibits else f"Required {fact.requires}"


def _told_apart(one: Decree, other: Decree) -> bool:
    """Whether two decrees named by kind and date only can be told apart by their names:
    their years differ, or both name a different day ("a decree of 1940" could be the decree
    of 10 July 1940, and so could "a law of mid-1940")."""
    if one.date is None or other.date is None:
        return False
    a, b = one.date, other.date
    a_end, b_end = (a.end or a.start).year, (b.end or b.start).year
    if a_end < b.start.year or b_end < a.start.year:
        return True
    return a.precision == b.precision == "day" and a != b


@template("match-decrees", family="matching", kinds=("decree",), whole=True)
def match_decrees(ctx: Context) -> Iterator[Card]:
    """Match each decree to what it prohibited or required. (one provision per decree; each
    decree named by its kind and date, so that no name gives its match away by its words,
    and no two of one year unless both name their day)"""
    first: dict[str, Decree] = {}
    # for each decree its weightiest fact, one that tells the whole decree where it can
    for fact in sorted(
        ctx.index.facts_of(Decree), key=lambda f: (-f.importance, bool(f.applies_to), f.id)
    ):
        decree = fact.decree
        if (
            decree not in first
            and decree_label(ctx, fact) is not None
            and all(_told_apart(fact, other) for other in first.values())
        ):
            first[decree] = fact
    chosen = sorted(first.values(), key=lambda f: f.id)[:_MOST]
    if len(chosen) >= 4:
        pairs = [(decree_label(ctx, f) or "", _does(f)) for f in chosen]
        yield _card(ctx, list(chosen), "Match each decree or resolution to what it did.", pairs)


@template("match-figures", family="matching", kinds=("statistic",), whole=True)
def match_figures(ctx: Context) -> Iterator[Card]:
    """Match each row of a table to its figure. (rows of one column, all figures distinct;
    not for a table whose shares are asked as a pattern, where the raw counts only rise and
    fall with the rows)"""
    for name in sorted(ctx.index.series):
        if any(figure_of(f).is_share for f in ctx.index.series[name]):
            continue
        columns: dict[str | None, list[Statistic]] = {}
        for fact in ctx.index.series[name]:
            if fact.row and fact.row_kind and not figure_of(fact).is_share:
                columns.setdefault(fact.column, []).append(fact)
        for column in sorted(columns, key=str):
            rows = sorted(columns[column], key=lambda f: f.id)
            figures = [figure_of(f).text() for f in rows]
            if not 4 <= len(rows) <= _MOST or len(set(figures)) != len(figures):
                continue
            first = rows[0]
            pairs = [(cap(f.row or ""), figure_of(f).text()) for f in rows]
            what = f"{first.unit} {column}" if column else first.quantity
            prompt = (
                f"Match each {first.row_kind} to the number of {what}{when_phrase(first.date)}."
            )
            yield _card(ctx, list(rows), ctx.ask(first, prompt), pairs, attributed=True)


@template("match-readings", family="matching", kinds=("assessment", "justification"), whole=True)
def match_readings(ctx: Context) -> Iterator[Card]:
    """Match each reading of events to whose it is. (one reading from each source that has
    one, so each source appears once; one official reason only, since which official paper
    printed which is no reading of events and no one could tell them apart)"""
    chosen: dict[str, Justification | Assessment] = {}
    justifications: list[Justification | Assessment] = [*ctx.index.facts_of(Justification)]
    assessments: list[Justification | Assessment] = [*ctx.index.facts_of(Assessment)]
    for facts, most in ((justifications, 1), (assessments, None)):
        taken = 0
        for fact in sorted(facts, key=lambda f: (-f.importance, f.id)):
            # an official reason is the giver's; a reading is its author's
            who = fact.given_by if isinstance(fact, Justification) else fact.attribution.by
            if who and who not in chosen and (most is None or taken < most):
                chosen[who] = fact
                taken += 1
    if len(chosen) < 4:
        return
    picked = sorted(chosen.items())[:_MOST]
    pairs = []
    for who, fact in picked:
        if isinstance(fact, Justification):
            text = f"{cap(fact.action)}, explained by {fact.reason}"
        else:
            text = f"{cap(fact.subject)}: {fact.judgement}"
        pairs.append((text, source_choice(ctx.base, who)))
    yield _card(
        ctx,
        [f for _, f in picked],
        "Match each reading of events to the source that gives it.",
        pairs,
    )
