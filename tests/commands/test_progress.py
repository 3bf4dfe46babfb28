"""`purgequiz progress export | import`: a JSON round trip through the command line."""

import errno
import json
import os
import random
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "learn"))

from deckkit import plain_deck  # noqa: E402

from purgequiz import paths  # noqa: E402
from purgequiz.cli import main  # noqa: E402
from purgequiz.commands import progress  # noqa: E402
from purgequiz.files import EXPORT_LIMIT, read_json  # noqa: E402
from purgequiz.learn.session import StudySession  # noqa: E402
from purgequiz.store.profile import open_profile  # noqa: E402
from purgequiz.store.transfer import export_profile  # noqa: E402
from tests.hostile import (  # noqa: E402  # noqa: E402
    BOM,
    REVERSE,
    assert_shown_as_text,
    deep_json,
    long_number_json,
    pipe,
    run_command,
)

NOW = datetime(2025, 3, 1, 9, tzinfo=UTC)


class Args:
    def __init__(self, **values):
        self.__dict__.update(values)


def test_export_then_import_into_another_profile(tmp_path, capsys):
    """Export writes JSON; import into a new profile brings every card state and review."""
    with open_profile("Анна") as profile:
        session = StudySession(plain_deck(4), profile, NOW, random.Random(1))
        for _ in range(4):
            session.next_card(NOW)
            session.answer("x", NOW, 1000)
    out = tmp_path / "anna.json"
    assert progress.run(Args(progress_command="export", profile="Анна", output=str(out))) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["profile"] == "Анна" and len(data["reviews"]) == 4
    assert progress.run(Args(progress_command="import", file=str(out), profile="Boris")) == 0
    assert "4 reviews" in capsys.readouterr().out
    with open_profile("Boris") as boris:
        assert len(list(boris.reviews())) == 4 and len(boris.card_states()) == 4


def test_export_to_the_terminal_holds_no_raw_control_character(capsys):
    """JSON written to stdout escapes what json.dumps leaves raw (a bidi override in a profile
    name here), and still reads back as the same name."""
    name = f"Anna{REVERSE}"
    with open_profile(name):
        pass
    assert progress.run(Args(progress_command="export", profile=name, output="-")) == 0
    out = capsys.readouterr().out
    assert_shown_as_text(out, "\\u202e")
    assert json.loads(out)["profile"] == name


def test_bad_files_and_missing_profiles_fail_plainly(tmp_path, capsys):
    """A file that is not an export, or an unknown profile, gives a one-line error."""
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]")
    assert progress.run(Args(progress_command="import", file=str(bad), profile=None)) == 1
    assert (
        progress.run(
            Args(progress_command="export", profile="nobody", output=str(tmp_path / "x.json"))
        )
        == 1
    )
    err = capsys.readouterr().err
    assert "not a purgequiz progress export" in err and "no profile 'nobody'" in err


def _studied(name: str, answers: int) -> Path:
    with open_profile(name) as profile:
        session = StudySession(plain_deck(6), profile, NOW, random.Random(1))
        for i in range(answers):
            session.next_card(NOW)
            session.answer("x", NOW.replace(second=i), 1000)
        return profile.path


def test_check_reports_a_healthy_profile(capsys):
    """`progress check` reads every profile and says each is healthy, with its figures."""
    _studied("Anna", 3)
    _studied("Boris", 2)
    assert progress.run(Args(progress_command="check", profile=None, repair=False)) == 0
    out = capsys.readouterr().out
    assert "Anna: healthy (3 card states, 3 reviews on 1 day(s))" in out
    assert "Boris: healthy" in out


def test_check_reports_damage_without_touching_it(capsys):
    """Damage in the review log is reported, and the files stay exactly as they were."""
    folder = _studied("Anna", 4)
    month = next((folder / "reviews").glob("*.z"))
    month.write_bytes(month.read_bytes()[:-20])
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    assert progress.run(Args(progress_command="check", profile="Anna", repair=False)) == 1
    out = capsys.readouterr().out
    assert "Anna: 2 problem(s)" in out and str(month) in out
    assert "--repair" in out
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before


