"""The Textual study app: profiles, the deck list, study sessions, settings and help."""

__all__ = ["PurgeQuizApp"]


def __getattr__(name: str):
    if name == "PurgeQuizApp":
        from purgequiz.tui.app import PurgeQuizApp

        return PurgeQuizApp
    raise AttributeError(name)
