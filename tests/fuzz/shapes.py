"""The four shapes of input that are fuzzed, each from a valid document of its kind.

* ``facts``: a fact file (docs/examples/1848.toml) through ``facts check``, ``facts list`` and
  ``generate``;
* ``decks``: a deck file (a card of every kind from the shipped decks) through ``decks check``
  and ``decks show``;
* ``exports``: a progress export (of a profile that has studied) through ``progress import``,
  and in a third of the cases first through ``report``;
  every profile is then exported, opened and studied;
* ``profiles``: one file of a profile's folder (snapshot, journal, month of the review log,
  profile.json) damaged, then ``progress export`` and opening and studying the profile.

``SHAPES[name].attempt(rng, sandbox)`` makes one damaged case and returns its :class:`Report`.
"""

from __future__ import annotations

import atexit
import json
import os
import random
import shutil
import tempfile
import tomllib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from tests.fuzz.harness import Failure, Report, Run, Sandbox, control_characters
from tests.fuzz.mangle import Mangler, to_json, to_toml

__all__ = ["NAME", "SHAPES", "Shape", "studiable"]

REPO = Path(__file__).resolve().parents[2]
FACT_EXAMPLE = REPO / "docs" / "examples" / "1848.toml"
STUDY_DECK = "regional-trials.json"  # the smallest shipped deck
NAME = "Fuzz Pupil"
STUDY_AT = datetime(2025, 3, 10, 12, tzinfo=UTC)
EXPORTED_AT = "2025-03-02T10:00:00+00:00"


@dataclass
class Case:
    """A damaged input: the files it writes and how they were damaged."""

    files: dict[str, bytes | None]  # None: the file is removed
    steps: list[str]
    options: dict[str, Any] = field(default_factory=dict)


# -- valid documents to start from ---------------------------------------------------------


@cache
def fact_document() -> dict[str, Any]:
    return tomllib.loads(FACT_EXAMPLE.read_text(encoding="utf-8"))


@cache
def study_deck():
    from purgequiz import paths
    from purgequiz.decks.fileformat import read_deck

    return read_deck(paths.bundled_decks_dir() / STUDY_DECK)


@cache
def deck_document() -> dict[str, Any]:
    """A small valid deck: two cards of each kind and one with rebuttals, from purges-all."""
    from purgequiz import paths

    data = json.loads((paths.bundled_decks_dir() / "purges-all.json").read_text("utf-8"))
    chosen: list[dict[str, Any]] = []
    for kind in ("question", "cloze", "truefalse", "ordering", "matching", "flashcard"):
        chosen += [card for card in data["cards"] if card["kind"] == kind][:2]
    chosen += [card for card in data["cards"] if card.get("rebuttals") and card not in chosen][:1]
    return {**data, "id": "fuzz", "cards": chosen}


def _answer(session, shown, now: datetime, right: bool) -> None:
    from purgequiz.learn.scheduler import Rating

    card = shown.card
    if shown.mode == "flashcard":
        session.grade_flashcard(Rating.Good if right else Rating.Again, now, 4000)
    elif shown.mode == "truefalse":
        session.answer(card.truth if right else not card.truth, now, 3000)
    elif shown.mode in ("ordering", "matching"):
        items = list(card.items if shown.mode == "ordering" else card.matches)
        session.answer(items if right else items[::-1], now, 9000)
    else:
        session.answer(card.answer if right else "Nobody at all", now, 3000)


def studiable(profile, deck, now: datetime = STUDY_AT) -> None:
    """What the app does with a profile: the home screen's figures, then a study session:
    the next card, an answer, the summary."""
    from purgequiz.learn.session import StudySession
    from purgequiz.learn.stats import Figures

    figures = Figures(profile, now)
    figures.deck(deck)
    figures.today()
    session = StudySession(deck, profile, now, random.Random(0))
    shown = session.next_card(now)
    if shown is not None:
        _answer(session, shown, now, True)
        session.next_card(now)
    session.summary(now)


@dataclass(frozen=True)
class ProfileTemplate:
    folder: Path  # a copy of the profile's folder, taken while it was open
    export: dict[str, Any]


