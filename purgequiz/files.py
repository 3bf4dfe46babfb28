"""Reading the files people hand to purgequiz, and writing its output, without surprises.

Every deck, fact file and progress export is read here. A file must be what it claims: a
regular file (never a named pipe, a device or a folder, which could block the program for
ever), no larger than its kind may be, UTF-8 text (a leading byte order mark is dropped), and
JSON or TOML that is no deeper than :data:`MAX_DEPTH` and holds no number too long to convert.
Anything else raises :class:`FileProblem`, whose message names the file and, where there is
one, the line and column.

Output is written to a temporary file beside the target and renamed over it, so a failure
never leaves a half-written file. Output goes only into a folder that exists (a mistyped
folder is an error, not a new folder), and :func:`check_output` refuses to write over a file
the same command reads.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from collections.abc import Iterable
from itertools import accumulate
from pathlib import Path
from typing import Any

from purgequiz.atomic import write_atomic

__all__ = [
    "DECK_LIMIT",
    "EXPORT_LIMIT",
    "FACTS_LIMIT",
    "MAX_DEPTH",
    "TEXT_LIMIT",
    "FileProblem",
    "check_output",
    "decode",
    "parse_json",
    "parse_toml",
    "read_bytes",
    "read_json",
    "read_text",
    "write_bytes",
    "write_text",
]

MB = 1_000_000
# The largest deck that ships (every card of the fact base) is 0.6 MB and the whole curated
# fact base is 0.2 MB: 20 MB leaves room for thirty times as much and still reads in a blink.
DECK_LIMIT = 20 * MB
FACTS_LIMIT = 20 * MB
TEXT_LIMIT = 20 * MB  # a source text cited by the fact base
# An export holds every review ever made, about 630 bytes each: 200 MB is 300,000 reviews
# (200 answers a day for four years, three times the profile the benchmarks time), and its
# parsed form still fits in memory while it is merged.
EXPORT_LIMIT = 200 * MB
# Decks nest eight levels deep (deck, cards, card, rebuttals, a rebuttal, its sources, a
# citation, its paragraphs), exports four and fact files two; parsers recurse once per level,
# and a cap keeps them far from Python's recursion limit.
MAX_DEPTH = 64

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


class FileProblem(ValueError):
    """A file that cannot be used; ``file`` is its name, ``reason`` says why (and where)."""

    def __init__(self, file: str | os.PathLike[str], reason: str) -> None:
        self.file = str(file)
        self.reason = reason
        super().__init__(f"{self.file}: {reason}")


def _what_it_is(mode: int) -> str | None:
    """What a file that is not a regular one is, in plain words (None for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _size(count: int) -> str:
    return f"{count / MB:.1f} MB" if count >= MB / 10 else f"{count:,} bytes"


def _check(file: str, status: os.stat_result, what: str, limit: int) -> None:
    kind = _what_it_is(status.st_mode)
    if kind is not None:
        raise FileProblem(file, f"is {kind}, not a {what}")
    if status.st_size > limit:
        raise FileProblem(
            file, f"is {_size(status.st_size)}, more than a {what} may be ({_size(limit)})"
        )


def read_bytes(path: str | os.PathLike[str], *, what: str, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; never blocks on a pipe or device.

    ``what`` names the kind of file in messages ("deck file"). The file is looked at before it
    is opened, opened without blocking, and looked at again through the open descriptor, so a
    file swapped for a pipe in between is refused too.
    """
    file = str(path)
    try:
        _check(file, os.stat(path), what, limit)
        descriptor = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise FileProblem(file, "no such file") from None
    except OSError as error:
        raise FileProblem(file, f"cannot be read: {error.strerror}") from None
    try:
        _check(file, os.fstat(descriptor), what, limit)
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(descriptor, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as error:
        raise FileProblem(file, f"cannot be read: {error.strerror}") from None
    finally:
        os.close(descriptor)
    if total > limit:  # it grew while being read
        raise FileProblem(file, f"is more than a {what} may be ({_size(limit)})")
    return b"".join(chunks)


def _place(text: str, offset: int) -> str:
    """'line L, column C' of a character offset in ``text``."""
    line = text.count("\n", 0, offset) + 1
    column = offset - text.rfind("\n", 0, offset)
    return f"line {line}, column {column}"


def decode(raw: bytes, file: str | os.PathLike[str]) -> str:
    """UTF-8 text of a file's bytes, without a leading byte order mark."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise FileProblem(file, f"is not UTF-8 text (line {line}, byte {error.start})") from None
    return text.removeprefix("\ufeff")


# What may hold a bracket that is not nesting: strings (and, in TOML, comments).
_JSON_SKIP = r'"[^"\\]*(?:\\[\s\S][^"\\]*)*"?'
_TOML_SKIP = "|".join(
    (
        r'"""(?:[^"\\]|\\[\s\S]|"(?!""))*(?:"{3,5}|\Z)',  # multi-line basic string
        r"'''[\s\S]*?(?:'{3,5}|\Z)",  # multi-line literal string
        r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"?',  # basic string
        r"'[^'\n]*'?",  # literal string
        r"#[^\n]*",  # comment
    )
)
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def _too_deep(text: str, skip: str, max_depth: int) -> int | None:
    """The offset of the first bracket nested deeper than ``max_depth``, or None.

    A scan of the brackets outside strings and comments, done before parsing: the parsers
    recurse once per level, and a file nested a hundred thousand levels deep would exhaust
    Python's stack (or take a long while to fail).
    """
    brackets = _NOT_BRACKETS.sub("", re.sub(skip, "", text))
    if max(accumulate(map(_STEP.__getitem__, brackets)), default=0) <= max_depth:
        return None
    depth = 0  # found: walk the text again, with positions, to say where
    for match in re.finditer(f"{skip}|[\\[\\]{{}}]", text):
        step = _STEP.get(match.group())
        if step is not None:
            depth += step
            if depth > max_depth:
                return match.start()
    return 0


def _long_number(text: str) -> str:
    """Where the first number longer than Python converts is ('' if it cannot be found)."""
    digits = sys.get_int_max_str_digits()
    match = re.search(f"[0-9][0-9_]{{{digits},}}", text) if digits else None
    return f" ({_place(text, match.start())})" if match else ""


def _deep(file: str | os.PathLike[str], text: str, offset: int | None, max_depth: int) -> None:
    if offset is not None:
        raise FileProblem(
            file, f"is nested more than {max_depth} levels deep ({_place(text, offset)})"
        )


def _number_problem(file: str | os.PathLike[str], text: str) -> FileProblem:
    return FileProblem(
        file,
        f"holds a number of more than {sys.get_int_max_str_digits()} digits{_long_number(text)}",
    )


def parse_json(text: str, file: str | os.PathLike[str], *, max_depth: int = MAX_DEPTH) -> Any:
    """The JSON value in ``text``; :class:`FileProblem` naming ``file``, line and column."""
    text = text.removeprefix("\ufeff")
    _deep(file, text, _too_deep(text, _JSON_SKIP, max_depth), max_depth)
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        # json ends some messages with "at" or "starting at", expecting a position after them
        message = re.sub(r"(?: starting)? at$", "", error.msg)
        raise FileProblem(
            file, f"is not valid JSON: {message} (line {error.lineno}, column {error.colno})"
        ) from None
    except RecursionError:
        raise FileProblem(file, f"is nested more than {max_depth} levels deep") from None
    except ValueError:  # an integer longer than int() converts
        raise _number_problem(file, text) from None


_TOML_PLACE = re.compile(
    r"^(?P<message>.*?)\s*\(at (?:(?P<place>line \d+, column \d+)"
    r"|end of document)\)$",
    re.DOTALL,
)


def parse_toml(
    text: str, file: str | os.PathLike[str], *, max_depth: int = MAX_DEPTH
) -> dict[str, Any]:
    """The TOML document in ``text``; :class:`FileProblem` naming ``file``, line and column."""
    import tomllib  # here: the study app reads no TOML, and starts 1 ms sooner without it

    text = text.removeprefix("\ufeff")
    _deep(file, text, _too_deep(text, _TOML_SKIP, max_depth), max_depth)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = _TOML_PLACE.match(str(error))
        if found is None:
            raise FileProblem(file, f"is not valid TOML: {error}") from None
        place = found["place"] or "at the end of the file"
        raise FileProblem(file, f"is not valid TOML: {found['message']} ({place})") from None
    except RecursionError:
        raise FileProblem(file, f"is nested more than {max_depth} levels deep") from None
    except ValueError:  # an integer longer than int() converts
        raise _number_problem(file, text) from None


def read_text(path: str | os.PathLike[str], *, what: str, limit: int) -> str:
    """The UTF-8 text of a regular file (see :func:`read_bytes`), without a byte order mark."""
    return decode(read_bytes(path, what=what, limit=limit), path)


def read_json(
    path: str | os.PathLike[str], *, what: str, limit: int, max_depth: int = MAX_DEPTH
) -> Any:
    """The JSON value in a regular file; every problem is a :class:`FileProblem`."""
    return parse_json(read_text(path, what=what, limit=limit), path, max_depth=max_depth)


def _same(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:  # one of them does not exist (yet)
        return os.path.realpath(one) == os.path.realpath(other)


def _folder_problem(output: str | os.PathLike[str], writes: str) -> FileProblem | None:
    """Why ``output`` cannot be written into its folder: the folder is missing or is a file."""
    folder = Path(output).parent
    if folder.is_dir():
        return None
    if folder.exists():
        return FileProblem(output, f"{folder} is not a folder; write {writes} somewhere else")
    return FileProblem(
        output,
        f"the folder {folder} does not exist; create it first or write {writes} somewhere else",
    )


def check_output(
    output: str | os.PathLike[str],
    inputs: Iterable[str | os.PathLike[str]] = (),
    *,
    keep_out: Iterable[tuple[str | os.PathLike[str], str]] = (),
    reads: str = "a file this command reads",
    writes: str = "the output",
) -> None:
    """Refuse an output that is one of the command's ``inputs`` (the same file under any name),
    lies in a folder of ``keep_out`` ((folder, what it holds) pairs) or in a folder that does
    not exist.

    ``reads`` names the inputs in the message ("the fact file this command reads") and
    ``writes`` the output ("the deck").
    """
    target = Path(output)
    for source in inputs:
        if _same(target, Path(source)):
            alias = "" if str(source) == str(output) else f"the same file as {source}, "
            raise FileProblem(output, f"is {alias}{reads}; write {writes} to another file")
    resolved = Path(os.path.realpath(target))
    for folder, holds in keep_out:
        if resolved.is_relative_to(os.path.realpath(folder)):
            raise FileProblem(
                output, f"is inside {folder}, where {holds}; write {writes} somewhere else"
            )
    problem = _folder_problem(output, writes)
    if problem is not None:
        raise problem


def write_text(path: str | os.PathLike[str], text: str, *, what: str = "output") -> None:
    """Write UTF-8 ``text`` to ``path`` as :func:`write_bytes` does."""
    write_bytes(path, text.encode("utf-8"), what=what)


def write_bytes(path: str | os.PathLike[str], data: bytes, *, what: str = "output") -> None:
    """Write ``data`` to ``path`` through a temporary file renamed into place.

    An existing file keeps its permissions and is replaced whole or not at all; a link is
    followed, so the file it points to is the one replaced. A target that exists but is not a
    regular file (a pipe, a device, a folder) raises :class:`FileProblem`, and so does a
    folder that does not exist: it is never created. Raises ``OSError`` when the folder
    cannot be written.
    """
    target = Path(os.path.realpath(path))
    try:
        status: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        status = None
    if status is not None and (kind := _what_it_is(status.st_mode)) is not None:
        raise FileProblem(path, f"is {kind}; the {what} can only be written to a file")
    problem = _folder_problem(target, f"the {what}")
    if problem is not None:
        raise problem
    write_atomic(
        target,
        data,
        keep_mode=stat.S_IMODE(status.st_mode) if status is not None else None,
    )
