"""Per-profile settings, validated: problems are listed in plain words and nothing is saved.

Everything here, the theme and the typed-answer switch included, is the profile's
``learn.Settings``, saved by the store with the rest of its progress.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from purgequiz.tui.background import friendly, in_background
from purgequiz.tui.text import plain
from purgequiz.tui.themes import THEMES, theme_for, theme_problems
from purgequiz.tui.widgets.keys import KeyBar

if TYPE_CHECKING:
    from purgequiz.store.profile import Profile

__all__ = ["SettingsScreen", "parse_form"]


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: type  # int, float or tuple (of minutes)
    hint: str


FIELDS = (
    Field(
        "desired_retention", "Desired retention", float, "0.70 to 0.99; higher means more reviews"
    ),
    Field("new_per_day", "New cards per day", int, "0 to 9999"),
    Field("reviews_per_day", "Reviews per day", int, "0 to 99999"),
    Field("learning_steps", "Learning steps", tuple, "minutes, e.g. 1 10"),
    Field("day_starts_at", "Study day starts at", int, "hour, 0 to 23"),
    Field("daily_goal", "Daily goal", int, "reviews a day"),
)


def _shown(value: object) -> str:
    if isinstance(value, tuple):
        return " ".join(map(str, value))
    return str(value)


def parse_form(values: dict[str, str]) -> tuple[dict[str, object], list[str]]:
    """The typed-in values as settings, and a plain message for each one that is not a number."""
    changes: dict[str, object] = {}
    problems: list[str] = []
    for field in FIELDS:
        raw = values.get(field.name, "").strip()
        name = field.label.lower()
        try:
            if field.kind is tuple:
                steps = raw.replace(",", " ").split()
                if not steps:
                    raise ValueError
                changes[field.name] = tuple(int(step) for step in steps)
            elif field.kind is float:
                changes[field.name] = float(raw.replace(",", "."))
            else:
                changes[field.name] = int(raw)
        except ValueError:
            what = {
                tuple: "whole minutes separated by spaces",
                float: "a number like 0.9",
                int: "a whole number",
            }[field.kind]
            problems.append(f"{name} must be {what} (it is {raw!r})")
    return changes, problems


class Switch(Checkbox):
    """A checkbox that reads without colour: X when on, blank when off."""

    def on_mount(self) -> None:
        self.watch(self, "value", self._mark, init=True)

    def _mark(self, value: bool) -> None:
        self.BUTTON_INNER = "X" if value else " "  # Textual's name for the glyph inside
        self.refresh()


STYLES = Path(__file__).resolve().parent.parent / "styles"


class SettingsScreen(Screen[None]):
    CSS_PATH = STYLES / "settings.tcss"

    BINDINGS = [Binding("ctrl+s", "save", "save"), Binding("escape", "cancel", "cancel")]

    def __init__(self, profile: Profile) -> None:
        super().__init__(classes="settings-screen")
        self.profile = profile

    def compose(self) -> ComposeResult:
        settings = self.profile.settings
        with VerticalScroll(id="settings"):
            yield Static(plain("Settings for " + self.profile.display_name), classes="screen-title")
            yield Static("", id="problems")
            for field in FIELDS:
                with Horizontal(classes="setting"):
                    yield Label(field.label, classes="setting-label")
                    yield Input(
                        _shown(getattr(settings, field.name)),
                        id=field.name,
                        classes="setting-input",
                        compact=True,
                    )
                    yield Label(plain(field.hint), classes="setting-hint")
            with Horizontal(classes="setting"):
                yield Label("Theme", classes="setting-label")
                yield Select(
                    [(theme, theme) for theme in THEMES],
                    value=theme_for(settings),
                    allow_blank=False,
                    id="theme",
                    classes="setting-select",
                    compact=True,
                )
            yield Switch(
                "Typed answers: known cards move from multiple choice to typing",
                settings.typed_after_learning,
                id="typed_after_learning",
                compact=True,
                classes="setting-check",
            )
            yield Switch(
                "Flashcards only: grade yourself on every card",
                settings.flashcards_only,
                id="flashcards_only",
                compact=True,
                classes="setting-check",
            )
            yield Static(plain(_scheduling(settings.parameters)), id="parameters")
            with Horizontal(classes="buttons"):
                yield Button("Save (ctrl+s)", id="save", compact=True)
                yield Button("Cancel (Esc)", id="cancel", compact=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Select.Changed, "#theme")
    def _theme(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            self.app.theme = event.value

    def show_problems(self, problems: list[str]) -> None:
        box = self.query_one("#problems", Static)
        if problems:
            box.update(plain("Not saved:\n" + "\n".join(f"• {p}" for p in problems)))
            box.add_class("has-problems")
            self.query_one("#settings").scroll_home(animate=False)
        else:
            box.update("")
            box.remove_class("has-problems")

    def action_save(self) -> None:
        values = {field.name: self.query_one(f"#{field.name}", Input).value for field in FIELDS}
        changes, problems = parse_form(values)
        if problems:
            self.show_problems(problems)
            return
        for name in ("flashcards_only", "typed_after_learning"):
            changes[name] = self.query_one(f"#{name}", Checkbox).value
        theme = self.query_one("#theme", Select).value
        changes["theme"] = theme if isinstance(theme, str) else theme_for(self.profile.settings)
        problems = theme_problems(str(changes["theme"]))
        if problems:
            self.show_problems(problems)
            return
        profile = self.profile

        def saved(found: list[str]) -> None:
            self.show_problems(found)
            if not found:
                self.app.theme = theme_for(profile.settings)
                self.app.notify("Settings saved.", markup=False)
                self.dismiss(None)

        in_background(
            self,
            lambda: profile.update_settings(**changes),
            saved,
            lambda error: self.show_problems([friendly(error)]),
        )

    def action_cancel(self) -> None:
        self.app.theme = theme_for(self.profile.settings)
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.action_cancel()


def _scheduling(parameters: tuple[float, ...]) -> str:
    """Which FSRS parameters schedule the cards (set with ``purgequiz optimize``)."""
    if parameters:
        return "Scheduling: fitted to your answers (undo: purgequiz optimize --reset)"
    return "Scheduling: FSRS's defaults (purgequiz optimize fits them to your answers)"
