"""`purgequiz generate`: decks from the bundled or a teacher's own fact file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from purgequiz.cli import main
from purgequiz.decks.fileformat import read_deck
from tests.hostile import BOM, deep_toml_arrays, deep_toml_tables, pipe, run_command

from ..facts.conftest import EXAMPLE


def test_generate_from_a_teachers_fact_file(tmp_path: Path, capsys):
    """A teacher's own fact file becomes a valid deck; the summary counts cards by kind."""
    out = tmp_path / "france.json"
    assert main(["generate", "--facts", str(EXAMPLE), "-o", str(out)]) == 0
    assert "Wrote" in capsys.readouterr().out
    deck = read_deck(out)
    assert deck.id == "france" and deck.cards
    assert deck.built_from["seed"] == 1


def test_same_inputs_give_identical_files(tmp_path: Path):
    """Running twice with the same seed writes the same bytes."""
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    for path in (a, b):
        assert (
            main(
                [
                    "generate",
                    "--topic",
                    "army",
                    "--seed",
                    "4",
                    "--count",
                    "20",
                    "--title",
                    "Army",
                    "--id",
                    "army",
                    "-o",
                    str(path),
                ]
            )
            == 0
        )
    assert a.read_bytes() == b.read_bytes()
    assert len(read_deck(a).cards) == 20


