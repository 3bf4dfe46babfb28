"""Small fact bases written for a test: one source, two topics, a few people and bodies."""

from __future__ import annotations

from purgequiz.facts import FactBase, parse

HEAD = """
[[source]]
id = "press"
author = "A. Writer"
title = "News"
publication = "A Weekly"
date = "1940-10-05"
kind = "contemporary press"
paragraphs = 9
cite_as = "Writer, A Weekly, 5 October 1940"

[[source]]
id = "study"
author = "B. Scholar"
title = "A Study"
publication = "A Press"
kind = "later scholarship"
paragraphs = 9

[[topic]]
id = "army"
title = "The army"

[[topic]]
id = "nkvd"
title = "The NKVD"

[[entity]]
id = "writer"
type = "person"
name = "Writer"

[[entity]]
id = "scholar"
type = "person"
name = "Scholar"

[[entity]]
id = "daily"
type = "publication"
name = "The Daily"

[[entity]]
id = "staff"
type = "institution"
name = "General Staff"

[[entity]]
id = "other"
type = "institution"
name = "Other Staff"
"""

PEOPLE = ("anna", "boris", "clara", "dmitri", "elena")


def people() -> str:
    return "".join(
        f'\n[[entity]]\nid = "{p}"\ntype = "person"\nname = "{p.capitalize()}"\n' for p in PEOPLE
    )


def fact(ident: str, kind: str, date: str | None = None, **fields: object) -> str:
    """A fact of ``kind`` (record, topic army, source press unless given) as TOML."""
    values: dict[str, object] = {
        "statement": f"Statement {ident}.",
        "topics": ["army"],
        "source": "press",
        "paragraphs": [1],
        "attribution": "record",
    }
    if date is not None:
        values["date"] = date
    values.update(fields)
    lines = ["[[fact]]", f'id = "{ident}"', f'kind = "{kind}"']
    for name, value in values.items():
        lines.append(f"{name} = {_toml(value)}")
    return "\n" + "\n".join(lines) + "\n"


def _toml(value: object) -> str:
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items()) + " }"
    return str(value)


def base(*facts: str) -> FactBase:
    """A fact base of the given facts; it must load without problems."""
    result = parse({"mini.toml": (HEAD + people() + "".join(facts)).encode()})
    assert not result.problems, "\n".join(map(str, result.problems))
    assert result.base is not None
    return result.base
