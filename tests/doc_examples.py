"""The console examples of README.md and docs/*.md: read, run and compared with what they show.

An example is a fenced block tagged ``console``. Each line that starts with ``$ purgequiz``
(optionally with environment settings first: ``$ TERM=dumb purgequiz play``) is a command; the
lines after it, up to the next ``$`` line, are what it prints, output and error output together
as a terminal shows them. The command is run in this process through ``purgequiz.cli.main``,
with its standard streams replaced by one terminal-like stream, in a working folder laid out
like the top of a clone (``docs/examples`` copied in) and with ``PURGEQUIZ_HOME`` at a data
folder of its own. The examples of one page run in order, sharing both folders, as a reader
who follows the page would.

An HTML comment on the line just before a fence (invisible on the rendered page) marks it:

``<!-- example set-up: NAME -->``
    run the set-up NAME (``SETUPS`` below) before the block; the page's prose must say what
    it makes, so that a reader can make the same;
``<!-- example not run: REASON -->``
    leave the block out (the interactive app, commands that are not purgequiz).

A block of any tag that holds a ``$ purgequiz`` line must be a checked console example or carry
the "not run" marker, and a checked console example may hold no other ``$`` line.

What may differ between the page and the run, and nothing else (``VARIABLE`` and
``normalised``):

* the data folder: the run's ``PURGEQUIZ_HOME`` is shown as ``/home/anna/.local/share/purgequiz``,
  the default on Linux for a user called anna;
* the folder of the bundled decks: shown as where ``pip install .`` in a virtual environment
  puts it, ``/home/anna/purgequiz/.venv/lib/python3.12/site-packages/purgequiz/_data/decks``;
* the moment a file is set aside (``.damaged-20261204T082428``): any ``YYYYMMDDTHHMMSS`` stamp,
  on the page and in the run alike, reads as ``<time>``;
* spaces at the ends of lines, and blank lines at the end of an example.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import re
import shlex
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PAGES = (REPO / "README.md", *sorted((REPO / "docs").glob("*.md")))

SHOWN_HOME = "/home/anna/.local/share/purgequiz"
SHOWN_BUNDLED_DECKS = (
    "/home/anna/purgequiz/.venv/lib/python3.12/site-packages/purgequiz/_data/decks"
)
STAMP = re.compile(r"\b\d{8}T\d{6}\b")

FENCE = re.compile(r"^(```+|~~~+)\s*(.*)$")
MARKER = re.compile(r"^<!--\s*example\s+(set-up|not run):\s*(.*?)\s*-->\s*$")
ANY_MARKER = re.compile(r"^<!--\s*example\b")
PROMPT = re.compile(r"^\$ (?:[A-Za-z_][A-Za-z0-9_]*=\S* +)*purgequiz(?:\s|$)")


@dataclass(frozen=True)
class Command:
    """One ``$`` line of an example and the lines the page shows after it."""

    page: Path
    line: int  # 1-based, in the page
    text: str  # after "$ "
    shown: tuple[str, ...]

    @property
    def where(self) -> str:
        return f"{self.page.relative_to(REPO)}:{self.line}"


@dataclass(frozen=True)
class Block:
    """A fenced block of a page, with the marker on the line before it, if any."""

    page: Path
    line: int  # 1-based line of the opening fence
    tag: str  # the first word of the info string ("" when there is none)
    lines: tuple[str, ...]
    marker: tuple[str, str] | None = None  # ("set-up" | "not run", the rest)

    @property
    def where(self) -> str:
        return f"{self.page.relative_to(REPO)}:{self.line}"

    @property
    def prompts(self) -> list[str]:
        return [line for line in self.lines if PROMPT.match(line)]

    @property
    def checked(self) -> bool:
        not_run = self.marker is not None and self.marker[0] == "not run"
        return self.tag == "console" and bool(self.prompts) and not not_run

    @property
    def setups(self) -> list[str]:
        if self.marker is None or self.marker[0] != "set-up":
            return []
        return [name.strip() for name in self.marker[1].split(",") if name.strip()]

    def commands(self) -> list[Command]:
        commands: list[Command] = []
        text: str | None = None
        start, shown = 0, []
        for offset, line in enumerate(self.lines, start=1):
            if line.startswith("$ "):
                if text is not None:
                    commands.append(Command(self.page, start, text, tuple(shown)))
                text, start, shown = line[2:], self.line + offset, []
            else:
                shown.append(line)
        if text is not None:
            commands.append(Command(self.page, start, text, tuple(shown)))
        return commands


@dataclass
class Page:
    path: Path
    blocks: list[Block] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # markers out of place


def read_page(path: Path, text: str | None = None) -> Page:
    """The fenced blocks of a Markdown page, each with the marker just before it."""
    lines = (path.read_text(encoding="utf-8") if text is None else text).splitlines()
    page = Page(path)
    where = path.name
    index = 0
    used: set[int] = set()
    while index < len(lines):
        opening = FENCE.match(lines[index])
        if not opening:
            index += 1
            continue
        fence, info = opening.groups()
        end = index + 1
        while end < len(lines) and not (
            lines[end].startswith(fence[0] * len(fence)) and not lines[end].strip(fence[0]).strip()
        ):
            end += 1
        marker = None
        if index > 0 and (found := MARKER.match(lines[index - 1])):
            marker = (found.group(1), found.group(2))
            used.add(index - 1)
        tag = info.split()[0] if info.split() else ""
        page.blocks.append(Block(path, index + 1, tag, tuple(lines[index + 1 : end]), marker))
        index = end + 1
    for number, line in enumerate(lines):
        if ANY_MARKER.match(line) and number not in used:
            page.problems.append(
                f"{where}:{number + 1}: an example marker must be the line just "
                f"before a fence and read '<!-- example set-up: NAME -->' or "
                f"'<!-- example not run: REASON -->': {line}"
            )
    for block in page.blocks:
        if block.marker and block.marker[0] == "not run" and not block.marker[1]:
            page.problems.append(f"{where}:{block.line}: say why the example is not run")
        for name in block.setups:
            if name not in SETUPS:
                page.problems.append(
                    f"{where}:{block.line}: no set-up named {name!r} "
                    f"(known: {', '.join(sorted(SETUPS))})"
                )
        if block.marker and block.marker[0] == "set-up" and not block.setups:
            page.problems.append(f"{where}:{block.line}: name the set-up")
        if block.prompts and not block.checked and block.marker is None:
            page.problems.append(
                f"{where}:{block.line}: a '$ purgequiz' line in a block tagged "
                f"{block.tag or '(none)'!r} is not checked: tag the block 'console' so that its "
                f"output is compared, or mark it '<!-- example not run: REASON -->'"
            )
        if block.checked:
            if not block.lines or not block.lines[0].startswith("$ "):
                page.problems.append(
                    f"{where}:{block.line}: an example starts with its '$ purgequiz' command"
                )
            for offset, line in enumerate(block.lines, start=1):
                if line.startswith("$") and not PROMPT.match(line):
                    page.problems.append(
                        f"{where}:{block.line + offset}: only purgequiz commands can be run; "
                        f"mark the block '<!-- example not run: REASON -->': {line}"
                    )
    return page


# -- running ----------------------------------------------------------------------------------


class _Terminal(io.StringIO):
    """What a terminal shows: output and error output in one, and a terminal to the app."""

    def isatty(self) -> bool:
        return True


@dataclass
class Workspace:
    """The folders one page's examples run in."""

    work: Path  # the working folder, laid out like the top of a clone
    home: Path  # PURGEQUIZ_HOME

    @classmethod
    def make(cls, root: Path) -> Workspace:
        work, home = root / "work", root / "home"
        shutil.copytree(REPO / "docs" / "examples", work / "docs" / "examples")
        home.mkdir()
        return cls(work, home)


