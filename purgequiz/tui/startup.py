"""Start-up without the cyclic garbage collector's pauses.

Opening a profile reads thousands of small records, and building the first screen makes
thousands of objects more; the collector would walk them all several times before anything is
drawn (about a tenth of the start-up, measured by ``benchmarks/startup.py``), though none of
them is garbage yet. So it is paused while the app starts and resumed once the first screen
is drawn: reference counting still frees everything else as usual meanwhile.
"""

from __future__ import annotations

import gc

__all__ = ["pause_collection", "resume_collection"]

_paused = False


def pause_collection() -> None:
    """Pause cyclic garbage collection (if it is on) until :func:`resume_collection`."""
    global _paused
    if not _paused and gc.isenabled():
        gc.disable()
        _paused = True


def resume_collection() -> None:
    """Turn collection back on, if :func:`pause_collection` turned it off; else nothing."""
    global _paused
    if _paused:
        _paused = False
        gc.enable()
