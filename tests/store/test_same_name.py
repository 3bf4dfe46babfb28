"""Names that differ only in capitals, spacing or the form of letters stand for one profile."""

from __future__ import annotations

import pytest

from purgequiz import explain as words
from purgequiz import paths
from purgequiz.store.directory import find_profile, list_profiles
from purgequiz.store.errors import ProfileNameError
from purgequiz.store.names import folder_name, name_key
from purgequiz.store.profile import open_profile

ALIKE = ["anna", "ANNA", " Anna ", "Anna\u200b", "\uff21\uff4e\uff4e\uff41"]  # last: full width


@pytest.mark.parametrize("typed", ALIKE)
def test_a_look_alike_name_opens_the_existing_profile(typed: str) -> None:
    """Opening "anna" (or " ANNA ", a full-width "Ａｎｎａ" …) when "Anna" exists opens Anna,
    with her progress, and makes no second profile."""
    with open_profile("Anna") as anna:
        anna.update_settings(daily_goal=42)
    with open_profile(typed) as profile:
        assert profile.display_name == "Anna"
        assert profile.settings.daily_goal == 42
    assert [info.name for info in list_profiles()] == ["Anna"]
    assert [p.name for p in paths.profiles_dir().iterdir()] == [folder_name("Anna")]


def test_a_look_alike_is_found_without_being_created() -> None:
    """find_profile gives the existing profile for a look-alike, and None for a new name."""
    open_profile("Émile Zola").close()
    found = find_profile("émile  zola")
    assert found is not None and found.name == "Émile Zola"
    assert find_profile("Emile Zola") is None  # an accent is a different letter
    assert [info.name for info in list_profiles()] == ["Émile Zola"]


def test_look_alikes_made_earlier_each_keep_their_own_profile() -> None:
    """Two look-alike profiles made before (each in its own folder) still open by their exact
    names; a third spelling is refused, naming both, rather than guessing or making one."""
    for name in ("Anna", "ANNA"):
        (paths.profiles_dir() / folder_name(name)).mkdir(parents=True)
    with open_profile("Anna") as a, open_profile("ANNA") as b:
        assert (a.display_name, b.display_name) == ("Anna", "ANNA") and a.path != b.path
    with pytest.raises(ProfileNameError) as refused:
        open_profile("anna")
    assert "'Anna'" in words.explain(refused.value) and "'ANNA'" in words.explain(refused.value)
    assert len(list_profiles()) == 2


def test_the_key_ignores_only_what_does_not_tell_names_apart() -> None:
    """Case, spacing, invisible format characters and compatibility forms do not count;
    letters, accents and alphabets do."""
    assert len({name_key(n) for n in ["Anna Li", "anna  li", "ANNA\u00a0LI", "An\u200dna Li"]}) == 1
    assert name_key("Straße") == name_key("STRASSE")
    assert len({name_key(n) for n in ["Anna", "Ana", "Änna", "Анна"]}) == 4
