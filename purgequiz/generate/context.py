"""What every question template works with: the base, its indexes, the seeded random
generator, and the one place that turns a question about facts into a :class:`Card`, with
its choices and, for each wrong choice, the fact that shows it wrong."""

from __future__ import annotations

import hashlib
import math
import random
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from purgequiz.decks.model import Card, Citation, Rebuttal
from purgequiz.facts import Entity, Fact, FactBase
from purgequiz.facts.dates import FuzzyDate
from purgequiz.generate.distractors import arrange, pick
from purgequiz.generate.glosses import gloss_card
from purgequiz.generate.index import FactIndex
from purgequiz.generate.phrasing import (
    cap,
    claim_phrase,
    mentions,
    normalize_wording,
    the_name,
    with_synonyms,
)
from purgequiz.generate.registry import Template

__all__ = ["NEAR", "PURGE_YEARS", "Context", "Wrong", "set_id"]

_Key = TypeVar("_Key", bound=Hashable)  # the key of one of the index's tables of entities

# Spheres whose people may stand beside each other as wrong answers when a sphere has too
# few: the party and the state were one system, and the party staffed the security police.
NEAR = {
    "army": ("nkvd",),
    "nkvd": ("party",),
    "party": ("state", "nkvd"),
    "state": ("party", "industry"),
    "industry": ("state", "party"),
}


# People who stand apart from any crowd of wrong answers: the leaders who ordered the
# purges and the exile who opposed them are never a plausible slip for someone else.
_APART = ("leader", "exile", "regional")
# The purge years begin after this: a question with no date of its own is of them.
PURGE_YEARS = FuzzyDate(1936, 12)


def _by_source(cites: Iterable[Citation]) -> tuple[Citation, ...]:
    """Each source cited once, with every paragraph cited of it, in the order first cited."""
    merged: dict[str, Citation] = {}
    for cite in cites:
        kept = merged.get(cite.id)
        paragraphs = cite.paragraphs if kept is None else (*kept.paragraphs, *cite.paragraphs)
        merged[cite.id] = replace(kept or cite, paragraphs=tuple(sorted(set(paragraphs))))
    return tuple(merged.values())


def set_id(facts: Iterable[Fact], template: str) -> str:
    """A stable id for a card made from several facts: a digest of their sorted ids."""
    ids = sorted(f.id for f in facts)
    digest = hashlib.sha1("+".join(ids).encode()).hexdigest()[:12]
    return f"set-{digest}:{template}"


@dataclass(frozen=True)
class Wrong:
    """A wrong answer and why it is wrong: a fact of the base, or a sentence of our own
    about the card's own fact (for a figure or a date the base has no fact for)."""

    text: str
    because: Fact | str


