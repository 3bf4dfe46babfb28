"""The architecture's boundaries: the pure domain stays free of the app and the database."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "purgequiz"

# folder -> top-level modules it must never import
FORBIDDEN = {
    "facts": {"textual", "tinydb", "purgequiz.tui", "purgequiz.store", "purgequiz.learn",
              "purgequiz.generate"},
    "generate": {"textual", "tinydb", "purgequiz.tui", "purgequiz.store", "purgequiz.learn"},
    "learn": {"textual", "tinydb", "purgequiz.tui", "purgequiz.store"},
    "store": {"textual", "purgequiz.tui"},
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _violations(folder: str) -> list[str]:
    found = []
    for path in sorted((PACKAGE / folder).rglob("*.py")):
        for name in _imports(path):
            for banned in FORBIDDEN[folder]:
                if name == banned or name.startswith(banned + "."):
                    found.append(f"{path.relative_to(PACKAGE.parent)} imports {name}")
    return found


@pytest.mark.parametrize("folder", sorted(FORBIDDEN))
def test_layer_imports_only_what_it_may(folder: str):
    """facts, generate and learn import neither textual nor tinydb; store imports no textual."""
    assert (PACKAGE / folder).is_dir()
    assert _violations(folder) == []


def test_the_check_catches_a_forbidden_import(tmp_path, monkeypatch):
    """The scan does find a forbidden import where there is one."""
    fake = tmp_path / "purgequiz" / "learn"
    fake.mkdir(parents=True)
    (fake / "bad.py").write_text("from textual.app import App\n")
    monkeypatch.setattr(__import__(__name__, fromlist=["PACKAGE"]), "PACKAGE",
                        tmp_path / "purgequiz")
    assert _violations("learn") == ["purgequiz/learn/bad.py imports textual.app"]
