"""`--profile NAME` is checked where it is given: an empty or blank name is a usage error."""

from __future__ import annotations

import json

import pytest

from purgequiz import cli
from purgequiz.store.directory import list_profiles
from purgequiz.store.profile import open_profile

BLANK = ["", "   ", "\u200b", "\t"]


def usage_error(argv: list[str], capsys) -> str:
    with pytest.raises(SystemExit) as stopped:
        cli.main(argv)
    assert stopped.value.code == 2
    return capsys.readouterr().err


@pytest.mark.parametrize("name", BLANK)
def test_import_refuses_a_blank_profile(name: str, tmp_path, capsys) -> None:
    """`progress import F --profile ""` is refused; it does not fall back to the file's name."""
    with open_profile("Anna"):
        pass
    export = tmp_path / "anna.json"
    assert cli.main(["progress", "export", "--profile", "Anna", "-o", str(export)]) == 0
    with open_profile("Anna") as anna:
        anna.update_settings(daily_goal=55)
    data = json.loads(export.read_text(encoding="utf-8"))
    assert data["profile"] == "Anna"
    err = usage_error(["progress", "import", str(export), "--profile", name], capsys)
    assert "argument --profile:" in err and "Traceback" not in err
    assert [info.name for info in list_profiles()] == ["Anna"]
    with open_profile("Anna") as anna:
        assert anna.settings.daily_goal == 55


@pytest.mark.parametrize("name", BLANK)
@pytest.mark.parametrize("command", [["progress", "export", "-o", "-"], ["play"]])
def test_every_command_refuses_a_blank_profile(command: list[str], name: str, capsys) -> None:
    """Every command taking --profile refuses an empty or invisible name with the reason."""
    err = usage_error([*command, "--profile", name], capsys)
    assert "argument --profile:" in err
    assert "cannot be empty" in err or "visible character" in err
    assert list_profiles() == []
