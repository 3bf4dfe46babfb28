"""A profile's study settings: scheduling, daily limits, the study day, the daily goal, how cards
are shown, and the app's theme."""

from __future__ import annotations

import math
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fsrs.scheduler import LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS
from msgspec import Struct
from msgspec.structs import asdict, replace

__all__ = ["PARAMETER_COUNT", "SETTINGS_VERSION", "Settings"]

SETTINGS_VERSION = 2  # the only version read: settings of another version are refused
THEME_NAME_MAX = 64
PARAMETER_COUNT = len(LOWER_BOUNDS_PARAMETERS)  # FSRS-6's parameters: 21
_SEQUENCES = ("learning_steps", "relearning_steps", "parameters")


class Settings(Struct, frozen=True):
    """Per-profile settings; ``problems()`` says in plain words what is wrong with them.

    A msgspec struct rather than a dataclass, as the records are (see learn/records.py):
    the app makes this class as it starts. ``changed()`` makes a copy with changes.
    """

    desired_retention: float = 0.90
    learning_steps: tuple[int, ...] = (1, 10)  # minutes
    relearning_steps: tuple[int, ...] = (10,)  # minutes
    maximum_interval: int = 36500  # days
    fuzzing: bool = True
    new_per_day: int = 20
    reviews_per_day: int = 200
    day_starts_at: int = 4  # local hour
    timezone: str = ""  # IANA zone name; "" means UTC (the store fills in the computer's zone)
    daily_goal: int = 30
    flashcards_only: bool = False
    typed_after_learning: bool = True  # known cards move from multiple choice to typed answers
    theme: str = ""  # the app's theme name; "" means the app's default (the app checks names)
    # FSRS's parameters fitted to the profile's own reviews (`purgequiz optimize`, see
    # learn/personal.py); () means FSRS's defaults
    parameters: tuple[float, ...] = ()

    def problems(self) -> list[str]:
        out: list[str] = []
        if not 0.70 <= self.desired_retention <= 0.99:
            out.append("desired retention must be between 0.70 and 0.99")
        for name in ("learning_steps", "relearning_steps"):
            steps = getattr(self, name)
            if not all(isinstance(s, int) and 1 <= s <= 1440 for s in steps):
                out.append(f"{name.replace('_', ' ')} must be minutes between 1 and 1440")
        if not 1 <= self.maximum_interval <= 36500:
            out.append("maximum interval must be between 1 and 36500 days")
        if not 0 <= self.new_per_day <= 9999:
            out.append("new cards per day must be between 0 and 9999")
        if not 0 <= self.reviews_per_day <= 99999:
            out.append("reviews per day must be between 0 and 99999")
        if not 0 <= self.day_starts_at <= 23:
            out.append("the study day must start at an hour between 0 and 23")
        if not 1 <= self.daily_goal <= 9999:
            out.append("the daily goal must be between 1 and 9999 reviews")
        for name in ("fuzzing", "flashcards_only", "typed_after_learning"):
            if not isinstance(getattr(self, name), bool):
                out.append(f"{name.replace('_', ' ')} must be on or off (true or false)")
        if not isinstance(self.theme, str):
            out.append("the theme must be a theme's name")
        elif (
            len(self.theme) > THEME_NAME_MAX
            or not self.theme.isprintable()
            or self.theme != self.theme.strip()
        ):
            out.append(
                f"the theme must be a theme's name (at most {THEME_NAME_MAX} printable "
                f"characters), not {self.theme!r}"
            )
        out += self._parameter_problems()
        if self.timezone:
            try:
                ZoneInfo(self.timezone)
            except (ZoneInfoNotFoundError, ValueError):
                out.append(f"unknown time zone {self.timezone!r} (use a name like Europe/Berlin)")
        return out

    def _parameter_problems(self) -> list[str]:
        """What is wrong with the personal FSRS parameters: FSRS takes none or all of them,
        each a number within its bounds."""
        values = self.parameters
        if values == ():
            return []
        undo = "; 'purgequiz optimize --reset' returns to FSRS's defaults"
        if not isinstance(values, tuple):
            return [f"the FSRS parameters must be a list of {PARAMETER_COUNT} numbers{undo}"]
        if len(values) != PARAMETER_COUNT:
            return [
                f"the FSRS parameters must be {PARAMETER_COUNT} numbers, not {len(values)}{undo}"
            ]
        wrong = [
            f"{index} ({value!r})"
            for index, (value, low, high) in enumerate(
                zip(values, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS, strict=True)
            )
            if type(value) not in (int, float)
            or not math.isfinite(value)
            or not low <= value <= high
        ]
        if wrong:
            return [f"FSRS parameter(s) {', '.join(wrong[:3])} out of FSRS's bounds{undo}"]
        return []

    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone or "UTC")

    def changed(self, **changes: Any) -> Settings:
        """A copy with ``changes``; unknown names raise ``ValueError`` naming them."""
        known = set(self.__struct_fields__)
        unknown = sorted(set(changes) - known)
        if unknown:
            raise ValueError(f"unknown setting(s): {', '.join(unknown)}")
        for name in _SEQUENCES:
            if name in changes:
                changes[name] = tuple(changes[name])
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["learning_steps"] = list(self.learning_steps)
        data["relearning_steps"] = list(self.relearning_steps)
        data["parameters"] = list(self.parameters)
        data["v"] = SETTINGS_VERSION
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        """Read stored settings of :data:`SETTINGS_VERSION` (unknown keys are ignored); raise
        ``ValueError`` saying so for settings of any other version."""
        version = data.get("v")
        if type(version) is not int or version != SETTINGS_VERSION:
            raise ValueError(
                f"the settings have version {version!r}; this purgequiz reads only settings "
                f"of version {SETTINGS_VERSION}"
            )
        known = set(cls.__struct_fields__)
        values = {k: v for k, v in data.items() if k in known}
        for name in _SEQUENCES:
            if name in values:
                values[name] = tuple(values[name])
        return cls(**values)
