"""Profiles: durable answers, recovery of damaged files, locking, names, settings, the order
seed."""

import json
import os
import random
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from deckkit import plain_deck

from purgequiz import explain as words
from purgequiz import paths
from purgequiz.learn.scheduler import Rating
from purgequiz.learn.session import StudySession
from purgequiz.learn.settings import SETTINGS_VERSION
from purgequiz.store.directory import list_profiles
from purgequiz.store.errors import ProfileInUse, ProfileNameError, ProfileNotFound
from purgequiz.store.profile import open_profile

NOW = datetime(2025, 3, 1, 9, tzinfo=UTC)


def study(name: str, answers: int, now=NOW) -> list[str]:
    with open_profile(name) as profile:
        session = StudySession(plain_deck(10), profile, now, random.Random(1))
        ids = []
        for _ in range(answers):
            shown = session.next_card(now)
            session.answer(shown.card.answer, now, 3000)
            ids.append(session._undo[-1][0].id)
            now += timedelta(seconds=10)
        return ids


def test_answers_survive_reopening():
    """Every answer, card state and daily count is there after closing and opening again."""
    ids = study("Anna", 12)
    with open_profile("Anna") as profile:
        assert [r.id for r in profile.reviews()] == ids
        assert profile.day_counts("2025-03-01").reviews == 12
        assert len(profile.card_states()) == 10
        assert profile.recovered == ()


def test_answer_is_in_the_journal_before_close():
    """An answer is on disk (in the journal) when answer() returns, before any close."""
    with open_profile("Anna") as profile:
        session = StudySession(plain_deck(3), profile, NOW, random.Random(1))
        session.next_card(NOW)
        session.answer("Answer 0", NOW, 1000)
        journal = (profile.path / "progress.journal").read_text()
        assert session._undo[-1][0].id in journal


def test_every_record_has_a_schema_version():
    """Each stored document carries a schema version."""
    study("Anna", 3)
    with open_profile("Anna") as profile:
        docs = [
            (name, doc)
            for name in profile.storage.names()
            for doc in profile.storage.table(name).values()
        ]
    assert {name for name, _ in docs} >= {"settings"} and len(docs) > 3
    for name, doc in docs:
        assert doc.get("v") == (SETTINGS_VERSION if name == "settings" else 1), name


def test_damaged_snapshot_is_kept_aside_and_progress_recovered():
    """A damaged progress file is renamed aside untouched; states come back from the log."""
    ids = study("Anna", 8)
    folder = paths.profiles_dir() / "_41.nna"
    (folder / "progress.json").write_text('{"format": "purgequiz.progress", "tabl')
    with open_profile("Anna") as profile:
        assert len(profile.recovered) == 1
        recovery = profile.recovered[0]
        assert recovery.kept_as.exists()
        assert recovery.kept_as.read_text() == '{"format": "purgequiz.progress", "tabl'
        assert str(recovery.file) in words.recovery(recovery) and "recovered" in words.recovery(
            recovery
        )
        assert [r.id for r in profile.reviews()] == ids
        assert len(profile.card_states()) == 8
    with open_profile("Anna") as profile:
        assert profile.recovered == ()


def test_damaged_journal_line_is_reported_and_the_rest_kept():
    """A garbled line inside the journal: the file is kept aside, the good lines recovered."""
    with open_profile("Anna") as profile:
        session = StudySession(plain_deck(4), profile, NOW, random.Random(1))
        for i in range(3):
            session.next_card(NOW)
            session.answer("x", NOW + timedelta(seconds=i), 1000)
        journal = profile.path / "progress.journal"
        os.close(profile.storage._journal)
        profile.storage._journal = None
        profile._lock.release()
    lines = journal.read_bytes().split(b"\n")
    lines[1] = b"\x00garbage{"
    journal.write_bytes(b"\n".join(lines))
    with open_profile("Anna") as profile:
        assert len(profile.recovered) == 1
        assert "damaged" in words.recovery(profile.recovered[0])
        assert profile.recovered[0].kept_as.read_bytes() == b"\n".join(lines)
        assert len(list(profile.reviews())) >= 2


def test_torn_last_line_is_ignored():
    """A half-written last journal line (a kill mid-append) is dropped silently."""
    study("Anna", 2)
    with open_profile("Anna") as profile:
        pass
    journal = profile.path / "progress.journal"
    journal.write_bytes(journal.read_bytes() + b'{"o":"p","t":"flags","k":"x","d":{"v"')
    with open_profile("Anna") as profile:
        assert profile.recovered == ()
        assert len(list(profile.reviews())) == 2


