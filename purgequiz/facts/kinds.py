"""The fact kinds: one frozen dataclass each, registered by name in :data:`KINDS`.

A field typed ``Annotated[str, Ref(...)]`` names an entity (of the listed types, or any);
``Annotated[str, Link()]`` names another fact. A field with no default is required. Each
kind may add rules that tie its fields together in :meth:`problems`.

Text fields are written to read inside a question: a ``post`` after "as" ("head of the
General Staff"), a statistic's ``asks`` after "How many" or "What", a cause or an effect
as a noun phrase ("the growing gap between the commanders and Voroshilov").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, ClassVar

from purgequiz.facts.model import Fact, Link, Ref

__all__ = [
    "CHANGE_TYPES",
    "FATE_KINDS",
    "HAPPENINGS",
    "KINDS",
    "MOVED",
    "QUALIFIERS",
    "Appointment",
    "Arrest",
    "Assessment",
    "Bibliography",
    "Cause",
    "Conflict",
    "Consequence",
    "Death",
    "Decree",
    "Event",
    "Execution",
    "Fate",
    "Group",
    "InstitutionalChange",
    "Purge",
    "Quotation",
    "Removal",
    "Replacement",
    "Report",
    "Role",
    "Statistic",
    "Suicide",
    "Survival",
    "Trial",
]

Person = Annotated[str, Ref(("person",))]
People = tuple[Annotated[str, Ref(("person",))], ...]
AnyEntity = Annotated[str, Ref()]
Entities = tuple[Annotated[str, Ref()], ...]
Body = Annotated[str, Ref(("institution",))]
Place = Annotated[str, Ref(("place",))]
Collective = Annotated[str, Ref(("group",))]
Outlet = Annotated[str, Ref(("publication", "person", "institution"))]
FactId = Annotated[str, Link()]
FactIds = tuple[Annotated[str, Link()], ...]

CHANGE_TYPES = (
    "created",
    "abolished",
    "replaced",
    "divided",
    "renamed",
    "reorganised",
    "gained powers",
    "lost powers",
)
QUALIFIERS = ("over", "more than", "about", "at least", "approximately", "under", "fewer than")

Problems = list[tuple[str, str]]


# ----------------------------------------------------------------- posts


@dataclass(frozen=True, kw_only=True)
class Appointment(Fact):
    """X was appointed to post P (``date``: when)."""

    kind: ClassVar[str] = "appointment"
    person: Person
    post: str
    institution: AnyEntity | None = None
    appointed_by: AnyEntity | None = None


@dataclass(frozen=True, kw_only=True)
class Replacement(Fact):
    """X replaced Y in post P."""

    kind: ClassVar[str] = "replacement"
    person: Person
    replaced: Person
    post: str
    institution: AnyEntity | None = None


@dataclass(frozen=True, kw_only=True)
class Role(Fact):
    """X held post P (``date``, when given, is the period held). ``asks`` is a question in
    plain words answered by the post, for a post that no set of other posts would suit as
    wrong choices (one held long before the purges)."""

    kind: ClassVar[str] = "role"
    person: Person
    post: str
    institution: AnyEntity | None = None
    asks: str | None = None


@dataclass(frozen=True, kw_only=True)
class Removal(Fact):
    """X was removed from post P; ``afterwards`` says what became of them, if known."""

    kind: ClassVar[str] = "removal"
    person: Person
    post: str
    institution: AnyEntity | None = None
    afterwards: str | None = None


# ----------------------------------------------------------------- fates


@dataclass(frozen=True, kw_only=True)
class Fate(Fact):
    """What happened to named people, or to a group the source does not name one by one.

    ``detail`` tells it as the source does, as a verb phrase after the subject ("were still
    in prison awaiting sentence"), when the source says more than the bare fate. ``asks`` is
    the question that asks who met the fate, where the fate, place and date would not pick
    the person out as the source does (or would by a charge the source only reported)."""

    people: People = ()
    group: Collective | None = None
    count: int | None = None
    places: tuple[Place, ...] = ()
    detail: str | None = None
    asks: str | None = None

    def problems(self) -> Problems:
        if bool(self.people) == bool(self.group):
            return [("people", "name either people (a list of persons) or a group, not both")]
        return []


@dataclass(frozen=True, kw_only=True)
class Arrest(Fate):
    kind: ClassVar[str] = "arrest"
    charge: str | None = None


@dataclass(frozen=True, kw_only=True)
class Execution(Fate):
    kind: ClassVar[str] = "execution"


@dataclass(frozen=True, kw_only=True)
class Suicide(Fate):
    kind: ClassVar[str] = "suicide"


@dataclass(frozen=True, kw_only=True)
class Death(Fate):
    """A death that is neither an execution nor a suicide: ``cause`` says how."""

    kind: ClassVar[str] = "death"
    cause: str


@dataclass(frozen=True, kw_only=True)
class Survival(Fate):
    kind: ClassVar[str] = "survival"
    survived: str


# ----------------------------------------------------------------- trials, decrees, bodies


@dataclass(frozen=True, kw_only=True)
class Trial(Fact):
    kind: ClassVar[str] = "trial"
    name: str
    place: Place | None = None
    court: str | None = None
    accused: People = ()
    accused_count: int | None = None
    charges: str | None = None
    outcome: str | None = None


@dataclass(frozen=True, kw_only=True)
class Decree(Fact):
    """What a decree or resolution prohibited or required; ``applies_to`` narrows a fact to
    one provision ("the arrest of a deputy"), ``limits`` lists what it left untouched."""

    kind: ClassVar[str] = "decree"
    decree: Annotated[str, Ref(("decree",))]
    issued_by: Entities = ()
    prohibits: str | None = None
    requires: str | None = None
    penalty: str | None = None
    responsible: tuple[str, ...] = ()
    effects: tuple[str, ...] = ()
    limits: tuple[str, ...] = ()
    applies_to: str | None = None

    def problems(self) -> Problems:
        if not (self.prohibits or self.requires):
            return [("prohibits", "a decree needs at least one of prohibits, requires")]
        return []


@dataclass(frozen=True, kw_only=True)
class InstitutionalChange(Fact):
    """What happened to a body: ``change`` reads after "was" ("divided among several
    ministries"); ``type`` sorts it, so that a wrong answer is never another way of saying
    the same thing; ``asks`` is the question, for a change with no date to anchor it."""

    kind: ClassVar[str] = "institutional_change"
    institution: AnyEntity
    change: str
    type: str
    successor: AnyEntity | None = None
    asks: str | None = None

    def problems(self) -> Problems:
        if self.type not in CHANGE_TYPES:
            return [("type", f"{self.type!r} is not one of: {', '.join(CHANGE_TYPES)}")]
        return []


@dataclass(frozen=True, kw_only=True)
class Purge(Fact):
    """A purge reached these bodies; ``reached`` says whom within them, ``by`` who led it;
    ``asks`` is a question for all the bodies at once, when one picked out would be trivia."""

    kind: ClassVar[str] = "purge"
    targets: Entities
    reached: str | None = None
    by: Person | None = None
    asks: str | None = None


# ----------------------------------------------------------------- figures


@dataclass(frozen=True, kw_only=True)
class Statistic(Fact):
    """A figure, with the question it answers in plain words (``asks``).

    ``quantity`` is what is counted, written to follow the number ("executions on public
    record"); ``whole`` is the total a part is taken from. Figures of one table share a
    ``series``; each is a ``row`` (of a ``row_kind``: "rank", "year") and a ``column``."""

    kind: ClassVar[str] = "statistic"
    asks: str
    quantity: str
    unit: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None
    whole: float | None = None
    period: str | None = None
    computed_by: AnyEntity | None = None
    series: str | None = None
    row: str | None = None
    row_kind: str | None = None
    column: str | None = None

    def problems(self) -> Problems:
        has_value = self.value is not None
        has_range = self.low is not None or self.high is not None
        if has_value == has_range:
            return [("value", "give either value, or low and high")]
        if has_range and (self.low is None or self.high is None):
            return [("high" if self.low is not None else "low", "a range needs both low and high")]
        if self.low is not None and self.high is not None and self.low > self.high:
            return [("low", "low is greater than high")]
        if self.qualifier is not None and self.qualifier not in QUALIFIERS:
            return [("qualifier", f"{self.qualifier!r} is not one of: {', '.join(QUALIFIERS)}")]
        top = self.value if has_value else self.high
        if self.whole is not None and top is not None and top > self.whole:
            return [("whole", f"the whole ({self.whole:g}) is smaller than the figure")]
        if self.row is not None and self.series is None:
            return [("series", "a row belongs to a series (a table): give series too")]
        return []


# ----------------------------------------------------------------- words and readings


@dataclass(frozen=True, kw_only=True)
class Quotation(Fact):
    """What someone said, in our words (``gist``): never printed as a quotation. ``asks``
    is the question the gist answers, when the card should ask what was said rather than
    who said it."""

    kind: ClassVar[str] = "quotation"
    speaker: Person
    gist: str
    addressee: Person | None = None
    asks: str | None = None


@dataclass(frozen=True, kw_only=True)
class Report(Fact):
    """A paper, agency or writer reported something (``said``, a clause in our words)."""

    kind: ClassVar[str] = "report"
    outlet: Outlet
    said: str
    subject: AnyEntity | None = None


@dataclass(frozen=True, kw_only=True)
class Justification(Fact):
    """The official reason given for an action, by whom."""

    kind: ClassVar[str] = "justification"
    action: str
    reason: str
    given_by: AnyEntity | None = None
    of: FactId | None = None


@dataclass(frozen=True, kw_only=True)
class Assessment(Fact):
    """An author's reading or judgement of something; ``contests`` names an official
    justification it reads against."""

    kind: ClassVar[str] = "assessment"
    subject: str
    judgement: str
    asks: str | None = None
    about: AnyEntity | None = None
    of: FactId | None = None
    contests: FactId | None = None

    def problems(self) -> Problems:
        if self.attribution.is_record:
            return [("attribution", "an assessment is someone's reading: say whose")]
        return []


@dataclass(frozen=True, kw_only=True)
class Cause(Fact):
    """Why something happened, as someone argues it: ``cause`` led to ``effect``."""

    kind: ClassVar[str] = "cause"
    cause: str
    effect: str
    asks: str | None = None
    cause_fact: FactId | None = None
    effect_fact: FactId | None = None


@dataclass(frozen=True, kw_only=True)
class Consequence(Cause):
    """What followed from a happening: ``cause`` was followed by ``effect``."""

    kind: ClassVar[str] = "consequence"


@dataclass(frozen=True, kw_only=True)
class Conflict(Fact):
    """Two or more facts that give different accounts of one thing (``about``)."""

    kind: ClassVar[str] = "conflict"
    about: str
    accounts: FactIds
    subject: AnyEntity | None = None

    def problems(self) -> Problems:
        if len(set(self.accounts)) < 2:
            return [("accounts", "a conflict needs at least two different facts")]
        return []


# ----------------------------------------------------------------- sets and the rest


@dataclass(frozen=True, kw_only=True)
class Group(Fact):
    """Entities the source names together as one set, and what they share. With ``asks``
    the card asks for the members themselves, in the question written for it. ``others``
    says the source names them among others ("X, Y and others", "included X and Y"): the
    set is not closed, so no one may be offered as not belonging to it."""

    kind: ClassVar[str] = "group"
    label: str
    members: Entities
    property: str
    asks: str | None = None
    others: bool | None = None


@dataclass(frozen=True, kw_only=True)
class Event(Fact):
    """A happening that fits no other kind: ``what`` (a clause without its date) and when.
    ``subject`` names the entity that ``what`` begins with, so a question can ask who;
    ``asked`` is the happening as a question reads after "In which year" ("did Nazi
    Germany annex Austria"), so a question can ask when."""

    kind: ClassVar[str] = "event"
    what: str
    who: Entities = ()
    subject: AnyEntity | None = None
    place: Place | None = None
    asked: str | None = None

    def problems(self) -> Problems:
        if self.date is None:
            return [("date", "an event is a happening: give its date (or use another kind)")]
        return []


@dataclass(frozen=True, kw_only=True)
class Bibliography(Fact):
    """The works a footnote cites: kept for citations, never asked."""

    kind: ClassVar[str] = "bibliography"
    askable: ClassVar[bool] = False
    works: Entities
    on: str
    footnote: int | None = None


KINDS: dict[str, type[Fact]] = {
    cls.kind: cls
    for cls in (
        Appointment,
        Replacement,
        Role,
        Removal,
        Arrest,
        Execution,
        Suicide,
        Death,
        Survival,
        Trial,
        Decree,
        InstitutionalChange,
        Purge,
        Statistic,
        Quotation,
        Report,
        Justification,
        Assessment,
        Cause,
        Consequence,
        Conflict,
        Group,
        Event,
        Bibliography,
    )
}

FATE_KINDS = ("arrest", "execution", "suicide", "death", "survival")

# Kinds whose facts are happenings with a date of their own: the ones "when" and ordering
# questions may ask (a post held, a figure, a report or a reading is not a happening).
HAPPENINGS = (
    "appointment",
    "replacement",
    "removal",
    "arrest",
    "execution",
    "suicide",
    "death",
    "trial",
    "decree",
    "institutional_change",
    "purge",
    "event",
)

# What a fact file written for the first format has that this one moved, and where to.
MOVED: dict[tuple[str, str], str] = {
    **{
        (kind, "role"): "is now called 'post'" for kind in ("appointment", "replacement", "removal")
    },
    ("removal", "reason"): "the official reason is now a fact of its own, kind "
    "'justification' (action, reason, given_by)",
    **{
        (kind, "person"): "fates now name 'people' (a list of persons) or a 'group'"
        for kind in FATE_KINDS
    },
    ("survival", "context"): "is now called 'survived'",
    ("event", "participants"): "is now called 'who'; an event also needs 'what' and a date",
}
