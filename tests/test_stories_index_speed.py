"""The story index's fast paths give what the plain definitions give.

Scores from cached views equal ``link_score``; retrieval by date buckets finds every pair
that can link; average linkage on arrays merges as the pairwise definition does; a batch
left unplaced until a recluster ends where placing it would; the store keeps the index as
rows and writes only the stories that changed.
"""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from warta.stories import StoryFeatures, StoryIndex
from warta.stories.index import _average_linkage, _refine
from warta.stories.similarity import GROUP_THRESHOLD, MAX_LINK_DAYS, link_score, link_threshold, time_factor

WORDS = [f"w{i}" for i in range(40)]
NAMES = ["Rina", "Tokyo", "Makassar", "Lembah Hijau", "Jepang", "Banda"]


def _random_features(rng: random.Random, n: int) -> list[StoryFeatures]:
    out = []
    for i in range(n):
        day = 1 + rng.randrange(25)
        terms = {w: round(1.0 + rng.random(), 4) for w in rng.sample(WORDS, 8)}
        main = {w: 1.0 for w in rng.sample(sorted(terms), 4)}
        out.append(StoryFeatures(
            id=f"a{i:03d}", published=f"2024-05-{day:02d}", outlet="o", terms=terms,
            entities=sorted(rng.sample(NAMES, 2)), main_terms=main,
            main_entities=sorted(rng.sample(NAMES, 1)),
            main_places=sorted(rng.sample(["Tokyo", "Makassar", "Banda"], rng.randrange(2))),
            main_types=sorted(rng.sample(["disaster", "meeting", "visit"], rng.randrange(2))),
            main_dates=[f"2024-05-{min(28, day + rng.randrange(3)):02d}"] if rng.random() < 0.5 else [],
            words=200,
        ))
    return out


def test_cached_scores_equal_link_score_and_retrieval_loses_no_link():
    rng = random.Random(3)
    features = _random_features(rng, 60)
    index = StoryIndex()
    index.recluster(features)
    by_id = {f.id: f for f in features}
    for a in by_id:
        candidates = index._candidates(a)
        for b in by_id:
            if a == b:
                continue
            va, vb = index._view(a), index._view(b)
            exact = link_score(by_id[a], by_id[b], va.full, vb.full, va.main, vb.main)
            assert index._score(a, b) == exact
            shares_key = set(index._keys[a]) & set(index._keys[b])
            if exact >= link_threshold(by_id[a], by_id[b]) and shares_key:
                assert b in candidates  # a pair that can link is always compared
            if b in candidates:
                assert time_factor(by_id[a], by_id[b]) >= time_factor_at(MAX_LINK_DAYS)


def time_factor_at(days: int) -> float:
    import math

    from warta.stories.similarity import TIME_SIGMA_DAYS

    return math.exp(-(days * days) / (2 * TIME_SIGMA_DAYS * TIME_SIGMA_DAYS))


def test_no_score_reaches_the_threshold_beyond_the_time_reach():
    assert time_factor_at(MAX_LINK_DAYS + 1) < 0.1 <= time_factor_at(MAX_LINK_DAYS)


def _reference_linkage(scores, linked):
    """Average linkage as the pairwise definition states it: repeatedly merge the eligible
    pair of groups with the highest mean, ties to the smallest indices."""
    n = len(scores)
    groups = {i: [i] for i in range(n)}
    while True:
        best = None
        keys = sorted(groups)
        for x, a in enumerate(keys):
            for b in keys[x + 1:]:
                pairs = [(i, j) for i in groups[a] for j in groups[b]]
                total = 0.0
                for i, j in pairs:
                    total += scores[i][j]
                links = sum(1 for i, j in pairs if linked[i][j])
                mean = total / len(pairs)
                if links and mean >= GROUP_THRESHOLD and links >= 0.5 * len(pairs):
                    if best is None or mean > best[0]:
                        best = (mean, a, b)
        if best is None:
            return [groups[k] for k in sorted(groups)]
        _mean, a, b = best
        groups[a].extend(groups.pop(b))


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=2, max_value=16), st.randoms(use_true_random=False))
def test_array_average_linkage_merges_as_the_definition(n, rng):
    import numpy as np

    scores = np.zeros((n, n))
    linked = np.zeros((n, n), dtype=bool)
    for i in range(n):
        for j in range(i + 1, n):
            s = rng.randrange(0, 25) / 64  # exact in binary: any order of adding gives one sum
            scores[i, j] = scores[j, i] = s
            linked[i, j] = linked[j, i] = s >= 0.1 or rng.random() < 0.2
    got = _average_linkage(scores, linked)
    # Ties (frequent here) must fall the same way.
    assert got == _reference_linkage(scores.tolist(), linked.tolist())
    assert _refine(scores, got) == _reference_refine(scores.tolist(), got)


