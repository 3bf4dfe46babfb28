from __future__ import annotations

import os
from pathlib import Path

import pytest

from purgequiz import paths
from purgequiz.facts import FactBase, load

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "docs" / "examples" / "1848.toml"


def sources_dir() -> Path:
    """The folder of the source texts: PURGEQUIZ_SOURCES, or ../shared/sources beside the repo."""
    override = os.environ.get("PURGEQUIZ_SOURCES")
    return Path(override) if override else REPO.parent / "shared" / "sources"


@pytest.fixture(scope="session")
def bundled() -> FactBase:
    result = load(paths.bundled_seeds_dir())
    assert not result.problems, "\n".join(map(str, result.problems))
    assert result.base is not None
    return result.base


@pytest.fixture(scope="session")
def source_texts(bundled: FactBase) -> dict[str, bytes]:
    """The raw source texts; skipped without them, except under CI=true where that fails."""
    folder = sources_dir()
    if not folder.is_dir():
        reason = f"the source texts are not at {folder}"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; CI must have ../shared/sources beside the repository")
        pytest.skip(reason)
    return {s.id: (folder / s.file).read_bytes() for s in bundled.sources.values() if s.file}
