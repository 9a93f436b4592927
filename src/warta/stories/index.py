"""Incremental story clustering: articles linked by similarity, stories as linked groups.

Two articles are *linked* when :func:`~warta.stories.similarity.link_score` reaches the
threshold; a story is a connected group of linked articles (single linkage), and a
duplicate is also linked to its canonical article.

Links are computed with the index's *reference* document frequencies, which only
:meth:`StoryIndex.recluster` sets (they are part of the state). Between two reclusters a
link therefore depends on the two articles alone, never on what else has arrived, and a
story is a connected component of a fixed graph: every arrival order of the same articles
gives the same partition. An index that never reclustered weighs all terms alike.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from warta.stories.features import StoryFeatures
from warta.stories.similarity import LINK_THRESHOLD, feature_keys, link_score, normalized, weighted_vector

STATE_VERSION = 2
# Retrieval skips keys found in more than this share of the reference articles (when
# there are enough of them): they carry no signal and would make retrieval quadratic.
MAX_KEY_SHARE = 0.3
MIN_REFERENCE_DOCS = 20
# Articles are retrieved through their entities and heaviest terms only; two articles are
# candidates when they share one of these (symmetric, and fixed between reclusters).
RETRIEVAL_TERMS = 30


def story_id_for(first_article_id: str) -> str:
    """A story's id, derived from its first member by (published, id)."""
    return f"story-{first_article_id}"


