"""A deck as a QTI 1.2 package, the zip Canvas imports as a quiz (Settings → Import course
content → QTI .zip file).

The package holds ``imsmanifest.xml``, which names the assessment file and its Canvas
settings file (``assessment_meta.xml``), and the assessment, a ``<questestinterop>`` of one
``<item>`` per card, asked as :mod:`purgequiz.export.quizkinds` decides and typed for Canvas
in its ``question_type`` field: ``multiple_choice_question``, ``true_false_question``,
``short_answer_question``, ``numerical_question``, ``matching_question`` and
``essay_question``. Canvas has no ordering question: an ordering card is a matching question
whose events are each matched with their place in the order.

Every identifier is derived from the deck's or the card's id (and a choice's from its card's
id and text), so the same deck always makes the same package. Texts Canvas shows as HTML are
HTML-escaped; a matching question's right-hand side is plain text.
"""

from __future__ import annotations

import hashlib
import io
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from purgequiz.decks.model import Card, Deck
from purgequiz.export import quizkinds as qk
from purgequiz.export.formats import ExportFormat

__all__ = [
    "FORMAT",
    "assessment_id",
    "assessment_meta",
    "assessment_xml",
    "item_id",
    "manifest",
    "qti_package",
    "render",
]

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
MANIFEST_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
CANVAS_NS = "http://canvas.instructure.com/xsd/cccv1p0"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_IMSMD = "http://www.imsglobal.org/xsd/imsmd_v1p2"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the same bytes for the same deck

_CANVAS_TYPE: dict[qk.QuizKind, str] = {
    "multichoice": "multiple_choice_question",
    "truefalse": "true_false_question",
    "shortanswer": "short_answer_question",
    "numerical": "numerical_question",
    "matching": "matching_question",
    "ordering": "matching_question",
    "essay": "essay_question",
}


def _digest(*parts: str) -> bytes:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).digest()


def assessment_id(deck: Deck) -> str:
    return f"purgequiz-{_digest('deck', deck.id).hex()[:20]}"


def item_id(card: Card) -> str:
    return f"card-{_digest('card', card.id).hex()[:20]}"


def _answer_ids(card: Card, texts: list[str]) -> list[str]:
    """A number for each of a card's answers (as Canvas numbers them), from the card's id
    and the answer's text, different within the card."""
    ids: list[str] = []
    for text in texts:
        salt = 0
        while True:
            digest = _digest("answer", card.id, text, str(salt))
            number = str(100_000_000 + int.from_bytes(digest[:4], "big") % 900_000_000)
            if number not in ids:
                break
            salt += 1
        ids.append(number)
    return ids


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def _material(parent: ET.Element, text: str, kind: str = "text/html") -> None:
    _sub(_sub(parent, "material"), "mattext", text, texttype=kind)


def _metadata(item: ET.Element, fields: dict[str, str]) -> None:
    meta = _sub(_sub(item, "itemmetadata"), "qtimetadata")
    for label, entry in fields.items():
        field = _sub(meta, "qtimetadatafield")
        _sub(field, "fieldlabel", label)
        _sub(field, "fieldentry", entry)


def _feedback(item: ET.Element, ident: str, paragraphs: list[str]) -> None:
    flow = _sub(_sub(item, "itemfeedback", ident=ident), "flow_mat")
    _material(flow, qk.paragraphs_html(paragraphs))


def _show(processing: ET.Element, feedback: str, respident: str = "", answer: str = "") -> None:
    """A condition that shows ``feedback`` (for any answer, or for ``answer``), and goes on."""
    condition = _sub(processing, "respcondition", **{"continue": "Yes"})
    test = _sub(condition, "conditionvar")
    if answer:
        _sub(test, "varequal", answer, respident=respident)
    else:
        _sub(test, "other")
    _sub(condition, "displayfeedback", feedbacktype="Response", linkrefid=feedback)


def _right(processing: ET.Element) -> ET.Element:
    """A condition that gives full marks when its test holds; the test is filled in."""
    condition = _sub(processing, "respcondition", **{"continue": "No"})
    test = _sub(condition, "conditionvar")
    _sub(condition, "setvar", "100", action="Set", varname="SCORE")
    return test


def _fill_in(presentation: ET.Element, decimal: bool = False) -> None:
    response = _sub(presentation, "response_str", ident="response1", rcardinality="Single")
    fib = _sub(response, "render_fib", **({"fibtype": "Decimal"} if decimal else {}))
    _sub(fib, "response_label", ident="answer1", **({} if decimal else {"rshuffle": "No"}))


