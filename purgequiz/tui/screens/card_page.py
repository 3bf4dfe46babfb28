"""A card's page in the browser: the card itself, its fact(s), and where it stands in the
profile (due, stability, difficulty, the chance of recalling it now, lapses, the last answers).

From here the card is suspended or unsuspended (s), buried or unburied (b), reset to new
after a confirmation (r), flagged with a note (f) or its flags withdrawn (w); u undoes the
last of these made on the page. Each is saved at once, on the store's thread, as the
held-cards screen saves its changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.binding import Binding

from purgequiz.learn.days import day_end
from purgequiz.learn.records import Flag
from purgequiz.learn.scheduler import CardProgress
from purgequiz.learn.standing import (
    Standing,
    buried,
    forgotten,
    last_answers,
    new_flag,
    standing,
    suspended,
    unburied,
    unsuspended,
)
from purgequiz.tui.background import friendly, in_background
from purgequiz.tui.host import quiz_app
from purgequiz.tui.screens.page import PAGE_KEYS, Page, fact_line, heading
from purgequiz.tui.text import plain, relative, styled

if TYPE_CHECKING:
    from purgequiz.decks.model import Card
    from purgequiz.store.profile import Profile
    from purgequiz.tui.screens.browse import Library

__all__ = ["CardScreen", "Undo", "when"]

PHASES = {
    "new": "New",
    "learning": "Being learnt",
    "relearning": "Being relearnt (after a lapse)",
    "review": "In review",
}


def when(moment: datetime, zone: tzinfo) -> str:
    """A moment in the profile's zone: "10 Mar 2025, 09:00"."""
    local = moment.astimezone(zone)
    return f"{local.day} {local:%b %Y, %H:%M}"


@dataclass(frozen=True)
class Undo:
    """How to take back one change: the state before it (None: the card had none), whether
    the state was changed, the flags it added, and the flags it withdrew."""

    before: CardProgress | None
    changed_state: bool
    added: tuple[str, ...] = ()
    withdrawn: tuple[dict[str, Any], ...] = field(default=())
    done: str = ""  # what the change was, in words


def _flag(stored: dict[str, Any]) -> Flag:
    names = Flag.__struct_fields__
    return Flag(**{key: value for key, value in stored.items() if key in names})


