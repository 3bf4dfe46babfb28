"""The worksheet in Markdown: read back through a Markdown renderer, the deck's text comes
out as it went in and nothing in it becomes markup."""

from __future__ import annotations

import string
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from purgequiz.decks.model import Deck
from purgequiz.export.worksheet import KEY_HEADING, plain
from purgequiz.export.worksheet_markdown import escape, render
from tests.export.conftest import AWKWARD

# CommonMark, with GitHub's tables and strikethrough: what a teacher's editor most likely shows
_MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])
# what the worksheet's own Markdown makes; anything else came from a deck's text
_OURS = {"h1", "h2", "p", "em", "strong", "ol", "ul", "li", "hr", "br"}


class _Shown(HTMLParser):
    """The elements and the text of the HTML a Markdown renderer made."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _shown(markdown: str) -> _Shown:
    shown = _Shown()
    shown.feed(_MARKDOWN.render(markdown))
    shown.close()
    return shown


def test_deck_text_comes_back_as_text_with_no_markup(awkward_deck: Deck, tmp_path: Path) -> None:
    """Rendered, the worksheet makes only its own elements (no HTML, code, link or table
    from the deck), and its text holds every text of the deck as given."""
    shown = _shown(render(awkward_deck, tmp_path).decode("utf-8"))
    assert set(shown.elements) <= _OURS
    text = " ".join("".join(shown.text).split())
    assert plain(AWKWARD) in text
    source = awkward_deck.cards[0].sources[0]
    expected = [awkward_deck.title, awkward_deck.description, source.title, source.author]
    for card in awkward_deck.cards:
        expected += [card.prompt, card.explanation, *card.choices, *card.items, *card.matches]
        expected += [rebuttal.text for rebuttal in card.rebuttals]
    for value in expected:
        assert plain(value) in text, value


def _items(markdown: str) -> list[int]:
    """How many items each list at the top level of ``markdown`` holds, ordered lists only."""
    counts, depth = [], 0
    for token in _MARKDOWN.parse(markdown):
        if token.type == "ordered_list_open" and depth == 0:
            counts.append(0)
        if token.type == "list_item_open" and depth == 1 and counts:
            counts[-1] += 1
        depth += token.nesting if token.type.endswith(("list_open", "list_close")) else 0
    return counts


def test_questions_sources_and_key_are_numbered_lists(shipped_deck: Deck, tmp_path: Path) -> None:
    """The questions, the sources and the key's entries are three numbered lists, the key
    after a rule and its heading."""
    markdown = render(shipped_deck, tmp_path).decode("utf-8")
    count = len(shipped_deck.cards)
    documents = len({c.id for card in shipped_deck.cards for c in card.sources})
    assert _items(markdown) == [count, documents, count]
    assert f"\n\n---\n\n## {KEY_HEADING}\n\n" in markdown
    assert markdown.index("\n1. ") < markdown.index("## Sources") < markdown.index("\n---\n")


def test_a_multiple_choice_question_lists_its_lettered_choices(
    awkward_deck: Deck, tmp_path: Path
) -> None:
    """Choices are a list under their question, lettered A, B…; the key gives the letter."""
    markdown = render(awkward_deck, tmp_path).decode("utf-8")
    assert "7. Prompt 7: " in markdown
    assert "\n   - A. 1,500\n   - B. 150\n   - C. 15,000\n   - D. 500\n" in markdown
    assert "\n7. **A.** 1,500\n" in markdown


_MARKUP = st.text(
    alphabet=st.sampled_from(string.punctuation + string.digits + " \tab\u0416\u201c\u00a0"),
    max_size=40,
)


_CONSTRUCTS = (
    "&amp; &#35; &copy",  # entities
    "~~struck~~",
    "*a* **b** _c_ __d__ a_b_c",
    "`code` ``more``",
    "[link](x) ![image](y) [ref] [a]: b",
    "<b>x</b> <!-- c --> <http://example.org> <a@b.cz>",
    "a | b | c",
    "back\\slash \\* \\",
    "# heading ## x #",
    "- a",
    "+ a",
    "* a",
    "1. a",
    "1937) a",
    "> quoted",
    "=",
    "---",
    "___",
    "``` fence",
    "~~~ fence",
    "{#id .class}",
)


@given(st.one_of(_MARKUP, st.text(max_size=40), st.sampled_from(_CONSTRUCTS)))
def test_escaped_text_renders_as_itself(text: str) -> None:
    """Any text, escaped, renders as exactly that text: after other words, at the start of a
    line or after a line break, and in emphasis."""
    expected = plain(text)
    cases = [
        (f"x {escape(expected)}", f"x {expected}".strip()),
        (escape(expected, starts_line=True), expected),
    ]
    if expected:  # on the line after a hard break, as a source's full reference is
        cases.append((f"x\\\n{escape(expected, starts_line=True)}", f"x\n{expected}"))
    for markdown, wanted in cases:
        shown = _shown(markdown)
        assert set(shown.elements) <= {"p", "br"}, (markdown, shown.elements)
        assert "".join(shown.text).strip() == wanted, markdown
    if expected:
        shown = _shown(f"*{escape(expected)}*")
        assert shown.elements == ["p", "em"] and "".join(shown.text).strip() == expected
