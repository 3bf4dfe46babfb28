"""QTI for Canvas: the package read back from its zip, its manifest followed to the assessment,
and every item read as the question the deck makes."""

from __future__ import annotations

import dataclasses
import io
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from purgequiz.cli import main
from purgequiz.decks.model import Card, Deck
from purgequiz.export.qti import qti_package
from tests.export import expected
from tests.export.conftest import AWKWARD
from tests.export.htmltext import paragraphs, text_of

QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
MANIFEST = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"
CANVAS = "{http://canvas.instructure.com/xsd/cccv1p0}"
CANVAS_TYPES = {
    "multichoice": "multiple_choice_question",
    "truefalse": "true_false_question",
    "shortanswer": "short_answer_question",
    "numerical": "numerical_question",
    "matching": "matching_question",
    "ordering": "matching_question",  # Canvas has no ordering question
    "essay": "essay_question",
}


def _q(path: str) -> str:
    """An ElementTree path in the QTI namespace: 'a/b' → '{ns}a/{ns}b'."""
    return "/".join(part if part in (".", "..") else QTI + part for part in path.split("/"))


def _package(data: bytes) -> tuple[ET.Element, ET.Element]:
    """The assessment and its Canvas settings, found as Canvas finds them: through the
    manifest."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = set(package.namelist())
        manifest = ET.fromstring(package.read("imsmanifest.xml"))
        resources = {r.get("identifier"): r for r in manifest.iter(f"{MANIFEST}resource")}
        (test,) = [r for r in resources.values() if r.get("type") == "imsqti_xmlv1p2"]
        (file,) = test.findall(f"{MANIFEST}file")
        assert file.get("href") in names
        (dependency,) = test.findall(f"{MANIFEST}dependency")
        settings = resources[dependency.get("identifierref")]
        assert settings.get("href") in names
        assessment = ET.fromstring(package.read(str(file.get("href"))))
        meta = ET.fromstring(package.read(str(settings.get("href"))))
    assert assessment.tag == f"{QTI}questestinterop"
    assert meta.tag == f"{CANVAS}quiz"
    return assessment, meta


def _items(deck: Deck) -> dict[str, ET.Element]:
    """The deck's items by their titles (the cards' ids)."""
    assessment, _ = _package(qti_package(deck))
    items = assessment.findall(_q("assessment/section/item"))
    assert len(items) == len(deck.cards)
    return {str(item.get("title")): item for item in items}


def _material(element: ET.Element) -> str:
    (text,) = element.findall(_q("material/mattext"))
    assert text.get("texttype") == "text/html"
    return text.text or ""


def _feedback(item: ET.Element, ident: str) -> list[str]:
    (found,) = [f for f in item.findall(_q("itemfeedback")) if f.get("ident") == ident]
    (flow,) = found.findall(_q("flow_mat"))
    return paragraphs(_material(flow))


def _shown_feedback(item: ET.Element) -> dict[str, str]:
    """For each answer (or 'any' for every answer), the feedback shown for it."""
    shown = {}
    for condition in item.findall(_q("resprocessing/respcondition")):
        link = condition.find(_q("displayfeedback"))
        if link is None:
            continue
        assert condition.get("continue") == "Yes"
        test = condition.find(_q("conditionvar/varequal"))
        shown["any" if test is None else str(test.text)] = str(link.get("linkrefid"))
    return shown


def _full_marks(item: ET.Element) -> ET.Element:
    """The test of the one condition that gives full marks."""
    (condition,) = [
        c
        for c in item.findall(_q("resprocessing/respcondition"))
        if c.findtext(_q("setvar")) == "100"
    ]
    assert condition.get("continue") == "No"
    test = condition.find(_q("conditionvar"))
    assert test is not None
    return test


def _check(item: ET.Element, card: Card) -> None:
    kind = expected.kind(card)
    fields = {
        f.findtext(_q("fieldlabel")): f.findtext(_q("fieldentry"))
        for f in item.findall(_q("itemmetadata/qtimetadata/qtimetadatafield"))
    }
    assert fields["question_type"] == CANVAS_TYPES[kind]
    assert fields["points_possible"] == "1"
    (presentation,) = item.findall(_q("presentation"))
    assert text_of(_material(presentation)) == card.prompt.strip()
    shown = _shown_feedback(item)
    assert _feedback(item, shown.pop("any")) == expected.general(card)
    if kind in ("multichoice", "truefalse"):
        labels = {
            str(label.get("ident")): text_of(_material(label))
            for label in presentation.findall(_q("response_lid/render_choice/response_label"))
        }
        assert fields["original_answer_ids"] == ",".join(labels)
        right = labels[str(_full_marks(item).findtext(_q("varequal")))]
        if kind == "truefalse":
            assert set(labels.values()) == {"True", "False"}
            assert right == str(card.truth)
        else:
            assert set(labels.values()) == set(card.choices) | {card.answer}
            assert right == card.answer
            rebutted = {i: t for i, t in labels.items() if card.rebuttal(t) is not None}
            assert set(shown) == set(rebutted)
            for ident, text in rebutted.items():
                assert _feedback(item, shown[ident]) == expected.why(card.rebuttal(text))
    elif kind == "shortanswer":
        spellings = [v.text for v in _full_marks(item).findall(_q("varequal"))]
        assert spellings == list(dict.fromkeys((card.answer, *card.accept)))
    elif kind == "numerical":
        test = _full_marks(item)
        low = float(test.findtext(_q("vargte")) or test.findtext(_q("or/and/vargte")) or "")
        high = float(test.findtext(_q("varlte")) or test.findtext(_q("or/and/varlte")) or "")
        if low == high:
            assert float(test.findtext(_q("or/varequal")) or "") == low
        assert expected.written(low, high, card.answer)
        assert expected.plain(low, high) in card.accept
    elif kind in ("matching", "ordering"):
        pairs = []
        lids = presentation.findall(_q("response_lid"))
        assert fields["original_answer_ids"] == ",".join(
            str(lid.get("ident")).removeprefix("response_") for lid in lids
        )
        marks = {
            c.find(_q("conditionvar/varequal")): c.findtext(_q("setvar"))
            for c in item.findall(_q("resprocessing/respcondition"))
            if c.find(_q("setvar")) is not None
        }
        for lid in lids:
            rights = {
                str(label.get("ident")): str(label.findtext(_q("material/mattext")))
                for label in lid.findall(_q("render_choice/response_label"))
            }
            (test,) = [t for t in marks if t is not None and t.get("respident") == lid.get("ident")]
            assert marks[test] == f"{100 / len(lids):.2f}"
            pairs.append((text_of(_material(lid)), rights[str(test.text)]))
        if kind == "ordering":
            assert pairs == expected.places(card)
        else:
            assert pairs == list(zip(card.items, card.matches, strict=True))
    else:
        assert not item.findall(_q("resprocessing/respcondition/setvar"))  # graded by hand


def test_each_awkward_card_reads_back_as_its_item(awkward_deck: Deck) -> None:
    """Every card of the deck whose texts hold markup, specials, quotes, tabs, line breaks
    and Cyrillic reads back with every text as the deck has it."""
    items = _items(awkward_deck)
    for card in awkward_deck.cards:
        _check(items[card.id], card)


def test_the_shipped_deck_reads_back_card_by_card(shipped_deck: Deck) -> None:
    """All 223 cards of the largest deck read back, each as the item the deck makes."""
    items = _items(shipped_deck)
    for card in shipped_deck.cards:
        _check(items[card.id], card)


def test_a_matching_shows_both_sides_as_they_are(awkward_deck: Deck) -> None:
    """Both sides of a matching question, markup and specials in them, read back as the
    deck has them: the left as HTML, the right as plain text, as Canvas shows it."""
    matching = awkward_deck.cards[5]
    card = dataclasses.replace(matching, matches=tuple(f"{m} {AWKWARD}" for m in matching.matches))
    items = _items(dataclasses.replace(awkward_deck, cards=(card,)))
    _check(items[card.id], card)


def test_identifiers_follow_the_cards(shipped_deck: Deck) -> None:
    """An item's identifier, and its answers', come from its card, not its place: the
    same deck makes the same package, and a card keeps its identifiers when the deck's
    order changes; no two items share one."""
    assert qti_package(shipped_deck) == qti_package(shipped_deck)
    reordered = dataclasses.replace(shipped_deck, cards=tuple(reversed(shipped_deck.cards)))

    def idents(deck: Deck) -> dict[str, list[str | None]]:
        """Each item's identifier, then those of its responses and answers."""
        return {
            title: [element.get("ident") for element in item.iter()]
            for title, item in _items(deck).items()
        }

    assert idents(reordered) == idents(shipped_deck)
    items = _items(shipped_deck).values()
    assert len({item.get("ident") for item in items}) == len(shipped_deck.cards)


