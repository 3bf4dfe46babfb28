"""What the learner sees after answering: right or wrong, the answer, why, and the source."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static

from purgequiz.learn.scheduler import Rating
from purgequiz.learn.session import Result
from purgequiz.tui.text import plain, relative, styled
from purgequiz.tui.widgets.grades import GRADE_NAMES

__all__ = ["FeedbackPanel"]


def verdict(result: Result, changed_from: Rating | None = None) -> Text:
    if changed_from is not None:
        return styled(
            ("Your grade counts", "bold"), f" (changed from {GRADE_NAMES[changed_from]})."
        )
    if result.dont_know:
        return styled(("You did not know this one", "bold"), ": here is the answer.")
    if result.given == "" and result.correct:
        return styled(("Remembered.", "bold"))
    if result.given == "":
        return styled(("Not remembered this time.", "bold"))
    if result.near_miss:
        return styled(("Right", "bold"), " (accepted with a small spelling difference).")
    if result.correct:
        return styled(("Right.", "bold"))
    return styled(("Not quite.", "bold"))


class FeedbackPanel(VerticalScroll):
    """The result of one answer; every piece of card text is shown as plain text."""

    def __init__(
        self,
        result: Result,
        now: datetime,
        changed_from: Rating | None = None,
        dates: Sequence[str] | None = None,
    ) -> None:
        super().__init__(classes="feedback")
        self.result = result
        self.now = now
        self.changed_from = changed_from  # the grade first given, when the learner changed it
        # an ordering card's events' dates, in the right order (from the fact base, when it
        # has every one): shown beside the events, in place of the explanation that lists them
        self.dates = tuple(dates) if dates and len(dates) == len(result.card.items) else None

    def on_mount(self) -> None:
        self.focus()  # the keys (Enter: next card) reach the result from the moment it is shown

    def compose(self) -> ComposeResult:
        result = self.result
        card = result.card
        yield Static(
            verdict(result, self.changed_from),
            classes="verdict " + ("right" if result.correct else "wrong"),
        )
        yield Static(plain(card.prompt), classes="feedback-prompt")
        shown_given = not result.correct or (
            self.changed_from is not None and result.given != result.expected
        )
        if card.kind == "ordering" and card.items:
            yield from self.compose_order(shown_given)
        elif card.kind == "matching" and card.items and card.matches:
            yield from self.compose_matches(shown_given)
        else:
            if result.given and shown_given:
                yield Static(styled(("Your answer: ", "dim"), result.given), classes="given")
            yield Static(styled(("Answer: ", "bold"), result.expected), classes="expected")
        if result.closer_to:
            yield Static(
                styled(("Your answer is closer to ", "dim"), result.closer_to, (".", "dim")),
                classes="closer",
            )
        rebuttal = None if result.correct else card.rebuttal(result.given)
        if rebuttal is not None:
            yield Static(
                styled((f"Why not {rebuttal.choice}: ", "bold"), rebuttal.text), classes="rebuttal"
            )
            for citation in rebuttal.sources:
                yield Static(styled(("Source: ", "dim"), citation.line()), classes="citation")
        if not (card.kind == "ordering" and self.dates):
            yield Static(plain(card.explanation), classes="explanation")
        for citation in card.sources:
            yield Static(styled(("Source: ", "dim"), citation.line()), classes="citation")
        due = relative(result.next_due, self.now)
        yield Static(
            styled(
                ("Graded ", "dim"),
                (GRADE_NAMES[result.rating], "bold"),
                ("  ·  practice: the card's schedule is unchanged", "dim")
                if result.practice
                else ("  ·  next review ", "dim"),
                ("" if result.practice else due, "bold"),
            ),
            classes="graded",
        )
        if result.became_leech:
            yield Static(
                plain("This card has been missed many times. Reading its source again may help."),
                classes="leech",
            )
        yield Static(
            plain(
                "Enter: next card · e: change grade · u: undo · f: flag as wrong · "
                "q: end the practice"
                if result.practice
                else "Enter: next card · e: change grade · u: undo · b: bury · "
                "s: suspend · f: flag as wrong · q: end the session"
            ),
            classes="hint",
        )

    def compose_matches(self, marked: bool) -> ComposeResult:
        """The right pairs, one a line; with ``marked``, each says whether the learner matched
        it so, and if not, what they matched instead."""
        card, given = self.result.card, self.result.order
        marked = marked and len(given) == len(card.items)
        yield Static(
            styled(
                ("The right pairs", "bold"),
                (" (✓ matched so, ✗ not)" if marked else "", "dim"),
                ":",
            ),
            classes="expected",
        )
        for place, (item, match) in enumerate(zip(card.items, card.matches, strict=False)):
            mark, note = "", ""
            if marked:
                mark = "✓" if given[place] == match else "✗"
                note = "" if mark == "✓" else f"  (you matched: {given[place] or 'nothing'})"
            with Horizontal(classes="order-line"):
                yield Static(
                    styled((mark, "bold")),
                    classes="order-mark " + ("right" if mark == "✓" else "wrong"),
                )
                yield Static(
                    styled((item, "bold"), " → ", match, (note, "dim")), classes="order-item"
                )

    def compose_order(self, marked: bool) -> ComposeResult:
        """The right order as a list; with ``marked``, each item says whether the learner had
        it in its place, and if not, where."""
        given = self.result.order
        marked = marked and len(given) == len(self.result.card.items)
        yield Static(
            styled(
                ("The right order", "bold"),
                (" (✓ in the right place, ✗ not)" if marked else "", "dim"),
                ":",
            ),
            classes="expected",
        )
        dates = self.dates or ()
        for place, item in enumerate(self.result.card.items, 1):
            mark, note = "", ""
            if marked:
                had = given.index(item) + 1 if item in given else None
                mark = "✓" if had == place else "✗"
                note = (
                    ""
                    if had == place
                    else (f"  (you had it at position {had})" if had else "  (you left it out)")
                )
            when = f"{dates[place - 1]}: " if dates else ""
            with Horizontal(classes="order-line"):
                yield Static(
                    styled((mark, "bold")),
                    classes="order-mark " + ("right" if mark == "✓" else "wrong"),
                )
                yield Static(
                    styled((f"{place}. ", "bold"), (when, "bold"), item, (note, "dim")),
                    classes="order-item",
                )
