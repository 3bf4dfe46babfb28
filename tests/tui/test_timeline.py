"""The timeline screen: opened with l, moved along, filtered; a fact shown whole and its
cards studied; the successions and the conflicting accounts; Esc back."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Select, TabbedContent

from purgequiz import paths
from purgequiz.decks.catalog import cards_by_id, load_catalog
from purgequiz.facts import FactBase, load
from purgequiz.facts.timeline import Filter, entries
from purgequiz.tui.screens.fact import FactScreen
from purgequiz.tui.screens.home import HomeScreen
from purgequiz.tui.screens.study import StudyScreen
from purgequiz.tui.screens.timeline import TimelineScreen
from purgequiz.tui.widgets.factlist import FactList
from tests.facts.minibase import HEAD, fact, people
from tests.tui.conftest import make_app, press, screen_text, settle

SHIPPED_DECKS = paths.bundled_seeds_dir().parent / "decks"  # beside the bundled fact base


@pytest.fixture(scope="module")
def bundled() -> FactBase:
    result = load(paths.bundled_seeds_dir())
    assert result.base is not None and not result.problems
    return result.base


def _text(app) -> str:
    """The screen's text without its spacing (gaps between widgets are not characters)."""
    return "".join(screen_text(app).split())


def shows(app, *texts: str) -> bool:
    """Whether the screen shows each of ``texts`` (spacing aside)."""
    shown = _text(app)
    return all("".join(text.split()) in shown for text in texts)


async def _open(pilot) -> TimelineScreen:
    await settle(pilot)
    await press(pilot, "l")
    screen = pilot.app.screen
    assert isinstance(screen, TimelineScreen) and screen.data is not None
    return screen


def _list(screen: TimelineScreen, view: str = "axis") -> FactList:
    return screen.query_one(f"#{view}-list", FactList)


async def _highlight(pilot, listed: FactList, fact_id: str) -> None:
    """Move the highlight to ``fact_id`` as a student would: ] to the heading (year, post or
    dispute) the fact is listed under, then the down key (a key and a redraw each, so ] spares
    the tests some 300 presses of ↓)."""
    here = listed.highlighted or 0
    target = next(
        (i for i, line in enumerate(listed.lines) if i >= here and line.fact_id == fact_id), -1
    )
    head = max((i for i, line in enumerate(listed.lines[: target + 1]) if line.major), default=-1)
    for _ in range(len(listed.lines)):  # ] lands on a fact at or before the target
        if (listed.highlighted or 0) >= head:
            break
        await press(pilot, "]")
    for _ in range(len(listed.lines)):
        if listed.fact_id == fact_id:
            return
        await press(pilot, "down")
    raise AssertionError(f"{fact_id} is not listed")


async def test_l_opens_the_axis_with_every_dated_fact_in_order(clock, bundled: FactBase) -> None:
    """l on the home screen opens the timeline; its axis lists every dated fact of the
    bundled base in the order of the axis, and shows the first under the list."""
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(pilot)
        listed = _list(screen)
        assert listed.fact_ids == [entry.fact.id for entry in entries(bundled)]
        first = bundled.facts[listed.fact_ids[0]]
        assert listed.fact_id == first.id and listed.has_focus
        assert shows(app, first.statement[:40])


async def test_moving_along_the_axis_by_fact_and_by_year(clock, bundled: FactBase) -> None:
    """↓ moves to the next fact; ] to the first fact of the next year with facts, [ back to
    the year before."""
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(pilot)
        listed = _list(screen)
        order = listed.fact_ids
        years = {e.fact.id: e.year for e in entries(bundled)}
        await press(pilot, "down")
        assert listed.fact_id == order[1]
        start = years[listed.fact_id]
        await press(pilot, "]")
        after = years[listed.fact_id]
        assert after > start
        assert listed.fact_id == next(i for i in order if years[i] == after)
        await press(pilot, "]", "]")
        await press(pilot, "[")
        back = years[listed.fact_id]
        assert listed.fact_id == next(i for i in order if years[i] == back)
        assert after < back
        shown = bundled.facts[listed.fact_id].statement[:40]
        assert shows(app, shown)  # the list scrolled to it, and the preview shows it


