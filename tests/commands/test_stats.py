"""`purgequiz stats`: the statistics as text tables or JSON, for the profile named, the one
opened last or the only one; and plain errors when there is no such profile."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta

import pytest

from purgequiz.cli import main
from purgequiz.decks.fileformat import write_deck
from purgequiz.learn.session import StudySession
from purgequiz.paths import user_decks_dir
from purgequiz.store.last import remember
from purgequiz.store.profile import open_profile
from tests.learn.deckkit import plain_deck

NOW = datetime.now(UTC)


def studied(name: str, days: int = 3) -> None:
    """``name`` answered four cards a day at noon (UTC, the profile's zone) on the ``days``
    days before today, one wrongly."""
    deck = plain_deck(8)
    user_decks_dir().mkdir(parents=True, exist_ok=True)
    write_deck(deck, user_decks_dir() / "plain.json")
    with open_profile(name) as profile:
        assert profile.update_settings(timezone="UTC") == []
        for back in range(days, 0, -1):
            now = (NOW - timedelta(days=back)).replace(hour=12, minute=0)
            session = StudySession(deck, profile, now, random.Random(back))
            for number in range(4):
                shown = session.next_card(now)
                session.answer("Nobody" if number == 0 else shown.card.answer, now, 5000)
                now += timedelta(seconds=30)


def test_stats_prints_each_figure_as_a_sentence_and_a_table(capsys):
    """The text report has each figure's heading, its sentence and its table."""
    studied("Anna")
    assert main(["stats", "--profile", "Anna"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Statistics of Anna\n")
    assert "12 answers in all, 1 min of study; streak 3 days." in out
    for heading in (
        "Answers per day, last 30 days",
        "Answers by span",
        "Cards due, next 30 days",
        "True retention by week",
        "Days studied, last 365 days",
        "Mastered by topic",
        "Cards by state",
        "Time studied",
        "Cards most often missed",
        "Wrong choices most often picked",
    ):
        assert f"\n{heading}\n" in out, heading
    per_day = out.split("Answers per day, last 30 days\n", 1)[1].split("\n\n", 1)[0]
    assert len(per_day.splitlines()) == 2 + 30  # the sentence, the headers, a line a day
    assert "last 365 days  12       3" in out


def test_stats_json_is_the_documented_object(capsys):
    """--json prints one object: the format, its version, the profile and the figures."""
    studied("Anna")
    assert main(["stats", "--profile", "Anna", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data)[:3] == ["format", "version", "profile"]
    assert data["format"] == "purgequiz.statistics" and data["profile"] == "Anna"
    assert data["answers"] == 12 and data["streak"] == 3
    assert len(data["days"]) == 365 and len(data["forecast"]) == 30
    with open_profile("Anna") as profile:
        answered = len(profile.card_states())
    cards = data["cards"]
    assert 0 < answered == cards["learning"] + cards["review"] + cards["relearning"]
    assert cards["total"] - cards["new"] == answered
    assert sum(m["wrong"] for m in data["missed"]) == 3


def test_the_profile_opened_last_is_reported_without_profile(capsys):
    """Without --profile the profile opened last is reported."""
    studied("Anna")
    studied("Ben", days=1)
    remember("Ben")
    assert main(["stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["profile"] == "Ben"


def test_the_only_profile_is_reported_without_profile(capsys):
    """Without --profile, and none remembered, the only profile there is is reported."""
    studied("Anna", days=1)
    assert main(["stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["profile"] == "Anna"


def test_with_several_profiles_and_none_remembered_it_asks_which(capsys):
    """With several profiles and none opened last, it asks for --profile, naming them."""
    studied("Anna", days=1)
    studied("Ben", days=1)
    assert main(["stats"]) == 1
    assert capsys.readouterr().err == (
        "purgequiz: name the profile with --profile NAME; the profiles are: 'Anna', 'Ben'\n"
    )


def test_an_unknown_profile_is_named_with_the_profiles_there_are(capsys):
    """A profile that does not exist is named, with the profiles there are; none is made."""
    studied("Anna", days=1)
    assert main(["stats", "--profile", "Zoe"]) == 1
    err = capsys.readouterr().err
    assert "'Zoe'" in err and err.rstrip().endswith("the profiles are: 'Anna'")
    assert main(["stats", "--profile", "Zoe"]) == 1  # still not made


def test_there_are_no_profiles_yet(capsys):
    """With no profile at all it says so, and how to make one."""
    assert main(["stats"]) == 1
    assert capsys.readouterr().err == (
        "purgequiz: there are no profiles yet: study first with 'purgequiz play'\n"
    )


def test_a_profile_without_answers_is_told_there_is_nothing_yet(capsys):
    """A profile that has answered nothing gets a friendly sentence and its cards, all new."""
    with open_profile("Anna"):
        pass
    assert main(["stats", "--profile", "Anna"]) == 0
    out = capsys.readouterr().out
    assert "Nothing yet: Anna has not answered a card." in out
    assert "purgequiz play --profile Anna" in out
    assert "Answers per day" not in out and "Cards by state" in out


@pytest.mark.parametrize("option", ["--profile", "--profile="])
def test_an_empty_profile_name_is_a_usage_error(capsys, option):
    """An empty profile name is refused as it is typed, never read as another profile."""
    args = ["stats", option, ""] if option == "--profile" else ["stats", option]
    with pytest.raises(SystemExit) as stopped:
        main(args)
    assert stopped.value.code == 2
    assert "--profile" in capsys.readouterr().err
