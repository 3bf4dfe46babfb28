"""Posts: who held, took or lost a post, and who replaced whom."""

from __future__ import annotations

import re
from collections.abc import Iterator

from purgequiz.decks.model import Card
from purgequiz.facts import Fact
from purgequiz.facts.kinds import Appointment, Removal, Replacement, Role
from purgequiz.generate.context import NEAR, PURGE_YEARS, Context, Wrong
from purgequiz.generate.phrasing import cap, post_key, when_phrase
from purgequiz.generate.registry import template

__all__ = ["other_posts"]

_POST_KEYS = ("role.post", "appointment.post", "replacement.post", "removal.post")


_TIMED = re.compile(r"\b(?:before|after|until|since|1[89]\d\d)\b")


def _title(post: str) -> str:
    """A post as a choice, without the article that would set it apart from the others
    ('Deputy head of …' beside 'Head of …')."""
    return cap(re.sub(r"^(?:a|an) ", "", post))


def _shared(post: str) -> bool:
    """Whether a post is one of several held at once ('a deputy head of …')."""
    return post.lower().startswith(("a ", "an ", "one of "))


def other_posts(ctx: Context, person: str, post: str, count: int = 3) -> list[Wrong]:
    """Posts the base gives to other people of the person's world, never one the person
    held, each with the fact that says who held it."""
    # Posts of the world of the post asked about (a party man who headed the army's political
    # department is set against other army posts), or else of the person's.
    body = getattr(ctx.asked, "institution", None)
    sphere = (ctx.entity(body).sphere if body else None) or ctx.entity(person).sphere
    spheres = {sphere}
    mine = ctx.index.posts_of.get(person, set())
    bodies = ctx.index.bodies_of.get(person, set())

    gone = ctx.index.gone_on.get(person)
    asked = ctx.index.start(ctx.asked) if ctx.asked is not None else None
    category = ctx.entity(person).category
    # a commissar's post beside other commissars' posts (of any world), not beside a
    # secretary's or a prosecutor's, which would give the answer away by its form
    kind_of_body = ctx.entity(body).category if body and sphere != "army" else None
    any_world = False  # commissars of other worlds too, once those of its own run short

    def ok(text: str, fact: Fact) -> bool:
        holder = getattr(fact, "person", None)
        start = ctx.index.start(fact)
        end = (fact.date.end or fact.date.start) if fact.date else None
        other_body = getattr(fact, "institution", None)
        if kind_of_body == "commissariat" and (
            other_body is None
            or ctx.entity(other_body).category != kind_of_body
            or not (any_world or ctx.entity(other_body).sphere == sphere)
        ):
            return False
        return (
            post_key(text) not in mine
            and holder != person
            and not text.lower().startswith("the ")  # a description, not an office
            and getattr(fact, "institution", None) not in bodies
            and holder is not None
            and (kind_of_body == "commissariat" or ctx.entity(holder).sphere in spheres)
            and (ctx.entity(holder).category == "regional") == (category == "regional")
            and not _shared(text)
            # no post that came into being after the person was gone, or years away
            and not (gone and start and start.sort_key > gone.sort_key)
            and not (asked and start and abs(start.year - asked.year) > 1)
            # a question with no date is of the purge years: no post that ended before them
            and not (asked is None and end and end.sort_key <= PURGE_YEARS.sort_key)
        )

    found = ctx.texts(_POST_KEYS, post, ok=ok, count=count)
    if len(found) < 2 and kind_of_body == "commissariat":
        any_world = True
        found = ctx.texts(_POST_KEYS, post, ok=ok, count=count)
    if len(found) < 2 and sphere != "army":
        # too few posts of the same world: the neighbouring worlds too (but no security-police
        # post beside a soldier's: a student rules it out by its field alone)
        spheres |= set(NEAR.get(sphere or "", ()))
        found = ctx.texts(_POST_KEYS, post, ok=ok, count=count)
    return [Wrong(_title(w.text), w.because) for w in found]


