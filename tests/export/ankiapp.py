"""Anki's own code, for the tests: a new collection in a folder, a package or a CSV imported
into it as Anki's import does it, and a field's HTML read back as text."""

from __future__ import annotations

import html
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path

from anki.collection import (
    Collection,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
    ImportCsvRequest,
)
from anki.import_export_pb2 import ImportResponse
from anki.notes import Note

__all__ = [
    "import_csv",
    "import_package",
    "markup",
    "new_collection",
    "notes_by_guid",
    "text_of",
]


@contextmanager
def new_collection(folder: Path) -> Iterator[Collection]:
    """An empty Anki collection inside ``folder`` (its media folder beside it), closed after."""
    folder.mkdir()
    collection = Collection(str(folder / "collection.anki2"))
    try:
        yield collection
    finally:
        collection.close()


def import_package(collection: Collection, package: Path) -> ImportResponse.Log:
    """What Anki's File > Import does with an .apkg, with its default options."""
    request = ImportAnkiPackageRequest(
        package_path=str(package), options=ImportAnkiPackageOptions()
    )
    return collection.import_anki_package(request).log


def import_csv(collection: Collection, csv_file: Path) -> ImportResponse.Log:
    """What Anki's File > Import does with a CSV, taking the settings its header lines give."""
    metadata = collection.get_csv_metadata(str(csv_file), None)
    return collection.import_csv(ImportCsvRequest(path=str(csv_file), metadata=metadata)).log


def notes_by_guid(collection: Collection) -> dict[str, Note]:
    """Every note of the collection, by GUID."""
    notes = (collection.get_note(nid) for nid in collection.find_notes(""))
    return {note.guid: note for note in notes}


def text_of(field: str) -> str:
    """A field of plain text (escaped, line breaks as ``<br>``) as the text it shows."""
    return html.unescape(field.replace("<br>", "\n"))


class _Markup(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)

    def handle_data(self, data: str) -> None:
        self.texts.append(data)


def markup(field: str) -> tuple[set[str], list[str]]:
    """The HTML elements a field holds, and its texts between them."""
    parser = _Markup()
    parser.feed(field)
    parser.close()
    return parser.tags, parser.texts
