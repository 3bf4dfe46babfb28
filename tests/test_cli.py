"""The `purgequiz` command line: one parser for every call of ``main`` in a process."""

from __future__ import annotations

import json

import pytest

from purgequiz import cli


@pytest.fixture
def fresh_parser():
    """The parser is made anew for the test, and again after it, outside any monkeypatch."""
    cli.parser.cache_clear()
    yield
    cli.parser.cache_clear()


def test_main_builds_the_parser_once_however_often_it_is_called(
    fresh_parser, monkeypatch: pytest.MonkeyPatch, capsys
):
    """A program that calls ``main()`` again and again (the tests, the fuzzer) builds the
    parser of the command it is given once, not at each call."""
    built: list[None] = []
    build = cli.parser_of

    def counted(names):
        built.append(None)
        return build(names)

    monkeypatch.setattr(cli, "parser_of", counted)
    for _ in range(3):
        assert cli.main(["facts", "list", "--topic", "nkvd"]) == 0
    with pytest.raises(SystemExit):
        cli.main(["facts", "lst"])
    assert len(built) == 1
    capsys.readouterr()


def test_what_one_call_was_given_is_not_kept_for_the_next(fresh_parser, capsys):
    """Options given to one call (a repeatable one among them) are not seen by the next: the
    second call lists every fact, not only the first call's topic."""

    def listed(*options: str) -> set[str]:
        assert cli.main(["facts", "list", "--json", *options]) == 0
        return {fact["id"] for fact in json.loads(capsys.readouterr().out)}

    some = listed("--topic", "nkvd", "--topic", "army")
    every = listed()
    assert some < every
    assert listed("--topic", "nkvd") < some
