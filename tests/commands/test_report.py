"""`purgequiz report FILE… -o PATH`: a class report from the files a class hands in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from purgequiz.cli import main
from tests.export.classkit import anna, boris, chen
from tests.hostile import CLEAR, TITLE, assert_shown_as_text


def _class(folder: Path, *students: dict) -> list[str]:
    folder.mkdir(exist_ok=True)
    files = []
    for data in students or (anna(), boris(), chen()):
        path = folder / f"{data['profile'].lower()}.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        files.append(str(path))
    return files


def test_a_demo_class_gets_its_report_in_every_format(tmp_path, capsys):
    """The files `purgequiz demo` writes make a report in each format, named by --format or
    by the output's ending, and the command says what it wrote."""
    folder = tmp_path / "class"
    assert (
        main(["demo", "--students", "3", "--days", "6", "--until", "2025-03-09", "-o", str(folder)])
        == 0
    )
    files = sorted(str(path) for path in folder.iterdir())
    names = [json.loads(Path(f).read_text(encoding="utf-8"))["profile"] for f in files]
    capsys.readouterr()
    for output, options in (
        (tmp_path / "report.html", []),
        (tmp_path / "report.md", []),
        (tmp_path / "report.csv", []),
        (tmp_path / "report.txt", ["--format", "md"]),
    ):
        assert main(["report", *files, *options, "-o", str(output)]) == 0
        text = output.read_text(encoding="utf-8")
        for name in names:
            assert name in text, (output, name)
        out = capsys.readouterr().out
        assert out.startswith(f"Wrote {output}: the ") and "report of 3 students" in out
    assert "<svg" in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_a_deck_keeps_the_report_to_its_cards(tmp_path, capsys):
    """--deck counts only the deck's cards and says which deck it is."""
    files = _class(tmp_path / "class")
    output = tmp_path / "report.csv"
    assert main(["report", *files, "--deck", "army-purge", "-o", str(output)]) == 0
    assert "(The army purge (army-purge))" in capsys.readouterr().out
    rows = output.read_text(encoding="utf-8-sig").splitlines()[1:]
    assert all(",0,0,0," in row for row in rows)  # none of the mini deck's cards is in it


def test_a_damaged_file_is_named_and_the_rest_reported(tmp_path, capsys):
    """A damaged file and one that is not an export are each named with why, and left out;
    the report of the others is written and says which were left out; the exit code is 1."""
    files = _class(tmp_path / "class")
    cut = tmp_path / "class" / "cut.json"
    cut.write_text(json.dumps(anna("Dora"))[:-30], encoding="utf-8")
    notes = tmp_path / "class" / "notes.json"
    notes.write_text('{"todo": []}', encoding="utf-8")
    output = tmp_path / "report.md"
    assert main(["report", *files, str(cut), str(notes), "-o", str(output)]) == 1
    captured = capsys.readouterr()
    assert f"purgequiz: {cut}: is not valid JSON: " in captured.err
    assert f"purgequiz: {notes}: this is not a purgequiz progress export; left out" in captured.err
    assert "left out: 2 files (named above)" in captured.out
    report = output.read_text(encoding="utf-8")
    assert "## Files left out" in report and "Dora" not in report
    assert "| Boris |" in report


def test_no_readable_file_means_no_report(tmp_path, capsys):
    """When no file can be read, nothing is written and the exit code is 1."""
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    output = tmp_path / "report.html"
    assert main(["report", str(bad), str(tmp_path / "missing.json"), "-o", str(output)]) == 1
    err = capsys.readouterr().err
    assert f"{tmp_path / 'missing.json'}: no such file; left out of the report" in err
    assert "no progress export could be read, so no report was written" in err
    assert not output.exists()


def test_the_report_never_overwrites_a_file_it_reads(tmp_path, capsys):
    """An output that is one of the exports read is refused, and the export kept."""
    files = _class(tmp_path / "class")
    before = Path(files[0]).read_bytes()
    assert main(["report", *files, "--format", "md", "-o", files[0]]) == 1
    assert "a progress export this command reads" in capsys.readouterr().err
    assert Path(files[0]).read_bytes() == before


def test_an_output_that_names_no_format_is_a_usage_error(tmp_path, capsys):
    """Without --format, an output whose ending is not .html, .md or .csv is refused (2)."""
    files = _class(tmp_path / "class")
    assert main(["report", *files, "-o", str(tmp_path / "report.txt")]) == 2
    assert "say which format to write with --format" in capsys.readouterr().err


def test_an_unknown_deck_is_named(tmp_path, capsys):
    """An unknown --deck is answered with the decks there are, and nothing is written."""
    files = _class(tmp_path / "class")
    assert main(["report", *files, "--deck", "navy", "-o", str(tmp_path / "r.md")]) == 1
    assert "navy: there is no deck with this id (the decks are: army-purge" in (
        capsys.readouterr().err
    )
    assert not (tmp_path / "r.md").exists()


@pytest.mark.parametrize("ending", ["html", "md", "csv"])
def test_hostile_names_and_notes_stay_text(tmp_path, capsys, ending):
    """A student's name and note holding escape sequences and markup are written out as
    text in the report, and the terminal gets no control character, not even from a file
    name."""
    hostile = anna(f"Eve {TITLE}<i>", f"note {CLEAR}<script>x</script>")
    files = _class(tmp_path / "class", hostile, boris())
    odd = tmp_path / "class" / f"odd{CLEAR}.json"
    odd.write_text("{", encoding="utf-8")
    output = tmp_path / f"report.{ending}"
    assert main(["report", *files, str(odd), "-o", str(output)]) == 1
    captured = capsys.readouterr()
    assert_shown_as_text(captured.out + captured.err, "odd\\x1b[2J.json")
    text = output.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    assert_shown_as_text(text, "HIJACKED")
    if ending != "csv":  # markup is text in a CSV file
        assert "<script>" not in text and "<i>" not in text


def test_a_folder_or_a_pattern_names_the_exports_in_it(tmp_path, capsys):
    """A folder stands for its .json files, and a pattern no shell has expanded (as on
    Windows) for the files it matches; a file named twice counts once."""
    files = _class(tmp_path / "class")
    (tmp_path / "class" / "readme.txt").write_text("not an export", encoding="utf-8")
    for named in (
        [str(tmp_path / "class")],
        [str(tmp_path / "class" / "*.json")],
        [*files, files[0]],
    ):
        output = tmp_path / "report.csv"
        assert main(["report", *named, "-o", str(output)]) == 0, named
        rows = output.read_text(encoding="utf-8-sig").splitlines()[1:]
        assert [row.split(",")[0] for row in rows] == ["Anna", "Boris", "Chen"], named