def _item(section: ET.Element, card: Card) -> None:
    kind = qk.kind_of(card)
    ident = item_id(card)
    item = _sub(section, "item", ident=ident, title=qk.shown(card.id))
    general = qk.feedback_paragraphs(card)
    pairs: list[tuple[str, str]] = []
    rights: list[str] = []  # a matching's right-hand sides, each once
    answer_ids: list[str] = []  # the choices', or a matching's left-hand sides'
    right_ids: list[str] = []
    if kind == "multichoice":
        picks = list(qk.choices(card))
        answer_ids = _answer_ids(card, [c.text for c in picks])
    elif kind == "truefalse":
        answer_ids = _answer_ids(card, ["True", "False"])
    elif kind in ("matching", "ordering"):
        pairs = list(qk.pairs(card))
        rights = list(dict.fromkeys(right for _, right in pairs))
        lefts = [f"left\x1f{place}\x1f{left}" for place, (left, _) in enumerate(pairs)]
        ids = _answer_ids(card, lefts + [f"right\x1f{right}" for right in rights])
        answer_ids, right_ids = ids[: len(lefts)], ids[len(lefts) :]
    _metadata(
        item,
        {
            "question_type": _CANVAS_TYPE[kind],
            "points_possible": "1",
            "original_answer_ids": ",".join(answer_ids),
            "assessment_question_identifierref": f"{ident}-bank",
        },
    )

    presentation = _sub(item, "presentation")
    _material(presentation, f"<div>{qk.as_html(card.prompt)}</div>")
    if kind in ("matching", "ordering"):
        for answer, (left, _) in zip(answer_ids, pairs, strict=True):
            response = _sub(presentation, "response_lid", ident=f"response_{answer}")
            _material(response, qk.as_html(left))
            choice = _sub(response, "render_choice")
            for match, right in zip(right_ids, rights, strict=True):
                label = _sub(choice, "response_label", ident=match)
                _material(label, qk.shown(right), "text/plain")
    elif kind in ("multichoice", "truefalse"):
        texts = [c.text for c in picks] if kind == "multichoice" else ["True", "False"]
        response = _sub(presentation, "response_lid", ident="response1", rcardinality="Single")
        choice = _sub(response, "render_choice")
        for answer, text in zip(answer_ids, texts, strict=True):
            _material(_sub(choice, "response_label", ident=answer), qk.as_html(text))
    else:
        _fill_in(presentation, decimal=kind == "numerical")

    processing = _sub(item, "resprocessing")
    outcomes = _sub(processing, "outcomes")
    _sub(outcomes, "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    if general:
        _show(processing, "general_fb")
    rebutted: list[tuple[str, list[str]]] = []
    if kind == "multichoice":
        for answer, pick in zip(answer_ids, picks, strict=True):
            why = qk.rebuttal_paragraphs(pick.rebuttal)
            if why:
                rebutted.append((answer, why))
                _show(processing, f"{answer}_fb", "response1", answer)
        right = next(a for a, p in zip(answer_ids, picks, strict=True) if p.correct)
        _sub(_right(processing), "varequal", right, respident="response1")
    elif kind == "truefalse":
        right = answer_ids[0] if card.truth else answer_ids[1]
        _sub(_right(processing), "varequal", right, respident="response1")
    elif kind == "shortanswer":
        test = _right(processing)
        for spelling in qk.spellings(card):
            _sub(test, "varequal", qk.shown(spelling).strip(), respident="response1")
    elif kind == "numerical":
        figure = qk.figure_answers(card)[0].figure
        low, high = qk.number(figure.low), qk.number(figure.high)
        test = _right(processing)
        if figure.is_range:
            _sub(test, "vargte", low, respident="response1")
            _sub(test, "varlte", high, respident="response1")
        else:
            either = _sub(test, "or")
            _sub(either, "varequal", low, respident="response1")
            both = _sub(either, "and")
            _sub(both, "vargte", low, respident="response1")
            _sub(both, "varlte", high, respident="response1")
    elif kind in ("matching", "ordering"):
        share = f"{100 / len(pairs):.2f}"
        match_of = dict(zip(rights, right_ids, strict=True))
        for answer, (_, right_text) in zip(answer_ids, pairs, strict=True):
            condition = _sub(processing, "respcondition")
            test = _sub(condition, "conditionvar")
            _sub(test, "varequal", match_of[right_text], respident=f"response_{answer}")
            _sub(condition, "setvar", share, varname="SCORE", action="Add")
    else:  # an essay: graded by the teacher
        _sub(_sub(_sub(processing, "respcondition", **{"continue": "No"}), "conditionvar"), "other")

    if general:
        _feedback(item, "general_fb", general)
    for answer, why in rebutted:
        _feedback(item, f"{answer}_fb", why)


def _namespaced(tag: str, namespace: str, **more: str) -> ET.Element:
    """A root element in ``namespace`` (written as its default namespace, with ``more``
    namespace declarations beside it)."""
    return ET.Element(tag, {"xmlns": namespace, **more})


def _xml(root: ET.Element) -> bytes:
    ET.indent(root)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data + b"\n"


def assessment_xml(deck: Deck) -> bytes:
    """The ``<questestinterop>``: one item per card, in the deck's order."""
    root = _namespaced(
        "questestinterop",
        QTI_NS,
        **{
            "xmlns:xsi": _XSI,
            "xsi:schemaLocation": f"{QTI_NS} http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd",
        },
    )
    assessment = _sub(root, "assessment", ident=assessment_id(deck), title=qk.shown(deck.title))
    field = _sub(_sub(assessment, "qtimetadata"), "qtimetadatafield")
    _sub(field, "fieldlabel", "cc_maxattempts")
    _sub(field, "fieldentry", "1")
    section = _sub(assessment, "section", ident="root_section")
    for card in deck.cards:
        _item(section, card)
    return _xml(root)


def assessment_meta(deck: Deck) -> bytes:
    """Canvas's settings for the quiz: its title and description, answers shuffled, the
    right answers shown after an attempt, one point a question, unpublished."""
    ident = assessment_id(deck)
    points = f"{len(deck.cards):.1f}"
    root = _namespaced(
        "quiz",
        CANVAS_NS,
        identifier=ident,
        **{
            "xmlns:xsi": _XSI,
            "xsi:schemaLocation": f"{CANVAS_NS} https://canvas.instructure.com/xsd/cccv1p0.xsd",
        },
    )
    _sub(root, "title", qk.shown(deck.title))
    _sub(root, "description", qk.paragraphs_html([deck.description]) if deck.description else "")
    for tag, value in (
        ("shuffle_answers", "true"),
        ("scoring_policy", "keep_highest"),
        ("quiz_type", "assignment"),
        ("points_possible", points),
        ("show_correct_answers", "true"),
        ("one_question_at_a_time", "false"),
        ("cant_go_back", "false"),
        ("available", "false"),
    ):
        _sub(root, tag, value)
    assignment = _sub(root, "assignment", identifier=f"{ident}-assignment")
    for tag, value in (
        ("title", qk.shown(deck.title)),
        ("workflow_state", "unpublished"),
        ("quiz_identifierref", ident),
        ("points_possible", points),
        ("grading_type", "points"),
        ("submission_types", "online_quiz"),
    ):
        _sub(assignment, tag, value)
    _sub(root, "assignment_group_identifierref", f"{ident}-group")
    return _xml(root)


def manifest(deck: Deck) -> bytes:
    """``imsmanifest.xml``: the assessment file, and the settings file it depends on."""
    ident = assessment_id(deck)
    root = _namespaced("manifest", MANIFEST_NS, identifier=f"{ident}-manifest")
    root.set("xmlns:imsmd", _IMSMD)
    metadata = _sub(root, "metadata")
    _sub(metadata, "schema", "IMS Content")
    _sub(metadata, "schemaversion", "1.1.3")
    title = _sub(_sub(_sub(metadata, "imsmd:lom"), "imsmd:general"), "imsmd:title")
    _sub(title, "imsmd:string", qk.shown(deck.title))
    _sub(root, "organizations")
    resources = _sub(root, "resources")
    resource = _sub(resources, "resource", identifier=ident, type="imsqti_xmlv1p2")
    _sub(resource, "file", href=f"{ident}/{ident}.xml")
    _sub(resource, "dependency", identifierref=f"{ident}-meta")
    settings = _sub(
        resources,
        "resource",
        identifier=f"{ident}-meta",
        type="associatedcontent/imscc_xmlv1p1/learning-application-resource",
        href=f"{ident}/assessment_meta.xml",
    )
    _sub(settings, "file", href=f"{ident}/assessment_meta.xml")
    return _xml(root)


def qti_package(deck: Deck) -> bytes:
    """The zip Canvas imports."""
    ident = assessment_id(deck)
    files = (
        ("imsmanifest.xml", manifest(deck)),
        ("non_cc_assessments/", b""),
        (f"{ident}/assessment_meta.xml", assessment_meta(deck)),
        (f"{ident}/{ident}.xml", assessment_xml(deck)),
    )
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as package:
        for name, data in files:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_STORED if name.endswith("/") else zipfile.ZIP_DEFLATED
            package.writestr(info, data)
    return stream.getvalue()


def render(deck: Deck, scratch: Path) -> bytes:
    return qti_package(deck)


FORMAT = ExportFormat("qti", ".qti.zip", "a QTI package for Canvas", render)
