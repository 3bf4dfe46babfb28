"""purgequiz/explain.py words every error and recovery of the store; the store words none."""

from __future__ import annotations

import ast
import errno
import importlib
import itertools
import pkgutil
from pathlib import Path

import pytest

import purgequiz.store
from purgequiz import explain as words
from purgequiz.store import errors
from purgequiz.store.errors import (
    AsideFailed,
    BadEntry,
    Disagreement,
    Entry,
    FileError,
    FileRole,
    InTheWay,
    Listing,
    NameProblem,
    NewerFormat,
    NoDeletedProfile,
    NotAMonth,
    NotATable,
    NotWritable,
    ProfileAction,
    ProfileClosed,
    ProfileInUse,
    ProfileKeptMoving,
    ProfileMoved,
    ProfileNameError,
    ProfileNotFound,
    Recovery,
    RecoveryKind,
    RefusedDocument,
    StoreError,
    TooLarge,
)

FILE = Path("/data/profiles/anna/progress.json")
DENIED = FileError(FILE, errno.EACCES, "Permission denied")

# One of each kind the store raises, with the facts it carries.
EXAMPLES: list[StoreError] = [
    DENIED,
    ProfileInUse("Anna", FILE.with_name("profile.lock"), 123, "laptop"),
    ProfileNotFound("Vera", FILE.parent.parent),
    NoDeletedProfile("Vera", FILE.parent.parent, ("Boris",)),
    BadEntry(FILE, Entry.LINK),
    TooLarge(FILE, 2 << 30),
    AsideFailed(FILE, "Read-only file system"),
    NewerFormat(FILE, 9),
    NotWritable(FILE.parent),
    NotATable("nonsense"),
    NotAMonth("2025-13"),
    RefusedDocument("cards/0", "q1", "due: expected a date"),
    ProfileClosed("Anna"),
    ProfileMoved(FILE.parent),
    ProfileKeptMoving("Anna"),
    ProfileAction("Anna", "opened", DENIED),
    Listing(DENIED),
    InTheWay(FILE.parent, "renamed"),
]


def _kinds(base: type) -> set[type]:
    """Every subclass of ``base`` defined in the store, once all its modules are loaded."""
    for module in pkgutil.iter_modules(purgequiz.store.__path__):
        importlib.import_module(f"purgequiz.store.{module.name}")
    found, todo = set(), [base]
    while todo:
        for kind in todo.pop().__subclasses__():
            if kind.__module__.startswith("purgequiz.store") and kind not in found:
                found.add(kind)
                todo.append(kind)
    return found


def test_every_kind_of_store_error_has_an_example_here() -> None:
    """A new kind of store error is added to EXAMPLES, so its words are checked below."""
    assert _kinds(StoreError) == {type(example) for example in EXAMPLES}


@pytest.mark.parametrize("error", EXAMPLES, ids=lambda error: type(error).__name__)
def test_each_store_error_is_worded_from_its_facts(error: StoreError) -> None:
    """explain() words every kind, naming what it is about; str() is only its fields."""
    said = words.explain(error)
    assert said and said != str(error)
    subject = next(iter(vars(error).values()))  # its first fact: the profile, file, table …
    if isinstance(subject, FileError):
        subject = subject.path
    assert str(subject) in said
    assert str(error).startswith(f"{type(error).__name__}(")


def test_every_name_problem_is_worded() -> None:
    """Each reason a profile name is refused has its sentence."""
    for problem in NameProblem:
        said = words.explain(ProfileNameError(problem, "Anna", ("ANNA", "anna"), 200))
        assert said and "NameProblem" not in said


def test_a_store_error_cannot_be_made_with_a_sentence() -> None:
    """StoreError itself takes no message: only its kinds, with their facts, are raised."""
    with pytest.raises(TypeError):
        StoreError("cannot write /data/progress.json")


@pytest.mark.parametrize(
    ("kind", "role", "checked_only"),
    list(itertools.product(RecoveryKind, FileRole, (False, True))),
)
def test_every_recovery_is_worded(kind: RecoveryKind, role: FileRole, checked_only: bool) -> None:
    """Every kind of recovery, of any file, found or repaired, is worded and names its file."""
    lost = Recovery(FILE, FILE, RecoveryKind.DAMAGED_FILE, FileRole.SNAPSHOT, why="not JSON")
    item = Recovery(
        FILE,
        FILE.with_name("progress.json.damaged-1"),
        kind,
        role,
        checked_only=checked_only,
        bad=((3, "not valid JSON"),),
        damaged=1,
        records=(("cards/0", "q1", "due: expected a date"),),
        month="2025-03",
        cause=lost,
    )
    said = words.recovery(item)
    assert str(FILE) in said
    assert words.finding(item) == said


def test_findings_of_a_check_are_worded() -> None:
    """A check's disagreements are worded, and say so once repaired."""
    day = Disagreement(day="2025-03-01")
    assert "2025-03-01" in words.finding(day)
    assert words.finding(day, repaired=True).endswith("; repaired from the review log")
    assert "first: q7" in words.finding(Disagreement(missing=2, first="q7"))


def _made_sentences(source: str, worded: set[str]) -> list[str]:
    """Where ``source`` builds text (an f-string, a joined or formatted string) into one of
    the store's errors or recoveries (``worded``, by name)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", getattr(node.func, "attr", None))
        if name not in worded:
            continue
        for argument in [*node.args, *(k.value for k in node.keywords)]:
            if isinstance(argument, ast.JoinedStr) or (
                isinstance(argument, ast.BinOp)
                and any(isinstance(n, ast.Constant | ast.JoinedStr) for n in ast.walk(argument))
            ):
                found.append(f"line {node.lineno}: {name}(…)")
    return found


WORDED = {kind.__name__ for kind in _kinds(StoreError)} | {
    "StoreError",
    "ProfileNameError",
    "Recovery",
    "Disagreement",
}


@pytest.mark.parametrize(
    "path", sorted(Path(purgequiz.store.__file__).parent.glob("*.py")), ids=lambda p: p.name
)
def test_no_store_module_makes_a_sentence_for_an_error(path: Path) -> None:
    """The store hands errors and recoveries their facts, never text it has put together."""
    assert _made_sentences(path.read_text(encoding="utf-8"), WORDED) == []


def test_the_sentence_check_finds_a_sentence() -> None:
    """The check above would see a store error or recovery given a sentence."""
    source = 'raise StoreError(f"cannot write {path}")\nRecovery(a, b, "x " + str(n))\n'
    assert len(_made_sentences(source, WORDED)) == 2


def test_the_store_errors_module_exports_every_kind() -> None:
    """Every kind the store raises can be imported from purgequiz.store.errors."""
    assert {kind.__name__ for kind in _kinds(StoreError)} <= set(errors.__all__)
