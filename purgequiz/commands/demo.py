"""`purgequiz demo`: a synthetic class, as the progress exports its students would hand in, or
one profile filled with weeks of study, so that every figure has something to show.

The students' histories are made by the app's own study session, answering with simulated
students (:mod:`purgequiz.learn.simulate`) on a clock that moves day by day; their names come
from Faker.
"""

from __future__ import annotations

import argparse
import random
import re
import shlex
import sys
import unicodedata
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from purgequiz import explain as words
from purgequiz import paths
from purgequiz.commands.options import Subparsers, profile_name, same_profile
from purgequiz.commands.output import fail, json_text, say, table, usage_error
from purgequiz.files import FileProblem, check_output, write_text

if TYPE_CHECKING:
    from purgequiz.decks.model import Deck
    from purgequiz.learn.memory import MemoryProfile
    from purgequiz.learn.settings import Settings

__all__ = ["register", "run"]

DEFAULT_STUDENTS = 25
DEFAULT_DAYS = 30
DEFAULT_DECK = "army-purge"
DEFAULT_SEED = 1
MAX_STUDENTS = 500
MAX_DAYS = 366


def _count(low: int, high: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be from {low} to {high}, not {value}")
        return value

    return parse


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a date such as 2025-03-30, not {text!r}"
        ) from None


def register(commands: Subparsers) -> None:
    """Add `demo` to the command parser."""
    parser = commands.add_parser(
        "demo",
        help="make a synthetic class's progress exports, or fill a profile with weeks of study",
        description="Simulate students studying a deck with the app's own study session, day "
        "after day: write the progress export each would hand in (-o FOLDER), one file per "
        "student, or fill one profile (--profile NAME). The same seed, numbers, deck, last "
        "day and time zone give the same files.",
    )
    into = parser.add_mutually_exclusive_group(required=True)
    into.add_argument(
        "-o",
        "--output",
        metavar="FOLDER",
        help="write one progress export per student into this folder (new or empty)",
    )
    into.add_argument(
        "--profile",
        metavar="NAME",
        type=profile_name,
        help="fill this profile (new or empty) with one simulated student's study",
    )
    parser.add_argument(
        "--students",
        type=_count(1, MAX_STUDENTS),
        default=DEFAULT_STUDENTS,
        metavar="N",
        help=f"how many students (default {DEFAULT_STUDENTS}; with -o)",
    )
    parser.add_argument(
        "--days",
        type=_count(1, MAX_DAYS),
        default=DEFAULT_DAYS,
        metavar="D",
        help=f"how many days of study, ending with --until (default {DEFAULT_DAYS})",
    )
    parser.add_argument(
        "--until",
        type=_day,
        metavar="DATE",
        help="the last day of study, before today (default: yesterday)",
    )
    parser.add_argument(
        "--deck",
        default=DEFAULT_DECK,
        metavar="DECK",
        help=f"the deck studied: a deck file or an id from 'decks list' (default {DEFAULT_DECK})",
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=DEFAULT_SEED,
        metavar="S",
        help=f"random seed for the students and their answers (default {DEFAULT_SEED})",
    )
    parser.add_argument(
        "--merge",
        action="store_true",
        help="with --profile: fill a profile that already has progress, adding the simulated "
        "answers to it",
    )


def run(args: argparse.Namespace) -> int:
    from purgequiz.decks.catalog import find_deck
    from purgequiz.decks.fileformat import DeckError

    if args.merge and args.profile is None:
        return usage_error("--merge is for filling a profile (--profile NAME)")
    try:
        deck = find_deck(args.deck)
    except DeckError as error:
        for problem in error.problems:
            say(f"{error.file}: {problem}", file=sys.stderr)
        return 1
    if args.profile is not None:
        return _fill_profile(args, deck)
    return _write_class(args, deck)


# -- the days and the randomness ------------------------------------------------------------


def _days(args: argparse.Namespace, settings: Settings) -> tuple[list[date], datetime] | str:
    """The study days to simulate and the moment the last of them ends, or why not."""
    from purgequiz.learn.days import day_start, study_day
    from purgequiz.learn.simulate import study_days

    zone, hour = settings.zone(), settings.day_starts_at
    today = study_day(datetime.now(UTC), zone, hour)
    until = args.until or today - timedelta(days=1)
    if until >= today:
        return (
            f"--until {until} is not before today ({today}): the demo makes only days that are over"
        )
    return study_days(until, args.days), day_start(until + timedelta(days=1), zone, hour)


def _random(seed: int, what: str) -> random.Random:
    """The randomness of one part of the demo (the lesson, a student): each part's own, so
    that ten students are the first ten of twenty-five."""
    return random.Random(f"purgequiz demo {seed} {what}")


def _export(memory: MemoryProfile, ended: datetime) -> dict[str, Any]:
    from purgequiz.store.transfer import export_profile

    return export_profile(memory, exported_at=ended)


# -- a class ----------------------------------------------------------------------------------


def _names(count: int, seed: int) -> list[str]:
    """``count`` different names, the same for a seed."""
    from faker import Faker  # its locale data loads only for a class

    fake = Faker("en_US")
    fake.seed_instance(seed)
    names: list[str] = []
    while len(names) < count:
        name = f"{fake.first_name()} {fake.last_name()}"
        if name not in names:
            names.append(name)
    return names


