"""The engine's in-memory profile (:mod:`purgequiz.learn.memory`) as the engine's tests use it:
named as a profile on disk is (new cards in the order a profile of that name has), with its
settings changed as ``Profile.update_settings`` changes them. ``test_memory.py`` checks that
it answers as the real profile does."""

from __future__ import annotations

from typing import Any

from purgequiz.learn import memory
from purgequiz.learn.settings import Settings
from purgequiz.store.names import order_seed


class MemoryProfile(memory.MemoryProfile):
    def __init__(self, name: str = "learner") -> None:
        super().__init__(name, Settings(), order_seed(name))

    def update_settings(self, **changes: Any) -> list[str]:
        """As ``Profile.update_settings``: the problems, and no change unless there are none."""
        try:
            settings = self.settings.changed(**changes)
        except (TypeError, ValueError) as error:
            return [str(error)]
        problems = settings.problems()
        if not problems:
            self.settings = settings
        return problems