def test_filters_are_recorded(tmp_path: Path):
    """The filters given are recorded in the deck's built_from."""
    out = tmp_path / "d.json"
    assert (
        main(
            [
                "generate",
                "--years",
                "1937-1938",
                "--difficulty",
                "1-2",
                "--kind",
                "question",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    filters = json.loads(out.read_text())["built_from"]["filters"]
    assert filters["years"] == [1937, 1938] and filters["difficulty"] == [1, 2]
    assert filters["kinds"] == ["question"]


def test_errors_are_one_line_with_exit_1(tmp_path: Path, capsys):
    """A missing fact file or an empty result is one clear line and exit 1, with no file
    written."""
    out = tmp_path / "x.json"
    cases = [
        (["--facts", str(tmp_path / "none.toml")], "no fact file or folder at"),
        (["--years", "1800-1801"], "no card matches these filters"),
    ]
    for extra, message in cases:
        assert main(["generate", *extra, "-o", str(out)]) == 1
        err = capsys.readouterr().err
        assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert not out.exists()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--topic", "navy"], "unknown topic 'navy'; choose from: army, decrees,"),
        (["--kind", "essay"], "unknown kind 'essay'; choose from: appointment,"),
        (["--source", "pravda"], "unknown source 'pravda'; choose from: elites-ch7-consequences,"),
        (["--years", "1940-1937"], "ends before it starts"),
        (["--difficulty", "5"], "between 1 and 3"),
        (["--count", "0"], "at least 1"),
        (["--importance", "4"], "must be 1, 2 or 3"),
    ],
)
def test_a_filter_that_cannot_be_used_is_a_usage_error(extra, message, tmp_path, capsys):
    """An unknown topic, kind or source or a bad range is one line and exit 2, as argparse
    gives for what it checks itself, with no file written."""
    out = tmp_path / "x.json"
    assert main(["generate", *extra, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("purgequiz: ") and message in err and err.count("\n") == 1
    assert not out.exists()


def test_broken_fact_file_is_reported(tmp_path: Path, capsys):
    """A fact file with problems is refused with its first problem and a pointer to check."""
    broken = tmp_path / "broken.toml"
    broken.write_text(EXAMPLE.read_text().replace('kind = "removal"', 'kind = "exile"'))
    assert main(["generate", "--facts", str(broken), "-o", str(tmp_path / "d.json")]) == 1
    assert "purgequiz facts check" in capsys.readouterr().err


def test_output_to_stdout(capsys):
    """'-o -' prints the deck file."""
    assert main(["generate", "--facts", str(EXAMPLE), "-o", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["format"] == "purgequiz.deck"


@pytest.mark.parametrize("build", [deep_toml_arrays, deep_toml_tables])
def test_deep_facts_are_one_plain_line(build, tmp_path: Path, capsys):
    """A fact file nested 100,000 levels deep gives one line naming file and place, no deck."""
    deep = build(tmp_path / "deep.toml")
    out = tmp_path / "deck.json"
    assert main(["generate", "--facts", str(deep), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{deep}: is nested more than 64 levels deep (line 3, column " in err
    assert err.count("\n") == 1 and not out.exists()


def test_a_pipe_as_the_facts_is_refused_at_once(tmp_path: Path):
    """A named pipe given as --facts is refused without waiting for a writer."""
    fifo = pipe(tmp_path / "facts.toml")
    done = run_command(["generate", "--facts", str(fifo), "-o", str(tmp_path / "d.json")])
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"{fifo}: is a named pipe (FIFO), not a fact file" in done.stderr


@pytest.mark.parametrize("name", ["mine.toml", "link.json", "./mine.toml"])
def test_the_output_never_overwrites_the_fact_file(name: str, tmp_path: Path, monkeypatch, capsys):
    """`generate --facts mine.toml -o mine.toml` (or a link to it) leaves the facts as they
    were, byte for byte."""
    monkeypatch.chdir(tmp_path)
    mine = tmp_path / "mine.toml"
    mine.write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "link.json").symlink_to(mine)
    assert main(["generate", "--facts", "mine.toml", "-o", name]) == 1
    assert mine.read_bytes() == EXAMPLE.read_bytes()
    assert capsys.readouterr().err == (
        f"purgequiz: {name}: is "
        + ("" if name == "mine.toml" else "the same file as mine.toml, ")
        + "the fact file this command reads; write the deck "
        "to another file\n"
    )


def test_the_output_never_overwrites_a_file_of_the_fact_folder(tmp_path: Path, capsys):
    """With a folder of facts, -o onto one of its fact files is refused."""
    folder = tmp_path / "facts"
    folder.mkdir()
    (folder / "1848.toml").write_bytes(EXAMPLE.read_bytes())
    assert main(["generate", "--facts", str(folder), "-o", str(folder / "1848.toml")]) == 1
    assert (folder / "1848.toml").read_bytes() == EXAMPLE.read_bytes()
    assert "the fact file this command reads" in capsys.readouterr().err


def test_the_output_never_goes_into_the_profiles_folder(tmp_path: Path, capsys):
    """A deck is never written over a profile's progress files."""
    from purgequiz import paths

    target = paths.profiles_dir() / "_41.nna" / "progress.json"
    target.parent.mkdir(parents=True)
    target.write_text("progress")
    assert main(["generate", "--facts", str(EXAMPLE), "-o", str(target)]) == 1
    assert target.read_text() == "progress"
    assert "progress is kept" in capsys.readouterr().err


def _disk_full(descriptor: int, data: bytes) -> int:
    raise OSError(28, "No space")


def test_a_failed_write_keeps_the_old_deck(tmp_path: Path, monkeypatch, capsys):
    """When the deck cannot be written, the deck already at -o is left whole."""
    out = tmp_path / "france.json"
    out.write_text("the old deck")
    monkeypatch.setattr(os, "write", _disk_full)
    assert main(["generate", "--facts", str(EXAMPLE), "-o", str(out)]) == 1
    assert out.read_text() == "the old deck" and sorted(tmp_path.iterdir()) == [out]
    assert capsys.readouterr().err == f"purgequiz: cannot write {out}: No space\n"


@pytest.mark.parametrize("text", ["", " \n\n", "# nothing yet\n"])
def test_facts_without_facts_make_no_deck(text: str, tmp_path: Path, capsys):
    """An empty, blank or comments-only fact file is refused with 'has no facts'."""
    empty = tmp_path / "empty.toml"
    empty.write_text(text)
    out = tmp_path / "deck.json"
    assert main(["generate", "--facts", str(empty), "-o", str(out)]) == 1
    assert f"{empty}: has no facts" in capsys.readouterr().err and not out.exists()


def test_facts_with_a_byte_order_mark_make_the_same_deck(tmp_path: Path):
    """A fact file saved with a UTF-8 byte order mark gives the same cards as without one."""
    bom = tmp_path / "france.toml"
    bom.write_bytes(BOM + EXAMPLE.read_bytes())
    assert main(["generate", "--facts", str(bom), "-o", str(tmp_path / "a.json")]) == 0
    assert main(["generate", "--facts", str(EXAMPLE), "-o", str(tmp_path / "b.json")]) == 0
    assert read_deck(tmp_path / "a.json").cards == read_deck(tmp_path / "b.json").cards


def test_an_output_in_a_missing_folder_is_refused(tmp_path: Path, capsys):
    """`-o` into a folder that does not exist names the folder, exits 1 and creates nothing."""
    out = tmp_path / "no" / "such" / "deck.json"
    assert main(["generate", "--facts", str(EXAMPLE), "-o", str(out)]) == 1
    assert capsys.readouterr().err == (
        f"purgequiz: {out}: the folder {out.parent} does not "
        "exist; create it first or write the deck somewhere else\n"
    )
    assert sorted(tmp_path.iterdir()) == []


def test_an_output_under_a_file_is_refused(tmp_path: Path, capsys):
    """`-o` below a file, as if it were a folder, says that it is not a folder."""
    (tmp_path / "notes.txt").write_text("notes")
    out = tmp_path / "notes.txt" / "deck.json"
    assert main(["generate", "--facts", str(EXAMPLE), "-o", str(out)]) == 1
    assert capsys.readouterr().err == (
        f"purgequiz: {out}: {tmp_path / 'notes.txt'} is not a "
        "folder; write the deck somewhere else\n"
    )


def test_your_decks_folder_is_made_when_a_deck_is_written_there(capsys):
    """`-o` into your decks folder, as `decks list` suggests, makes that folder if need be."""
    from purgequiz import paths

    out = paths.user_decks_dir() / "france.json"
    assert not out.parent.exists()
    assert main(["generate", "--facts", str(EXAMPLE), "-o", str(out)]) == 0
    assert read_deck(out).id == "france"


def test_a_fact_files_deck_is_titled_by_its_topic(tmp_path: Path):
    """Without --title, a teacher's fact file on one topic gives a deck titled by that topic."""
    out = tmp_path / "france.json"
    assert main(["generate", "--facts", str(EXAMPLE), "-o", str(out)]) == 0
    assert read_deck(out).title == "Questions on France in 1848"


def test_a_fact_file_on_several_topics_gives_its_name_as_the_title(tmp_path: Path):
    """Without --title or topic, a fact file on several topics titles the deck by its name."""
    facts = tmp_path / "revolutions_of-1848.toml"
    facts.write_text(
        EXAMPLE.read_text(encoding="utf-8") + '\n[[topic]]\nid = "paris"\ntitle = "Paris"\n',
        encoding="utf-8",
    )
    out = tmp_path / "deck.json"
    assert main(["generate", "--facts", str(facts), "-o", str(out)]) == 0
    assert read_deck(out).title == "Questions on revolutions of 1848"


def test_the_filters_given_make_the_title(tmp_path: Path):
    """Without --title, the topics and kinds chosen name the deck."""
    out = tmp_path / "deck.json"
    assert main(["generate", "--topic", "army", "--kind", "ordering", "-o", str(out)]) == 0
    assert read_deck(out).title == "Questions on the army purge: ordering"


def _ids(path: Path) -> list[str]:
    return [card.id for card in read_deck(path).cards]


def test_an_excluded_card_is_replaced_and_the_rest_kept(tmp_path: Path):
    """--exclude leaves a card out: the deck keeps its size, and only that card and the one
    drawn in its place differ; the deck records what was left out."""
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    common = ["generate", "--topic", "army", "--count", "12", "--seed", "7"]
    assert main([*common, "-o", str(first)]) == 0
    dropped = _ids(first)[3]
    assert main([*common, "--exclude", dropped, "-o", str(second)]) == 0
    before, after = set(_ids(first)), set(_ids(second))
    assert dropped not in after and len(after) == 12
    assert len(before - after) == 1 and len(after - before) == 1
    assert read_deck(second).built_from["filters"]["exclude"] == [dropped]


def test_several_cards_can_be_excluded_without_a_count(tmp_path: Path):
    """Without --count, the excluded cards are simply missing from the deck."""
    whole, fewer = tmp_path / "whole.json", tmp_path / "fewer.json"
    assert main(["generate", "--topic", "decrees", "-o", str(whole)]) == 0
    dropped = _ids(whole)[:2]
    assert main(["generate", "--topic", "decrees", "--exclude", *dropped, "-o", str(fewer)]) == 0
    assert _ids(fewer) == _ids(whole)[2:]


def test_an_unknown_card_id_to_exclude_is_a_usage_error(tmp_path: Path, capsys):
    """A mistyped card id is named, with where ids are shown, and no deck is written."""
    out = tmp_path / "deck.json"
    assert main(["generate", "--exclude", "no-such-card", "-o", str(out)]) == 2
    assert "no card has the id 'no-such-card'" in capsys.readouterr().err
    assert not out.exists()
