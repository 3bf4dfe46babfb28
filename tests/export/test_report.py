"""The class report's figures, worked out by hand for the small class of tests/export/classkit.py,
and the files it reads or leaves out."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from purgequiz.export.report import (
    NOT_IN_A_DECK,
    ClassReport,
    Handed,
    build_report,
    read_exports,
    retention_of_class,
)
from purgequiz.store.transfer import check_export
from tests.export.classkit import MINI, TOPICS, anna, boris, chen, flag

MADE = datetime(2025, 3, 7, 9, tzinfo=UTC)


def _report(keep: bool = False, chen_data: dict | None = None) -> ClassReport:
    handed = [
        Handed("anna.json", anna()),
        Handed("boris.json", boris()),
        Handed("c.json", chen_data or chen()),
    ]
    return build_report(
        handed,
        {card.id: card for card in MINI.cards},
        TOPICS,
        made_at=MADE,
        keep={card.id for card in MINI.cards} if keep else None,
        deck_id="mini" if keep else None,
        deck_title=MINI.title if keep else None,
    )


def test_the_small_class_is_made_of_valid_exports():
    """Each hand-made file is a whole progress export, as a student's would be."""
    for data in (anna(), boris(), chen()):
        check_export(data)


def test_each_students_row():
    """Answers, cards seen, mastered (stability of 21 days or more), retention (review answers
    right), time, last active and streak (up to the export's day) are as worked out by hand."""
    rows = {row.name: row for row in _report().students}
    anna_row, boris_row, chen_row = rows["Anna"], rows["Boris"], rows["Chen"]
    assert (anna_row.answers, anna_row.cards_seen, anna_row.mastered) == (5, 3, 1)
    assert (anna_row.review_answers, anna_row.review_right) == (3, 2)
    assert anna_row.retention == pytest.approx(2 / 3)
    assert anna_row.time_ms == 23_000
    assert (anna_row.last_active, anna_row.streak) == (date(2025, 3, 5), 3)
    assert (boris_row.answers, boris_row.cards_seen, boris_row.mastered) == (3, 2, 0)
    assert boris_row.retention is None  # no review answers yet
    assert (boris_row.time_ms, boris_row.last_active, boris_row.streak) == (
        19_000,
        date(2025, 3, 4),
        0,  # exported on the 6th; nothing on the 5th or the 6th
    )
    assert (chen_row.answers, chen_row.cards_seen, chen_row.mastered) == (2, 2, 1)
    assert (chen_row.retention, chen_row.time_ms, chen_row.streak) == (1.0, 3000, 1)
    assert [row.name for row in _report().students] == ["Anna", "Boris", "Chen"]


def test_the_class_figures():
    """Answers, accuracy, retention, time and the days between the first answer and the
    last, each with its answers and students."""
    report = _report()
    assert (report.answers, report.correct, report.time_ms) == (10, 5, 45_000)
    assert report.accuracy == 0.5
    assert retention_of_class(report) == 0.75  # 3 of 4 review answers
    assert [(d.day.day, d.answers, d.students) for d in report.days] == [
        (1, 1, 1),
        (2, 2, 1),
        (3, 2, 1),
        (4, 2, 2),
        (5, 3, 2),
    ]


def test_topics_and_cards():
    """Each topic's and each card's accuracy, weakest first; a card on two topics counts in
    both, and a card in no deck is shown as such, under no topic."""
    report = _report()
    assert [(t.title, t.cards, t.answers, t.correct, t.students) for t in report.topics] == [
        ("The NKVD", 2, 4, 1, 2),
        ("The army purge", 2, 8, 4, 3),
    ]
    cards = {row.card_id: row for row in report.cards}
    assert (cards["q1"].answers, cards["q1"].correct, cards["q1"].students) == (5, 4, 3)
    assert (cards["q1"].lapses, cards["q1"].lapsed) == (2, 1)
    assert (cards["q2"].answers, cards["q2"].correct, cards["q2"].lapses) == (3, 0, 1)
    assert (cards["f3"].accuracy, cards["f3"].topics) == (1.0, ("The NKVD",))
    assert cards["zz"].prompt == NOT_IN_A_DECK
    assert [row.card_id for row in report.cards] == ["q2", "zz", "q1", "f3"]


