"""Reading back the HTML the quiz formats write: it must show the deck's text as it is."""

from __future__ import annotations

import html
import re

_TAG = re.compile(r"<[^>]*>")
_ALLOWED = {"<p>", "</p>", "<br>", "<div>", "</div>"}


def text_of(markup: str) -> str:
    """What a browser shows of ``markup`` (line breaks as ``\\n``); the only tags allowed are
    paragraphs, divisions and line breaks, so deck text can never become live HTML."""
    tags = set(_TAG.findall(markup))
    assert tags <= _ALLOWED, f"deck text became markup: {sorted(tags - _ALLOWED)}"
    return html.unescape(markup.replace("<br>", "\n").replace("<div>", "").replace("</div>", ""))


def paragraphs(markup: str) -> list[str]:
    """The paragraphs of ``<p>…</p><p>…</p>``, as text."""
    if not markup:
        return []
    assert markup.startswith("<p>") and markup.endswith("</p>"), markup
    return [text_of(p) for p in markup[3:-4].split("</p><p>")]