def test_profile_in_use_is_reported_plainly():
    """A second opening of the same profile is told it is in use; closing frees it."""
    first = open_profile("Anna")
    with pytest.raises(ProfileInUse) as error:
        open_profile("Anna")
    assert "open in another purgequiz" in words.describe(error.value)
    first.close()
    open_profile("Anna").close()


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd",
        "..",
        "Анна Ивановна",
        "日本語",
        "a/b\\c",
        "CON",
        "x" * 200,
        "Émile",
        "😀",
    ],
)
def test_any_unicode_name_is_a_safe_folder(name):
    """Any Unicode name works, stays inside the profiles folder and is listed as typed."""
    with open_profile(name) as profile:
        assert profile.path.parent == paths.profiles_dir()
        assert profile.display_name == name
    assert name in [info.name for info in list_profiles()]


@pytest.mark.parametrize("name", ["", "   ", "a\x00b", "x" * 201])
def test_unusable_names_are_refused(name):
    """Empty, over-long and control-character names are refused with a message."""
    with pytest.raises(ProfileNameError):
        open_profile(name)


def test_missing_profile_without_create():
    """Opening a profile that does not exist, without creating it, says so."""
    with pytest.raises(ProfileNotFound):
        open_profile("nobody", create=False)


def test_the_order_seed_is_kept_in_profile_json():
    """Each profile gets its own seed for the order of new cards when it is made: kept in
    profile.json, the same at every opening and after a change of name; a profile.json
    from before seeds were kept gets the seed of its name."""
    with open_profile("Anna") as anna, open_profile("Boris") as boris:
        seed, folder = anna.order_seed, anna.path
        assert seed != boris.order_seed
    meta = json.loads((folder / "profile.json").read_text(encoding="utf-8"))
    assert meta["seed"] == seed
    (folder / "profile.json").write_text(json.dumps({**meta, "name": "Anya"}), "utf-8")
    with open_profile("Anna") as renamed:
        assert (renamed.display_name, renamed.order_seed) == ("Anya", seed)
    del meta["seed"]
    (folder / "profile.json").write_text(json.dumps(meta), "utf-8")
    with open_profile("Anna") as older:
        assert older.order_seed == seed


def test_settings_are_validated_and_kept():
    """Bad settings are refused with reasons; good ones are saved."""
    with open_profile("Anna") as profile:
        problems = profile.update_settings(desired_retention=1.5, day_starts_at=25)
        assert len(problems) == 2 and profile.settings.desired_retention == 0.9
        assert profile.update_settings(unknown=1) == ["unknown setting(s): unknown"]
        assert profile.update_settings(new_per_day=5, timezone="Europe/Berlin") == []
    with open_profile("Anna") as profile:
        assert profile.settings.new_per_day == 5
        assert profile.settings.timezone == "Europe/Berlin"


def test_theme_and_typed_progression_are_stored_settings():
    """The theme and the typed-answer switch are saved with the other settings, versioned."""
    with open_profile("Anna") as profile:
        assert profile.update_settings(theme="nord", typed_after_learning=False) == []
        assert profile.update_settings(typed_after_learning="no") == [
            "typed after learning must be on or off (true or false)"
        ]
    with open_profile("Anna") as profile:
        assert (profile.settings.theme, profile.settings.typed_after_learning) == ("nord", False)
        snapshot = json.loads((profile.path / "progress.json").read_text())
        assert "typed_after_learning" in json.dumps(snapshot)
        assert '"v": 2' in json.dumps(snapshot)


def test_settings_of_another_version_are_set_aside():
    """Settings stored with another version are not read: the profile opens with the defaults,
    keeps its other progress, and says which file it set aside."""
    study("Anna", 1)
    with open_profile("Anna") as profile:
        profile.update_settings(new_per_day=3)
        snapshot = profile.path / "progress.json"
    data = json.loads(snapshot.read_text())
    data["tables"]["settings"]["settings"]["v"] = 1
    snapshot.write_text(json.dumps(data))
    with open_profile("Anna") as profile:
        assert profile.settings.new_per_day != 3
        assert len(profile.card_states()) == 1
        assert profile.recovered


def test_replaced_answer_survives_reopening():
    """replace_answer swaps a log entry and its counts in one durable write."""
    with open_profile("Anna") as profile:
        session = StudySession(plain_deck(2), profile, NOW, random.Random(1))
        shown = session.next_card(NOW).card.id
        session.answer("wrong", NOW, 2500)
        session.regrade(Rating.Easy, NOW)
    with open_profile("Anna") as profile:
        (review,) = profile.reviews()
        assert (review.rating, review.correct, review.given) == (4, True, "wrong")
        assert profile.day_counts("2025-03-01").correct == 1
        assert profile.card_states()[shown].due == NOW + timedelta(days=8)


