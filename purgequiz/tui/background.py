"""Running storage work off the event loop, one job at a time, with friendly failures."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from textual.dom import DOMNode

from purgequiz.visible import visible

__all__ = ["friendly", "in_background", "on_store_thread", "start_now"]

T = TypeVar("T")
# Every storage call runs on this one thread: jobs never overlap, and a profile is opened and
# closed on the same thread.
_STORE_THREAD = ThreadPoolExecutor(max_workers=1, thread_name_prefix="purgequiz-store")


def on_store_thread(job: Callable[[], T]) -> T:
    """Run ``job`` on the storage thread and wait for it (for closing at exit)."""
    return _STORE_THREAD.submit(job).result()


def start_now(job: Callable[[], T]) -> Future[T]:
    """Start ``job`` on the storage thread at once, even before the app runs; hand the future
    to :func:`in_background` to have its result on the event loop."""
    return _STORE_THREAD.submit(job)


def friendly(error: BaseException) -> str:
    """A plain sentence for an error: the store's (and a file error, naming the file and what
    to do about it) in the words of :mod:`purgequiz.explain`; the deck reader's and a bad
    value's are plain already. Any control character in it (from a file's name or text) is
    shown as an escape."""
    from purgequiz.explain import describe
    from purgequiz.store.errors import ProfileNameError, StoreError

    if isinstance(error, OSError | StoreError | ProfileNameError):
        return visible(describe(error), newlines=True)
    text = str(error).strip()
    kind = type(error)
    if text and (issubclass(kind, ValueError) or kind.__module__.startswith("purgequiz.")):
        return visible(text, newlines=True)  # written for the reader: a bad value, a store
        # or deck problem
    return visible(
        f"something unexpected went wrong ({kind.__name__}{': ' + text if text else ''})",
        newlines=True,
    )


def in_background(
    node: DOMNode,
    job: Callable[[], T] | Future[T],
    done: Callable[[T], Any],
    failed: Callable[[BaseException], Any] | None = None,
    name: str = "store",
) -> None:
    """Run ``job`` in a thread; then ``done(result)`` or ``failed(error)`` on the event loop.

    Jobs run one after another, so a session is never touched by two threads at once. With
    no ``failed``, an error becomes a notification in plain words. ``job`` may also be one
    already started by :func:`start_now`. Once the app is quitting, neither is called: the
    job's work is done (and saved), but nothing more is shown.
    """
    app = node.app

    def report(error: BaseException) -> None:
        if getattr(app, "quitting", False):  # too late to show anything
            return
        if failed is not None:
            failed(error)
        else:
            app.notify(friendly(error), title="Could not save", severity="error", markup=False)

    def deliver(result: T) -> None:
        # A mistake in ``done`` must not vanish with the worker: log it and say so plainly.
        if getattr(app, "quitting", False):  # a screen it would open would be torn down
            return
        try:
            done(result)
        except Exception as error:  # noqa: BLE001 - shown to the user in plain words
            app.log.error(f"{name}: {type(error).__name__}: {error}")
            app.notify(
                friendly(error), title="Something went wrong", severity="error", markup=False
            )

    def run() -> None:
        try:
            result = job.result() if isinstance(job, Future) else on_store_thread(job)
        except Exception as error:  # noqa: BLE001 - shown to the user in plain words
            app.call_from_thread(report, error)
        else:
            app.call_from_thread(deliver, result)

    node.run_worker(run, name=name, group="store", thread=True, exit_on_error=False)