def _reference_refine(scores, groups):
    """Each unit in turn moves to the group it has the best mean score with (up to three
    passes), written as plain loops."""
    final = [list(g) for g in groups]
    for _round in range(3):
        moved = False
        for unit in range(len(scores)):
            here = next(i for i, g in enumerate(final) if unit in g)
            if len(final[here]) == 1:
                continue
            means = [sum(scores[unit][o] for o in g if o != unit) / max(1, len(g) - (unit in g)) for g in final]
            best = max(range(len(final)), key=lambda i: (means[i], -i))
            if best != here and means[best] > means[here] and means[best] >= GROUP_THRESHOLD:
                final[here].remove(unit)
                final[best].append(unit)
                moved = True
        final = [g for g in final if g]
        if not moved:
            break
    return final


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=2, max_value=9), st.randoms(use_true_random=False))
def test_refinement_moves_as_the_definition(n, rng):
    import numpy as np

    scores = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            scores[i, j] = scores[j, i] = rng.random() * 0.4
    units = list(range(n))
    rng.shuffle(units)
    cut = sorted(rng.sample(range(1, n), rng.randrange(min(3, n - 1) + 1))) if n > 1 else []
    groups = [units[a:b] for a, b in zip([0, *cut], [*cut, n], strict=True)]
    assert _refine(scores, groups) == _reference_refine(scores.tolist(), groups)


def test_a_batch_left_unplaced_ends_where_placing_it_would():
    rng = random.Random(5)
    features = _random_features(rng, 40)
    placed = StoryIndex()
    placed.add_many(features)
    later = StoryIndex()
    later.register(features)
    assert later.unplaced == len(features) and not later.members
    assert later.partition() == placed.partition()


def _example_store(tmp_path, name):
    from warta.pipeline import ingest_paths
    from warta.store import Store

    from conftest import EXAMPLES

    store = Store(tmp_path / name)
    ingest_paths(sorted(p for p in EXAMPLES.rglob("*") if p.is_file())[:24], store)
    return store


def test_the_store_keeps_stories_as_rows_and_writes_only_changed_ones(tmp_path):
    from warta.stories_bridge import REFERENCE_KEY, STORY_PREFIX, StoryKeeper

    store = _example_store(tmp_path, "rows.db")
    keeper = StoryKeeper(store)
    index = keeper.index
    rows = store.story_states(STORY_PREFIX)
    assert {k[len(STORY_PREFIX):]: set(v["members"]) for k, v in rows.items()} == index.members
    assert {k[len(STORY_PREFIX):]: v["anchor"] for k, v in rows.items()} == index.anchor
    assert store.get_story_state(REFERENCE_KEY)["n"] == index.reference_n > 0
    assert "stories" not in store.get_story_state()

    written: list[str] = []
    real = store.set_story_states
    store.set_story_states = lambda states: (written.extend(states), real(states))  # type: ignore[method-assign]
    alone = StoryFeatures(id="zz-alone", published="1999-01-01", terms={"unrelated": 1.0}, words=200)
    index.add(alone)
    keeper.save()
    assert written == [STORY_PREFIX + index.story_of["zz-alone"]]  # one row, not the whole state


def test_an_older_single_state_is_read_and_rewritten_as_rows(tmp_path):
    from warta.stories_bridge import STORY_PREFIX, StoryKeeper

    store = _example_store(tmp_path, "old.db")
    stories = StoryKeeper(store).index.partition()
    state = StoryKeeper(store).index.to_state()
    state.pop("articles")
    store.delete_story_states(STORY_PREFIX)
    store.set_story_state(state)  # one state holding everything, as earlier versions wrote it
    keeper = StoryKeeper(store)
    assert keeper.index.partition() == stories
    keeper.save()
    assert "stories" not in store.get_story_state()
    assert StoryKeeper(store).index.partition() == stories
