"""The study screen: one card at a time, feedback after each answer, progress saved as it goes.

Storage calls (starting the session, each answer, undo, a changed grade, bury, suspend, flag)
run in a worker thread one after another; the screen keeps a ``phase`` so keys pressed
meanwhile do nothing, but for back (q), which waits for the change to be saved and then
leaves: with the session's summary when anything was answered, so no answer is left out of
it. While an answer's feedback is shown, its grade can be changed and the card just answered
can be buried, suspended or flagged: the engine acts on the last answer.

The screen is dismissed with a :class:`SessionOutcome`; whoever pushed it shows the summary.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, Input, Static

from purgequiz.decks.model import Deck
from purgequiz.learn.chronology import event_dates
from purgequiz.learn.scheduler import Rating
from purgequiz.learn.session import Presented, Result, StudySession, Summary
from purgequiz.tui.background import friendly, in_background, start_now
from purgequiz.tui.host import quiz_app
from purgequiz.tui.screens.dialogs import FlagDialog, GradeDialog
from purgequiz.tui.text import plain, relative
from purgequiz.tui.widgets.cards import CardView, FlashCard, card_view
from purgequiz.tui.widgets.feedback import FeedbackPanel
from purgequiz.tui.widgets.grades import GradeBar
from purgequiz.tui.widgets.header import StudyHeader
from purgequiz.tui.widgets.keys import KeyBar

if TYPE_CHECKING:
    from purgequiz.facts import Fact
    from purgequiz.store.profile import Profile

__all__ = ["SessionOutcome", "SessionStart", "StudyScreen"]

QUICK_PRACTICE = 10
STYLES = Path(__file__).resolve().parent.parent / "styles"


def nothing_due(session: StudySession, now: datetime) -> tuple[str, str]:
    """Why no card is shown (a title and a line), and what can be done about it."""
    waiting = session.waiting_until
    when = (
        f"The next card you are learning comes back {relative(waiting, now)}. " if waiting else ""
    )
    held = session.new_held_back
    buried = session.buried_count(now)
    if not held and buried:
        cards = "card waits" if buried == 1 else "cards wait"
        return (
            "Nothing more to study in this deck today.",
            f"{when}{buried} {cards} for tomorrow: you buried them, or a question on the "
            "same fact was answered today. h on the home screen lists them.",
        )
    if not held:
        return (
            "Nothing is due in this deck right now.",
            when or "Every card for today is done. Come back tomorrow, or pick another deck.",
        )
    limit = session.settings.new_per_day
    cards = "new card is" if held == 1 else "new cards are"
    title = (
        'No new cards today: "New cards per day" is set to 0.'
        if limit == 0
        else f"You have reached today's limit of new cards ({limit})."
    )
    return (
        title,
        f"{when}{held} {cards} waiting in this deck. To see new cards today, raise "
        '"New cards per day" in Settings (press s on the home screen).',
    )


# Starts the session a study screen shows (practice passes its own): deck, profile, now, rng.
SessionStart = Callable[[Deck, "Profile", datetime, random.Random], StudySession]


@dataclass(frozen=True)
class SessionOutcome:
    """How a session ended: with its summary once a card was answered, else with none."""

    summary: Summary | None


def bundled_facts() -> Mapping[str, Fact] | None:
    """The bundled fact base's facts (a worker's: reading it takes a tenth of a second), or
    None when it cannot be read: the feedback then keeps each card's own explanation."""
    from purgequiz import paths
    from purgequiz.facts.load import FactFileError, load_or_raise

    try:
        return load_or_raise(paths.bundled_seeds_dir()).facts
    except (FactFileError, OSError):
        return None