class CardScreen(Page):
    """The page of one card, with the actions that change its place in study."""

    BINDINGS = [
        Binding("s", "suspend", "suspend"),
        Binding("s", "unsuspend", "unsuspend"),
        Binding("b", "bury", "bury"),
        Binding("b", "unbury", "unbury"),
        Binding("r", "reset", "reset"),
        Binding("f", "flag", "flag"),
        Binding("w", "unflag", "unflag", tooltip="Withdraw the card's flags"),
        Binding("u", "undo", "undo", tooltip="Take back the last change made on this page"),
        *PAGE_KEYS,
    ]

    def __init__(self, library: Library, profile: Profile, card_id: str) -> None:
        super().__init__(library, profile)
        self.card: Card = library.cards[card_id]
        self.standing: Standing | None = None
        self.zone: tzinfo = profile.settings.zone()
        self.undos: list[Undo] = []
        self.busy = False
        self.read_failed: str | None = None

    # -- what the page shows -----------------------------------------------------------------

    def heading_text(self) -> Text:
        card = self.card
        tags = " · ".join(part for part in (card.kind, card.family, *card.topics) if part)
        return styled(("Card", "bold"), ("  " + tags, "dim"))

    def people(self) -> tuple[str, ...]:
        people = self.library.index.people
        return people.of_facts(self.card.fact_ids) if people is not None else ()

    def sections(self) -> Iterable[Text]:
        card = self.card
        yield styled((card.prompt, "bold"), "\n") + self._answer()
        if card.explanation:
            yield plain(card.explanation)
        if card.sources:
            yield styled(
                ("Source: ", "bold"), "; ".join(citation.line() for citation in card.sources)
            )
        yield self._progress()
        yield self._answers()
        yield self._facts()
        decks = self.library.card_decks(card.id)
        if decks:
            yield styled(("In ", "dim"), (decks, "dim"))

    def _answer(self) -> Text:
        card = self.card
        if card.kind == "truefalse":
            return styled(("True or false: ", "bold"), "True" if card.truth else "False")
        if card.kind == "ordering":
            items = "\n".join(f"  {n}. {item}" for n, item in enumerate(card.items, 1))
            return styled(("In order:", "bold"), "\n", items)
        if card.kind == "matching":
            pairs = "\n".join(
                f"  {item} → {match}" for item, match in zip(card.items, card.matches, strict=False)
            )
            return styled(("Matches:", "bold"), "\n", pairs)
        parts: list[tuple[object, str] | str] = [("Answer: ", "bold"), card.answer]
        if card.choices:
            parts += ["\n", ("Choices: ", "bold"), " · ".join(card.choices)]
        return styled(*parts)

    def _progress(self) -> Text:
        title = heading("Your progress\n")
        if self.read_failed is not None:
            return title + plain(f"Your progress could not be read: {self.read_failed}")
        shown = self.standing
        if shown is None:
            return title + plain("Reading your progress…")
        now = quiz_app(self).now()
        lines: list[str] = []
        if shown.phase == "new" and shown.answers:
            lines.append("New again: it was reset, and is asked as a new card.")
        elif shown.phase == "new":
            lines.append("New: not studied yet.")
        else:
            due = ""
            if shown.due is not None:
                due = f" · due {relative(shown.due, now)} ({when(shown.due, self.zone)})"
            lines.append(PHASES[shown.phase] + due)
            figures = []
            if shown.stability is not None:
                figures.append(f"stability {shown.stability:.1f} days")
            if shown.difficulty is not None:
                figures.append(f"difficulty {shown.difficulty:.1f} of 10")
            if shown.retrievability is not None:
                figures.append(f"chance of recalling it now {round(shown.retrievability * 100)}%")
            if figures:
                lines.append(figures[0][:1].upper() + " · ".join(figures)[1:])
            times = "once" if shown.reps == 1 else f"{shown.reps} times"
            if shown.lapses:
                lapses = "once" if shown.lapses == 1 else f"{shown.lapses} times"
                lines.append(f"Reviewed {times}; forgotten (lapses) {lapses}")
            else:
                lines.append(f"Reviewed {times}; never forgotten (no lapses)")
        if shown.suspended:
            lines.append("Suspended: not asked until you unsuspend it (s).")
        if shown.buried_until is not None:
            lines.append(f"Buried until {when(shown.buried_until, self.zone)} (b unburies it).")
        if shown.leech:
            lines.append(
                f"Leech: forgotten {shown.lapses} times (l on the held-cards screen clears it)."
            )
        for flag in shown.flags:
            note = str(flag.get("note", "")) or "no note"
            lines.append(f"Flagged for your teacher: {note} (w withdraws it).")
        return title + plain("\n".join(lines))

    def _answers(self) -> Text:
        title = heading("Last answers\n")
        shown = self.standing
        if shown is None:
            return title + plain("…")
        if not shown.answers:
            return title + plain("No answers yet.")
        lines = Text(end="")
        for number, answer in enumerate(shown.answers):
            given = (answer.given or "(no answer)") if answer.mode != "flashcard" else ""
            lines.append_text(
                styled(
                    "\n" if number else "",
                    f"{when(answer.at, self.zone)}  ",
                    ("right" if answer.correct else "wrong", "bold"),
                    f"  {given}" if given else "",
                    (f"  ({answer.mode}, {answer.grade})", "dim"),
                )
            )
        return title + lines

    def _facts(self) -> Text:
        base = self.library.index.base
        count = len(self.card.fact_ids)
        out = heading("The fact it asks about" if count == 1 else "The facts it asks about")
        for fact_id in self.card.fact_ids:
            fact = base.facts.get(fact_id) if base is not None else None
            if base is None or fact is None:
                out.append_text(plain(f"\n{fact_id} (not in the fact base that ships)"))
                continue
            out.append_text(
                styled("\n", fact.statement, "\n", ("  " + fact_line(base, fact), "dim"))
            )
        names = self._names()
        if names:
            out.append_text(styled("\n", ("People named: ", "bold"), names, ("  (p opens)", "dim")))
        return out

    def _names(self) -> str:
        people = self.library.index.people
        return ", ".join(people.name(pid) for pid in self.people()) if people else ""

    # -- reading the card's progress ---------------------------------------------------------

    def on_mount(self) -> None:
        super().on_mount()
        self.reload()

    def reload(self) -> None:
        profile, card_id, app = self.profile, self.card.id, quiz_app(self)

        def read() -> Standing:
            state = profile.card_states().get(card_id)
            answers = last_answers(profile.reviews(), card_id)
            return standing(card_id, state, profile.flags(), answers, profile.settings, app.now())

        def shown(result: Standing) -> None:
            self.standing, self.read_failed = result, None
            self.redraw()
            self.refresh_bindings()

        def failed(error: BaseException) -> None:
            self.read_failed = friendly(error)
            self.redraw()

        in_background(self, read, shown, failed)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Each key is offered when it can change something: s suspends or unsuspends, b
        buries or unburies, r resets a card that is not new, w withdraws flags there are,
        u undoes a change made here."""
        shown = self.standing
        offered = {
            "suspend": shown is not None and not shown.suspended,
            "unsuspend": shown is not None and shown.suspended,
            "bury": shown is not None and shown.buried_until is None,
            "unbury": shown is not None and shown.buried_until is not None,
            "reset": shown is not None and shown.phase != "new",
            "flag": shown is not None,
            "unflag": shown is not None and bool(shown.flags),
            "undo": bool(self.undos),
        }
        if action in offered:
            return offered[action]
        return super().check_action(action, parameters)

    # -- the changes -------------------------------------------------------------------------

    def action_suspend(self) -> None:
        self._change(suspended, "Suspended: not asked until you unsuspend it (s).")

    def action_unsuspend(self) -> None:
        self._change(unsuspended, "Unsuspended: back in study, asked when it is due.")

    def action_bury(self) -> None:
        settings, now = self.profile.settings, quiz_app(self).now()
        until = day_end(now, settings.zone(), settings.day_starts_at)
        self._change(lambda state: buried(state, until), "Buried until the next study day.")

    def action_unbury(self) -> None:
        self._change(unburied, "Unburied: it can be asked again today.")

    def action_reset(self) -> None:
        from purgequiz.tui.screens.dialogs import ConfirmDialog

        if self.busy:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._change(forgotten, "Reset: the card is new again (u undoes it).")

        self.app.push_screen(
            ConfirmDialog(
                "Reset this card to new?",
                [
                    "Its schedule, stability, difficulty, counts and leech mark are dropped, "
                    "and it comes back as a new card. Your past answers stay in the log.",
                    "u takes it back while this page is open.",
                ],
                "Reset",
            ),
            confirmed,
        )

    def action_flag(self) -> None:
        from purgequiz.tui.screens.dialogs import FlagDialog

        if self.busy:
            return
        card, app = self.card, quiz_app(self)
        deck = next(iter(self.library.decks.get(card.id, ())), "")

        def noted(note: str | None) -> None:
            if note is not None:
                flag = new_flag(card, deck, note, app.now(), app.rng)
                self._change(None, "Flagged. Your note is kept for your teacher.", flag=flag)

        self.app.push_screen(FlagDialog(card.prompt), noted)

    def action_unflag(self) -> None:
        self._change(None, "Flag withdrawn: your teacher will not see it.", unflag=True)

    def _change(
        self,
        change: Callable[[CardProgress], CardProgress] | None,
        done: str,
        *,
        flag: Flag | None = None,
        unflag: bool = False,
    ) -> None:
        """Make the change on the store's thread (from the card's state as it is there and
        then), keep how to undo it, say ``done`` and show the card's standing afresh."""
        if self.busy:
            return
        self.busy = True
        profile, card_id = self.profile, self.card.id

        def save() -> Undo:
            before = profile.card_states().get(card_id)
            withdrawn: tuple[dict[str, Any], ...] = ()
            if change is not None:
                profile.save_states([change(before or CardProgress(card_id))])
            if flag is not None:
                profile.add_flag(flag)
            if unflag:
                withdrawn = tuple(f for f in profile.flags() if f.get("card_id") == card_id)
                profile.release([], [str(f["id"]) for f in withdrawn])
            return Undo(before, change is not None, (flag.id,) if flag else (), withdrawn, done)

        def saved(undo: Undo) -> None:
            self.busy = False
            self.undos.append(undo)
            self.say(done)
            self.reload()

        in_background(self, save, saved, self._not_saved)

    def action_undo(self) -> None:
        if self.busy or not self.undos:
            return
        self.busy = True
        undo, profile, card_id = self.undos[-1], self.profile, self.card.id

        def take_back() -> None:
            if undo.changed_state:
                profile.save_states([undo.before or CardProgress(card_id)])
            if undo.added:
                profile.release([], list(undo.added))
            for stored in undo.withdrawn:
                profile.add_flag(_flag(stored))

        def taken_back(_: None) -> None:
            self.busy = False
            self.undos.pop()
            self.say("Undone: the card is as it was before.")
            self.reload()

        in_background(self, take_back, taken_back, self._not_saved)

    def _not_saved(self, error: BaseException) -> None:
        self.busy = False
        self.say(f"Nothing was changed: {friendly(error)}")
        self.reload()
