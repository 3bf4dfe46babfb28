"""Headless Chromium, to print a page (a worksheet, a class report) to PDF.

The browser runs with a fresh profile and its home, cache and configuration all inside the
scratch folder it is given, without reaching the network, so that it writes nothing anywhere
else. Every page we make carries :data:`NO_SCRIPTS` in its ``<head>``: whatever text a deck
holds, the page runs no script and loads nothing, here or in a teacher's own browser.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from purgequiz.export.formats import ExportFailed

__all__ = ["BROWSER_VARIABLE", "NO_SCRIPTS", "find_browser", "print_to_pdf"]

BROWSER_VARIABLE = "PURGEQUIZ_CHROMIUM"  # the browser to use, when it is not on the PATH
NO_SCRIPTS = (
    '<meta http-equiv="Content-Security-Policy" '
    "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
)
_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
_FLAGS = (
    "--headless",
    "--no-sandbox",  # the page is ours, escaped, and has no scripts; root cannot sandbox
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--no-pdf-header-footer",
)


def find_browser() -> str | None:
    """The Chromium to print with: ``$PURGEQUIZ_CHROMIUM``, or the first one on the PATH."""
    named = os.environ.get(BROWSER_VARIABLE)
    if named:
        return shutil.which(named) or (named if Path(named).is_file() else None)
    return next((found for name in _NAMES if (found := shutil.which(name))), None)


def print_to_pdf(html: str, scratch: Path, *, timeout: float = 120.0) -> bytes:
    """``html`` laid out and printed by headless Chromium, as the bytes of a PDF.

    Raises :class:`ExportFailed` when no browser is found, or it fails or takes too long.
    """
    if NO_SCRIPTS not in html:
        raise ValueError("a page printed to PDF must carry NO_SCRIPTS in its <head>")
    browser = find_browser()
    if browser is None:
        raise ExportFailed(
            "a PDF is printed by Chromium, and none was found (install it, e.g. "
            f"'apt install chromium', or name it in ${BROWSER_VARIABLE}); or write html "
            "and print it from any browser"
        )
    page, pdf, home = scratch / "page.html", scratch / "page.pdf", scratch / "home"
    home.mkdir(exist_ok=True)
    page.write_text(html, encoding="utf-8")
    environment = {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_DATA_HOME": str(home / "data"),
    }
    command = [
        browser,
        *_FLAGS,
        f"--user-data-dir={home / 'profile'}",
        f"--print-to-pdf={pdf}",
        page.as_uri(),
    ]
    try:
        finished = subprocess.run(
            command,
            env=environment,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise ExportFailed(f"{browser} took more than {timeout:.0f} s to print the page") from None
    except OSError as error:
        raise ExportFailed(f"{browser} could not be started: {error.strerror or error}") from None
    if finished.returncode != 0 or not pdf.is_file():
        said = finished.stderr.decode("utf-8", "replace").strip().splitlines()
        last = f": {said[-1]}" if said else ""
        raise ExportFailed(f"{browser} could not print the page (exit {finished.returncode}){last}")
    return pdf.read_bytes()
