"""Figures as the sources give them: formatting, typed-answer spellings, plausible wrong ones."""

from __future__ import annotations

import math
import random

from purgequiz.facts.kinds import Statistic

__all__ = ["Figure", "close", "figure_of", "invented_figures", "near", "wrong_for"]

_ABOVE = ("over", "more than", "at least")
_BELOW = ("under", "fewer than")


def _number(value: float) -> str:
    """'1,871', '17.8', '2.3 billion', '1.5 million' (as the documents write large sums)."""
    for size, word in ((10**9, "billion"), (10**6, "million")):
        if value >= size and round(value / size, 2) * size == value:
            return f"{value / size:g} {word}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,}"


def _plain(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


class Figure:
    """A statistic's figure: a value or a low–high range, with its qualifier and unit."""

    def __init__(
        self, low: float, high: float, qualifier: str | None = None, unit: str = ""
    ) -> None:
        self.low, self.high, self.qualifier, self.unit = low, high, qualifier, unit

    @property
    def is_range(self) -> bool:
        return self.low != self.high

    @property
    def middle(self) -> float:
        return (self.low + self.high) / 2

    def number_text(self) -> str:
        """'more than 1,000', 'from 20,000 to 40,000', '4,500'."""
        if self.is_range:
            text = f"from {_number(self.low)} to {_number(self.high)}"
        else:
            text = _number(self.low)
        return f"{self.qualifier} {text}" if self.qualifier else text

    def text(self, with_unit: bool = True) -> str:
        number = self.number_text()
        if not with_unit or not self.unit:
            return number
        if self.is_share:
            return f"{number}%"
        return f"{number} {self.unit}"

    def spellings(self) -> tuple[str, ...]:
        """Every accepted typed form: digits with and without separators, a range joined
        by a dash, "to", "from … to" or "between … and", or written short as the sources
        write it ("20–40,000", and "20-40,000" as typed), each also with the unit."""
        forms: dict[str, None] = {}
        if self.is_range:
            low = (_number(self.low), _plain(self.low))
            high = (_number(self.high), _plain(self.high))
            for a, b in zip(low, high, strict=True):
                for dash in ("\u2013", "-"):
                    forms[f"{a}{dash}{b}"] = None
                forms[f"{a} to {b}"] = None
                forms[f"from {a} to {b}"] = None
                forms[f"between {a} and {b}"] = None
            short = self.short_range()
            if short:
                forms[short] = None
                forms[short.replace("\u2013", "-")] = None  # as typed on a keyboard
        else:
            forms[_number(self.low)] = None
            forms[_plain(self.low)] = None
            forms[f"{int(self.low):,}" if float(self.low).is_integer() else _plain(self.low)] = None
        for form in list(forms):
            if self.qualifier:
                forms[f"{self.qualifier} {form}"] = None
            if self.unit:
                forms[f"{form} {self.unit}"] = None
        forms[self.text()] = None
        forms[self.text(with_unit=False)] = None
        return tuple(forms)

    def short_range(self) -> str | None:
        """A range of thousands as the sources write it short, its low end counted in the
        high end's thousands ('20–40,000'), or None."""
        low, high = self.low, self.high
        if not self.is_range or not self.is_whole or not 1000 <= high < 10**6:
            return None
        if low % 1000 or high % 1000:
            return None
        return f"{int(low) // 1000}\u2013{_number(high)}"

    @property
    def is_whole(self) -> bool:
        return float(self.low).is_integer() and float(self.high).is_integer()

    @property
    def is_share(self) -> bool:
        """Whether the figure is a percentage (never above 100)."""
        return normalize_unit(self.unit) in ("%", "per cent", "percent")

    def same_shape(self, other: Figure) -> bool:
        """Whether ``other`` could stand beside this figure as a choice: both percentages
        or neither, both whole numbers or neither, within a plausible order of magnitude."""
        if (
            self.is_share != other.is_share
            or self.is_whole != other.is_whole
            or self.is_range != other.is_range
        ):
            return False
        ratio = other.middle / self.middle if self.middle else 0
        return 0.2 <= ratio <= 5

    @property
    def is_round(self) -> bool:
        """Whether the figure reads as a round number (1,000; 35,000; 2.3 billion), not an
        exact count (353,074; 1,871)."""
        value = self.low
        if value < 100 or not float(value).is_integer():
            return True
        return int(value) % 100 == 0

    def scaled(self, factor: float) -> Figure:
        """The same shape of figure, scaled: rounded to two significant digits for a round
        figure, kept exact-looking (no trailing zeros) for an exact count; a range keeps the
        true range's spread."""
        if not self.is_round and not self.is_range:
            value = int(self.low * factor)
            value += 7 if value % 10 == 0 else 0
            return Figure(value, value, self.qualifier, self.unit)
        low = _round2(self.low * factor, self.is_whole)
        if self.is_range:  # the same spread as the true range: its shape gives nothing away
            return Figure(low, low + (self.high - self.low), self.qualifier, self.unit)
        return Figure(low, _round2(self.high * factor, self.is_whole), self.qualifier, self.unit)

    def shifted(self, step: int) -> Figure:
        return Figure(self.low + step, self.high + step, self.qualifier, self.unit)


def normalize_unit(unit: str) -> str:
    return " ".join(unit.lower().split())


def _round2(value: float, whole: bool) -> float:
    if value <= 0:
        return 0
    digits = max(0, int(math.floor(math.log10(value))) - 1)
    rounded = round(value / 10**digits) * 10**digits
    if whole or value >= 10:
        return float(max(1, int(round(rounded))))
    return round(value, 1)


def figure_of(fact: Statistic) -> Figure:
    """The figure a statistic fact gives."""
    if fact.value is not None:
        low = high = float(fact.value)
    elif fact.low is not None and fact.high is not None:
        low, high = float(fact.low), float(fact.high)
    else:  # a loaded fact gives one or the other (Statistic.problems)
        raise ValueError(f"the statistic {fact.id} gives neither a value nor a range")
    return Figure(low, high, fact.qualifier, fact.unit)


def _bounds(figure: Figure, open_ended: bool) -> tuple[float, float]:
    low, high = figure.low, figure.high
    if figure.qualifier in _ABOVE:
        return low, math.inf if open_ended else high * 1.5
    if figure.qualifier in _BELOW:
        return (0.0 if open_ended else low / 1.5), high
    if figure.qualifier in ("about", "approximately"):
        return low * 0.9, high * 1.1
    return low, high


def near(answer: Figure, candidate: Figure, tolerance: float = 0.1) -> bool:
    """Whether ``candidate`` could also be true of what ``answer`` counts, or is too close
    to it to be told apart: an open-ended candidate ('over 500') is true of 'over 1,000'."""
    a_low, a_high = _bounds(answer, open_ended=False)
    c_low, c_high = _bounds(candidate, open_ended=True)
    return a_low * (1 - tolerance) <= c_high and c_low <= a_high * (1 + tolerance)


def close(a: Figure, b: Figure, tolerance: float = 0.1) -> bool:
    """Whether two figures, read as written (an 'over' figure reaching half again above
    its number), overlap or lie too close together to tell apart."""
    a_low, a_high = _bounds(a, open_ended=False)
    b_low, b_high = _bounds(b, open_ended=False)
    return a_low * (1 - tolerance) <= b_high and b_low <= a_high * (1 + tolerance)


def wrong_for(answer: Figure, candidate: Figure, others: list[Figure]) -> bool:
    """Whether ``candidate`` can stand as a wrong choice beside ``answer`` and ``others``:
    not true of what the answer counts, and told apart from every figure already chosen."""
    return (
        not near(answer, candidate)
        and not close(answer, candidate)
        and not any(close(o, candidate) for o in others)
    )


# Bands of factors for invented figures, nearest the true figure first. Each wrong figure
# is drawn at random within its band, so that no wrong figure is a simple multiple of the
# true one (twice, half) and the true one cannot be found as the figure the others were
# made from; how many lie below the true figure is drawn too, so it is not always the middle.
_BELOW_BANDS = ((0.62, 0.8), (0.42, 0.56), (0.26, 0.37))
_ABOVE_BANDS = ((1.3, 1.55), (1.75, 2.3), (2.6, 3.6))
_TIME_UNITS = ("years", "months", "days")


def invented_figures(figure: Figure, rng: random.Random, count: int) -> list[Figure]:
    """Plausible wrong figures of the same shape: small counts moved by a few, larger ones
    scaled; never a percentage above 100, never one the true figure would make true, and
    never a length of time above the true one (a sentence of 60 years reads as absurd)."""
    above = figure.qualifier in _ABOVE
    below = figure.qualifier in _BELOW
    time = normalize_unit(figure.unit) in _TIME_UNITS
    if figure.is_whole and figure.high < 20 and not figure.is_range:
        steps = [
            s
            for s in (-4, -3, -2, 2, 3, 4, 5, 6)
            if not (above and s < 0) and not (below and s > 0) and not (time and s > 0)
        ]
        candidates = [figure.shifted(s) for s in steps]
        rng.shuffle(candidates)
    else:
        lower = [rng.uniform(*band) for band in _BELOW_BANDS]
        higher = [rng.uniform(*band) for band in _ABOVE_BANDS]
        if above:  # 'over 500' would also be true of 'over 1,000'; spaced to stay apart
            factors = [f * 1.5 for f in higher]
        elif below or time:
            factors = lower
        else:
            under = rng.randrange(count + 1)
            factors = (
                lower[:under]
                + higher[: count - under]  # the first tried
                + lower[under:]
                + higher[count - under :]
            )
        candidates = [figure.scaled(f) for f in factors]
    out: list[Figure] = []
    for candidate in candidates:
        if candidate.low <= 0 or (figure.is_share and candidate.high > 100):
            continue
        if wrong_for(figure, candidate, out):
            out.append(candidate)
        if len(out) == count:
            break
    return out
