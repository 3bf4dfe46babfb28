"""The study session the app drives: show a card, take the answer, grade, schedule, record.

Pure: the clock (``now``, UTC) and a ``random.Random`` come in from the caller; everything
that must last goes through the :class:`~purgequiz.learn.records.ProgressStore` (the profile),
which makes each answer durable before ``answer()`` returns.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from msgspec import structs

from purgequiz.decks.model import Card, Deck
from purgequiz.learn.grading import DEFAULT_THRESHOLDS, Thresholds, grade, well_known
from purgequiz.learn.matching import DeckMatcher, normalize_answer
from purgequiz.learn.presentation import (
    Mode,
    mode_for,
    shuffled_choices,
    shuffled_items,
)
from purgequiz.learn.queue import Counts, StudyQueue
from purgequiz.learn.records import Flag, ProgressStore, Review, SessionRecord
from purgequiz.learn.scheduler import CardProgress, Rating, Scheduler, interval_label
from purgequiz.learn.stats import streak

__all__ = ["Presented", "Result", "StudySession", "Summary"]


@dataclass(frozen=True)
class Presented:
    card: Card
    mode: Mode
    choices: tuple[str, ...]
    items: tuple[str, ...]
    counts: Counts
    is_new: bool
    leech: bool
    flagged: bool


@dataclass(frozen=True)
class Result:
    card: Card
    correct: bool
    near_miss: bool
    rating: Rating
    next_due: datetime
    interval: str
    expected: str
    given: str
    closer_to: str | None
    became_leech: bool
    elapsed_ms: int
    order: tuple[str, ...] = ()  # ordering: the items in the order given; matching: what was
    # matched with each item, in the items' order
    dont_know: bool = False  # answered "I don't know"
    practice: bool = False  # an answer in practice: the card's schedule was left as it was


@dataclass(frozen=True)
class Summary:
    reviewed: int
    correct: int
    accuracy: float
    time_ms: int
    hardest: tuple[Card, ...]
    next_due: datetime | None
    streak: int


def _utc(now: datetime) -> datetime:
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware (UTC)")
    return now.astimezone(UTC)


class StudySession:
    """One sitting with one deck; see docs/engine-api.md.

    With ``size`` (quick practice), the session keeps to the first ``size`` cards due when it
    starts: those are the cards it shows and counts.

    Practice (:class:`purgequiz.learn.practice.PracticeSession`) shares the grading, the
    presentation and the log with it, and changes two hooks: what an answer does to the
    schedule (:meth:`_schedule`, :meth:`_regraded`) and which card comes next.
    """

    practice = ""  # the practice mode of a practice session; "" for study

    def __init__(
        self,
        deck: Deck,
        profile: ProgressStore,
        now: datetime,
        rng: random.Random,
        thresholds: Thresholds = DEFAULT_THRESHOLDS,
        size: int | None = None,
    ) -> None:
        now = _utc(now)
        self.deck = deck
        self.profile = profile
        self.rng = rng
        self.settings = profile.settings
        self.thresholds = thresholds
        self.scheduler = Scheduler(self.settings)
        self.queue = StudyQueue(deck.cards, self.settings, seed=profile.order_seed)
        self.matcher = DeckMatcher(deck)
        self.cards = {card.id: card for card in deck.cards}
        self.states: dict[str, CardProgress] = dict(profile.card_states())
        self.current: Presented | None = None
        self._last: str | None = None
        self._undo: list[tuple[Review, list[CardProgress], Presented, bool]] = []
        self._flagged: set[str] = set()
        self._misses: Counter[str] = Counter()
        self._orders: dict[str, tuple[str, ...]] = {}  # review id → the order given
        self._whole_deck = self.queue  # for the new cards held back, also in a sized session
        if size is not None:
            self.queue = self.queue.within(
                self.queue.upcoming(self.states, now, *self._done(now), size)
            )
        self.record = SessionRecord(
            id=f"{now:%Y%m%dT%H%M%S}-{rng.getrandbits(32):08x}",
            deck_id=deck.id,
            started_at=now.isoformat(),
            ended_at=now.isoformat(),
            practice=self.practice,
        )

    # -- the queue -------------------------------------------------------------------------

    def _done(self, now: datetime) -> tuple[int, int]:
        counts = self.profile.day_counts(self.queue.day(now).isoformat())
        return counts.new, counts.review_cards

    def counts(self, now: datetime) -> Counts:
        return self.queue.counts(self.states, _utc(now), *self._done(_utc(now)))

    @property
    def waiting_until(self) -> datetime | None:
        """When the next learning card comes back, if nothing is to be shown now."""
        return self._waiting

    _waiting: datetime | None = None

    @property
    def new_held_back(self) -> int:
        """How many new cards today's limit keeps back, if nothing is to be shown now."""
        return self._held_back

    _held_back: int = 0

    def buried_count(self, now: datetime) -> int:
        """How many of the deck's cards are buried until later (by b, or as siblings)."""
        now = _utc(now)
        return sum(
            1
            for card_id in self.cards
            if (state := self.states.get(card_id)) is not None
            and not state.suspended
            and state.buried(now)
        )

    def _present(self, card: Card, mode: Mode, now: datetime) -> Presented:
        state = self.states.get(card.id)
        return Presented(
            card=card,
            mode=mode,
            choices=shuffled_choices(card, self.rng) if mode == "choice" else (),
            items=shuffled_items(card, self.rng) if mode in ("ordering", "matching") else (),
            counts=self.counts(now),
            is_new=state is None or state.is_new,
            leech=bool(state and state.leech),
            flagged=card.id in self._flagged,
        )

    def next_card(self, now: datetime) -> Presented | None:
        """The card to show now (the current one until it is answered), or None."""
        now = _utc(now)
        if self.current is not None:
            return self.current
        card_id = self.queue.next(self.states, now, *self._done(now), last=self._last)
        if card_id is None:
            self._waiting = self.queue.next_due(self.states, now)
            self._held_back = self._whole_deck.new_held_back(self.states, now, self._done(now)[0])
            return None
        self._waiting, self._held_back = None, 0
        card = self.cards[card_id]
        self.current = self._present(
            card, mode_for(card, self.states.get(card_id), self.settings), now
        )
        return self.current

    def show_as(self, mode: Mode, now: datetime | None = None) -> Presented:
        """The current card in another mode: ``flashcard`` always works."""
        current = self._need_current()
        card = current.card
        possible: set[str] = {"flashcard", mode_for(card, self.states.get(card.id), self.settings)}
        if card.kind in ("question", "cloze"):
            possible |= {"typed"} | ({"choice"} if card.choices else set())
        if mode not in possible:
            raise ValueError(f"this card cannot be shown as {mode}")
        self.current = replace(
            current,
            mode=mode,
            choices=shuffled_choices(card, self.rng) if mode == "choice" else (),
            items=shuffled_items(card, self.rng) if mode in ("ordering", "matching") else (),
        )
        return self.current

    def _need_current(self) -> Presented:
        if self.current is None:
            raise RuntimeError("no card is being shown; call next_card() first")
        return self.current

    # -- answering -------------------------------------------------------------------------

    def answer(
        self, response: str | bool | Sequence[str], now: datetime, elapsed_ms: int
    ) -> Result:
        """Grade an answer to the current card, schedule it and record it durably."""
        current = self._need_current()
        card, mode = current.card, current.mode
        near_miss, closer_to = False, None
        order: tuple[str, ...] = ()
        if mode == "flashcard":
            raise ValueError("a flashcard is graded with grade_flashcard(rating)")
        if mode == "truefalse":
            correct = bool(response) == card.truth
            given = "true" if response else "false"
        elif mode == "ordering":
            order = _texts(response)
            correct = list(order) == list(card.items)
            given = " → ".join(order)
        elif mode == "matching":  # the response: what was matched with each item, in order
            order = _texts(response)
            given_items = list(order)
            correct = given_items == list(card.matches)
            given = "; ".join(
                f"{left} → {right}" for left, right in zip(card.items, given_items, strict=False)
            )
        elif mode == "typed":
            given = str(response)
            match = self.matcher.match(card, given)
            correct, near_miss, closer_to = match.correct, match.near_miss, match.closer_to
        else:
            given = str(response)
            answer = card.answer
            correct = given == answer or normalize_answer(given) == normalize_answer(answer)
        state = self.states.get(card.id)
        rating = grade(
            correct,
            elapsed_ms,
            mode,
            near_miss=near_miss,
            known=well_known(state, self.thresholds),
            new=state is None or state.is_new,
            thresholds=self.thresholds,
        )
        return self._apply(rating, correct, near_miss, given, closer_to, now, elapsed_ms, order)

    def grade_flashcard(self, rating: Rating, now: datetime, elapsed_ms: int) -> Result:
        """Record a self-graded flashcard."""
        self._need_current()
        return self._apply(Rating(rating), rating != Rating.Again, False, "", None, now, elapsed_ms)

    def dont_know(self, now: datetime, elapsed_ms: int) -> Result:
        """ "I don't know" as the answer to the current card, in any mode: graded Again,
        logged with no guess (``given`` is "") and marked as such."""
        self._need_current()
        return self._apply(Rating.Again, False, False, "", None, now, elapsed_ms, dont_know=True)

    def _schedule(
        self, card: Card, before: CardProgress, rating: Rating, now: datetime, elapsed_ms: int
    ) -> tuple[CardProgress, list[CardProgress], list[CardProgress]]:
        """What an answer does to the schedule: (the card's state after it, every state that
        changes, each of those as it was). Study schedules the card and buries its kin."""
        after = self.scheduler.review(before, rating, now, self.rng, elapsed_ms)
        changed, previous = [after], [before]
        for state, buried in self._siblings_buried(card, now):
            previous.append(state)
            changed.append(buried)
        return after, changed, previous

    def _regraded(
        self, before: CardProgress, current: CardProgress, rating: Rating, at: datetime, ms: int
    ) -> tuple[CardProgress, list[CardProgress]]:
        """The card's state once its last answer (given at ``at``) is graded ``rating``
        instead, from its state ``before`` the answer, and the states to save."""
        after = self.scheduler.review(before, rating, at, self.rng, ms)
        after = replace(after, suspended=current.suspended, buried_until=current.buried_until)
        return after, [after]

    def _apply(
        self,
        rating: Rating,
        correct: bool,
        near_miss: bool,
        given: str,
        closer_to: str | None,
        now: datetime,
        elapsed_ms: int,
        order: tuple[str, ...] = (),
        *,
        dont_know: bool = False,
    ) -> Result:
        now = _utc(now)
        current = self._need_current()
        card = current.card
        before = self.states.get(card.id) or CardProgress(card.id)
        after, changed, previous = self._schedule(card, before, rating, now, elapsed_ms)
        review = Review(
            id=f"{int(now.timestamp() * 1000)}-{self.rng.getrandbits(48):012x}",
            card_id=card.id,
            day=self.queue.day(now).isoformat(),
            reviewed_at=now.isoformat(),
            mode=current.mode,
            rating=int(rating),
            correct=correct,
            near_miss=near_miss,
            given=given,
            elapsed_ms=int(elapsed_ms),
            was_new=before.is_new,
            was_review=before.is_review,
            after=after.to_dict(),
            practice=bool(self.practice),
            dont_know=dont_know,
        )
        self.profile.record_answer(review, changed)  # durable when it returns
        for state in changed:
            self.states[state.card_id] = state
        if order:
            self._orders[review.id] = order
        self._undo.append((review, previous, current, self._last is not None))
        self._last = card.id
        self.current = None
        self.record.reviewed += 1
        self.record.correct += correct
        self.record.time_ms += int(elapsed_ms)
        self.record.card_ids.append(card.id)
        self.record.ended_at = now.isoformat()
        if not correct:
            self._misses[card.id] += 1
        return self._result(review, before, after, closer_to)

    def _result(
        self, review: Review, before: CardProgress, after: CardProgress, closer_to: str | None
    ) -> Result:
        card = self.cards[review.card_id]
        at = datetime.fromisoformat(review.reviewed_at)
        return Result(
            card=card,
            correct=review.correct,
            near_miss=review.near_miss,
            rating=Rating(review.rating),
            next_due=after.due or at,
            interval=interval_label((after.due or at) - at),
            expected=card.answer,
            given=review.given,
            closer_to=closer_to,
            became_leech=after.leech and not before.leech,
            elapsed_ms=review.elapsed_ms,
            order=self._orders.get(review.id, ()),
            dont_know=review.dont_know,
            practice=review.practice,
        )

    def preview(self, now: datetime) -> dict[Rating, str]:
        """The interval label each rating would give the current card now."""
        card = self._need_current().card
        state = self.states.get(card.id) or CardProgress(card.id)
        return {
            rating: interval_label(interval)
            for rating, interval in self.scheduler.preview(state, _utc(now)).items()
        }

    @property
    def can_undo(self) -> bool:
        """Whether there is an answer in this session to take back (or to regrade)."""
        return bool(self._undo)

    def regrade(self, rating: Rating, now: datetime) -> Result:
        """Give the last answer another grade, as if it had been given when the card was answered.

        The log entry keeps its id, time, response and elapsed time; its rating changes and it
        counts as correct unless the new rating is Again. The card is scheduled afresh from its
        state before the answer (a bury or suspend made since is kept). Durable when it returns;
        ``undo()`` afterwards takes back the whole answer.
        """
        now = _utc(now)
        if not self._undo:
            raise RuntimeError("nothing has been answered in this session yet")
        rating = Rating(rating)
        old, previous, presented, had_last = self._undo[-1]
        # practice changed no state: the state before the answer is the one there is
        before = previous[0] if previous else self.states.get(old.card_id)
        before = before or CardProgress(old.card_id)
        at = datetime.fromisoformat(old.reviewed_at)
        current = self.states.get(old.card_id) or before
        after, states = self._regraded(before, current, rating, at, old.elapsed_ms)
        correct = rating != Rating.Again
        new = structs.replace(
            old,
            rating=int(rating),
            correct=correct,
            after=after.to_dict(),
            dont_know=old.dont_know and rating == Rating.Again,  # graded known: no longer so
        )
        self.profile.replace_answer(old, new, states)  # durable when it returns
        for state in states:
            self.states[state.card_id] = state
        self._undo[-1] = (new, previous, presented, had_last)
        self.record.correct += correct - old.correct
        self.record.ended_at = now.isoformat()
        self._misses[old.card_id] += old.correct - correct
        closer_to = None
        if old.mode == "typed" and not old.correct:
            closer_to = self.matcher.match(self.cards[old.card_id], old.given).closer_to
        return self._result(new, before, after, closer_to)

    def undo(self) -> Presented | None:
        """Take back the last answer: the card's state is restored and its log entry removed."""
        if not self._undo:
            return None
        review, previous, presented, _ = self._undo.pop()
        self.profile.undo_answer(review, previous)
        for state in previous:
            self.states[state.card_id] = state
        self._last = self._undo[-1][0].card_id if self._undo else None
        self.record.reviewed -= 1
        self.record.correct -= review.correct
        self.record.time_ms -= review.elapsed_ms
        if review.card_id in self.record.card_ids:
            self.record.card_ids.reverse()
            self.record.card_ids.remove(review.card_id)
            self.record.card_ids.reverse()
        if not review.correct:
            self._misses[review.card_id] -= 1
        self.current = presented
        return presented

    # -- bury, suspend, flag ---------------------------------------------------------------

    def _target(self, card_id: str | None) -> Card:
        """The card an action is for: ``card_id``, else the current card, else the last answered."""
        if card_id is None:
            if self.current is not None:
                return self.current.card
            if self._undo:
                return self.cards[self._undo[-1][0].card_id]
            raise RuntimeError("no card is being shown or has been answered")
        if card_id not in self.cards:
            raise ValueError(f"the card {card_id!r} is not in this deck")
        return self.cards[card_id]

    def _leave(self, card: Card) -> None:
        if self.current is not None and self.current.card.id == card.id:
            self.current = None

    def _siblings_buried(
        self, card: Card, now: datetime
    ) -> list[tuple[CardProgress, CardProgress]]:
        """(state, state buried until the day ends) of each card that must wait after ``card``:
        its siblings, and the new cards whose text gives it away or is given away by it, would
        give the answer away on the same day."""
        end = self.queue.day_end(now)
        siblings = self.queue.siblings.get(card.id, set())
        out = []
        for other in sorted(siblings | self.queue.reveals_buried.get(card.id, set())):
            if other not in self.cards or other == card.id:
                continue
            state = self.states.get(other) or CardProgress(other)
            if state.is_learning or state.suspended or (other not in siblings and not state.is_new):
                continue
            out.append((state, replace(state, buried_until=end)))
        return out

    def bury(self, now: datetime, card_id: str | None = None) -> None:
        """The card leaves the queue until the next study day.

        The card is ``card_id``, else the current card, else the one answered last (so a card
        can be buried while its feedback is shown).
        """
        card = self._target(card_id)
        state = self.states.get(card.id) or CardProgress(card.id)
        self._save(replace(state, buried_until=self.queue.day_end(_utc(now))), card, now)
        self._leave(card)

    def suspend(self, now: datetime, card_id: str | None = None) -> None:
        """The card (as for :meth:`bury`) leaves the queue until it is unsuspended."""
        card = self._target(card_id)
        self._save(
            replace(self.states.get(card.id) or CardProgress(card.id), suspended=True), card, now
        )
        self._leave(card)

    def _save(
        self, state: CardProgress, card: Card | None = None, now: datetime | None = None
    ) -> None:
        """Save ``state``; with ``card``, its siblings wait for the next day as well (one
        write)."""
        states = [state]
        if card is not None and now is not None:
            states += [buried for _, buried in self._siblings_buried(card, _utc(now))]
        self.profile.save_states(states)
        for each in states:
            self.states[each.card_id] = each

    def flag(self, note: str, now: datetime, card_id: str | None = None) -> Flag:
        """Mark the card (as for :meth:`bury`) as wrong, with a note for the teacher."""
        card = self._target(card_id)
        now = _utc(now)
        flag = Flag(
            id=f"{int(now.timestamp() * 1000)}-{self.rng.getrandbits(32):08x}",
            card_id=card.id,
            deck_id=self.deck.id,
            note=note,
            created_at=now.isoformat(),
            prompt=card.prompt,
        )
        self.profile.add_flag(flag)
        self._flagged.add(card.id)
        if self.current is not None and self.current.card.id == card.id:
            self.current = replace(self.current, flagged=True)
        return flag

    # -- the end ---------------------------------------------------------------------------

    def summary(self, now: datetime) -> Summary:
        """How the session went; the session record is saved."""
        now = _utc(now)
        record = self.record
        if record.reviewed:
            self.profile.save_session(record)
        hardest = tuple(
            self.cards[cid] for cid, misses in self._misses.most_common(5) if misses > 0
        )
        due = [
            s.due
            for cid, s in self.states.items()
            if cid in self.cards and s.due and not s.is_new and not s.suspended
        ]
        return Summary(
            reviewed=record.reviewed,
            correct=record.correct,
            accuracy=record.correct / record.reviewed if record.reviewed else 0.0,
            time_ms=record.time_ms,
            hardest=hardest,
            next_due=min(due, default=None),
            streak=streak(self.profile.study_days(), self.queue.day(now)),
        )


def _texts(response: str | bool | Sequence[str]) -> tuple[str, ...]:
    """The texts of an ordering or matching answer, in the order given."""
    if isinstance(response, bool):
        raise TypeError("an ordering or matching answer is a sequence of texts, not a bool")
    return tuple(str(item) for item in response)
