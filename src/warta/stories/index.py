"""Incremental story clustering: a graph of linked articles, stories by average linkage.

Two articles are *linked* (an edge) when :func:`~warta.stories.similarity.link_score`
reaches :func:`~warta.stories.similarity.link_threshold`; a duplicate is also linked to
its canonical article, and two articles with the same canonical URL to each other. Within
each connected component of that graph, stories are made by average linkage: copies of
one page are one unit, units merge (best pair first) while the mean score over every pair
of their articles reaches :data:`~warta.stories.similarity.GROUP_THRESHOLD` and at least
one edge joins them. One strong pair between two stories is one pair among many: it no
longer merges them.

Scores are computed with the index's *reference* document frequencies, which only
:meth:`StoryIndex.recluster` sets (they are part of the state). Between two reclusters a
score therefore depends on the two articles alone, the graph is fixed, and grouping a
component is a deterministic function of its members: every arrival order of the same
articles gives the same partition. An index that never reclustered weighs all terms alike.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from warta.stories.features import StoryFeatures
from warta.stories.similarity import (
    ENTITY_PREFIX,
    GROUP_THRESHOLD,
    SHORT_MIN_SHARED,
    feature_keys,
    is_short,
    link_parts,
    link_score,
    link_threshold,
    main_vector,
    normalized,
    weighted_vector,
)

STATE_VERSION = 3
# Retrieval skips keys found in more than this share of the reference articles (when
# there are enough of them): they carry no signal and would make retrieval quadratic.
MAX_KEY_SHARE = 0.3
MIN_REFERENCE_DOCS = 20
# Two groups merge only when at least this share of their article pairs are links.
GROUP_LINK_SHARE = 0.5
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
        self._main_vectors: dict[str, dict[str, float]] = {}
        self._sources: dict[str, set[str]] = defaultdict(set)  # canonical URL -> articles
        self._edges: dict[str, set[str]] = {}  # article -> linked articles (filled on demand)
        self._scores: dict[tuple[str, str], float] = {}  # (a, b), a < b -> link score
        self._common: frozenset[str] | None = None

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
                index._regroup(index._component_of({article_id}))
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

    def add_many(self, features_list: Iterable[StoryFeatures]) -> dict[str, str]:
        """Add (or replace) a batch of articles; return article id -> story id for them.

        The same stories as adding them one by one (grouping is a function of each connected
        component, whatever the order), but each touched component is re-made once per batch
        instead of once per article.
        """
        ids: list[str] = []
        for features in features_list:
            if features.id in self.features:
                self._remove(features.id)
            self._register(features)
            ids.append(features.id)
        if ids:
            self._regroup(self._component_of(set(ids)))
        return {i: self.story_of[i] for i in ids}

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
        for component in sorted(self._components(set(self.features)), key=lambda c: min(c)):
            for group in self._groups(component):
                self._new_story(group)
        return self.partition()

    def explain(self, story_id: str) -> dict[str, dict[str, Any]]:
        """Why each member is in the story: its strongest tie to another member.

        ``{"with": id, "score", "evidence": {...}}`` for a linked member (the evidence being
        :func:`~warta.stories.similarity.link_parts` plus the lede terms and names the two
        share), ``{"copy_of": id}`` for a copy of a member's page, ``{"alone": True}`` for
        a story of one article. Every entry also has ``mean``: the article's mean score
        with the other members (what average linkage weighed).
        """
        members = sorted(self.members.get(story_id, set()), key=lambda m: self.features[m].order_key())
        out: dict[str, dict[str, Any]] = {}
        for m in members:
            others = [o for o in members if o != m]
            if not others:
                out[m] = {"alone": True}
                continue
            forced = self._forced_links(m) & set(others)
            if forced:
                out[m] = {"copy_of": min(forced, key=lambda o: self.features[o].order_key())}
                continue
            scores = {o: self._score(m, o) for o in others}
            best = max(others, key=lambda o: (scores[o], o))
            f, g = self.features[m], self.features[best]
            parts = link_parts(f, g, self._vector(m), self._vector(best), self._main_vector(m), self._main_vector(best))
            shared = sorted(set(self._main_vector(m)) & set(self._main_vector(best)),
                            key=lambda k: -self._main_vector(m)[k] * self._main_vector(best)[k])
            out[m] = {
                "with": best,
                "score": round(scores[best], 3),
                "threshold": round(link_threshold(f, g), 3),
                "mean": round(sum(scores.values()) / len(others), 3),
                "evidence": {
                    "main_event": round(parts["main_event"], 3),
                    "text": round(parts["text"], 3),
                    "days_between_events": parts["days"],
                    "same_place": parts["same_place"],
                    "same_event_type": parts["same_event_type"],
                    "shared_lede_names": [k[1:] for k in shared if k.startswith(ENTITY_PREFIX)][:5],
                    "shared_lede_terms": [k for k in shared if not k.startswith(ENTITY_PREFIX)][:8],
                },
            }
        return out

    # -- internals -------------------------------------------------------------------------
    def _first(self, ids: Iterable[str]) -> str:
        return min(ids, key=lambda m: self.features[m].order_key())

    def _register(self, features: StoryFeatures) -> None:
        self.features[features.id] = features
        self._vectors.pop(features.id, None)
        self._main_vectors.pop(features.id, None)
        for key in self._retrieval_keys(features.id):
            self._postings[key].add(features.id)
        if features.duplicate_of:
            self._duplicates[features.duplicate_of].add(features.id)
        if features.source:
            self._sources[features.source].add(features.id)
        # Cached neighbourhoods it enters gain it (its own is worked out when needed).
        self._edges.pop(features.id, None)
        for other in self._forced_links(features.id):
            self._edges.pop(other, None)
        for other in self._candidates(features.id):
            cached = self._edges.get(other)
            if cached is not None and self._linked(features.id, other):
                cached.add(features.id)

    def _common_keys(self) -> frozenset[str]:
        """Keys held by too many reference articles to say which story an article is in."""
        if self._common is None:
            if self.reference_n < MIN_REFERENCE_DOCS:
                self._common = frozenset()
            else:
                limit = MAX_KEY_SHARE * self.reference_n
                self._common = frozenset(k for k, n in self.reference_df.items() if n > limit)
        return self._common

    def _vector(self, article_id: str) -> dict[str, float]:
        vector = self._vectors.get(article_id)
        if vector is None:
            vector = normalized(
                weighted_vector(self.features[article_id], self.reference_df, self.reference_n, self._common_keys())
            )
            self._vectors[article_id] = vector
        return vector

    def _main_vector(self, article_id: str) -> dict[str, float]:
        vector = self._main_vectors.get(article_id)
        if vector is None:
            vector = normalized(
                main_vector(self.features[article_id], self.reference_df, self.reference_n, self._common_keys())
            )
            self._main_vectors[article_id] = vector
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
        """Copies of one page are linked whatever their wording: a duplicate and its
        canonical, and articles with the same canonical URL (a feed summary and its page)."""
        features = self.features[article_id]
        linked = {d for d in self._duplicates.get(article_id, set()) if d in self.features}
        if features.duplicate_of and features.duplicate_of in self.features:
            linked.add(features.duplicate_of)
        if features.source:
            linked |= self._sources.get(features.source, set())
        linked.discard(article_id)
        return linked

    def _score(self, a: str, b: str) -> float:
        key = (a, b) if a < b else (b, a)
        score = self._scores.get(key)
        if score is None:
            fa, fb = self.features[key[0]], self.features[key[1]]
            score = link_score(fa, fb, self._vector(key[0]), self._vector(key[1]),
                               self._main_vector(key[0]), self._main_vector(key[1]))
            self._scores[key] = score
        return score

    def _linked(self, a: str, b: str) -> bool:
        fa, fb = self.features[a], self.features[b]
        if self._score(a, b) < link_threshold(fa, fb):
            return False
        if is_short(fa) or is_short(fb):
            # A teaser or brief links only on specific evidence: several lede terms or
            # names in common, none of them a term most articles hold.
            shared = self._main_vector(a).keys() & self._main_vector(b).keys()
            return len(shared) >= SHORT_MIN_SHARED
        return True

    def _edges_of(self, article_id: str) -> set[str]:
        """The articles linked to this one (forced links included), cached."""
        edges = self._edges.get(article_id)
        if edges is None:
            edges = self._forced_links(article_id)
            edges |= {o for o in self._candidates(article_id) if self._linked(article_id, o)}
            self._edges[article_id] = edges
        return edges

    def _component_of(self, seeds: set[str]) -> set[str]:
        """Every article connected to ``seeds`` in the link graph."""
        seen = {s for s in seeds if s in self.features}
        todo = sorted(seen)
        while todo:
            current = todo.pop()
            for other in self._edges_of(current):
                if other not in seen and other in self.features:
                    seen.add(other)
                    todo.append(other)
        return seen

    def _groups(self, component: set[str]) -> list[set[str]]:
        """Average linkage inside one connected component (deterministic, order-free).

        Copies of one page form one unit, scored through its first original. Two groups
        are merged, best first, while they share an edge and the mean score over all
        pairs of their units reaches GROUP_THRESHOLD.
        """
        # Units: copies of one page (forced links) together.
        unit_of: dict[str, str] = {}
        for member in sorted(component, key=lambda m: (bool(self.features[m].duplicate_of), self.features[m].order_key())):
            if member in unit_of:
                continue
            stack = [member]
            unit_of[member] = member
            while stack:
                current = stack.pop()
                for other in self._forced_links(current):
                    if other in component and other not in unit_of:
                        unit_of[other] = member
                        stack.append(other)
        units: dict[str, set[str]] = defaultdict(set)
        for member, rep in unit_of.items():
            units[rep].add(member)
        if len(units) == 1:
            return [set(component)]
        reps = sorted(units)
        groups: dict[str, list[str]] = {r: [r] for r in reps}  # group key -> its unit reps
        adjacent: dict[str, set[str]] = defaultdict(set)
        total: dict[tuple[str, str], float] = {}
        edges: dict[tuple[str, str], int] = defaultdict(int)  # links between two groups
        for rep in reps:
            for member in units[rep]:
                for other in self._edges_of(member):
                    other_rep = unit_of.get(other)
                    if other_rep is not None and other_rep != rep:
                        adjacent[rep].add(other_rep)
        # Heap entries carry each group's size when pushed: an entry for a group that has
        # grown since is stale and skipped.
        heap: list[tuple[float, str, str, int, int]] = []
        for i, a in enumerate(reps):
            for b in reps[i + 1:]:
                s = self._score(a, b)
                total[(a, b)] = s
                edges[(a, b)] = int(b in adjacent[a])
                if b in adjacent[a] and s >= GROUP_THRESHOLD:
                    heapq.heappush(heap, (-s, a, b, 1, 1))
        alive = set(reps)

        def pair_total(x: str, y: str) -> float:
            return total[(x, y) if x < y else (y, x)]

        while heap:
            _neg, a, b, size_a, size_b = heapq.heappop(heap)
            if a not in alive or b not in alive or (len(groups[a]), len(groups[b])) != (size_a, size_b):
                continue
            # Merge b into a; the merged group is keyed by the smaller key.
            keep, gone = (a, b) if a < b else (b, a)
            alive.discard(gone)
            groups[keep].extend(groups.pop(gone))
            adjacent[keep] |= adjacent.pop(gone, set())
            adjacent[keep] -= {keep, gone}
            for other in sorted(alive - {keep}):
                merged = pair_total(keep, other) + pair_total(gone, other)
                key = (keep, other) if keep < other else (other, keep)
                total[key] = merged
                edges[key] = edges[key] + edges[(gone, other) if gone < other else (other, gone)]
                if gone in adjacent[other]:
                    adjacent[other].discard(gone)
                    adjacent[other].add(keep)
                    adjacent[keep].add(other)
                if other in adjacent[keep]:
                    pairs = len(groups[keep]) * len(groups[other])
                    mean = merged / pairs
                    # A few strong pairs are not enough: enough of the pairs must be links.
                    if mean >= GROUP_THRESHOLD and edges[key] >= GROUP_LINK_SHARE * pairs:
                        x, y = min(keep, other), max(keep, other)
                        heapq.heappush(heap, (-mean, x, y, len(groups[x]), len(groups[y])))
        # One refinement pass or a few: an article that a strong pair pulled into the
        # wrong group moves to the group it is closer to on average.
        final = [list(groups[key]) for key in sorted(alive)]
        for _round in range(3):
            moved = False
            for rep in reps:
                here = next(i for i, g in enumerate(final) if rep in g)
                if len(final[here]) == 1:
                    continue
                means = [
                    sum(self._score(rep, o) for o in g if o != rep) / max(1, len(g) - (rep in g))
                    for g in final
                ]
                best = max(range(len(final)), key=lambda i: (means[i], -i))
                if best != here and means[best] > means[here] and means[best] >= GROUP_THRESHOLD:
                    final[here].remove(rep)
                    final[best].append(rep)
                    moved = True
            final = [g for g in final if g]
            if not moved:
                break
        return [{m for rep in g for m in units[rep]} for g in final]

    def _regroup(self, pool: set[str]) -> list[str]:
        """Re-make the stories of whole components; surviving ids follow their anchors.

        ``pool`` must hold every member of each story it touches (a story lies inside one
        component, and a component is re-made whole)."""
        component = pool
        old = {self.story_of[m] for m in component if m in self.story_of}
        groups = [g for c in self._components(set(component)) for g in self._groups(c)]
        groups.sort(key=lambda g: self.features[self._first(g)].order_key())
        anchors = {self.anchor[sid]: sid for sid in old if sid in self.anchor}
        for sid in old:
            self.members.pop(sid, None)
            self.anchor.pop(sid, None)
        for m in component:
            self.story_of.pop(m, None)
        ids = []
        for group in groups:
            # The id anchored on the earliest article in the group survives.
            held = sorted((a for a in anchors if a in group), key=lambda a: (self.features[a].order_key(), anchors[a]))
            if held and anchors[held[0]] not in self.members:
                sid = anchors[held[0]]
                self.members[sid] = set(group)
                self.anchor[sid] = held[0]
                for m in group:
                    self.story_of[m] = sid
            else:
                sid = self._new_story(group)
            ids.append(sid)
        return ids

    def _link_in(self, article_id: str) -> str:
        """Re-make the stories of the component the new article is in; return its story."""
        self._regroup(self._component_of({article_id}))
        return self.story_of[article_id]

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
        """Take an article out; the stories around it are re-made, since it may have held them together."""
        old = self.features[article_id]
        story = self.story_of.get(article_id)
        neighbours = set(self._edges_of(article_id))
        affected = (self.members.get(story, set()) | neighbours) - {article_id}
        for key in self._retrieval_keys(article_id):
            self._postings[key].discard(article_id)
        if old.duplicate_of:
            self._duplicates[old.duplicate_of].discard(article_id)
        if old.source:
            self._sources[old.source].discard(article_id)
        for other in neighbours:
            if other in self._edges:
                self._edges[other].discard(article_id)
        self._edges.pop(article_id, None)
        self._scores = {k: v for k, v in self._scores.items() if article_id not in k}
        # Its story keeps its id through the part holding its anchor (or its earliest part).
        if story is not None:
            self.members[story].discard(article_id)
            if self.anchor.get(story) == article_id:
                rest = self.members[story]
                if rest:
                    self.anchor[story] = min(rest, key=lambda m: self.features[m].order_key())
                else:
                    del self.members[story]
                    self.anchor.pop(story, None)
        self.story_of.pop(article_id, None)
        del self.features[article_id]
        self._vectors.pop(article_id, None)
        self._main_vectors.pop(article_id, None)
        if affected:
            self._regroup(self._component_of(affected))

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
            for other in sorted(self._edges_of(member) & pool):
                union(member, other)
        groups: dict[str, set[str]] = defaultdict(set)
        for member in pool:
            groups[find(member)].add(member)
        return list(groups.values())