@cache
def profile_template() -> ProfileTemplate:
    """A profile that studied on three days in two months: a snapshot, two months of the review
    log and a journal of changes since, with a flag, a buried and a suspended card."""
    from purgequiz.learn.session import StudySession
    from purgequiz.store.profile import open_profile
    from purgequiz.store.transfer import export_profile

    root = Path(tempfile.mkdtemp(prefix="pqfuzz-template-"))
    atexit.register(shutil.rmtree, root, True)
    saved = os.environ.get("PURGEQUIZ_HOME")
    os.environ["PURGEQUIZ_HOME"] = str(root / "home")
    try:
        deck = study_deck()
        days = (
            datetime(2025, 2, 27, 18, tzinfo=UTC),
            datetime(2025, 3, 1, 9, tzinfo=UTC),
            datetime(2025, 3, 2, 9, tzinfo=UTC),
        )
        for number, start in enumerate(days):
            profile = open_profile(NAME)
            if number == 0:
                profile.update_settings(timezone="UTC")
            rng = random.Random(number)
            session = StudySession(deck, profile, start, rng)
            now = start
            for turn in range(10):
                shown = session.next_card(now)
                if shown is None:
                    break
                _answer(session, shown, now, right=turn % 3 != 1)
                now += timedelta(seconds=40)
            if number == 2:
                session.flag("the date looks wrong", now)
                shown = session.next_card(now)
                if shown is not None:
                    session.bury(now)
                shown = session.next_card(now)
                if shown is not None:
                    session.suspend(now)
            session.summary(now)
            if number < 2:
                profile.close()
        folder = root / "template"
        shutil.copytree(profile.path, folder)
        (folder / "profile.json").write_text(
            json.dumps({"v": 1, "name": NAME, "created": "2025-02-27T17:59:00+00:00"}),
            encoding="utf-8",
        )
        export = export_profile(profile)
        export["exported_at"] = EXPORTED_AT
        profile.close()
    finally:
        if saved is None:
            os.environ.pop("PURGEQUIZ_HOME", None)
        else:
            os.environ["PURGEQUIZ_HOME"] = saved
    return ProfileTemplate(folder, export)


def profile_folder(box: Sandbox) -> Path:
    from purgequiz.store.names import folder_name

    return box.home / "profiles" / folder_name(NAME)


# -- the shapes ----------------------------------------------------------------------------


class Shape:
    """One kind of input: how to damage it and which commands must cope with it."""

    name = ""

    def make(self, rng, box: Sandbox) -> Case:
        raise NotImplementedError

    def check(self, case: Case, box: Sandbox) -> Report:
        raise NotImplementedError

    def attempt(self, rng, box: Sandbox) -> Report:
        """A fresh sandbox, a damaged case drawn from ``rng``, its commands run and judged."""
        box.reset()
        case = self.make(rng, box)
        return self.check(case, box)

    # -- judging, shared -----------------------------------------------------------------

    @staticmethod
    def command(run: Run, box: Sandbox) -> str:
        """The command as a developer would type it, with the sandbox's folders left out."""
        text = run.label
        for folder in (box.inputs, box.out, box.home, box.root):
            text = text.replace(str(folder) + os.sep, "")
        return text

    def judge(
        self,
        report: Report,
        box: Sandbox,
        run: Run,
        names: list[str],
        *,
        inputs: dict[Path, bytes] | None = None,
        failure_kind: str = "",
    ) -> str:
        """Record ``run``'s status and every promise it broke; return the status."""
        command = self.command(run, box)
        status = run.status(names)
        report.runs.append((command, status))
        report.runs_detail.append(run)
        if status == "traceback":
            detail = run.error_line() or "printed a traceback"
            report.failures.append(
                Failure(failure_kind or "traceback", command, detail, run.where())
            )
        elif status == "hang":
            report.failures.append(
                Failure("hang", command, f"still running after {box.timeout:g} s")
            )
        elif status == "outside write":
            pass  # reported below, with what it tried to write
        elif status != "accepted" and failure_kind:
            first = next((line for line in run.err.splitlines() if line.strip()), "")
            report.failures.append(
                Failure(failure_kind, command, f"exit {run.code}: {first[:160]}")
            )
        elif status == "unclear error":
            first = next((line for line in run.err.splitlines() if line.strip()), "")
            report.failures.append(
                Failure(
                    "unclear error",
                    command,
                    f"exit {run.code} without naming the file; stderr: {first[:120]!r}",
                )
            )
        controls = control_characters(run.out + run.err)
        if controls:
            report.failures.append(
                Failure(
                    "raw control characters",
                    command,
                    "printed " + ", ".join(repr(c) for c in controls),
                )
            )
        outside = box.outside_writes(run)
        if outside:
            shown = [
                os.path.relpath(p, box.root) if p.startswith(str(box.root)) else p for p in outside
            ]
            report.failures.append(
                Failure("outside write", command, "wrote " + ", ".join(shown[:3]))
            )
        for path, data in (inputs or {}).items():
            now = path.read_bytes() if path.exists() else None
            if now != data:
                what = "removed it" if now is None else f"{len(data)} bytes became {len(now)}"
                report.failures.append(Failure("changed input", command, f"{path.name}: {what}"))
        return status

    @staticmethod
    def tree_check(report: Report, box: Sandbox, before: dict[str, str]) -> None:
        """Nothing outside the data folder and the outputs appeared, changed or went."""
        after = box.state()
        changed = sorted(
            name for name in before.keys() | after.keys() if before.get(name) != after.get(name)
        )
        if changed:
            report.failures.append(
                Failure(
                    "outside write",
                    f"{report.shape} (all commands)",
                    "changed " + ", ".join(changed[:3]),
                )
            )


