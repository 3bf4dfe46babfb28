"""`purgequiz profiles list | rename | delete | restore`, and look-alike names in the other
commands that take a profile."""

from __future__ import annotations

import io
import json

import pytest

from purgequiz import cli, paths
from purgequiz.store.directory import list_profiles
from purgequiz.store.last import last_profile, remember
from purgequiz.store.manage import deleted_profiles
from purgequiz.store.profile import open_profile
from tests.hostile import REVERSE, assert_shown_as_text

SAME = "names that differ only in capitals, spacing or the form of letters are one profile"


class Keyboard(io.StringIO):
    """Standard input from a terminal, holding what the user types."""

    def isatty(self) -> bool:
        return True


def names() -> list[str]:
    return [info.name for info in list_profiles()]


def test_list_shows_profiles_and_deleted_ones(capsys) -> None:
    """`profiles list` prints each profile, then the deleted ones with how long each is kept."""
    assert cli.main(["profiles", "list"]) == 0
    assert capsys.readouterr().out == "there are no profiles yet\n"
    for name in ("Boris", "Anna", "Vera"):
        open_profile(name).close()
    assert cli.main(["profiles", "delete", "Vera", "--yes"]) == 0
    capsys.readouterr()
    assert cli.main(["profiles", "list"]) == 0
    assert capsys.readouterr().out == (
        "Anna\nBoris\n"
        "deleted (bring one back with 'purgequiz profiles restore NAME'):\n"
        "  Vera  kept 30 more days\n"
    )
    assert cli.main(["profiles", "list", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [p["name"] for p in data["profiles"]] == ["Anna", "Boris"]
    assert [d["name"] for d in data["deleted"]] == ["Vera"]


def test_list_shows_control_characters_as_text(capsys) -> None:
    """A name holding a bidi override is listed with it shown as an escape."""
    open_profile(f"Anna{REVERSE}").close()
    assert cli.main(["profiles", "list"]) == 0
    assert_shown_as_text(capsys.readouterr().out, "\\u202e")


def test_rename_keeps_everything_and_the_last_profile(capsys) -> None:
    """`profiles rename OLD NEW` keeps settings, and the last profile used follows the name."""
    with open_profile("Anna") as anna:
        anna.update_settings(daily_goal=55)
    remember("Anna")
    assert cli.main(["profiles", "rename", "Anna", "Anna Ünal"]) == 0
    assert capsys.readouterr().out == (
        "renamed the profile 'Anna' to 'Anna Ünal'; its progress and settings are kept\n"
    )
    assert names() == ["Anna Ünal"] and last_profile() == "Anna Ünal"
    with open_profile("Anna Ünal", create=False) as renamed:
        assert renamed.settings.daily_goal == 55


def test_rename_onto_a_look_alike_is_refused(capsys) -> None:
    """A new name that differs from another profile's only in capitals is refused, saying
    why, and nothing changes."""
    open_profile("Anna").close()
    open_profile("Boris").close()
    assert cli.main(["profiles", "rename", "Boris", "ANNA"]) == 1
    err = capsys.readouterr().err
    assert err == f"purgequiz: there is already a profile 'Anna' ({SAME}); nothing was changed\n"
    assert names() == ["Anna", "Boris"]


@pytest.mark.parametrize("new", ["", "  ", "\u200b"])
def test_rename_to_an_unusable_name_is_a_usage_error(new: str, capsys) -> None:
    """The new name gets the checks a new profile's name gets, as a usage error."""
    open_profile("Anna").close()
    with pytest.raises(SystemExit) as stopped:
        cli.main(["profiles", "rename", "Anna", new])
    assert stopped.value.code == 2
    assert "argument NEW:" in capsys.readouterr().err
    assert names() == ["Anna"]


def test_rename_and_delete_refuse_a_profile_in_use(capsys) -> None:
    """While the profile is open in another purgequiz, rename and delete say so and change
    nothing."""
    open_profile("Anna Ünal").close()
    with open_profile("Anna Ünal"):
        assert cli.main(["profiles", "rename", "Anna Ünal", "Anna"]) == 1
        assert cli.main(["profiles", "delete", "Anna Ünal", "--yes"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2
    for line in err:
        assert line.startswith(
            "purgequiz: the profile 'Anna Ünal' is open in another purgequiz (process "
        )
        assert "_41" not in line
    assert names() == ["Anna Ünal"] and deleted_profiles() == []


def test_delete_needs_confirming_without_a_terminal(capsys, monkeypatch) -> None:
    """Without --yes and without a terminal to ask on, nothing is deleted (exit 2)."""
    open_profile("Anna").close()
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))
    assert cli.main(["profiles", "delete", "Anna"]) == 2
    assert "add --yes" in capsys.readouterr().err
    assert names() == ["Anna"]


@pytest.mark.parametrize(
    ("typed", "deleted"),
    [("y\n", True), ("yes\n", True), ("n\n", False), ("\n", False), ("", False)],
)
def test_delete_asks_on_a_terminal(typed: str, deleted: bool, capsys, monkeypatch) -> None:
    """On a terminal, delete asks first, saying how to restore; only yes deletes."""
    open_profile("Anna").close()
    monkeypatch.setattr("sys.stdin", Keyboard(typed))
    assert cli.main(["profiles", "delete", "anna"]) == (0 if deleted else 1)
    out = capsys.readouterr().out
    assert out.startswith(
        "Delete the profile 'Anna'? It is kept for 30 days and can be "
        "brought back with 'purgequiz profiles restore Anna'. [y/N] "
    )
    assert names() == ([] if deleted else ["Anna"])


def test_delete_then_restore(capsys) -> None:
    """Delete says where the profile is kept and the command that restores it; that command
    brings it back."""
    with open_profile("Anna Ünal") as anna:
        anna.update_settings(daily_goal=55)
    assert cli.main(["profiles", "delete", "Anna Ünal", "--yes"]) == 0
    out = capsys.readouterr().out.splitlines()
    (kept,) = deleted_profiles()
    assert out == [
        f"deleted the profile 'Anna Ünal'; it is kept for 30 days in {kept.path}",
        "to bring it back: purgequiz profiles restore 'Anna Ünal'",
    ]
    assert kept.path.parent == paths.data_dir() / "deleted-profiles"
    assert names() == []
    assert cli.main(["profiles", "restore", "Anna Ünal"]) == 0
    assert capsys.readouterr().out == (
        "restored the profile 'Anna Ünal' with its progress and settings\n"
    )
    with open_profile("Anna Ünal", create=False) as anna:
        assert anna.settings.daily_goal == 55


def test_restore_onto_a_taken_name_says_what_to_do(capsys) -> None:
    """A restore whose name is taken again is refused with the two ways out; --as works."""
    open_profile("Anna").close()
    assert cli.main(["profiles", "delete", "Anna", "--yes"]) == 0
    open_profile("Anna").close()
    capsys.readouterr()
    assert cli.main(["profiles", "restore", "Anna"]) == 1
    err = capsys.readouterr().err
    assert "there is already a profile 'Anna'" in err and "--as NEW_NAME" in err
    assert cli.main(["profiles", "restore", "Anna", "--as", "Anna (old)"]) == 0
    assert names() == ["Anna", "Anna (old)"]


def test_unknown_profiles_are_named_with_those_there_are(capsys) -> None:
    """Renaming, deleting or restoring a name that is not there says so and lists the rest."""
    open_profile("Anna").close()
    assert cli.main(["profiles", "rename", "Vera", "Vera K."]) == 1
    assert cli.main(["profiles", "delete", "Vera", "--yes"]) == 1
    assert cli.main(["profiles", "restore", "Vera"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("purgequiz: there is no profile 'Vera'")
    assert err[0].endswith("the profiles are: 'Anna'")
    assert err[1] == err[0]
    assert err[2] == (
        "purgequiz: there is no deleted profile 'Vera' to restore (no profile "
        "is deleted); nothing was restored"
    )


@pytest.mark.parametrize("command", [["progress", "export", "-o", "-"], ["progress", "check"]])
def test_a_look_alike_profile_name_finds_the_profile_and_says_so(command, capsys) -> None:
    """`--profile anna` uses the existing "Anna", says so, and makes no second profile."""
    open_profile("Anna").close()
    assert cli.main([*command, "--profile", "anna"]) == 0
    captured = capsys.readouterr()
    assert f"purgequiz: 'anna' is the profile 'Anna' ({SAME})" in captured.err
    assert names() == ["Anna"]


def test_an_import_into_a_look_alike_name_goes_into_the_profile(tmp_path, capsys) -> None:
    """`progress import F --profile anna` brings the progress into "Anna", not a new profile."""
    open_profile("Boris").close()
    export = tmp_path / "boris.json"
    assert cli.main(["progress", "export", "--profile", "Boris", "-o", str(export)]) == 0
    open_profile("Anna").close()
    assert cli.main(["progress", "import", str(export), "--profile", "anna"]) == 0
    assert "imported into 'Anna'" in capsys.readouterr().out
    assert names() == ["Anna", "Boris"]