def run(command: Command, space: Workspace, monkeypatch: pytest.MonkeyPatch) -> str:
    """What ``command`` prints, run in-process in ``space``."""
    from purgequiz.cli import main

    words = shlex.split(command.text, comments=True)
    settings = {}
    while words and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*=.*", words[0]):
        name, _, value = words.pop(0).partition("=")
        settings[name] = value
    assert words and words[0] == "purgequiz", command.where
    screen = _Terminal()
    with monkeypatch.context() as patch:
        for name, value in settings.items():
            patch.setenv(name, value)
        patch.setattr("sys.stdin", _Terminal())
        with contextlib.redirect_stdout(screen), contextlib.redirect_stderr(screen):
            try:
                main(words[1:])
            except SystemExit:  # argparse's own errors and --help
                pass
    return screen.getvalue()


def as_shown(text: str, space: Workspace | None = None) -> list[str]:
    """The lines of ``text`` as a page shows them: the run's folders written as the page
    writes them, no spaces at the ends of lines, no blank lines at the end."""
    if space is not None:
        from purgequiz.paths import bundled_decks_dir

        text = text.replace(str(space.home), SHOWN_HOME)
        text = text.replace(str(bundled_decks_dir()), SHOWN_BUNDLED_DECKS)
    lines = [line.rstrip() for line in text.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def normalised(text: str, space: Workspace | None = None) -> list[str]:
    """``text`` with the parts that may differ (the module's docstring) made alike."""
    return [STAMP.sub("<time>", line) for line in as_shown(text, space)]


def outputs(
    page: Page, space: Workspace, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Command, str]]:
    """Each command of the page's checked examples and what it prints, run in order (each
    block's set-ups first)."""
    monkeypatch.chdir(space.work)
    monkeypatch.setenv("PURGEQUIZ_HOME", str(space.home))
    for block in page.blocks:
        if not block.checked:
            continue
        for name in block.setups:
            SETUPS[name](space)
        for command in block.commands():
            yield command, run(command, space, monkeypatch)


