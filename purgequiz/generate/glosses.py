"""Abbreviations glossed on first use: a card that names an entity the fact file glosses
("NKVD": "the Soviet security police") says what it was, in its prompt.

Where the prompt names it as the head of a phrase, the gloss follows the name ("Yezhov's
deputy at the NKVD (the Soviet security police)?"); where the name stands before another
word ("the NKVD's mass operations", "NKVD leaders") or only the items of an ordering or
matching card name it, a sentence after the prompt says it ("(The NKVD was the Soviet
security police.)"). A card never glosses what only its choices name: the gloss would point
at the choice that names it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from purgequiz.facts import Entity
from purgequiz.generate.phrasing import cap, the_name

__all__ = ["gloss_prompt", "unglossed"]

# Words after a name that show the name ends its phrase: "at the NKVD in 1938".
_PHRASE_ENDS = re.compile(
    r"(?:$|[?.,;:)]|\s(?:in|on|at|from|to|and|or|as|with|for|by|under|during|before|after|"
    r"until|since|into|was|were|had|who|which|that|when)\b)"
)


def _name(entity: Entity) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(entity.name)}(?![\w-])")


def _sentence(entity: Entity) -> str:
    return f"({cap(the_name(entity))} was {entity.gloss}.)"


def unglossed(prompt: str, shown: Iterable[str], glossed: Sequence[Entity]) -> list[Entity]:
    """The glossed entities that the prompt or the other texts shown with it (an ordering
    card's items, a matching card's pairs) name, and whose gloss the prompt does not give."""
    texts = [prompt, *shown]
    return [
        entity
        for entity in glossed
        if entity.gloss
        and entity.gloss not in prompt
        and any(_name(entity).search(text) for text in texts)
    ]


def gloss_prompt(prompt: str, shown: Iterable[str], glossed: Sequence[Entity]) -> str:
    """The prompt with a gloss for each glossed entity it or ``shown`` names, the first time."""
    shown = list(shown)
    for entity in unglossed(prompt, shown, glossed):
        found = _name(entity).search(prompt)
        if found and _PHRASE_ENDS.match(prompt, found.end()):
            prompt = f"{prompt[: found.end()]} ({entity.gloss}){prompt[found.end() :]}"
        else:
            prompt = f"{prompt} {_sentence(entity)}"
    return prompt
