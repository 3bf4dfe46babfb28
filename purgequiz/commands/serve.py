"""`purgequiz serve [--host 127.0.0.1] [--port 8000] [--profile NAME]`: the study app in a
web browser, one session per tab (purgequiz/web)."""

from __future__ import annotations

import argparse
import errno
import socket

from purgequiz.commands.options import Subparsers, profile_name
from purgequiz.commands.output import fail

__all__ = ["INSTALL", "register", "run"]

INSTALL = (
    "the study app in a browser needs the web extra; install it with: pip install 'purgequiz[web]'"
)


def _port(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"a port is a number from 1 to 65535, not {value!r}")
    return port


def register(subparsers: Subparsers) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="serve the study app to a web browser",
        description="Serve the study app to a web browser: open the address it prints, and "
        "each tab is a study session of its own. It listens on this computer only unless "
        "--host says otherwise, and has no password: whoever can reach the port can use it. "
        "Ctrl+C stops it.",
    )
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="the address to listen on (default 127.0.0.1, this computer only)",
    )
    parser.add_argument(
        "--port", type=_port, default=8000, help="the port to listen on (default 8000)"
    )
    parser.add_argument(
        "--profile",
        metavar="NAME",
        type=profile_name,
        help="the profile every tab studies as (without it, each tab asks who is studying)",
    )


def _cannot_listen(host: str, port: int, error: OSError) -> str:
    """Why ``host``:``port`` could not be listened on, in plain words."""
    if isinstance(error, socket.gaierror):
        return f"cannot listen on {host!r}: no address of this computer has that name"
    if error.errno == errno.EADDRINUSE:
        return (
            f"cannot listen on {host}:{port}: the port is in use (another purgequiz serve, or "
            f"another program); choose another with --port"
        )
    reason = error.strerror or str(error)
    return f"cannot listen on {host}:{port}: {reason[:1].lower() + reason[1:]}"


def run(args: argparse.Namespace) -> int:
    try:
        from purgequiz.web.server import StudyServer
    except ImportError:
        return fail(INSTALL)
    try:
        StudyServer(args.profile, args.host, args.port).serve()
    except OSError as error:  # nothing was said yet: the server speaks once it listens
        return fail(_cannot_listen(args.host, args.port, error))
    return 0
