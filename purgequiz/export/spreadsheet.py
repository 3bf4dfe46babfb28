"""A deck as rows of text: a CSV for Anki's text import, and a two-column TSV (term and
definition) for Quizlet and the spreadsheet importers of other quiz sites.

The CSV opens with the header lines Anki reads (``#separator:Comma``, ``#html:true``, the note
type, the deck, which column holds the tags and which the GUID), then one row per card with the
fields of the purgequiz note type (:mod:`purgequiz.export.notetype`), its tags and its GUID.

The TSV has one line per card, the term and the definition separated by a tab. Its texts hold
no tab and no line break: each is written as a space.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from purgequiz.decks.model import Card, Deck
from purgequiz.export import notetype
from purgequiz.export.cardtext import citations, pairs, shuffled
from purgequiz.export.formats import ExportFormat

__all__ = [
    "CSV",
    "CSV_COLUMNS",
    "TSV",
    "csv_text",
    "definition",
    "one_line",
    "term",
    "tsv_text",
]

CSV_COLUMNS = (*notetype.FIELDS, "Tags", "GUID")
# A row whose first character is '#' is a comment to Anki's import, and a cell that starts with
# one of '=+-@' a formula to a spreadsheet: in a field (HTML) the character is written as an
# entity instead, which Anki shows as the same character.
_LEADING = re.compile(r"^[#=+\-@]")
# Every character that ends a line for some reader (Python's str.splitlines), and the tab.
_BREAKS = re.compile("[\t\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


def _field_cell(field: str) -> str:
    return _LEADING.sub(lambda found: f"&#{ord(found[0])};", field)


def csv_text(deck: Deck) -> str:
    """The deck as Anki's CSV: header lines, then a row per card."""
    out = io.StringIO()
    out.write(
        "#separator:Comma\n"
        "#html:true\n"
        f"#notetype:{notetype.NAME}\n"
        f"#deck:{notetype.deck_name(deck)}\n"
        f"#tags column:{CSV_COLUMNS.index('Tags') + 1}\n"
        f"#guid column:{CSV_COLUMNS.index('GUID') + 1}\n"
        "#if matches:update current\n"
    )
    rows = csv.writer(out, lineterminator="\n")
    for card in deck.cards:
        fields = [_field_cell(field) for field in notetype.fields(card)]
        rows.writerow([*fields, " ".join(notetype.tags(card)), notetype.guid(card)])
    return out.getvalue()


def one_line(text: str) -> str:
    """``text`` with each tab and line break written as a space."""
    return _BREAKS.sub(" ", text)


def term(card: Card) -> str:
    """What the student is asked: the prompt, with what it cannot be answered without (the
    things to order or match; the choices when the app, too, would only ask it with them)."""
    if card.kind == "truefalse":
        return f"True or false: {card.prompt}"
    if card.kind == "ordering":
        return f"{card.prompt} {' / '.join(shuffled(card, card.items))}"
    if card.kind == "matching":
        sides = f"{' / '.join(card.items)}; match with: {' / '.join(shuffled(card, card.matches))}"
        return f"{card.prompt} {sides}"
    if card.choices and not card.typeable:
        return f"{card.prompt} ({' / '.join(card.choices)})"
    return card.prompt


def definition(card: Card) -> str:
    """The answer (the correct order, the pairs), the explanation and the sources."""
    if card.kind == "ordering":
        said = " \u2192 ".join(card.items)
    elif card.kind == "matching":
        said = "; ".join(f"{a} \u2192 {b}" for a, b in pairs(card))
    else:
        said = card.answer
    if card.explanation:
        said += f" \u2014 {card.explanation}"
    lines = citations(card.sources)
    if lines:
        said += f" ({'Sources' if len(lines) > 1 else 'Source'}: {'; '.join(lines)})"
    return said


def tsv_text(deck: Deck) -> str:
    """The deck as term and definition, a tab between them, one card a line."""
    return "".join(f"{one_line(term(c))}\t{one_line(definition(c))}\n" for c in deck.cards)


def _render_csv(deck: Deck, scratch: Path) -> bytes:
    return csv_text(deck).encode("utf-8")


def _render_tsv(deck: Deck, scratch: Path) -> bytes:
    return tsv_text(deck).encode("utf-8")


CSV = ExportFormat("csv", ".csv", "a CSV for Anki's text import", _render_csv)
TSV = ExportFormat("tsv", ".tsv", "term and definition, for Quizlet", _render_tsv)