def test_check_repair_keeps_the_damaged_file_and_leaves_a_healthy_profile(capsys):
    """--repair sets the damaged file aside, rebuilds the rest, and a new check is clean."""
    folder = _studied("Anna", 4)
    month = next((folder / "reviews").glob("*.z"))
    damaged = month.read_bytes()[:-20]
    month.write_bytes(damaged)
    assert progress.run(Args(progress_command="check", profile="Anna", repair=True)) == 0
    out = capsys.readouterr().out
    assert "Anna: repaired" in out and "kept aside" in out
    assert [p.read_bytes() for p in folder.rglob("*.damaged-*")] == [damaged]
    assert progress.run(Args(progress_command="check", profile="Anna", repair=False)) == 0
    assert "Anna: healthy (4 card states, 3 reviews" in capsys.readouterr().out


def test_check_of_a_profile_in_use_says_so(capsys):
    """A profile open elsewhere is not read behind its back."""
    _studied("Anna", 1)
    with open_profile("Anna"):
        assert progress.run(Args(progress_command="check", profile="Anna", repair=False)) == 1
    assert "open in another purgequiz" in capsys.readouterr().out


def _exported(tmp_path: Path) -> Path:
    """An export of a profile that has answered two cards."""
    with open_profile("Anna") as profile:
        session = StudySession(plain_deck(2), profile, NOW, random.Random(1))
        for _ in range(2):
            session.next_card(NOW)
            session.answer("x", NOW, 1000)
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "anna.json"
    assert main(["progress", "export", "--profile", "Anna", "-o", str(out)]) == 0
    return out


def test_an_export_nests_far_less_than_the_cap(tmp_path):
    """A real export reads with a cap of 4 levels, a sixteenth of the one imports have."""
    read_json(_exported(tmp_path), what="progress export", limit=EXPORT_LIMIT, max_depth=4)


def test_deep_json_is_one_plain_line(tmp_path, capsys):
    """An import nested 100,000 levels deep gives one line naming file and place."""
    deep = deep_json(tmp_path / "deep.json")
    assert main(["progress", "import", str(deep)]) == 1
    assert capsys.readouterr().err == (
        f"purgequiz: {deep}: is nested more than 64 levels deep (line 1, column 102)\n"
    )


def test_a_number_too_long_to_convert_is_one_plain_line(tmp_path, capsys):
    """An import holding a 5000-digit number gives one line naming file and place."""
    long = long_number_json(tmp_path / "long.json")
    assert main(["progress", "import", str(long)]) == 1
    assert capsys.readouterr().err == (
        f"purgequiz: {long}: holds a number of more than "
        f"{sys.get_int_max_str_digits()} digits "
        "(line 2, column 13)\n"
    )


def test_a_pipe_is_refused_at_once(tmp_path):
    """A named pipe given to import is refused without waiting for a writer."""
    fifo = pipe(tmp_path / "anna.json")
    done = run_command(["progress", "import", str(fifo), "--profile", "Anna"])
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr == f"purgequiz: {fifo}: is a named pipe (FIFO), not a progress export\n"


def test_an_export_with_a_byte_order_mark_is_imported(tmp_path, capsys):
    """An export saved again with a UTF-8 byte order mark imports like the original."""
    out = _exported(tmp_path)
    out.write_bytes(BOM + out.read_bytes())
    assert main(["progress", "import", str(out), "--profile", "Boris"]) == 0
    assert "2 reviews" in capsys.readouterr().out


def test_an_export_never_goes_into_the_profiles_folder(tmp_path, capsys):
    """Exporting into the folder where progress is kept is refused and writes nothing."""
    _exported(tmp_path)
    before = sorted(paths.profiles_dir().rglob("*"))
    target = paths.profiles_dir() / "anna.json"
    assert main(["progress", "export", "--profile", "Anna", "-o", str(target)]) == 1
    assert sorted(paths.profiles_dir().rglob("*")) == before
    assert capsys.readouterr().err == (
        f"purgequiz: {target}: is inside "
        f"{paths.profiles_dir()}, where progress is kept; "
        "write the export somewhere else\n"
    )