def _holding(ctx: Context, person: str, post: str, other_than: Fact) -> Fact | None:
    """The fact by which the base has the person in the post (holding, taking, losing it,
    or replaced in it), other than ``other_than``."""
    key = post_key(post)
    index = ctx.index
    held: list[Role | Appointment | Replacement | Removal] = [
        *index.facts_of(Role),
        *index.facts_of(Appointment),
        *index.facts_of(Replacement),
        *index.facts_of(Removal),
    ]
    for fact in held:
        holders = (fact.person, getattr(fact, "replaced", None))
        if fact.id != other_than.id and person in holders and post_key(fact.post) == key:
            return fact
    return None


def _earlier_holders(ctx: Context, fact: Fact, answer: str, post: str) -> list[Wrong]:
    """Others the base has in the post who were gone (arrested or dead) before the year the
    question names: they held it earlier, so they cannot be the answer for that year, and
    they are the nearest wrong answers there are. Each with the fact that has them in the
    post, which says who they were."""
    start = ctx.index.start(fact)
    if start is None:
        return []
    named = _named(fact)
    found = []
    for holder in sorted(ctx.index.holders.get(post_key(post), ())):
        gone = ctx.index.gone_on.get(holder)
        if holder == answer or holder in named or gone is None or gone.year >= start.year:
            continue
        because = _holding(ctx, holder, post, fact) or ctx.index.profile(holder, [fact])
        if because is not None:
            found.append(Wrong(ctx.name(holder), because))
    return found


def _person_card(
    ctx: Context, fact: Fact, prompt: str, person: str, post: str, earlier: bool = False
) -> Card:
    """A question answered by a person who is the only one the base has in this post; with
    ``earlier`` (a question that names the year), earlier holders of the post come first
    among the wrong answers. The others are of the person's own world only (a party man is
    no slip for the head of the security police): with fewer, the card is asked typed."""
    wrong = ctx.entities(
        person,
        avoid=[fact],
        ok=lambda p: not ctx.index.held(p, post) and p not in _named(fact),
        near=False,
    )
    if earlier:  # first, and taken without a draw: no other card's random draws change
        wrong = [*_earlier_holders(ctx, fact, person, post), *wrong][:3]
    return ctx.card(
        fact,
        prompt=ctx.ask(fact, prompt),
        answer=ctx.name(person),
        answer_type="entity",
        accept=ctx.spellings(person),
        wrong=wrong,
    )


def _named(fact: Fact) -> set[str]:
    return {ref for _, ref in fact.entity_refs()}


@template("who-replaced", family="posts", kinds=("replacement",))
def who_replaced(ctx: Context, fact: Replacement) -> Iterator[Card]:
    """Who replaced Y as P?"""
    yield _person_card(
        ctx,
        fact,
        f"Who replaced {ctx.name(fact.replaced)} as {fact.post}{when_phrase(fact.date)}?",
        fact.person,
        fact.post,
        earlier=fact.date is not None,
    )


@template("whom-replaced", family="posts", kinds=("replacement",))
def whom_replaced(ctx: Context, fact: Replacement) -> Iterator[Card]:
    """Whom did X replace as P?"""
    yield _person_card(
        ctx,
        fact,
        f"Whom did {ctx.name(fact.person)} replace as {fact.post}{when_phrase(fact.date)}?",
        fact.replaced,
        fact.post,
        earlier=fact.date is not None,
    )


@template("post-taken-over", family="posts", kinds=("replacement",))
def post_taken_over(ctx: Context, fact: Replacement) -> Iterator[Card]:
    """Which post did X take over from Y?"""
    yield ctx.card(
        fact,
        prompt=ctx.ask(
            fact,
            f"Which post did {ctx.name(fact.person)} take over from {ctx.name(fact.replaced)}?",
        ),
        answer=_title(fact.post),
        wrong=other_posts(ctx, fact.person, fact.post),
    )


@template("who-appointed", family="posts", kinds=("appointment",))
def who_appointed(ctx: Context, fact: Appointment) -> Iterator[Card]:
    """Who was appointed P? (a post only one person in the base held)"""
    if _shared(fact.post) or ctx.index.holder_count(fact.post) != 1:
        return
    when = when_phrase(fact.date)
    if fact.appointed_by:
        prompt = f"Whom did {ctx.in_text(fact.appointed_by)} appoint {fact.post}{when}?"
    else:
        prompt = f"Who was appointed {fact.post}{when}?"
    yield _person_card(ctx, fact, prompt, fact.person, fact.post)


