"""Opening reads a snapshot's list of cold tables only when it is first needed."""

from __future__ import annotations

import json

import pytest

from purgequiz.store.lines import cold_names as _cold_names
from purgequiz.store.lines import split_cold as _split_cold


def _snapshot(cold: list[str], tables: dict) -> bytes:
    data = {"format": "purgequiz.progress", "version": 1, "seq": 3, "cold": cold, "tables": tables}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


@pytest.mark.parametrize(
    "cold",
    [
        [],
        ["reviews/2025-03-10/09:0", "reviews/2025-03-10/09:1"],
        ["reviews/é/ü"],
        ['reviews/a"b', "reviews/c\\d"],  # escapes: read whole
    ],
)
def test_the_split_reads_the_same(cold: list[str]) -> None:
    """Cut out or not, the snapshot and its cold names read exactly as one whole parse."""
    tables = {"cards/001": {"x": {"prompt": '],"tables":["', "n": 1}}}
    rest, listed = _split_cold(_snapshot(cold, tables))
    data = json.loads(rest)
    names = _cold_names(listed) if listed is not None else data["cold"]
    assert names == cold
    assert data["tables"] == tables and data["seq"] == 3


def test_a_snapshot_written_otherwise_is_read_whole() -> None:
    """Another layout (spaces, other order) is not cut: it is parsed as it is."""
    raw = json.dumps({"cold": ["reviews/a"], "tables": {}}, indent=1).encode()
    assert _split_cold(raw) == (raw, None)
