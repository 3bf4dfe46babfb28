"""`purgequiz progress`: files it may not read or write give a message naming them, exit 1."""

from __future__ import annotations

from pathlib import Path

from purgequiz import cli, paths
from purgequiz.store.profile import open_profile
from tests.hostile import refuse


def test_import_when_profiles_cannot_be_listed(tmp_path, monkeypatch, capsys) -> None:
    """An import into a profiles folder that cannot be read says so, naming the folder."""
    with open_profile("Anna"):
        pass
    export = tmp_path / "anna.json"
    assert cli.main(["progress", "export", "--profile", "Anna", "-o", str(export)]) == 0

    def iterdir(self: Path):
        raise refuse(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    assert cli.main(["progress", "import", str(export), "--profile", "Boris"]) == 1
    err = capsys.readouterr().err
    assert f"cannot use {paths.profiles_dir()} (permission denied)" in err


def test_export_when_a_review_file_cannot_be_read(monkeypatch, capsys) -> None:
    """An export that meets an unreadable review file names it instead of a traceback."""
    with open_profile("Anna"):
        pass
    unreadable = paths.profiles_dir() / "_41.nna" / "reviews" / "2025-03.z"

    def export_profile(profile):
        raise refuse(unreadable)

    monkeypatch.setattr("purgequiz.store.transfer.export_profile", export_profile)
    assert cli.main(["progress", "export", "--profile", "Anna", "-o", "-"]) == 1
    err = capsys.readouterr().err
    assert f"cannot use {unreadable} (permission denied); check the permissions" in err


def test_check_of_a_profile_open_elsewhere_suggests_no_repair(capsys):
    """A profile open in the app cannot be checked; that is said, without advice to repair
    (nothing is known to be damaged, and a repair would be refused too)."""
    from purgequiz.store.profile import open_profile

    with open_profile("Anna"):
        assert cli.main(["progress", "check", "--profile", "Anna"]) == 1
    out = capsys.readouterr().out
    assert "Anna: cannot be checked" in out and "open in another purgequiz" in out
    assert "--repair" not in out
