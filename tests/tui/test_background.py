"""Storage work off the event loop: results arrive, and mistakes are never silent."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

from purgequiz.tui.background import in_background


class _Probe(App[None]):
    def __init__(self, job, done) -> None:
        super().__init__()
        self.job, self.done = job, done

    def compose(self) -> ComposeResult:
        yield Static("probe")

    def on_mount(self) -> None:
        in_background(self, self.job, self.done)


async def test_result_reaches_the_event_loop():
    """A job's result is handed to its callback."""
    seen = []
    app = _Probe(lambda: 42, seen.append)
    async with app.run_test() as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert seen == [42]


async def test_a_failing_callback_is_reported():
    """An error raised while handling a result becomes a plain notification, not silence."""

    def broken(_result) -> None:
        raise ValueError("the figures could not be shown [bold]")

    app = _Probe(lambda: 1, broken)
    async with app.run_test() as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
    assert messages == ["the figures could not be shown [bold]"]


async def test_a_failing_job_is_reported():
    """An error in the job itself becomes a plain notification."""

    def job() -> None:
        raise OSError(28, "No space left on device", "/data/progress.journal")

    app = _Probe(job, lambda _r: None)
    async with app.run_test() as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
    assert messages == [
        "cannot use /data/progress.journal (no space left on device); free some "
        "disk space and try again"
    ]


async def test_a_failure_quoting_file_text_shows_it_as_text():
    """An error message holding an escape sequence (from a file's name or text) is notified
    with the escape written out, never the characters themselves."""

    def job() -> None:
        raise ValueError("cannot read deck\x1b]0;HIJACKED\x07.json")

    app = _Probe(job, lambda _r: None)
    async with app.run_test() as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
    assert messages == ["cannot read deck\\x1b]0;HIJACKED\\x07.json"]
