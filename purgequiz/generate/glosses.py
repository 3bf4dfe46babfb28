"""Abbreviations glossed on first use: a card that names an entity the fact file glosses
("NKVD": "the Soviet security police") says what it was, where the student first reads it.

Reading order is the prompt (with the events of an ordering card or the pairs of a matching
card, which are read with it), then the choices, then the answer of a card without choices.

- Where the prompt names it as the head of a phrase, the gloss follows the name ("Yezhov's
  deputy at the NKVD (the Soviet security police)?"); where the name stands before another
  word ("the NKVD's mass operations", "NKVD leaders") or only the items of an ordering or
  matching card name it, a sentence after the prompt says it ("(The NKVD was the Soviet
  security police.)").
- Named first in the choices, every choice that names it is glossed, the key and the wrong
  ones alike, so that the gloss points at none of them: after the name where it ends its
  phrase, else in a clause after the choice ("… (the NKVD was the Soviet security police)").
- Named first in the answer of a flashcard (or of a question asked without choices), the
  answer is glossed: after the name where it ends its phrase, else in a sentence after it
  ("That the army might join forces with the NKVD chief. (The NKVD was the Soviet security
  police.)").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from purgequiz.facts import Entity
from purgequiz.generate.phrasing import cap, the_name

__all__ = ["Glossed", "gloss_card", "gloss_prompt", "unglossed"]

# Words after a name that show the name ends its phrase: "at the NKVD in 1938".
_PHRASE_ENDS = re.compile(
    r"(?:$|[?.,;:)]|\s(?:in|on|at|from|to|and|or|as|with|for|by|under|during|before|after|"
    r"until|since|into|was|were|had|who|which|that|when)\b)"
)


def _name(entity: Entity) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(entity.name)}(?![\w-])")


def _names(entity: Entity, text: str) -> bool:
    return _name(entity).search(text) is not None


def _sentence(entity: Entity) -> str:
    return f"({cap(the_name(entity))} was {entity.gloss}.)"


def _inline(text: str, entity: Entity) -> str | None:
    """The text with the gloss after the name, where the name ends its phrase; else None."""
    found = _name(entity).search(text)
    if found and _PHRASE_ENDS.match(text, found.end()):
        return f"{text[: found.end()]} ({entity.gloss}){text[found.end() :]}"
    return None


def unglossed(
    prompt: str,
    shown: Iterable[str],
    glossed: Sequence[Entity],
    choices: Sequence[str] = (),
    answer: str | None = None,
) -> list[Entity]:
    """The glossed entities a card names without their gloss where the student first reads
    them: in the prompt or the texts shown with it (an ordering card's items, a matching
    card's pairs), the gloss must be in the prompt; else in the choices, in every choice that
    names it; else in ``answer`` (the answer of a card shown without choices)."""
    shown = list(shown)
    missing = []
    for entity in glossed:
        if not entity.gloss:
            continue
        gloss = entity.gloss
        if any(_names(entity, text) for text in (prompt, *shown)):
            ok = gloss in prompt
        elif any(_names(entity, choice) for choice in choices):
            ok = all(gloss in choice for choice in choices if _names(entity, choice))
        elif answer is not None and _names(entity, answer):
            ok = gloss in answer
        else:
            ok = True
        if not ok:
            missing.append(entity)
    return missing


def gloss_prompt(prompt: str, shown: Iterable[str], glossed: Sequence[Entity]) -> str:
    """The prompt with a gloss for each glossed entity it or ``shown`` names, the first time."""
    shown = list(shown)
    for entity in unglossed(prompt, shown, glossed):
        prompt = _inline(prompt, entity) or f"{prompt} {_sentence(entity)}"
    return prompt


@dataclass(frozen=True)
class Glossed:
    """A card's texts with their glosses: each choice keyed by its text before."""

    prompt: str
    choices: dict[str, str]
    answer: str | None


def gloss_card(
    prompt: str,
    shown: Iterable[str],
    glossed: Sequence[Entity],
    choices: Sequence[str] = (),
    answer: str | None = None,
) -> Glossed:
    """The prompt, the choices and ``answer`` (the answer of a card without choices) with a
    gloss for each glossed entity, where the card first names it."""
    shown = list(shown)
    prompt = gloss_prompt(prompt, shown, glossed)
    texts = {choice: choice for choice in choices}
    for entity in unglossed(prompt, shown, glossed, choices, answer):
        gloss = entity.gloss or ""  # (unglossed gives only entities that have one)
        if any(_names(entity, choice) for choice in choices):
            for before, text in texts.items():
                if _names(entity, text) and gloss not in text:
                    clause = f"{text} ({the_name(entity)} was {gloss})"
                    texts[before] = _inline(text, entity) or clause
        elif answer is not None:
            answer = _inline(answer, entity) or f"{answer.rstrip('.')}. {_sentence(entity)}"
    return Glossed(prompt, texts, answer)
