"""The class report laid out as HTML (printed by headless Chromium), Markdown and CSV: the
figures are there, and hostile names and notes are shown as text in every format."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime
from pathlib import Path

from purgequiz.export.browser import NO_SCRIPTS, print_to_pdf
from purgequiz.export.report import ClassReport, Handed, build_report
from purgequiz.export.report_csv import HEADERS, render_csv
from purgequiz.export.report_html import render_html
from purgequiz.export.report_md import md_text, render_md
from tests.export.classkit import MINI, TOPICS, anna, boris, chen
from tests.export.pdf import pdf_pages
from tests.hostile import CLEAR, TITLE, assert_shown_as_text

MADE = datetime(2025, 3, 7, 9, tzinfo=UTC)
HOSTILE_NAME = f'=HYPERLINK("x") <script>alert(1)</script> | *Eve* {TITLE}'
HOSTILE_NOTE = f"</td></tr></table><img src=x onerror=alert(1)> [link](http://x) {CLEAR}\nline"


def _report(name: str = "Anna", note: str = "<b>wrong</b> & worse") -> ClassReport:
    handed = [
        Handed("anna.json", anna(name, note)),
        Handed("boris.json", boris()),
        Handed("chen.json", chen()),
    ]
    return build_report(handed, {c.id: c for c in MINI.cards}, TOPICS, made_at=MADE)


def _with_answers(count: int) -> ClassReport:
    """The small class, with Chen's review of q1 given ``count`` times in all."""
    data = chen()
    data["reviews"] = [dict(data["reviews"][0], id=f"r-{n}") for n in range(count)]
    return build_report(
        [Handed("chen.json", data)], {c.id: c for c in MINI.cards}, TOPICS, made_at=MADE
    )


def test_the_printed_page_holds_the_names_and_the_figures(tmp_path: Path) -> None:
    """Printed to PDF by headless Chromium, the report shows every student's name, their
    figures, the class's, the charts' labels, the wrong choice most picked and the flag's
    note."""
    html = render_html(_report())
    pdf = tmp_path / "report.pdf"
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    pdf.write_bytes(print_to_pdf(html, scratch))
    text = " ".join(" ".join(pdf_pages(pdf)).split())
    for shown in (
        "Class report",
        "1 March – 5 March 2025",
        "Anna 5 3 1 67% 0 min 5 Mar 2025 3",
        "Boris 3 2 0 – 0 min 4 Mar 2025 0",
        "Chen 2 2 1 100% 0 min 5 Mar 2025 1",
        "3 10 50% 75% students answers accuracy (all answers) retention (review answers)",
        "0.7 1 min cards mastered, on average time studied, in all",
        "67% of 3",  # Anna's bar in the retention chart
        "no review answers",  # Boris's
        "The NKVD",  # a topic's bar
        "Yagoda Beria 2 of 3 3",
        "<b>wrong</b> & worse",
    ):
        assert shown in text, shown


def test_the_page_runs_nothing_and_loads_nothing() -> None:
    """The page carries the no-scripts policy in its head and holds no script or link to
    anything outside it; its charts are inline SVG."""
    html = render_html(_report())
    head = html[: html.index("</head>")]
    assert NO_SCRIPTS in head
    assert '<td class="n">1,234</td>' in render_html(_with_answers(1234))
    assert "<script" not in html and "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert html.count("<svg") == 3  # retention, activity, topics


def test_hostile_text_is_escaped_in_html() -> None:
    """A name and a note holding markup and escape sequences are shown as text: no tag of
    theirs reaches the page and no control character is written raw."""
    html = render_html(_report(HOSTILE_NAME, HOSTILE_NOTE))
    body = html[html.index("<body>") :]
    assert "<script>" not in body and "<img" not in body and "</td></tr></table><img" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "&lt;img src=x onerror=alert(1)&gt;" in body
    assert_shown_as_text(html, "\\x1b]0;HIJACKED\\x07", "\\x1b[2J")


def test_hostile_text_is_escaped_in_markdown() -> None:
    """In Markdown the name and note break no table, start no tag, link or emphasis, and
    hold no raw control character."""
    md = render_md(_report(HOSTILE_NAME, HOSTILE_NOTE))
    assert_shown_as_text(md, "\\\\x1b\\]0;HIJACKED\\\\x07", "\\\\x1b\\[2J")
    assert re.search(r"(?<!\\)[<>\[\]]", md) is None  # every one escaped: no tag, no link
    row = next(line for line in md.splitlines() if "HYPERLINK" in line and "Boris" not in line)
    unescaped_pipes = re.findall(r"(?<!\\)\|", row)
    assert len(unescaped_pipes) == 9  # the eight columns' borders, and no more
    assert "\\*Eve\\*" in row


def test_markdown_escapes_only_what_would_be_markup() -> None:
    """Plain words, figures and dates stay as they are; markup characters and a list
    marker at the start are escaped."""
    assert md_text("Yezhov's 1.5 million (1938)") == "Yezhov's 1.5 million (1938)"
    assert md_text(11158) == "11,158"  # a count, with its thousands marked
    assert md_text("1. first") == "1\\. first"
    assert md_text("- item") == "\\- item"
    assert md_text("a_b *c* `d` <e> [f] |g| ~h~ &i; $j$ #k") == (
        "a\\_b \\*c\\* \\`d\\` \\<e\\> \\[f\\] \\|g\\| \\~h\\~ \\&i; \\$j\\$ \\#k"
    )


def test_the_markdown_report_has_every_section() -> None:
    """The same sections as the page, with the figures in its tables."""
    md = render_md(_report())
    for heading in (
        "# Class report",
        "## Students",
        "## Topics",
        "## Hardest cards",
        "## Wrong choices most often picked",
        "## Cards flagged as wrong",
        "## Every card",
        "## What the figures mean",
    ):
        assert f"\n{heading}\n" in f"\n{md}", heading
    assert "| Anna | 5 | 3 | 1 | 67% | 0 min | 5 March 2025 | 3 |" in md
    assert "| Prompt of q2? | Yagoda | Beria | 2 of 3 | 3 |  |" in md


def test_the_csv_is_one_row_per_student() -> None:
    """The CSV table holds the headers and a row per student with the figures, retention
    empty for a student with no review answers."""
    text = render_csv(_report())
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows[0] == list(HEADERS)
    assert rows[1:] == [
        ["Anna", "anna.json", "5", "3", "1", "66.7", "3", "0.4", "2025-03-05", "3"],
        ["Boris", "boris.json", "3", "2", "0", "", "0", "0.3", "2025-03-04", "0"],
        ["Chen", "chen.json", "2", "2", "1", "100.0", "1", "0.1", "2025-03-05", "1"],
    ]


def test_hostile_text_in_csv_is_neither_a_formula_nor_a_control() -> None:
    """A name that begins as a formula gets a quote mark in front, and control characters
    are written out."""
    text = render_csv(_report(HOSTILE_NAME))
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows[1][0].startswith("'=HYPERLINK")
    assert_shown_as_text(text.replace("\r\n", "\n"), "\\x1b]0;HIJACKED\\x07")
