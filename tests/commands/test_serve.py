"""`purgequiz serve`: without the web extra, and when it cannot listen, it says so in a line;
a port it cannot use is a usage error."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

from purgequiz import cli
from purgequiz.commands.serve import INSTALL


def _serve(*options: str, blocked: str = "") -> subprocess.CompletedProcess[str]:
    """`purgequiz serve` in a process of its own (``blocked``: a module it cannot import)."""
    code = (
        "import sys\n"
        f"if {blocked!r}: sys.modules[{blocked!r}] = None  # as if it were not installed\n"
        "from purgequiz.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code, "serve", *options],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_without_the_web_extra_it_says_how_to_install_it() -> None:
    """Without textual-serve, serve says in one line how to install the web extra, exit 1."""
    done = _serve(blocked="textual_serve")
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == f"purgequiz: {INSTALL}\n"
    assert "pip install 'purgequiz[web]'" in INSTALL


def test_a_port_in_use_is_named_and_another_asked_for() -> None:
    """On a port another program listens on, serve says so in a line, exit 1, and never says
    it is serving."""
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        done = _serve("--port", str(port))
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == (
        f"purgequiz: cannot listen on 127.0.0.1:{port}: the port is in use (another purgequiz "
        f"serve, or another program); choose another with --port\n"
    )


def test_a_host_that_is_no_address_is_named() -> None:
    """A --host that names no address of this computer is said in a line, exit 1."""
    done = _serve("--host", "no-such-host.invalid")
    assert done.returncode == 1
    assert done.stderr == (
        "purgequiz: cannot listen on 'no-such-host.invalid': no address of this computer has "
        "that name\n"
    )


@pytest.mark.parametrize("port", ["0", "65536", "-1", "http", ""])
def test_a_port_out_of_range_is_a_usage_error(port, capsys) -> None:
    """--port takes 1 to 65535; anything else is a usage error naming what was given."""
    with pytest.raises(SystemExit) as stop:
        cli.main(["serve", "--port", port])
    assert stop.value.code == 2
    assert f"a port is a number from 1 to 65535, not {port!r}" in capsys.readouterr().err


def test_an_empty_profile_name_is_a_usage_error(capsys) -> None:
    """--profile "" is refused as every command refuses it, before anything is served."""
    with pytest.raises(SystemExit) as stop:
        cli.main(["serve", "--profile", ""])
    assert stop.value.code == 2
    assert "a profile name cannot be empty" in capsys.readouterr().err
