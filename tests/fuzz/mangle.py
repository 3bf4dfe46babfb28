"""Damaging documents on purpose: start from a valid one and break it in the ways files break.

Everything is drawn from one ``random.Random`` (or Hypothesis's ``st.randoms()``, which
offers the same methods and can shrink the draws), so a seed gives the same damage every time.
A :class:`Mangler` changes a parsed document (wrong types, missing and extra fields, huge and
deep values, control characters, path-like strings, bad dates) and then, sometimes, its bytes
(truncation, a BOM, invalid UTF-8). Each change is described in a short line, for reports.
"""

from __future__ import annotations

import copy
import json
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

__all__ = ["Mangler", "Raw", "to_json", "to_toml"]

Path_ = tuple[Any, ...]  # keys and indices from the document's root

ESCAPES = (
    "\x1b[2J",
    "\x1b]0;X\x07",
    "\x9b31m",
    "\x1b[31mred\x1b[0m",
    "\x00",
    "\x07",
    "\u202eevil",
    "line\nbreak",
    "\x7f",
    "[/]",
    "[@click=app.quit]x[/]",
    "\ud800",
)
DATES = (
    "2025-03-01T09:00:00",
    "2025-03-01T09:00:00+05:00",
    "2025-03-01",
    "2025-13-45",
    "2025-02-30T25:61:00+00:00",
    "yesterday",
    "0000-00-00",
    "-1",
    "1937",
    "9999-12-31T23:59:59+00:00",
    "0001-01-01T00:00:00+00:00",
    "2025-03-01T09:00:00Z",
    "1e308",
    "",
)
EXTRA_KEYS = ("zz", "v", "id", "__proto__", "../../x", "", "format", "\x1b[2J")
DEPTH = 3000
BYTE_GARBAGE = (
    b"\xff",
    b"\xc3\x28",
    b"\xed\xa0\x80",
    b"\xf8\x88\x80\x80\x80",
    b"\x80",
    b"\x9b",
    b"\x1b[2J",
    b"\x00",
    b"\xef\xbb\xbf",
)


@dataclass(frozen=True)
class Raw:
    """A value written into the file as-is, beyond what a serializer would produce."""

    json: str
    toml: str
    label: str


def path_likes(outside: str) -> tuple[str, ...]:
    """Strings that would climb out of a folder if used to build a path."""
    return (
        f"{outside}/zz-evil",
        f"{outside}/zz-evil/",
        f"{outside}\\zz-evil",
        "../../x",
        "..\\..\\x",
        "C:\\x",
        "reviews/../../x",
        "nul",
        "",
        ".",
        "..",
        "~/zz-evil",
        f"reviews/../../../../../../..{outside}/zz-evil",
        "a/b",
        "x\x00y",
        "CON.json",
    )


def _huge_text() -> str:
    return "purge " * 16_667  # a little over 100k characters


