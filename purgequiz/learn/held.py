"""Cards kept out of study (suspended, buried) or marked (flagged, leech), and bringing
them back. Pure: the states, flags, cards and decks are handed in, with the time."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from typing import Any

from purgequiz.decks.model import Card
from purgequiz.learn.scheduler import CardProgress

__all__ = ["REASONS", "HeldCard", "held_cards", "leech_cleared", "restored", "why"]

# Why a card is listed, in the order lists show them.
REASONS = ("suspended", "buried", "flagged", "leech")


@dataclass(frozen=True)
class HeldCard:
    """One listed card: what holds or marks it, its prompt ("" when no deck has it) and the
    ids of the decks it is in."""

    card_id: str
    prompt: str
    suspended: bool = False
    buried_until: datetime | None = None  # only while it is still buried
    leech: bool = False
    lapses: int = 0
    flags: tuple[Mapping[str, Any], ...] = ()  # the flag records: id, note, created_at …
    decks: tuple[str, ...] = ()

    @property
    def reasons(self) -> tuple[str, ...]:
        held = {
            "suspended": self.suspended,
            "buried": self.buried_until is not None,
            "flagged": bool(self.flags),
            "leech": self.leech,
        }
        return tuple(reason for reason in REASONS if held[reason])

    @property
    def held_back(self) -> bool:
        """Whether it is kept out of study (suspended or buried): :func:`restored` frees it."""
        return self.suspended or self.buried_until is not None


def held_cards(
    states: Mapping[str, CardProgress],
    flags: Iterable[Mapping[str, Any]],
    cards: Mapping[str, Card],
    now: datetime,
    decks: Mapping[str, tuple[str, ...]] | None = None,
) -> list[HeldCard]:
    """Every suspended, buried (still, at ``now``), flagged or leech card, by reason then
    prompt. ``decks`` gives the ids of the decks holding a card. A flag's own copy of the
    prompt and of its deck's id serve when no deck holds its card any more."""
    flagged: dict[str, list[Mapping[str, Any]]] = {}
    for flag in flags:
        flagged.setdefault(str(flag.get("card_id", "")), []).append(flag)
    ids = {cid for cid, s in states.items() if s.suspended or s.buried(now) or s.leech}
    out = []
    for card_id in ids | flagged.keys():
        state = states.get(card_id) or CardProgress(card_id)
        own = tuple(flagged.get(card_id, ()))
        card = cards.get(card_id)
        prompt = card.prompt if card else next((str(f.get("prompt", "")) for f in own), "")
        holders = (decks or {}).get(card_id) or tuple(
            dict.fromkeys(str(f["deck_id"]) for f in own if f.get("deck_id"))
        )
        out.append(
            HeldCard(
                card_id,
                prompt,
                state.suspended,
                state.buried_until if state.buried(now) else None,
                state.leech,
                state.lapses,
                own,
                holders,
            )
        )
    return sorted(
        out, key=lambda held: (REASONS.index(held.reasons[0]), held.prompt.lower(), held.card_id)
    )


def restored(state: CardProgress) -> CardProgress:
    """``state`` back in study: no longer suspended nor buried; its schedule is as it was."""
    return replace(state, suspended=False, buried_until=None)


def leech_cleared(state: CardProgress) -> CardProgress:
    """``state`` no longer marked as a leech; its lapses and schedule are as they were (the
    scheduler marks it again only after more lapses, see :data:`~purgequiz.learn.scheduler.
    LEECH_AGAIN`)."""
    return replace(state, leech=False)


def why(held: HeldCard, zone: tzinfo) -> str:
    """Why the card is listed, in words read at a glance ("buried until 5 Mar 04:00")."""
    parts = []
    for reason in held.reasons:
        if reason == "buried" and held.buried_until is not None:
            until = held.buried_until.astimezone(zone)
            parts.append(f"buried until {until.day} {until:%b %H:%M}")
        elif reason == "leech":
            parts.append(f"leech: missed {held.lapses} times")
        elif reason == "flagged":
            notes = "; ".join(str(f.get("note", "")) for f in held.flags if f.get("note"))
            parts.append(f"flagged: {notes}" if notes else "flagged")
        else:
            parts.append(reason)
    return " · ".join(parts)
