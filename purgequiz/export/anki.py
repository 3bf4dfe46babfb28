"""An Anki package (.apkg) of a deck, made with genanki: one purgequiz note per card (the note
type is in :mod:`purgequiz.export.notetype`), in an Anki deck named for the deck.

genanki's own ``Package.write_to_file`` puts its SQLite collection in the system's temporary
folder; :func:`package` writes it in the scratch folder it is given instead, and makes the
zip archive in memory.
"""

from __future__ import annotations

import io
import itertools
import sqlite3
import time
import zipfile
from contextlib import closing
from pathlib import Path

import genanki

from purgequiz.decks.model import Deck
from purgequiz.export import notetype
from purgequiz.export.formats import ExportFormat

__all__ = ["APKG", "package", "render"]


def _model() -> genanki.Model:
    return genanki.Model(
        notetype.MODEL_ID,
        notetype.NAME,
        fields=[{"name": name} for name in notetype.FIELDS],
        templates=[{"name": "Card", "qfmt": notetype.FRONT, "afmt": notetype.BACK}],
        css=notetype.CSS,
    )


def package(deck: Deck, scratch: Path, *, now: float) -> bytes:
    """``deck`` as the bytes of an .apkg whose notes were last changed at ``now`` (seconds since
    the epoch): Anki updates a note it already has when the package's is newer."""
    model = _model()
    description = notetype.text(deck.description)
    anki_deck = genanki.Deck(notetype.deck_id(deck), notetype.deck_name(deck), description)
    for card in deck.cards:
        anki_deck.add_note(
            genanki.Note(
                model=model,
                fields=list(notetype.fields(card)),
                tags=list(notetype.tags(card)),
                guid=notetype.guid(card),
            )
        )
    collection = scratch / "collection.anki2"
    with closing(sqlite3.connect(collection)) as database:
        ids = itertools.count(int(now * 1000))  # note and card ids; Anki matches notes by GUID
        genanki.Package(anki_deck).write_to_db(database.cursor(), now, ids)
        database.commit()
    data = collection.read_bytes()
    collection.unlink()
    stamp = time.gmtime(now)[:6]  # the same package for the same deck and time
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as apkg:
        apkg.writestr(zipfile.ZipInfo("collection.anki2", stamp), data, zipfile.ZIP_DEFLATED)
        apkg.writestr(zipfile.ZipInfo("media", stamp), "{}", zipfile.ZIP_DEFLATED)
    return archive.getvalue()


def render(deck: Deck, scratch: Path) -> bytes:
    """The package, made now: importing it again later updates the notes it made."""
    return package(deck, scratch, now=time.time())


APKG = ExportFormat("apkg", ".apkg", "an Anki package", render)
