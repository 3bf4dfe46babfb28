"""Replacing a file whole or not at all, for every layer (store, commands, caches).

The data goes to a temporary file in the same folder (so the rename cannot cross disks),
which is synced, renamed over the target with ``os.replace`` and then made durable by a sync
of the folder: a kill or a power cut leaves either the old file or the new one, never a mix.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["fsync_folder", "write_atomic"]


def fsync_folder(folder: str | os.PathLike[str]) -> None:
    """Make a rename or a new file in ``folder`` durable (a no-op where folders cannot be
    opened, as on Windows, whose renames are durable by themselves)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(
    path: str | os.PathLike[str], data: bytes, *, mode: int = 0o666, keep_mode: int | None = None
) -> None:
    """Replace ``path`` with ``data`` atomically and durably; raise ``OSError`` on failure,
    after which the old file (if any) is untouched and no temporary file is left.

    A new file is made with ``mode`` (less the umask); ``keep_mode`` gives the file exactly
    those permissions instead (the ones of the file it replaces, say). ``path`` itself is
    replaced, never a file a link at ``path`` points to: resolve the link first for that.
    """
    target = Path(path)
    temporary = target.with_name(f".{target.name}.{os.urandom(4).hex()}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(temporary, flags | getattr(os, "O_BINARY", 0), mode)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
        os.fsync(descriptor)
        os.close(descriptor)
        descriptor = -1
        if keep_mode is not None:
            os.chmod(temporary, keep_mode)
        os.replace(temporary, target)
    except BaseException:
        if descriptor >= 0:
            os.close(descriptor)
        temporary.unlink(missing_ok=True)
        raise
    fsync_folder(target.parent)
