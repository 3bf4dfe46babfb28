"""Hostile and damaged progress files: nothing gets out of the data folder, nothing is lost."""

import base64
import copy
import errno
import json
import os
import random
import zlib
from datetime import timedelta
from pathlib import Path

import pytest
from deckkit import plain_deck
from test_profile import NOW, study

from purgequiz import explain as words
from purgequiz import paths
from purgequiz.learn.session import StudySession
from purgequiz.store import storage as storage_module
from purgequiz.store.errors import StoreError
from purgequiz.store.months import decode_sealed
from purgequiz.store.profile import open_profile
from purgequiz.store.schema import Invalid
from purgequiz.store.transfer import export_profile, import_into


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` and its bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture
def outside(tmp_path):
    """A folder beside the data folder, with a file an attack might aim at."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "victim").write_text("keep me")
    return folder


@pytest.fixture
def exported():
    study("Anna", 4)
    with open_profile("Anna") as profile:
        return export_profile(profile)


def folder_of(name: str = "Anna") -> Path:
    with open_profile(name) as profile:
        return profile.path


def snapshot_of(profile_folder: Path) -> dict:
    return json.loads((profile_folder / "progress.json").read_bytes())


def cold_of(snapshot: dict) -> list[str]:
    """The cold table names a snapshot lists (packed since version 2, a list before)."""
    if "coldz" in snapshot:
        text = zlib.decompress(base64.b64decode(snapshot["coldz"])).decode()
        return text.split("\n") if text else []
    return snapshot["cold"]


def set_cold(snapshot: dict, names: list, packed: bool) -> None:
    """Make the snapshot list ``names``, packed (version 2) or as a plain list (version 1)."""
    snapshot.pop("coldz", None)
    snapshot.pop("cold", None)
    if packed:
        snapshot["coldz"] = base64.b64encode(zlib.compress("\n".join(names).encode())).decode()
    else:
        snapshot["version"] = 1
        snapshot["cold"] = names


def _mutations(outside: Path):
    evil = str(outside / "zz-evil")
    return {
        "absolute day": lambda d: d["reviews"][0].update(day=evil),
        "climbing day": lambda d: d["reviews"][0].update(day="../../x"),
        "day -1": lambda d: d["reviews"][0].update(day="-1"),
        "card id a number": lambda d: d["cards"][0].update(card_id=5),
        "retention as text": lambda d: d["settings"].update(desired_retention="0.9"),
        "steps a number": lambda d: d["settings"].update(learning_steps=4),
        "review without after": lambda d: d["reviews"][1].pop("after"),
        "last review an object": lambda d: d["cards"][1].update(last_review={}),
        "naive burial": lambda d: d["cards"][2].update(buried_until="2025-03-02T10:00:00"),
        "difficulty as a word": lambda d: d["cards"][2].update(difficulty="hard"),
        "rating out of range": lambda d: d["reviews"][2].update(rating=9),
        "review time naive": lambda d: d["reviews"][3].update(reviewed_at="2025-03-01T09:00:00"),
        "flag without id": lambda d: d["flags"].append({"card_id": "c", "note": "x"}),
        "session month path": lambda d: d["sessions"].append(
            {"id": "s", "deck_id": "d", "started_at": evil, "ended_at": evil}
        ),
        "state of another card": lambda d: d["reviews"][0]["after"].update(card_id="other"),
    }


@pytest.mark.parametrize("mutation", list(_mutations(Path("/x"))))
def test_a_bad_export_is_refused_whole(mutation, exported, outside, home):
    """A wrong value anywhere refuses the import before anything is written, anywhere."""
    data = copy.deepcopy(exported)
    _mutations(outside)[mutation](data)
    study("Boris", 2)
    before, around = tree(home), tree(outside)
    with open_profile("Boris") as profile, pytest.raises(Invalid) as error:
        import_into(profile, data, take_settings=True)
    assert words.describe(error.value)
    assert tree(home) == before
    assert tree(outside) == around and not (outside / "zz-evil").exists()
    with open_profile("Boris") as profile:
        assert len(list(profile.reviews())) == 2 and profile.recovered == ()


def test_a_refused_import_says_where(exported):
    """The message points at the wrong value."""
    exported["reviews"][1]["rating"] = "good"
    with open_profile("Boris") as profile, pytest.raises(Invalid) as error:
        import_into(profile, exported)
    assert "reviews[1].rating" in words.describe(error.value)


def test_a_journal_line_naming_an_outside_table_is_set_aside(home, outside):
    """A journal line whose table is a path outside is reported and never becomes a file."""
    folder = folder_of()
    evil = {"o": "p", "t": f"reviews/{outside}/zz-evil", "k": "a", "d": {"v": 1}, "s": 99}
    good = {"o": "p", "t": "flags", "k": "f", "d": {"id": "f"}, "s": 100}
    journal = folder / "progress.journal"
    journal.write_text(json.dumps(evil) + "\n" + json.dumps(good) + "\n")
    with open_profile("Anna") as profile:
        assert len(profile.recovered) == 1
        assert "damaged line" in words.recovery(profile.recovered[0])
        assert str(journal) in words.recovery(profile.recovered[0])
    assert list(outside.iterdir()) == [outside / "victim"]
    assert all(p.is_relative_to(home) for p in home.rglob("*"))


@pytest.mark.parametrize("packed", [False, True], ids=["listed", "packed"])
def test_a_snapshot_listing_an_outside_cold_table_reads_nothing_outside(outside, packed):
    """Cold table names in a snapshot that are not of the log's form name no file."""
    study("Anna", 3)
    folder = folder_of()
    data = snapshot_of(folder)
    set_cold(data, cold_of(data) + [f"reviews/../../{outside.name}/victim"], packed)
    (folder / "progress.json").write_text(json.dumps(data))
    with open_profile("Anna") as profile:
        assert len(list(profile.reviews())) == 3
        profile.update_settings(new_per_day=3)
    assert (outside / "victim").read_text() == "keep me"
    assert len(list(outside.iterdir())) == 1


@pytest.mark.parametrize(
    "damage",
    [
        "version as text",
        "card without id",
        "card not an object",
        "settings wrong",
        "cold names not text",
        "packed cold names damaged",
        "tables a list",
        "deep nesting",
        "huge number",
    ],
)
def test_a_damaged_snapshot_is_kept_and_the_profile_recovered(damage):
    """Each kind of damage is reported naming the file, kept aside, and progress restored."""
    study("Anna", 5)
    folder = folder_of()
    data = snapshot_of(folder)
    shard = next(name for name in data["tables"] if name.startswith("cards/"))
    card = next(iter(data["tables"][shard]))
    raw = None
    if damage == "version as text":
        data["version"] = "2"
    elif damage == "card without id":
        del data["tables"][shard][card]["card_id"]
    elif damage == "card not an object":
        data["tables"][shard][card] = 7
    elif damage == "settings wrong":
        data["tables"]["settings"]["settings"]["daily_goal"] = "lots"
    elif damage == "cold names not text":
        set_cold(data, [1, {}], packed=False)
    elif damage == "packed cold names damaged":
        data["coldz"] = data["coldz"][:-12] + "not-base64!"
    elif damage == "tables a list":
        data["tables"] = []
    elif damage == "deep nesting":
        raw = b'{"format":"purgequiz.progress","seq":1,"tables":' + b"[" * 100_000
    else:
        raw = b'{"format":"purgequiz.progress","seq":1' + b"9" * 5000 + b',"tables":{}}'
    original = raw if raw is not None else json.dumps(data).encode()
    (folder / "progress.json").write_bytes(original)
    with open_profile("Anna") as profile:
        assert len(profile.recovered) == 1
        recovery = profile.recovered[0]
        assert str(folder / "progress.json") in words.recovery(recovery)
        assert recovery.kept_as.read_bytes() == original
        assert len(profile.card_states()) == 5
        assert len(list(profile.reviews())) == 5
        export_profile(profile)
    with open_profile("Anna") as profile:
        assert profile.recovered == ()
        assert len(profile.card_states()) == 5


def test_a_journal_line_without_its_document_is_reported():
    """A late journal line that puts nothing is set aside with the journal, the rest kept."""
    folder = folder_of()
    journal = folder / "progress.journal"
    line = {"o": "p", "t": "flags", "k": "f1", "s": 10_000}
    good = {
        "o": "p",
        "t": "flags",
        "k": "f2",
        "d": {
            "id": "f2",
            "card_id": "c",
            "deck_id": "d",
            "note": "n",
            "created_at": "2025-03-01T09:00:00+00:00",
        },
        "s": 10_001,
    }
    original = (json.dumps(line) + "\n" + json.dumps(good) + "\n").encode()
    journal.write_bytes(original)
    with open_profile("Anna") as profile:
        assert [f["id"] for f in profile.flags()] == ["f2"]
        assert profile.recovered[0].kept_as.read_bytes() == original
        assert "line 1" in words.recovery(profile.recovered[0])


@pytest.mark.parametrize(
    "name",
    [
        "progress.journal",
        "progress.json",
        "reviews",
        "reviews/2025-03.z",
        "profile.json",
        "profile.owner",
        "profile.lock",
    ],
)
def test_links_inside_a_profile_are_refused(name, outside):
    """A profile file that is a link is refused with a message; the target is never touched."""
    study("Anna", 3)
    folder = folder_of()
    target = folder / name
    if target.is_dir():
        os.rename(target, outside / "moved")
        os.symlink(outside / "moved", target)
    else:
        os.replace(target, outside / "moved")
        os.symlink(outside / "moved", target)
    before = tree(outside)
    with pytest.raises(StoreError) as error:
        open_profile("Anna")
    assert str(target) in words.describe(error.value) and "link" in words.describe(error.value)
    assert tree(outside) == before
    open_profile("Boris").close()  # the lock of the refused profile was let go
    with pytest.raises(StoreError):
        open_profile("Anna")


@pytest.mark.parametrize("what", ["fifo", "folder"])
@pytest.mark.parametrize(
    "name",
    ["progress.journal", "progress.json", "reviews/2025-03.z", "profile.lock", "profile.json"],
)
def test_something_else_where_a_file_belongs_is_refused(name, what):
    """A folder or a FIFO in place of a progress file stops the opening with a message."""
    study("Anna", 3)
    target = folder_of() / name
    os.unlink(target)
    if what == "fifo":
        os.mkfifo(target)
    else:
        target.mkdir()
    with pytest.raises(StoreError) as error:
        open_profile("Anna")
    assert str(target) in words.describe(error.value)
    assert (
        "not a file" in words.describe(error.value)
        or "is a directory" in words.describe(error.value)
        or "no such device" in words.describe(error.value)
    )


def _full_disk(monkeypatch, after: int = 10):
    """os.write writes ``after`` bytes, then the disk is full."""
    real = os.write

    def write(fd, data):
        if len(data) > after:
            real(fd, bytes(data[:after]))
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd, data)

    monkeypatch.setattr(storage_module.os, "write", write)
    return lambda: monkeypatch.setattr(storage_module.os, "write", real)


def test_an_answer_not_saved_on_a_full_disk_is_not_kept(monkeypatch):
    """A failed save leaves disk and memory as they were; it never turns up later."""
    with open_profile("Anna") as profile:
        session = StudySession(plain_deck(4), profile, NOW, random.Random(1))
        shown = session.next_card(NOW)
        session.answer(shown.card.answer, NOW, 1000)
        journal = profile.path / "progress.journal"
        saved = journal.read_bytes().rstrip(b"\0")  # zeros after the changes are free room
        states = dict(profile.card_states().stored())
        counts = profile.day_counts("2025-03-01")
        free = _full_disk(monkeypatch)
        shown = session.next_card(NOW + timedelta(seconds=5))
        with pytest.raises(StoreError) as error:
            session.answer(shown.card.answer, NOW + timedelta(seconds=5), 1000)
        assert "no space left" in words.describe(error.value) and str(journal) in words.describe(
            error.value
        )
        assert journal.read_bytes().rstrip(b"\0") == saved
        assert dict(profile.card_states().stored()) == states
        assert profile.day_counts("2025-03-01") == counts
        free()
    with open_profile("Anna") as profile:
        assert len(list(profile.reviews())) == 1
        assert profile.day_counts("2025-03-01").reviews == 1


def test_closing_on_a_full_disk_keeps_every_acknowledged_answer(monkeypatch):
    """If the close cannot write its snapshot, it says so; nothing acknowledged is lost."""
    study("Anna", 1)
    profile = open_profile("Anna")
    session = StudySession(plain_deck(4), profile, NOW, random.Random(1))
    for i in range(3):
        shown = session.next_card(NOW + timedelta(seconds=i))
        session.answer(shown.card.answer, NOW + timedelta(seconds=i), 1000)
    snapshot = (profile.path / "progress.json").read_bytes()
    free = _full_disk(monkeypatch, after=0)
    real_fsync = os.fsync

    def fsync(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage_module.os, "fsync", fsync)
    with pytest.raises(StoreError) as error:
        profile.close()
    assert "no space left" in words.describe(error.value)
    assert (profile.path / "progress.json").read_bytes() == snapshot
    assert not list(profile.path.glob(".*.tmp"))
    free()
    monkeypatch.setattr(storage_module.os, "fsync", real_fsync)
    with open_profile("Anna") as again:
        assert len(list(again.reviews())) == 3  # the first answer of each run is the same


def test_a_failed_import_keeps_nothing(exported, monkeypatch):
    """An import that cannot be written leaves the profile exactly as it was."""
    study("Boris", 1)
    with open_profile("Boris") as profile:
        before = export_profile(profile)
        free = _full_disk(monkeypatch)
        with pytest.raises(StoreError):
            import_into(profile, exported)
        free()
        after = export_profile(profile)
    assert {k: v for k, v in after.items() if k != "exported_at"} == {
        k: v for k, v in before.items() if k != "exported_at"
    }


def _month_file(folder: Path) -> Path:
    """The month file of the log in the plain form of 0.1.0 (as profiles from before sealed
    months have it): its sealed file written out as lines, and the snapshot told so."""
    (sealed,) = (folder / "reviews").glob("*.z")
    month = sealed.name[:7]
    tables = decode_sealed(sealed.read_bytes(), month).tables
    ops = [
        {"o": "p", "t": name, "k": key, "d": doc, "s": number}
        for number, (name, key, doc) in enumerate(
            ((name, key, doc) for name in sorted(tables) for key, doc in tables[name].items()),
            1,
        )
    ]
    plain = sealed.with_suffix(".jsonl")
    plain.write_bytes(b"".join(json.dumps(op).encode() + b"\n" for op in ops))
    sealed.unlink()
    snapshot = snapshot_of(folder)
    del snapshot["months"][f"{month}.z"]
    snapshot["months"][month] = plain.stat().st_size
    (folder / "progress.json").write_text(json.dumps(snapshot))
    return plain


def test_a_truncated_review_log_is_reported_at_opening_and_kept():
    """A month file cut short is noticed when the profile opens; its bytes are kept."""
    study("Anna", 4)
    month = _month_file(folder_of())
    original = month.read_bytes()
    month.write_bytes(original[:-25])
    with open_profile("Anna") as profile:
        assert len(profile.recovered) == 1
        recovery = profile.recovered[0]
        assert str(month) in words.recovery(recovery) and "unfinished line" in words.recovery(
            recovery
        )
        assert recovery.kept_as.read_bytes() == original[:-25]
        assert len(list(profile.reviews())) == 3
    with open_profile("Anna") as profile:
        assert profile.recovered == ()


def test_a_damaged_review_log_line_is_reported_at_opening():
    """A damaged line inside a month file is reported when the profile opens."""
    study("Anna", 4)
    month = _month_file(folder_of())
    lines = month.read_bytes().split(b"\n")
    lines[1] = b'{"o":"p","t":"reviews/2025-03-01/09:0","k":"x","d":{"day":"-1"},"s":2}'
    month.write_bytes(b"\n".join(lines))
    with open_profile("Anna") as profile:
        assert len(profile.recovered) == 1
        assert "damaged line" in words.recovery(profile.recovered[0])
        assert profile.recovered[0].kept_as.read_bytes() == b"\n".join(lines)
        assert len(list(profile.reviews())) == 3


def test_damage_found_later_is_reported_when_found():
    """Damage of the same size as the file was is reported when the month is read."""
    study("Anna", 4)
    month = _month_file(folder_of())
    raw = month.read_bytes()
    index = raw.index(b'"rating":') + len(b'"rating":')
    month.write_bytes(raw[:index] + b"9" + raw[index + 1 :])
    with open_profile("Anna") as profile:
        assert profile.recovered == ()
        assert len(list(profile.reviews())) == 3
        late = profile.new_recoveries()
        assert len(late) == 1 and str(month) in words.recovery(late[0])
        assert profile.new_recoveries() == []
        assert len(profile.recovered) == 1


def test_a_deleted_review_log_is_reported():
    """A review log folder that disappeared is reported; card states are kept."""
    study("Anna", 4)
    folder = folder_of()
    month = _month_file(folder)
    month.unlink()
    (folder / "reviews").rmdir()
    with open_profile("Anna") as profile:
        assert len(profile.recovered) == 1
        assert str(month) in words.recovery(profile.recovered[0])
        assert "missing" in words.recovery(profile.recovered[0])
        assert len(profile.card_states()) == 4
    with open_profile("Anna") as profile:
        assert profile.recovered == ()


def test_an_import_of_many_reviews_in_ten_minutes_is_counted(exported):
    """Thousands of reviews in one ten-minute table import whole, and are counted."""
    template = exported["reviews"][0]
    exported["reviews"] = [dict(template, id=f"r{i}") for i in range(3000)]
    with open_profile("Boris") as profile:
        report = import_into(profile, exported)
        assert report.reviews == 3000
        assert profile.day_counts(template["day"]).reviews == 3000
    with open_profile("Boris") as profile:
        assert len(list(profile.reviews())) == 3000


def test_nothing_is_written_outside_the_profiles_folder(exported, outside, home):
    """Opening, studying, importing and closing write only inside the data folder."""
    import_tree = tree(outside)
    with open_profile("Boris") as profile:
        import_into(profile, exported, take_settings=True)
    study("Boris", 3)
    assert tree(outside) == import_tree
    assert {p.parts[len(home.parts)] for p in home.rglob("*")} <= {"profiles"}
    assert paths.profiles_dir().is_relative_to(home)


def test_a_write_cut_short_is_left_out_whole():
    """An answer whose journal lines are only partly on disk is not half applied."""
    study("Anna", 2)
    with open_profile("Anna") as profile:
        states = dict(profile.card_states().stored())
        session = StudySession(plain_deck(10), profile, NOW + timedelta(days=1), random.Random(5))
        shown = session.next_card(NOW + timedelta(days=1))
        session.answer(shown.card.answer, NOW + timedelta(days=1), 1000)
        journal = profile.path / "progress.journal"
        lines = journal.read_bytes().rstrip(b"\0").splitlines(keepends=True)  # zeros: room
        assert len(lines) >= 3 and json.loads(lines[0])["n"] == len(lines)
        os.close(profile.storage._journal)
        profile.storage._journal = None
        profile._lock.release()
    journal.write_bytes(b"".join(lines[:-1]))  # the last line never reached the disk
    with open_profile("Anna") as profile:
        assert profile.recovered == ()
        assert len(list(profile.reviews())) == 2
        assert dict(profile.card_states().stored()) == states
        assert profile.day_counts("2025-03-02").reviews == 0


def test_a_first_close_on_a_full_disk_leaves_every_answer_and_no_false_alarm(monkeypatch):
    """A new profile whose first compaction stopped midway opens with all its answers, and
    is not reported as having lost its progress file (it never had one)."""
    profile = open_profile("Anna")
    session = StudySession(plain_deck(4), profile, NOW, random.Random(1))
    for i in range(3):
        shown = session.next_card(NOW + timedelta(seconds=i))
        session.answer(shown.card.answer, NOW + timedelta(seconds=i), 1000)
    real_replace = os.replace

    def full(source, target):
        if Path(target).name == "progress.json":
            raise OSError(errno.ENOSPC, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(storage_module.os, "replace", full)  # the month file is written,
    with pytest.raises(StoreError):  # the snapshot is not
        profile.close()
    monkeypatch.setattr(storage_module.os, "replace", real_replace)
    assert not (profile.path / "progress.json").exists()
    assert (profile.path / "reviews" / "2025-03.z").stat().st_size > 0
    with open_profile("Anna") as again:
        assert again.recovered == ()
        assert len(list(again.reviews())) == 3
        assert len(again.card_states()) == 3
    assert progress_check_is_healthy("Anna")


def progress_check_is_healthy(name: str) -> bool:
    from purgequiz.store.health import check_profile

    health = check_profile(name)
    return health.healthy and health.reviews == 3


def test_answers_in_the_journal_survive_a_lost_snapshot():
    """With the snapshot gone, the answers still only in the journal are kept as well as
    those in the review log."""
    study("Anna", 3)
    with open_profile("Anna") as profile:
        session = StudySession(plain_deck(10), profile, NOW + timedelta(hours=1), random.Random(9))
        for i in range(2):
            shown = session.next_card(NOW + timedelta(hours=1, seconds=i))
            session.answer(shown.card.answer, NOW + timedelta(hours=1, seconds=i), 1000)
        os.close(profile.storage._journal)  # the process ends here, before any compaction
        profile.storage._journal = None
        profile._lock.release()
    (profile.path / "progress.json").unlink()
    with open_profile("Anna") as profile:
        assert len(list(profile.reviews())) == 5
        assert "recovered from the review log" in words.recovery(profile.recovered[0])


def test_a_profile_folder_that_is_a_link_is_refused_before_anything_is_written(outside):
    """A link in place of a profile's folder is refused; its target gets no lock or file."""
    empty = outside / "empty"
    empty.mkdir()
    paths.profiles_dir().mkdir(parents=True)
    (paths.profiles_dir() / "_41.nna").symlink_to(empty)
    with pytest.raises(StoreError) as error:
        open_profile("Anna")
    assert "is a link" in words.describe(error.value)
    assert list(empty.iterdir()) == []


def test_answers_saved_when_no_room_can_be_made_ahead_are_kept(monkeypatch):
    """When the journal cannot be given room ahead (the disk too full for it), answers are
    written at its end instead, and every one of them is there at the next opening."""
    real = os.write

    def no_room(fd, data):
        if len(data) >= storage_module.JOURNAL_ROOM // 2:  # only the zeros of the room
            real(fd, bytes(data[:100]))
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd, data)

    monkeypatch.setattr(storage_module.os, "write", no_room)
    profile = open_profile("Anna")
    session = StudySession(plain_deck(4), profile, NOW, random.Random(1))
    ids = []
    for i in range(4):
        shown = session.next_card(NOW + timedelta(seconds=i))
        session.answer(shown.card.answer, NOW + timedelta(seconds=i), 1000)
        ids.append(session._undo[-1][0].id)
    monkeypatch.setattr(storage_module.os, "write", real)
    os.close(profile.storage._journal)  # the process ends here, before any compaction
    profile.storage._journal = None
    profile.close()
    with open_profile("Anna") as again:
        assert again.recovered == ()
        assert sorted(r.id for r in again.reviews()) == sorted(ids)