async def test_filters_keep_one_topic_and_x_clears_them(clock, bundled: FactBase) -> None:
    """f, then Enter and ↓ Enter in the topic filter, keeps the facts of the first topic;
    the kind filter narrows further; x shows every dated fact again."""
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(pilot)
        listed = _list(screen)
        everything = listed.fact_ids
        await press(pilot, "f", "enter", "down", "enter")
        first_topic = next(iter(bundled.topics))
        assert screen.keep == Filter(topic=first_topic)
        assert listed.fact_ids == [e.fact.id for e in entries(bundled, screen.keep)]
        assert 0 < len(listed.fact_ids) < len(everything)
        assert listed.has_focus  # back on the list after choosing
        screen.query_one("#kind", Select).value = "replacement"
        await settle(pilot)
        narrowed = [e.fact.id for e in entries(bundled, Filter(first_topic, "replacement"))]
        assert listed.fact_ids == narrowed
        assert shows(app, "nothing with these filters")
        await press(pilot, "x")
        assert screen.keep == Filter() and listed.fact_ids == everything


async def test_enter_shows_the_fact_as_the_base_words_it(clock, bundled: FactBase) -> None:
    """Enter on a fact shows its statement, its date as the source gives it, the people,
    whose account it is and the citation with its paragraph; Esc comes back to it."""
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 40)) as pilot:
        screen = await _open(pilot)
        listed = _list(screen)
        await _highlight(pilot, listed, "ch7-beria-starts-moscow")
        await press(pilot, "enter")
        assert isinstance(app.screen, FactScreen)
        fact = bundled.facts["ch7-beria-starts-moscow"]
        assert shows(app, fact.statement)
        assert shows(app, "When mid-September 1938")
        assert shows(app, "People Lavrentiy P. Beria")
        assert shows(app, "Who says so A plain record")
        assert shows(app, "para. 47 (later scholarship)")
        await press(pilot, "escape")
        assert app.screen is screen and listed.fact_id == fact.id


async def test_a_report_date_is_shown_as_a_report(clock) -> None:
    """A fact known only by the date a paper reported it says so on its page."""
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 40)) as pilot:
        screen = await _open(pilot)
        await _highlight(pilot, _list(screen), "w40-pravda-explains-generals")
        await press(pilot, "enter")
        assert shows(app, "When not given: only the date it was reported is known")
        assert shows(app, "Reported 5 June 1940")
        assert shows(app, "Who says so A report by Wright, relaying Pravda")


async def test_study_this_starts_a_session_of_exactly_the_facts_cards(
    clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """s on a fact's page dismisses the timeline with a deck of the cards made from that
    fact, and a session of exactly those cards starts; s on the list does the same."""
    monkeypatch.setattr(paths, "bundled_decks_dir", lambda: SHIPPED_DECKS)
    fact_id = "w40-timoshenko-replaces-voroshilov"
    wanted = sorted(c.id for c in cards_by_id(load_catalog()).values() if fact_id in c.fact_ids)
    assert len(wanted) > 1
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 40)) as pilot:
        screen = await _open(pilot)
        await _highlight(pilot, _list(screen), fact_id)
        await press(pilot, "enter")
        assert shows(app, f"{len(wanted)} cards are made from this fact")
        await press(pilot, "s")
        assert isinstance(app.screen, StudyScreen)
        assert sorted(card.id for card in app.screen.deck.cards) == wanted
        assert app.screen.presented.card.id in wanted
        await press(pilot, "escape")  # nothing answered: straight home
        assert isinstance(app.screen, HomeScreen)
        screen = await _open(pilot)
        await _highlight(pilot, _list(screen), fact_id)
        await press(pilot, "s")
        assert isinstance(app.screen, StudyScreen)
        assert sorted(card.id for card in app.screen.deck.cards) == wanted


