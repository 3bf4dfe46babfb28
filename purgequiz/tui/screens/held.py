"""Cards held back (suspended, buried) or marked (flagged, leech): listed with why, and
brought back into study from here."""

from __future__ import annotations

from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from purgequiz.learn.held import HeldCard, held_cards, restored, why
from purgequiz.tui.background import in_background
from purgequiz.tui.text import plain, styled

__all__ = ["HeldScreen"]

EMPTY = ("No card is suspended, buried, flagged or marked as a leech. Cards you suspend "
         "(s) or bury (b) while studying are listed here, so you can bring them back.")


class HeldScreen(Screen[None]):
    """Enter brings the highlighted card back into study; w withdraws its flags."""

    BINDINGS = [
        Binding("enter", "restore", "bring back", priority=True),  # over the list's own Enter
        Binding("w", "unflag", "withdraw flag"),
        Binding("escape,q", "app.pop_screen", "back"),
    ]

    def __init__(self, profile) -> None:
        super().__init__(classes="held-screen")
        self.profile = profile
        self.listed: list[HeldCard] = []
        self.busy = False

    def compose(self) -> ComposeResult:
        with Vertical(id="held"):
            yield Static(styled(("Cards held back or marked", "bold")), classes="screen-title")
            yield Static(plain("Suspended and buried cards are not asked until you bring them "
                               "back. Leech and flagged cards are still asked."),
                         classes="hint")
            yield OptionList(id="held-cards", markup=False)
            yield Static(plain(EMPTY), id="held-empty")
            yield Static("", id="held-status")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        profile, app = self.profile, self.app

        def gather() -> list[HeldCard]:
            from purgequiz.generate.catalog import cards_by_id, load_catalog

            catalog = app.catalog if app.catalog is not None else load_catalog()
            now: datetime = app.now()
            return held_cards(profile.card_states(), profile.flags(), cards_by_id(catalog), now)

        in_background(self, gather, self._show)

    def _show(self, listed: list[HeldCard]) -> None:
        self.listed = listed
        self.busy = False
        cards = self.query_one("#held-cards", OptionList)
        highlighted = cards.highlighted
        cards.clear_options()
        zone = self.profile.settings.zone()
        cards.add_options([Option(styled(held.prompt or held.card_id, "\n",
                                         (why(held, zone), "dim")))
                           for held in listed])
        cards.display = bool(listed)
        self.query_one("#held-empty", Static).display = not listed
        if listed:
            cards.highlighted = min(highlighted or 0, len(listed) - 1)
            cards.focus()

    def _current(self) -> HeldCard | None:
        index = self.query_one("#held-cards", OptionList).highlighted
        return self.listed[index] if index is not None and index < len(self.listed) else None

    @on(OptionList.OptionSelected, "#held-cards")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_restore()

    def action_restore(self) -> None:
        held = self._current()
        if held is None or self.busy:
            return
        if not held.held_back:
            self._say("This card is still asked as usual"
                      + (": press w to withdraw your flag." if held.flags else "."))
            return
        self._release(held, [restored(self.profile.card_states()[held.card_id])], [],
                      "Back in study: it will be asked again when it is due.")

    def action_unflag(self) -> None:
        held = self._current()
        if held is None or self.busy:
            return
        if not held.flags:
            self._say("This card is not flagged.")
            return
        self._release(held, [], [str(f["id"]) for f in held.flags],
                      "Flag withdrawn: your teacher will not see it.")

    def _release(self, held: HeldCard, states, flag_ids: list[str], done: str) -> None:
        self.busy = True
        profile = self.profile

        def saved(_: None) -> None:
            self._say(done)
            self.reload()

        def failed(error: BaseException) -> None:
            from purgequiz.tui.background import friendly

            self.busy = False
            self._say(f"Nothing was changed: {friendly(error)}")

        in_background(self, lambda: profile.release(states, flag_ids), saved, failed)

    def _say(self, text: str) -> None:
        self.query_one("#held-status", Static).update(plain(text))