class StoryIndex:
    """Stories over the articles added so far; persist it with :meth:`to_state`."""

    def __init__(self) -> None:
        self.features: dict[str, StoryFeatures] = {}
        self.story_of: dict[str, str] = {}
        self.members: dict[str, set[str]] = {}
        self.anchor: dict[str, str] = {}  # story id -> the article its id was derived from
        self.reference_df: dict[str, int] = {}
        self.reference_n = 0
        self._postings: dict[str, set[str]] = defaultdict(set)
        self._duplicates: dict[str, set[str]] = defaultdict(set)  # canonical -> its duplicates
        self._vectors: dict[str, dict[str, float]] = {}

    # -- persistence -------------------------------------------------------------------
    @classmethod
    def from_state(cls, state: dict[str, Any] | None) -> StoryIndex:
        index = cls()
        if not state:
            return index
        reference = state.get("reference") or {}
        index.reference_df = {k: int(v) for k, v in (reference.get("df") or {}).items()}
        index.reference_n = int(reference.get("n") or 0)
        for data in state.get("articles", []):
            index._register(StoryFeatures.from_dict(data))
        anchors = state.get("anchors", {})
        for story_id, member_ids in state.get("stories", {}).items():
            present = {m for m in member_ids if m in index.features}
            if not present:
                continue
            index.members[story_id] = present
            anchor = anchors.get(story_id)
            index.anchor[story_id] = anchor if anchor in index.features else index._first(present)
            for member in present:
                index.story_of[member] = story_id
        for article_id in sorted(index.features):
            if article_id not in index.story_of:  # listed but in no story: place it now
                index._link_in(article_id)
        return index

    def to_state(self) -> dict[str, Any]:
        """JSON-able state: features, stories with their anchors, reference frequencies."""
        return {
            "version": STATE_VERSION,
            "reference": {"n": self.reference_n, "df": dict(sorted(self.reference_df.items()))},
            "articles": [self.features[k].to_dict() for k in sorted(self.features)],
            "stories": {sid: sorted(m) for sid, m in sorted(self.members.items())},
            "anchors": dict(sorted(self.anchor.items())),
        }

    # -- queries ---------------------------------------------------------------------------
    def partition(self) -> dict[str, str]:
        """article id -> story id."""
        return dict(self.story_of)

    def stories(self) -> dict[str, list[str]]:
        """story id -> member article ids, sorted by (published, id)."""
        return {
            sid: sorted(members, key=lambda m: self.features[m].order_key())
            for sid, members in self.members.items()
        }

    # -- building --------------------------------------------------------------------------
    def add(self, features: StoryFeatures) -> str:
        """Add (or replace) one article; return the id of the story it now belongs to."""
        if features.id in self.features:
            self._remove(features.id)
        self._register(features)
        return self._link_in(features.id)

    def recluster(self, features_list: Iterable[StoryFeatures]) -> dict[str, str]:
        """Rebuild every story from scratch, with reference frequencies from these articles.

        Story ids derive from each story's first member by (published, id).
        """
        features_list = list(features_list)
        self.__init__()  # type: ignore[misc]
        df: dict[str, int] = defaultdict(int)
        for features in features_list:
            if not features.duplicate_of:
                for key in set(feature_keys(features)):
                    df[key] += 1
        self.reference_df = dict(df)
        self.reference_n = sum(1 for f in features_list if not f.duplicate_of)
        for features in features_list:
            self._register(features)
        for component in self._components(set(self.features)):
            self._new_story(component)
        return self.partition()

    # -- internals -------------------------------------------------------------------------
    def _first(self, ids: Iterable[str]) -> str:
        return min(ids, key=lambda m: self.features[m].order_key())

    def _register(self, features: StoryFeatures) -> None:
        self.features[features.id] = features
        self._vectors.pop(features.id, None)
        for key in self._retrieval_keys(features.id):
            self._postings[key].add(features.id)
        if features.duplicate_of:
            self._duplicates[features.duplicate_of].add(features.id)

    def _vector(self, article_id: str) -> dict[str, float]:
        vector = self._vectors.get(article_id)
        if vector is None:
            vector = normalized(weighted_vector(self.features[article_id], self.reference_df, self.reference_n))
            self._vectors[article_id] = vector
        return vector

    def _too_common(self, key: str) -> bool:
        if self.reference_n < MIN_REFERENCE_DOCS:
            return False
        return self.reference_df.get(key, 0) > MAX_KEY_SHARE * self.reference_n

    def _retrieval_keys(self, article_id: str) -> list[str]:
        features = self.features[article_id]
        vector = self._vector(article_id)
        terms = sorted(features.terms, key=lambda t: (-vector.get(t, 0.0), t))[:RETRIEVAL_TERMS]
        return terms + [k for k in feature_keys(features) if k not in features.terms]

    def _candidates(self, article_id: str) -> set[str]:
        """Articles sharing a retrieval key with this one (a symmetric relation)."""
        out: set[str] = set()
        for key in self._retrieval_keys(article_id):
            if not self._too_common(key):
                out |= self._postings.get(key, set())
        out.discard(article_id)
        return out

    def _forced_links(self, article_id: str) -> set[str]:
        """A duplicate and its canonical are linked whatever their wording."""
        features = self.features[article_id]
        linked = {d for d in self._duplicates.get(article_id, set()) if d in self.features}
        if features.duplicate_of and features.duplicate_of in self.features:
            linked.add(features.duplicate_of)
        return linked

    def _linked(self, a: str, b: str) -> bool:
        score = link_score(self.features[a], self.features[b], self._vector(a), self._vector(b), unit_vectors=True)
        return score >= LINK_THRESHOLD

    def _link_in(self, article_id: str) -> str:
        """Put a registered article into the story of everything it links to (merging them)."""
        linked_stories = {self.story_of[m] for m in self._forced_links(article_id) if m in self.story_of}
        # One link into a story is enough: skip the rest of a story once it is linked.
        for other in sorted(self._candidates(article_id)):
            story = self.story_of.get(other)
            if story is None or story in linked_stories:
                continue
            if self._linked(article_id, other):
                linked_stories.add(story)
        if not linked_stories:
            return self._new_story({article_id})
        # The surviving id is the one anchored on the earliest article.
        keep = min(linked_stories, key=lambda sid: (self.features[self.anchor[sid]].order_key(), sid))
        for sid in linked_stories - {keep}:
            for member in self.members.pop(sid):
                self.story_of[member] = keep
                self.members[keep].add(member)
            self.anchor.pop(sid, None)
        self.members[keep].add(article_id)
        self.story_of[article_id] = keep
        return keep

    def _new_story(self, component: set[str]) -> str:
        first = self._first(component)
        story_id = story_id_for(first)
        suffix = 2
        while story_id in self.members:
            story_id = f"{story_id_for(first)}-{suffix}"
            suffix += 1
        self.members[story_id] = set(component)
        self.anchor[story_id] = first
        for member in component:
            self.story_of[member] = story_id
        return story_id

    def _remove(self, article_id: str) -> None:
        """Take an article out; its story is re-resolved, since it may have held it together."""
        old = self.features[article_id]
        story = self.story_of.pop(article_id, None)
        for key in self._retrieval_keys(article_id):
            self._postings[key].discard(article_id)
        if old.duplicate_of:
            self._duplicates[old.duplicate_of].discard(article_id)
        del self.features[article_id]
        self._vectors.pop(article_id, None)
        if story is None:
            return
        rest = self.members.pop(story) - {article_id}
        anchor = self.anchor.pop(story, None)
        if not rest:
            return
        components = sorted(self._components(rest), key=lambda c: self.features[self._first(c)].order_key())
        # The part holding the old anchor (else the earliest part) keeps the story's id.
        keeper = next((c for c in components if anchor in c), components[0])
        self.members[story] = keeper
        self.anchor[story] = anchor if anchor in keeper else self._first(keeper)
        for member in keeper:
            self.story_of[member] = story
        for component in components:
            if component is not keeper:
                self._new_story(component)

    def _components(self, pool: set[str]) -> list[set[str]]:
        parent = {m: m for m in pool}

        def find(x: str) -> str:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        def union(a: str, b: str) -> None:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)

        for member in sorted(pool):
            for other in self._forced_links(member) & pool:
                union(member, other)
            # Candidates and links are symmetric: each pair is scored once, from its smaller id.
            for other in sorted(o for o in self._candidates(member) & pool if o > member):
                # Pairs already joined need no score: the partition is all that matters.
                if find(member) != find(other) and self._linked(member, other):
                    union(member, other)
        groups: dict[str, set[str]] = defaultdict(set)
        for member in pool:
            groups[find(member)].add(member)
        return list(groups.values())