class Mangler:
    """Draws damage from ``rng``; path-like strings point into ``outside``."""

    def __init__(
        self, rng, outside: str, shown: tuple[str, ...] = (), names: tuple[str, ...] = ()
    ) -> None:
        self.rng = rng
        self.paths = path_likes(outside)
        self.shown = shown  # fields the commands print: control characters go there more often
        self.names = names  # fields that name things (ids, days): path-like strings go there
        self.steps: list[str] = []

    # -- drawing -------------------------------------------------------------------------

    # Hypothesis shrinks its draws towards zero: a draw of zero always means "the usual",
    # so that a failure shrinks towards less damage.

    def chance(self, p: float) -> bool:
        return self.rng.random() >= 1.0 - p

    def pick(self, options):
        return options[self.rng.randrange(len(options))]

    def choose(self, choices: tuple[tuple[float, Any], ...]) -> Any:
        """One of the options, each as likely as its weight (the first for a draw of zero)."""
        point = self.rng.random() * sum(weight for weight, _ in choices)
        for weight, option in choices:
            point -= weight
            if point < 0:
                return option
        return choices[-1][1]

    def weighted(self, choices: tuple[tuple[float, Callable[[], Any]], ...]) -> Any:
        return self.choose(choices)()

    def weird(self) -> Any:
        """A value of a wrong type, an extreme, a trap string or a bad date."""
        return self.weighted(
            (
                (3, lambda: self.pick((0, 1, -1, 7, 2**63, -(2**63) - 1, 10**20))),
                (3, lambda: self.pick(("x", "1", "true", "null", " ", "0.5", "[]", "{}"))),
                (2, lambda: self.pick((math.nan, math.inf, -math.inf, 1e308, -0.0, 0.5, -1.5))),
                (2, lambda: self.pick((True, False))),
                (2, lambda: None),
                (2, lambda: self.pick(([], [1, "a"], [None], [[]], ["x", "x"]))),
                (2, lambda: self.pick(({}, {"a": 1}, {"id": None}))),
                (3, lambda: self.pick(ESCAPES)),
                (3, lambda: self.pick(self.paths)),
                (2, lambda: self.pick(DATES)),
                (0.5, _huge_text),
                (
                    0.5,
                    lambda: Raw(
                        "[" * DEPTH + "]" * DEPTH,
                        "[" * DEPTH + "]" * DEPTH,
                        f"<list {DEPTH} levels deep>",
                    ),
                ),
                (
                    0.5,
                    lambda: Raw(
                        '{"a":' * DEPTH + "1" + "}" * DEPTH,
                        "{a=" * DEPTH + "1" + "}" * DEPTH,
                        f"<table {DEPTH} levels deep>",
                    ),
                ),
                (0.5, lambda: Raw("9" * 5000, "9" * 5000, "<number of 5000 digits>")),
            )
        )

    # -- changing a parsed document ------------------------------------------------------

    def document(self, template: Any) -> Any:
        """A damaged copy of ``template``: one to four changes, now and then a sweep."""
        doc = copy.deepcopy(template)
        if self.chance(0.12):
            return self._sweep(doc)
        for _ in range(1 + self.chance(1 / 8) + self.chance(1 / 4) + self.chance(1 / 16)):
            change = self.choose(
                (
                    (5, self._replace),
                    (2, self._delete),
                    (2, self._extra),
                    (1, self._duplicate),
                    (1, self._retype),
                    (2, self._inject),
                    (2, self._field),
                    (2, self._path_field),
                )
            )
            doc = change(doc)
        return doc

    def _replace(self, doc: Any) -> Any:
        paths = list(_walk(doc))
        if not paths:
            return doc
        where = self.pick(paths)
        value = self.weird()
        self.steps.append(f"{_show_path(where)} = {_show(value)}")
        return _set(doc, where, value)

    def _delete(self, doc: Any) -> Any:
        paths = list(_walk(doc))
        if not paths:
            return doc
        where = self.pick(paths)
        parent = _get(doc, where[:-1])
        del parent[where[-1]]
        self.steps.append(f"removed {_show_path(where)}")
        return doc

    def _extra(self, doc: Any) -> Any:
        tables = [p for p in [(), *_walk(doc)] if isinstance(_get(doc, p), dict)]
        if not tables:
            return doc
        where = self.pick(tables)
        key, value = self.pick(EXTRA_KEYS), self.weird()
        _get(doc, where)[key] = value
        self.steps.append(f"added {_show_path((*where, key))} = {_show(value)}")
        return doc

    def _duplicate(self, doc: Any) -> Any:
        lists = [p for p in [(), *_walk(doc)] if isinstance(_get(doc, p), list) and _get(doc, p)]
        if not lists:
            return doc
        where = self.pick(lists)
        items = _get(doc, where)
        index = self.rng.randrange(len(items))
        items.insert(index, copy.deepcopy(items[index]))
        self.steps.append(f"repeated {_show_path((*where, index))}")
        return doc

    def _retype(self, doc: Any) -> Any:
        containers = [p for p in _walk(doc) if isinstance(_get(doc, p), dict | list)]
        if not containers:
            return doc
        where = self.pick(containers)
        value = _get(doc, where)
        if isinstance(value, dict):
            changed: Any = list(value.values())
            what = "a list of its values"
        else:
            changed = {str(i): item for i, item in enumerate(value)}
            what = "a table keyed by position"
        self.steps.append(f"{_show_path(where)} made {what}")
        return _set(doc, where, changed)

    def _inject(self, doc: Any) -> Any:
        """A control sequence or path-like string put into a text of prose (one with a space,
        so an id or a kind stays valid and the text goes on to be shown or used)."""
        prose = [p for p in _walk(doc) if isinstance(_get(doc, p), str) and " " in _get(doc, p)]
        printed = [p for p in prose if any(key in self.shown for key in p[-2:])]
        if printed and self.chance(0.7):
            prose = printed
        if not prose:
            return self._replace(doc)
        where = self.pick(prose)
        trap = self.pick(ESCAPES + self.paths)
        value = _get(doc, where)
        new = trap + value if self.chance(0.5) else value + trap
        self.steps.append(f"{_show_path(where)} = {_show(new)}")
        return _set(doc, where, new)

    def _field(self, doc: Any) -> Any:
        """One field made the same wrong value in every record that has it (every review's
        day, every card's due), as a faulty converter would write it."""
        named = [p for p in _walk(doc) if isinstance(p[-1], str)]
        if not named:
            return self._replace(doc)
        return self._every(doc, self.pick(named)[-1], self.weird())

    def _path_field(self, doc: Any) -> Any:
        """A field that names things (an id, a day) made one path-like string everywhere."""
        keys = sorted(
            {p[-1] for p in _walk(doc) if isinstance(p[-1], str) and isinstance(_get(doc, p), str)},
            key=str,
        )
        hinted = [key for key in keys if key in self.names]
        if not keys:
            return self._replace(doc)
        key = self.pick(hinted if hinted and not self.chance(0.2) else keys)
        return self._every(doc, key, self.pick(self.paths))

    def _every(self, doc: Any, key: str, value: Any) -> Any:
        for where in [p for p in _walk(doc) if p[-1] == key]:
            try:
                doc = _set(doc, where, copy.deepcopy(value))
            except (KeyError, IndexError, TypeError):
                continue  # inside a record an earlier change of the same key replaced
        self.steps.append(f"every {key!r} = {_show(value)}")
        return doc

    def _sweep(self, doc: Any) -> Any:
        """Every text of one sort replaced (but a document's format): all by path-like
        strings, prose given control characters, or dates made bad."""
        sort = self.pick(("path", "path", "escape", "date"))
        dated = re.compile(r"^\d{4}-\d\d")
        count = 0
        for where in list(_walk(doc)):
            value = _get(doc, where)
            if (
                not isinstance(value, str)
                or where == ("format",)
                or (sort == "date" and not dated.match(value))
                or (sort == "escape" and " " not in value)
            ):
                continue
            new = self.pick(
                self.paths if sort == "path" else ESCAPES if sort == "escape" else DATES
            )
            doc = _set(doc, where, new if sort != "escape" else value + new)
            count += 1
        self.steps.append(f"{count} texts replaced by {sort} strings")
        return doc

    # -- changing bytes ------------------------------------------------------------------

    def raw(self, data: bytes, p: float = 0.3) -> bytes:
        """With probability ``p``, one damage to the bytes themselves."""
        if not self.chance(p) or not data:
            return data
        size = len(data)
        at = self.rng.randrange(size)
        kind = self.pick(("cut", "cut", "bom", "garbage", "garbage", "flip", "drop", "repeat"))
        if kind == "cut":
            self.steps.append(f"cut after byte {at} of {size}")
            return data[:at]
        if kind == "bom":
            self.steps.append("a byte-order mark in front")
            return b"\xef\xbb\xbf" + data
        if kind == "garbage":
            junk = self.pick(BYTE_GARBAGE)
            self.steps.append(f"{junk!r} inserted at byte {at}")
            return data[:at] + junk + data[at:]
        if kind == "flip":
            bit = 1 << self.rng.randrange(8)
            self.steps.append(f"bit {bit} of byte {at} flipped")
            return data[:at] + bytes([data[at] ^ bit]) + data[at + 1 :]
        length = 1 + self.rng.randrange(64)
        if kind == "drop":
            self.steps.append(f"bytes {at}-{at + length} removed")
            return data[:at] + data[at + length :]
        self.steps.append(f"bytes {at}-{at + length} repeated")
        return data[: at + length] + data[at:]

    def noise(self, max_size: int = 2000) -> bytes:
        """Random bytes, sometimes behind the valid start of a document."""
        data = self.rng.randbytes(self.rng.randrange(max_size))
        self.steps.append(f"{len(data)} random bytes")
        return data


