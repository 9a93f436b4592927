"""Typed records, one per concept, with a JSON round-trip and a generated JSON Schema.

Records are plain slotted dataclasses: cheap to build, picklable for process pools and
Dask, and described to JSON Schema by pydantic's TypeAdapter without a runtime cost.
Every record turns into a JSON-ready dict with ``to_dict`` and back with ``from_dict``.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal, TypeVar

T = TypeVar("T", bound="Record")


_SCALARS = frozenset({str, int, float, bool, type(None)})
# Per class: its dataclass field names, or None for a class that is no dataclass. Looked up
# once per class: an analysis holds thousands of small records, and dataclasses.fields()
# rebuilds its tuple at every call.
_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def _field_names(cls: type) -> tuple[str, ...] | None:
    if cls not in _FIELD_NAMES:
        _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None
    return _FIELD_NAMES[cls]


def _to_jsonable(value: Any) -> Any:
    cls = type(value)
    if cls in _SCALARS:
        return value
    names = _field_names(cls)  # a dataclass instance (a dataclass class is of type ``type``)
    if names is not None:
        return {name: _to_jsonable(getattr(value, name)) for name in names}
    if isinstance(value, (list, tuple)):
        return [_to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _to_jsonable(v) for k, v in value.items()}
    return value


class Record:
    """Mixin: JSON round-trip for the dataclasses below."""

    # Fields holding nested records, by name: the class of each item (or of the value).
    _nested: ClassVar[dict[str, type]] = {}

    def to_dict(self) -> dict[str, Any]:
        return _to_jsonable(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=False)

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        kwargs: dict[str, Any] = {}
        for key, value in data.items():
            if key not in names:
                continue
            nested = cls._nested.get(key)
            if nested is not None and value is not None:
                if isinstance(value, list):
                    value = [nested.from_dict(v) if isinstance(v, dict) else v for v in value]
                elif isinstance(value, dict):
                    value = nested.from_dict(value)
            kwargs[key] = value
        return cls(**kwargs)

    @classmethod
    def from_json(cls: type[T], text: str) -> T:
        return cls.from_dict(json.loads(text))


@dataclass(slots=True)
class Span(Record):
    """A piece of an article's cleaned text: ``text == article.text[start:end]``."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class RelatedLink(Record):
    """A link the portal put inside the body ("Baca Juga: ...") and cleaning took out."""

    title: str
    url: str | None = None


@dataclass(slots=True)
class Article(Record):
    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    # ISO 8601 (date or datetime) or None; ``published_inferred`` is true when warta read it
    # from the text rather than being told, and ``published_confidence`` says how sure it is.
    published: str | None = None
    published_inferred: bool = False
    published_confidence: float | None = None
    # Where the date came from: "given" (the input said so), "metadata" (the page's meta tags,
    # JSON-LD or header <time>), "url" (a date in the address), "page" (the date written by
    # the headline), "text" (inferred from the body), or None when there is no date.
    published_source: str | None = None
    language: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    related: list[RelatedLink] = field(default_factory=list)
    dateline_place: str | None = None
    # What the page is: "article" (written text), "photo" (a photo page: its caption is the
    # text) or "gallery" (several photos: their captions, in order, are the text).
    kind: Literal["article", "photo", "gallery"] = "article"
    source_path: str | None = None
    ingested_at: str | None = None
    # Dedup: the canonical article this one duplicates (None for a canonical article).
    duplicate_of: str | None = None
    content_hash: str | None = None

    _nested: ClassVar[dict[str, type]] = {"related": RelatedLink}


@dataclass(slots=True)
class Sentence(Record):
    start: int
    end: int


@dataclass(slots=True)
class Timex(Record):
    """A TIMEX3 time expression: type DATE|TIME|DURATION|SET, value, optional modifier."""

    text: str
    start: int
    end: int
    type: str
    value: str
    mod: str | None = None
    # How a value that hangs on the narration was anchored: "narrated" (the day the article
    # was telling, from an earlier date), "speech" (the day a quoted speaker spoke), "dct"
    # (no day in reach: the publication day, low confidence). None: the words fix it.
    anchor: str | None = None


@dataclass(slots=True)
class Entity(Record):
    """One mention of a named entity; ``canonical`` links mentions within and across articles."""

    text: str
    start: int
    end: int
    type: str  # PER | ORG | LOC
    canonical: str
    lat: float | None = None
    lon: float | None = None


@dataclass(slots=True)
class Quantity(Record):
    text: str
    start: int
    end: int
    value: float | None
    unit: str | None
    # e.g. {"value": 59.5, "unit": "km/h"} for "37 mph"; {"value": 3.2e12, "unit": "IDR"}.
    normalized: dict[str, Any] | None = None
    mod: str | None = None  # APPROX | MORE_THAN | LESS_THAN | UP_TO


