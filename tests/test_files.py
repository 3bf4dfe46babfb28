"""purgequiz.files: every file read is a regular file of sane size, depth and encoding."""

from __future__ import annotations

import ast
import json
import os
import re
import stat
import sys
from pathlib import Path

import pytest

from purgequiz import files, paths
from purgequiz.files import FileProblem, check_output, parse_json, parse_toml, read_bytes
from tests.hostile import (
    BOM,
    deep_json,
    deep_toml_arrays,
    deep_toml_tables,
    finishes,
    long_number_json,
    long_number_toml,
    pipe,
)

DECK = {"what": "deck file", "limit": files.DECK_LIMIT}


def _read_toml(path: Path, max_depth: int = files.MAX_DEPTH) -> dict:
    """A fact file's TOML document, read as the fact loader reads it."""
    raw = files.read_bytes(path, what="fact file", limit=files.FACTS_LIMIT)
    return files.parse_toml(files.decode(raw, path), path, max_depth=max_depth)


def test_a_named_pipe_is_refused_without_waiting(tmp_path: Path):
    """A FIFO is refused at once, not read (which would wait for a writer for ever)."""
    fifo = pipe(tmp_path / "deck.json")
    with pytest.raises(FileProblem) as error:
        finishes(lambda: files.read_json(fifo, **DECK), fifo)
    assert str(error.value) == f"{fifo}: is a named pipe (FIFO), not a deck file"


def test_a_file_swapped_for_a_pipe_after_the_look_is_refused(tmp_path: Path, monkeypatch):
    """The open file is looked at again: a pipe put in place after the first look is refused."""
    fifo = pipe(tmp_path / "deck.json")
    regular = os.stat(__file__)
    real_stat = os.stat
    monkeypatch.setattr(
        files.os,
        "stat",
        lambda path, *a, **k: regular if Path(path) == fifo else real_stat(path, *a, **k),
    )
    with pytest.raises(FileProblem, match="is a named pipe"):
        finishes(lambda: read_bytes(fifo, **DECK), fifo)


@pytest.mark.parametrize(("target", "kind"), [(".", "a folder"), ("/dev/null", "a device")])
def test_folders_and_devices_are_refused(tmp_path: Path, target: str, kind: str):
    """A folder or a device is named for what it is."""
    path = tmp_path if target == "." else Path(target)
    with pytest.raises(FileProblem, match=f"^{path}: is {kind}, not a deck file$"):
        read_bytes(path, **DECK)


def test_a_missing_file_is_named(tmp_path: Path):
    """A file that is not there says so, with its name."""
    with pytest.raises(FileProblem, match="nope.json: no such file$"):
        read_bytes(tmp_path / "nope.json", **DECK)


def test_a_file_over_the_limit_is_refused(tmp_path: Path):
    """A file larger than its kind may be is refused before it is read, saying both sizes."""
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 1_500_000)
    with pytest.raises(FileProblem) as error:
        read_bytes(big, what="deck file", limit=1_000_000)
    assert error.value.reason == "is 1.5 MB, more than a deck file may be (1.0 MB)"
    assert read_bytes(big, what="deck file", limit=1_500_000) == b" " * 1_500_000


def test_a_byte_order_mark_is_dropped(tmp_path: Path):
    """JSON and TOML files saved with a UTF-8 byte order mark read as without one."""
    deck, facts = tmp_path / "deck.json", tmp_path / "facts.toml"
    deck.write_bytes(BOM + b'{"title": "\xc3\xa9"}')
    facts.write_bytes(BOM + b'title = "x"\n')
    assert files.read_json(deck, **DECK) == {"title": "é"}
    assert _read_toml(facts) == {"title": "x"}


