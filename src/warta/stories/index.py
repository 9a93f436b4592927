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
articles gives the same partition.

Candidates for a link are found through postings: an article is compared only with
articles sharing one of its retrieval keys (its heaviest terms and its names) whose main
events lie within :data:`~warta.stories.similarity.MAX_LINK_DAYS` of its own (no pair
further apart can reach the link threshold, so this loses no link). A key held by more
than :data:`KEY_SHARE` of the articles (and more than :data:`MIN_KEY_POSTINGS`) is no
retrieval key: its document frequency is counted as articles arrive, not only at a
recluster. A pair that only such a key joins is compared only if it met before the key
grew that common, which is the one way arrival order can still matter; a recluster
compares with the final frequencies and is order-free.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from warta.stories.features import StoryFeatures
from warta.stories.similarity import (
    ENTITY_PREFIX,
    GROUP_THRESHOLD,
    LINK_THRESHOLD,
    MAX_LINK_DAYS,
    SHORT_FACTOR,
    SHORT_MIN_SHARED,
    LinkView,
    feature_keys,
    link_parts,
    link_threshold,
    main_vector,
    normalized,
    view_score,
    weighted_vector,
)

if TYPE_CHECKING:
    import numpy as np

STATE_VERSION = 3
# Weighting leaves out keys found in more than this share of the reference articles (when
# there are enough of them): they carry no signal. They are no retrieval keys either.
MAX_KEY_SHARE = 0.3
MIN_REFERENCE_DOCS = 20
# Retrieval skips keys held by more than this share of the articles indexed now, once that
# is more than MIN_KEY_POSTINGS articles: postings stay short as the collection grows. The
# minimum lets a story of a few hundred articles still find its own through its own keys
# (with 200, 30 near-copies of one article split from their story in bench/stories.py).
KEY_SHARE = 0.01
MIN_KEY_POSTINGS = 500
# Two groups merge only when at least this share of their article pairs are links.
GROUP_LINK_SHARE = 0.5
# Articles are retrieved through their entities and heaviest terms only; two articles are
# candidates when they share one of these (symmetric, and fixed between reclusters).
RETRIEVAL_TERMS = 30
_UNDATED = None  # the postings bucket of articles with no main-event day
_DAY_WINDOW = tuple(range(-MAX_LINK_DAYS, MAX_LINK_DAYS + 1))


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
        # key -> main-event day (or _UNDATED) -> articles: retrieval looks only at the days
        # within reach of an article's own.
        self._postings: dict[str, dict[int | None, set[str]]] = {}
        self._keys: dict[str, list[str]] = {}  # article -> its retrieval keys
        self._df: dict[str, int] = defaultdict(int)  # key -> canonical articles holding it now
        self._n = 0  # canonical articles indexed now
        self._duplicates: dict[str, set[str]] = defaultdict(set)  # canonical -> its duplicates
        self._views: dict[str, LinkView] = {}
        self._sources: dict[str, set[str]] = defaultdict(set)  # canonical URL -> articles
        self._edges: dict[str, set[str]] = {}  # article -> linked articles (filled on demand)
        self._scores: dict[str, dict[str, float]] = {}  # a -> b -> link score (both ways)
        self._common: frozenset[str] | None = None
        self._unplaced: set[str] = set()  # registered, not yet in a story (see register)
        # What changed since take_changes(): stories (members or anchor), the reference.
        self._changed: set[str] = set()
        self._reference_changed = False

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
        # Listed but in no story (left to a recluster that never ran): placed when needed.
        index._unplaced = {a for a in index.features if a not in index.story_of}
        return index

    def reference_state(self) -> dict[str, Any]:
        """The reference frequencies, JSON-able (part of :meth:`to_state`)."""
        return {"n": self.reference_n, "df": dict(sorted(self.reference_df.items()))}

    def to_state(self) -> dict[str, Any]:
        """JSON-able state: features, stories with their anchors, reference frequencies.

        Articles registered but not yet placed (:meth:`register`) are in no story here;
        :meth:`from_state` places them when the stories are next needed."""
        return {
            "version": STATE_VERSION,
            "reference": self.reference_state(),
            "articles": [self.features[k].to_dict() for k in sorted(self.features)],
            "stories": {sid: sorted(m) for sid, m in sorted(self.members.items())},
            "anchors": dict(sorted(self.anchor.items())),
        }

    def take_changes(self) -> tuple[dict[str, dict[str, Any] | None], bool]:
        """What changed since the last call: ``({story id: {"members", "anchor"} or None
        when it is gone}, whether the reference frequencies changed)``, so that a store
        writes only those rows instead of the whole state."""
        out: dict[str, dict[str, Any] | None] = {}
        for sid in sorted(self._changed):
            members = self.members.get(sid)
            out[sid] = {"members": sorted(members), "anchor": self.anchor[sid]} if members else None
        changed_reference = self._reference_changed
        self._changed = set()
        self._reference_changed = False
        return out, changed_reference

    # -- queries ---------------------------------------------------------------------------
    def partition(self) -> dict[str, str]:
        """article id -> story id."""
        self.place()
        return dict(self.story_of)

    def stories(self) -> dict[str, list[str]]:
        """story id -> member article ids, sorted by (published, id)."""
        self.place()
        return {
            sid: sorted(members, key=lambda m: self.features[m].order_key())
            for sid, members in self.members.items()
        }

    # -- building --------------------------------------------------------------------------
    def add(self, features: StoryFeatures) -> str:
        """Add (or replace) one article; return the id of the story it now belongs to."""
        self.place()
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
        ids = self.register(features_list)
        self.place()
        return {i: self.story_of[i] for i in ids}

    def register(self, features_list: Iterable[StoryFeatures]) -> list[str]:
        """Index a batch of articles (adding or replacing) without placing them in stories
        yet; :meth:`place` (or anything that reads the stories) places them. An ingest that
        ends in a recluster skips placing them at all."""
        ids: list[str] = []
        for features in features_list:
            if features.id in self.features:
                self._remove(features.id)
            self._register(features)
            self._unplaced.add(features.id)
            ids.append(features.id)
        return ids

    def place(self) -> None:
        """Put every registered, unplaced article in its story."""
        if self._unplaced:
            pending, self._unplaced = self._unplaced, set()
            self._regroup(self._component_of(pending & self.features.keys()))

    @property
    def canonical_count(self) -> int:
        """How many articles are indexed that are no duplicate of another."""
        return self._n

    @property
    def unplaced(self) -> int:
        """How many articles wait for :meth:`place`."""
        return len(self._unplaced)

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
        self._reference_changed = True
        return self.partition()

    def explain(self, story_id: str) -> dict[str, dict[str, Any]]:
        """Why each member is in the story: its strongest tie to another member.

        ``{"with": id, "score", "evidence": {...}}`` for a linked member (the evidence being
        :func:`~warta.stories.similarity.link_parts` plus the lede terms and names the two
        share), ``{"copy_of": id}`` for a copy of a member's page, ``{"alone": True}`` for
        a story of one article. Every entry also has ``mean``: the article's mean score
        with the other members (what average linkage weighed).
        """
        self.place()
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
            vm, vb = self._view(m), self._view(best)
            parts = link_parts(f, g, vm.full, vb.full, vm.main, vb.main)
            shared = sorted(set(vm.main) & set(vb.main), key=lambda k: -vm.main[k] * vb.main[k])
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
        article_id = features.id
        self.features[article_id] = features
        self._views.pop(article_id, None)
        if not features.duplicate_of:
            self._n += 1
            for key in set(feature_keys(features)):
                self._df[key] += 1
        keys = self._retrieval_keys(article_id)
        self._keys[article_id] = keys
        days = self._view(article_id).days or (_UNDATED,)
        for key in keys:
            buckets = self._postings.get(key)
            if buckets is None:
                buckets = self._postings[key] = {}
            for day in days:
                bucket = buckets.get(day)
                if bucket is None:
                    buckets[day] = {article_id}
                else:
                    bucket.add(article_id)
        if features.duplicate_of:
            self._duplicates[features.duplicate_of].add(article_id)
        if features.source:
            self._sources[features.source].add(article_id)
        # Cached neighbourhoods it enters gain it (its own is worked out when needed).
        self._edges.pop(article_id, None)
        for other in self._forced_links(article_id):
            self._edges.pop(other, None)
        if self._edges:
            for other in self._candidates(article_id):
                cached = self._edges.get(other)
                if cached is not None and self._linked(article_id, other):
                    cached.add(article_id)

    def _common_keys(self) -> frozenset[str]:
        """Keys held by too many reference articles to say which story an article is in."""
        if self._common is None:
            if self.reference_n < MIN_REFERENCE_DOCS:
                self._common = frozenset()
            else:
                limit = MAX_KEY_SHARE * self.reference_n
                self._common = frozenset(k for k, n in self.reference_df.items() if n > limit)
        return self._common

    def _view(self, article_id: str) -> LinkView:
        view = self._views.get(article_id)
        if view is None:
            features = self.features[article_id]
            df, n, common = self.reference_df, self.reference_n, self._common_keys()
            view = LinkView(
                features,
                normalized(weighted_vector(features, df, n, common)),
                normalized(main_vector(features, df, n, common)),
            )
            self._views[article_id] = view
        return view

    def _vector(self, article_id: str) -> dict[str, float]:
        return self._view(article_id).full  # type: ignore[return-value]

    def _main_vector(self, article_id: str) -> dict[str, float]:
        return self._view(article_id).main  # type: ignore[return-value]

    def _retrieval_keys(self, article_id: str) -> list[str]:
        features = self.features[article_id]
        vector = self._vector(article_id)
        terms = sorted(features.terms, key=lambda t: (-vector.get(t, 0.0), t))[:RETRIEVAL_TERMS]
        keys = terms + [k for k in feature_keys(features) if k not in features.terms]
        common = self._common_keys()
        return [k for k in keys if k not in common] if common else keys

    def _key_limit(self) -> float:
        return max(MIN_KEY_POSTINGS, KEY_SHARE * self._n)

    def _candidates(self, article_id: str) -> set[str]:
        """Articles sharing a retrieval key with this one whose main events are within
        MAX_LINK_DAYS of its own (a symmetric relation)."""
        out: set[str] = set()
        days = self._view(article_id).days
        window = {d + step for d in days for step in _DAY_WINDOW} if days else None
        limit = self._key_limit()
        df = self._df
        for key in self._keys.get(article_id, ()):
            if df.get(key, 0) > limit:
                continue
            buckets = self._postings.get(key)
            if not buckets:
                continue
            if window is None:
                for bucket in buckets.values():
                    out |= bucket
            elif len(buckets) <= len(window):
                for day, bucket in buckets.items():
                    if day is _UNDATED or day in window:
                        out |= bucket
            else:
                for day in window:
                    bucket = buckets.get(day)
                    if bucket:
                        out |= bucket
                bucket = buckets.get(_UNDATED)
                if bucket:
                    out |= bucket
        out.discard(article_id)
        return out

    def _forced_links(self, article_id: str) -> set[str]:
        """Copies of one page are linked whatever their wording: a duplicate and its
        canonical, and articles with the same canonical URL (a feed summary and its page)."""
        features = self.features[article_id]
        linked = {d for d in self._duplicates.get(article_id, ()) if d in self.features}
        if features.duplicate_of and features.duplicate_of in self.features:
            linked.add(features.duplicate_of)
        if features.source:
            linked |= self._sources.get(features.source, set())
        linked.discard(article_id)
        return linked

    def _score(self, a: str, b: str) -> float:
        row = self._scores.get(a)
        if row is not None:
            score = row.get(b)
            if score is not None:
                return score
        x, y = (a, b) if a < b else (b, a)
        score = view_score(self._view(x), self._view(y))
        self._scores.setdefault(a, {})[b] = score
        self._scores.setdefault(b, {})[a] = score
        return score

    def _linked(self, a: str, b: str) -> bool:
        va, vb = self._view(a), self._view(b)
        short = va.short or vb.short
        if self._score(a, b) < LINK_THRESHOLD * (SHORT_FACTOR if short else 1.0):
            return False
        if short:
            # A teaser or brief links only on specific evidence: several lede terms or
            # names in common, none of them a term most articles hold.
            return len(va.main.keys() & vb.main.keys()) >= SHORT_MIN_SHARED
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
        are merged, best first (ties to the smallest ids), while they share an edge, the
        mean score over all pairs of their units reaches GROUP_THRESHOLD and at least
        GROUP_LINK_SHARE of those pairs are links. Then up to three passes move a unit that
        a strong pair pulled into the wrong group to the group it is closer to on average.
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
        import numpy as np  # here, not at the top: reading stories must not load numpy

        reps = sorted(units)  # unit i is reps[i]: index order is id order
        n = len(reps)
        position = {rep: i for i, rep in enumerate(reps)}
        unit_at = {m: position[rep] for m, rep in unit_of.items()}
        scores = np.zeros((n, n))
        linked = np.zeros((n, n), dtype=bool)
        for i, rep in enumerate(reps):
            cached = self._scores.get(rep, {})
            row = [cached.get(other) for other in reps[i + 1:]]
            for j, value in enumerate(row):
                if value is None:
                    row[j] = self._score(rep, reps[i + 1 + j])
            scores[i, i + 1:] = row
            columns = [unit_at[o] for m in units[rep] for o in self._edges_of(m) if o in unit_at]
            if columns:
                linked[i, columns] = True
        np.fill_diagonal(linked, False)  # copies of one page are one unit, not a link
        scores += scores.T
        linked |= linked.T
        groups = _average_linkage(scores, linked)
        groups = _refine(scores, groups)
        return [{m for i in g for m in units[reps[i]]} for g in groups]

    def _regroup(self, pool: set[str], components: list[set[str]] | None = None) -> list[str]:
        """Re-make the stories of whole components; surviving ids follow their anchors.

        ``pool`` must hold every member of each story it touches (a story lies inside one
        component, and a component is re-made whole); ``components`` are its components
        when the caller knows them."""
        component = pool
        old = {self.story_of[m] for m in component if m in self.story_of}
        if components is None:
            components = self._components(set(component))
        groups = [g for c in components for g in self._groups(c)]
        groups.sort(key=lambda g: self.features[self._first(g)].order_key())
        anchors = {self.anchor[sid]: sid for sid in old if sid in self.anchor}
        self._changed |= old
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
        component = self._component_of({article_id})
        self._regroup(component, [component])
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
        self._changed.add(story_id)
        for member in component:
            self.story_of[member] = story_id
        return story_id

    def _remove(self, article_id: str) -> None:
        """Take an article out; the stories around it are re-made, since it may have held them together."""
        old = self.features[article_id]
        story = self.story_of.get(article_id)
        neighbours = set(self._edges_of(article_id))
        affected = (self.members.get(story, set()) | neighbours) - {article_id}
        days = self._view(article_id).days or (_UNDATED,)
        for key in self._keys.pop(article_id, ()):
            buckets = self._postings.get(key, {})
            for day in days:
                bucket = buckets.get(day)
                if bucket is not None:
                    bucket.discard(article_id)
                    if not bucket:
                        del buckets[day]
        if not old.duplicate_of:
            self._n -= 1
            for key in set(feature_keys(old)):
                self._df[key] -= 1
        if old.duplicate_of:
            self._duplicates[old.duplicate_of].discard(article_id)
        if old.source:
            self._sources[old.source].discard(article_id)
        for other in neighbours:
            if other in self._edges:
                self._edges[other].discard(article_id)
        self._edges.pop(article_id, None)
        for other in self._scores.pop(article_id, {}):
            self._scores.get(other, {}).pop(article_id, None)
        # Its story keeps its id through the part holding its anchor (or its earliest part).
        if story is not None:
            self._changed.add(story)
            self.members[story].discard(article_id)
            if self.anchor.get(story) == article_id:
                rest = self.members[story]
                if rest:
                    self.anchor[story] = min(rest, key=lambda m: self.features[m].order_key())
                else:
                    del self.members[story]
                    self.anchor.pop(story, None)
        self.story_of.pop(article_id, None)
        self._unplaced.discard(article_id)
        del self.features[article_id]
        self._views.pop(article_id, None)
        if affected:
            self._regroup(self._component_of(affected))

    def _components(self, pool: set[str]) -> list[set[str]]:
        """The connected components of the link graph restricted to ``pool``."""
        seen: set[str] = set()
        out: list[set[str]] = []
        for start in sorted(pool):
            if start in seen:
                continue
            seen.add(start)
            component = {start}
            todo = [start]
            while todo:
                current = todo.pop()
                for other in self._edges_of(current):
                    if other in pool and other not in seen:
                        seen.add(other)
                        component.add(other)
                        todo.append(other)
            out.append(component)
        return out