def _disk_full(descriptor: int, data: bytes) -> int:
    raise OSError(28, "No space")


def test_a_failed_export_keeps_the_old_file(tmp_path, monkeypatch, capsys):
    """When the export cannot be written, the file already at -o is left whole."""
    out = _exported(tmp_path)
    before = out.read_bytes()
    monkeypatch.setattr(os, "write", _disk_full)
    assert main(["progress", "export", "--profile", "Anna", "-o", str(out)]) == 1
    assert out.read_bytes() == before and sorted(out.parent.iterdir()) == [out]
    assert capsys.readouterr().err.endswith(f"purgequiz: cannot write {out}: No space\n")


def test_an_import_under_another_spelling_keeps_the_profiles_settings(tmp_path, capsys):
    """ " Anna " is Anna: importing into her keeps her settings, as for any existing profile."""
    _studied("Anna", 2)
    with open_profile("Anna") as profile:
        data = export_profile(profile)
    data["settings"]["daily_goal"] = 999
    path = tmp_path / "settings.json"
    path.write_text(json.dumps(data))
    assert progress.run(Args(progress_command="import", file=str(path), profile=" Anna ")) == 0
    with open_profile("Anna") as profile:
        assert profile.settings.daily_goal == 30


def test_an_import_saved_but_not_tidied_says_so(tmp_path, capsys, monkeypatch):
    """When the import is written but the closing tidy-up fails, the message says it is in."""
    from purgequiz.store import storage as storage_module
    from purgequiz.store.errors import file_problem

    _studied("Anna", 2)
    with open_profile("Anna") as profile:
        data = export_profile(profile)
    path = tmp_path / "export.json"
    path.write_text(json.dumps(data))

    def full(target, data):
        raise file_problem(OSError(errno.ENOSPC, "No space left on device", str(target)))

    real = storage_module.write_atomic
    monkeypatch.setattr(storage_module, "write_atomic", full)
    assert progress.run(Args(progress_command="import", file=str(path), profile="Boris")) == 1
    err = capsys.readouterr().err
    assert "the import is saved" in err and "nothing was imported" not in err
    monkeypatch.setattr(storage_module, "write_atomic", real)
    with open_profile("Boris") as profile:
        assert len(list(profile.reviews())) == 2


def test_an_export_into_a_missing_folder_is_refused(tmp_path, capsys):
    """`progress export -o` into a folder that does not exist names it and creates nothing."""
    with open_profile("Anna"):
        pass
    out = tmp_path / "gone" / "anna.json"
    assert main(["progress", "export", "--profile", "Anna", "-o", str(out)]) == 1
    assert capsys.readouterr().err == (
        f"purgequiz: {out}: the folder {out.parent} does not "
        "exist; create it first or write the export somewhere "
        "else\n"
    )
    assert not out.parent.exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "--profile", "Nobody", "-o", "-"],
        ["check", "--profile", "Nobody"],
        ["check", "--profile", "Nobody", "--repair"],
    ],
)
def test_a_missing_profile_is_named_with_the_profiles_there_are(argv, capsys):
    """A command that reads a profile says there is no such profile, lists the known ones,
    exits 1 and creates nothing."""
    for name in ("Anna", "Boris"):
        with open_profile(name):
            pass
    before = sorted(paths.profiles_dir().rglob("*"))
    assert main(["progress", *argv]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"purgequiz: there is no profile 'Nobody' (in {paths.profiles_dir()})"
        "; the profiles are: 'Anna', 'Boris'\n"
    )
    assert sorted(paths.profiles_dir().rglob("*")) == before


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "--profile", "Nobody", "-o", "-"],
        ["check", "--profile", "Nobody"],
    ],
)
def test_a_missing_profile_when_there_are_none(argv, capsys):
    """With no profile at all, the message says there are none yet, and makes no folder."""
    assert main(["progress", *argv]) == 1
    assert capsys.readouterr().err.endswith("; there are no profiles yet\n")
    assert not paths.profiles_dir().exists()
