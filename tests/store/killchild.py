"""Kill-test helper: works on a profile in a loop, printing what is durable as it goes.

``serve``: reads one request a line (``MODE SEED [ARG]``, a mode below) and forks a worker
for each, which prints ``pid N`` and then works until it is killed; once the worker has died
the server prints a NUL and ``end``. Python and purgequiz are imported once, before the
forks, so that a kill test spends its time killing rather than starting interpreters.

``answer SEED``: answers cards, printing each review id once the answer is durable.
``compact SEED``: the same, compacting every few answers.
``import SEED``: imports one small export after another, printing each once it is in.
``importcut SEED``: imports one export, then dies by SIGKILL halfway through writing a
second one to the journal (the first half of its bytes are on disk), printing the journal's
size before that write.
``full SEED LIMIT``: answers with files limited to LIMIT bytes (a full disk), printing
``ok ID`` or ``failed ID`` for each answer.
"""

import json
import os
import random
import resource
import signal
import sys
from datetime import UTC, datetime, timedelta

from deckkit import plain_deck

from purgequiz.learn.session import StudySession
from purgequiz.store import storage as storage_module
from purgequiz.store.errors import StoreError
from purgequiz.store.profile import open_profile
from purgequiz.store.transfer import import_into

BASE = datetime(2025, 3, 1, 9, tzinfo=UTC)


def answer(seed: int, compact_every: int = 0, full: bool = False) -> None:
    deck = plain_deck(40)
    now = BASE + timedelta(days=seed)
    rng = random.Random(seed)
    with open_profile("kill") as profile:
        session = StudySession(deck, profile, now, rng)
        count = 0
        while True:
            shown = session.next_card(now)
            if shown is None:  # on to when a card comes back, or to the next study day
                now = max(now + timedelta(minutes=1), session.waiting_until or now)
                if session.waiting_until is None:
                    now += timedelta(hours=12)
                continue
            reply = shown.card.answer if rng.random() < 0.7 else "wrong"
            try:
                session.answer(reply, now, 2500)
            except StoreError:
                print("failed", session.current and session.current.card.id, flush=True)
                now += timedelta(seconds=5)
                continue
            print("ok", session._undo[-1][0].id, flush=True)
            count += 1
            if compact_every and count % compact_every == 0:
                profile.storage.compact()
            now += timedelta(seconds=5)


def imports(seed: int, template_file: str) -> None:
    rng = random.Random(seed)
    with open(template_file, encoding="utf-8") as file:
        template = json.load(file)
    with open_profile("kill") as profile:
        for batch in range(10_000):
            data = dict(template)
            ids = [f"{seed}-{batch}-{i}" for i in range(rng.randint(50, 400))]
            data["reviews"] = [dict(template["reviews"][0], id=review_id) for review_id in ids]
            print("start", seed, batch, len(ids), flush=True)
            import_into(profile, data)
            print("ok", seed, batch, len(ids), flush=True)


def import_cut(seed: int) -> None:
    template = json.loads(sys.stdin.read())
    with open_profile("kill") as profile:
        data = dict(
            template, reviews=[dict(template["reviews"][0], id=f"{seed}-0-{i}") for i in range(50)]
        )
        import_into(profile, data)
        print("ok", seed, 0, 50, flush=True)
        storage = profile.storage
        print("journal", storage._journal_size, flush=True)

        def append_half_then_die(data: bytes) -> None:
            os.pwrite(storage._journal, data[: len(data) // 2], storage._journal_size)
            os.fsync(storage._journal)
            os.kill(os.getpid(), signal.SIGKILL)

        storage._append = append_half_then_die
        data = dict(
            template, reviews=[dict(template["reviews"][0], id=f"{seed}-1-{i}") for i in range(300)]
        )
        import_into(profile, data)
        print("not killed", flush=True)


def serve() -> None:
    for request in sys.stdin:
        pid = os.fork()
        if pid == 0:
            status = 1
            try:
                os.write(1, f"pid {os.getpid()}\n".encode())
                work(request.split())
                status = 0
            finally:
                os._exit(status)  # never back into the server's loop
        os.waitpid(pid, 0)
        os.write(1, b"\0end\n")  # after a line the kill may have cut short


def main() -> None:
    if sys.argv[1] == "serve":
        serve()
    else:
        work(sys.argv[1:])


def work(args: list[str]) -> None:
    mode, seed = args[0], int(args[1])
    if mode == "answer":
        answer(seed)
    elif mode == "compact":
        storage_module.COMPACT_WHILE_OPEN = 40
        answer(seed, compact_every=7)
    elif mode == "import":
        imports(seed, args[2])
    elif mode == "importcut":
        import_cut(seed)
    elif mode == "full":
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead
        limit = int(args[2])
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        answer(seed, full=True)


if __name__ == "__main__":
    main()