def _average_linkage(scores: np.ndarray, linked: np.ndarray) -> list[list[int]]:
    """Groups of units (lists of indices, in merge order) by average linkage.

    ``scores`` is the symmetric unit-pair score matrix, ``linked`` which unit pairs are
    links. Always merges the best eligible pair: highest mean score, ties to the smallest
    (first, second) index. Each group keeps, per other group, its summed scores and its
    link count; each row keeps its best eligible partner to its right, so that a merge
    only rescans the rows it changed.
    """
    import numpy as np

    n = len(scores)
    total = scores.copy()  # summed scores between groups
    links = linked.astype(np.int64)  # linked unit pairs between groups
    size = np.ones(n, dtype=np.int64)
    alive = np.ones(n, dtype=bool)
    upper = np.triu(np.ones((n, n), dtype=bool), 1)
    # eligible[i, j] (i < j): the mean score of merging j into i, or -inf.
    eligible = np.where(upper & linked & (scores >= GROUP_THRESHOLD), scores, -np.inf)
    best_value = eligible.max(axis=1)
    best_with = eligible.argmax(axis=1)
    groups: list[list[int]] = [[i] for i in range(n)]
    while True:
        keep = int(best_value.argmax())
        if best_value[keep] == -np.inf:
            break
        gone = int(best_with[keep])  # keep < gone: the merged group keeps the smaller key
        groups[keep].extend(groups[gone])
        groups[gone] = []
        alive[gone] = False
        total[keep] += total[gone]
        total[:, keep] = total[keep]
        links[keep] += links[gone]
        links[:, keep] = links[keep]
        size[keep] += size[gone]
        eligible[gone, :] = -np.inf
        eligible[:, gone] = -np.inf
        best_value[gone] = -np.inf
        pairs = size[keep] * size
        mean = total[keep] / pairs
        ok = alive & (links[keep] > 0) & (mean >= GROUP_THRESHOLD) & (links[keep] >= GROUP_LINK_SHARE * pairs)
        ok[keep] = False
        row = np.where(ok, mean, -np.inf)
        eligible[keep, keep + 1:] = row[keep + 1:]
        eligible[:keep, keep] = row[:keep]
        best_with[keep] = j = eligible[keep].argmax()
        best_value[keep] = eligible[keep, j]
        # Rows left of keep see their pair with keep change and their pair with gone go;
        # rows between keep and gone lose their pair with gone: those whose best partner
        # was either are rescanned, the others only compare with their new pair.
        partner = best_with[:gone]
        stale = alive[:gone] & ((partner == keep) | (partner == gone))
        stale[keep] = False
        rows = np.flatnonzero(stale)
        if len(rows):
            best_with[rows] = cols = eligible[rows].argmax(axis=1)
            best_value[rows] = eligible[rows, cols]
        value = eligible[:keep, keep]
        current = best_value[:keep]
        better = ~stale[:keep] & (value > -np.inf) & (
            (value > current) | ((value == current) & (keep < best_with[:keep]))
        )
        current[better] = value[better]
        best_with[:keep][better] = keep
    return [g for g in groups if g]