def test_the_settings_name_the_quiz(shipped_deck: Deck) -> None:
    """Canvas's settings give the deck's title, one point a question, answers shuffled."""
    assessment, meta = _package(qti_package(shipped_deck))
    assert meta.findtext(f"{CANVAS}title") == shipped_deck.title
    assert meta.findtext(f"{CANVAS}points_possible") == f"{len(shipped_deck.cards)}.0"
    assert meta.findtext(f"{CANVAS}shuffle_answers") == "true"
    (test,) = assessment.findall(_q("assessment"))
    assert test.get("title") == shipped_deck.title


def test_export_writes_a_qti_package(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`purgequiz export DECK --format qti -o PATH` writes the deck as a QTI package."""
    out = tmp_path / "figures.zip"
    assert main(["export", "figures", "--format", "qti", "-o", str(out)]) == 0
    assert capsys.readouterr().out == (
        f"Wrote {out}: Figures and statistics, 26 cards as a QTI package for Canvas.\n"
    )
    assessment, _ = _package(out.read_bytes())
    assert len(assessment.findall(_q("assessment/section/item"))) == 26


def test_the_qti_ending_chooses_the_format(tmp_path: Path) -> None:
    """An output named *.qti.zip is written as a QTI package without --format."""
    out = tmp_path / "army.qti.zip"
    assert main(["export", "army-purge", "-o", str(out)]) == 0
    assert _package(out.read_bytes())