def test_text_that_is_not_utf8_names_line_and_byte(tmp_path: Path):
    """Bytes that are not UTF-8 are reported with their line and offset in the file."""
    latin = tmp_path / "latin.json"
    latin.write_bytes(b'{\n "a": "caf\xe9"}')
    with pytest.raises(FileProblem, match=r"latin.json: is not UTF-8 text \(line 2, byte 12\)$"):
        files.read_text(latin, **DECK)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"a": }', "Expecting value (line 1, column 7)"),
        ('{"a": "x\n"}', "Invalid control character (line 1, column 9)"),
        ('{\n "a": "abc', "Unterminated string (line 2, column 7)"),
        ('{"a": 1,}', "Expecting property name enclosed in double quotes (line 1, column 9)"),
    ],
)
def test_json_syntax_errors_name_line_and_column_once(text: str, reason: str):
    """A JSON syntax error says what and where in plain words, never 'at at line'."""
    with pytest.raises(FileProblem) as error:
        parse_json(text, "d.json")
    assert str(error.value) == f"d.json: is not valid JSON: {reason}"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("a = [1,", "Invalid value (at the end of the file)"),
        ("[[x]\n", "Expected ']]' at the end of an array declaration (line 1, column 4)"),
        ('a = 1\nb = "x\n', "Illegal character '\\n' (line 2, column 7)"),
    ],
)
def test_toml_syntax_errors_name_line_and_column_once(text: str, reason: str):
    """A TOML syntax error says what and where, its position written once."""
    with pytest.raises(FileProblem) as error:
        parse_toml(text, "f.toml")
    assert str(error.value) == f"f.toml: is not valid TOML: {reason}"


def test_deep_json_is_refused_before_parsing(tmp_path: Path):
    """JSON nested 100,000 levels deep is refused by name and place, never a RecursionError."""
    deep = deep_json(tmp_path / "deep.json")
    with pytest.raises(FileProblem) as error:
        files.read_json(deep, **DECK)
    assert error.value.reason == "is nested more than 64 levels deep (line 1, column 102)"


@pytest.mark.parametrize("build", [deep_toml_arrays, deep_toml_tables])
def test_deep_toml_is_refused_before_parsing(tmp_path: Path, build):
    """TOML arrays or inline tables nested 100,000 levels deep are refused by name and place."""
    deep = build(tmp_path / "deep.toml")
    with pytest.raises(
        FileProblem,
        match=r"deep.toml: is nested more than 64 levels deep "
        r"\(line 3, column \d+\)$",
    ):
        _read_toml(deep)


def test_nesting_up_to_the_cap_is_read():
    """Exactly the allowed depth parses; one more level is refused."""
    assert parse_json("[" * 64 + "]" * 64, "d.json") is not None
    assert parse_toml("a = " + "[" * 64 + "]" * 64, "f.toml") is not None
    with pytest.raises(FileProblem, match="nested more than 64"):
        parse_json("[" * 65 + "]" * 65, "d.json")
    with pytest.raises(FileProblem, match="nested more than 64"):
        parse_toml("a = " + "[" * 65 + "]" * 65, "f.toml")


def test_brackets_in_strings_and_comments_are_not_nesting():
    """Brackets inside JSON strings, TOML strings of every form and comments do not count."""
    assert (
        parse_json('{"a": "[[[[{{{{", "b": "\\"[[[[", "c": [["x"]]}', "d.json", max_depth=3)["b"]
        == '"[[[['
    )
    toml = (
        'a = "[[[[\\"[[[["\nb = \'[[[[\'\nc = """[[[[\n[[[[ ""[[""""\n'
        "d = '''[[[[\n{{{{'''\n# [[[[{{{{\ne = [[1]] # [[[[\n"
    )
    assert parse_toml(toml, "f.toml", max_depth=3)["e"] == [[1]]


def test_the_shipped_files_nest_far_less_than_the_cap():
    """The shipped decks and fact files read with a cap of 8 levels, an eighth of the real one."""
    for deck in paths.bundled_decks_dir().glob("*.json"):
        files.read_json(deck, what="deck file", limit=files.DECK_LIMIT, max_depth=8)
    for facts in paths.bundled_seeds_dir().glob("*.toml"):
        _read_toml(facts, max_depth=8)