# -- walking a document ----------------------------------------------------------------------


def _walk(doc: Any, limit: int = 20000) -> Iterator[Path_]:
    """Every path below the root, parents before children (at most ``limit``)."""
    stack: list[tuple[Path_, Any]] = [((), doc)]
    count = 0
    while stack:
        where, value = stack.pop()
        if isinstance(value, dict):
            children = list(value.items())
        elif isinstance(value, list):
            children = list(enumerate(value))
        else:
            continue
        for key, child in reversed(children):
            count += 1
            if count > limit:
                return
            yield (*where, key)
            stack.append(((*where, key), child))


def _get(doc: Any, where: Path_) -> Any:
    for key in where:
        doc = doc[key]
    return doc


def _set(doc: Any, where: Path_, value: Any) -> Any:
    if not where:
        return value
    _get(doc, where[:-1])[where[-1]] = value
    return doc


def _show_path(where: Path_) -> str:
    out = ""
    for key in where:
        if isinstance(key, int):
            out += f"[{key}]"
        elif re.fullmatch(r"[A-Za-z_][\w-]*", key):
            out += f".{key}" if out else key
        else:
            out += f"[{key!r}]"
    return out or "the whole document"


def _show(value: Any) -> str:
    if isinstance(value, Raw):
        return value.label
    if isinstance(value, str) and len(value) > 200:
        return f"<text of {len(value)} characters>"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