@dataclass(slots=True)
class Source(Record):
    """Who a statement is attributed to."""

    text: str
    start: int
    end: int
    canonical: str | None = None


@dataclass(slots=True)
class Attribution(Record):
    source: Source
    cue: Span
    content: Span
    direct: bool = False
    via: list[str] = field(default_factory=list)  # relay chain, outermost first
    hedged: bool = False

    _nested: ClassVar[dict[str, type]] = {"source": Source, "cue": Span, "content": Span}


@dataclass(slots=True)
class EventTime(Record):
    text: str
    value: str
    type: str = "DATE"
    mod: str | None = None


@dataclass(slots=True)
class Event(Record):
    """An event frame: who did what, where and when, as one sentence reports it."""

    trigger: Span
    type: str  # movement | meeting | visit | statement | test | agreement | sanction | ...
    participants: list[str] = field(default_factory=list)  # canonical entity names
    place: str | None = None  # canonical place name
    time: EventTime | None = None
    hedged: bool = False
    expected: bool = False  # reported as expected / planned rather than happened
    attribution: int | None = None  # index into the article's attributions
    sentence: int = 0  # index into the article's sentences

    _nested: ClassVar[dict[str, type]] = {"trigger": Span, "time": EventTime}


@dataclass(slots=True)
class ClaimValue(Record):
    """A claimed value: a number with its unit and stated precision, or a time.

    ``low``/``high`` bound what the words allow: "Rp3.482" is exact (low == high), "sekitar
    400" spans 360..440, "lebih dari 300" has no ``high``. Numbers are in ``unit``, the base
    unit of their ``dimension`` (person, IDR, km, %); times are TIMEX3 values.
    """

    kind: str  # number | time
    dimension: str  # count | money | percent | length | speed | ... | time
    precision: str  # exact | rounded | approx | lower_bound | upper_bound | range | vague
    number: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    timex: str | None = None  # kind == "time": the TIMEX3 value (clock times may carry an offset)
    granularity: str | None = None  # kind == "time": day | daypart | time | week | month | ...
    # kind == "time": whether the words name the day ("Senin pukul 06.17") or only a clock
    # time or part of day that the time engine anchored ("pukul 06.17"): compare what is said.
    day_stated: bool = True


@dataclass(slots=True)
class Claim(Record):
    """One value an article states for a measure of something: the unit of agreement.

    ``measure`` names an entry of the measure table (``data/claims/measures.json``) or, for a
    counted thing no entry names, ``count:<noun>``; ``attribute`` is the coarser name that
    entry reports under (``contact_lost_time`` -> ``event_time``).
    """

    measure: str
    attribute: str
    value: ClaimValue
    span: Span  # the words that state the value
    cue: Span | None = None  # the predicate or noun that says what the value measures
    sentence: int = 0
    subjects: list[str] = field(default_factory=list)  # named persons/organisations in the clause
    qualifiers: dict[str, str] = field(default_factory=dict)  # place, role
    time_scope: str | None = None  # the moment the value holds for (TIMEX3), when the text says
    modality: str = "asserted"  # asserted | expected | hedged | denied
    revised: bool = False  # told as a change ("bertambah menjadi", "rose to")
    attribution: int | None = None  # index into the article's attributions
    source: str | None = None
    via: list[str] = field(default_factory=list)

    _nested: ClassVar[dict[str, type]] = {"value": ClaimValue, "span": Span, "cue": Span}


@dataclass(slots=True)
class Analysis(Record):
    """Everything per-article analysis finds; a pure function of the article."""

    id: str
    published: str | None
    language: str | None
    text: str
    sentences: list[Sentence] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    _nested: ClassVar[dict[str, type]] = {
        "sentences": Sentence,
        "timexes": Timex,
        "entities": Entity,
        "quantities": Quantity,
        "attributions": Attribution,
        "events": Event,
        "claims": Claim,
    }


RECORD_TYPES: dict[str, type] = {
    "Article": Article,
    "Analysis": Analysis,
    "Timex": Timex,
    "Entity": Entity,
    "Quantity": Quantity,
    "Attribution": Attribution,
    "Event": Event,
    "Claim": Claim,
}


def json_schema() -> dict[str, Any]:
    """JSON Schema of every record type, generated from the dataclasses above."""
    from pydantic import TypeAdapter

    defs: dict[str, Any] = {}
    for name, cls in RECORD_TYPES.items():
        schema = TypeAdapter(cls).json_schema(ref_template="#/$defs/{model}")
        defs.update(schema.pop("$defs", {}))
        defs[name] = schema
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "warta records",
        "$defs": defs,
    }
