"""The installed package (a wheel in a fresh virtual environment) finds its bundled data."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # builds a wheel and a virtual environment

REPO = Path(__file__).resolve().parents[1]


def test_wheel_in_fresh_venv_finds_seeds_and_decks(tmp_path: Path):
    """A non-editable install carries seeds/, decks/ and the worksheet's stylesheet, and its
    console script works."""
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheels),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(wheels.glob("purgequiz-*.whl"))
    env_dir = tmp_path / "env"
    # a fresh environment without pip of its own (copying pip into it takes seconds); the pip
    # of the test environment installs the wheel into it
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env_dir)], check=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [
            *(sys.executable, "-m", "pip", "--python", str(python)),
            *("install", "-q", "--no-deps", "--no-index", str(wheel)),
        ],
        check=True,
        capture_output=True,
    )
    # The dependencies come from the test environment; purgequiz itself from the wheel.
    env = {
        "PYTHONPATH": sysconfig.get_paths()["purelib"],
        "PATH": "/usr/bin:/bin",
        "PURGEQUIZ_HOME": str(tmp_path / "home"),
    }
    where = subprocess.run(
        [
            str(python),
            "-c",
            "import purgequiz.paths as p; "
            "print(p.bundled_seeds_dir()); print(p.bundled_decks_dir())",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert all(str(env_dir) in line for line in where), where
    assert list(Path(where[0]).glob("*.toml")), "no fact files in the installed package"
    check = subprocess.run(
        [str(env_dir / "bin" / "purgequiz"), "facts", "check"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert "Facts by kind" in check.stdout
    sheet = tmp_path / "sheet.html"
    export = subprocess.run(
        [str(env_dir / "bin" / "purgequiz"), "export", "figures", "-o", str(sheet)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert export.returncode == 0, export.stdout + export.stderr
    assert "@page" in sheet.read_text(encoding="utf-8")
