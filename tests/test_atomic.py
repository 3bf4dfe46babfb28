"""The one atomic write: whole or not at all, no temporary file left, permissions as asked."""

import errno
import os
import stat

import pytest

from purgequiz import atomic


def test_a_write_that_fails_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    """When the rename fails (a full disk), the old file is untouched and nothing is left."""
    target = tmp_path / "progress.json"
    target.write_bytes(b"old")

    def full(source, destination):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", full)
    with pytest.raises(OSError):
        atomic.write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["progress.json"]


def test_a_write_replaces_the_file_and_syncs_its_folder(tmp_path, monkeypatch):
    """The new bytes are in place, with the permissions asked for, and the folder is synced."""
    synced = []
    real_fsync_folder = atomic.fsync_folder
    monkeypatch.setattr(
        atomic, "fsync_folder", lambda folder: (synced.append(folder), real_fsync_folder(folder))
    )
    target = tmp_path / "out.txt"
    target.write_bytes(b"old")
    atomic.write_atomic(target, b"new", keep_mode=0o600)
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert synced == [tmp_path]
