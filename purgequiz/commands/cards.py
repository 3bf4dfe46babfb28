"""`purgequiz cards list | restore`: the cards a profile keeps out of study (suspended,
buried) or has marked (flagged, leech), and bringing them back."""

from __future__ import annotations

import argparse
import shlex
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from purgequiz import explain as words
from purgequiz.commands.options import Subparsers, no_such_profile, profile_name
from purgequiz.commands.output import fail, json_text, say, table
from purgequiz.learn.held import REASONS, HeldCard, held_cards, leech_cleared, restored, why
from purgequiz.store.errors import ProfileNotFound, StoreError

if TYPE_CHECKING:
    from purgequiz.decks.catalog import Catalog
    from purgequiz.learn.scheduler import CardProgress
    from purgequiz.store.profile import Profile

__all__ = ["register", "run"]


def _listed(profile: Profile, catalog: Catalog, now: datetime) -> list[HeldCard]:
    from purgequiz.decks.catalog import cards_by_id, decks_by_card

    return held_cards(
        profile.card_states(), profile.flags(), cards_by_id(catalog), now, decks_by_card(catalog)
    )


def _options(cards: list[HeldCard]) -> list[tuple[str, str]]:
    """The restore options the cards' marks need: (option, what it does)."""
    return [
        (option, does)
        for option, does, needed in (
            ("--unflag", "withdraw flags", any(h.flags for h in cards)),
            ("--clear-leech", "clear leech marks", any(h.leech for h in cards)),
        )
        if needed
    ]


def _hint(name: str, listed: list[HeldCard]) -> str:
    """The restore command for what is listed, with the options its cards need."""
    options = _options(listed)
    if any(h.held_back for h in listed):
        extra = ", ".join(f"{option} to {does}" for option, does in options)
        return (
            f"bring cards back with: purgequiz cards restore --profile {shlex.quote(name)} "
            f"CARD …" + (f" (add {extra})" if extra else "")
        )
    return (
        f"leech and flagged cards are still studied; {' or '.join(d for _, d in options)} "
        f"with: purgequiz cards restore --profile {shlex.quote(name)} "
        f"{' '.join(o for o, _ in options)} CARD …"
    )


def list_cards(name: str, only: str | None, deck: str | None, as_json: bool) -> int:
    from purgequiz.decks.catalog import find_entry, load_catalog
    from purgequiz.store.profile import open_profile  # TinyDB: not for --help

    now = datetime.now(UTC)
    with open_profile(name, create=False) as profile:
        catalog = load_catalog()
        listed = [
            held for held in _listed(profile, catalog, now) if only is None or only in held.reasons
        ]
        zone = profile.settings.zone()
    if deck is not None:
        entry = find_entry(deck, catalog)
        deck_id = entry.id if entry else deck
        if entry is None and not any(deck in held.decks for held in listed):
            known = ", ".join(e.id for e in catalog.decks) or "none yet"
            return fail(f"there is no deck {deck!r} (the decks are: {known})")
        listed = [held for held in listed if deck_id in held.decks]
    if as_json:
        say(
            json_text(
                [
                    {
                        "card_id": h.card_id,
                        "prompt": h.prompt,
                        "reasons": list(h.reasons),
                        "decks": list(h.decks),
                        "buried_until": h.buried_until.isoformat() if h.buried_until else None,
                        "lapses": h.lapses,
                        "flags": [
                            {"note": f.get("note", ""), "created_at": f.get("created_at")}
                            for f in h.flags
                        ],
                    }
                    for h in listed
                ],
                indent=1,
            )
        )
        return 0
    if not listed:
        where = f" in {deck_id}" if deck is not None else ""
        say(f"{name} has no {only or 'suspended, buried, flagged or leech'} cards{where}")
        return 0
    say(
        table(
            [(h.card_id, " ".join(h.decks), why(h, zone), h.prompt) for h in listed],
            ["card", "decks", "why", "question"],
        )
    )
    say(_hint(name, listed))
    return 0