class StudyScreen(Screen[SessionOutcome]):
    """Studies ``deck`` with ``profile``; with ``limit`` (quick practice) the session keeps to
    that many cards and ends after that many answers; with ``start``, the session is the one
    it starts (practice: cram). Dismissed with its :class:`SessionOutcome`.

    In practice, bury and suspend are not offered: practice leaves the schedule alone."""

    # Read when the first study screen is pushed (and kept): start-up does not parse it.
    CSS_PATH = STYLES / "study.tcss"
    BINDINGS = [
        Binding("enter,space", "next", "next card"),
        Binding("u", "undo", "undo"),
        Binding("e", "edit_grade", "grade"),  # short: the key bar must keep room for q
        Binding("b", "bury", "bury"),
        Binding("s", "suspend", "suspend"),
        Binding("f", "flag", "flag"),
        Binding("c", "as_flashcard", "as flashcard", show=False),
        Binding("q,escape", "back", "back"),
    ]

    def __init__(
        self,
        deck: Deck,
        profile: Profile,
        limit: int | None = None,
        *,
        start: SessionStart | None = None,
    ) -> None:
        super().__init__(classes="study-screen")
        self.deck = deck
        self.profile = profile
        self.limit = limit
        self.start = start
        self.session: StudySession | None = None
        self.presented: Presented | None = None
        self.result: Result | None = None
        self.first_rating: Rating | None = None  # the grade the answer was given at first
        self.phase = "loading"  # loading, asking, busy, feedback, ending (summary), done
        self.facts: Mapping[str, Fact] | None = None  # the bundled facts, for events' dates
        self.leaving = False  # back was asked for while a change was being saved
        self.answered = 0
        self.shown_at: datetime | None = None

    # -- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield StudyHeader(self.deck.title, id="study-header")
        yield Vertical(Static(plain("Getting your cards ready…"), classes="hint"), id="body")
        yield KeyBar()

    def on_mount(self) -> None:
        if not self.deck.cards:
            self._empty(
                "This deck has no cards yet.",
                "There is nothing to study in it. Choose another deck from the list.",
            )
            return
        app = quiz_app(self)

        def start() -> tuple[StudySession, Presented | None]:
            if self.start is not None:
                session = self.start(self.deck, self.profile, app.now(), app.rng)
            else:
                session = StudySession(
                    self.deck, self.profile, now=app.now(), rng=app.rng, size=self.limit
                )
            return session, session.next_card(app.now())

        in_background(self, start, self._started, self._failed)

    def _started(self, started: tuple[StudySession, Presented | None]) -> None:
        self.session, presented = started
        self.query_one(StudyHeader).practice = bool(self.session.practice)
        self.refresh_bindings()
        self._show(presented)
        if any(card.kind == "ordering" for card in self.deck.cards):
            in_background(self, bundled_facts, self._got_facts, lambda _: None)

    def _got_facts(self, facts: Mapping[str, Fact] | None) -> None:
        self.facts = facts  # the events' dates, for the ordering cards' feedback

    def _failed(self, error: BaseException) -> None:

        self._empty("This deck cannot be studied right now.", friendly(error))

    def _empty(self, title: str, detail: str) -> None:
        self.phase = "done"
        body = self.query_one("#body")
        body.remove_children()
        body.mount(
            Static(plain(title), classes="empty-title"),
            Static(plain(detail), classes="empty-detail"),
            Button("Back to the decks", id="home", compact=True),
        )
        self.query_one("#home").focus()
        self.refresh_bindings()

    @on(Button.Pressed, "#home")
    def _home(self) -> None:
        self.action_back()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if (
            self.phase == "asking"
            and isinstance(self.focused, Input)
            and action in ("undo", "bury", "suspend", "flag", "as_flashcard", "back")
        ):
            return False  # letters go into the answer box; Esc leaves it (see TypedCard)
        allowed = {
            "next": self.phase == "feedback",
            "undo": self.phase in ("asking", "feedback"),
            "edit_grade": self.phase == "feedback",
            "bury": self.phase in ("asking", "feedback"),
            "suspend": self.phase in ("asking", "feedback"),
            "flag": self.phase in ("asking", "feedback"),
            "as_flashcard": self.phase == "asking"
            and self.presented is not None
            and self.presented.mode != "flashcard",
        }
        if self.session is not None and self.session.practice and action in ("bury", "suspend"):
            return False  # practice leaves the schedule alone: not offered
        return allowed.get(action, True)

    def _say(self, message: str) -> None:
        """Say what a key did in the header's status, where it hides nothing of the card."""
        self.query_one(StudyHeader).say(message)

    def _set_phase(self, phase: str) -> None:
        self.phase = phase
        if phase != "busy":  # (a moment's saving: its keys are refused, the bar left as it was)
            self.refresh_bindings()
        if self.leaving and phase in ("asking", "feedback"):
            self.call_next(self._leave)

    # -- showing a card --------------------------------------------------------------------

    def _show(self, presented: Presented | None) -> None:
        assert self.session is not None
        if presented is None:
            self._finish()
            return
        self.presented = presented
        self.result = None
        self.shown_at = self.now()
        self.query_one(StudyHeader).show(self.answered, presented.counts, self.limit)
        body = self.query_one("#body")
        body.remove_children()
        view = card_view(presented)
        body.mount(view)
        self._set_phase("asking")
        # the card focuses where its answer goes as it is mounted (CardView.on_mount)

    def now(self) -> datetime:
        return quiz_app(self).now()

    def _elapsed_ms(self) -> int:
        if self.shown_at is None:
            return 0
        return max(0, int((self.now() - self.shown_at).total_seconds() * 1000))

    def _next(self) -> None:
        session = self.session
        assert session is not None
        if self.limit is not None and self.answered >= self.limit:
            self._finish()
            return
        self._set_phase("busy")
        in_background(self, lambda: session.next_card(self.now()), self._show)

    def _finish(self) -> None:
        session = self.session
        if session is None:
            return
        if not session.record.reviewed:
            self.query_one(StudyHeader).show(0, None)
            if session.practice:
                self._empty(
                    "There is no card to practise here.",
                    "Every card of it is suspended (h on the home screen brings cards back). "
                    "Choose another deck or topic.",
                )
            else:
                self._empty(*nothing_due(session, self.now()))
            return
        self._set_phase("ending")
        in_background(
            self, lambda: session.summary(self.now()), self._summarise, self._summary_failed
        )

    def on_unmount(self) -> None:
        """Taken down with answers given and no summary (the app quit mid-session): the
        session's record is still saved, on the store's thread before the profile closes."""
        session = self.session
        if session is not None and session.record.reviewed and self.phase not in ("ending", "done"):
            self.phase = "done"
            app = quiz_app(self)
            now = app.now()

            def save() -> None:
                try:
                    session.summary(now)
                except Exception as error:  # noqa: BLE001 - said once the app has closed
                    app.close_problems.append(
                        f"this session's record was not saved: {friendly(error)} (its answers were)"
                    )

            start_now(save)

    def _summarise(self, summary: Summary) -> None:
        self.phase = "done"
        self.dismiss(SessionOutcome(summary))

    def _summary_failed(self, error: BaseException) -> None:
        """The session's record could not be saved (its answers were): say so and leave, with
        no summary, rather than wait for one that will not come."""
        self.app.notify(
            f"{friendly(error)} (your answers were saved)",
            title="This session's record was not saved",
            severity="error",
            markup=False,
        )
        self.phase = "done"
        self.dismiss(SessionOutcome(None))

    # -- answering -------------------------------------------------------------------------

    @on(CardView.Answered)
    def _answered(self, event: CardView.Answered) -> None:
        event.stop()
        response = event.response
        self._take(lambda session, now, ms: session.answer(response, now=now, elapsed_ms=ms))

    @on(CardView.DontKnow)
    def _dont_know(self, event: CardView.DontKnow) -> None:
        event.stop()
        self._take(lambda session, now, ms: session.dont_know(now=now, elapsed_ms=ms))

    def _take(self, answer: Callable[[StudySession, datetime, int], Result]) -> None:
        """Record the card's answer (``answer`` given the session, the time and the time
        taken) in the background, then show its feedback."""
        session = self.session
        if self.phase != "asking" or session is None:
            return
        self._set_phase("busy")
        self._say("")
        elapsed = self._elapsed_ms()
        in_background(
            self,
            lambda: answer(session, self.now(), elapsed),
            self._feedback,
            self._answer_failed,
        )

    @on(FlashCard.Revealed)
    def _revealed(self, event: FlashCard.Revealed) -> None:
        event.stop()
        if self.phase == "asking" and self.session is not None:
            event.card_view.reveal(self.session.preview(self.now()))

    @on(GradeBar.Graded)
    def _graded(self, event: GradeBar.Graded) -> None:
        event.stop()
        session = self.session
        if self.phase != "asking" or session is None:
            return
        self._set_phase("busy")
        self._say("")
        elapsed, rating = self._elapsed_ms(), event.rating
        in_background(
            self,
            lambda: session.grade_flashcard(rating, now=self.now(), elapsed_ms=elapsed),
            self._feedback,
            self._answer_failed,
        )

    def _answer_failed(self, error: BaseException) -> None:

        self.app.notify(
            friendly(error), title="The answer was not saved", severity="error", markup=False
        )
        self._set_phase("asking")

    def _feedback(self, result: Result, regraded: bool = False) -> None:
        if not regraded:
            self.answered += 1
            self.first_rating = result.rating
        self.result = result
        assert self.session is not None
        self.query_one(StudyHeader).show(self.answered, self.session.counts(self.now()), self.limit)
        body = self.query_one("#body")
        body.remove_children()
        changed_from = self.first_rating if result.rating != self.first_rating else None
        card = result.card
        dates = (
            event_dates(card.fact_ids, card.items, self.facts)
            if card.kind == "ordering" and self.facts is not None
            else None
        )
        panel = FeedbackPanel(result, self.now(), changed_from, dates)
        body.mount(panel)
        self._set_phase("feedback")  # the panel takes the focus as it is mounted

    # -- keys ------------------------------------------------------------------------------

    def action_next(self) -> None:
        if self.phase == "feedback":
            self._next()

    def action_undo(self) -> None:
        session = self.session
        if session is None or self.phase not in ("asking", "feedback"):
            return
        if not session.can_undo:
            self._say("Nothing to undo in this session.")
            return
        self._set_phase("busy")
        answered = self.answered

        def undone(presented: Presented | None) -> None:
            self.answered = max(0, answered - 1) if presented is not None else answered
            self._say("The last answer was taken back.")
            self._show(presented or session.next_card(self.now()))

        in_background(self, session.undo, undone)

    def action_edit_grade(self) -> None:
        if self.phase != "feedback" or self.result is None:
            return
        result = self.result

        def chosen(rating: Rating | None) -> None:
            session = self.session
            if rating is None or session is None or rating == result.rating:
                return
            self._set_phase("busy")
            now = self.now()

            in_background(
                self,
                lambda: session.regrade(rating, now),
                lambda changed: self._feedback(changed, regraded=True),
                self._regrade_failed,
            )

        self.app.push_screen(GradeDialog(result.rating), chosen)

    def _regrade_failed(self, error: BaseException) -> None:

        self.app.notify(
            friendly(error), title="The grade was not changed", severity="error", markup=False
        )
        self._set_phase("feedback")

    def _shown_card_id(self) -> str | None:
        """The card the keys act on: the one asked, or the one whose feedback is shown."""
        if self.phase == "asking" and self.presented is not None:
            return self.presented.card.id
        if self.phase == "feedback" and self.result is not None:
            return self.result.card.id
        return None

    def _leave_card(self, job: Callable[..., object], message: str) -> None:
        session = self.session
        card_id = self._shown_card_id()
        if session is None or card_id is None:
            return
        phase = self.phase
        self._set_phase("busy")
        now = self.now()

        def done(_: object) -> None:
            self._say(message)
            self._next()

        def failed(error: BaseException) -> None:

            self.app.notify(
                friendly(error), title="The card was not changed", severity="error", markup=False
            )
            self._set_phase(phase)

        in_background(self, lambda: job(now, card_id=card_id), done, failed)

    def action_bury(self) -> None:
        if self.session is not None:
            self._leave_card(self.session.bury, "Card buried until the next study day.")

    def action_suspend(self) -> None:
        if self.session is not None:
            self._leave_card(
                self.session.suspend, "Card suspended; h on the home screen brings it back."
            )

    def action_flag(self) -> None:
        session = self.session
        card_id = self._shown_card_id()
        if session is None or card_id is None:
            return

        def noted(note: str | None) -> None:
            if note is None:
                return
            now = self.now()
            in_background(
                self,
                lambda: session.flag(note, now, card_id=card_id),
                lambda _: self._say("Flagged. Your note is kept for your teacher."),
            )

        self.app.push_screen(FlagDialog(session.cards[card_id].prompt), noted)

    def action_as_flashcard(self) -> None:
        if self.session is not None and self.phase == "asking":
            self._show(self.session.show_as("flashcard"))

    def action_back(self) -> None:
        """Leave: to the summary once something was answered, else straight back. While an
        answer (or another change) is being saved, leave once it is, so that it counts."""
        views = self.query(CardView)
        if self.phase in ("loading", "busy") or any(view.answer_sent for view in views):
            self.leaving = True
            return
        self._leave()

    def _leave(self) -> None:
        self.leaving = False
        session = self.session
        if self.phase == "ending":  # the summary is on its way
            return
        if self.phase != "done" and session is not None and session.record.reviewed:
            self._finish()
            return
        self.phase = "done"
        self.dismiss(SessionOutcome(None))
