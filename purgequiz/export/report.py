"""A class's progress, worked out from the progress exports its students hand in: the figures
of a class report, as data (``report_html``, ``report_md`` and ``report_csv`` lay them out).

What the figures mean (docs/exports.md, "Class reports", says the same for teachers):

* **cards seen**: the cards a student has answered at least once;
* **mastered**: cards in review whose memory stability has reached :data:`MASTERED_DAYS`
  (21) days, as the app's mastery bars count them (a suspended card is not counted);
* **retention**: the share of *review answers* that were right: answers to cards that had
  already graduated to review (answers while a card is new or being learnt do not count);
  none when a student has no review answers yet;
* **accuracy** (per topic, per card, for the class): the share of all answers that were right;
* **time studied**: the time the answers took, added up;
* **last active**: the last study day with an answer;
* **streak**: study days in a row with an answer, up to the day the file was exported (a day
  with no answer yet on that day does not break it), as the app counts it;
* **lapses**: how often students forgot a card they had learnt (each time a card in review is
  answered wrong), from each student's card states.

With a deck given, only that deck's cards count, everywhere. Text read from the files (names,
answers given, notes) is kept as it is: each layout escapes it for its own format.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from purgequiz import explain as words
from purgequiz.decks.model import Card
from purgequiz.files import EXPORT_LIMIT, FileProblem, read_json
from purgequiz.learn.days import study_day
from purgequiz.learn.scheduler import State
from purgequiz.learn.stats import MASTERED_DAYS, streak
from purgequiz.store.schema import Invalid
from purgequiz.store.transfer import check_export

__all__ = [
    "HARDEST",
    "MASTERED_DAYS",
    "MOST_CHOSEN",
    "CardRow",
    "ClassReport",
    "DayRow",
    "FlagRow",
    "Handed",
    "Skipped",
    "StudentRow",
    "TopicRow",
    "WrongChoice",
    "build_report",
    "day_text",
    "duration",
    "flags_by_card",
    "percent",
    "period",
    "read_exports",
    "retention_of_class",
    "short_day",
    "shortened",
]

HARDEST = 10  # cards in the list of the hardest
MOST_CHOSEN = 12  # wrong choices in the list of those most chosen
NOT_IN_A_DECK = "(a card not in the decks here)"


@dataclass(frozen=True)
class Handed:
    """A progress export that was read and checked: its file and its content."""

    file: str
    data: dict[str, Any]

    @property
    def name(self) -> str:
        """The student's name: the profile named in the file, else the file's name."""
        named = self.data.get("profile")
        if isinstance(named, str) and named.strip():
            return named.strip()
        return Path(self.file).stem


@dataclass(frozen=True)
class Skipped:
    """A file left out of the report, and why."""

    file: str
    reason: str


def _what_else(data: Any) -> str | None:
    """What a JSON file that is not a progress export is, when it is one of ours."""
    if isinstance(data, dict) and data.get("format") == "purgequiz.deck":
        return "is a deck, not a progress export (made with 'purgequiz progress export')"
    return None


def read_exports(files: Iterable[str | os.PathLike[str]]) -> tuple[list[Handed], list[Skipped]]:
    """Each file read and checked as a whole progress export, or left out saying why."""
    handed: list[Handed] = []
    skipped: list[Skipped] = []
    for path in files:
        file = str(path)
        try:
            data = read_json(path, what="progress export", limit=EXPORT_LIMIT)
        except FileProblem as problem:
            skipped.append(Skipped(file, problem.reason))
            continue
        other = _what_else(data)
        if other is not None:
            skipped.append(Skipped(file, other))
            continue
        try:
            check_export(data)
        except Invalid as error:
            skipped.append(Skipped(file, words.describe(error)))
            continue
        handed.append(Handed(file, data))
    return handed, skipped


# -- the figures ------------------------------------------------------------------------------


@dataclass(frozen=True)
class StudentRow:
    name: str
    file: str
    answers: int
    cards_seen: int
    mastered: int
    review_answers: int  # answers to cards already in review: what retention is the share of
    review_right: int
    time_ms: int
    last_active: date | None
    streak: int

    @property
    def retention(self) -> float | None:
        """The share of review answers that were right (None: no review answers yet)."""
        return self.review_right / self.review_answers if self.review_answers else None


@dataclass(frozen=True)
class TopicRow:
    topic: str  # the topic's id
    title: str
    cards: int  # cards of the topic answered by someone
    answers: int
    correct: int
    students: int

    @property
    def accuracy(self) -> float:
        return self.correct / self.answers if self.answers else 0.0


@dataclass(frozen=True)
class CardRow:
    card_id: str
    prompt: str
    answer: str
    topics: tuple[str, ...]  # titles
    answers: int
    correct: int
    students: int  # students who answered it
    lapses: int  # added up over the students
    lapsed: int  # students who forgot it at least once

    @property
    def accuracy(self) -> float:
        return self.correct / self.answers if self.answers else 0.0


@dataclass(frozen=True)
class WrongChoice:
    """A wrong choice picked on a multiple-choice card: a false belief some students hold."""

    card_id: str
    prompt: str
    answer: str  # the right one
    chosen: str
    students: int  # students who picked it at least once
    times: int
    why_not: str  # the card's rebuttal of it, if it has one


@dataclass(frozen=True)
class FlagRow:
    student: str
    card_id: str
    prompt: str
    answer: str  # the card's, as the deck has it ('' for a card not in the decks here)
    note: str
    flagged_on: date


@dataclass(frozen=True)
class DayRow:
    day: date
    answers: int
    students: int


@dataclass(frozen=True)
class ClassReport:
    made_at: datetime
    deck_id: str | None  # the deck the report keeps to, if one was given
    deck_title: str | None
    students: tuple[StudentRow, ...]
    topics: tuple[TopicRow, ...]
    cards: tuple[CardRow, ...]  # every card answered, weakest first
    hardest: tuple[CardRow, ...]
    wrong_choices: tuple[WrongChoice, ...]
    flags: tuple[FlagRow, ...]
    days: tuple[DayRow, ...]  # every day from the first answer to the last
    skipped: tuple[Skipped, ...] = ()
    answers: int = 0
    correct: int = 0
    time_ms: int = 0
    definitions: Mapping[str, str] = field(default_factory=dict)

    @property
    def accuracy(self) -> float:
        return self.correct / self.answers if self.answers else 0.0

    @property
    def first_day(self) -> date | None:
        return self.days[0].day if self.days else None

    @property
    def last_day(self) -> date | None:
        return self.days[-1].day if self.days else None


DEFINITIONS = {
    "cards seen": "cards the student has answered at least once",
    "mastered": f"cards in review whose memory stability has reached {MASTERED_DAYS:g} days "
    "(as the app's mastery bars count them; suspended cards are not counted)",
    "retention": "the share of review answers that were right: answers to cards that had "
    "already been learnt (answers while a card is new or being learnt do not count)",
    "accuracy": "the share of all answers that were right",
    "time studied": "the time the answers took, added up",
    "last active": "the last study day with an answer",
    "streak": "study days in a row with an answer, up to the day the file was exported (no "
    "answer yet on that day does not break it)",
    "lapses": "how often a card that had been learnt was forgotten (answered wrong in review)",
}


def _export_day(data: Mapping[str, Any]) -> date | None:
    """The study day on which the file was exported, in the student's own zone and day."""
    stamp = data.get("exported_at")
    if not isinstance(stamp, str):
        return None
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    settings = data.get("settings") or {}
    try:
        zone = ZoneInfo(settings.get("timezone") or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    hour = settings.get("day_starts_at", 4)
    return study_day(moment, zone, hour if isinstance(hour, int) and 0 <= hour <= 23 else 4)


def _day_of(stamp: str) -> date:
    """The date a checked time stamp (RFC 3339: it begins with its date) was made on."""
    return date.fromisoformat(stamp[:10])


def _mastered(state: Mapping[str, Any]) -> bool:
    return (
        state.get("reps", 0) > 0
        and state.get("state") == int(State.Review)
        and not state.get("suspended", False)
        and (state.get("stability") or 0.0) >= MASTERED_DAYS
    )


def _student(
    handed: Handed, reviews: list[Mapping[str, Any]], states: list[Mapping[str, Any]]
) -> StudentRow:
    in_review = [r for r in reviews if r["was_review"]]
    days = sorted({r["day"] for r in reviews})
    exported = _export_day(handed.data)
    last = date.fromisoformat(days[-1]) if days else None
    until = exported if exported is not None else last
    return StudentRow(
        name=handed.name,
        file=handed.file,
        answers=len(reviews),
        cards_seen=len({r["card_id"] for r in reviews}),
        mastered=sum(_mastered(state) for state in states),
        review_answers=len(in_review),
        review_right=sum(r["correct"] for r in in_review),
        time_ms=sum(r["elapsed_ms"] for r in reviews),
        last_active=last,
        streak=streak(days, until) if until is not None else 0,
    )


def build_report(
    handed: Sequence[Handed],
    cards: Mapping[str, Card],
    topic_titles: Mapping[str, str],
    *,
    made_at: datetime,
    keep: set[str] | None = None,
    deck_id: str | None = None,
    deck_title: str | None = None,
    skipped: Sequence[Skipped] = (),
) -> ClassReport:
    """The class report of ``handed`` (checked exports). ``cards`` gives each card's prompt,
    answer and topics (a card it lacks is shown by its id); with ``keep``, only those cards
    count (a deck's)."""

    def kept(card_id: str) -> bool:
        return keep is None or card_id in keep

    students: list[StudentRow] = []
    answers: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    answered_by: defaultdict[str, set[int]] = defaultdict(set)
    lapses: Counter[str] = Counter()
    lapsed: Counter[str] = Counter()
    picked: Counter[tuple[str, str]] = Counter()
    picked_by: defaultdict[tuple[str, str], set[int]] = defaultdict(set)
    by_day: Counter[str] = Counter()
    day_students: defaultdict[str, set[int]] = defaultdict(set)
    flags: list[FlagRow] = []
    total_time = 0
    for number, one in enumerate(handed):
        reviews = [r for r in one.data.get("reviews", []) if kept(r["card_id"])]
        states = [s for s in one.data.get("cards", []) if kept(s["card_id"])]
        row = _student(one, reviews, states)
        students.append(row)
        total_time += row.time_ms
        for review in reviews:
            card_id = review["card_id"]
            answers[card_id] += 1
            correct[card_id] += review["correct"]
            answered_by[card_id].add(number)
            by_day[review["day"]] += 1
            day_students[review["day"]].add(number)
            if review["mode"] == "choice" and not review["correct"] and review["given"]:
                card = cards.get(card_id)
                if card is None or review["given"] != card.answer:
                    picked[card_id, review["given"]] += 1
                    picked_by[card_id, review["given"]].add(number)
        for state in states:
            if state.get("lapses", 0) > 0:
                lapses[state["card_id"]] += state["lapses"]
                lapsed[state["card_id"]] += 1
        for flag in one.data.get("flags", []):
            if kept(flag["card_id"]):
                card = cards.get(flag["card_id"])
                flags.append(
                    FlagRow(
                        student=row.name,
                        card_id=flag["card_id"],
                        prompt=card.prompt if card else flag.get("prompt") or flag["card_id"],
                        answer=card.answer if card else "",
                        note=flag["note"],
                        flagged_on=_day_of(flag["created_at"]),
                    )
                )

    def title(topic: str) -> str:
        return topic_titles.get(topic, topic)

    card_rows = []
    for card_id in answers:
        card = cards.get(card_id)
        card_rows.append(
            CardRow(
                card_id=card_id,
                prompt=card.prompt if card else NOT_IN_A_DECK,
                answer=card.answer if card else "",
                topics=tuple(title(t) for t in card.topics) if card else (),
                answers=answers[card_id],
                correct=correct[card_id],
                students=len(answered_by[card_id]),
                lapses=lapses[card_id],
                lapsed=lapsed[card_id],
            )
        )
    card_rows.sort(key=lambda row: (row.accuracy, -row.answers, row.card_id))
    hardest = sorted(
        (row for row in card_rows if row.lapses > 0),
        key=lambda row: (-row.lapses, -row.lapsed, row.accuracy, row.card_id),
    )[:HARDEST]

    topic_rows = []
    by_topic: defaultdict[str, list[str]] = defaultdict(list)
    for card_id in answers:
        card = cards.get(card_id)
        for topic in card.topics if card else ():
            by_topic[topic].append(card_id)
    for topic, ids in by_topic.items():
        topic_rows.append(
            TopicRow(
                topic=topic,
                title=title(topic),
                cards=len(ids),
                answers=sum(answers[c] for c in ids),
                correct=sum(correct[c] for c in ids),
                students=len(set().union(*(answered_by[c] for c in ids))),
            )
        )
    topic_rows.sort(key=lambda row: (row.accuracy, row.title))

    wrong = []
    for (card_id, chosen), times in picked.items():
        card = cards.get(card_id)
        rebuttal = card.rebuttal(chosen) if card else None
        wrong.append(
            WrongChoice(
                card_id=card_id,
                prompt=card.prompt if card else NOT_IN_A_DECK,
                answer=card.answer if card else "",
                chosen=chosen,
                students=len(picked_by[card_id, chosen]),
                times=times,
                why_not=rebuttal.text if rebuttal else "",
            )
        )
    wrong.sort(key=lambda w: (-w.students, -w.times, w.card_id, w.chosen))

    days: list[DayRow] = []
    if by_day:
        first, last = date.fromisoformat(min(by_day)), date.fromisoformat(max(by_day))
        day = first
        while day <= last:
            key = day.isoformat()
            days.append(DayRow(day, by_day[key], len(day_students[key])))
            day += timedelta(days=1)

    students.sort(key=lambda row: (row.name.casefold(), row.file))
    flags.sort(key=lambda f: (f.prompt.casefold(), f.card_id, f.student.casefold(), f.flagged_on))
    return ClassReport(
        made_at=made_at,
        deck_id=deck_id,
        deck_title=deck_title,
        students=tuple(students),
        topics=tuple(topic_rows),
        cards=tuple(card_rows),
        hardest=tuple(hardest),
        wrong_choices=tuple(wrong[:MOST_CHOSEN]),
        flags=tuple(flags),
        days=tuple(days),
        skipped=tuple(skipped),
        answers=sum(answers.values()),
        correct=sum(correct.values()),
        time_ms=total_time,
        definitions=DEFINITIONS,
    )


# -- in words, for every layout ---------------------------------------------------------------


def percent(share: float | None) -> str:
    """'87%' ('–' for none)."""
    return "\u2013" if share is None else f"{share * 100:.0f}%"


def duration(ms: int) -> str:
    """'3 h 05 min', '48 min', '0 min'."""
    minutes = round(ms / 60000)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"


def day_text(day: date | None) -> str:
    """'3 December 2026' ('–' for none)."""
    return "\u2013" if day is None else f"{day.day} {day:%B %Y}"


def short_day(day: date | None) -> str:
    """'3 Dec 2026' ('–' for none), for a table's column."""
    return "\u2013" if day is None else f"{day.day} {day:%b %Y}"


def shortened(text: str, most: int = 160) -> str:
    """``text`` cut to ``most`` characters, with '…' where it was cut (an ordering card's
    answer lists every event)."""
    return text if len(text) <= most else text[: most - 1].rstrip() + "\u2026"


def flags_by_card(report: ClassReport) -> list[tuple[str, list[FlagRow]]]:
    """The flags, one group a card (its prompt, and each student's flag), in the report's order."""
    groups: dict[str, list[FlagRow]] = {}
    for flag in report.flags:
        groups.setdefault(flag.card_id, []).append(flag)
    return [(rows[0].prompt, rows) for rows in groups.values()]


def period(report: ClassReport) -> str:
    """'2 November – 3 December 2026', or 'no answers yet'."""
    first, last = report.first_day, report.last_day
    if first is None or last is None:
        return "no answers yet"
    if first == last:
        return day_text(first)
    start = f"{first.day} {first:%B}" if first.year == last.year else day_text(first)
    return f"{start} \u2013 {day_text(last)}"


def retention_of_class(report: ClassReport) -> float | None:
    """The share of every student's review answers that were right, taken together."""
    answered = sum(row.review_answers for row in report.students)
    right = sum(row.review_right for row in report.students)
    return right / answered if answered else None
