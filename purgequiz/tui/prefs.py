"""The app's own per-profile preferences (theme, typed-answer progression).

They live beside the profile's progress, in ``app.json`` inside the profile's folder, and a
missing or damaged file simply means the defaults.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

__all__ = ["THEMES", "Prefs", "load_prefs", "save_prefs"]

THEMES = ("textual-dark", "textual-light", "nord", "gruvbox", "solarized-light")
FILE = "app.json"


@dataclass(frozen=True)
class Prefs:
    theme: str = "textual-dark"
    typed_progression: bool = True  # known cards move from multiple choice to typed answers

    def changed(self, **changes) -> Prefs:
        return replace(self, **changes)


def load_prefs(folder: Path | None) -> Prefs:
    if folder is None:
        return Prefs()
    try:
        data = json.loads((Path(folder) / FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Prefs()
    if not isinstance(data, dict):
        return Prefs()
    values = {}
    for field in fields(Prefs):
        value = data.get(field.name)
        if isinstance(value, type(getattr(Prefs(), field.name))):
            values[field.name] = value
    if values.get("theme") not in THEMES:
        values.pop("theme", None)
    return Prefs(**values)


def save_prefs(folder: Path | None, prefs: Prefs) -> None:
    """Write the preferences atomically; raises OSError when the folder cannot be written."""
    if folder is None:
        return
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".app-", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            json.dump({"v": 1, **asdict(prefs)}, file, ensure_ascii=False)
        os.replace(temporary, folder / FILE)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
        raise