def differences(page: Page, space: Workspace, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each command of the page's examples whose output is not what the page shows."""
    found = []
    for command, text in outputs(page, space, monkeypatch):
        printed = normalised(text, space)
        shown = normalised("\n".join(command.shown))
        if printed != shown:
            found.append(
                f"{command.where}: $ {command.text}\n"
                + "\n".join(f"  {line}" for line in _diff(shown, printed))
            )
    return found


def _diff(shown: list[str], printed: list[str]) -> Iterator[str]:
    import difflib

    yield from difflib.unified_diff(shown, printed, "on the page", "printed", lineterm="", n=1)


# -- set-ups ----------------------------------------------------------------------------------
# Each makes what an example needs and the page's prose describes; a reader can make the same.


def _army_quiz(space: Workspace) -> dict:
    path = space.work / "army-quiz.json"
    assert path.exists(), "this set-up edits army-quiz.json, made by an example above it"
    return json.loads(path.read_text(encoding="utf-8"))


def _write_deck(path: Path, deck: dict) -> None:
    path.write_text(json.dumps(deck, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _first_card(deck: dict) -> dict:
    return next(c for c in deck["cards"] if c["id"] == "ch7-army-size-1938:figure")


def edited_quiz(space: Workspace) -> None:
    """edited-quiz.json: army-quiz.json with the card on the army's size in 1938 edited by
    hand: its prompt made "How many soldiers did the Red Army have in 1938, according to the
    chapter?" and the rebuttal of '500,000 soldiers' deleted."""
    deck = _army_quiz(space)
    card = _first_card(deck)
    card["prompt"] = "How many soldiers did the Red Army have in 1938, according to the chapter?"
    del card["rebuttals"]["500,000 soldiers"]
    _write_deck(space.work / "edited-quiz.json", deck)


def pasted_quiz(space: Workspace) -> None:
    """pasted-quiz.json: army-quiz.json with an escape sequence that retitles the terminal
    pasted in front of its title, and one that blanks the screen in front of the prompt of
    the card on the army's size in 1938."""
    deck = _army_quiz(space)
    deck["title"] = "\x1b]0;Quiz\x07" + deck["title"]
    card = _first_card(deck)
    card["prompt"] = "\x1b[2J" + card["prompt"]
    _write_deck(space.work / "pasted-quiz.json", deck)


def broken_facts(space: Workspace) -> None:
    """broken.toml: docs/examples/1848.toml with the kind of louis-philippe-abdicates made
    'exile' and the person of louis-napoleon-elected made 'nobody'."""
    text = (REPO / "docs" / "examples" / "1848.toml").read_text(encoding="utf-8")
    blocks = text.split("\n[[fact]]\n")
    for index, block in enumerate(blocks):
        if 'id = "louis-philippe-abdicates"' in block:
            blocks[index] = block.replace('kind = "removal"', 'kind = "exile"')
        if 'id = "louis-napoleon-elected"' in block:
            blocks[index] = block.replace('person = "louis-napoleon"', 'person = "nobody"')
    broken = "\n[[fact]]\n".join(blocks)
    assert broken.count("exile") == 1 and broken.count('"nobody"') == 1, "1848.toml changed"
    (space.work / "broken.toml").write_text(broken, encoding="utf-8")


def cut_review_log(space: Workspace) -> None:
    """A profile Anna that gave eleven answers to the army purge deck, as flashcards, on the
    morning of 1 March 2025 (the first Again, the rest Good), after which the last twenty
    bytes of its review log were deleted by hand."""
    from purgequiz.decks.fileformat import read_deck
    from purgequiz.learn.scheduler import Rating
    from purgequiz.learn.session import StudySession
    from purgequiz.paths import bundled_decks_dir
    from purgequiz.store.profile import open_profile

    deck = read_deck(bundled_decks_dir() / "army-purge.json")
    now = datetime(2025, 3, 1, 9, tzinfo=UTC)
    with open_profile("Anna") as profile:
        session = StudySession(deck, profile, now, random.Random(1))
        for answer in range(11):
            now += timedelta(seconds=30)
            assert session.next_card(now) is not None
            session.show_as("flashcard", now)
            session.grade_flashcard(Rating.Again if answer == 0 else Rating.Good, now, 6000)
        folder = profile.path
    (log,) = (folder / "reviews").glob("*.z")
    log.write_bytes(log.read_bytes()[:-20])


def files_refused(space: Workspace) -> None:
    """my-topic.toml, a copy of docs/examples/1848.toml; incoming.json, a named pipe;
    nested.json, a list nested 100 deep; notes.toml, a fact file with a comment and no
    facts."""
    shutil.copy(REPO / "docs" / "examples" / "1848.toml", space.work / "my-topic.toml")
    os.mkfifo(space.work / "incoming.json")
    (space.work / "nested.json").write_text("[" * 100 + "]" * 100, encoding="utf-8")
    (space.work / "notes.toml").write_text("# notes for the 1848 lesson\n", encoding="utf-8")


def quiz_in_decks_folder(space: Workspace) -> None:
    """army-quiz.json copied into the decks folder of the data folder."""
    decks = space.home / "decks"
    decks.mkdir(exist_ok=True)
    shutil.copy(space.work / "army-quiz.json", decks / "army-quiz.json")


def profile_anna(space: Workspace) -> None:
    """One profile, Anna, that has not studied yet."""
    from purgequiz.store.profile import open_profile

    with open_profile("Anna"):
        pass


def held_cards(space: Workspace) -> None:
    """A profile Anna that, studying the army purge deck, suspended the card on the army's
    cost in 1935 and flagged the one on its cost in 1937 with the note "the figure looks
    wrong"."""
    from purgequiz.decks.fileformat import read_deck
    from purgequiz.learn.session import StudySession
    from purgequiz.paths import bundled_decks_dir
    from purgequiz.store.profile import open_profile

    deck = read_deck(bundled_decks_dir() / "army-purge.json")
    now = datetime(2025, 3, 1, 9, tzinfo=UTC)
    with open_profile("Anna") as profile:
        session = StudySession(deck, profile, now, random.Random(1))
        session.suspend(now, card_id="ch7-army-budget-1935:figure")
        session.flag("the figure looks wrong", now, card_id="ch7-army-budget-1937:figure")


SETUPS: dict[str, Callable[[Workspace], None]] = {
    "held-cards": held_cards,
    "profile-anna": profile_anna,
    "edited-quiz": edited_quiz,
    "pasted-quiz": pasted_quiz,
    "broken-facts": broken_facts,
    "cut-review-log": cut_review_log,
    "files-refused": files_refused,
    "quiz-in-decks-folder": quiz_in_decks_folder,
}


# -- refreshing the pages ---------------------------------------------------------------------


def refresh(page: Page, space: Workspace, monkeypatch: pytest.MonkeyPatch) -> str:
    """The page's text with each command's lines replaced by what it prints now, where that
    differs (the data folder and the bundled decks' folder written as the page shows them)."""
    lines = page.path.read_text(encoding="utf-8").splitlines()
    printed: dict[int, list[str]] = {}  # the 1-based line of a command → its new lines
    for command, text in outputs(page, space, monkeypatch):
        if normalised(text, space) != normalised("\n".join(command.shown)):
            printed[command.line] = as_shown(text, space)  # else left as it is, moments too
    result: list[str] = []
    skipping = False
    for number, line in enumerate(lines, start=1):
        if number in printed:
            result += [line, *printed[number]]
            skipping = True
            continue
        if skipping and (line.startswith("$ ") or FENCE.match(line)):
            skipping = False
        if not skipping:
            result.append(line)
    return "\n".join(result) + "\n"


def main() -> None:
    """``python -m tests.doc_examples``: rewrite every page's console examples with what their
    commands print now (after a change to the decks, say); check the diff before committing."""
    import tempfile

    for path in PAGES:
        page = read_page(path)
        if not any(block.checked for block in page.blocks):
            continue
        with tempfile.TemporaryDirectory() as root, pytest.MonkeyPatch.context() as patch:
            text = refresh(page, Workspace.make(Path(root)), patch)
        if text != path.read_text(encoding="utf-8"):
            path.write_text(text, encoding="utf-8")
            print(f"rewrote {path.relative_to(REPO)}")


if __name__ == "__main__":
    main()
