"""The screen of a practice that asks cards one after another without the study keys: an exam
(nothing said until the end) and a challenge (right or wrong said at once, against the clock).

Storage calls run in the store's worker one after another, as on the study screen; a
``phase`` keeps keys pressed meanwhile from doing anything. The time, when there is a limit, is
read from the app's clock: each second the header says what is left, and an answer given once
the time is up is not taken; the practice then ends. q (or Esc) ends it at any time.

Subclasses say what the header says, what an answer does (:meth:`QuizScreen.answered`),
what is shown after it before the next card (:meth:`QuizScreen.feedback`: a chronology's
order with its dates; nothing in an exam), and may add cards of their own that are not in the
deck (:meth:`QuizScreen.next_presented`, :meth:`QuizScreen.respond`: a match's pairs made
from facts). The screen is dismissed with its :class:`QuizOutcome`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static

from purgequiz.learn.exam import ExamClock
from purgequiz.learn.practice import PracticeSession
from purgequiz.learn.session import Presented, Result, Summary
from purgequiz.tui.background import friendly, in_background, start_now
from purgequiz.tui.host import quiz_app
from purgequiz.tui.text import plain, styled
from purgequiz.tui.widgets.cards import CardView, card_view
from purgequiz.tui.widgets.header import StudyHeader
from purgequiz.tui.widgets.keys import KeyBar

if TYPE_CHECKING:
    import random

    from purgequiz.decks.model import Deck
    from purgequiz.store.profile import Profile

__all__ = ["QuizOutcome", "QuizScreen", "QuizStart", "clock_text"]

STYLES = Path(__file__).resolve().parent.parent / "styles"

QuizStart = Callable[["Deck", "Profile", datetime, "random.Random"], PracticeSession]
Response = str | bool | tuple[str, ...]


def clock_text(left: timedelta) -> str:
    """ "4:05": minutes and seconds (rounded up, so the clock shows 0:00 only when time is up)."""
    seconds = int(-(-left.total_seconds() // 1))
    return f"{seconds // 60}:{seconds % 60:02d}"


@dataclass(frozen=True)
class QuizOutcome:
    """How a practice of this screen ended: its session, its answers in order, whether its
    time ran out, and its summary (None when nothing was answered or it could not be
    saved)."""

    session: PracticeSession
    results: tuple[Result, ...]
    time_up: bool
    summary: Summary | None


class QuizScreen(Screen[QuizOutcome | None]):
    """Asks the cards of the session ``start`` makes, with an optional time ``limit``."""

    CSS_PATH = [STYLES / "study.tcss", STYLES / "practice.tcss"]
    BINDINGS = [
        Binding("enter,space", "next", "next"),
        Binding("q,escape", "end", "end"),
    ]

    def __init__(
        self,
        deck: Deck,
        profile: Profile,
        start: QuizStart,
        *,
        title: str,
        limit: timedelta | None = None,
    ) -> None:
        super().__init__(classes="study-screen quiz-screen")
        self.deck = deck
        self.profile = profile
        self.start = start
        self.heading = title
        self.limit = limit
        self.session: PracticeSession | None = None
        self.clock: ExamClock | None = None
        self.results: list[Result] = []
        self.presented: Presented | None = None
        self.phase = "loading"  # loading, asking, busy, feedback, ending, done
        self.shown_at: datetime | None = None
        self.time_up = False
        self.ticking: Timer | None = None
        self.leaving = False  # q was pressed while an answer was being saved

    def compose(self) -> ComposeResult:
        yield StudyHeader(self.heading, id="study-header")
        yield Vertical(Static(plain("Getting your cards ready…"), classes="hint"), id="body")
        yield KeyBar()

    def now(self) -> datetime:
        return quiz_app(self).now()

    def on_mount(self) -> None:
        app = quiz_app(self)

        def start() -> tuple[PracticeSession, Presented | None]:
            session = self.start(self.deck, self.profile, app.now(), app.rng)
            return session, self.next_presented(session, app.now())

        in_background(self, start, self._started, self._failed)

    def _started(self, started: tuple[PracticeSession, Presented | None]) -> None:
        self.session, presented = started
        self.clock = ExamClock(self.now(), self.limit)
        if self.limit is not None:
            self.ticking = self.set_interval(1, self.tick)
        self._show(presented)

    def _failed(self, error: BaseException) -> None:
        self.phase = "done"
        body = self.query_one("#body")
        body.remove_children()
        body.mount(Static(plain(f"This practice cannot start: {friendly(error)}")))

    # -- the header and the clock ---------------------------------------------------------

    def status(self) -> Text:
        """What the header says right of the bar (subclasses add their score)."""
        return Text(self.time_text(), style="bold")

    def time_text(self) -> str:
        left = self.clock.left(self.now()) if self.clock is not None else None
        return "" if left is None else f"time left {clock_text(left)}"

    def total(self) -> int:
        """How many answers the bar runs to."""
        return len(self.session.asked) if self.session is not None else 1

    def bar(self) -> tuple[float, float]:
        """What the bar shows, done of all: the answers of the cards to ask (subclasses)."""
        return len(self.results), self.total()

    def show_status(self) -> None:
        done, total = self.bar()
        self.query_one(StudyHeader).progress(done, total, len(self.results), self.status())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next":
            return self.phase == "feedback"
        return True

    def tick(self) -> None:
        """Each second: the time left; once it is up, the end."""
        if self.phase in ("ending", "done"):
            return
        self.show_status()
        if (
            self.clock is not None
            and self.clock.over(self.now())
            and self.phase
            in (
                "asking",
                "feedback",
            )
        ):
            self.time_up = True
            self._finish()

    # -- asking ------------------------------------------------------------------------------

    def _show(self, presented: Presented | None) -> None:
        if presented is None or self.leaving:
            self._finish()
            return
        self.presented = presented
        self.shown_at = self.now()
        self.show_status()
        body = self.query_one("#body")
        body.remove_children()
        body.mount(*self.above_card(), card_view(presented, study_keys=False))
        self.phase = "asking"
        self.refresh_bindings()

    def above_card(self) -> list[Static]:
        """Lines shown over the card (a challenge says how the last answer went)."""
        return []

    def _elapsed_ms(self) -> int:
        if self.shown_at is None:
            return 0
        return max(0, int((self.now() - self.shown_at).total_seconds() * 1000))

    def _take(self, response: Response | None) -> None:
        """Take an answer (None: "I don't know") to the card shown."""
        session, presented = self.session, self.presented
        if self.phase != "asking" or session is None or presented is None:
            return
        if self.clock is not None and self.clock.over(self.now()):
            self.time_up = True  # given after the time was up: not taken
            self._finish()
            return
        self.phase = "busy"
        now, elapsed = self.now(), self._elapsed_ms()
        in_background(
            self,
            lambda: self.respond(session, presented, response, now, elapsed),
            self._answered,
            self._not_saved,
        )

    def respond(
        self,
        session: PracticeSession,
        presented: Presented,
        response: Response | None,
        now: datetime,
        elapsed_ms: int,
    ) -> Result:
        """The answer graded and logged (in the store's worker)."""
        if response is None:
            return session.dont_know(now, elapsed_ms)
        return session.answer(response, now, elapsed_ms)

    def next_presented(self, session: PracticeSession, now: datetime) -> Presented | None:
        """The next card to ask, or None at the end (in the store's worker)."""
        return session.next_card(now)

    @on(CardView.Answered)
    def _response(self, event: CardView.Answered) -> None:
        event.stop()
        self._take(event.response)

    @on(CardView.DontKnow)
    def _dont_know(self, event: CardView.DontKnow) -> None:
        event.stop()
        self._take(None)

    def _not_saved(self, error: BaseException) -> None:
        self.app.notify(
            friendly(error), title="The answer was not saved", severity="error", markup=False
        )
        self.phase = "asking"
        for view in self.query(CardView):
            view.answer_sent = False
        if self.leaving:
            self._finish()

    def _answered(self, result: Result) -> None:
        self.results.append(result)
        self.answered(result)
        if self.leaving:  # q while it was saved: it counts, and the practice ends
            self._finish()
            return
        shown = self.feedback(result)
        if not shown:
            self._next()
            return
        self.show_status()
        body = self.query_one("#body")
        body.remove_children()
        panel = VerticalScroll(*shown, classes="quiz-feedback")
        body.mount(panel)
        panel.focus()
        self.phase = "feedback"
        self.refresh_bindings()

    def _next(self) -> None:
        session = self.session
        assert session is not None
        self.phase = "busy"
        now = self.now()
        in_background(self, lambda: self.next_presented(session, now), self._show)

    def action_next(self) -> None:
        if self.phase == "feedback":
            self._next()

    def answered(self, result: Result) -> None:
        """What an answer does besides being kept (subclasses)."""

    def feedback(self, result: Result) -> list[Widget]:
        """What to show after an answer, before the next card (Enter goes on); nothing: the
        next card at once."""
        return []

    # -- the end -------------------------------------------------------------------------------

    def score(self) -> int | None:
        """The score the session record keeps (subclasses)."""
        return None

    def _finish(self) -> None:
        session = self.session
        if session is None or self.phase in ("ending", "done"):
            return
        self.phase = "ending"
        if self.ticking is not None:
            self.ticking.stop()
        session.record.score = self.score()
        results, time_up = tuple(self.results), self.time_up
        now = self.now()

        def summarise() -> Summary | None:
            if session.record.reviewed:
                return session.summary(now)
            if results:  # only rounds that are not cards (a match's): the record, with its score
                session.record.ended_at = now.isoformat()
                session.profile.save_session(session.record)
            return None

        def done(summary: Summary | None) -> None:
            self.phase = "done"
            self.dismiss(QuizOutcome(session, results, time_up, summary))

        def failed(error: BaseException) -> None:
            self.app.notify(
                f"{friendly(error)} (your answers were saved)",
                title="This practice's record was not saved",
                severity="error",
                markup=False,
            )
            done(None)

        in_background(self, summarise, done, failed)

    def on_unmount(self) -> None:
        """Taken down mid-practice (the app quit): the session's record is still saved, on the
        store's thread before the profile closes (its answers are saved already)."""
        session = self.session
        if session is None or not self.results or self.phase in ("ending", "done"):
            return
        self.phase = "done"
        app = quiz_app(self)
        now = app.now()
        session.record.score = self.score()

        def save() -> None:
            try:
                if session.record.reviewed:
                    session.summary(now)
                else:
                    session.record.ended_at = now.isoformat()
                    session.profile.save_session(session.record)
            except Exception as error:  # noqa: BLE001 - said once the app has closed
                app.close_problems.append(
                    f"this practice's record was not saved: {friendly(error)} (its answers were)"
                )

        start_now(save)

    def action_end(self) -> None:
        """End the practice; an answer on its way (sent, or being saved) is waited for and
        counts."""
        if self.phase == "busy" or any(view.answer_sent for view in self.query(CardView)):
            self.leaving = True  # once the answer is saved (or the next card is ready)
        elif self.phase in ("asking", "feedback"):
            self._finish()
        elif self.phase == "done" or self.session is None:  # it could not start
            self.phase = "done"
            self.dismiss(None)


class RoundResults(Screen[None]):
    """The end of a practice scored round by round (a chronology, a match): the total, how it
    is counted, and each round's score."""

    CSS_PATH = STYLES / "practice.tcss"
    BINDINGS = [Binding("h,q,escape,enter", "home", "home")]

    def __init__(
        self, title: str, total: Text, rule: str, rounds: list[tuple[str, str]], time_up: bool
    ) -> None:
        super().__init__(classes="exam-results")
        self.heading = title
        self.total = total
        self.rule = rule
        self.rounds = rounds
        self.time_up = time_up

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="exam-results"):
            yield Static(plain(self.heading), classes="screen-title")
            yield Static(self.total)
            yield Static(plain(self.rule), classes="hint")
            yield Static(
                plain("Recorded as practice: no card's schedule was changed."), classes="hint"
            )
            if self.rounds:
                yield Static(plain("Round by round"), classes="section")
            for number, (prompt, score) in enumerate(self.rounds, 1):
                yield Static(
                    styled((f"{number}. ", "bold"), prompt, ("  " + score, "bold")),
                    classes="mistake-line",
                )
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#exam-results").focus()

    def action_home(self) -> None:
        self.dismiss(None)
