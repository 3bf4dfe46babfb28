"""Loading and validating fact files."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from purgequiz.facts import FactFileError, load, load_or_raise, parse

from .conftest import EXAMPLE

GOOD = EXAMPLE.read_bytes()


def problems_of(text: str | bytes, name: str = "teacher.toml") -> list[str]:
    raw = text.encode() if isinstance(text, str) else text
    return [str(p) for p in parse({name: raw}).problems]


def test_example_file_is_valid():
    """The documented example loads with no problems."""
    result = load(EXAMPLE)
    assert result.problems == []
    assert set(result.base.facts) == {
        "banquet-ban",
        "louis-philippe-abdicates",
        "guizot-chief-minister",
        "louis-napoleon-elected",
        "louis-napoleon-vote-share",
        "name-won-the-vote",
    }
    removal = result.base.facts["louis-philippe-abdicates"]
    assert removal.date.precision == "month"
    assert (removal.kind, removal.person, removal.post) == (
        "removal",
        "louis-philippe",
        "King of the French",
    )


def test_syntax_error_names_file_and_line():
    """A TOML syntax error is reported with the file name and line, not raised."""
    problems = problems_of(GOOD.decode().replace('kind = "removal"', 'kind = "removal'))
    assert len(problems) == 1
    assert problems[0].startswith("teacher.toml: is not valid TOML: ")
    assert problems[0].endswith("(line 49, column 16)")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'kind = "removal"',
            'kind = "coronation"',
            "teacher.toml: fact louis-philippe-abdicates: field 'kind': unknown kind 'coronation'",
        ),
        (
            'post = "King of the French"\n',
            "",
            "teacher.toml: fact louis-philippe-abdicates: field 'post': missing",
        ),
        (
            "value = 75",
            'value = "75"',
            "teacher.toml: fact louis-napoleon-vote-share: field 'value': must be a number",
        ),
        (
            "value = 75",
            "value = 75\nhigh = 80",
            "teacher.toml: fact louis-napoleon-vote-share: field 'value': give either value",
        ),
        (
            'judgement = "a victory',
            'judgment = "x"\njudgement = "a victory',
            "teacher.toml: fact name-won-the-vote: field 'judgment': unknown field",
        ),
        (
            'attribution = { type = "interpretation", by = "class-notes" }',
            'attribution = "record"',
            "teacher.toml: fact name-won-the-vote: field 'attribution': an assessment is someone's",
        ),
        (
            'person = "louis-philippe"',
            'person = "charles-x"',
            "teacher.toml: fact louis-philippe-abdicates: "
            "field 'person': unknown entity 'charles-x'",
        ),
        (
            'person = "louis-philippe"',
            'person = "louis-philippe"\narguable = ["charles-x"]',
            "teacher.toml: fact louis-philippe-abdicates: "
            "field 'arguable': unknown entity 'charles-x'",
        ),
        (
            'person = "louis-philippe"',
            'person = "louis-philippe"\narguable = "guizot"',
            "teacher.toml: fact louis-philippe-abdicates: "
            "field 'arguable': must be a list of non-empty texts",
        ),
        (
            'date = "1848-02"',
            'date = "1848-02-30"',
            "teacher.toml: fact louis-philippe-abdicates: field 'date': '1848-02-30' has no day 30",
        ),
        (
            'date = "1848-02"',
            'date = "Feb 1848"',
            "teacher.toml: fact louis-philippe-abdicates: field 'date': 'Feb 1848' is not YYYY",
        ),
        (
            "paragraphs = [1]\nattribution",
            "paragraphs = [7]\nattribution",
            "teacher.toml: fact louis-philippe-abdicates: field 'paragraphs': 7 is not a paragraph "
            "of notes-1848 (1–4)",
        ),
        (
            'topics = ["france"]',
            'topics = ["spain"]',
            "teacher.toml: fact louis-philippe-abdicates: field 'topics': unknown topic 'spain'",
        ),
        (
            'attribution = "record"',
            'attribution = { type = "rumour", by = "louis-napoleon" }',
            "teacher.toml: fact louis-philippe-abdicates: "
            "field 'attribution.type': 'rumour' is not",
        ),
    ],
)
def test_one_clear_message_per_problem(old: str, new: str, expected: str):
    """Each kind of mistake gives exactly one message naming file, fact id and field."""
    text = GOOD.decode()
    assert old in text
    problems = problems_of(text.replace(old, new, 1))
    assert len(problems) == 1, problems
    assert problems[0].startswith(expected), problems[0]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'post = "King of the French"',
            'post = "King \\u001b]0;HIJACKED\\u0007"',
            "teacher.toml: fact louis-philippe-abdicates: field 'post': holds control characters "
            "(\\x1b, \\x07)",
        ),
        (
            'name = "Guizot"',
            'name = "Guizot\\u009b2J"',
            "teacher.toml: entity guizot: field 'name': holds a control character (\\x9b)",
        ),
        (
            'variants = ["Louis Philippe"]',
            'variants = ["Louis \\u202ePhilippe"]',
            "teacher.toml: entity louis-philippe: field 'variants': holds a control character "
            "(\\u202e)",
        ),
        (
            'title = "France in 1848"',
            'title = "France\tin 1848"',
            "teacher.toml: topic france: field 'title': holds a control character (\\x09)",
        ),
        (
            'attribution = { type = "interpretation", by = "class-notes" }',
            'attribution = { type = "interpretation", by = "class-notes", via = ["\\u001b[2J"] }',
            "teacher.toml: fact name-won-the-vote: field 'attribution': holds a control character "
            "(\\x1b)",
        ),
    ],
)
def test_control_characters_in_a_text_field_are_reported(old: str, new: str, expected: str):
    """An escape sequence, C1 control, bidi override or tab in any field is a problem naming
    file, record and field, with the character written as an escape."""
    text = GOOD.decode()
    assert old in text
    problems = [p for p in problems_of(text.replace(old, new, 1)) if "control" in p]
    assert problems == [expected]


def test_a_line_break_in_a_multi_line_string_is_allowed():
    """A statement written over several lines (a TOML multi-line string) is not refused."""
    old = 'statement = "Louis-Philippe gave up the French throne in February 1848."'
    new = 'statement = """\nLouis-Philippe gave up the French throne\nin February 1848.\n"""'
    assert old in GOOD.decode()
    assert problems_of(GOOD.decode().replace(old, new)) == []


def test_duplicate_fact_id_is_reported():
    """Two facts with one id are reported, naming where the first one stands."""
    text = GOOD.decode().replace('id = "louis-napoleon-elected"', 'id = "louis-philippe-abdicates"')
    problems = problems_of(text)
    assert problems == [
        "teacher.toml: fact louis-philippe-abdicates: field 'id': duplicate fact "
        "id 'louis-philippe-abdicates' (first in teacher.toml)"
    ]


def test_an_old_format_file_says_what_changed():
    """A fact file written for the first format is told which field moved where."""
    text = GOOD.decode().replace('post = "King of the French"', 'role = "King of the French"')
    text = text.replace(
        'sphere = "state"\ndescription = "King', 'posts = ["King"]\ndescription = "King'
    )
    problems = problems_of(text)
    assert any(
        "field 'role': the fact format changed: is now called 'post'" in p for p in problems
    ), problems
    assert any(
        "entity louis-philippe: field 'posts': the fact format changed" in p for p in problems
    ), problems


def test_a_link_to_a_missing_fact_is_reported():
    """A cause that names a fact the base does not have is reported by field."""
    text = GOOD.decode().replace(
        'effect = "the February days', 'effect_fact = "nope"\neffect = "the February days'
    )
    assert problems_of(text) == [
        "teacher.toml: fact banquet-ban: field 'effect_fact': unknown fact 'nope'"
    ]


def test_duplicate_across_files_names_both_files():
    """The same entity declared in two files of one base is reported with both file names."""
    extra = b'[[entity]]\nid = "louis-philippe"\ntype = "person"\nname = "L. P."\n'
    result = parse({"a.toml": GOOD, "b.toml": extra})
    assert [str(p) for p in result.problems] == [
        "b.toml: entity louis-philippe: field 'id': duplicate entity id 'louis-philippe' "
        "(first in a.toml)"
    ]


def test_wrong_entity_type_is_reported():
    """A field that needs a person rejects a place."""
    text = GOOD.decode() + '\n[[entity]]\nid = "paris"\ntype = "place"\nname = "Paris"\n'
    text = text.replace('person = "louis-napoleon"', 'person = "paris"')
    assert problems_of(text) == [
        "teacher.toml: fact louis-napoleon-elected: field 'person': "
        "'paris' is a place, expected person"
    ]


def test_several_problems_are_all_reported():
    """A file with three mistakes gets three messages, in file order."""
    text = (
        GOOD.decode()
        .replace('kind = "appointment"', 'kind = "nomination"')
        .replace('date = "1848-02"', 'date = "1848-13"', 1)
        .replace('type = "person"\nname = "Louis-Napoléon', 'type = "emperor"\nname = "L')
    )
    assert len(problems_of(text)) == 3


def test_unknown_field_and_table_are_reported():
    """Typos in field or table names do not pass silently."""
    text = GOOD.decode().replace('post = "King of the French"', 'postt = "King"\npost = "King"')
    text += '\n[[facts]]\nid = "x"\n'
    problems = problems_of(text)
    assert any("field 'postt': unknown field" in p for p in problems)
    assert any("unknown table [[facts]]" in p for p in problems)


def test_load_or_raise_and_missing_path(tmp_path):
    """A missing path is a problem, and load_or_raise raises FactFileError carrying it."""
    with pytest.raises(FactFileError) as error:
        load_or_raise(tmp_path / "nope.toml")
    assert "no such file or folder" in str(error.value)


def test_not_utf8_is_reported(tmp_path):
    """A file that is not UTF-8 is reported by name."""
    bad = tmp_path / "latin.toml"
    bad.write_bytes(b"# caf\xe9\n")
    assert [str(p) for p in load(bad).problems] == [f"{bad}: is not UTF-8 text (line 1, byte 5)"]


_LINES = GOOD.decode().splitlines(keepends=True)


@st.composite
def mangled(draw) -> bytes:
    """The example file with lines dropped, duplicated, cut or overwritten with junk."""
    lines = list(_LINES)
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "dup", "cut", "junk", "value"]))
        if action == "drop":
            del lines[index]
        elif action == "dup":
            lines.insert(index, lines[index])
        elif action == "cut":
            lines[index] = lines[index][: draw(st.integers(0, len(lines[index])))]
        elif action == "junk":
            lines[index] = draw(st.text(max_size=30)) + "\n"
        else:
            key = lines[index].split("=")[0]
            value = draw(
                st.one_of(
                    st.integers(-5, 10**6).map(str),
                    st.just("[]"),
                    st.just("{}"),
                    st.just('""'),
                    st.just("[1, 'a']"),
                    st.just("true"),
                    st.just("1848-02-02"),
                    st.text(max_size=10).map(repr),
                )
            )
            lines[index] = f"{key}= {value}\n"
    return "".join(lines).encode("utf-8", errors="replace")


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mangled())
def test_mangled_files_never_raise(raw: bytes):
    """Whatever is done to a fact file, the loader reports problems instead of raising."""
    result = parse({"mangled.toml": raw})
    for problem in result.problems:
        assert problem.file == "mangled.toml"
        assert str(problem).startswith("mangled.toml")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_random_bytes_never_raise(raw: bytes):
    """Arbitrary bytes are reported as a problem, never a traceback."""
    parse({"noise.toml": raw})


def test_synonyms_are_read_and_checked():
    """A [[synonyms]] table lists words accepted for each other; one word alone is refused."""
    good = GOOD.decode() + '\n[[synonyms]]\nwords = ["rubles", "roubles"]\n'
    assert parse({"t.toml": good.encode()}).base.synonyms == (("rubles", "roubles"),)
    bad = GOOD.decode() + '\n[[synonyms]]\nwords = ["rubles"]\n'
    assert problems_of(bad) == [
        "teacher.toml: synonyms #1: field 'words': name at least two "
        "words or phrases that mean the same"
    ]


GROUP = """
[[fact]]
id = "kings-abdicated"
kind = "group"
statement = "Louis-Philippe was among the kings who gave up their thrones."
topics = ["france"]
source = "notes-1848"
paragraphs = [1]
attribution = "record"
label = "the kings who gave up their thrones"
members = ["louis-philippe"]
property = "kings who gave up their thrones"
"""


def test_a_set_named_among_others_says_so_with_true_or_false():
    """A group's ``others`` is read as true or false; any other value is one clear problem."""
    base = parse({"teacher.toml": GOOD + (GROUP + "others = true\n").encode()}).base
    assert base is not None and base.facts["kings-abdicated"].others is True
    closed = parse({"teacher.toml": GOOD + GROUP.encode()}).base
    assert closed is not None and not closed.facts["kings-abdicated"].others
    assert problems_of(GOOD + (GROUP + 'others = "yes"\n').encode()) == [
        "teacher.toml: fact kings-abdicated: field 'others': must be true or false, not text"
    ]