@pytest.mark.parametrize(
    ("build", "place"),
    [(long_number_json, "line 2, column 13"), (long_number_toml, "line 3, column 14")],
)
def test_a_number_too_long_to_convert_is_named(tmp_path: Path, build, place: str):
    """A whole number of 5000 digits is refused by name and place, not with Python's ValueError."""
    path = build(tmp_path / "long.txt")
    read = files.parse_json if build is long_number_json else files.parse_toml
    with pytest.raises(FileProblem) as error:
        read(path.read_text(encoding="utf-8"), path)
    limit = sys.get_int_max_str_digits()
    assert str(error.value) == f"{path}: holds a number of more than {limit} digits ({place})"


def test_an_output_that_is_an_input_is_refused(tmp_path: Path):
    """The same file by its name, a link or a hard link is refused; another file is not."""
    source = tmp_path / "mine.toml"
    source.write_text("x = 1\n")
    (tmp_path / "link.toml").symlink_to(source)
    os.link(source, tmp_path / "hard.toml")
    (tmp_path / "sub").mkdir()
    for name in ("mine.toml", "link.toml", "hard.toml", "sub/../mine.toml"):
        with pytest.raises(FileProblem, match="a file this command reads; write the output to"):
            check_output(tmp_path / name, [source])
    check_output(tmp_path / "deck.json", [source])
    check_output(tmp_path / "new.json", [tmp_path / "absent.toml"])


def test_an_output_in_a_kept_folder_is_refused(tmp_path: Path):
    """An output inside a folder the command must not write into is refused, naming it."""
    kept = tmp_path / "profiles"
    kept.mkdir()
    with pytest.raises(FileProblem, match="where progress is kept"):
        check_output(kept / "anna" / "x.json", keep_out=[(kept, "progress is kept")])
    check_output(tmp_path / "x.json", keep_out=[(kept, "progress is kept")])


def test_writing_replaces_the_file_whole_or_not_at_all(tmp_path: Path, monkeypatch):
    """A write that fails leaves the old file as it was and no temporary file behind."""
    target = tmp_path / "deck.json"
    target.write_text("old")
    target.chmod(0o640)

    def broken(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", broken)
    with pytest.raises(OSError):
        files.write_text(target, "new")
    assert target.read_text() == "old" and sorted(tmp_path.iterdir()) == [target]
    monkeypatch.undo()
    files.write_text(target, "new\n")
    assert target.read_bytes() == b"new\n" and stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(tmp_path.iterdir()) == [target]


def test_writing_follows_a_link_and_refuses_a_pipe(tmp_path: Path):
    """A link's file is the one written; a pipe as the output is refused without waiting."""
    real = tmp_path / "real.json"
    real.write_text("old")
    (tmp_path / "link.json").symlink_to(real)
    files.write_text(tmp_path / "link.json", "new")
    assert real.read_text() == "new" and (tmp_path / "link.json").is_symlink()
    fifo = pipe(tmp_path / "out.json")
    with pytest.raises(FileProblem, match="is a named pipe"):
        finishes(lambda: files.write_text(fifo, "x"), fifo)


def _imports(module) -> set[str]:
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    names = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    return names | {
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
    }


def test_the_reader_depends_on_nothing_of_purgequiz():
    """purgequiz.files imports only the standard library and purgequiz.atomic, which imports
    only the standard library, so every layer may use both."""
    from purgequiz import atomic

    stdlib = set(sys.stdlib_module_names) | {"__future__"}
    assert {name.split(".")[0] for name in _imports(files) - {"purgequiz.atomic"}} <= stdlib
    assert {name.split(".")[0] for name in _imports(atomic)} <= stdlib


def test_a_real_deck_round_trips(tmp_path: Path):
    """A deck written by write_text reads back equal through read_json."""
    data = json.loads((paths.bundled_decks_dir() / "figures.json").read_text(encoding="utf-8"))
    files.write_text(tmp_path / "figures.json", json.dumps(data, ensure_ascii=False))
    assert files.read_json(tmp_path / "figures.json", **DECK) == data


def test_writing_never_makes_a_folder(tmp_path: Path):
    """write_text into a folder that does not exist raises FileProblem naming the folder."""
    target = tmp_path / "missing" / "deck.json"
    folder = re.escape(str(tmp_path / "missing"))
    with pytest.raises(FileProblem, match=f"the folder {folder} does not exist"):
        files.write_text(target, "{}", what="deck")
    assert not target.parent.exists()