def test_flags_and_sessions_are_stored():
    """A flag keeps its note for the teacher; a session summary is saved."""
    with open_profile("Anna") as profile:
        session = StudySession(plain_deck(3), profile, NOW, random.Random(1))
        session.next_card(NOW)
        session.flag("The date is wrong: it was 1938", NOW)
        session.answer("Answer 0", NOW, 1000)
        session.summary(NOW)
    with open_profile("Anna") as profile:
        assert profile.flags()[0]["note"] == "The date is wrong: it was 1938"
        assert profile.sessions()[0]["reviewed"] == 1
        assert profile.bests()["longest_session"] == 1


def test_compaction_moves_the_log_to_month_files():
    """After close the journal is empty, the snapshot valid, the log in month files."""
    study("Anna", 5)
    folder = paths.profiles_dir() / "_41.nna"
    assert (folder / "progress.journal").read_bytes() == b""
    assert json.loads((folder / "progress.json").read_text())["format"] == "purgequiz.progress"
    assert (folder / "reviews" / "2025-03.z").exists()


def test_profile_opened_on_one_thread_closes_on_another():
    """Closing a profile from another thread releases its lock, so it can be opened again."""
    import threading

    from purgequiz.store.profile import open_profile

    profile = open_profile("Threads")
    closer = threading.Thread(target=profile.close)
    closer.start()
    closer.join()
    reopen = subprocess.run(
        [
            sys.executable,
            "-c",
            "from purgequiz.store.profile import open_profile; open_profile('Threads').close()",
        ],
        capture_output=True,
        text=True,
    )
    assert reopen.returncode == 0, reopen.stderr


def test_held_cards_released_survive_reopening():
    """Unsuspending, unburying, clearing a leech mark and withdrawing a flag are one durable
    write, each line of it a valid journal line, and hold after the profile is reopened."""
    from dataclasses import replace

    from purgequiz.learn.held import leech_cleared, restored
    from purgequiz.store.schema import check_line

    with open_profile("Anna") as profile:
        session = StudySession(plain_deck(4), profile, NOW, random.Random(1))
        held = []
        for act in ("suspend", "bury", "flag"):
            held.append(session.next_card(NOW).card.id)
            if act == "flag":
                session.flag("typo", NOW)
            else:
                getattr(session, act)(NOW)
        leech = replace(
            profile.card_states()[held[0]], card_id="c003", leech=True, lapses=8, suspended=False
        )
        profile.save_states([leech])
    with open_profile("Anna") as profile:
        states = profile.card_states()
        journal = profile.path / "progress.journal"
        before = journal.read_bytes().rstrip(b"\0")  # zeros after the changes are free room
        profile.release(
            [restored(states[held[0]]), restored(states[held[1]]), leech_cleared(states["c003"])],
            [profile.flags()[0]["id"]],
        )
        after = journal.read_bytes().rstrip(b"\0")
        written = [json.loads(line) for line in after[len(before) :].splitlines()]
        assert len(written) == 4 and written[0]["n"] == 4  # one write of four changes
        for line in written:
            check_line(line)
    with open_profile("Anna") as profile:
        states = profile.card_states()
        assert not states[held[0]].suspended and states[held[1]].buried_until is None
        assert not states["c003"].leech and states["c003"].lapses == 8
        assert profile.flags() == []
        assert profile.recovered == ()


def test_an_answer_that_cannot_be_stored_is_refused_and_nothing_kept():
    """The learner's text is still checked when an answer is saved: text that could not be
    read back (a lone surrogate) is refused, and neither the log, the card's state nor the
    day's totals change."""
    from purgequiz.store.errors import RefusedDocument

    with open_profile("Anna") as profile:
        session = StudySession(plain_deck(3), profile, NOW, random.Random(1))
        shown = session.next_card(NOW)
        journal = (profile.path / "progress.journal").read_bytes()
        with pytest.raises(RefusedDocument, match="lone surrogate"):
            session.answer("Answer\ud800", NOW, 1000)
        assert (profile.path / "progress.journal").read_bytes() == journal
        assert shown.card.id not in profile.card_states()
        assert profile.day_counts("2025-03-01").reviews == 0
        assert list(profile.reviews()) == []
