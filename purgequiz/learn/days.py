"""The study day: it begins at a set hour of local time in the profile's zone (default
04:00), computed with ``zoneinfo`` so it stays at that wall-clock hour across DST changes.

Kept apart from the session queue so that the home screen's figures need only this.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

__all__ = ["day_end", "day_start", "study_day"]


def study_day(now: datetime, zone: ZoneInfo, hour: int) -> date:
    """The study day ``now`` belongs to: before ``hour`` local time it is still yesterday."""
    local = now.astimezone(zone)
    return local.date() - timedelta(days=1) if local.hour < hour else local.date()


def day_start(day: date, zone: ZoneInfo, hour: int) -> datetime:
    """When study day ``day`` begins, in UTC (a wall-clock hour lost to DST is skipped over)."""
    local = datetime.combine(day, time(hour), tzinfo=zone)
    start = local.astimezone(UTC)
    # a time in the spring-forward gap maps to the instant the clocks jump
    return start


def day_end(now: datetime, zone: ZoneInfo, hour: int) -> datetime:
    """When the study day of ``now`` ends (the next one begins), in UTC."""
    return day_start(study_day(now, zone, hour) + timedelta(days=1), zone, hour)