async def test_a_fact_with_no_cards_says_so(clock) -> None:
    """With no deck holding a card on the fact, its page says there is nothing to study and
    s says so without leaving."""
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 40), notifications=True) as pilot:
        await _open(pilot)
        await press(pilot, "enter")
        assert shows(app, "No card is made from this fact")
        await press(pilot, "s")
        assert isinstance(app.screen, FactScreen)
        said = [str(n.message) for n in app._notifications]
        assert said == ["No card is made from this fact, so there is nothing to study from it."]


async def test_the_successions_and_accounts_views(clock, bundled: FactBase) -> None:
    """2 shows who held each post in turn, 3 the accounts that differ and whose each claim
    is; Enter on a line shows its fact; 1 comes back to the axis."""
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(pilot)
        views = screen.query_one("#views", TabbedContent)
        await press(pilot, "2")
        assert views.active == "successions" and _list(screen, "successions").has_focus
        assert shows(
            app,
            "Head of the NKVD (NKVD) 1. Yagoda date not given replaced by Yezhov 2. Yezhov "
            "date not given replaced Yagoda 3. Beria 1938 replaced Yezhov",
        )
        await _highlight(pilot, _list(screen, "successions"), "w40-timoshenko-replaces-voroshilov")
        assert shows(app, "1. Voroshilov date not given held the post 2. Timoshenko May 1940")
        await press(pilot, "enter")
        assert isinstance(app.screen, FactScreen)
        assert app.screen.fact.id == "w40-timoshenko-replaces-voroshilov"
        await press(pilot, "escape", "3")
        assert views.active == "accounts"
        assert shows(
            app,
            "Where the accounts differ",
            "How Gamarnik died",
            "Wright, writing in 1940, described Gamarnik as executed.",
            "A later study of the Soviet elites: Judging by",
        )
        assert not shows(app, "Wright: Wright")  # a statement naming its author is not labelled
        await press(pilot, "down")
        assert _list(screen, "accounts").fact_id == "w40-gamarnik-called-executed"
        await press(pilot, "]")
        assert _list(screen, "accounts").fact_id == "ch7-prewar-economy-debate"
        await press(pilot, "1")
        assert views.active == "axis" and _list(screen).has_focus


async def test_esc_goes_back_home(clock) -> None:
    """Esc on the timeline is back to the decks."""
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot)
        await press(pilot, "escape")
        assert isinstance(app.screen, HomeScreen)


def _fact_folder(tmp_path: Path, *facts: str) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "facts.toml").write_text(HEAD + people() + "".join(facts), encoding="utf-8")
    return folder


async def test_fact_text_is_shown_as_written(
    clock, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A statement and a note that would be markup are shown as typed, on the axis, under
    it and on the fact's page."""
    nasty = "[@click=app.quit]x[/] and [bold]y"
    folder = _fact_folder(
        tmp_path, fact("nasty", "event", "1938", what="x", statement=nasty, note="[/] note")
    )
    monkeypatch.setattr(paths, "bundled_seeds_dir", lambda: folder)
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot)
        assert shows(app, nasty)
        await press(pilot, "enter")
        assert shows(app, nasty, "[/] note")


async def test_an_unreadable_fact_base_is_explained(
    clock, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Without its fact base the timeline says so, naming the folder and what to do."""
    empty = tmp_path / "seeds"
    empty.mkdir()
    monkeypatch.setattr(paths, "bundled_seeds_dir", lambda: empty)
    app = make_app(clock, profile="Anna")
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "l")
        assert isinstance(app.screen, TimelineScreen) and app.screen.data is None
        assert shows(app, "The fact base that comes with purgequiz could not be read")
        assert shows(app, f"{empty}: holds no .toml fact files")
        assert shows(app, "Reinstalling purgequiz puts it back.")
        await press(pilot, "enter", "s", "]")  # nothing to act on: nothing happens
        assert isinstance(app.screen, TimelineScreen)
        await press(pilot, "escape")
        assert isinstance(app.screen, HomeScreen)