class FactsShape(Shape):
    name = "facts"
    file = "facts.toml"
    shown = ("statement", "name", "title", "variants", "post", "description")
    names = ("id", "file", "source", "topics")

    def make(self, rng, box: Sandbox) -> Case:
        mangler = Mangler(rng, str(box.outside), self.shown, self.names)
        if mangler.chance(0.05):
            data = mangler.noise()
        elif mangler.chance(0.07):
            data = mangler.raw(FACT_EXAMPLE.read_bytes(), p=1.0)
        else:
            data = mangler.raw(to_toml(mangler.document(fact_document())), p=0.2)
        return Case({self.file: data}, mangler.steps)

    def check(self, case: Case, box: Sandbox) -> Report:
        report = Report(self.name, case.steps)
        data = case.files[self.file]
        assert data is not None
        path = box.put(self.file, data)
        out = box.out / "deck.json"
        box.outputs = {str(out)}
        before = box.state()
        for argv in (
            ["facts", "check", str(path)],
            ["facts", "list", "--facts", str(path)],
            ["generate", "--facts", str(path), "-o", str(out)],
        ):
            run = box.main(argv)
            self.judge(report, box, run, [str(path), path.name], inputs={path: data})
        self.tree_check(report, box, before)
        return report


class DecksShape(Shape):
    name = "decks"
    file = "deck.json"
    shown = ("title", "prompt", "answer", "choices", "items", "matches")
    names = ("id", "fact_ids", "siblings", "confusable")

    def make(self, rng, box: Sandbox) -> Case:
        mangler = Mangler(rng, str(box.outside), self.shown, self.names)
        if mangler.chance(0.05):
            data = mangler.noise()
        else:
            doc = mangler.document(deck_document())
            data = mangler.raw(to_json(doc, ascii_only=mangler.chance(0.5)), p=0.2)
        return Case({self.file: data}, mangler.steps)

    def check(self, case: Case, box: Sandbox) -> Report:
        report = Report(self.name, case.steps)
        data = case.files[self.file]
        assert data is not None
        path = box.put(self.file, data)
        before = box.state()
        for argv in (["decks", "check", str(path)], ["decks", "show", str(path)]):
            run = box.main(argv)
            self.judge(report, box, run, [str(path), path.name], inputs={path: data})
        self.tree_check(report, box, before)
        return report


def _open_and_study(name: str) -> dict[str, Any]:
    """Open a profile as the app does and study in it; a refusal is returned, not raised."""
    from purgequiz import explain
    from purgequiz.store.errors import StoreError
    from purgequiz.store.profile import open_profile

    try:
        profile = open_profile(name, create=False)
    except (StoreError, ValueError) as error:
        return {"refused": explain.describe(error)}
    with profile:
        recovered = [(str(r.file), str(r.kept_as), explain.recovery(r)) for r in profile.recovered]
        studiable(profile, study_deck())
    return {"recovered": recovered}


# fields of progress that name things: a table, a file, a profile, a time zone
PROGRESS_NAMES = (
    "day",
    "reviewed_at",
    "started_at",
    "created_at",
    "id",
    "card_id",
    "profile",
    "name",
    "t",
    "k",
    "timezone",
    "theme",
    "deck_id",
)


