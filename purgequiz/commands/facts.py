"""`purgequiz facts check | list | show`: validating and browsing a fact base."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from purgequiz import paths
from purgequiz.commands.options import Subparsers
from purgequiz.commands.output import fail, json_text, print_problems, say, table, usage_error
from purgequiz.facts import KINDS, Fact, FactBase, Problem, load
from purgequiz.facts.citations import check_checksums, check_citations, uncovered_paragraphs
from purgequiz.facts.datelabels import span_label
from purgequiz.facts.dates import DateSpan
from purgequiz.files import TEXT_LIMIT, FileProblem, read_bytes
from purgequiz.generate.select import FilterError, check_known

__all__ = ["check", "fact_record", "list_facts", "load_base", "register", "run", "show"]


def load_base(path: str | None) -> tuple[FactBase | None, str]:
    """Load the given or bundled fact base; print its problems. Returns (base, label)."""
    target = Path(path) if path else paths.bundled_seeds_dir()
    result = load(target)
    if result.problems or result.base is None:
        count = len(result.problems)
        say(f"purgequiz: {target} has {count} problem{'s' * (count != 1)}:", file=sys.stderr)
        print_problems(result.problems)
        return None, str(target)
    return result.base, str(target)


def _read_sources(
    base: FactBase, folder: Path
) -> tuple[dict[str, str], dict[str, bytes], list[str]]:
    """The source texts found in ``folder``, and a line for each that could not be read."""
    texts: dict[str, str] = {}
    raw: dict[str, bytes] = {}
    unread: list[str] = []
    for source in base.sources.values():
        if not source.file:
            continue
        file = folder / source.file
        try:
            data = read_bytes(file, what="source text", limit=TEXT_LIMIT)
        except FileProblem as error:
            unread.append(
                f"source text not found: {file}" if error.reason == "no such file" else str(error)
            )
            continue
        raw[source.id] = data
        texts[source.id] = data.decode("utf-8", errors="replace")
    return texts, raw, unread


def check(path: str | None, sources: str | None) -> int:
    base, label = load_base(path)
    if base is None:
        return 1
    problems: list[Problem | str] = []
    if sources:
        texts, raw, unread = _read_sources(base, Path(sources))
        for line in unread:
            say(f"purgequiz: {line}")
        problems += check_checksums(base, raw)
        problems += check_citations(base, texts)
        problems += [
            f"{sid}: paragraph {n} is cited by no fact and not declared [[uncited]]"
            for sid, n in uncovered_paragraphs(base)
            if sid in texts
        ]
    say(
        f"{label}: {len(base.facts)} facts, {len(base.entities)} entities, "
        f"{len(base.sources)} sources, {len(base.topics)} topics"
    )
    kinds = Counter(fact.kind for fact in base.facts.values())
    by_source = Counter(fact.source for fact in base.facts.values())
    silent = _facts_without_cards(base)
    say("\nFacts by kind (and how many yield no card):")
    say(
        table(
            [
                (kind, count, "never asked" if not _askable(base, kind) else silent[kind] or "")
                for kind, count in sorted(kinds.items())
            ],
            ("kind", "facts", "no card"),
        )
    )
    askable = sum(1 for f in base.facts.values() if f.askable)
    quiet = sum(silent.values())
    say(
        f"\n{quiet} of the {askable} facts that can be asked yield no card "
        f"({quiet / askable if askable else 0:.0%})."
    )
    say("\nFacts by source:")
    say(table(sorted(by_source.items())))
    if problems:
        plural = "s" * (len(problems) != 1)
        say(f"\n{len(problems)} citation problem{plural}:", file=sys.stderr)
        print_problems(problems)
        return 1
    if sources:
        say("\nCitations, checksums and paragraph coverage: all good.")
    return 0


def _askable(base: FactBase, kind: str) -> bool:
    return next(f for f in base.facts.values() if f.kind == kind).askable


def _facts_without_cards(base: FactBase) -> Counter[str]:
    """How many askable facts of each kind no question template can ask."""
    import random

    from purgequiz.generate.build import compile_cards
    from purgequiz.generate.shipped import SHIPPED_SEED

    used = {f for card in compile_cards(base, random.Random(SHIPPED_SEED)) for f in card.fact_ids}
    return Counter(f.kind for f in base.facts.values() if f.askable and f.id not in used)


def _json_value(value: object) -> object:
    if isinstance(value, DateSpan):
        return value.text
    if isinstance(value, tuple):
        return list(value)
    return value


def fact_record(base: FactBase, fact: Fact) -> dict[str, object]:
    """The JSON form of a fact: its common fields, its kind's typed fields (entity ids as
    written in the fact file) and the names of the entities it refers to."""
    names = sorted(
        {base.entities[ref].name for _, ref in fact.entity_refs() if ref in base.entities}
    )
    attribution: dict[str, str | list[str]] = {"type": fact.attribution.type}
    if fact.attribution.by:
        by = base.entities.get(fact.attribution.by)
        attribution["by"] = by.name if by else fact.attribution.by
        attribution["via"] = [
            base.entities[v].name if v in base.entities else v for v in fact.attribution.via
        ]
    return {
        "id": fact.id,
        "kind": fact.kind,
        "statement": fact.statement,
        "date": fact.date.text if fact.date else None,
        "date_note": fact.date_note,
        "reported": fact.reported.text if fact.reported else None,
        "note": fact.note,
        "importance": fact.importance,
        "topics": list(fact.topics),
        "source": fact.source,
        "paragraphs": list(fact.paragraphs),
        "attribution": attribution,
        "fields": {name: _json_value(value) for name, value in fact.kind_fields().items()},
        "entities": names,
    }


def list_facts(path: str | None, topics: list[str], kinds: list[str], as_json: bool) -> int:
    base, _ = load_base(path)
    if base is None:
        return 1
    try:
        check_known("topic", topics, base.topics)
        check_known("kind", kinds, KINDS)
    except FilterError as error:
        return usage_error(str(error))
    facts = [
        f
        for f in base.facts.values()
        if (not topics or set(topics) & set(f.topics)) and (not kinds or f.kind in kinds)
    ]
    if as_json:
        sys.stdout.write(json_text([fact_record(base, f) for f in facts], indent=2) + "\n")
        return 0
    say(table([(f.id, f.kind, f.statement) for f in facts], ("id", "kind", "statement")))
    say(f"\n{len(facts)} fact{'s' * (len(facts) != 1)}")
    return 0


def show(path: str | None, fact_id: str) -> int:
    base, _ = load_base(path)
    if base is None:
        return 1
    fact = base.facts.get(fact_id)
    if fact is None:
        import difflib

        close = difflib.get_close_matches(fact_id, list(base.facts), n=3)
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        return fail(f"no fact {fact_id!r}.{hint}")
    source = base.sources[fact.source]
    say(f"{fact.id}  ({fact.kind})")
    say(f"\n  {fact.statement}\n")
    rows = []
    if fact.date:
        rows.append(("date", f"{span_label(fact.date)} (to the {fact.date.precision})"))
    if fact.date_note:
        rows.append(("date from", fact.date_note))
    if fact.reported:
        rows.append(("reported", span_label(fact.reported)))
    rows.append(("topics", ", ".join(base.topics[t].title for t in fact.topics)))
    refs = fact.markers()
    for name, value in fact.kind_fields().items():
        if isinstance(value, tuple):
            value = "; ".join(
                base.entities[v].name if name in refs and v in base.entities else v for v in value
            )
        elif name in refs and isinstance(value, str) and value in base.entities:
            value = base.entities[value].name
        elif isinstance(value, float) and value.is_integer():
            value = int(value)
        rows.append((name.replace("_", " "), value))
    if fact.note:
        rows.append(("note", fact.note))
    attribution = fact.attribution
    if attribution.is_record:
        rows.append(("attribution", "plain record"))
    else:
        by = ""
        if attribution.by is not None and attribution.by in base.entities:
            by = base.entities[attribution.by].name
        via = ", ".join(base.entities[v].name for v in attribution.via if v in base.entities)
        relayed = f", via {via}" if via else ""
        rows.append(("attribution", f"{attribution.type} by {by}{relayed}"))
    rows.append(("source", source.citation(fact.paragraphs)))
    say(table(rows))
    return 0


def register(commands: Subparsers) -> None:
    """Add `facts check | list | show` to the command parser."""
    facts = commands.add_parser("facts", help="check and browse a fact base")
    actions = facts.add_subparsers(
        dest="facts_command", metavar="ACTION", required=True, parser_class=type(facts)
    )
    check_ = actions.add_parser("check", help="validate a fact file or folder")
    check_.add_argument("path", nargs="?", help="fact file or folder (default: the bundled one)")
    check_.add_argument(
        "--sources",
        metavar="DIR",
        help="folder of the source texts: also check citations and checksums",
    )
    listing = actions.add_parser("list", help="list facts")
    listing.add_argument("--facts", metavar="PATH", help="fact file or folder")
    listing.add_argument(
        "--topic", action="append", default=[], help="only this topic (repeatable)"
    )
    listing.add_argument(
        "--kind",
        action="append",
        default=[],
        help="only this kind of fact (repeatable): " + ", ".join(sorted(KINDS)),
    )
    listing.add_argument("--json", action="store_true", help="print JSON")
    show_ = actions.add_parser("show", help="show one fact and its citation")
    show_.add_argument("id")
    show_.add_argument("--facts", metavar="PATH", help="fact file or folder")


def run(args: argparse.Namespace) -> int:
    if args.facts_command == "check":
        return check(args.path, args.sources)
    if args.facts_command == "list":
        return list_facts(args.facts, args.topic, args.kind, args.json)
    return show(args.facts, args.id)
