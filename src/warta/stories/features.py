"""Compact per-article features for story clustering (the input of the reduce step).

A :class:`StoryFeatures` holds what clustering needs and nothing more: term counts,
canonical entity ids, event types and times, a date and the outlet, plus the article's
*main-event signature*: what its headline and lede report (terms, participants, places,
event types, day-precise dates), apart from the background the rest of the text recalls.
It is picklable and round-trips through JSON, so the map step can ship it between
processes and the store can keep it inside the index state.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from warta.dedup import canonical_url
from warta.model import Analysis, Article, Entity, Record
from warta.stories.places import is_country
from warta.stories.text import feature_terms

# Enough terms to describe an article; more only add noise and state size.
MAX_TERMS = 80
# The title says what the story is about: its words count this many times over.
TITLE_WEIGHT = 2
# The lede: the sentences that say what happened; later sentences are mostly background.
LEDE_SENTENCES = 2
# Below this many words an item is a teaser or a brief: it links only on strong evidence.
SHORT_WORDS = 90

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
# "Jakarta, Detak Berita - ", "AMBON, Kabar Maluku — ": a dateline the cleaner left in the
# text (it takes the usual forms off; these are looser). It says where the report was filed
# and by whom, neither of which is the event: a Jakarta newsroom is not a Jakarta event, and
# an outlet's name is shared by everything it publishes.
_LOOSE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}),\s*[A-Z][\w.&'’]*(?:\s+[A-Z][\w.&'’]*){0,3}\s+(?:--|[-–—])\s+(?=\S)"
)


@dataclass(slots=True)
class StoryFeatures(Record):
    id: str
    published: str | None = None  # YYYY-MM-DD: publication date, else the first full timex date
    outlet: str | None = None
    terms: dict[str, float] = field(default_factory=dict)  # stem -> sublinear term frequency
    entities: list[str] = field(default_factory=list)  # canonical ids, sorted
    event_types: list[str] = field(default_factory=list)  # sorted, unique
    event_times: list[str] = field(default_factory=list)  # TIMEX3 values, sorted, unique
    duplicate_of: str | None = None
    # The main-event signature: headline + lede only.
    main_terms: dict[str, float] = field(default_factory=dict)  # stem -> sublinear tf
    main_entities: list[str] = field(default_factory=list)  # canonical ids, sorted
    main_places: list[str] = field(default_factory=list)  # canonical LOC names, sorted
    main_types: list[str] = field(default_factory=list)  # event types of lede frames
    main_dates: list[str] = field(default_factory=list)  # YYYY-MM-DD the lede names
    words: int = 0  # length of the text, in words
    source: str | None = None  # canonical URL: one page seen twice is one source
    main_place: str | None = None  # the place the headline (else the lede) names first

    def order_key(self) -> tuple[str, str]:
        """Articles sort by (published, id); undated ones last."""
        return (self.published or "9999-99-99", self.id)


def _first_day(values: list[str]) -> str | None:
    for value in values:
        match = _DAY.match(value)
        if match:
            return match.group(0)
    return None


def find_dateline(text: str) -> tuple[int, str | None]:
    """(where the text starts after a leading dateline, the dateline's place): (0, None)
    when the text has no dateline."""
    head = text[:120]
    try:
        from warta.clean.datelines import find_dateline as find

        dateline = find(head)
        if dateline is not None:
            return dateline.end, dateline.place
    except ImportError:  # cleaning is optional for the reduce step
        pass
    match = _LOOSE_DATELINE.match(head)
    if not match:
        return 0, None
    place = match.group("place")
    return match.end(), place.title() if place.isupper() else place


# Words that say what kind of place a name is ("Kabupaten Garut" is "Garut" in a headline).
_PLACE_KINDS = re.compile(
    r"^(?:kabupaten|kab\.|kota|provinsi|kecamatan|desa|kelurahan|pulau|kepulauan|gunung|sungai|danau|teluk|selat)\s+",
    re.IGNORECASE,
)


def _names(entity: Entity) -> set[str]:
    """How a headline may name a place mention: as written, canonically, without its kind."""
    names = {entity.text, entity.canonical}
    return names | {_PLACE_KINDS.sub("", n) for n in names}


def _first_in(title: str, names: list[tuple[str, str]]) -> str | None:
    """The canonical name of whichever of ``names`` ((surface, canonical)) the title names first."""
    best: tuple[int, int, str] | None = None
    folded = title.casefold()
    for surface, canonical in names:
        found = re.search(r"(?<!\w)" + re.escape(surface.casefold()) + r"(?!\w)", folded)
        if found and (best is None or (found.start(), -len(surface)) < best[:2]):
            best = (found.start(), -len(surface), canonical)
    return best[2] if best else None


def extract_features(article: Article, analysis: Analysis) -> StoryFeatures:
    """Reduce one analysed article to the features story clustering reads."""
    text = analysis.text or article.text or ""
    skip, filed_at = find_dateline(text)
    counts: Counter[str] = Counter(feature_terms(text[skip:]))
    if article.title:
        for term in feature_terms(article.title):
            counts[term] += TITLE_WEIGHT
    top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:MAX_TERMS]
    terms = {term: round(1.0 + math.log(count), 4) for term, count in top}

    named = [e for e in analysis.entities if e.canonical and e.start >= skip]
    entities = sorted({e.canonical for e in named})
    event_types = sorted({e.type for e in analysis.events if e.type})
    event_times = sorted({e.time.value for e in analysis.events if e.time and e.time.value})
    sentences = analysis.sentences
    lede_end = sentences[min(LEDE_SENTENCES, len(sentences)) - 1].end if sentences else min(len(text), 400)
    main: Counter[str] = Counter(feature_terms(text[skip:lede_end]))
    if article.title:
        for term in feature_terms(article.title):
            main[term] += TITLE_WEIGHT
    main_terms = {term: round(1.0 + math.log(count), 4) for term, count in main.items()}
    lede_entities = [e for e in named if e.start < lede_end]
    lede_sentences = {i for i, s in enumerate(sentences) if s.start < lede_end}
    main_dates = sorted(
        {t.value[:10] for t in analysis.timexes if t.start < lede_end and t.value and _DAY.match(t.value)}
    )
    # The main event's place: the first the headline names. A country is left out: it is
    # too wide to place an event, and a headline names it as an actor ("Indonesia protests").
    places = [e for e in named if e.type == "LOC" and not is_country(e.canonical)]
    main_place = _first_in(article.title or "", [(name, e.canonical) for e in places for name in _names(e)])
    main_places = {e.canonical for e in lede_entities if e.type == "LOC"}
    if main_place:
        main_places.add(main_place)
    # Where the report was filed is often where it happened: the dateline's place counts
    # among the lede's places, though never as the main event's.
    for place in (filed_at, article.dateline_place):
        if place:
            main_places.add(place)
    published = None
    if article.published and _DAY.match(article.published):
        published = article.published[:10]
    else:
        dates = [t.value for t in analysis.timexes if t.type in ("DATE", "TIME")]
        published = _first_day(dates)
    return StoryFeatures(
        id=article.id,
        published=published,
        outlet=article.outlet,
        terms=terms,
        entities=entities,
        event_types=event_types,
        event_times=event_times,
        duplicate_of=article.duplicate_of,
        main_terms=main_terms,
        main_entities=sorted({e.canonical for e in lede_entities}),
        main_places=sorted(main_places),
        main_types=sorted({e.type for e in analysis.events if e.type and e.sentence in lede_sentences}),
        main_dates=main_dates,
        words=len(text.split()),
        source=canonical_url(article.url),
        main_place=main_place,
    )