class ExportsShape(Shape):
    name = "exports"
    file = "export.json"

    def make(self, rng, box: Sandbox) -> Case:
        mangler = Mangler(rng, str(box.outside), ("profile", "prompt", "note"), PROGRESS_NAMES)
        existing = mangler.chance(0.5)
        named = not mangler.chance(0.25)
        reported = mangler.chance(1 / 3)  # a report reads every deck: a third of the cases
        if mangler.chance(0.04):
            data = mangler.noise()
        else:
            doc = mangler.document(profile_template().export)
            data = mangler.raw(to_json(doc, ascii_only=mangler.chance(0.5)), p=0.15)
        steps = mangler.steps + [
            ("into the existing profile" if existing else "into no existing profile")
            + ("" if named else ", named by the file")
            + (", after a class report of it" if reported else "")
        ]
        options = {"existing": existing, "named": named, "reported": reported}
        return Case({self.file: data}, steps, options)

    def check(self, case: Case, box: Sandbox) -> Report:
        from purgequiz.store.directory import list_profiles

        report = Report(self.name, case.steps)
        data = case.files[self.file]
        assert data is not None
        if case.options["existing"]:
            shutil.copytree(profile_template().folder, profile_folder(box))
        path = box.put(self.file, data)
        written = box.out / "report.html"
        box.outputs = {str(written)}
        before = box.state()
        if case.options["reported"]:  # a class report of it: written, or the file named as left out
            run = box.main(["report", str(path), "-o", str(written)])
            self.judge(report, box, run, [str(path), path.name], inputs={path: data})
        argv = ["progress", "import", str(path)]
        if case.options["named"]:
            argv += ["--profile", NAME]
        run = box.main(argv)
        self.judge(report, box, run, [str(path), path.name], inputs={path: data})
        if run.hung:
            return report
        listed = box.call(list_profiles, "list_profiles()")
        if listed.error is not None:
            self.judge(report, box, listed, [], failure_kind="broken profile")
            return report
        for info in listed.value or []:
            exported = box.main(["progress", "export", "--profile", info.name, "-o", "-"])
            self.judge(report, box, exported, [], failure_kind="broken profile")
            studied = box.call(
                lambda name=info.name: _open_and_study(name),
                f"open_profile({info.name!r}) and study",
            )
            self.judge(report, box, studied, [], failure_kind="broken profile")
            refused = (studied.value or {}).get("refused")
            if refused:
                report.failures.append(
                    Failure(
                        "broken profile",
                        self.command(studied, box),
                        f"refused to open: {refused[:160]}",
                    )
                )
            # every record kept passes the store's schema, and the totals agree with the log
            checked = box.main(["progress", "check", "--profile", info.name])
            self.judge(report, box, checked, [], failure_kind="broken profile")
            if checked.code not in (0, None) or "healthy" not in checked.out:
                report.failures.append(
                    Failure(
                        "broken profile",
                        self.command(checked, box),
                        f"not healthy: {checked.out[:200]}",
                    )
                )
        self.tree_check(report, box, before)
        return report


def _damage(rng, data: bytes) -> bytes:
    """``data`` cut short, with a few bytes changed, or with bytes added."""
    kind = rng.randrange(3)
    if kind == 0:
        return data[: rng.randrange(len(data) + 1)]
    if kind == 1:
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 4)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        return bytes(damaged)
    return data + bytes(rng.randrange(256) for _ in range(rng.randint(1, 40)))


def _lines(data: bytes) -> list[bytes]:
    return [line for line in data.split(b"\n") if line.strip()]


