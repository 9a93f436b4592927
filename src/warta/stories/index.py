"""Incremental story clustering: articles linked by similarity, stories as linked groups.

Two articles are *linked* when :func:`~warta.stories.similarity.link_score` reaches the
threshold; a story is a connected group of linked articles (single linkage), and a
duplicate is linked only to its canonical article. Because the partition is a property of
the link graph and not of the order articles came in, every arrival order gives the same
stories — as long as links do not change while articles arrive (see docs/stories.md).

On each :meth:`StoryIndex.add` the *neighbourhood* of the new article (the stories it links
to, grown by any story a member of them now links to) is re-resolved from scratch with the
current document frequencies, so a story can both grow and split as evidence arrives.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from warta.stories.features import StoryFeatures
from warta.stories.similarity import LINK_THRESHOLD, feature_keys, link_score, weighted_vector

STATE_VERSION = 1
# Candidate links come from shared keys; a key in more than this share of all articles
# (and more than a few) carries no signal and would make retrieval quadratic.
MAX_POSTING_SHARE = 0.3
MIN_POSTING_CAP = 50
# Safety bound on how many times one add may grow its neighbourhood.
MAX_EXPANSIONS = 8
# A neighbourhood larger than this is not re-resolved on add (that costs pool x candidates
# link checks); the new article just joins the stories it links to. ``recluster`` rebuilds.
RESOLVE_LIMIT = 150


def story_id_for(first_article_id: str) -> str:
    """A story's id, derived from its first member by (published, id)."""
    return f"story-{first_article_id}"


