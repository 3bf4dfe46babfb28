"""The profile chooser: a look-alike name opens the existing profile, and profiles can be
renamed (r) and deleted (d) there, with a confirmation that says how to restore."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from purgequiz import paths
from purgequiz.store.directory import list_profiles
from purgequiz.store.manage import deleted_profiles
from purgequiz.store.profile import open_profile
from purgequiz.tui import profiles
from purgequiz.tui.screens.dialogs import ConfirmDialog, NameDialog
from purgequiz.tui.screens.home import HomeScreen
from purgequiz.tui.screens.profile import ProfileScreen
from tests.tui.conftest import make_app, press, screen_text, settle


def names() -> list[str]:
    return [info.name for info in list_profiles()]


def shown(app) -> str:
    return " ".join(screen_text(app).split())


def notices(app) -> str:
    return " ".join(f"{n.title}: {n.message}" for n in app._notifications)


async def choose(pilot, name: str) -> None:
    """Highlight ``name`` in the list of known profiles."""
    screen = pilot.app.screen
    known = screen.query_one("#known", OptionList)
    known.highlighted = screen.names.index(name)
    known.focus()
    await settle(pilot)


async def type_name(pilot, name: str) -> None:
    field = pilot.app.screen.query_one("#name", Input)
    field.value = ""
    field.focus()
    await press(pilot, *name)
    await press(pilot, "enter")


async def test_a_look_alike_name_opens_the_existing_profile(clock) -> None:
    """Typing "anna" when "Anna" exists opens Anna, with her settings, and a notice says so;
    no second profile is made."""
    with open_profile("Anna") as anna:
        anna.update_settings(daily_goal=42)
    app = make_app(clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_name(pilot, "anna")
        assert isinstance(app.screen, HomeScreen)
        assert app.profile.display_name == "Anna" and app.profile.settings.daily_goal == 42
        assert "Opened Anna: anna is the profile Anna" in notices(app)
    assert names() == ["Anna"]
    assert profiles.last_profile() == "Anna"


async def test_a_profile_is_renamed_from_the_chooser(clock) -> None:
    """r on the highlighted profile asks for a new name; the profile keeps its settings under
    it, the list shows it highlighted, and the last profile used follows."""
    with open_profile("Anna") as anna:
        anna.update_settings(daily_goal=42)
    open_profile("Boris").close()
    profiles.remember("Anna")
    app = make_app(clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await choose(pilot, "Anna")
        await press(pilot, "r")
        assert isinstance(app.screen, NameDialog)
        app.screen.query_one(Input).value = ""
        await press(pilot, *"Anya")
        await press(pilot, "enter")
        assert isinstance(app.screen, ProfileScreen)
        assert app.screen.names == ["Anya", "Boris"]
        assert app.screen.query_one("#known", OptionList).highlighted == 0
        assert "Anna is now called Anya" in notices(app)
    assert names() == ["Anya", "Boris"] and profiles.last_profile() == "Anya"
    with open_profile("Anya", create=False) as anya:
        assert anya.settings.daily_goal == 42


async def test_a_rename_onto_another_profile_says_why(clock) -> None:
    """A new name that differs from another profile's only in capitals is refused on screen,
    and nothing changes."""
    for name in ("Anna", "Boris"):
        open_profile(name).close()
    app = make_app(clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await choose(pilot, "Anna")
        await press(pilot, "r")
        app.screen.query_one(Input).value = "boris"
        await press(pilot, "enter")
        assert isinstance(app.screen, ProfileScreen)
        assert "there is already a profile 'Boris'" in shown(app)
    assert names() == ["Anna", "Boris"]


async def test_delete_asks_says_how_to_restore_and_can_be_cancelled(clock) -> None:
    """d asks first, naming the profile, where it is kept, for how long and the command that
    restores it; Esc or Cancel keeps it, Delete deletes it."""
    for name in ("Anna Ünal", "Boris"):
        open_profile(name).close()
    app = make_app(clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await choose(pilot, "Anna Ünal")
        await press(pilot, "d")
        assert isinstance(app.screen, ConfirmDialog)
        text = " ".join(str(line.render()) for line in app.screen.query(".dialog-line"))
        assert "Delete the profile Anna Ünal?" in shown(app)
        assert f"move to {paths.deleted_profiles_dir()} and are kept there for 30 days" in text
        assert "run: purgequiz profiles restore 'Anna Ünal'" in text
        await press(pilot, "escape")
        await press(pilot, "d", "enter")  # Cancel has the focus
        assert isinstance(app.screen, ProfileScreen) and names() == ["Anna Ünal", "Boris"]
        await press(pilot, "d")
        await pilot.click("#confirm")
        await settle(pilot)
        assert isinstance(app.screen, ProfileScreen)
        assert app.screen.names == ["Boris"]
        assert "run: purgequiz profiles restore 'Anna Ünal'" in notices(app)
    assert names() == ["Boris"]
    assert [d.name for d in deleted_profiles()] == ["Anna Ünal"]


async def test_deleting_the_last_profile_asks_for_a_new_name(clock) -> None:
    """Once no profile is left, the chooser asks for a name as on the first run, and r and d
    are no longer offered."""
    open_profile("Anna").close()
    app = make_app(clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "d")
        await pilot.click("#confirm")
        await settle(pilot)
        text = shown(app)
        assert "What name should your progress be kept under?" in text
        assert "rename" not in text and "delete" not in text
        assert app.screen.focused is app.screen.query_one("#name")


async def test_the_keys_are_shown_and_letters_typed_go_into_the_name(clock) -> None:
    """The key bar offers r rename and d delete; typed into the name field, r and d are
    letters of the name."""
    open_profile("Anna").close()
    app = make_app(clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = shown(app)
        assert "r rename" in text and "d delete" in text
        field = app.screen.query_one("#name", Input)
        field.value = ""
        field.focus()
        await press(pilot, *"dr")
        await settle(pilot)
        assert isinstance(app.screen, ProfileScreen) and field.value == "dr"


async def test_a_profile_open_elsewhere_is_not_deleted(clock) -> None:
    """Deleting a profile another purgequiz has open is refused with the store's message, by
    the profile's name."""
    open_profile("Anna Ünal").close()
    with open_profile("Anna Ünal"):
        app = make_app(clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await press(pilot, "d")
            await pilot.click("#confirm")
            await settle(pilot)
            text = shown(app)
            assert "the profile 'Anna Ünal' is open in another purgequiz" in text
            assert "_41" not in text
    assert names() == ["Anna Ünal"] and deleted_profiles() == []


async def test_the_in_use_message_names_the_profile(clock) -> None:
    """`play --profile` on a profile open elsewhere names it as it is written, not by its
    folder's encoded name."""
    with open_profile("Anna Ünal"):
        app = make_app(clock, profile="Anna Ünal")
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            text = shown(app)
            assert "the profile 'Anna Ünal' is open in another purgequiz" in text
            assert "_41" not in text and "profile.lock" not in text


async def test_play_with_a_look_alike_name_opens_the_existing_profile(clock) -> None:
    """`play --profile " anna "` opens Anna's home screen, says so, and makes no second
    profile; Anna is remembered as the last profile."""
    from purgequiz.explain import SAME

    open_profile("Anna").close()
    app = make_app(clock, profile=" anna ")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen) and app.profile.display_name == "Anna"
        said = " ".join(" ".join(str(n.message) for n in app._notifications).split())
        assert f"anna is the profile Anna: {SAME}." in said
    assert [info.name for info in list_profiles()] == ["Anna"]
    assert profiles.last_profile() == "Anna"
