import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "learn"))


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    """Every store test keeps its profiles under a fresh temporary folder."""
    monkeypatch.setenv("PURGEQUIZ_HOME", str(tmp_path / "home"))
    return tmp_path / "home"
