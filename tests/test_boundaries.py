"""The architecture's boundaries (STYLE.md): data flows one way, facts → generate → learn →
store → tui, with commands on top; the pure domain stays free of the app and the database.

Checked twice: in the source, every import wherever it is written (tests/imports.py says how
each form is read), and at run time, by importing a layer's every module in a fresh
interpreter and looking at ``sys.modules``, which also sees what a layer imports through
another module.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests import imports as scan

PACKAGE = Path(__file__).resolve().parents[1] / "purgequiz"

TUI, COMMANDS = "purgequiz.tui", "purgequiz.commands"
# the layers, lowest first, and what each must never import (besides the layers above it)
LIBRARIES = {
    "purgequiz.facts": {"textual", "tinydb"},
    "purgequiz.generate": {"textual", "tinydb"},
    "purgequiz.learn": {"textual", "tinydb"},
    "purgequiz.store": {"textual"},
    "purgequiz.tui": set(),
}
ORDER = (*LIBRARIES, COMMANDS)
ON_TOP = ("purgequiz.cli", "purgequiz.__main__")  # the only importers of commands


def _within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def layer_of(module: str) -> str | None:
    """The layer ``module`` belongs to; None for the modules every layer shares (paths, files,
    visible, …) and for the command line on top."""
    return next((layer for layer in ORDER if _within(module, layer)), None)


def forbidden(module: str) -> set[str]:
    """What ``module`` must never import."""
    if module in ON_TOP or _within(module, COMMANDS):
        return set()
    layer = layer_of(module)
    if layer is None:  # shared below every layer: nothing below tui imports tui
        return {TUI, COMMANDS}
    above = ORDER[ORDER.index(layer) + 1 :]
    return set(above) | LIBRARIES[layer]


def violations(package: Path = PACKAGE) -> list[str]:
    """Each import in the package's source that breaks a boundary, with its file and line."""
    root = package.parent
    found = []
    for path in sorted(package.rglob("*.py")):
        module = scan.module_name(path, root)
        banned = forbidden(module)
        for imported in scan.imports(path, root):
            for name in sorted(banned):
                if _within(imported.name, name):
                    found.append(
                        f"{path.relative_to(root)}:{imported.line} imports {imported.name}"
                    )
    return sorted(set(found))


def test_the_source_keeps_every_boundary():
    """No module's source imports what its layer must not: facts, generate and learn import
    neither textual nor tinydb, store no textual, nothing below tui imports tui, nothing but
    the command line imports commands, and no layer imports one above it."""
    assert violations() == []


def test_every_layer_is_there():
    """Each layer named in the rules is a package of purgequiz, so no rule checks nothing."""
    for layer in ORDER:
        assert (PACKAGE.parent / layer.replace(".", "/") / "__init__.py").is_file(), layer


FORMS = {
    "absolute.py": "from textual.app import App\n",
    "relative.py": "from ..tui import app\n",
    "parent.py": "from purgequiz import tui\n",
    "dynamic.py": 'import importlib\nimportlib.import_module("purgequiz.tui.app")\n',
    "inside.py": "def later():\n    import tinydb\n    return tinydb\n",
    "dunder.py": 'store = __import__("purgequiz.store")\n',
    "anchored.py": 'from importlib import import_module\nimport_module(".tui", "purgequiz")\n',
    "own_package.py": 'import importlib\nimportlib.import_module("..store", __package__)\n',
    "typing_only.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
    "    from purgequiz.store import Profile\n",
    "commands.py": 'import importlib\nimportlib.import_module(f"purgequiz.commands.{1}")\n',
    "fine.py": "from . import presentation\nfrom ..generate import model\nimport random\n",
}


def test_the_scan_catches_every_form_of_import(tmp_path):
    """A forbidden import is found whatever its form: absolute, relative, from the parent
    package, through import_module or __import__ (relative ones too), inside a function, for
    type checking only, or through an f-string name; an allowed one is not."""
    fake = tmp_path / "purgequiz"
    (fake / "learn").mkdir(parents=True)
    (fake / "__init__.py").write_text("")
    (fake / "learn" / "__init__.py").write_text("")
    for name, source in FORMS.items():
        (fake / "learn" / name).write_text(source)
    found = violations(fake)
    assert {line.split(":")[0].rpartition("/")[2] for line in found} == set(FORMS) - {"fine.py"}
    for line in (
        "relative.py:1 imports purgequiz.tui",
        "parent.py:1 imports purgequiz.tui",
        "own_package.py:2 imports purgequiz.store",
        "inside.py:2 imports tinydb",
        "commands.py:2 imports purgequiz.commands",
    ):
        assert f"purgequiz/learn/{line}" in found


def test_the_rules_cover_the_shared_modules_and_the_top():
    """A shared module may not import tui or commands, tui may not import commands, and the
    command line may import anything."""
    assert forbidden("purgequiz.files") == {TUI, COMMANDS}
    assert forbidden("purgequiz.tui.screens.home") == {COMMANDS}
    assert forbidden("purgequiz.store.profile") == {"textual", TUI, COMMANDS}
    assert forbidden("purgequiz.cli") == set() and forbidden("purgequiz.commands.play") == set()


# -- at run time --------------------------------------------------------------------------------

_LOADER = """
import importlib, json, pkgutil, sys
target, whole = sys.argv[1], sys.argv[2] == "whole"
module = importlib.import_module(target)
names = [target]
if whole:
    names += [info.name for info in pkgutil.walk_packages(module.__path__, target + ".")]
for name in names:
    loaded = importlib.import_module(name)
    for attribute in getattr(loaded, "__all__", ()):
        getattr(loaded, attribute)  # packages that load their attributes on first use
print(json.dumps(sorted(sys.modules)))
"""


def loaded_by(target: str, tmp_path: Path, whole: bool = True) -> set[str]:
    """The modules a fresh interpreter holds after importing ``target`` (with ``whole``, every
    module of the package) and every name each exports."""
    done = subprocess.run(
        [sys.executable, "-c", _LOADER, target, "whole" if whole else "alone"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout))


SHARED = ("purgequiz", "purgequiz.paths", "purgequiz.files", "purgequiz.visible", "purgequiz._lazy")


@pytest.mark.parametrize("target", [*LIBRARIES, *SHARED])
def test_a_layer_loads_nothing_it_must_not(target, tmp_path):
    """Importing every module of a layer (or a shared module) in a fresh interpreter loads
    no module it must not import, directly or through another."""
    modules = loaded_by(target, tmp_path, whole=target in LIBRARIES)
    assert target in modules
    loaded = sorted(
        name for name in modules for banned in forbidden(target) if _within(name, banned)
    )
    assert loaded == []


def test_the_run_time_check_sees_what_a_layer_loads(tmp_path):
    """The run-time check does see what a layer loads: the store loads tinydb, and the app
    textual and every module of its own."""
    assert "tinydb" in loaded_by("purgequiz.store", tmp_path)
    app = loaded_by("purgequiz.tui", tmp_path)
    assert {"textual", "purgequiz.tui.screens.study", "purgequiz.tui.widgets.cards"} <= app
