"""The architecture's layers (STYLE.md): data flows one way, facts → decks → generate → learn →
store → tui, with the commands on top; the domain stays free of the app and the database.

The import-linter contracts in pyproject.toml check every import in the source, wherever and
however it is written; this module runs them, checks that they name every part of the package,
and checks at run time what a fresh interpreter loads, which also sees imports made by name
(``importlib``) that no reading of the source can follow.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from importlinter.api import read_configuration

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "purgequiz"


def test_the_source_keeps_every_contract():
    """`lint-imports` finds no import that breaks a contract of pyproject.toml."""
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from importlinter.cli import lint_imports_command; lint_imports_command()",
            "--no-cache",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _layered() -> set[str]:
    """The modules and packages named by the layers contract."""
    contracts = read_configuration(str(ROOT / "pyproject.toml"))["contracts_options"]
    layers = next(c["layers"] for c in contracts if c["type"] == "layers")
    return {name.strip() for layer in layers for name in layer.replace("|", ":").split(":")}


def test_every_part_of_the_package_has_a_layer():
    """Each module and sub-package of purgequiz is named in the layers contract, so a new one
    is not left unchecked; and each name there exists, so no rule checks nothing."""
    parts = {
        f"purgequiz.{path.stem}"
        for path in PACKAGE.iterdir()
        if (path.suffix == ".py" and path.name != "__init__.py")
        or (path.is_dir() and (path / "__init__.py").is_file())
    }
    assert parts == _layered()


# -- at run time --------------------------------------------------------------------------------

_LOADER = """
import importlib, json, pkgutil, sys
for target in sys.argv[1:]:
    if target == "cli --help":
        from purgequiz import cli
        cli.parser_of(cli.COMMANDS)  # imports every command's module, as --help does
        continue
    if target == "cli" or target.startswith("cli "):
        from purgequiz import cli
        argv = target.split()[1:]
        cli.parser(cli.asked_for(argv)).parse_args(argv)
        continue
    module = importlib.import_module(target)
    for info in pkgutil.walk_packages(module.__path__, target + "."):
        importlib.import_module(info.name)
print(json.dumps(sorted(sys.modules)))
"""


def loaded_by(*targets: str) -> set[str]:
    """The modules a fresh interpreter holds after importing every module of each package
    in ``targets`` ("cli --help": the command line with its parser built)."""
    done = subprocess.run(
        [sys.executable, "-c", _LOADER, *targets],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout))


def _frameworks(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules} & {"textual", "tinydb"}


def test_the_domain_loads_neither_textual_nor_tinydb():
    """Importing every module of facts, decks, generate and learn loads neither textual nor
    tinydb, even through an import made by name."""
    modules = loaded_by(
        "purgequiz.facts", "purgequiz.decks", "purgequiz.generate", "purgequiz.learn"
    )
    assert "purgequiz.learn.session" in modules
    assert _frameworks(modules) == set()


def test_the_store_loads_no_textual():
    """Importing every module of the store loads no textual (it does load tinydb)."""
    assert _frameworks(loaded_by("purgequiz.store")) == {"tinydb"}


def test_help_loads_neither_textual_nor_tinydb():
    """Building the command line's parser (all `purgequiz --help` needs) loads neither the app
    nor the database, so the commands answer quickly."""
    modules = loaded_by("cli --help")
    assert "purgequiz.commands.progress" in modules
    assert _frameworks(modules) == set()


def test_a_command_loads_no_other_command():
    """`purgequiz play` (or no command) builds only its own parser: no other command's
    module, nor what those import (the exports' genanki, the fact loader, the generator), is
    loaded before the app starts."""
    for argv in ("cli play --profile Anna", "cli"):
        modules = loaded_by(argv)
        commands = {m for m in modules if m.startswith("purgequiz.commands.")}
        assert commands == {
            "purgequiz.commands.options",
            "purgequiz.commands.output",
            "purgequiz.commands.play",
        }, argv
        heavy = {"genanki", "purgequiz.facts.load", "purgequiz.generate", "purgequiz.export"}
        assert heavy & modules == set(), argv
    assert "purgequiz.commands.stats" in loaded_by("cli stats --json")


def test_the_run_time_check_sees_what_is_loaded():
    """The run-time check does see what a package loads: the app loads textual, and TinyDB
    with the store that opens its profile."""
    assert _frameworks(loaded_by("purgequiz.tui")) == {"textual", "tinydb"}
