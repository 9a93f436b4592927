"""The story record and its parts; ``Story.to_dict()`` is the story contract (issue 6 JSON)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from warta.model import Record


@dataclass(slots=True)
class StoryArticle(Record):
    id: str
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    duplicate_of: str | None = None
    # Why the article is in the story (StoryIndex.explain): its strongest tie to another
    # member ("with", "score", "threshold", "mean", "evidence"), "copy_of" or "alone".
    link: dict[str, Any] | None = None


@dataclass(slots=True)
class StoryEntity(Record):
    canonical: str
    type: str
    mentions: int = 0
    articles: list[str] = field(default_factory=list)
    lat: float | None = None
    lon: float | None = None


@dataclass(slots=True)
class TimelineSource(Record):
    article: str
    sentence: str
    attributed_to: str | None = None
    outlet: str | None = None
    reported: str | None = None  # the article's publication date


@dataclass(slots=True)
class TimelineEntry(Record):
    id: str
    date: str  # TIMEX3 value
    precision: str  # day | week | month | quarter | year | decade | century | time
    text: str
    expected: bool = False
    hedged: bool = False
    type: str | None = None  # event type; None for a dated background fact
    place: str | None = None
    mod: str | None = None
    participants: list[str] = field(default_factory=list)
    sources: list[TimelineSource] = field(default_factory=list)

    _nested: ClassVar[dict[str, type]] = {"sources": TimelineSource}


@dataclass(slots=True)
class ConflictValue(Record):
    value: str
    articles: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    attributed_to: list[str] = field(default_factory=list)
    reported: list[str] = field(default_factory=list)  # publication dates of the articles
    sentences: list[str] = field(default_factory=list)
    number: float | None = None  # quantity conflicts: the value as a number, in ``unit``
    unit: str | None = None


@dataclass(slots=True)
class Conflict(Record):
    """Sources that disagree. ``kind`` names the detector (see :mod:`warta.stories.conflicts`);
    ``attribute`` what is disputed (``deaths``, ``departure_time``), ``label`` the same in the
    story's language for a reader, and ``score`` how sure warta is that it is one thing
    reported two ways (0..1)."""

    about: str
    kind: str  # value | time | estimate
    values: list[ConflictValue] = field(default_factory=list)
    attribute: str | None = None
    label: str | None = None
    label_en: str | None = None
    score: float | None = None

    _nested: ClassVar[dict[str, type]] = {"values": ConflictValue}


@dataclass(slots=True)
class Corroboration(Record):
    about: str
    articles: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    attributed_to: list[str] = field(default_factory=list)
    kind: str = "statement"  # statement | event
    sentences: list[str] = field(default_factory=list)


@dataclass(slots=True)
class SummarySentence(Record):
    text: str
    article: str
    n: int = 0  # citation number: the 1-based index of the article in ``articles``


@dataclass(slots=True)
class Story(Record):
    id: str
    title: str
    summary: str
    articles: list[StoryArticle] = field(default_factory=list)
    entities: list[StoryEntity] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    attributions: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    corroborations: list[Corroboration] = field(default_factory=list)
    summary_sentences: list[SummarySentence] = field(default_factory=list)

    _nested: ClassVar[dict[str, type]] = {
        "articles": StoryArticle,
        "entities": StoryEntity,
        "timeline": TimelineEntry,
        "conflicts": Conflict,
        "corroborations": Corroboration,
        "summary_sentences": SummarySentence,
    }
