import pytest


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    """No learn test may touch a real user's data folder."""
    monkeypatch.setenv("PURGEQUIZ_HOME", str(tmp_path / "home"))
    return tmp_path / "home"
