"""Keeps the stored stories in step with the stored articles (the reduce step's I/O side).

The clustering and story building are pure (:mod:`warta.stories`); this module reads their
inputs from the store and writes their outputs back, inside the caller's transaction.
"""

from __future__ import annotations

from datetime import UTC, datetime

from warta.model import Analysis, Article
from warta.store import Store


def update_stories(
    store: Store,
    added: list[tuple[Article, Analysis | None]],
    analyses: dict[str, Analysis],
) -> int:
    """Add newly stored articles (canonical and duplicates) to the stories; returns stories rewritten."""
    from warta.stories import StoryIndex, extract_features

    index = StoryIndex.from_state(store.get_story_state())
    before = index.partition()
    for article, analysis in added:
        analysis = analysis or analyses.get(article.id)
        if analysis is None:
            continue
        features = extract_features(article, analysis)
        store.save_analysis(analysis, features.to_dict())
        index.add(features)
    after = index.partition()
    changed = {a for a, s in after.items() if before.get(a) != s}
    affected = {after[a] for a in changed} | {before[a] for a in changed if a in before}
    store.set_story_state(index.to_state())
    return _rewrite(store, after, affected)


def rebuild_all(store: Store) -> int:
    """Recluster every analysed article from scratch and rewrite every story."""
    from warta.stories import StoryFeatures, StoryIndex

    features = [StoryFeatures.from_dict(f) for f in store.all_features().values()]
    index = StoryIndex()
    index.recluster(features)
    partition = index.partition()
    store.delete_stories(store.story_ids())
    store.set_story_state(index.to_state())
    return _rewrite(store, partition, set(partition.values()))


def _rewrite(store: Store, partition: dict[str, str], affected: set[str]) -> int:
    from warta.stories import build_story

    now = datetime.now(UTC).isoformat(timespec="seconds")
    members: dict[str, list[str]] = {}
    for article_id, story_id in partition.items():
        members.setdefault(story_id, []).append(article_id)
    gone = [s for s in affected if s not in members]
    store.delete_stories(gone)
    for story_id in sorted(affected - set(gone)):
        ids = sorted(members[story_id])
        pairs = []
        for article in store.get_articles(ids):
            analysis = store.get_analysis(article.id)
            if analysis is not None:
                pairs.append((article, analysis))
        story = build_story(story_id, pairs)
        store.save_story(story.to_dict(), updated_at=now)
        store.set_memberships({a: story_id for a in ids})
    return len(affected) - len(gone)
