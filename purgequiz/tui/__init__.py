"""The Textual study app: profiles, the deck list, study sessions, settings and help."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from purgequiz.tui.app import PurgeQuizApp

__all__ = ["PurgeQuizApp"]


def __getattr__(name: str) -> type["PurgeQuizApp"]:
    if name == "PurgeQuizApp":
        from purgequiz.tui.app import PurgeQuizApp

        return PurgeQuizApp
    raise AttributeError(name)