class Context:
    def __init__(self, base: FactBase, index: FactIndex, rng: random.Random) -> None:
        self.base, self.index, self.rng = base, index, rng
        self.glossed = [base.entities[e] for e in sorted(base.entities) if base.entities[e].gloss]
        self.template: Template | None = None  # set by the generator before each template
        self.asked: Fact | None = None  # the fact the template is asking, when it asks one

    # ------------------------------------------------------------------ names

    def entity(self, entity_id: str) -> Entity:
        return self.base.entities[entity_id]

    def name(self, entity_id: str) -> str:
        """The display name, as a choice shows it."""
        return cap(self.base.entities[entity_id].name)

    def in_text(self, entity_id: str) -> str:
        """The name as it reads inside a sentence ('the Politburo')."""
        return the_name(self.base.entities[entity_id])

    def spellings(self, entity_id: str) -> tuple[str, ...]:
        return tuple(
            dict.fromkeys((self.name(entity_id), *self.base.entities[entity_id].spellings))
        )

    # ------------------------------------------------------------------ questions

    def claim(self, fact: Fact, undated: bool = False) -> str | None:
        return claim_phrase(self.base, fact, undated, self.index.authors[fact.source])

    def ask(self, fact: Fact, question: str, undated: bool = False) -> str:
        """The question led by who claims it, when the fact is not a plain record; with
        ``undated``, without the year the claimant wrote in (which would give a date away)."""
        phrase = self.claim(fact, undated)
        if phrase is None:
            return cap(question)
        return f"{cap(phrase)}, {question[:1].lower()}{question[1:]}"

    def flashcard(self, fact: Fact, question: str, answer: str, difficulty: int = 2) -> Card:
        """A card the student answers in their own words: the question led by who claims
        it, the answer as the fact file words it."""
        return self.card(
            fact,
            kind="flashcard",
            prompt=self.ask(fact, question),
            answer=cap(answer),
            difficulty=difficulty,
        )

    def explain(self, fact: Fact, extra: str | None = None) -> str:
        """The fact's statement (which names whose claim it is), our gloss, any extra."""
        return " ".join(p for p in (fact.statement, extra, fact.note) if p)

    # ------------------------------------------------------------------ wrong answers

    def entities(
        self,
        answer: str,
        *,
        ok: Callable[[str], bool] = lambda e: True,
        avoid: Sequence[Fact] = (),
        count: int = 3,
        types: tuple[str, ...] | None = None,
        any_sphere: bool = False,
        among: str | None = None,
        near: bool = True,
    ) -> list[Wrong]:
        """Other entities of the answer's type, sphere and category first, each with the
        fact that says what it really was; then (unless not ``near``) those of the
        neighbouring spheres. An answer with no sphere (a place), or with ``any_sphere``,
        draws on every entity of its type. ``among`` names a standing condition of the base
        (``unharmed``, ``unpurged``, ``spared-<fate>``): the pools are filtered by it once, so
        that a question costs the same in a base of any size."""
        target = self.entity(answer)
        types = types or (target.type,)
        starts = [d for f in avoid if (d := self.index.start(f)) is not None]
        # No one gone by then stands as a choice; a fact with no date of its own (a later
        # study's) is of the purge years, so no one gone before them.
        when = min(starts, key=lambda d: d.sort_key) if starts else PURGE_YEARS
        spheres = (target.sphere, *(NEAR.get(target.sphere or "", ()) if near else ()))
        index = self.index

        def pool(table: Mapping[_Key, list[str]], key: _Key) -> list[str]:
            return index.among(among, table, key) if among else table.get(key, [])

        pools = (
            [pool(index.entities_in, (t, target.sphere, target.category)) for t in types]
            if target.category
            else []
        )
        if target.category in _APART:  # a regional figure beside those of other regions
            pools += [pool(index.entities_in, (t, "*", target.category)) for t in types]
        pools += [pool(index.entities_by, (t, sphere)) for sphere in spheres for t in types]
        if any_sphere or target.sphere is None:
            pools += [pool(index.entities_by, (t, "*")) for t in types]

        def fits(entity_id: str) -> bool:
            entity = self.base.entities[entity_id]
            return (
                entity_id != answer
                # a description ('the president of …') beside names stands out
                and entity.name[:1].isupper() == target.name[:1].isupper()
                # the leaders, the exile and regional figures stand only beside their own
                and (
                    entity.category == target.category
                    or (entity.category not in _APART and target.category not in _APART)
                )
                and not index.gone_by(entity_id, when)
                and not any(entity_id in fact.arguable for fact in avoid)
                and ok(entity_id)
                and index.profile(entity_id, avoid) is not None
            )

        chosen = pick(pools, count + 2, fits, self.rng, key=lambda e: self.name(e))
        # The first found come from the nearest pools; among those, the answer's own world
        # first, then the ones nearest the answer in how well known they are and in the
        # length of their names, so that no choice stands out as the one famous name, or by
        # its length.
        length, known = len(self.name(answer)), index.weight(answer)
        chosen = sorted(
            chosen[: count + 2],
            key=lambda e: (
                self.base.entities[e].sphere != target.sphere,
                abs(len(self.name(e)) - length) / 12
                + abs(math.log2((index.weight(e) + 1) / (known + 1))),
            ),
        )
        wrongs = []
        for entity_id in chosen[:count]:
            profile = self.index.profile(entity_id, avoid)
            if profile is not None:  # (fits() has kept only those that have one)
                wrongs.append(Wrong(self.name(entity_id), profile))
        return wrongs

    def texts(
        self,
        keys: Sequence[str],
        answer: str,
        *,
        ok: Callable[[str, Fact], bool] = lambda text, fact: True,
        count: int = 3,
    ) -> list[Wrong]:
        """Texts of the same field in other facts (another decree's penalty), each with the
        fact it comes from; none that says the same as the answer or as another choice."""
        pools = [self.index.texts.get(key, []) for key in keys]  # each sorted by fact id
        year = self.index.year(self.asked) if self.asked is not None else None

        def fits(item: tuple[str, Fact]) -> bool:  # of the answer's time, and not also right
            other = self.index.year(item[1])
            return (year is None or other is None or abs(other - year) <= 2) and ok(*item)

        found = pick(pools, count * 4, fits, self.rng, key=lambda item: item[0])
        # Of the candidates, those nearest the answer's length first: no choice should stand
        # out by its length (the pick's random order breaks ties).
        found.sort(key=lambda item: abs(len(item[0]) - len(answer)) // 15)
        chosen: list[Wrong] = []
        taken = [normalize_wording(answer)]
        for text, fact in found:
            key = normalize_wording(text)
            if len(chosen) < count and not any(key in t or t in key for t in taken):
                taken.append(key)
                chosen.append(Wrong(cap(text) if answer[:1].isupper() else text, fact))
        return chosen

    # ------------------------------------------------------------------ cards

    def card(
        self,
        facts: Fact | Sequence[Fact],
        *,
        prompt: str,
        answer: str,
        wrong: Sequence[Wrong] = (),
        kind: str = "question",
        answer_type: str = "text",
        accept: Sequence[str] = (),
        truth: bool | None = None,
        items: Sequence[str] = (),
        matches: Sequence[str] = (),
        difficulty: int = 2,
        explanation: str | None = None,
        attributed: bool = True,
        least: int = 2,
        topics: Sequence[str] | None = None,
    ) -> Card:
        """A card about one fact (id ``<fact-id>:<template>``) or several (``set-…``).

        ``wrong`` gives up to three wrong choices with their reasons; with fewer than
        ``least`` of them the card has no choices and is asked typed or as a flashcard.
        ``topics`` overrides the topics the facts bring (a card built for one topic)."""
        assert self.template is not None, "cards are made while a template runs"
        group = [facts] if isinstance(facts, Fact) else list(facts)
        first = group[0]
        years = [f.date.year for f in group if f.date]
        brought: dict[str, None] = {}
        cites: dict[tuple[str, tuple[int, ...]], Citation] = {}
        for fact in group:
            brought.update(dict.fromkeys(fact.topics))
            cite = Citation.of(self.base, fact)
            cites[(cite.id, cite.paragraphs)] = cite
        if kind != "truefalse":  # no wrong choice that the prompt itself names
            wrong = [w for w in wrong if not mentions(prompt, [w.text])]
        choices: tuple[str, ...] = ()
        rebuttals: list[Rebuttal] = []
        if kind == "truefalse":
            choices = ("True", "False")
        elif len(wrong) >= least:
            choices = arrange(answer, [w.text for w in wrong], self.rng, least=least)
            for w in wrong:
                if w.text in choices:
                    rebuttals.append(
                        self._rebuttal(
                            w, tuple(cites.values()), answer if answer_type == "entity" else None
                        )
                    )
        for w in wrong if kind == "truefalse" else ():
            rebuttals.append(self._rebuttal(w, tuple(cites.values())))
        # an abbreviation the base glosses is glossed where the card first names it: in the
        # prompt (or the items read with it), else in every choice, else in the answer
        sets = kind in ("ordering", "matching")
        glossed = gloss_card(
            prompt,
            (*items, *matches) if sets else (),
            self.glossed,
            choices if kind != "truefalse" else (),
            None if choices or sets else answer,
        )
        prompt, bare = glossed.prompt, answer
        if kind != "truefalse" and choices:
            choices = tuple(glossed.choices[c] for c in choices)
            rebuttals = [replace(r, choice=glossed.choices[r.choice]) for r in rebuttals]
            answer = glossed.choices.get(answer, answer)
        elif glossed.answer is not None:
            answer = glossed.answer
        card_id = (
            f"{first.id}:{self.template.id}" if len(group) == 1 else set_id(group, self.template.id)
        )
        accepted = (  # the key typed without its gloss is right too
            with_synonyms(list(dict.fromkeys([answer, bare, *accept])), self.base.synonyms)
            if kind == "question"
            else ()
        )
        phrase = self.claim(first) if attributed else None
        return Card(
            id=card_id,
            kind=kind,
            template=self.template.id,
            prompt=prompt,
            answer=answer,
            explanation=explanation or self.explain(first),
            sources=tuple(cites.values()),
            fact_ids=tuple(f.id for f in group),
            topics=tuple(brought) if topics is None else tuple(topics),
            answer_type=answer_type,
            accept=accepted,
            choices=choices,
            truth=truth,
            items=tuple(items),
            matches=tuple(matches),
            year=min(years) if years else None,
            difficulty=max(1, min(3, difficulty)),
            attribution=cap(phrase) if phrase else None,
            family=self.template.family,
            rebuttals=tuple(rebuttals),
        )

    def _rebuttal(
        self, wrong: Wrong, own: tuple[Citation, ...], entity: str | None = None
    ) -> Rebuttal:
        """Why a wrong choice is wrong: the fact that says what it really was, led, when the
        card asks for a person, body or place, by who it really was ("It was Beria, not
        Mekhlis."), since what Mekhlis was does not by itself say he was not the one; the
        card's own fact then says where or who it was."""
        if isinstance(wrong.because, Fact):
            fact = wrong.because
            if entity is not None:
                return Rebuttal(
                    wrong.text,
                    f"It was {entity}, not {wrong.text}. {fact.statement}",
                    _by_source((*own, Citation.of(self.base, fact))),
                )
            return Rebuttal(wrong.text, fact.statement, (Citation.of(self.base, fact),))
        return Rebuttal(wrong.text, wrong.because, _by_source(own))
