"""The documents list everything the code knows, and their console examples print what they
show, so they cannot fall behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from purgequiz.facts import KINDS
from purgequiz.generate.registry import FAMILIES, REGISTRY
from tests import doc_examples

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
    table = text[text.index("## Templates") :]
    rows = [line for line in table.splitlines() if line.startswith("| ")]
    for template in REGISTRY.values():
        row = next((r for r in rows if f"`{template.id}`" in r), None)
        assert row is not None, template.id
        assert row.startswith(f"| {template.family} |"), (template.id, row)
    for family in FAMILIES:
        if any(t.family == family for t in REGISTRY.values()):
            assert f"| {family} |" in text, family


# -- the console examples ---------------------------------------------------------------------

EXAMPLE_PAGES = [
    page
    for page in doc_examples.PAGES
    if any(block.checked for block in doc_examples.read_page(page).blocks)
]


@pytest.mark.parametrize("page", EXAMPLE_PAGES, ids=lambda page: page.name)
def test_console_examples_print_what_they_show(page, tmp_path, monkeypatch):
    """Every command of a page's console examples prints exactly what the page shows after it
    (tests/doc_examples.py says which parts may differ)."""
    space = doc_examples.Workspace.make(tmp_path)
    found = doc_examples.differences(doc_examples.read_page(page), space, monkeypatch)
    assert not found, "\n\n".join(found)


def test_the_guides_have_checked_examples():
    """The README and the teachers' guide both hold console examples that are run."""
    assert {"README.md", "teachers.md"} <= {page.name for page in EXAMPLE_PAGES}


def test_every_purgequiz_command_shown_is_checked_or_marked_not_run():
    """No page shows a '$ purgequiz' line outside a checked console example unless the block is
    marked as not run, and every example marker is well formed and names a known set-up."""
    problems = [
        problem for page in doc_examples.PAGES for problem in doc_examples.read_page(page).problems
    ]
    assert not problems, "\n".join(problems)


def _page(text: str) -> doc_examples.Page:
    return doc_examples.read_page(doc_examples.REPO / "docs" / "example.md", text)


def test_unchecked_commands_and_bad_markers_are_reported():
    """A '$ purgequiz' line in an untagged or text block, a console block running something
    else, a marker away from a fence and an unknown set-up are each reported."""
    page = _page(
        "```\n$ purgequiz decks list\n```\n\n"
        "```text\n$ purgequiz facts check\n```\n\n"
        "```console\n$ purgequiz decks list\n$ pip install purgequiz\n```\n\n"
        "<!-- example not run: a stray marker -->\n\n"
        "<!-- example set-up: nothing-like-it -->\n"
        "```console\n$ purgequiz decks list\n```\n"
    )
    problems = "\n".join(page.problems)
    assert "example.md:1: a '$ purgequiz' line in a block tagged '(none)'" in problems
    assert "example.md:5: a '$ purgequiz' line in a block tagged 'text'" in problems
    assert "example.md:11: only purgequiz commands can be run" in problems
    assert "example.md:14: an example marker must be the line just before a fence" in problems
    assert "example.md:17: no set-up named 'nothing-like-it'" in problems
    assert len(page.problems) == 5


def test_a_block_marked_not_run_is_left_out():
    """A block marked as not run, with its reason, is neither run nor reported."""
    page = _page(
        "<!-- example not run: the study app needs a terminal -->\n"
        "```console\n$ purgequiz play\n```\n"
    )
    assert page.problems == [] and not any(block.checked for block in page.blocks)


def test_an_example_that_drifted_is_reported(tmp_path, monkeypatch):
    """An example whose output differs from what a command prints is reported with the
    command's line and both texts, while the variable parts alone make no difference."""
    page = _page(
        "Text.\n\n```console\n"
        "$ purgequiz generate --topic navy -o x.json\n"
        "purgequiz: unknown topic 'navy'\n"
        "$ TERM=dumb purgequiz play  # no full-screen terminal\n"
        "purgequiz: the study app needs a full-screen terminal, and this one cannot "
        "draw one (TERM=dumb); run it in a terminal window, or set TERM to the "
        "terminal's type (for example TERM=xterm-256color); the commands that work "
        "without one are listed by 'purgequiz --help' (cards, decks, demo, export, "
        "facts, generate, optimize, profiles, progress, report, serve, stats)\n"
        "$ purgequiz decks check nowhere-20250301T090000.json\n"
        "nowhere-20261204T082428.json: no such file, and no deck is listed under this "
        "name (the decks are: army-purge, chronology, figures, industry-decrees, "
        "purges-all, regional-trials, sources)\n"
        "```\n"
    )
    space = doc_examples.Workspace.make(tmp_path)
    (found,) = doc_examples.differences(page, space, monkeypatch)
    assert found.startswith("docs/example.md:4: $ purgequiz generate --topic navy -o x.json\n")
    assert "-purgequiz: unknown topic 'navy'\n" in found
    assert "+purgequiz: unknown topic 'navy'; choose from: army," in found


def test_a_drifted_example_is_refreshed_with_what_it_prints(tmp_path, monkeypatch):
    """`python -m tests.doc_examples` rewrites an example's output lines, and only those:
    the refreshed page then has no difference left, and its prose is as it was."""
    path = tmp_path / "page.md"
    path.write_text(
        "Before.\n\n```console\n"
        "$ purgequiz generate --topic navy -o x.json\n"
        "an old line\nanother\n"
        "$ purgequiz decks check nowhere.json\n"
        "```\n\nAfter.\n",
        encoding="utf-8",
    )
    space = doc_examples.Workspace.make(tmp_path / "space")
    with monkeypatch.context() as patch:
        text = doc_examples.refresh(doc_examples.read_page(path), space, patch)
    assert text.startswith("Before.\n\n```console\n$ purgequiz generate --topic navy -o x.json\n")
    assert "an old line" not in text and text.endswith("```\n\nAfter.\n")
    assert "purgequiz: unknown topic 'navy'; choose from: army," in text
    assert "nowhere.json: no such file" in text
    page = doc_examples.read_page(path, text)
    again = doc_examples.Workspace.make(tmp_path / "again")
    assert doc_examples.differences(page, again, monkeypatch) == []
