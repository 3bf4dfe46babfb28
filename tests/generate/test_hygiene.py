"""The generator is pure domain code: it imports neither the app nor the store."""

from __future__ import annotations

import subprocess
import sys


def test_generate_imports_no_textual_or_tinydb():
    """Importing the generator and its commands loads neither textual nor tinydb."""
    code = (
        "import sys, purgequiz.generate, purgequiz.commands.generate, "
        "purgequiz.commands.decks; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'tinydb')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
