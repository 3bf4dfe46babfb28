"""`purgequiz cards list | restore`: the cards a profile keeps out of study (suspended,
buried) or has marked (flagged, leech), and bringing them back."""

from __future__ import annotations

import shlex
from datetime import UTC, datetime

from purgequiz.commands.options import no_such_profile, profile_name
from purgequiz.commands.output import fail, json_text, say, table
from purgequiz.learn.held import REASONS, HeldCard, held_cards, restored, why
from purgequiz.store import ProfileNotFound, StoreError, open_profile

__all__ = ["register", "run"]


def _listed(profile, now: datetime) -> list[HeldCard]:
    from purgequiz.generate.catalog import cards_by_id, load_catalog

    return held_cards(profile.card_states(), profile.flags(), cards_by_id(load_catalog()), now)


def list_cards(name: str, only: str | None, as_json: bool) -> int:
    now = datetime.now(UTC)
    with open_profile(name, create=False) as profile:
        listed = [held for held in _listed(profile, now) if only is None or only in held.reasons]
        zone = profile.settings.zone()
    if as_json:
        say(json_text([{"card_id": h.card_id, "prompt": h.prompt, "reasons": list(h.reasons),
                        "buried_until": h.buried_until.isoformat() if h.buried_until else None,
                        "lapses": h.lapses,
                        "flags": [{"note": f.get("note", ""), "created_at": f.get("created_at")}
                                  for f in h.flags]} for h in listed], indent=1))
        return 0
    if not listed:
        say(f"{name} has no {only or 'suspended, buried, flagged or leech'} cards")
        return 0
    say(table([(h.card_id, why(h, zone), h.prompt) for h in listed], ["card", "why", "question"]))
    say(f"bring cards back with: purgequiz cards restore --profile {shlex.quote(name)} CARD …"
        if any(h.held_back for h in listed) else "leech and flagged cards are still studied")
    return 0


def restore(name: str, card_ids: list[str], unflag: bool) -> int:
    now = datetime.now(UTC)
    with open_profile(name, create=False) as profile:
        listed = {held.card_id: held for held in _listed(profile, now)}
        unknown = [cid for cid in card_ids if cid not in listed]
        if unknown:
            return fail(f"not suspended, buried or flagged in {name!r}: {', '.join(unknown)}; "
                        f"nothing was changed (see 'purgequiz cards list --profile {name!r}')")
        states = profile.card_states()
        back = [restored(states[cid]) for cid in card_ids if listed[cid].held_back]
        flags = [str(f["id"]) for cid in card_ids for f in listed[cid].flags] if unflag else []
        if not back and not flags:
            return fail("those cards are not suspended or buried (they are studied as usual); "
                        "add --unflag to withdraw their flags")
        profile.release(back, flags)
    if back:
        say(f"back in study: {len(back)} card{'' if len(back) == 1 else 's'}")
    if flags:
        say(f"withdrawn: {len(flags)} flag{'' if len(flags) == 1 else 's'}")
    return 0


def register(commands) -> None:
    """Add `cards list | restore` to the command parser."""
    cards = commands.add_parser("cards", help="list suspended, buried, flagged and leech "
                                "cards, and bring them back")
    actions = cards.add_subparsers(dest="cards_command", metavar="ACTION", required=True,
                                   parser_class=type(cards))
    shown = actions.add_parser("list", help="the cards a profile holds back or has marked")
    shown.add_argument("--profile", required=True, metavar="NAME", type=profile_name)
    shown.add_argument("--only", choices=REASONS, help="only the cards held for this reason")
    shown.add_argument("--json", action="store_true", help="print JSON for scripts")
    back = actions.add_parser("restore", help="bring suspended or buried cards back into study")
    back.add_argument("cards", nargs="+", metavar="CARD", help="card ids, as 'list' shows them")
    back.add_argument("--profile", required=True, metavar="NAME", type=profile_name)
    back.add_argument("--unflag", action="store_true",
                      help="also withdraw the cards' flags (notes for the teacher)")


def run(args) -> int:
    try:
        if args.cards_command == "list":
            return list_cards(args.profile, args.only, args.json)
        return restore(args.profile, args.cards, args.unflag)
    except ProfileNotFound as error:
        return no_such_profile(error)
    except (StoreError, ValueError) as error:
        return fail(str(error))
    except BrokenPipeError:
        raise  # the reader stopped reading (| head): nothing to say
    except OSError as error:
        from purgequiz.store.errors import file_problem

        return fail(str(file_problem(error)))
