"""The card being asked, one widget per answer mode; each posts its answer as a message.

All card text is data: prompts, choices and items are rendered as plain ``Text`` through
:mod:`purgequiz.tui.text` (never markup; control characters shown as escapes).

A card scrolls when the terminal is too short for it: ↑/↓ (or PgUp/PgDn while a list has
the keys) move through it, and the highlighted line of a list is always brought into view.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from purgequiz.learn.scheduler import Rating
from purgequiz.learn.session import Presented
from purgequiz.tui.text import plain, styled
from purgequiz.tui.widgets.grades import GradeBar

__all__ = [
    "CardList",
    "CardView",
    "ChoiceCard",
    "FlashCard",
    "MatchingCard",
    "OrderingCard",
    "TrueFalseCard",
    "TypedCard",
    "card_view",
]

KIND_LABELS = {
    "choice": "Multiple choice",
    "typed": "Type the answer",
    "flashcard": "Flashcard",
    "truefalse": "True or false?",
    "ordering": "Put in order",
    "matching": "Match the pairs",
}


class CardList(OptionList):
    """A card's list of choices or items. PgUp/PgDn scroll the card around it (its lists are
    short: paging through them is never needed), so the prompt above stays in reach."""

    def action_page_up(self) -> None:
        raise SkipAction

    def action_page_down(self) -> None:
        raise SkipAction


DONT_KNOW_KEY = "0"  # "I don't know", on every card (on a typed answer: ? and Enter)


class CardView(VerticalScroll):
    """The common part of every card: a line saying how to answer, and the prompt. The card
    scrolls when the terminal is too short to show it whole. 0 answers "I don't know"."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(DONT_KNOW_KEY, "dont_know", "I don't know", show=False)
    ]

    @dataclass
    class Answered(Message):
        response: str | bool | tuple[str, ...]

    class DontKnow(Message):
        """The student does not know the answer (0, or ? typed as the answer)."""

    def __init__(self, presented: Presented, *, study_keys: bool = True) -> None:
        super().__init__(classes="card-view")
        self.presented = presented
        # whether the study keys (u, b, s, f, c) work around the card: not in an exam or a
        # challenge, whose hints then leave them out
        self.study_keys = study_keys
        self._highlights: dict[OptionList, int] = {}  # lines moved to, by list
        # Set as the answer is sent, before the screen has it: a key handled in between (q)
        # then knows an answer is on its way.
        self.answer_sent = False

    def compose_head(self) -> ComposeResult:
        shown = self.presented
        notes = []
        if shown.is_new:
            notes.append("new card")
        if shown.leech:
            notes.append("often missed")
        if shown.flagged:
            notes.append("flagged")
        yield Static(
            styled(
                (KIND_LABELS[shown.mode], "bold"),
                (f"  ({', '.join(notes)})" if notes else "", "dim"),
            ),
            classes="card-kind",
        )
        yield Static(plain(shown.card.prompt), classes="prompt")

    def answer(self, response: str | bool | tuple[str, ...]) -> None:
        self.answer_sent = True
        self.post_message(self.Answered(response))

    def action_dont_know(self) -> None:
        self.answer_sent = True
        self.post_message(self.DontKnow())

    def on_mount(self) -> None:
        self.focus_input()  # the answer's place has the focus from the moment the card is shown

    def focus_input(self) -> None:
        self.focus(scroll_visible=False)

    @on(OptionList.OptionHighlighted)
    def _keep_highlight_in_view(self, event: OptionList.OptionHighlighted) -> None:
        """A newly highlighted line is brought into view: the list is at most as tall as the
        card and scrolls itself to its highlight; the card scrolls the list into view. A list
        appears with its first line highlighted, and the card then stays at its top (the
        prompt)."""
        shown = event.option_list
        if event.option_index != self._highlights.get(shown, 0):
            self._highlights[shown] = event.option_index
            shown.scroll_visible(animate=False)

    def on_resize(self) -> None:
        """After the terminal is resized, a line the student highlighted is still in view."""
        for shown in self._highlights:
            self.call_after_refresh(shown.scroll_visible, animate=False)