def restore(name: str, card_ids: list[str], unflag: bool, clear_leech: bool) -> int:
    from purgequiz.decks.catalog import load_catalog
    from purgequiz.store.profile import open_profile  # TinyDB: not for --help

    now = datetime.now(UTC)
    with open_profile(name, create=False) as profile:
        catalog = load_catalog()
        listed = {held.card_id: held for held in _listed(profile, catalog, now)}
        unknown = [cid for cid in card_ids if cid not in listed]
        if unknown:
            return fail(
                f"not suspended, buried, flagged or a leech in {name!r}: "
                f"{', '.join(unknown)}; nothing was changed "
                f"(see 'purgequiz cards list --profile {shlex.quote(name)}')"
            )
        states = profile.card_states()
        changed: list[CardProgress] = []
        flags: list[str] = []
        untouched: list[HeldCard] = []
        back = cleared = 0
        for cid in dict.fromkeys(card_ids):
            held, before = listed[cid], states.get(cid)
            after = before  # None only for a card that is flagged and nothing else
            if after is not None and held.held_back:
                after, back = restored(after), back + 1
            if after is not None and clear_leech and held.leech:
                after, cleared = leech_cleared(after), cleared + 1
            if after is not None and after != before:
                changed.append(after)
            if unflag:
                flags += [str(flag["id"]) for flag in held.flags]
            if after == before and not (unflag and held.flags):
                untouched.append(held)
        if not changed and not flags:
            return fail(
                f"nothing was changed: {', '.join(h.card_id for h in untouched)} "
                f"{'is' if len(untouched) == 1 else 'are'} not suspended or buried "
                f"(studied as usual); add "
                f"{' or '.join(f'{o} to {d}' for o, d in _options(untouched))}"
            )
        profile.release(changed, flags)
    for count, what, done in (
        (back, "card", "back in study"),
        (len(flags), "flag", "withdrawn"),
        (cleared, "leech mark", "cleared"),
    ):
        if count:
            say(f"{done}: {count} {what}{'' if count == 1 else 's'}")
    for held in untouched:
        say(
            f"left as it was: {held.card_id} (add "
            f"{' or '.join(option for option, _ in _options([held]))})"
        )
    return 0


def register(commands: Subparsers) -> None:
    """Add `cards list | restore` to the command parser."""
    cards = commands.add_parser(
        "cards", help="list suspended, buried, flagged and leech cards, and bring them back"
    )
    actions = cards.add_subparsers(
        dest="cards_command", metavar="ACTION", required=True, parser_class=type(cards)
    )
    shown = actions.add_parser("list", help="the cards a profile holds back or has marked")
    shown.add_argument("--profile", required=True, metavar="NAME", type=profile_name)
    shown.add_argument("--only", choices=REASONS, help="only the cards held for this reason")
    shown.add_argument(
        "--deck",
        metavar="ID",
        help="only the cards of this deck (its id or file name, as 'purgequiz decks list' shows)",
    )
    shown.add_argument("--json", action="store_true", help="print JSON for scripts")
    back = actions.add_parser(
        "restore",
        help="bring suspended or buried cards back into "
        "study (and withdraw flags, clear leech marks)",
    )
    back.add_argument("cards", nargs="+", metavar="CARD", help="card ids, as 'list' shows them")
    back.add_argument("--profile", required=True, metavar="NAME", type=profile_name)
    back.add_argument(
        "--unflag",
        action="store_true",
        help="also withdraw the cards' flags (notes for the teacher)",
    )
    back.add_argument(
        "--clear-leech",
        action="store_true",
        help="also clear the cards' leech marks (marked again after four more lapses)",
    )


def run(args: argparse.Namespace) -> int:
    try:
        if args.cards_command == "list":
            return list_cards(args.profile, args.only, args.deck, args.json)
        return restore(args.profile, args.cards, args.unflag, args.clear_leech)
    except ProfileNotFound as error:
        return no_such_profile(error)
    except (StoreError, ValueError) as error:
        return fail(words.describe(error))
    except BrokenPipeError:
        raise  # the reader stopped reading (| head): nothing to say
    except OSError as error:
        return fail(words.describe(error))
