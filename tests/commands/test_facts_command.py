"""`purgequiz facts …`, --help, --version and mistakes on the command line."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from purgequiz import __version__
from purgequiz.cli import main
from tests.hostile import (
    BOM,
    assert_shown_as_text,
    deep_toml_arrays,
    deep_toml_tables,
    finishes,
    long_number_toml,
    pipe,
    run_command,
)

from ..facts.conftest import EXAMPLE


def test_check_bundled_prints_counts(capsys):
    """`facts check` validates the bundled base and prints counts by kind and by source."""
    assert main(["facts", "check"]) == 0
    out = capsys.readouterr().out
    assert "Facts by kind (and how many yield no card):" in out and "Facts by source:" in out
    assert "wright-1940-new-purge" in out
    assert "bibliography" in out and "never asked" in out
    assert "facts that can be asked yield no card" in out


def test_check_broken_file_exits_1_with_messages(tmp_path, capsys):
    """A broken fact file gives exit 1 and one line per problem, naming file and fact."""
    broken = tmp_path / "broken.toml"
    broken.write_text(
        EXAMPLE.read_text()
        .replace('kind = "removal"', 'kind = "exile"')
        .replace('person = "louis-napoleon"', 'person = "nobody"')
    )
    assert main(["facts", "check", str(broken)]) == 1
    captured = capsys.readouterr()
    assert "has 2 problems" in captured.err
    assert "fact louis-philippe-abdicates: field 'kind': unknown kind 'exile'" in captured.err
    assert "fact louis-napoleon-elected: field 'person': unknown entity 'nobody'" in captured.err
    assert "Traceback" not in captured.out + captured.err


def test_list_filters_and_json(capsys):
    """`facts list --json` gives id, kind, statement, source, paragraphs, attribution, entities."""
    assert main(["facts", "list", "--facts", str(EXAMPLE), "--kind", "removal", "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in records] == ["louis-philippe-abdicates"]
    assert records[0]["entities"] == ["Louis-Philippe"]
    assert records[0]["paragraphs"] == [1] and records[0]["source"] == "notes-1848"
    assert records[0]["attribution"] == {"type": "record"}
    assert records[0]["fields"] == {"person": "louis-philippe", "post": "King of the French"}


def test_list_json_gives_typed_fields_of_figures(capsys):
    """A statistic's quantity, value and unit come out as typed JSON values."""
    assert main(["facts", "list", "--facts", str(EXAMPLE), "--kind", "statistic", "--json"]) == 0
    [record] = json.loads(capsys.readouterr().out)
    assert record["fields"]["value"] == 75 and record["fields"]["unit"] == "percent"
    assert record["fields"]["qualifier"] == "about"


