"""`purgequiz progress export | import`: a JSON round trip through the command line."""

import json
import random
import sys
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "learn"))

from deckkit import plain_deck  # noqa: E402

from purgequiz.commands import progress  # noqa: E402
from purgequiz.learn import StudySession  # noqa: E402
from purgequiz.store import open_profile  # noqa: E402
from tests.hostile import REVERSE, assert_shown_as_text  # noqa: E402

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
    assert progress.run(Args(progress_command="export", profile="nobody",
                             output=str(tmp_path / "x.json"))) == 1
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
    month = next((folder / "reviews").glob("*.jsonl"))
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
    month = next((folder / "reviews").glob("*.jsonl"))
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