def _file_name(name: str, taken: set[str]) -> str:
    """A file name for a student's export: the name in lower-case ASCII words ('Zoë Smith' →
    'zoe-smith.json'), numbered if another student's is the same."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    stem = re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "student"
    candidate, number = f"{stem}.json", 1
    while candidate in taken:
        number += 1
        candidate = f"{stem}-{number}.json"
    taken.add(candidate)
    return candidate


def _folder_problem(folder: Path) -> str | None:
    """Why the class cannot be written into ``folder`` (which need not exist yet)."""
    try:
        check_output(
            folder,
            keep_out=[(paths.profiles_dir(), "progress is kept")],
            writes="the class",
        )
    except FileProblem as problem:
        return str(problem)
    if folder.exists() and not folder.is_dir():
        return f"{folder}: is a file, not a folder; name a new or empty folder for the class"
    try:
        if folder.is_dir() and any(folder.iterdir()):
            return (
                f"{folder}: is not empty; write the class into a new or empty folder, so "
                f"that a report of the folder holds only this class"
            )
    except OSError as error:
        return f"{folder}: cannot be read: {error.strerror or error}"
    return None


def _write_class(args: argparse.Namespace, deck: Deck) -> int:
    from purgequiz.learn.memory import MemoryProfile
    from purgequiz.learn.settings import Settings
    from purgequiz.learn.simulate import Lesson, draw_student, simulate
    from purgequiz.store.names import order_seed
    from purgequiz.store.zone import system_zone

    folder = Path(args.output).expanduser()
    problem = _folder_problem(folder)
    if problem is not None:
        return fail(problem)
    names = _names(args.students, args.seed)
    settings = Settings(timezone=system_zone())
    found = _days(args, settings)
    if isinstance(found, str):
        return usage_error(found)
    days, ended = found
    lesson = Lesson.draw(deck, _random(args.seed, "lesson"))
    try:
        folder.mkdir(exist_ok=True)
    except OSError as error:
        return fail(f"{folder}: cannot be made: {error.strerror or error}")
    rows: list[tuple[str, str, int, int]] = []
    taken: set[str] = set()
    answers = 0
    for index, name in enumerate(names):
        rng = _random(args.seed, f"student {index}")
        memory = MemoryProfile(name, settings, order_seed(name))
        simulate(draw_student(name, rng), lesson, memory, days, rng)
        data = _export(memory, ended)
        file = _file_name(name, taken)
        try:
            write_text(folder / file, json_text(data, indent=1) + "\n", what="progress export")
        except FileProblem as error:
            return fail(words.describe(error))
        except OSError as error:
            return fail(f"cannot write {folder / file}: {error.strerror or error}")
        answers += len(data["reviews"])
        rows.append((file, name, len(memory.study_days()), len(data["reviews"])))
    say(
        f"Wrote {len(rows)} progress exports to {folder} ({deck.title}, {len(days)} days up to "
        f"{days[-1]}, seed {args.seed}): {answers:,} answers"
    )
    say(table(rows, ("file", "student", "days", "answers")))
    say(
        f"make the class report with: purgequiz report {shlex.quote(str(folder))} "
        f"--format html -o report.html"
    )
    return 0


# -- one profile ------------------------------------------------------------------------------


def _fill_profile(args: argparse.Namespace, deck: Deck) -> int:
    from purgequiz.learn.memory import MemoryProfile
    from purgequiz.learn.simulate import Lesson, draw_student, keen, simulate
    from purgequiz.store.errors import ProfileNameError, StoreError
    from purgequiz.store.profile import open_profile
    from purgequiz.store.schema import Invalid
    from purgequiz.store.transfer import import_into

    try:
        name = same_profile(args.profile)
        with open_profile(name) as profile:
            name = profile.display_name
            reviews = sum(day.reviews for day in profile.days())
            if (profile.card_states() or reviews or profile.flags()) and not args.merge:
                return fail(
                    f"the profile {name!r} already has progress ({len(profile.card_states())} "
                    f"cards, {reviews} answers); the demo fills only a new or empty profile, "
                    f"so nothing was changed: choose another name, or add --merge to add the "
                    f"simulated answers to its own"
                )
            found = _days(args, profile.settings)
            if isinstance(found, str):
                return usage_error(found)
            days, ended = found
            memory = MemoryProfile(name, profile.settings, profile.order_seed)
            rng = _random(args.seed, "profile")
            lesson = Lesson.draw(deck, _random(args.seed, "lesson"))
            simulate(keen(draw_student(name, rng)), lesson, memory, days, rng)
            report = import_into(profile, _export(memory, ended))
    except (StoreError, ProfileNameError, Invalid) as error:
        return fail(f"{words.describe(error)}; the simulated study was not saved")
    studied = len(memory.study_days())
    say(
        f"Filled the profile {name!r} with {len(days)} days of study of {deck.title} "
        f"({deck.id}), up to {days[-1]}: {report.reviews:,} answers on {studied} of those "
        f"days, {len(memory.card_states())} cards seen; seed {args.seed}"
    )
    say(f"open it with: purgequiz play --profile {shlex.quote(name)}")
    return 0
