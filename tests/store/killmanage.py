"""Kill-test helper: renames, deletes or restores the profile "Anna", and kills itself with
SIGKILL right after its Nth change to the disk (a folder made, a file renamed, replaced or
removed, an fsync), or finishes and prints "done" when it makes fewer than N.

``rename N``: Anna becomes Bella. ``delete N``: Anna is deleted. ``restore N``: the deleted
Anna comes back as Bella.
"""

import os
import signal
import sys
from datetime import UTC, datetime

from purgequiz.store import manage

NOW = datetime(2025, 3, 1, 9, tzinfo=UTC)


def kill_after(count: int) -> None:
    done = 0

    def counted(real):
        def call(*args, **kwargs):
            nonlocal done
            result = real(*args, **kwargs)
            done += 1
            if done == count:
                os.kill(os.getpid(), signal.SIGKILL)
            return result

        return call

    for name in ("mkdir", "rename", "replace", "unlink", "fsync"):
        setattr(os, name, counted(getattr(os, name)))


if __name__ == "__main__":
    operation, count = sys.argv[1], int(sys.argv[2])
    kill_after(count)
    if operation == "rename":
        manage.rename_profile("Anna", "Bella")
    elif operation == "delete":
        manage.delete_profile("Anna", NOW)
    else:
        manage.restore_profile("Anna", "Bella")
    print("done", flush=True)
