"""The learning benchmark (benchmarks/learning.py) at its smallest: its structure, not its
figures."""

from __future__ import annotations

from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.fixture
def learning(monkeypatch):
    """The benchmark's module, imported from benchmarks/."""
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    import learning

    return learning


@pytest.fixture
def tiny(learning):
    """Two students, twelve days, five minutes a day, on the shipped deck."""
    return learning.run(students=2, days=12, budget_min=5, seed=3)


def test_every_scheduler_studies_the_same_students(tiny):
    """Each scheduler is run on every student, and says how many cards each knew."""
    assert set(tiny) == {"purgequiz", "Leitner", "SM-2", "fixed", "cramming", "oracle"}
    assert all(fig.students == 2 for fig in tiny.values())


def test_minutes_never_exceed_the_budget(tiny):
    """No sitting of any scheduler takes longer than the daily budget, and only the
    crammer's sittings are fewer than the days."""
    for fig in tiny.values():
        assert 0 < fig.max_day_ms <= 5 * 60_000
        assert fig.ms <= 2 * 12 * 5 * 60_000
    assert tiny["cramming"].ms <= 2 * 5 * 5 * 60_000


def test_the_oracle_knows_more_than_the_crammers_who_then_forget(tiny):
    """At the test the oracle's students know at least as many cards as the crammers', and
    a month later the crammers know no more than they did at the test."""
    cramming = tiny["cramming"]
    assert tiny["oracle"].known >= cramming.known >= cramming.known_later


def test_the_same_seed_gives_the_same_figures(learning, tiny):
    """Run again with the same seed, every figure is the same."""
    again = learning.run(students=2, days=12, budget_min=5, seed=3)
    for key, fig in tiny.items():
        other = again[key]
        assert (fig.known, fig.known_later, fig.ms, fig.answers) == (
            other.known,
            other.known_later,
            other.ms,
            other.answers,
        )
        assert fig.calibration == other.calibration


def test_only_purgequiz_predicts_recall(tiny, learning):
    """purgequiz's calibration has figures; the others' are n/a, and a log loss, an RMSE and
    a bias come out for purgequiz's predictions."""
    assert tiny["purgequiz"].calibration
    assert all(not fig.calibration for key, fig in tiny.items() if key != "purgequiz")
    loss, rmse, bias = learning.calibration(tiny["purgequiz"].calibration)
    assert loss > 0 and 0 <= rmse <= 1 and -1 <= bias <= 1
    assert learning.calibration([]) is None


def test_calibration_of_known_predictions(learning):
    """Perfect predictions in a bin give an RMSE of 0 and a bias of 0; predicting 0.9 for
    recalls that all fail is an RMSE of 0.9 and overrates by 0.9."""
    assert learning.calibration([(1.0, 1.0, True)] * 4)[1:] == (0.0, 0.0)
    loss, rmse, bias = learning.calibration([(0.9, 0.0, False)] * 4)
    assert rmse == pytest.approx(0.9) and bias == pytest.approx(0.9)


def test_the_table_ends_with_the_targets(learning, tiny, capsys, monkeypatch):
    """The printed report has a row per scheduler and the ratios against the targets last."""
    monkeypatch.setattr(learning, "run", lambda *args, **kwargs: tiny)
    assert learning.main(["--quick"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out[-3].strip().startswith("vs Leitner") and "target ≥ 1.30" in out[-3]
    assert out[-1].strip().startswith("vs oracle")
    assert sum("n/a" in line for line in out) == 5