def _refine(scores: np.ndarray, groups: list[list[int]], rounds: int = 3) -> list[list[int]]:
    """Move each unit (in index order) to the group it has the highest mean score with,
    when that mean reaches GROUP_THRESHOLD and beats its own group's; up to ``rounds``
    passes, until nothing moves. Means sum in each group's member order, as a plain
    loop would, so ties fall the same way whatever the machine."""
    import numpy as np

    final = [list(g) for g in groups]
    n = len(scores)
    for _round in range(rounds):
        moved = False
        where = np.empty(n, dtype=np.int64)
        for gi, g in enumerate(final):
            where[g] = gi
        order = np.fromiter((m for g in final for m in g), dtype=np.int64, count=n)
        slot = where[order]
        for unit in range(n):
            here = int(where[unit])
            if len(final[here]) == 1:
                continue
            count = len(final)
            # bincount adds in input order, one group after another (the diagonal is 0).
            sums = np.bincount(slot, weights=scores[unit, order], minlength=count)
            sizes = np.fromiter((len(g) for g in final), dtype=np.int64, count=count)
            sizes[here] -= 1
            means = sums / np.maximum(sizes, 1)
            best = int(means.argmax())
            if best != here and means[best] > means[here] and means[best] >= GROUP_THRESHOLD:
                final[here].remove(unit)
                final[best].append(unit)
                where[unit] = best
                order = np.fromiter((m for g in final for m in g), dtype=np.int64, count=n)
                slot = where[order]
                moved = True
        final = [g for g in final if g]
        if not moved:
            break
    return final
