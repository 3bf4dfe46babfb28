"""`purgequiz optimize`: FSRS's parameters fitted to a profile's reviews, kept, used and undone."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime

import pytest
from fsrs.scheduler import DEFAULT_PARAMETERS, LOWER_BOUNDS_PARAMETERS

from purgequiz.cli import main
from purgequiz.learn import personal
from purgequiz.learn.scheduler import Rating
from purgequiz.learn.session import StudySession
from purgequiz.store.profile import open_profile
from tests.learn.deckkit import plain_deck
from tests.learn.reviewkit import hide_optimizer, review_log

OWN = (0.1, 0.5, 1.1, *DEFAULT_PARAMETERS[3:])


def profile_with(cards: int, answers: int, parameters: tuple[float, ...] = ()) -> None:
    """A profile Anna holding a review log of ``cards`` cards answered ``answers`` times."""
    states, reviews = review_log(cards, answers)
    with open_profile("Anna") as profile:
        profile.merge(states=states, reviews=reviews, flags=[], sessions=[])
        if parameters:
            assert profile.update_settings(parameters=parameters) == []


def stored_parameters() -> tuple[float, ...]:
    with open_profile("Anna", create=False) as profile:
        return profile.settings.parameters


def test_without_the_optimizer_the_way_to_install_it_is_said(monkeypatch, capsys):
    """Without py-fsrs's optimizer the command says how to install it and exits 1, changing
    nothing and showing no traceback."""
    profile_with(3, 3)
    hide_optimizer(monkeypatch)
    assert main(["optimize", "--profile", "Anna"]) == 1
    captured = capsys.readouterr()
    assert captured.err == (
        "purgequiz: fitting FSRS's parameters needs py-fsrs's optimizer, which is not "
        "installed; install it with: pip install 'purgequiz[optimizer]'\n"
    )
    assert captured.out == ""
    assert stored_parameters() == ()


def test_too_few_reviews_are_counted_and_nothing_changes(capsys):
    """With fewer reviews than a fit needs, the command says how many there are and how many
    it needs, and keeps the parameters in use."""
    profile_with(40, 6, OWN)
    logs = personal.review_logs(review_log(40, 6)[1])
    assert main(["optimize", "--profile", "Anna"]) == 1
    err = capsys.readouterr().err
    assert (
        f"Anna has {personal.counted(logs)} reviews a fit can learn from (made a day or more "
        f"after the card's previous review; 240 scheduled reviews in all); it needs at least "
        f"1,000, so the parameters in use are kept." in err
    )
    assert stored_parameters() == OWN


@pytest.mark.slow
def test_a_fit_is_kept_and_schedules_the_next_answer(monkeypatch, capsys):
    """A real fit to a learner who forgets faster than FSRS expects predicts the log better,
    is kept, and the next new card answered Good starts at its stability for Good. (A fit
    takes seconds for each thousand reviews: this one fits 1,040, of which 560 count, with
    the command's minimum lowered to let it.)"""
    monkeypatch.setattr(personal, "MIN_REVIEWS", 300)
    profile_with(130, 8)
    assert main(["optimize", "--profile", "Anna"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith("fitting FSRS's parameters to ")
    assert lines[1].split() == ["parameters", "log", "loss", "RMSE", "(bins)"]
    before = float(lines[2].split()[-2])
    after = float(lines[3].split()[-2])
    assert lines[3].startswith("fitted ") and after < before
    assert lines[-1] == (
        "Anna is scheduled with the fitted parameters from the next answer "
        "(undo: purgequiz optimize --profile Anna --reset)"
    )
    fitted = stored_parameters()
    assert len(fitted) == 21 and fitted != DEFAULT_PARAMETERS
    assert lines[4] == "fitted: " + " ".join(f"{value:.4f}" for value in fitted)

    deck = plain_deck(3)
    now = datetime.now(UTC)
    with open_profile("Anna") as profile:
        session = StudySession(deck, profile, now, random.Random(1))
        card = session.next_card(now).card
        session.show_as("flashcard", now)
        session.grade_flashcard(Rating.Good, now, 3000)
        assert profile.card_states()[card.id].stability == pytest.approx(fitted[2])


@pytest.mark.parametrize("dry_run", [True, False])
def test_parameters_that_predict_no_better_are_not_kept(dry_run, monkeypatch, capsys):
    """--dry-run compares and keeps the parameters in use; without it, fitted parameters that
    predict the log no better than those in use are not kept either."""
    profile_with(260, 8, OWN)
    worse = LOWER_BOUNDS_PARAMETERS  # the shortest memory FSRS allows: far from this log
    monkeypatch.setattr(personal, "fit", lambda logs: tuple(worse))
    assert main(["optimize", "--profile", "Anna", *(["--dry-run"] if dry_run else [])]) == 0
    out = capsys.readouterr().out
    assert "in use (personal)" in out
    assert out.splitlines()[-1] == (
        "--dry-run: nothing was changed"
        if dry_run
        else "kept the parameters in use: the fitted ones do not predict Anna's reviews better"
    )
    assert stored_parameters() == OWN


def test_reset_returns_to_fsrs_defaults(capsys):
    """--reset schedules the profile with FSRS's defaults again, and says so; a second
    --reset says there was nothing to change."""
    profile_with(2, 2, OWN)
    assert main(["optimize", "--profile", "Anna", "--reset"]) == 0
    assert capsys.readouterr().out == (
        "Anna is scheduled with FSRS's default parameters again, from the next answer\n"
    )
    assert stored_parameters() == ()
    assert main(["optimize", "--profile", "Anna", "--reset"]) == 0
    assert capsys.readouterr().out == (
        "Anna is scheduled with FSRS's default parameters already; nothing was changed\n"
    )


def test_damaged_stored_parameters_are_refused_and_reported(capsys):
    """Stored parameters that FSRS cannot take (two numbers) are not used: the profile says
    its settings were damaged, why, and where they were kept, and schedules with the
    defaults."""
    profile_with(2, 2, OWN)
    with open_profile("Anna", create=False) as profile:
        folder = profile.path
    snapshot = json.loads((folder / "progress.json").read_bytes())
    snapshot["tables"]["settings"]["settings"]["parameters"] = [0.2, 1.0]
    (folder / "progress.json").write_text(json.dumps(snapshot))
    assert main(["optimize", "--profile", "Anna", "--reset"]) == 0
    captured = capsys.readouterr()
    assert "the FSRS parameters must be 21 numbers, not 2" in captured.err
    assert "purgequiz optimize --reset" in captured.err
    assert "default parameters already" in captured.out
    assert stored_parameters() == ()


def test_an_export_with_damaged_parameters_is_not_imported(tmp_path, capsys):
    """A progress export whose settings hold parameters FSRS cannot take is refused whole,
    naming them."""
    profile_with(2, 2, OWN)
    export = tmp_path / "anna.json"
    assert main(["progress", "export", "--profile", "Anna", "-o", str(export)]) == 0
    data = json.loads(export.read_text())
    assert data["settings"]["parameters"] == list(OWN)
    data["settings"]["parameters"][20] = 9.0
    export.write_text(json.dumps(data))
    capsys.readouterr()
    assert main(["progress", "import", str(export), "--profile", "Boris"]) == 1
    assert capsys.readouterr().err == (
        f"purgequiz: {export}: settings: FSRS parameter(s) 20 (9.0) out of FSRS's bounds; "
        "'purgequiz optimize --reset' returns to FSRS's defaults; nothing was imported\n"
    )


def test_a_profile_open_elsewhere_is_left_alone(capsys):
    """The command takes the profile's lock like every other: a profile open in the app is
    neither read nor changed, and the message says where it is open."""
    profile_with(2, 2, OWN)
    with open_profile("Anna", create=False):
        assert main(["optimize", "--profile", "Anna", "--reset"]) == 1
    assert "the profile 'Anna' is open in another purgequiz" in capsys.readouterr().err
    assert stored_parameters() == OWN
