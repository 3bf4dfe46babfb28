"""The statistics' figures, checked on a small history whose every figure was worked out by
hand (the comments say how), across study-day and time-zone boundaries."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from purgequiz.decks.cardindex import CardIndex, CardText
from purgequiz.learn.records import DayCounts
from purgequiz.learn.scheduler import CardProgress, State
from purgequiz.learn.statistics import (
    FORECAST_DAYS,
    HISTORY_DAYS,
    TOP,
    CardCounts,
    Missed,
    TimeSpent,
    TopicMastery,
    Week,
    WrongChoice,
    compute,
    share_words,
    time_words,
)
from purgequiz.learn.statistics_words import retention_words, span_words, summary_words
from purgequiz.learn.tally import ReviewTally

BERLIN = ZoneInfo("Europe/Berlin")  # UTC+1 in early March 2026
# 02:30 in Berlin on Tuesday 10 March: before the study day's 04:00, so still Monday 9 March
NOW = datetime(2026, 3, 10, 1, 30, tzinfo=UTC)
TODAY = date(2026, 3, 9)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def state(card: str, phase: State, due: str | None, stability: float = 5.0, **more) -> dict:
    reps = more.pop("reps", 3)
    return CardProgress(
        card, phase, None, stability, 5.0, at(due) if due else None, reps=reps, **more
    ).to_dict()


def card(prompt: str, *topics: str, answer: str = "Yezhov") -> CardText:
    return CardText(prompt, answer, topics)


INDEX = CardIndex(
    {
        "c-new": card("New?", "army"),
        "c-zero": card("Held before studied?", "nkvd"),
        "c-learn": card("Learning?", "nkvd"),
        "c-review-tomorrow": card("Tomorrow?", "army"),
        "c-overdue": card("Overdue?", "army", answer="Beria"),
        "c-relearn": card("Relearning?", "nkvd"),
        "c-suspended-review": card("Suspended?", "nkvd"),
        "c-buried": card("Buried?", "army", "nkvd"),
        "c-far": card("Far?", "nkvd", "local-topic"),
    },
    {"army": "The army purge", "nkvd": "The NKVD"},
)

STATES = {
    # never answered, suspended: new, and suspended
    "c-zero": state("c-zero", State.Learning, None, reps=0, suspended=True),
    # due 03:59 Berlin on 10 March: still study day 9 March, today
    "c-learn": state("c-learn", State.Learning, "2026-03-10T02:59:00"),
    # due 04:00 Berlin on 10 March: study day 10 March, tomorrow; stability 30: mastered
    "c-review-tomorrow": state("c-review-tomorrow", State.Review, "2026-03-10T03:00:00", 30.0),
    # overdue since 1 March: counted today
    "c-overdue": state("c-overdue", State.Review, "2026-03-01T12:00:00"),
    # in two days; a leech
    "c-relearn": state("c-relearn", State.Relearning, "2026-03-11T12:00:00", leech=True),
    # suspended: not due at all, and not mastered although its stability would be enough
    "c-suspended-review": state(
        "c-suspended-review", State.Review, "2026-03-10T12:00:00", 40.0, suspended=True
    ),
    # overdue but buried until 04:00 Berlin on 10 March: tomorrow; stability 21: mastered
    "c-buried": state(
        "c-buried",
        State.Review,
        "2026-03-09T12:00:00",
        21.0,
        buried_until=at("2026-03-10T03:00:00"),
    ),
    # in 42 days: beyond the forecast
    "c-far": state("c-far", State.Review, "2026-04-20T12:00:00", 10.0),
    # a card no listed deck holds now, due 11:00 Berlin on 12 March: in three days
    "c-orphan": state("c-orphan", State.Review, "2026-03-12T10:00:00", 2.0),
}

DAYS = [
    DayCounts("2025-03-01", reviews=7, correct=5, time_ms=600_000),  # over a year ago
    DayCounts("2025-12-01", reviews=5, correct=4, time_ms=3_600_000),  # within 365 days only
    DayCounts("2026-03-02", reviews=0),  # its answers were undone: not a study day
    DayCounts("2026-03-03", reviews=6, correct=6, time_ms=60_000),
    DayCounts("2026-03-08", reviews=10, correct=8, time_ms=600_000),
    DayCounts("2026-03-09", reviews=4, correct=3, time_ms=120_000),
]

TALLY = ReviewTally(
    days={
        "2026-03-09": [3, 2],  # Monday: this week
        "2026-03-08": [4, 4],  # Sunday: the week of 2 March
        "2026-03-02": [2, 1],  # Monday: the week of 2 March
        "2026-02-16": [1, 0],  # the week of 16 February; that of 23 February has none
        "2025-01-01": [5, 5],  # more than 52 weeks ago: not shown
    },
    cards={
        "c-learn": [3, 2],
        "c-overdue": [5, 2],
        "c-relearn": [4, 3],
        "c-orphan": [2, 2],
        "c-far": [1, 0],
    },
    picks={"c-learn": {"Yagoda": 2, "Beria": 1}, "c-overdue": {"Yezhov": 2}},
)


def figures(**changes):
    given = {
        "days": DAYS,
        "states": STATES,
        "tally": TALLY,
        "index": INDEX,
        "zone": BERLIN,
        "day_starts_at": 4,
        "now": NOW,
    }
    return compute(**{**given, **changes})


def test_today_is_the_study_day_of_the_profiles_zone_and_hour():
    """At 02:30 in Berlin, before the study day starts at 04:00, today is still the day
    before, and the history of days ends with it."""
    stats = figures()
    assert stats.today == TODAY
    assert len(stats.days) == HISTORY_DAYS
    assert stats.days[-1].day == TODAY and stats.days[-1].reviews == 4
    assert stats.days[0].day == TODAY - timedelta(days=HISTORY_DAYS - 1)


def test_answers_per_day_over_each_span():
    """The spans count the daily totals of their last 30, 90 and 365 days, and the days on
    which something was answered (a day whose answers were undone is not one)."""
    stats = figures()
    totals = {
        span["days"]: (span["reviews"], span["days_studied"]) for span in stats.to_json()["spans"]
    }
    # 30 and 90 days: 4 + 10 + 6; 365 days: and 5 on 1 December 2025
    assert totals == {30: (20, 3), 90: (20, 3), 365: (25, 4)}
    assert stats.answers == 32  # 1 March 2025 too
    assert stats.streak == 2  # 8 and 9 March
    assert span_words(stats, 30) == (
        "20 answers in the last 30 days, on 3 days; most on 8 March 2026: 10."
    )


def test_time_studied_today_in_the_last_seven_days_and_in_all():
    """Time and answers of today, of today and the six days before, and of every day."""
    stats = figures()
    assert stats.time_today == TimeSpent(4, 120_000)
    assert stats.time_week == TimeSpent(20, 780_000)  # 3, 8 and 9 March
    assert stats.time_all == TimeSpent(32, 4_980_000)
    assert time_words(stats.time_all.time_ms) == "1 h 23 min"
    assert summary_words(stats) == "32 answers in all, 1 h 23 min of study; streak 2 days."


def test_the_forecast_counts_each_card_on_the_study_day_it_can_be_asked():
    """Overdue cards count today; a card due before 04:00 local time counts on the study day
    before, one due at 04:00 on the next; a buried card counts when it comes back; suspended
    and never answered cards are not due; a card due beyond the forecast is left out."""
    stats = figures()
    assert len(stats.forecast) == FORECAST_DAYS
    assert stats.forecast[0].day == TODAY
    due = [d.cards for d in stats.forecast]
    assert due[:4] == [2, 2, 1, 1]  # learn and overdue; tomorrow and buried; relearn; orphan
    assert sum(due) == 6


def test_the_forecast_follows_the_zone_not_the_date_in_utc():
    """In New York, a card due at 03:30 UTC on 10 March is due at 23:30 on 9 March, local
    time: it counts today, though its date in UTC is tomorrow."""
    york = ZoneInfo("America/New_York")  # UTC-4 from 8 March 2026
    states = {"late": state("late", State.Review, "2026-03-10T03:30:00")}
    stats = figures(states=states, zone=york, now=at("2026-03-09T12:00:00"))
    assert stats.today == TODAY
    assert [d.cards for d in stats.forecast[:2]] == [1, 0]


def test_cards_are_counted_by_state_with_their_marks():
    """Every listed card and every card with progress is counted once by its phase (never
    answered is new), and again under each mark it carries; mastered leaves out suspended
    cards."""
    assert figures().cards == CardCounts(
        total=10,  # nine listed, and the orphan
        new=2,  # c-new (no progress), c-zero (never answered)
        learning=1,
        review=6,
        relearning=1,
        suspended=2,  # c-zero, c-suspended-review
        buried=1,
        leech=1,
        mastered=2,  # c-review-tomorrow (30 days), c-buried (21 days)
    )


def test_mastery_is_counted_per_topic_with_titles():
    """Each topic counts its listed cards and the mastered ones among them (a card in two
    topics counts in both); a topic without a title is shown by its id; sorted by title."""
    assert figures().topics == (
        TopicMastery("local-topic", "local-topic", 1, 0),
        TopicMastery("army", "The army purge", 4, 2),
        TopicMastery("nkvd", "The NKVD", 6, 1),
    )


def test_true_retention_is_counted_per_week_from_the_first_with_answers():
    """Answers to cards in review are summed per week, Monday to Sunday by study day, from
    the first week with such answers to this one; a week without any has no share."""
    stats = figures()
    assert stats.retention == (
        Week(date(2026, 2, 16), 1, 0),
        Week(date(2026, 2, 23), 0, 0),
        Week(date(2026, 3, 2), 6, 5),
        Week(date(2026, 3, 9), 3, 2),
    )
    assert [share_words(w.share) for w in stats.retention] == ["0%", "–", "83%", "67%"]
    assert retention_words(stats) == (
        "Right this week: 67% of 3 answers to cards in review; over the 4 weeks shown: 70% of 10."
    )


def test_the_cards_most_often_missed_and_the_wrong_choices_most_often_picked():
    """Missed cards come by wrong answers, then by the share wrong; wrong choices by how often
    they were picked; each with the card's prompt (empty for a card no deck holds now) and,
    for a choice, the right answer."""
    stats = figures()
    assert stats.missed == (
        Missed("c-relearn", "Relearning?", 4, 3),
        Missed("c-orphan", "", 2, 2),
        Missed("c-learn", "Learning?", 3, 2),
        Missed("c-overdue", "Overdue?", 5, 2),
    )
    assert stats.wrong_choices == (
        WrongChoice("c-learn", "Learning?", "Yezhov", "Yagoda", 2),
        WrongChoice("c-overdue", "Overdue?", "Beria", "Yezhov", 2),
        WrongChoice("c-learn", "Learning?", "Yezhov", "Beria", 1),
    )


def test_only_the_top_ten_are_listed():
    """Of twelve missed cards, the ten missed most are listed."""
    tally = ReviewTally({}, {f"c{i:02d}": [20, i + 1] for i in range(12)}, {})
    stats = figures(tally=tally)
    assert len(stats.missed) == TOP == 10
    assert [m.card_id for m in stats.missed] == [f"c{i:02d}" for i in range(11, 1, -1)]


def test_a_new_profile_has_nothing_to_show_but_its_new_cards():
    """With no answer at all the statistics are empty: no answer on any day, nothing due, no
    week of retention, nothing missed; every listed card is new."""
    stats = figures(days=[], states={}, tally=ReviewTally())
    assert stats.empty
    assert not any(d.reviews for d in stats.days)
    assert not any(d.cards for d in stats.forecast)
    assert stats.retention == () and stats.missed == () and stats.wrong_choices == ()
    assert stats.cards.total == stats.cards.new == 9
    assert stats.streak == 0 and stats.time_all == TimeSpent(0, 0)
    assert retention_words(stats).startswith("No answer to a card in review yet")


def test_the_json_form_has_its_documented_keys():
    """The JSON form holds the documented keys, with dates as ISO text and the figures as
    computed."""
    data = figures().to_json()
    assert list(data) == [
        "format",
        "version",
        "now",
        "today",
        "answers",
        "streak",
        "days",
        "spans",
        "forecast",
        "retention",
        "topics",
        "cards",
        "time",
        "missed",
        "wrong_choices",
    ]
    assert data["format"] == "purgequiz.statistics" and data["version"] == 1
    assert data["today"] == "2026-03-09"
    assert data["days"][-1] == {"day": "2026-03-09", "reviews": 4, "correct": 3}
    assert data["forecast"][1] == {"day": "2026-03-10", "cards": 2}
    assert data["retention"][1] == {"week": "2026-02-23", "answers": 0, "right": 0, "share": None}
    assert data["topics"][1] == {
        "topic": "army",
        "title": "The army purge",
        "cards": 4,
        "mastered": 2,
    }
    assert data["cards"]["mastered"] == 2
    assert data["time"]["last_7_days"] == {"answers": 20, "time_ms": 780_000}
    assert data["missed"][0] == {
        "card_id": "c-relearn",
        "prompt": "Relearning?",
        "answers": 4,
        "wrong": 3,
    }
    assert data["wrong_choices"][0]["given"] == "Yagoda"


def test_times_and_shares_in_words():
    """Times read as minutes and hours, shares as whole percentages."""
    assert [time_words(ms) for ms in (0, 30_000, 720_000, 3_900_000)] == [
        "none",
        "under a minute",
        "12 min",
        "1 h 05 min",
    ]
    assert [share_words(s) for s in (None, 0.0, 0.875, 1.0)] == ["–", "0%", "88%", "100%"]
