"""Assemble one :class:`~warta.stories.records.Story` from its member articles."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from warta.model import Analysis, Article
from warta.stories.brief import centroid, story_title, summarize, summary_text
from warta.stories.conflicts import find_conflicts
from warta.stories.corroborations import find_corroborations
from warta.stories.evidence import Member, make_member
from warta.stories.records import Story, StoryArticle, StoryEntity
from warta.stories.timeline import build_timeline


def _order(members: list[tuple[Article, Analysis]]) -> list[tuple[Article, Analysis]]:
    return sorted(members, key=lambda m: (m[0].published or m[1].published or "9999", m[0].id))


def _entities(members: list[Member]) -> list[StoryEntity]:
    mentions: Counter[str] = Counter()
    types: dict[str, Counter[str]] = defaultdict(Counter)
    articles: dict[str, list[str]] = defaultdict(list)
    coords: dict[str, tuple[float, float]] = {}
    for member in members:
        for e in member.analysis.entities:
            key = e.canonical or e.text
            mentions[key] += 1
            types[key][e.type] += 1
            if member.id not in articles[key]:
                articles[key].append(member.id)
            if e.lat is not None and e.lon is not None and key not in coords:
                coords[key] = (e.lat, e.lon)
    out = []
    for key in sorted(mentions, key=lambda k: (-len(articles[k]), -mentions[k], k)):
        lat, lon = coords.get(key, (None, None))
        kind = min(types[key], key=lambda t: (-types[key][t], t))
        out.append(StoryEntity(canonical=key, type=kind, mentions=mentions[key], articles=articles[key], lat=lat, lon=lon))
    return out


def _attributions(members: list[Member]) -> list[dict]:
    out = []
    for member in members:
        for i, a in enumerate(member.analysis.attributions):
            item = a.to_dict()
            item["article"] = member.id
            item["speaker"] = member.speaker(i)
            out.append(item)
    return out


def build_story(
    story_id: str, members: list[tuple[Article, Analysis]], links: dict[str, dict[str, Any]] | None = None
) -> Story:
    """The story of ``members``: brief, entities, timeline, attributions, conflicts, agreements.

    ``links`` (``StoryIndex.explain(story_id)``) says why each article is in the story; it
    is shown as ``link`` on each entry of ``articles``."""
    wrapped = [make_member(article, analysis) for article, analysis in _order(members)]
    citation = {m.id: n for n, m in enumerate(wrapped, start=1)}
    ids = set(citation)
    # A duplicate of a fellow member repeats its evidence: it must not count twice.
    evidence = [m for m in wrapped if not (m.article.duplicate_of and m.article.duplicate_of in ids)]
    timeline, groups = build_timeline(evidence)
    center = centroid(evidence)
    summary = summarize(evidence, citation, center)
    return Story(
        id=story_id,
        title=story_title(evidence, center),
        summary=summary_text(summary),
        articles=[
            StoryArticle(
                id=m.id,
                outlet=m.article.outlet,
                title=m.article.title,
                published=m.article.published or m.analysis.published,
                url=m.article.url,
                duplicate_of=m.article.duplicate_of,
                link=(links or {}).get(m.id),
            )
            for m in wrapped
        ],
        entities=_entities(wrapped),
        timeline=timeline,
        attributions=_attributions(wrapped),
        conflicts=find_conflicts(evidence, groups),
        corroborations=find_corroborations(evidence, timeline),
        summary_sentences=summary,
    )