class ProfilesShape(Shape):
    name = "profiles"
    targets = (
        "progress.json",
        "progress.journal",
        "reviews/2025-02.z",  # sealed months (compressed): mangled as bytes
        "reviews/2025-03.z",
        "profile.json",
    )

    def make(self, rng, box: Sandbox) -> Case:
        mangler = Mangler(rng, str(box.outside), ("name", "prompt", "note"), PROGRESS_NAMES)
        target = self.targets[rng.randrange(len(self.targets))]
        original = (profile_template().folder / target).read_bytes()
        data: bytes | None
        if mangler.chance(0.04):
            data = None
            mangler.steps.append("removed")
        elif target.endswith(".z"):
            data = _damage(rng, original)
            mangler.steps.append("bytes damaged")
        elif mangler.chance(0.06):
            data = mangler.noise()
        elif target.endswith((".journal", ".jsonl")):
            data = mangler.raw(self._lines(mangler, rng, original), p=0.25)
        else:
            doc = mangler.document(json.loads(original))
            data = mangler.raw(to_json(doc, ascii_only=mangler.chance(0.5), compact=True))
        return Case({target: data}, [f"{target}: " + "; ".join(mangler.steps)])

    @staticmethod
    def _lines(mangler: Mangler, rng, original: bytes) -> bytes:
        lines = _lines(original)
        if not lines:
            lines = [b""]
        index = rng.randrange(len(lines))
        kind = mangler.pick(("change", "change", "change", "drop", "repeat", "swap", "insert"))
        if kind == "change":
            try:
                doc = json.loads(lines[index])
            except ValueError:
                doc = {}
            changed = mangler.document(doc)
            lines[index] = to_json(changed, ascii_only=mangler.chance(0.5), compact=True)
            mangler.steps[-1:] = [f"line {index + 1}: {step}" for step in mangler.steps[-1:]]
        elif kind == "drop":
            del lines[index]
            mangler.steps.append(f"line {index + 1} removed")
        elif kind == "repeat":
            lines.insert(index, lines[index])
            mangler.steps.append(f"line {index + 1} repeated")
        elif kind == "swap":
            other = rng.randrange(len(lines))
            lines[index], lines[other] = lines[other], lines[index]
            mangler.steps.append(f"lines {index + 1} and {other + 1} swapped")
        else:
            junk = mangler.pick(
                (
                    b"{",
                    b"[]",
                    b'{"o":"p"}',
                    b"null",
                    b"garbage",
                    b'{"o":"x"}',
                    b'{"o":"p","t":"cards/000"}',
                    b"\x1b[2J",
                    b"1e999999",
                )
            )
            lines.insert(index, junk)
            mangler.steps.append(f"{junk!r} inserted as line {index + 1}")
        return b"\n".join(lines) + b"\n"

    def check(self, case: Case, box: Sandbox) -> Report:
        report = Report(self.name, case.steps)
        folder = profile_folder(box)
        shutil.copytree(profile_template().folder, folder)
        ((target, data),) = case.files.items()
        path = folder / target
        if data is None:
            path.unlink()
        else:
            path.write_bytes(data)
        before = box.state()
        names = [NAME, str(folder), path.name]
        run = box.main(["progress", "export", "--profile", NAME, "-o", "-"])
        status = self.judge(report, box, run, names)
        if data is not None:
            self._kept(report, box, folder, path, data, run, status == "accepted")
        if run.hung:
            return report
        studied = box.call(lambda: _open_and_study(NAME), f"open_profile({NAME!r}) and study")
        self.judge(report, box, studied, names, failure_kind="broken profile")
        refused = (studied.value or {}).get("refused")
        if refused and status == "accepted":
            report.failures.append(
                Failure(
                    "broken profile",
                    self.command(studied, box),
                    f"exported, then refused to open: {refused[:160]}",
                )
            )
        elif refused and not any(name in refused for name in names):
            report.failures.append(
                Failure(
                    "unclear error",
                    self.command(studied, box),
                    f"refused without naming the profile: {refused}",
                )
            )
        if data is not None:
            self._kept(
                report, box, folder, path, data, studied, studied.error is None and not refused
            )
        self.tree_check(report, box, before)
        return report

    def _kept(
        self,
        report: Report,
        box: Sandbox,
        folder: Path,
        path: Path,
        data: bytes,
        run: Run,
        succeeded: bool,
    ) -> None:
        """A damaged file set aside holds its bytes as they were; a command that failed left
        the file it could not read somewhere in the profile's folder."""
        command = self.command(run, box)
        aside = sorted(path.parent.glob(path.name + ".damaged-*"))
        if aside and not any(p.read_bytes() == data for p in aside):
            report.failures.append(
                Failure("damage not kept", command, f"{path.name} was set aside, but not as it was")
            )
        if not succeeded:
            kept = any(p.is_file() and p.read_bytes() == data for p in folder.rglob("*"))
            if not kept:
                report.failures.append(
                    Failure(
                        "damage not kept",
                        command,
                        f"failed, and {path.name} as it was is nowhere in the profile's folder",
                    )
                )


SHAPES: dict[str, Shape] = {
    shape.name: shape for shape in (FactsShape(), DecksShape(), ExportsShape(), ProfilesShape())
}
