"""`purgequiz optimize`: FSRS's parameters fitted to a profile's own reviews, and kept in its
settings so that its cards are scheduled by them (see purgequiz/learn/personal.py)."""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from purgequiz import explain as words
from purgequiz.commands.options import Subparsers, chosen_profile, no_such_profile, profile_name
from purgequiz.commands.output import fail, say, table
from purgequiz.store.errors import ProfileNameError, ProfileNotFound, StoreError

if TYPE_CHECKING:
    from purgequiz.learn.personal import Calibration
    from purgequiz.store.profile import Profile

__all__ = ["register", "run"]


def register(commands: Subparsers) -> None:
    """Add `optimize` to the command parser."""
    parser = commands.add_parser(
        "optimize",
        help="fit FSRS's parameters to a profile's own reviews, so that it is scheduled by them",
        description="Fit the 21 parameters of FSRS (the scheduler that says when each card "
        "is due) to the profile's own reviews, with py-fsrs's optimizer, and schedule the "
        "profile's cards by them from the next answer. It needs at least 1000 reviews made a "
        "day or more after the card's previous one; answers in practice do not count. The "
        "parameters are kept only if they predict the profile's reviews better than the ones "
        "in use. Needs the optimizer: pip install 'purgequiz[optimizer]'. docs/learning.md "
        "says more.",
    )
    parser.add_argument(
        "--profile",
        metavar="NAME",
        type=profile_name,
        help="default: the profile opened last (or the only one)",
    )
    what = parser.add_mutually_exclusive_group()
    what.add_argument(
        "--dry-run",
        action="store_true",
        help="fit and compare, but keep the parameters in use",
    )
    what.add_argument(
        "--reset",
        action="store_true",
        help="schedule the profile with FSRS's default parameters again",
    )


def _rows(named: Sequence[tuple[str, Calibration]]) -> str:
    return table(
        [(name, f"{c.log_loss:.4f}", f"{c.rmse:.4f}") for name, c in named],
        ["parameters", "log loss", "RMSE (bins)"],
    )


def _reset(profile: Profile) -> int:
    name = profile.display_name
    if not profile.settings.parameters:
        say(f"{name} is scheduled with FSRS's default parameters already; nothing was changed")
        return 0
    problems = profile.update_settings(parameters=())
    if problems:  # only the other settings could be wrong, and they were checked on opening
        return fail("; ".join(problems))
    say(f"{name} is scheduled with FSRS's default parameters again, from the next answer")
    return 0


def _optimize(profile: Profile, dry_run: bool) -> int:
    from purgequiz.learn import personal

    name = profile.display_name
    logs = personal.review_logs(profile.reviews())
    for recovery in profile.new_recoveries():  # damage found in the log as it was read
        say(f"purgequiz: {words.recovery(recovery)}", file=sys.stderr)
    count = personal.counted(logs)
    if count < personal.MIN_REVIEWS:
        return fail(
            f"{name} has {count:,} reviews a fit can learn from (made a day or more after "
            f"the card's previous review; {len(logs):,} scheduled reviews in all); it needs "
            f"at least {personal.MIN_REVIEWS:,}, so the parameters in use are kept. Keep "
            "studying and try again later."
        )
    say(f"fitting FSRS's parameters to {count:,} of {name}'s {len(logs):,} scheduled reviews …")
    current = profile.settings.parameters or personal.DEFAULT_PARAMETERS
    fitted = personal.fit(logs)
    before = personal.calibration(logs, current)
    after = personal.calibration(logs, fitted)
    in_use = "in use (personal)" if profile.settings.parameters else "in use (FSRS's defaults)"
    say(_rows([(in_use, before), ("fitted", after)]))
    say("fitted: " + " ".join(f"{value:.4f}" for value in fitted))
    if dry_run:
        say("--dry-run: nothing was changed")
        return 0
    if after.log_loss >= before.log_loss:
        say(f"kept the parameters in use: the fitted ones do not predict {name}'s reviews better")
        return 0
    problems = profile.update_settings(parameters=fitted)
    if problems:
        return fail(f"the fitted parameters were not kept: {'; '.join(problems)}")
    say(
        f"{name} is scheduled with the fitted parameters from the next answer "
        f"(undo: purgequiz optimize --profile {shlex.quote(name)} --reset)"
    )
    return 0


def run(args: argparse.Namespace) -> int:
    from purgequiz.learn.personal import OptimizerMissing, check_optimizer
    from purgequiz.store.profile import open_profile  # TinyDB: not for --help

    try:
        if not args.reset:
            check_optimizer()
        chosen = chosen_profile(args.profile)
        if isinstance(chosen, int):
            return chosen
        with open_profile(chosen, create=False) as profile:  # held, under its lock, to the end
            for recovery in profile.recovered:
                say(f"purgequiz: {words.recovery(recovery)}", file=sys.stderr)
            if args.reset:
                return _reset(profile)
            return _optimize(profile, args.dry_run)
    except OptimizerMissing as error:
        return fail(str(error))
    except ProfileNotFound as error:
        return no_such_profile(error)
    except (StoreError, ProfileNameError, OSError) as error:
        return fail(words.describe(error))