@pytest.mark.parametrize(
    ("option", "value", "known"),
    [
        ("--topic", "spain", "france"),
        (
            "--kind",
            "exile",
            "appointment, arrest, assessment, bibliography, cause, conflict, "
            "consequence, death, decree, event, execution, group, "
            "institutional_change, justification, purge, quotation, removal, "
            "replacement, report, role, statistic, suicide, survival, trial",
        ),
    ],
)
def test_list_unknown_filter_is_explained(option, value, known, capsys):
    """An unknown topic or kind is a usage error (exit 2) naming the ones there are, never
    an empty list."""
    assert main(["facts", "list", "--facts", str(EXAMPLE), option, value]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"purgequiz: unknown {option[2:]} {value!r}; choose from: {known}\n"


def test_list_a_known_kind_without_facts_is_an_empty_list(capsys):
    """A fact kind the file happens not to use is no error: the list is empty."""
    assert main(["facts", "list", "--facts", str(EXAMPLE), "--kind", "trial"]) == 0
    assert capsys.readouterr().out.endswith("\n0 facts\n")


def test_show_prints_statement_fields_and_citation(capsys):
    """`facts show ID` prints the statement, the fields and the source citation."""
    assert main(["facts", "show", "louis-napoleon-elected", "--facts", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "elected president in December 1848" in out
    assert "President of the French Republic" in out
    assert "A. Teacher" in out and "para. 2" in out


def test_show_gives_the_date_as_exactly_as_the_base_knows_it(capsys):
    """`facts show` says "mid-September 1938" where the fact base gives the middle of the
    month, and tells the date of a report apart from the date of the happening."""
    assert main(["facts", "show", "ch7-beria-starts-moscow"]) == 0
    assert "mid-September 1938 (to the month)" in capsys.readouterr().out
    assert main(["facts", "show", "w40-pravda-explains-generals"]) == 0
    out = capsys.readouterr().out
    assert "5 June 1940" in out and "(to the" not in out


def test_show_unknown_id_suggests(capsys):
    """A mistyped fact id suggests the closest ones."""
    assert main(["facts", "show", "louis-napoleon-elect", "--facts", str(EXAMPLE)]) == 1
    assert "Did you mean: louis-napoleon-elected" in capsys.readouterr().err


def test_version_and_help():
    """`--version` prints the version and `--help` lists the commands, via python -m."""
    version = subprocess.run(
        [sys.executable, "-m", "purgequiz", "--version"], capture_output=True, text=True, check=True
    )
    assert version.stdout.strip() == f"purgequiz {__version__}"
    helptext = subprocess.run(
        [sys.executable, "-m", "purgequiz", "--help"], capture_output=True, text=True, check=True
    )
    assert "facts" in helptext.stdout


def test_unknown_command_is_helpful(capsys):
    """An unknown command exits 2 with a suggestion and no traceback."""
    with pytest.raises(SystemExit) as exit_:
        main(["fact", "check"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "Did you mean 'facts'?" in err and "--help" in err


def test_check_reports_control_characters_in_fact_text(tmp_path, capsys):
    """`facts check` refuses a fact file whose text holds escape sequences, naming the file,
    the record and the field, the characters shown as escapes."""
    hostile = tmp_path / "hostile.toml"
    hostile.write_text(
        EXAMPLE.read_text()
        .replace(
            'statement = "Louis-Philippe gave up',
            'statement = "\\u001b]0;HIJACKED\\u0007\\u001b[2J\\u009b2J'
            "\\u202eLouis-Philippe gave up",
        )
        .replace('title = "France in 1848"', 'title = "France\tin 1848"')
    )
    assert main(["facts", "check", str(hostile)]) == 1
    captured = capsys.readouterr()
    assert_shown_as_text(
        captured.out + captured.err,
        f"{hostile}: fact louis-philippe-abdicates: field 'statement': holds control "
        "characters (\\x1b, \\x07, \\x9b, \\u202e)",
        f"{hostile}: topic france: field 'title': holds a control character (\\x09)",
    )


@pytest.mark.parametrize("build", [deep_toml_arrays, deep_toml_tables])
@pytest.mark.parametrize("action", [["facts", "check"], ["facts", "list", "--facts"]])
def test_deep_toml_is_one_plain_problem(action, build, tmp_path, capsys):
    """A fact file nested 100,000 levels deep is a problem naming file and place, not a
    RecursionError."""
    deep = build(tmp_path / "deep.toml")
    assert main([*action, str(deep)]) == 1
    err = capsys.readouterr().err
    assert f"  {deep}: is nested more than 64 levels deep (line 3, column " in err
    assert "Traceback" not in err


def test_a_number_too_long_to_convert_is_one_plain_problem(tmp_path, capsys):
    """A fact file holding a 5000-digit number names file and place, not Python's ValueError."""
    long = long_number_toml(tmp_path / "long.toml")
    assert main(["facts", "check", str(long)]) == 1
    assert (
        f"  {long}: holds a number of more than {sys.get_int_max_str_digits()} digits "
        "(line 3, column 14)\n"
    ) in capsys.readouterr().err


@pytest.mark.parametrize("action", [["facts", "check"], ["facts", "list", "--facts"]])
def test_a_pipe_is_refused_at_once(action, tmp_path):
    """A named pipe given as the fact file is refused without waiting for a writer."""
    fifo = pipe(tmp_path / "facts.toml")
    done = run_command([*action, str(fifo)])
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"  {fifo}: is a named pipe (FIFO), not a fact file\n" in done.stderr


def test_a_pipe_in_a_fact_folder_is_refused_at_once(tmp_path, capsys):
    """A named pipe among a folder's *.toml files is named as a problem, not waited on."""
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts" / "1848.toml").write_bytes(EXAMPLE.read_bytes())
    fifo = pipe(tmp_path / "facts" / "more.toml")
    assert finishes(lambda: main(["facts", "check", str(tmp_path / "facts")]), fifo) == 1
    assert f"{fifo}: is a named pipe (FIFO), not a fact file" in capsys.readouterr().err


@pytest.mark.parametrize("text", ["", "  \n\t\n", "# facts to come\n\n# more later\n"])
def test_a_fact_file_without_facts_fails(text, tmp_path, capsys):
    """An empty, blank or comments-only fact file is an error, not a pass with 0 facts."""
    empty = tmp_path / "empty.toml"
    empty.write_text(text)
    assert main(["facts", "check", str(empty)]) == 1
    captured = capsys.readouterr()
    assert f"  {empty}: has no facts\n" in captured.err and "0 facts" not in captured.out


@pytest.mark.parametrize("action", [["facts", "check"], ["facts", "list", "--facts"]])
def test_a_fact_file_with_a_byte_order_mark_is_read(action, tmp_path, capsys):
    """A fact file saved with a UTF-8 byte order mark reads like the same file without one."""
    bom = tmp_path / "1848.toml"
    bom.write_bytes(BOM + EXAMPLE.read_bytes())
    assert main([*action, str(bom)]) == 0
    assert capsys.readouterr().err == ""


def test_toml_errors_say_where_once(tmp_path, capsys):
    """A TOML syntax error names file, line and column once, without 'at at'."""
    bad = tmp_path / "bad.toml"
    bad.write_text('[[fact]]\nid = "x\n')
    assert main(["facts", "check", str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"  {bad}: is not valid TOML: Illegal character '\\n' (line 2, column 8)\n" in err
    assert "at at" not in err and "(at line" not in err
