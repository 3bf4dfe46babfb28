"""Cards held back (suspended, buried) or marked (flagged, leech): listed by why, and
brought back into study from here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from purgequiz.learn.held import REASONS, HeldCard, held_cards, leech_cleared, restored, why
from purgequiz.tui.background import friendly, in_background
from purgequiz.tui.host import quiz_app
from purgequiz.tui.text import plain, styled
from purgequiz.tui.widgets.keys import KeyBar

if TYPE_CHECKING:
    from purgequiz.decks.catalog import Catalog
    from purgequiz.learn.scheduler import CardProgress
    from purgequiz.store.profile import Profile

__all__ = ["HeldScreen", "Listing"]

EMPTY = (
    "No card is suspended, buried, flagged or marked as a leech. Cards you suspend "
    "(s) or bury (b) while studying are listed here, so you can bring them back."
)

# The heading of each group: a card is listed once, under the first reason that holds it.
HEADINGS = {
    "suspended": "Suspended: not asked until you bring them back (Enter)",
    "buried": "Buried: back on the next study day, or now with Enter",
    "flagged": "Flagged for your teacher: still asked (w withdraws the flag)",
    "leech": "Leeches, often missed: still asked (l clears the mark)",
}


@dataclass(frozen=True)
class Listing:
    """What the screen shows: the listed cards, each deck's title by id, and the profile's
    time zone (for "buried until")."""

    cards: tuple[HeldCard, ...]
    titles: dict[str, str]
    zone: tzinfo


def gather(profile: Profile, catalog: Catalog | None, now: datetime) -> Listing:
    """The profile's held cards with their prompts (reads the decks: run it in a worker)."""
    from purgequiz.decks.catalog import cards_by_id, decks_by_card, load_catalog

    catalog = catalog if catalog is not None else load_catalog()
    listed = held_cards(
        profile.card_states(), profile.flags(), cards_by_id(catalog), now, decks_by_card(catalog)
    )
    return Listing(
        tuple(listed), {entry.id: entry.title for entry in catalog.decks}, profile.settings.zone()
    )


STYLES = Path(__file__).resolve().parent.parent / "styles"


class HeldScreen(Screen[None]):
    """Enter brings the highlighted card back into study; w withdraws its flags; l clears
    its leech mark."""

    CSS_PATH = STYLES / "held.tcss"

    BINDINGS = [
        Binding("enter", "restore", "bring back", priority=True),  # over the list's own Enter
        Binding("w", "unflag", "withdraw flag"),
        Binding("l", "clear_leech", "clear leech mark"),
        Binding("escape,q", "app.pop_screen", "back"),
    ]

    def __init__(self, profile: Profile) -> None:
        super().__init__(classes="held-screen")
        self.profile = profile
        self.listed: dict[str, HeldCard] = {}
        self.busy = False

    def compose(self) -> ComposeResult:
        with Vertical(id="held"):
            yield Static(styled(("Cards held back or marked", "bold")), classes="screen-title")
            yield Static(
                plain(
                    "Suspended and buried cards are not asked until you bring them "
                    "back. Flagged and leech cards are still asked."
                ),
                classes="hint",
            )
            yield OptionList(id="held-cards", markup=False)
            yield Static(plain(EMPTY), id="held-empty")
            yield Static("", id="held-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        profile, app = self.profile, quiz_app(self)
        in_background(
            self, lambda: gather(profile, app.catalog, app.now()), self._show, self._unlisted
        )

    def _unlisted(self, error: BaseException) -> None:
        self.busy = False
        self._say(f"The held cards cannot be listed: {friendly(error)}")

    def _show(self, listing: Listing) -> None:
        self.busy = False
        cards = self.query_one("#held-cards", OptionList)
        shown = [option.id for option in cards.options if not option.disabled]
        current = self._current()
        place = shown.index(current.card_id) if current is not None else 0
        self.listed = {held.card_id: held for held in listing.cards}
        zone = listing.zone
        options: list[Option] = []
        for reason in REASONS:
            group = [held for held in listing.cards if held.reasons[0] == reason]
            if group:
                options.append(Option(styled((HEADINGS[reason], "bold")), disabled=True))
            for held in group:
                decks = ", ".join(listing.titles.get(deck, deck) for deck in held.decks)
                options.append(
                    Option(
                        styled(
                            "  ",
                            held.prompt or held.card_id,
                            "\n",
                            ("  " + why(held, zone) + (f"  ·  {decks}" if decks else ""), "dim"),
                        ),
                        id=held.card_id,
                    )
                )
        cards.clear_options()
        cards.add_options(options)
        cards.display = bool(listing.cards)
        self.query_one("#held-empty", Static).display = not listing.cards
        if listing.cards:
            ids = [option.id for option in options if option.id is not None]
            cards.highlighted = cards.get_option_index(ids[min(place, len(ids) - 1)])
            cards.focus()

    def _current(self) -> HeldCard | None:
        option = self.query_one("#held-cards", OptionList).highlighted_option
        return self.listed.get(option.id) if option is not None and option.id else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """w and l are offered (in the key bar) only for a card they can change."""
        if action in ("unflag", "clear_leech"):
            held = self._current()
            return held is not None and bool(held.flags if action == "unflag" else held.leech)
        return True

    @on(OptionList.OptionHighlighted, "#held-cards")
    def _moved(self) -> None:
        self.refresh_bindings()

    @on(OptionList.OptionSelected, "#held-cards")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_restore()

    def action_restore(self) -> None:
        held = self._current()
        if held is None or self.busy:
            return
        if not held.held_back:
            keys = " or ".join(
                key
                for key, needed in (
                    ("w to withdraw your flag", held.flags),
                    ("l to clear the leech mark", held.leech),
                )
                if needed
            )
            self._say(f"This card is still asked as usual; press {keys}.")
            return
        self._change(held, restored, [], "Back in study: it will be asked again when it is due.")

    def action_unflag(self) -> None:
        held = self._current()
        if held is None or self.busy:
            return
        if not held.flags:
            self._say("This card is not flagged.")
            return
        self._change(
            held,
            None,
            [str(f["id"]) for f in held.flags],
            "Flag withdrawn: your teacher will not see it.",
        )

    def action_clear_leech(self) -> None:
        held = self._current()
        if held is None or self.busy:
            return
        if not held.leech:
            self._say("This card is not marked as a leech.")
            return
        self._change(
            held,
            leech_cleared,
            [],
            "Leech mark cleared: the card is no longer shown as often missed.",
        )

    def _change(
        self,
        held: HeldCard,
        change: Callable[[CardProgress], CardProgress] | None,
        flag_ids: list[str],
        done: str,
    ) -> None:
        """Save the change on the store thread (the card's state is read there, as it is
        now); then say ``done`` and list the cards afresh."""
        self.busy = True
        profile, card_id = self.profile, held.card_id

        def save() -> None:
            state = profile.card_states().get(card_id)
            profile.release([change(state)] if change and state else [], flag_ids)

        def saved(_: None) -> None:
            self._say(done)
            self.reload()

        def failed(error: BaseException) -> None:
            self.busy = False
            self._say(f"Nothing was changed: {friendly(error)}")

        in_background(self, save, saved, failed)

    def _say(self, text: str) -> None:
        self.query_one("#held-status", Static).update(plain(text))
