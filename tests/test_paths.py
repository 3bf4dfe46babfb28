"""Every file purgequiz writes for a user has its place in paths.py, inside the data folder."""

from __future__ import annotations

from pathlib import Path

from purgequiz import paths
from purgequiz.decks.catalog import load_catalog
from purgequiz.store.last import last_profile, remember


def test_every_user_location_is_inside_the_data_folder(_isolated_home: Path) -> None:
    """The profiles, deleted profiles, decks, cache, deck index and last-profile file all sit
    under PURGEQUIZ_HOME."""
    home = _isolated_home.resolve()
    for where in (
        paths.profiles_dir(),
        paths.deleted_profiles_dir(),
        paths.user_decks_dir(),
        paths.cache_dir(),
        paths.deck_index_file(),
        paths.last_profile_file(),
    ):
        assert where.resolve().is_relative_to(home), where


def test_the_deck_index_and_the_last_profile_are_written_where_paths_says() -> None:
    """Listing the decks writes the index at deck_index_file(); remembering a profile writes
    last_profile_file()."""
    load_catalog()
    assert paths.deck_index_file().is_file()
    remember("Anna")
    assert paths.last_profile_file().read_text(encoding="utf-8") == "Anna\n"
    assert last_profile() == "Anna"


def test_remembering_the_profile_already_remembered_writes_nothing() -> None:
    """Opening the same profile as last time leaves the last-profile file as it was (no
    write, no wait for the disk at every start); another name replaces it."""
    remember("Anna")
    before = paths.last_profile_file().stat()
    remember("Anna")
    after = paths.last_profile_file().stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    remember("Boris")
    assert last_profile() == "Boris"
    assert paths.last_profile_file().stat().st_ino != before.st_ino
