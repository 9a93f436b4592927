"""Keeps the stored stories in step with the stored articles (the reduce step's I/O side).

The clustering and story building are pure (:mod:`warta.stories`); this module reads their
inputs from the store and writes their outputs back, inside the caller's transaction. The
story index stays in memory for a whole ingest; what is persisted is only its small part
(stories, anchors, reference frequencies): the per-article features live in the analyses
table, so a batch never rewrites the features of every article stored before it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from warta.model import Analysis, Article
from warta.store import Store

# Term weights use document frequencies frozen at the last recluster; once the collection
# has grown by this factor since then, the frequencies are stale and the ingest ends by
# reclustering (story ids derive from each story's first article, so they mostly survive).
RECLUSTER_GROWTH = 2.0
# Small collections too: without reference frequencies every word weighs alike, and a name
# most articles share ("Indonesia") links unrelated ones.
RECLUSTER_MIN_ARTICLES = 2
# Story-state rows: one per story (members and anchor), one for the reference frequencies.
STORY_PREFIX = "story:"
STATE_VERSION = 4
REFERENCE_KEY = "reference"


class StoryKeeper:
    """The story index of one ingest session, loaded once and saved after every batch."""

    def __init__(self, store: Store, *, pending: bool = False) -> None:
        self.store = store
        self._index: Any = None
        self._whole = True  # the next save writes the whole state
        # Articles were stored whose stories were left to the closing recluster (see add);
        # a keeper reloaded mid-ingest (another writer came in between) inherits it.
        self.pending = pending

    @property
    def index(self) -> Any:
        if self._index is None:
            from warta.stories import StoryIndex

            state = dict(self.store.get_story_state() or {})
            # Stored as rows (a key per story, one for the reference frequencies), or, as
            # older versions wrote it, all inside the one "index" state.
            self._whole = "stories" in state or not state
            if not self._whole:
                state["reference"] = self.store.get_story_state(REFERENCE_KEY) or {}
                rows = self.store.story_states(STORY_PREFIX)
                state["stories"] = {k[len(STORY_PREFIX):]: v["members"] for k, v in rows.items()}
                state["anchors"] = {k[len(STORY_PREFIX):]: v["anchor"] for k, v in rows.items()}
            state["articles"] = list(self.store.all_features().values())
            self._index = StoryIndex.from_state(state)
        return self._index

    def save(self) -> None:
        """Write what changed in the index: the stories touched and, after a recluster,
        the reference frequencies. The whole state is written only the first time (or
        over an older database's single state)."""
        index = self.index
        changes, reference_changed = index.take_changes()
        if self._whole or reference_changed:
            self.store.delete_story_states(STORY_PREFIX)
            changes = {sid: {"members": sorted(m), "anchor": index.anchor[sid]} for sid, m in index.members.items()}
            self.store.set_story_state(index.reference_state(), REFERENCE_KEY)
            self.store.set_story_state({"version": STATE_VERSION, "layout": "rows"})
            self._whole = False
        self.store.set_story_states({STORY_PREFIX + sid: row for sid, row in changes.items()})

    def add(self, added: list[tuple[Article, Analysis | None]], *, updated: set[str] | frozenset[str] = frozenset()) -> int:
        """Add newly stored articles (canonical and duplicates); returns the stories rewritten.

        ``updated`` are ids of articles that replaced a stored version: their stories are
        rewritten even when their membership did not change."""
        from warta.stories import extract_features

        index = self.index
        batch = []
        for article, analysis in added:
            if analysis is None:
                continue
            features = extract_features(article, analysis)
            self.store.save_analysis(analysis, features.to_dict())
            batch.append(features)
        if self.pending or self._recluster_due(extra=batch):
            # finish() will recluster and rewrite every story: the collection only grows
            # until then and the frequencies change only there, so this stays due. Placing
            # the articles in stories now, or writing the stories, would be work thrown away
            # (a first bulk ingest linked every article twice). Should the ingest stop before
            # finish, the next ingest that stores a batch (running the same one again does),
            # or ``warta recluster``, places and writes them.
            index.register(batch)
            self.pending = True
            self.save()
            return 0
        index.place()
        before = dict(index.story_of)
        index.add_many(batch)
        after = index.partition()
        changed = {a for a, s in after.items() if before.get(a) != s}
        affected = {after[a] for a in changed} | {before[a] for a in changed if a in before}
        affected |= {after[a] for a in updated if a in after}
        self.save()
        return _rewrite(self.store, after, affected, index.explain)

    def finish(self) -> int:
        """At the end of an ingest: recluster when the frequencies are stale; returns stories rewritten.

        Done once per ingest rather than per batch, so that one ingest of a set of articles
        ends in the same stories whatever order the articles came in.
        """
        if self._index is None and not self.pending:
            return 0
        # Pending: stories were left to this recluster, which must run even when a reload
        # (another writer came in between) dropped the index that knew it was due.
        return self.recluster() if self.pending or self._recluster_due() else 0

    @property
    def touched(self) -> bool:
        """Whether this ingest added to the stories or left them a recluster to do."""
        return self._index is not None or self.pending

    def _recluster_due(self, extra: list[Any] = ()) -> bool:  # type: ignore[assignment]
        """Whether the term frequencies are stale: the canonical articles (with ``extra``
        features about to be added) have grown by RECLUSTER_GROWTH since the last recluster
        (and number RECLUSTER_MIN_ARTICLES)."""
        features = self.index.features
        canonical = self.index.canonical_count
        for f in {f.id: f for f in extra}.values():
            old = features.get(f.id)
            canonical += (not f.duplicate_of) - (old is not None and not old.duplicate_of)
        return canonical >= RECLUSTER_MIN_ARTICLES and canonical >= RECLUSTER_GROWTH * max(self.index.reference_n, 1)

    def recluster(self) -> int:
        """Recluster every analysed article from scratch and rewrite every story."""
        index = self.index
        index.recluster(list(index.features.values()))
        partition = index.partition()
        self.store.delete_stories(self.store.story_ids())
        self.save()
        self.pending = False
        return _rewrite(self.store, partition, set(partition.values()), index.explain)


def rebuild_all(store: Store) -> int:
    """Recluster every stored article from scratch (``warta recluster``)."""
    return StoryKeeper(store).recluster()


def _rewrite(
    store: Store, partition: dict[str, str], affected: set[str], explain: Callable[[str], dict] | None = None
) -> int:
    from warta.stories import build_story

    now = datetime.now(UTC).isoformat(timespec="seconds")
    members: dict[str, list[str]] = {}
    for article_id, story_id in partition.items():
        members.setdefault(story_id, []).append(article_id)
    gone = [s for s in affected if s not in members]
    store.delete_stories(gone)
    for story_id in sorted(affected - set(gone)):
        ids = sorted(members[story_id])
        articles = store.get_articles(ids)
        analyses = store.get_analyses(articles)
        pairs = [(a, analyses[a.id]) for a in articles if a.id in analyses]
        story = build_story(story_id, pairs, explain(story_id) if explain else None)
        store.save_story(story.to_dict(), updated_at=now)
        store.set_memberships({a: story_id for a in ids})
    return len(affected) - len(gone)
