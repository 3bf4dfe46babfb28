"""The review log's tally for the statistics (:mod:`purgequiz.learn.tally`), kept in
``tallies.json`` in the profile's folder so that opening the statistics reads almost none of
the log.

A month's sealed file (see months.py) is written anew whenever the month changes, so its size
and modification time say whether a tally kept for it is still its own. The file keeps:

* ``base``: the tally of every older month (all but the newest month of the log) that is
  sealed, with each one's file size and time; older months do not change (but for an import
  of old reviews), so the base is used as it is, or with a month that has just become older
  added to it;
* ``newest``: the tally of the newest month when it is sealed, with its file's size and time.

A month with changes not sealed yet (the current one, while studying) is read each time, and a
month is read straight from its sealed file without keeping its reviews in memory. Nothing in
the file is needed: when it is missing, damaged or of another version the log is read again,
and when it cannot be written the statistics are only slower the next time. A month whose file
is damaged is read through the storage, which reports and repairs it as usual.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import msgspec
from msgspec import Meta

from purgequiz.learn.tally import COUNTED_FIELDS, ReviewTally, tally_reviews, tally_rows
from purgequiz.store.disk import read_file, write_atomic
from purgequiz.store.errors import StoreError
from purgequiz.store.months import decode_sealed, review_rows
from purgequiz.store.schema import Invalid
from purgequiz.store.storage import JournalStorage

__all__ = ["TALLIES_FILE", "review_tally"]

TALLIES_FILE = "tallies.json"
TALLIES_VERSION = 2  # 2: tallies of version 2 (see learn/tally.py)

_Count = Annotated[int, Meta(ge=0)]
_Pair = Annotated[list[_Count], Meta(min_length=2, max_length=2)]
_Signature = Annotated[list[int], Meta(min_length=2, max_length=2)]  # the file's size and time


class _Tally(msgspec.Struct):
    days: dict[str, _Pair]
    cards: dict[str, _Pair]
    picks: dict[str, dict[str, _Count]]

    def made(self) -> ReviewTally:
        return ReviewTally(self.days, self.cards, self.picks)


class _Base(msgspec.Struct):
    months: dict[str, _Signature]
    tally: _Tally


class _Newest(msgspec.Struct):
    month: str
    file: _Signature
    tally: _Tally


class _File(msgspec.Struct):
    v: int
    base: _Base | None = None
    newest: _Newest | None = None


def _kept(path: Path) -> tuple[_File, bool]:
    """What ``path`` keeps, and whether it may be written (not when it is a link, say)."""
    try:
        raw = read_file(path)
    except StoreError:
        return _File(TALLIES_VERSION), False
    if raw is None:
        return _File(TALLIES_VERSION), True
    try:
        kept = msgspec.json.decode(raw, type=_File)
    except (msgspec.DecodeError, msgspec.ValidationError):
        return _File(TALLIES_VERSION), True  # counted again, and written anew
    return (kept if kept.v == TALLIES_VERSION else _File(TALLIES_VERSION)), True


def _signature(path: Path) -> list[int] | None:
    try:
        info = os.stat(path, follow_symlinks=False)
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns]


def _sealed_tally(path: Path, month: str) -> ReviewTally | None:
    """The tally of a sealed month file; None if it is damaged (the storage reads it then)."""
    try:
        raw = read_file(path)
        if raw is None:
            return None
        rows = review_rows(raw, month, COUNTED_FIELDS)
        if rows is not None:
            return tally_rows(rows)
        sealed = decode_sealed(raw, month)  # says what is wrong, and keeps what is right
    except (StoreError, Invalid):
        return None
    if sealed is None or sealed.bad or sealed.cut:
        return None
    return tally_reviews(doc for table in sealed.tables.values() for doc in table.values())


def _form(tally: ReviewTally) -> _Tally:
    return _Tally(tally.days, tally.cards, tally.picks)


def review_tally(storage: JournalStorage) -> ReviewTally:
    """The tally of the whole review log of ``storage``'s profile, as it stands now."""
    path = storage.folder / TALLIES_FILE
    kept, writable = _kept(path)
    files = storage.month_files()
    newest = max(files, default=None)
    signed = {
        month: signature
        for month, file in files.items()
        if file is not None and (signature := _signature(file)) is not None
    }

    def sealed_tally(month: str) -> ReviewTally | None:
        """A sealed month's tally: the one kept as the newest month's, or read from its file."""
        found = kept.newest
        if found is not None and found.month == month and found.file == signed[month]:
            return found.tally.made()
        file = files[month]
        return _sealed_tally(file, month) if file is not None else None

    # The older months: the base kept (with the months that became older added), or anew.
    older = {month: signature for month, signature in signed.items() if month != newest}
    base = kept.base
    if base is not None and all(older.get(m) == s for m, s in base.months.items()):
        total, covered = base.tally.made(), dict(base.months)
    else:
        total, covered = ReviewTally(), {}
    for month in sorted(older.keys() - covered.keys()):
        more = sealed_tally(month)
        if more is not None:
            total.add(more)
            covered[month] = older[month]
    changed = base is None or covered != base.months
    # encoded now: the newest month is added to ``total`` below
    base_out = msgspec.json.encode(_Base(covered, _form(total)))

    # The newest month, and each month whose changes are not sealed yet.
    newest_out = b"null"
    if newest is not None and newest in signed:
        more = sealed_tally(newest)
        if more is not None:
            found = kept.newest
            changed |= not (found and found.month == newest and found.file == signed[newest])
            newest_out = msgspec.json.encode(_Newest(newest, signed[newest], _form(more)))
            total.add(more)
            covered[newest] = signed[newest]
    for month in sorted(files.keys() - covered.keys()):
        total.add(tally_reviews(storage.month_reviews(month)))

    if changed and writable and not storage.read_only:
        text = b'{"v":%d,"base":%s,"newest":%s}' % (TALLIES_VERSION, base_out, newest_out)
        try:
            write_atomic(path, text)
        except StoreError:
            pass  # only slower the next time
    return total