class StoryIndex:
    """Stories over the articles added so far; persist it with :meth:`to_state`."""

    def __init__(self) -> None:
        self.features: dict[str, StoryFeatures] = {}
        self.story_of: dict[str, str] = {}
        self.members: dict[str, set[str]] = {}
        self.df: dict[str, int] = defaultdict(int)
        self.n_docs = 0
        self._postings: dict[str, set[str]] = defaultdict(set)
        self._duplicates: dict[str, set[str]] = defaultdict(set)  # canonical -> its duplicates
        self._vectors: dict[str, dict[str, float]] = {}  # valid until frequencies change

    # -- persistence -------------------------------------------------------------------
    @classmethod
    def from_state(cls, state: dict[str, Any] | None) -> StoryIndex:
        index = cls()
        if not state:
            return index
        for data in state.get("articles", []):
            index._register(StoryFeatures.from_dict(data))
        for story_id, member_ids in state.get("stories", {}).items():
            present = {m for m in member_ids if m in index.features}
            if present:
                index.members[story_id] = present
                for member in present:
                    index.story_of[member] = story_id
        # Articles the state lists but no story holds get their own story.
        for article_id in index.features:
            if article_id not in index.story_of:
                index._assign([{article_id}])
        return index

    def to_state(self) -> dict[str, Any]:
        """JSON-able state: every article's features and each story's members."""
        return {
            "version": STATE_VERSION,
            "articles": [self.features[k].to_dict() for k in sorted(self.features)],
            "stories": {sid: sorted(m) for sid, m in sorted(self.members.items())},
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
            self._unregister(features.id)
        self._register(features)
        pool = {features.id}
        pool |= self._linked_ids(features.id)
        if len(pool) > RESOLVE_LIMIT:
            self._merge(pool)
        else:
            pool = self._grow(pool)
            self._resolve(pool)
        return self.story_of[features.id]

    def recluster(self, features_list: Iterable[StoryFeatures]) -> dict[str, str]:
        """Rebuild every story from scratch; return article id -> story id."""
        self.__init__()  # type: ignore[misc]
        for features in features_list:
            self._register(features)
        self.members.clear()
        self.story_of.clear()
        self._assign(self._components(set(self.features)))
        return self.partition()

    # -- internals -------------------------------------------------------------------------
    def _register(self, features: StoryFeatures) -> None:
        self.features[features.id] = features
        self._vectors.clear()
        # Duplicates are retrievable (an orphan duplicate stands for its unseen canonical)
        # but never counted in document frequencies.
        for key in feature_keys(features):
            self._postings[key].add(features.id)
        if features.duplicate_of:
            self._duplicates[features.duplicate_of].add(features.id)
            return
        self.n_docs += 1
        for key in feature_keys(features):
            self.df[key] += 1

    def _unregister(self, article_id: str) -> None:
        old = self.features.pop(article_id)
        self._vectors.clear()
        for key in feature_keys(old):
            self._postings[key].discard(article_id)
        if old.duplicate_of:
            self._duplicates[old.duplicate_of].discard(article_id)
        else:
            self.n_docs -= 1
            for key in feature_keys(old):
                self.df[key] -= 1
        story = self.story_of.pop(article_id, None)
        if story is not None:
            self.members[story].discard(article_id)
            if not self.members[story]:
                del self.members[story]

    def _vector(self, article_id: str) -> dict[str, float]:
        vector = self._vectors.get(article_id)
        if vector is None:
            vector = weighted_vector(self.features[article_id], self.df, self.n_docs)
            self._vectors[article_id] = vector
        return vector

    def _candidates(self, article_id: str) -> set[str]:
        """Articles sharing a key with this one, ignoring keys too common to mean anything.

        Sharing a key is symmetric, so if A retrieves B then B retrieves A.
        """
        cap = max(MIN_POSTING_CAP, int(MAX_POSTING_SHARE * self.n_docs))
        out: set[str] = set()
        for key in feature_keys(self.features[article_id]):
            posting = self._postings.get(key)
            if posting and len(posting) <= cap:
                out |= posting
        out.discard(article_id)
        return out

    def _links(self, article_id: str, among: set[str] | None = None) -> set[str]:
        """Articles linked to ``article_id`` (within ``among`` when given)."""
        features = self.features[article_id]
        if features.duplicate_of:
            canonical = features.duplicate_of
            linked = {canonical} if canonical in self.features else set()
            if not linked:  # canonical not seen yet: the duplicate stands for it
                linked = self._content_links(article_id, among)
            return linked | self._duplicates.get(article_id, set())
        linked = self._content_links(article_id, among)
        return linked | self._duplicates.get(article_id, set())

    def _content_links(self, article_id: str, among: set[str] | None) -> set[str]:
        features = self.features[article_id]
        candidates = self._candidates(article_id) if features.terms or features.entities else set()
        if among is not None:
            candidates &= among
        vector = self._vector(article_id)
        linked = set()
        for other in candidates:
            other_features = self.features[other]
            if other_features.duplicate_of and other_features.duplicate_of in self.features:
                continue  # a duplicate links only to its canonical
            if link_score(features, other_features, vector, self._vector(other)) >= LINK_THRESHOLD:
                linked.add(other)
        return linked

    def _linked_ids(self, article_id: str) -> set[str]:
        linked = self._links(article_id)
        stories = {self.story_of[m] for m in linked if m in self.story_of}
        out = set(linked)
        for story in stories:
            out |= self.members[story]
        return out

    def _merge(self, pool: set[str]) -> None:
        """Join everything in ``pool`` into one story, keeping the largest story's id."""
        old_ids = sorted(
            {self.story_of[m] for m in pool if m in self.story_of},
            key=lambda sid: (-len(self.members[sid]), sid),
        )
        story_id = old_ids[0] if old_ids else story_id_for(
            min(pool, key=lambda m: self.features[m].order_key())
        )
        merged: set[str] = set()
        for sid in old_ids:
            merged |= self.members.pop(sid)
        merged |= pool
        self.members[story_id] = merged
        for member in merged:
            self.story_of[member] = story_id

    def _grow(self, pool: set[str]) -> set[str]:
        """Add to ``pool`` every story one of its members now links to."""
        for _ in range(MAX_EXPANSIONS):
            if len(pool) > RESOLVE_LIMIT:
                break
            extra: set[str] = set()
            for member in pool:
                for other in self._links(member):
                    if other not in pool:
                        story = self.story_of.get(other)
                        extra |= self.members[story] if story else {other}
            if not extra:
                break
            pool |= extra
        return pool

    def _components(self, pool: set[str]) -> list[set[str]]:
        parent = {m: m for m in pool}

        def find(x: str) -> str:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for member in sorted(pool):
            for other in self._links(member, among=pool):
                ra, rb = find(member), find(other)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
        groups: dict[str, set[str]] = defaultdict(set)
        for member in pool:
            groups[find(member)].add(member)
        return list(groups.values())

    def _resolve(self, pool: set[str]) -> None:
        old_ids = {self.story_of[m] for m in pool if m in self.story_of}
        for story in old_ids:
            for member in self.members.pop(story, set()):
                if member not in pool:  # cannot happen: pools hold whole stories
                    pool.add(member)
        previous = {m: self.story_of.pop(m) for m in list(pool) if m in self.story_of}
        self._assign(self._components(pool), previous)

    def _assign(self, components: list[set[str]], previous: dict[str, str] | None = None) -> None:
        """Give each component a story id: the old id most of it carried, else a new one."""
        previous = previous or {}
        taken: set[str] = set()
        ordered = sorted(components, key=lambda c: (-len(c), min(self.features[m].order_key() for m in c)))
        for component in ordered:
            votes: dict[str, int] = defaultdict(int)
            for member in component:
                if member in previous:
                    votes[previous[member]] += 1
            choices = sorted((-n, sid) for sid, n in votes.items() if sid not in taken)
            if choices:
                story_id = choices[0][1]
            else:
                first = min(component, key=lambda m: self.features[m].order_key())
                story_id = story_id_for(first)
                suffix = 2
                while story_id in self.members or story_id in taken:
                    story_id = f"{story_id_for(first)}-{suffix}"
                    suffix += 1
            taken.add(story_id)
            self.members[story_id] = set(component)
            for member in component:
                self.story_of[member] = story_id
