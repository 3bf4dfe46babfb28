"""Small dialogs: a plain notice, a question to confirm, a new name, a note for a flagged
card, and a changed grade."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from purgequiz.learn.scheduler import Rating
from purgequiz.tui.text import plain
from purgequiz.tui.widgets.grades import GRADE_NAMES

__all__ = ["ConfirmDialog", "FlagDialog", "GradeDialog", "NameDialog", "NoticeDialog", "TextDialog"]


class NoticeDialog(ModalScreen[None]):
    """A calm message in plain words (file names and problems are shown as text)."""

    BINDINGS = [Binding("escape,enter,q", "close", "close")]

    def __init__(self, title: str, lines: Iterable[str], button: str = "OK") -> None:
        super().__init__(classes="dialog-screen")
        self.heading = title
        self.lines = list(lines)
        self.button = button

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self.heading), classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                for line in self.lines:
                    yield Static(plain(line), classes="dialog-line")
            yield Button(plain(self.button), id="ok", compact=True)

    def on_mount(self) -> None:
        self.query_one("#ok").focus()

    def action_close(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        self.dismiss(None)


class ConfirmDialog(ModalScreen[bool]):
    """Asks before something is done: True for the confirming button, False for the other
    (focused first, so Enter alone never confirms) or Esc."""

    BINDINGS = [Binding("escape", "cancel", "cancel")]

    def __init__(
        self, title: str, lines: Iterable[str], confirm: str, cancel: str = "Cancel"
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.heading = title
        self.lines = list(lines)
        self.confirm_label = confirm
        self.cancel_label = cancel

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self.heading), classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                for line in self.lines:
                    yield Static(plain(line), classes="dialog-line")
            with Horizontal(classes="buttons"):
                yield Button(plain(self.cancel_label), id="cancel", compact=True)
                yield Button(plain(self.confirm_label), id="confirm", compact=True)

    def on_mount(self) -> None:
        self.query_one("#cancel").focus()

    def action_cancel(self) -> None:
        self.dismiss(False)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm")


class TextDialog(ModalScreen[str | None]):
    """Asks for a line of text (Enter to accept, Esc to cancel); dismissed with the text
    typed, or None."""

    BINDINGS = [Binding("escape", "cancel", "cancel")]

    def __init__(
        self,
        title: str,
        lines: tuple[str, ...] = (),
        *,
        value: str = "",
        placeholder: str = "",
        accept: str = "OK",
        input_id: str = "text",
        accept_id: str = "accept",
        max_length: int = 0,
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.heading, self.lines, self.value = title, lines, value
        self.placeholder, self.accept_label = placeholder, accept
        self.input_id, self.accept_id, self.max_length = input_id, accept_id, max_length

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(plain(self.heading), classes="dialog-title")
            for line in self.lines:
                yield Static(plain(line), classes="dialog-line")
            yield Input(
                self.value,
                placeholder=self.placeholder,
                id=self.input_id,
                max_length=self.max_length,
            )
            with Horizontal(classes="buttons"):
                yield Button(plain(self.accept_label), id=self.accept_id, compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.dismiss(self.query_one(Input).value.strip())

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(
            self.query_one(Input).value.strip() if event.button.id == self.accept_id else None
        )


class NameDialog(TextDialog):
    """Asks for a name; dismissed with the name typed."""

    def __init__(self, title: str, value: str = "", accept: str = "OK") -> None:
        super().__init__(
            title,
            value=value,
            accept=accept,
            input_id="new-name",
            placeholder="A name (Enter to accept, Esc to cancel)",
            max_length=200,
        )


class FlagDialog(TextDialog):
    """Asks what is wrong with a card; the note goes to the teacher."""

    def __init__(self, prompt: str) -> None:
        super().__init__(
            "Flag this card as wrong",
            (prompt,),
            accept="Flag",
            input_id="note",
            accept_id="flag",
            placeholder="What is wrong? (Enter to flag, Esc to cancel)",
        )
        self.card_prompt = prompt


class GradeDialog(ModalScreen[Rating | None]):
    """Change the grade of the answer just given (1–4, Esc keeps it)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "keep grade"),
        *(Binding(str(int(r)), f"choose({int(r)})", show=False) for r in GRADE_NAMES),
    ]

    def __init__(self, current: Rating) -> None:
        super().__init__(classes="dialog-screen")
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                plain(f"Change the grade (now {GRADE_NAMES[self.current]})"), classes="dialog-title"
            )
            with Horizontal(classes="buttons"):
                for rating, name in GRADE_NAMES.items():
                    yield Button(f"{int(rating)} {name}", id=f"g{int(rating)}", compact=True)

    def on_mount(self) -> None:
        self.query_one(f"#g{int(self.current)}").focus()

    def action_choose(self, number: int) -> None:
        self.dismiss(Rating(number))

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(Rating(int((event.button.id or "g3")[1:])))
