"""Kill-test helper: answers cards in a loop, printing each id once the answer is durable."""

import random
import sys
from datetime import UTC, datetime, timedelta

from deckkit import plain_deck

from purgequiz.learn import StudySession
from purgequiz.store import open_profile


def main() -> None:
    seed = int(sys.argv[1])
    deck = plain_deck(40)
    now = datetime(2025, 3, 1, 9, tzinfo=UTC) + timedelta(days=seed)
    rng = random.Random(seed)
    with open_profile("kill") as profile:
        session = StudySession(deck, profile, now, rng)
        while True:
            shown = session.next_card(now)
            if shown is None:
                now += timedelta(minutes=30)
                continue
            reply = shown.card.answer if rng.random() < 0.7 else "wrong"
            session.answer(reply, now, 2500)
            print(session.record.card_ids[-1], session._undo[-1][0].id, flush=True)
            now += timedelta(seconds=5)


if __name__ == "__main__":
    main()