def test_the_hardest_cards_are_those_most_forgotten():
    """Only cards with lapses, the most first (then the most students, the lowest accuracy)."""
    assert [(row.card_id, row.lapses) for row in _report().hardest] == [
        ("q1", 2),
        ("q2", 1),
        ("zz", 1),
    ]


def test_the_wrong_choices_most_often_picked():
    """Each wrong choice picked on a multiple-choice card, by how many students picked it,
    with the card's prompt, right answer and rebuttal of it."""
    chosen = [
        (w.card_id, w.chosen, w.answer, w.students, w.times, w.why_not)
        for w in _report().wrong_choices
    ]
    assert chosen == [
        ("q2", "Yagoda", "Beria", 2, 3, ""),
        ("q1", "Blyukher", "Tukhachevsky", 1, 1, "It was Tukhachevsky, not Blyukher."),
        ("zz", "foo", "", 1, 1, ""),
    ]


def test_flags_come_with_the_students_note():
    """Every flag, with the student, the card's prompt and answer, the note and the day."""
    (row,) = _report().flags
    assert (row.student, row.prompt, row.answer, row.note, row.flagged_on) == (
        "Anna",
        "Prompt of q2?",
        "Beria",
        "<b>wrong</b> & worse",
        date(2025, 3, 4),
    )


def test_a_deck_keeps_the_report_to_its_cards():
    """With a deck, the answers to cards outside it, and their flags, count nowhere."""
    flagged = chen()
    flagged["flags"] = [flag("zz", "not in the deck", "2025-03-05T11:00:00+00:00")]
    assert [row.card_id for row in _report(chen_data=flagged).flags] == ["q2", "zz"]
    report = _report(keep=True, chen_data=flagged)
    assert [row.card_id for row in report.flags] == ["q2"]
    chen_row = next(row for row in report.students if row.name == "Chen")
    assert (chen_row.answers, chen_row.cards_seen, chen_row.time_ms) == (1, 1, 2000)
    assert report.answers == 9
    assert "zz" not in {row.card_id for row in report.cards}
    assert [w.card_id for w in report.wrong_choices] == ["q2", "q1"]
    assert [row.card_id for row in report.hardest] == ["q1", "q2"]
    assert (report.deck_id, report.deck_title) == ("mini", "A mini deck")


def test_a_file_without_a_name_is_named_after_itself():
    """An export that names no profile stands for its file's name."""
    data = anna()
    data["profile"] = None
    assert Handed("class/petra.json", data).name == "petra"


def _write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_files_that_are_not_exports_are_left_out_saying_why(tmp_path):
    """A damaged file, a deck, a file of another version, one with a wrong value and a
    missing one are each left out with the reason; the good ones are read."""
    good = _write(tmp_path / "anna.json", anna())
    cut = tmp_path / "cut.json"
    cut.write_text(json.dumps(boris())[:-40], encoding="utf-8")
    deck = _write(tmp_path / "deck.json", {"format": "purgequiz.deck", "version": 2})
    future = _write(tmp_path / "future.json", chen() | {"version": 9})
    wrong = chen()
    wrong["reviews"][0]["elapsed_ms"] = "slow"
    wrong_file = _write(tmp_path / "wrong.json", wrong)
    handed, skipped = read_exports([good, cut, deck, future, wrong_file, tmp_path / "missing.json"])
    assert [h.file for h in handed] == [str(good)]
    reasons = {Path(s.file).name: s.reason for s in skipped}
    assert reasons["cut.json"].startswith("is not valid JSON")
    assert reasons["deck.json"].startswith("is a deck, not a progress export")
    assert "has version 9" in reasons["future.json"]
    assert reasons["wrong.json"] == "reviews[0].elapsed_ms: expected int, got str"
    assert reasons["missing.json"] == "no such file"
