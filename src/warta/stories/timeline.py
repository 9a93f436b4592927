"""Consolidated timeline: event frames of every member merged when they tell the same event.

Two frames are the *same event* when they have the same type, overlapping participants
(or none named), compatible places and compatible times. Each merged group becomes one
entry with all its supporting sentences. Dated sentences that carry no event frame become
background entries (type None), merged across articles when they say the same thing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from warta.model import Event, Timex
from warta.stories.evidence import Member
from warta.stories.places import places_compatible
from warta.stories.records import TimelineEntry, TimelineSource
from warta.stories.text import content_stems
from warta.stories.timevalues import compatible, is_dated, precision, sort_key, span_days

MAX_TEXT = 180
BACKGROUND_SIMILARITY = 0.3  # stem Jaccard above which two dated sentences are one fact
SAME_WORDING = 0.3  # stem Jaccard that lets frames without named participants merge


@dataclass(slots=True)
class Frame:
    """One event frame with where it came from."""

    member: Member
    event: Event
    sentence: str
    stems: frozenset[str]
    # Read from the event once: every frame of a story is compared with every other.
    value: str | None = field(init=False)  # its time when that names a calendar span ("FUTURE_REF" does not)
    participants: frozenset[str] = field(init=False)
    places: frozenset[str] = field(init=False)  # its place, if it names one

    def __post_init__(self) -> None:
        value = self.event.time.value if self.event.time else None
        self.value = value if value and is_dated(value) else None
        self.participants = frozenset(self.event.participants)
        self.places = frozenset({self.event.place} if self.event.place else ())


@dataclass(slots=True)
class EventGroup:
    frames: list[Frame] = field(default_factory=list)

    @property
    def type(self) -> str:
        return self.frames[0].event.type

    @property
    def article_ids(self) -> set[str]:
        return {f.member.id for f in self.frames}

    @property
    def participants(self) -> set[str]:
        return {p for f in self.frames for p in f.event.participants}

    @property
    def places(self) -> set[str]:
        return {f.event.place for f in self.frames if f.event.place}

    @property
    def values(self) -> list[str]:
        return [v for f in self.frames if (v := f.value)]

    def best_value(self) -> str | None:
        """The most precise value its frames give (ties: the most reported, then earliest)."""
        values = self.values
        if not values:
            return None
        counts: dict[str, int] = defaultdict(int)
        for v in values:
            counts[v] += 1
        return min(counts, key=lambda v: (span_days(v), -counts[v], sort_key(v)))

    @property
    def stems(self) -> frozenset[str]:
        return frozenset().union(*(f.stems for f in self.frames))


# "JAKARTA, Harian Selat - ": a shouted place, an outlet name, a dash.
_PLACE_OUTLET_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{2,30},\s+[A-Z][\w.&' ]{1,30}?\s+[-–—]{1,2}\s+(?=\S)")


def without_dateline(text: str) -> str:
    """``text`` without a leading dateline ("JAKARTA, Harian Selat - ")."""
    try:
        from warta.clean.datelines import find_dateline

        dateline = find_dateline(text)
        if dateline:
            return text[dateline.end :]
    except ImportError:  # cleaning is optional for the reduce step
        pass
    return _PLACE_OUTLET_DATELINE.sub("", text, count=1)


def one_line(text: str, limit: int = MAX_TEXT) -> str:
    """A display line: one paragraph, no dateline, cut at a word near ``limit``."""
    text = " ".join(without_dateline(text.strip()).split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def frames_of(members: list[Member]) -> list[Frame]:
    out: list[Frame] = []
    for member in members:
        for event in member.analysis.events:
            sentence = member.sentence_text(event.sentence) or event.trigger.text
            out.append(Frame(member, event, sentence, frozenset(content_stems(sentence))))
    return out


def participants_overlap(a: set[str], b: set[str]) -> bool:
    return not a or not b or bool(a & b)


def same_event(a: Frame, b: Frame) -> bool:
    if a.event.type != b.event.type or a.event.expected != b.event.expected:
        return False  # a plan and a report that it happened are compared, not merged
    pa, pb = a.participants, b.participants
    if pa and pb and not pa & pb:
        return False
    if not places_compatible(a.places, b.places):
        return False
    if pa and pb and a.value and b.value:
        return compatible(a.value, b.value)  # named on both sides and dated: the wording is not asked
    similarity = _jaccard(a.stems, b.stems)
    # Without named participants on both sides, the wording must vouch for the match.
    if (not pa or not pb) and similarity < SAME_WORDING:
        return False
    if a.value and b.value:
        return compatible(a.value, b.value)
    # Undated frames join a dated one only when the sentences say much the same.
    return similarity >= 0.5


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def group_events(frames: list[Frame]) -> list[EventGroup]:
    """Union the frames that tell the same event (order-independent single linkage).

    A frame pair only links when both times are compatible with each other; a group may
    still hold a month and two days inside it, which is fine: none contradicts another.
    """
    parent = list(range(len(frames)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    values_of: dict[int, set[str]] = {i: ({f.value} if f.value else set()) for i, f in enumerate(frames)}
    # same_event needs one type and one plan/report side: compare only within those blocks,
    # in the same (i, j) order as over all pairs, so the result is the same.
    blocks: dict[tuple[str, bool], list[int]] = defaultdict(list)
    for i, frame in enumerate(frames):
        blocks[(frame.event.type, bool(frame.event.expected))].append(i)
    place: dict[int, tuple[list[int], int]] = {}
    for members in blocks.values():
        for position, i in enumerate(members):
            place[i] = (members, position)
    for i in range(len(frames)):
        members, position = place[i]
        for j in members[position + 1 :]:
            ri, rj = find(i), find(j)
            if ri == rj or not same_event(frames[i], frames[j]):
                continue  # frames already in one group need no comparison
            # Never merge groups whose times contradict each other.
            if all(compatible(x, y) for x in values_of[ri] for y in values_of[rj]):
                parent[rj] = ri
                values_of[ri] |= values_of.pop(rj)
    groups: dict[int, EventGroup] = defaultdict(EventGroup)
    for i, frame in enumerate(frames):
        groups[find(i)].frames.append(frame)
    return list(groups.values())


def _source(member: Member, sentence: str, attribution: int | None) -> TimelineSource:
    return TimelineSource(
        article=member.id,
        sentence=sentence,
        attributed_to=member.speaker(attribution),
        outlet=member.article.outlet,
        reported=member.reported,
    )


def _entry_id(date: str, kind: str, text: str) -> str:
    import hashlib

    digest = hashlib.sha1(f"{date}|{kind}|{text}".encode()).hexdigest()[:10]
    return f"t-{digest}"


def event_entry(group: EventGroup) -> TimelineEntry | None:
    value = group.best_value()
    if value is None or not is_dated(value):
        return None
    frames = sorted(group.frames, key=lambda f: (f.member.reported or "", f.member.id, f.event.sentence))
    sources: list[TimelineSource] = []
    seen: set[tuple[str, str]] = set()
    for f in frames:
        key = (f.member.id, f.sentence)
        if key in seen:
            continue
        seen.add(key)
        attribution = f.event.attribution
        if attribution is None:
            attribution = f.member.attribution_for_sentence(f.event.sentence)
        sources.append(_source(f.member, f.sentence, attribution))
    mods = {f.event.time.mod for f in frames if f.event.time and f.event.time.value == value}
    place = sorted(group.places)[0] if group.places else None
    text = one_line(frames[0].sentence)
    return TimelineEntry(
        id=_entry_id(value, group.type, text),
        date=value,
        precision=precision(value),
        text=text,
        expected=all(f.event.expected for f in frames),
        hedged=all(f.event.hedged for f in frames),
        type=group.type,
        place=place,
        mod=next(iter(mods)) if len(mods) == 1 else None,
        participants=sorted(group.participants),
        sources=sources,
    )


def background_entries(members: list[Member], covered: set[tuple[str, int]]) -> list[TimelineEntry]:
    """Dated sentences without an event frame, merged across articles when alike."""
    facts: list[tuple[str, str | None, Member, int, str, frozenset[str]]] = []
    for member in members:
        # One fact per sentence, dated by its most explicit (longest) expression.
        best: dict[int, Timex] = {}
        for timex in member.analysis.timexes:
            if timex.type not in ("DATE", "TIME") or not is_dated(timex.value):
                continue
            index = member.sentence_index_at(timex.start)
            if index < 0 or (member.id, index) in covered:
                continue
            if index not in best or len(timex.text) > len(best[index].text):
                best[index] = timex
        for index, timex in sorted(best.items()):
            sentence = member.sentence_text(index)
            facts.append((timex.value, timex.mod, member, index, sentence, frozenset(content_stems(sentence))))
    merged: list[list[tuple[str, str | None, Member, int, str, frozenset[str]]]] = []
    for fact in sorted(facts, key=lambda f: (sort_key(f[0]), f[2].reported or "", f[2].id, f[3])):
        for group in merged:
            head = group[0]
            if head[0] == fact[0] and _jaccard(head[5], fact[5]) >= BACKGROUND_SIMILARITY:
                if all((g[2].id, g[3]) != (fact[2].id, fact[3]) for g in group):
                    group.append(fact)
                break
            if head[0] == fact[0] and head[2].id == fact[2].id and head[3] == fact[3]:
                break
        else:
            merged.append([fact])
    entries: list[TimelineEntry] = []
    for group in merged:
        value, mod, member, _index, sentence, _stems = group[0]
        sources = [_source(m, s, m.attribution_for_sentence(i)) for _v, _m, m, i, s, _st in group]
        text = one_line(sentence)
        entries.append(
            TimelineEntry(
                id=_entry_id(value, "background", text),
                date=value,
                precision=precision(value),
                text=text,
                expected=False,
                hedged=False,
                type=None,
                mod=mod,
                sources=sources,
            )
        )
    return entries


def _one_entry_per_sentence(entries: list[TimelineEntry]) -> list[TimelineEntry]:
    """Frames of several types read from one sentence at one date make a single line."""
    kept: dict[tuple[str, str, str], TimelineEntry] = {}
    ranked = sorted(entries, key=lambda e: (-len(e.sources), -len(e.participants), e.type or "", e.id))
    for entry in ranked:
        head = entry.sources[0]
        key = (entry.date, head.article, head.sentence)
        if key not in kept:
            kept[key] = entry
    return list(kept.values())


def build_timeline(members: list[Member]) -> tuple[list[TimelineEntry], list[EventGroup]]:
    """The story's timeline (chronological) and the event groups behind it."""
    frames = frames_of(members)
    groups = group_events(frames)
    entries = _one_entry_per_sentence([e for g in groups if (e := event_entry(g)) is not None])
    covered = {(f.member.id, f.event.sentence) for f in frames if f.value}
    entries += background_entries(members, covered)
    entries.sort(key=lambda e: (sort_key(e.date), e.type is None, e.text))
    return entries, groups
