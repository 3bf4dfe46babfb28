"""`purgequiz demo`: a synthetic class's progress exports, or one profile filled with study."""

from __future__ import annotations

import json
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from purgequiz.cli import main
from purgequiz.store.profile import open_profile
from purgequiz.store.transfer import check_export

CLASS = ["--students", "4", "--days", "8", "--until", "2025-03-09", "--seed", "3"]


def _class(tmp_path: Path, name: str, *options: str) -> Path:
    folder = tmp_path / name
    assert main(["demo", *CLASS, *options, "-o", str(folder)]) == 0
    return folder


def test_the_same_seed_writes_the_same_files(tmp_path, capsys):
    """Two runs with the same seed, numbers and last day write byte-identical files; another
    seed writes another class."""
    first, second = _class(tmp_path, "one"), _class(tmp_path, "two")
    names = sorted(path.name for path in first.iterdir())
    assert len(names) == 4 and names == sorted(path.name for path in second.iterdir())
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    other = _class(tmp_path, "three", "--seed", "4")
    assert sorted(path.name for path in other.iterdir()) != names


def test_a_smaller_class_is_the_first_students_of_a_larger_one(tmp_path):
    """Each student has randomness of their own: two students are the first two of four."""
    four = _class(tmp_path, "four")
    two = tmp_path / "two"
    assert main(["demo", *CLASS, "--students", "2", "-o", str(two)]) == 0
    for path in two.iterdir():
        assert path.read_bytes() == (four / path.name).read_bytes()


def test_students_differ(tmp_path):
    """The students have different names and differ in days studied, answers and accuracy."""
    folder = _class(tmp_path, "class", "--students", "6", "--days", "20")
    exports = [json.loads(path.read_text(encoding="utf-8")) for path in folder.iterdir()]
    assert len({data["profile"] for data in exports}) == 6
    days = {len({r["day"] for r in data["reviews"]}) for data in exports}
    answers = {len(data["reviews"]) for data in exports}
    accuracy = {
        round(sum(r["correct"] for r in data["reviews"]) / len(data["reviews"]), 2)
        for data in exports
        if data["reviews"]
    }
    assert len(days) >= 3 and len(answers) >= 5 and len(accuracy) >= 4


def test_the_files_are_progress_exports_that_import(tmp_path, capsys):
    """Each file is a whole progress export for the days asked for, and imports into a
    profile, with every review and card state."""
    folder = _class(tmp_path, "class")
    capsys.readouterr()
    for path in sorted(folder.iterdir()):
        data = json.loads(path.read_text(encoding="utf-8"))
        check_export(data)
        assert data["exported_at"].startswith("2025-03-")
        assert all("2025-03-02" <= r["day"] <= "2025-03-09" for r in data["reviews"])
        assert main(["progress", "import", str(path)]) == 0
        with open_profile(data["profile"], create=False) as profile:
            assert len(list(profile.reviews())) == len(data["reviews"])
            assert len(profile.card_states()) == len(data["cards"])


def test_a_file_is_what_progress_export_writes(tmp_path, capsys):
    """Imported into a profile of the student's name and exported again with `progress
    export`, a demo file comes back the same (but for the moment of export, and the personal
    bests, which an import does not take)."""
    folder = _class(tmp_path, "class", "--students", "1")
    (path,) = folder.iterdir()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert main(["progress", "import", str(path)]) == 0
    again = tmp_path / "again.json"
    assert main(["progress", "export", "--profile", data["profile"], "-o", str(again)]) == 0
    exported = json.loads(again.read_text(encoding="utf-8"))
    for key in ("exported_at", "bests"):
        data.pop(key)
        exported.pop(key)
    assert exported == data


