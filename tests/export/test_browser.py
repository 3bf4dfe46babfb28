"""Printing a page to PDF with headless Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest

from purgequiz.export.browser import BROWSER_VARIABLE, NO_SCRIPTS, print_to_pdf
from purgequiz.export.formats import ExportFailed
from tests.export.pdf import pdf_pages


def _page(body: str) -> str:
    return f"<!doctype html><html><head>{NO_SCRIPTS}</head><body>{body}</body></html>"


def test_a_page_is_printed_and_its_scripts_never_run(tmp_path: Path) -> None:
    """The PDF holds the page's text; a script in the page does not run."""
    pdf = tmp_path / "out.pdf"
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    html = _page("<h1>Worksheet</h1><script>document.body.textContent='SCRIPT RAN'</script>")
    pdf.write_bytes(print_to_pdf(html, scratch))
    (text,) = pdf_pages(pdf)
    assert "Worksheet" in text
    assert "SCRIPT RAN" not in text


def test_the_browser_writes_only_inside_the_scratch_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Chromium's profile, cache and configuration all go under the scratch folder: the
    home folder of the user running it is left as it was."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    print_to_pdf(_page("<p>text</p>"), scratch)
    assert list(home.iterdir()) == []
    assert (scratch / "home" / "profile").is_dir()


def test_a_page_without_the_no_scripts_policy_is_refused(tmp_path: Path) -> None:
    """Every printed page must carry the policy that stops scripts and loads."""
    with pytest.raises(ValueError, match="NO_SCRIPTS"):
        print_to_pdf("<p>no policy</p>", tmp_path)


def test_a_missing_browser_is_named_in_plain_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no Chromium to be found, the error says what to install or do instead."""
    monkeypatch.setenv(BROWSER_VARIABLE, str(tmp_path / "no-such-browser"))
    with pytest.raises(ExportFailed, match="install it"):
        print_to_pdf(_page("<p>text</p>"), tmp_path)


def test_a_failing_browser_is_reported_with_what_it_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A browser that exits with an error gives an ExportFailed naming its last words."""
    fake = tmp_path / "fake-chromium"
    fake.write_text("#!/bin/sh\necho 'cannot open display' >&2\nexit 3\n")
    fake.chmod(0o755)
    monkeypatch.setenv(BROWSER_VARIABLE, str(fake))
    with pytest.raises(ExportFailed, match=r"exit 3\): cannot open display"):
        print_to_pdf(_page("<p>text</p>"), tmp_path)
