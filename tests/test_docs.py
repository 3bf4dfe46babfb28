"""The format documents list everything the code knows, so they cannot fall behind."""

from __future__ import annotations

from pathlib import Path

from purgequiz.facts import KINDS
from purgequiz.generate.registry import FAMILIES, REGISTRY

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_fact_format_names_every_kind_and_field():
    """docs/fact-format.md names each fact kind and each of its fields."""
    text = (DOCS / "fact-format.md").read_text(encoding="utf-8")
    for name, cls in KINDS.items():
        assert f"`{name}`" in text, name
        for field in cls.own_fields():
            assert f"`{field.name}`" in text, (name, field.name)
    for common in ("date_note", "reported", "note", "importance", "sphere", "category"):
        assert f"`{common}`" in text, common


def test_deck_format_names_every_template_and_family():
    """docs/deck-format.md lists each registered template under its family."""
    import purgequiz.generate.templates  # noqa: F401  (registers the templates)

    text = (DOCS / "deck-format.md").read_text(encoding="utf-8")
    table = text[text.index("## Templates"):]
    rows = [line for line in table.splitlines() if line.startswith("| ")]
    for template in REGISTRY.values():
        row = next((r for r in rows if f"`{template.id}`" in r), None)
        assert row is not None, template.id
        assert row.startswith(f"| {template.family} |"), (template.id, row)
    for family in FAMILIES:
        if any(t.family == family for t in REGISTRY.values()):
            assert f"| {family} |" in text, family