def test_the_command_says_what_it_wrote(tmp_path, capsys):
    """It names the folder, the deck, the days and the seed, lists each student's file with
    days and answers, and says how to make the report."""
    folder = _class(tmp_path, "class")
    out = capsys.readouterr().out
    assert f"Wrote 4 progress exports to {folder} (The army purge, 8 days up to 2025-03-09, " in out
    assert "seed 3)" in out and "file" in out and "answers" in out
    for path in folder.iterdir():
        assert path.name in out
    assert f"purgequiz report {folder} --format html -o report.html" in out


def test_a_folder_that_holds_files_is_refused(tmp_path, capsys):
    """The class goes only into a new or empty folder, whose parent exists."""
    full = tmp_path / "full"
    full.mkdir()
    (full / "notes.txt").write_text("mine")
    assert main(["demo", *CLASS, "-o", str(full)]) == 1
    assert "is not empty" in capsys.readouterr().err
    assert sorted(p.name for p in full.iterdir()) == ["notes.txt"]
    assert main(["demo", *CLASS, "-o", str(tmp_path / "no" / "class")]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "no").exists()


def test_days_that_are_not_over_are_refused(tmp_path, capsys):
    """--until must be a day before today: the demo makes no answers in the future."""
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).date().isoformat()
    assert main(["demo", "--until", tomorrow, "-o", str(tmp_path / "c")]) == 2
    assert "is not before today" in capsys.readouterr().err
    assert not (tmp_path / "c").exists()


def test_a_new_profile_is_filled(capsys, monkeypatch):
    """--profile fills a new profile with the study of the days before today, which the app
    then shows: answers on most days, cards seen, and the days up to yesterday."""
    monkeypatch.setitem(sys.modules, "faker", None)  # a profile needs no Faker
    assert main(["demo", "--profile", "Demo", "--days", "10", "--seed", "2"]) == 0
    out = capsys.readouterr().out
    assert "Filled the profile 'Demo' with 10 days of study of The army purge (army-purge)" in out
    assert "open it with: purgequiz play --profile Demo" in out
    with open_profile("Demo", create=False) as profile:
        days = profile.study_days()
        today = datetime.now(UTC).astimezone(profile.settings.zone()).date()
        assert len(days) >= 7  # a keen student studies nine days in ten
        assert date.fromisoformat(days[-1]) < today
        assert len(profile.card_states()) > 20 and profile.sessions()


def test_a_profile_with_progress_is_left_alone_unless_merged(capsys):
    """A profile that has progress is refused, saying so and what to do, and is unchanged;
    with --merge the simulated answers are added to it."""
    assert main(["demo", "--profile", "Anna", "--days", "3"]) == 0
    with open_profile("Anna", create=False) as profile:
        before = len(list(profile.reviews()))
    capsys.readouterr()
    assert main(["demo", "--profile", "anna", "--days", "3", "--seed", "9"]) == 1
    err = capsys.readouterr().err
    assert "the profile 'Anna' already has progress" in err
    assert "nothing was changed" in err and "--merge" in err
    with open_profile("Anna", create=False) as profile:
        assert len(list(profile.reviews())) == before
    assert main(["demo", "--profile", "Anna", "--days", "3", "--seed", "9", "--merge"]) == 0
    with open_profile("Anna", create=False) as profile:
        assert len(list(profile.reviews())) > before


def test_merge_is_only_for_a_profile(tmp_path, capsys):
    """--merge with -o is a mistake in the options (exit 2)."""
    assert main(["demo", *CLASS, "--merge", "-o", str(tmp_path / "c")]) == 2
    assert "--merge is for filling a profile" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("option", "value"), [("--students", "0"), ("--days", "400"), ("--until", "soon")]
)
def test_numbers_and_days_out_of_range_are_usage_errors(tmp_path, capsys, option, value):
    """A count out of its range, or a day that is not a date, is refused by the parser."""
    with pytest.raises(SystemExit) as stopped:
        main(["demo", option, value, "-o", str(tmp_path / "c")])
    assert stopped.value.code == 2
    assert option in capsys.readouterr().err
