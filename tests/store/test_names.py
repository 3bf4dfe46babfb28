"""Profile names to folder names: safe on every system, reversible, and stable for old folders."""

from __future__ import annotations

import re

import pytest

from purgequiz import explain as words
from purgequiz import paths
from purgequiz.store.directory import list_profiles
from purgequiz.store.errors import ProfileNameError
from purgequiz.store.names import check_name, folder_name, name_from_folder
from purgequiz.store.profile import open_profile

# Windows' reserved device names, spelled out here rather than taken from the code under test.
RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{n}" for n in range(10)),
    *(f"lpt{n}" for n in range(10)),
}


@pytest.mark.parametrize("name", ["con", "nul", "prn", "aux", "com1", "lpt9", "com0"])
def test_a_reserved_device_name_never_becomes_the_folder(name: str) -> None:
    """A profile called "con" or "nul" gets a folder that is no device, and keeps its name."""
    folder = folder_name(name)
    assert folder.split(".")[0].lower() not in RESERVED
    assert name_from_folder(folder) == name


@pytest.mark.parametrize("name", ["CON", "Nul", "con.txt", "NUL.json", "com1.", "lpt1 ", "com¹"])
def test_reserved_stems_in_other_spellings_are_no_device_either(name: str) -> None:
    """Upper case, extensions and superscript ports never give a folder Windows reserves."""
    folder = folder_name(name)
    assert folder.split(".")[0].lower() not in RESERVED
    assert name_from_folder(folder) == check_name(name)


@pytest.mark.parametrize(
    ("name", "folder"),
    [
        ("anna", "anna"),
        ("Anna", "_41.nna"),
        ("con.txt", "con_2e.txt"),
        ("comm", "comm"),
        ("console", "console"),
        ("Анна", "_410._43d._43d._430."),
        ("a b", "a_20.b"),
    ],
)
def test_other_names_keep_the_folder_they_always_had(name: str, folder: str) -> None:
    """Existing profiles stay where they are: every other name maps as it always did."""
    assert folder_name(name) == folder


def test_a_profile_called_con_is_usable() -> None:
    """A profile named "con" opens, is saved in its own folder and is listed as "con"."""
    with open_profile("con") as profile:
        assert profile.path.name == "_63.on"
    assert [info.name for info in list_profiles()] == ["con"]


def test_a_profile_kept_in_the_old_folder_still_opens() -> None:
    """A "con" profile made before (in the folder "con") is opened there, not started anew."""
    with open_profile("con") as profile:
        profile.update_settings(daily_goal=77)
    (paths.profiles_dir() / "_63.on").rename(paths.profiles_dir() / "con")
    with open_profile("con") as profile:
        assert profile.path.name == "con" and profile.settings.daily_goal == 77
    assert not (paths.profiles_dir() / "_63.on").exists()


@pytest.mark.parametrize(
    "name",
    [
        "\u200b",
        "\u200b\u200c\u200d",
        "\u0301",
        "\u0301\u0308",
        "\ufeff",
        "\u2028",
        "\u2029",
        " \u3164 ",
        "\u00ad",
        "\u2800",
        "\u200e\u200f",
    ],
)
def test_a_name_that_shows_nothing_is_refused(name: str) -> None:
    """A name made only of invisible characters, spaces or lone combining marks is refused
    with a message saying so."""
    with pytest.raises(ProfileNameError) as raised:
        check_name(name)
    assert re.search("visible character|cannot be empty", words.explain(raised.value))
    with pytest.raises(ProfileNameError):
        open_profile(name)
    assert list_profiles() == []


@pytest.mark.parametrize("name", ["a\u0301", "Anna\u200dMaria", "\u200bAnna", "李"])
def test_names_with_something_visible_are_accepted(name: str) -> None:
    """Marks and invisible characters beside a visible one are part of an ordinary name."""
    assert check_name(name)


def test_an_undecodable_byte_is_refused_plainly() -> None:
    """A name holding an undecodable byte (a lone surrogate from the command line) is refused
    with a message, not a UnicodeEncodeError when it is written."""
    with pytest.raises(ProfileNameError) as raised:
        open_profile("Anna\udcff")
    assert re.search("valid text", words.explain(raised.value))