# -- writing a document ----------------------------------------------------------------------


def to_json(doc: Any, *, ascii_only: bool = False, compact: bool = False) -> bytes:
    """JSON bytes (on one line when ``compact``); NaN and Infinity as JavaScript writes them,
    lone surrogates kept as (invalid UTF-8) bytes."""
    raws: list[Raw] = []

    def hold(value: Any) -> str:
        if isinstance(value, Raw):
            raws.append(value)
            return f"__raw_{len(raws) - 1}__"
        raise TypeError(type(value).__name__)

    layout: dict[str, Any] = {"separators": (",", ":")} if compact else {"indent": 1}
    text = json.dumps(doc, ensure_ascii=ascii_only, default=hold, **layout)
    for index, value in enumerate(raws):
        text = text.replace(f'"__raw_{index}__"', value.json, 1)
    return text.encode("utf-8", errors="surrogatepass")


_BARE = re.compile(r"[A-Za-z0-9_-]+")


def _toml_key(key: Any) -> str:
    key = str(key)
    return key if _BARE.fullmatch(key) else _toml_string(key)


def _toml_string(text: str) -> str:
    out = []
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif code < 0x20 or code == 0x7F:
            out.append({"\n": "\\n", "\t": "\\t", "\r": "\\r"}.get(char, f"\\u{code:04x}"))
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _toml_value(value: Any) -> str | None:
    """The TOML form of a value; None for null, which TOML cannot hold (the key is left out)."""
    if value is None:
        return None
    if isinstance(value, Raw):
        return value.toml
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, list):
        items = [_toml_value(v) for v in value]
        return "[" + ", ".join(i for i in items if i is not None) + "]"
    if isinstance(value, dict):
        pairs = [(k, _toml_value(v)) for k, v in value.items()]
        return "{" + ", ".join(f"{_toml_key(k)} = {v}" for k, v in pairs if v is not None) + "}"
    raise TypeError(type(value).__name__)


def to_toml(doc: Any) -> bytes:
    """TOML bytes: lists of tables as ``[[name]]`` sections, anything else as ``key = value``."""
    if not isinstance(doc, dict):
        doc = {"value": doc}
    lines: list[str] = []
    sections = {
        k: v
        for k, v in doc.items()
        if isinstance(v, list) and v and all(isinstance(t, dict) for t in v)
    }
    for key, value in doc.items():
        if key not in sections:
            text = _toml_value(value)
            if text is not None:
                lines.append(f"{_toml_key(key)} = {text}")
    for key, tables in sections.items():
        for table in tables:
            lines.append(f"\n[[{_toml_key(key)}]]")
            for name, value in table.items():
                text = _toml_value(value)
                if text is not None:
                    lines.append(f"{_toml_key(name)} = {text}")
    return ("\n".join(lines) + "\n").encode("utf-8", errors="surrogatepass")