class ChoiceCard(CardView):
    BINDINGS = [Binding(str(n), f"pick({n})", f"choice {n}", show=False) for n in range(1, 10)]

    def compose(self) -> ComposeResult:
        yield from self.compose_head()
        options = [
            Option(styled((f"{n}. ", "bold"), choice))
            for n, choice in enumerate(self.presented.choices, 1)
        ]
        yield CardList(*options, id="choices", markup=False)
        count = len(self.presented.choices)
        keys = "1" if count == 1 else f"1–{count}"
        flashcard = " c: as a flashcard." if self.study_keys else ""
        yield Static(
            plain(f"Press {keys}, or ↑/↓ and Enter; 0 if you don't know.{flashcard}"),
            classes="hint",
        )

    def focus_input(self) -> None:
        self.query_one(OptionList).focus(scroll_visible=False)  # the prompt first

    def action_pick(self, number: int) -> None:
        if 1 <= number <= len(self.presented.choices):
            self.answer(self.presented.choices[number - 1])

    @on(OptionList.OptionSelected, "#choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.answer(self.presented.choices[event.option_index])


class TypedCard(CardView):
    """Letters go into the answer box. Esc leaves the box, so that the study keys work (u, b,
    s, f, c, q); Enter goes back to it."""

    BINDINGS = [
        Binding("escape", "leave_answer", "use the keys"),
        Binding("enter", "focus_input", "back to the answer"),
    ]

    TYPING_HINT = (
        "Enter checks your answer (? and Enter if you don't know). Esc lets you use the "
        "keys: u undo, b bury, s suspend, f flag, c flashcard, q back."
    )
    KEYS_HINT = (
        "Keys: u undo · b bury · s suspend · f flag · c flashcard · 0 I don't know · q back. "
        "Enter goes back to your answer."
    )
    DONT_KNOW_TYPED = "?"  # typed as the answer: "I don't know"
    # without the study keys (an exam, a challenge)
    TYPING_HINT_PLAIN = "Enter checks your answer (? and Enter if you don't know)."
    KEYS_HINT_PLAIN = "Keys: 0 I don't know · q end. Enter goes back to your answer."

    @property
    def typing_hint(self) -> str:
        return self.TYPING_HINT if self.study_keys else self.TYPING_HINT_PLAIN

    @property
    def keys_hint(self) -> str:
        return self.KEYS_HINT if self.study_keys else self.KEYS_HINT_PLAIN

    def compose(self) -> ComposeResult:
        yield from self.compose_head()
        yield Input(placeholder="Type your answer, then Enter", id="typed")
        yield Static(plain(self.typing_hint), classes="hint", id="typed-hint")

    @property
    def typing(self) -> bool:
        """Whether the answer box has the keyboard."""
        return self.query_one(Input).has_focus

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "dont_know":  # 0 is typed into the answer box (a number, a date)
            return not self.typing
        if action == "leave_answer":
            return self.typing
        if action == "focus_input":
            return not self.typing
        return True

    def focus_input(self) -> None:
        self.query_one(Input).focus()

    def action_focus_input(self) -> None:
        self.focus_input()

    def action_leave_answer(self) -> None:
        self.focus()

    def on_focus(self) -> None:
        self.query_one("#typed-hint", Static).update(plain(self.keys_hint))

    def on_descendant_focus(self) -> None:
        self.query_one("#typed-hint", Static).update(plain(self.typing_hint))

    @on(Input.Submitted, "#typed")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self.query_one("#typed-hint", Static).update(
                plain("Type an answer first. If you do not know it, type ? and press Enter.")
            )
            return
        if event.value.strip() == self.DONT_KNOW_TYPED:
            self.action_dont_know()
            return
        self.answer(event.value)


class FlashCard(CardView):
    """Space shows the answer; then 1–4 grade how well it was remembered."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "reveal", "show answer"),
        *(Binding(str(n), f"grade({n})", show=False) for n in range(1, 5)),
    ]

    @dataclass
    class Revealed(Message):
        card_view: FlashCard

    def __init__(self, presented: Presented, *, study_keys: bool = True) -> None:
        super().__init__(presented, study_keys=study_keys)
        self.revealed = False

    def compose(self) -> ComposeResult:
        yield from self.compose_head()
        yield Static(
            plain("Recall the answer, then press space to see it (0 if you don't know)."),
            classes="hint",
            id="reveal-hint",
        )
        yield Button("Show answer (space)", id="reveal", compact=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not self.revealed if action == "reveal" else True

    def action_reveal(self) -> None:
        if not self.revealed:
            self.post_message(self.Revealed(self))

    @on(Button.Pressed, "#reveal")
    def _reveal_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_reveal()

    def reveal(self, previews: dict[Rating, str]) -> None:
        """Show the answer and the grade buttons (called by the screen with the intervals)."""
        if self.revealed:
            return
        self.revealed = True
        self.query_one("#reveal-hint").remove()
        self.query_one("#reveal").remove()
        self.mount(
            Static(
                styled(("Answer: ", "bold"), self.presented.card.answer), classes="revealed-answer"
            )
        )
        self.mount(Static(plain("How well did you remember it? Press 1–4."), classes="hint"))
        self.mount(GradeBar(previews, id="grades"))
        self.refresh_bindings()
        self.focus()

    def action_grade(self, number: int) -> None:
        if self.revealed:
            self.answer_sent = True
            self.post_message(GradeBar.Graded(Rating(number)))

    @on(GradeBar.Graded)
    def _graded(self, event: GradeBar.Graded) -> None:
        self.answer_sent = True  # a grade button was pressed; the screen takes the message


class TrueFalseCard(CardView):
    BINDINGS = [Binding("t", "say(True)", "true"), Binding("f", "say(False)", "false")]

    def compose(self) -> ComposeResult:
        yield from self.compose_head()
        with Horizontal(classes="buttons"):
            yield Button("True (t)", id="true", compact=True)
            yield Button("False (f)", id="false", compact=True)
            yield Button("I don't know (0)", id="dont-know", compact=True)

    def action_say(self, value: bool) -> None:
        self.answer(value)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "dont-know":
            self.action_dont_know()
        else:
            self.answer(event.button.id == "true")


class OrderList(CardList):
    """An option list whose items move: shift+↑/↓ or [ and ]; Enter checks the order."""

    BINDINGS = [
        Binding("shift+up,left_square_bracket", "move(-1)", "move up", show=False),
        Binding("shift+down,right_square_bracket", "move(1)", "move down", show=False),
    ]

    @dataclass
    class Moved(Message):
        index: int
        step: int

    def action_move(self, step: int) -> None:
        if self.highlighted is not None:
            self.post_message(self.Moved(self.highlighted, step))

    def on_click(self, event: events.Click) -> None:
        """A click highlights the line clicked, to be moved; unlike in Textual's option list,
        it does not select it (which would check the order)."""
        event.prevent_default()  # Textual's own click handler would select the line
        clicked = event.style.meta.get("option")
        if isinstance(clicked, int):
            self.highlighted = clicked


class OrderingCard(CardView):
    def __init__(self, presented: Presented, *, study_keys: bool = True) -> None:
        super().__init__(presented, study_keys=study_keys)
        self.order = list(presented.items)

    def compose(self) -> ComposeResult:
        yield from self.compose_head()
        yield Static(
            plain("Earliest first. shift+↑/↓ or [ ] move, Enter checks, 0 I don't know."),
            classes="hint",
        )
        yield OrderList(*self._options(), id="order", markup=False)
        with Horizontal(classes="buttons"):
            yield Button("Move up", id="up", compact=True)
            yield Button("Move down", id="down", compact=True)
            yield Button("Check order", id="check", compact=True)

    def _options(self) -> list[Option]:
        return [Option(styled((f"{n}. ", "bold"), item)) for n, item in enumerate(self.order, 1)]

    def focus_input(self) -> None:
        order = self.query_one(OrderList)
        order.focus(scroll_visible=False)
        if order.highlighted is None:
            order.highlighted = 0

    @on(OrderList.Moved)
    def _moved(self, event: OrderList.Moved) -> None:
        event.stop()
        self.move(event.index, event.step)

    def move(self, index: int, step: int) -> None:
        target = index + step
        if not (0 <= index < len(self.order) and 0 <= target < len(self.order)):
            return
        self.order[index], self.order[target] = self.order[target], self.order[index]
        order = self.query_one(OrderList)
        order.set_options(self._options())
        order.highlighted = target

    @on(OptionList.OptionSelected, "#order")
    def _check(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.answer(tuple(self.order))

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        order = self.query_one(OrderList)
        if event.button.id == "check":
            self.answer(tuple(self.order))
        elif order.highlighted is not None:
            self.move(order.highlighted, -1 if event.button.id == "up" else 1)
        order.focus()


class MatchingCard(CardView):
    """Each lettered thing on the left gets one numbered match: ↑/↓ choose a line, a number
    key matches it (and moves on), Backspace clears it, Enter checks once all are matched."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(n), f"match({n})", show=False) for n in range(1, 10)),
        Binding("backspace,delete", "clear", "clear the match", show=False),
    ]

    def __init__(self, presented: Presented, *, study_keys: bool = True) -> None:
        super().__init__(presented, study_keys=study_keys)
        self.options = list(presented.items)  # the right-hand side, shuffled
        self.chosen: list[int | None] = [None] * len(presented.card.items)

    def compose(self) -> ComposeResult:
        yield from self.compose_head()
        yield Static(
            Text("\n").join(
                styled((f"{n}. ", "bold"), option) for n, option in enumerate(self.options, 1)
            ),
            classes="match-options",
        )
        yield Static(
            plain(
                "↑/↓ choose a line, then press the number of its match. Enter checks; "
                "0 if you don't know."
            ),
            classes="hint",
            id="match-hint",
        )
        yield CardList(*self._rows(), id="pairs", markup=False)
        with Horizontal(classes="buttons"):
            yield Button("Check pairs", id="check", compact=True)

    def _rows(self) -> list[Option]:
        rows = []
        for n, (item, chosen) in enumerate(
            zip(self.presented.card.items, self.chosen, strict=True)
        ):
            letter = chr(ord("A") + n)
            match = (
                styled((f"{chosen + 1}. {self.options[chosen]}", "bold"))
                if chosen is not None
                else styled(("?", "dim"))
            )
            rows.append(
                Option(
                    Text.assemble(styled((f"{letter}. ", "bold"), item, (" \u2192 ", "dim")), match)
                )
            )
        return rows

    def focus_input(self) -> None:
        rows = self.query_one("#pairs", OptionList)
        rows.focus(scroll_visible=False)
        if rows.highlighted is None:
            rows.highlighted = 0

    def _refresh_rows(self, highlight: int) -> None:
        rows = self.query_one("#pairs", OptionList)
        rows.set_options(self._rows())
        rows.highlighted = highlight

    def action_match(self, number: int) -> None:
        rows = self.query_one("#pairs", OptionList)
        line = rows.highlighted
        if line is None or not 1 <= number <= len(self.options):
            return
        self.chosen[line] = number - 1
        self._refresh_rows(min(line + 1, len(self.chosen) - 1))

    def action_clear(self) -> None:
        line = self.query_one("#pairs", OptionList).highlighted
        if line is not None:
            self.chosen[line] = None
            self._refresh_rows(line)

    def check(self) -> None:
        if None in self.chosen:
            self.query_one("#match-hint", Static).update(
                plain("Match every line first: choose it with ↑/↓, then press a number.")
            )
            return
        self.answer(tuple(self.options[n] for n in self.chosen if n is not None))

    @on(OptionList.OptionSelected, "#pairs")
    def _enter(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.check()

    @on(Button.Pressed, "#check")
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.check()


VIEWS: dict[str, type[CardView]] = {
    "choice": ChoiceCard,
    "typed": TypedCard,
    "flashcard": FlashCard,
    "truefalse": TrueFalseCard,
    "ordering": OrderingCard,
    "matching": MatchingCard,
}


def card_view(presented: Presented, *, study_keys: bool = True) -> CardView:
    """The widget that asks ``presented``; without ``study_keys`` (an exam, a challenge) its
    hints name only the keys that answer it."""
    return VIEWS[presented.mode](presented, study_keys=study_keys)