@template("post-appointed", family="posts", kinds=("appointment",))
def post_appointed(ctx: Context, fact: Appointment) -> Iterator[Card]:
    """To which post was X appointed? (not asked of one of several appointments made at
    once: any of them would be right)"""
    others = [
        f
        for f in ctx.index.facts_where("appointment", "person", fact.person)
        if f.id != fact.id and f.date == fact.date
    ]  # made at the same time
    when = when_phrase(fact.date)
    name = ctx.name(fact.person)
    if fact.date is None and len(ctx.index.posts_of.get(fact.person, ())) > 1:
        return  # "To which post was he appointed?" of a man of many posts, with no date
    if others:
        return  # "besides becoming X, …" would give away the card that asks for X
    prompt = f"To which post was {name} appointed{when}?"
    yield ctx.card(
        fact,
        prompt=ctx.ask(fact, prompt),
        answer=_title(fact.post),
        wrong=other_posts(ctx, fact.person, fact.post),
    )


@template("who-held", family="posts", kinds=("role",))
def who_held(ctx: Context, fact: Role) -> Iterator[Card]:
    """Who was P? (a post only one person in the base held)"""
    if _shared(fact.post) or ctx.index.holder_count(fact.post) != 1:
        return
    yield _person_card(
        ctx, fact, f"Who was {fact.post}{when_phrase(fact.date)}?", fact.person, fact.post
    )


@template("post-asked", family="posts", kinds=("role",))
def post_asked(ctx: Context, fact: Role) -> Iterator[Card]:
    """What had X been before ...? (the fact's own question about a post held long before,
    answered in the student's words)"""
    if fact.asks:
        yield ctx.flashcard(fact, fact.asks, fact.post)


@template("post-held", family="posts", kinds=("role",))
def post_held(ctx: Context, fact: Role) -> Iterator[Card]:
    """Which of these posts did X hold? (every post the base gives X is accepted)"""
    if fact.asks:  # a post no other posts would suit as wrong choices: see post-asked
        return
    mine = [ctx.index.post_text[key] for key in sorted(ctx.index.posts_of[fact.person])]
    when = when_phrase(fact.date)
    if not when and ctx.index.start(fact) is None and not _TIMED.search(fact.post):
        # a later study's undated post is one of the purge years, the years its wrong
        # choices come from: a post held in the 1920s is no wrong answer
        when = " during the purges"
    yield ctx.card(
        fact,
        prompt=ctx.ask(fact, f"Which of these posts did {ctx.name(fact.person)} hold{when}?"),
        answer=_title(fact.post),
        accept=[cap(p) for p in mine],
        wrong=other_posts(ctx, fact.person, fact.post),
    )


@template("who-removed", family="posts", kinds=("removal",))
def who_removed(ctx: Context, fact: Removal) -> Iterator[Card]:
    """Who was removed as P? (a post only one person in the base lost; asked only with a
    time, its date's or that of the report it is from: without one, it has as many right
    answers as the post had holders)"""
    undated = fact.date is None and fact.attribution.type == "record"
    if undated or _shared(fact.post) or len(ctx.index.removed[post_key(fact.post)]) != 1:
        return
    yield _person_card(
        ctx,
        fact,
        f"Who lost the post of {fact.post}{when_phrase(fact.date)}?",
        fact.person,
        fact.post,
    )


@template("post-removed", family="posts", kinds=("removal",))
def post_removed(ctx: Context, fact: Removal) -> Iterator[Card]:
    """From which post was X removed?"""
    if len(ctx.index.facts_where("removal", "person", fact.person)) != 1:
        return
    yield ctx.card(
        fact,
        prompt=ctx.ask(
            fact, f"From which post was {ctx.name(fact.person)} removed{when_phrase(fact.date)}?"
        ),
        answer=_title(fact.post),
        wrong=other_posts(ctx, fact.person, fact.post),
    )
