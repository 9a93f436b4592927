"""Where independent sources agree: matching statements and matching event frames.

Two attributed statements corroborate each other when their speakers are the same (the
same canonical, or one's name inside the other's source phrase), their contents share
enough stems after paraphrase folding (:mod:`warta.stories.synonyms`), and the articles
are independent (no shared outlet, relay or duplicate; see :mod:`warta.stories.evidence`).
An event told by frames from independent articles is corroborated too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from warta.stories.evidence import Member, independent_groups
from warta.stories.records import Corroboration, TimelineEntry
from warta.stories.synonyms import canonical_stems
from warta.stories.text import content_stems
from warta.stories.timeline import one_line

MIN_SHARED = 3
MIN_JACCARD = 0.2


@dataclass(slots=True)
class _Statement:
    member: Member
    index: int
    speaker: str | None
    group: frozenset[str]
    source_text: str
    content: str
    stems: frozenset[str]
    speaker_lower: str = field(init=False)
    source_lower: str = field(init=False)

    def __post_init__(self) -> None:
        self.speaker_lower = (self.speaker or "").lower()
        self.source_lower = self.source_text.lower()


def _statements(members: list[Member]) -> list[_Statement]:
    out: list[_Statement] = []
    for member in members:
        for i, a in enumerate(member.analysis.attributions):
            stems = frozenset(canonical_stems(content_stems(_without_names(member, a.content.start, a.content.end))))
            if stems:
                group = member.speaker_groups[i] if i < len(member.speaker_groups) else frozenset()
                out.append(_Statement(member, i, member.speaker(i), group, a.source.text, a.content.text, stems))
    return out


def _without_names(member: Member, start: int, end: int) -> str:
    """The text of [start, end) with entity names blanked: names say what a claim is about,
    not what it claims, and would make any two statements on one story look alike."""
    text = member.analysis.text
    chars = list(text[start:end])
    for e in member.analysis.entities:
        if start <= e.start and e.end <= end:
            chars[e.start - start : e.end - start] = " " * (e.end - e.start)
    return "".join(chars)


def _same_speaker(a: _Statement, b: _Statement) -> bool:
    if not a.speaker or not b.speaker:
        return False
    if a.group & b.group:
        return True
    return a.speaker_lower in b.source_lower or b.speaker_lower in a.source_lower


def _similar(a: _Statement, b: _Statement) -> bool:
    shared = len(a.stems & b.stems)
    return shared >= MIN_SHARED and shared / len(a.stems | b.stems) >= MIN_JACCARD


def statement_corroborations(members: list[Member]) -> list[Corroboration]:
    statements = _statements(members)
    parent = list(range(len(statements)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # Only pairs sharing MIN_SHARED stems can be similar: count shared stems through an
    # inverted index instead of testing every pair (a big story has thousands of statements).
    postings: dict[str, list[int]] = {}
    for i, statement in enumerate(statements):
        for stem in statement.stems:
            postings.setdefault(stem, []).append(i)
    for i, a in enumerate(statements):
        shared: dict[int, int] = {}
        for stem in a.stems:
            for j in postings[stem]:
                if j > i:
                    shared[j] = shared.get(j, 0) + 1
        for j, count in shared.items():
            if count < MIN_SHARED:
                continue
            b = statements[j]
            if a.member.id != b.member.id and _similar(a, b) and _same_speaker(a, b):
                parent[find(j)] = find(i)
    clusters: dict[int, list[_Statement]] = {}
    for i, s in enumerate(statements):
        clusters.setdefault(find(i), []).append(s)
    out: list[Corroboration] = []
    for cluster in clusters.values():
        channels = [s.member.channels(s.index) for s in cluster]
        if independent_groups(channels) < 2:
            continue  # one origin relayed (or duplicated) is not corroboration
        cluster.sort(key=lambda s: (s.member.reported or "", s.member.id, s.index))
        speaker = next(s.speaker for s in cluster if s.speaker)
        out.append(
            Corroboration(
                about=f"{speaker}: {one_line(cluster[0].content, 120)}",
                articles=_unique(s.member.id for s in cluster),
                outlets=_unique(s.member.article.outlet for s in cluster if s.member.article.outlet),
                attributed_to=_unique(s.speaker for s in cluster if s.speaker),
                kind="statement",
                sentences=_unique(s.content for s in cluster),
            )
        )
    return out


def event_corroborations(timeline: list[TimelineEntry], members: list[Member]) -> list[Corroboration]:
    by_id = {m.id: m for m in members}
    out: list[Corroboration] = []
    for entry in timeline:
        if entry.type is None:
            continue
        articles = _unique(s.article for s in entry.sources)
        if len(articles) < 2:
            continue
        if independent_groups(by_id[a].article_channels() for a in articles if a in by_id) < 2:
            continue
        out.append(
            Corroboration(
                about=f"{entry.type} {entry.date}: {entry.text}",
                articles=articles,
                outlets=_unique(s.outlet for s in entry.sources if s.outlet),
                attributed_to=_unique(s.attributed_to for s in entry.sources if s.attributed_to),
                kind="event",
                sentences=_unique(s.sentence for s in entry.sources),
            )
        )
    return out


def _unique(items: Iterable[str | None]) -> list[str]:
    out: list[str] = []
    for item in items:
        if item and item not in out:
            out.append(item)
    return out


def find_corroborations(members: list[Member], timeline: list[TimelineEntry]) -> list[Corroboration]:
    return statement_corroborations(members) + event_corroborations(timeline, members)
