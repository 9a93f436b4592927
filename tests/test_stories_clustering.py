"""Story clustering on hand-made articles: partition, order invariance, state, duplicates."""

from __future__ import annotations

import json
import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

from warta.eval.stories import bcubed
from warta.stories import StoryIndex, extract_features

from test_stories_helpers import make

# Three invented stories; the first two share their main actor but are different events.
CORPUS = [
    ("visit", "v1", "2024-03-04", "Menteri Luar Negeri Rina Suhendra berangkat ke Tokyo untuk kunjungan kenegaraan tiga hari. "
     "Dalam kunjungan itu Rina dijadwalkan bertemu Perdana Menteri Jepang membahas kerja sama perdagangan dan investasi."),
    ("visit", "v2", "2024-03-05", "Rina Suhendra tiba di Tokyo, Jepang, memulai kunjungan kenegaraan. "
     "Pertemuan dengan Perdana Menteri Jepang akan membahas perdagangan, investasi dan kerja sama maritim."),
    ("visit", "v3", "2024-03-06", "Kunjungan Menteri Luar Negeri Rina Suhendra ke Jepang menghasilkan kesepakatan investasi. "
     "Perdana Menteri Jepang menyambut Rina di Tokyo dan menandatangani kerja sama perdagangan."),
    ("port", "p1", "2024-03-20", "Menteri Rina Suhendra meresmikan pelabuhan peti kemas baru di Makassar. "
     "Pelabuhan itu mampu melayani kapal kontainer besar dan diharapkan menurunkan biaya logistik."),
    ("port", "p2", "2024-03-21", "Peresmian pelabuhan peti kemas Makassar oleh Rina Suhendra dihadiri gubernur. "
     "Biaya logistik di kawasan timur diharapkan turun setelah pelabuhan kontainer itu beroperasi."),
    ("flood", "f1", "2024-03-04", "Banjir merendam ratusan rumah di Kabupaten Lembah Hijau setelah hujan deras semalaman. "
     "Warga mengungsi ke balai desa dan petugas membuka dapur umum."),
    ("flood", "f2", "2024-03-05", "Ketinggian air banjir di Lembah Hijau mencapai satu meter dan ribuan warga mengungsi. "
     "Petugas gabungan mengevakuasi warga dengan perahu karet ke posko pengungsian."),
    ("flood", "f3", "2024-03-06", "Banjir di Lembah Hijau mulai surut, pengungsi kembali membersihkan rumah. "
     "Dapur umum dan posko pengungsian tetap dibuka hingga akhir pekan."),
]
ENTITIES = {"Rina Suhendra": "PER", "Tokyo": "LOC", "Makassar": "LOC", "Lembah Hijau": "LOC", "Jepang": "LOC"}


def _features(item: tuple[str, str, str, str], duplicate_of: str | None = None, new_id: str | None = None):
    _gold, aid, day, text = item
    sentences = [s.strip() + "." for s in text.split(". ") if s.strip()]
    sentences = [s.rstrip(".") + "." for s in sentences]
    entities = [{"text": name, "type": kind, "sentence": i}
                for i, s in enumerate(sentences) for name, kind in ENTITIES.items() if name in s]
    article, analysis = make(new_id or aid, sentences, published=day, outlet=f"outlet-{aid}",
                             entities=entities, duplicate_of=duplicate_of)
    return extract_features(article, analysis)


GOLD = {aid: gold for gold, aid, _d, _t in CORPUS}
FEATURES = [_features(item) for item in CORPUS]


def _groups(partition: dict[str, str]) -> set[frozenset[str]]:
    by_story: dict[str, set[str]] = {}
    for article, story in partition.items():
        by_story.setdefault(story, set()).add(article)
    return {frozenset(v) for v in by_story.values()}


def test_incremental_partition_matches_gold_and_keeps_same_actor_events_apart():
    index = StoryIndex()
    for f in FEATURES:
        index.add(f)
    partition = index.partition()
    assert _groups(partition) == _groups(GOLD)
    assert partition["v1"] != partition["p1"]  # same minister, different event
    assert bcubed(partition, GOLD).f1 == 1.0


def test_recluster_gives_the_incremental_partition_and_ids_from_first_member():
    index = StoryIndex()
    partition = index.recluster(FEATURES)
    assert _groups(partition) == _groups(GOLD)
    assert partition["v2"] == "story-v1"  # first member by (published, id)
    assert partition["f3"] == "story-f1"


DUPLICATE = _features(CORPUS[1], duplicate_of="v2", new_id="v2-copy")


@settings(max_examples=30, deadline=None)
@given(st.permutations(list(range(len(FEATURES) + 1))))
def test_any_arrival_order_gives_the_same_partition(order):
    everything = [*FEATURES, DUPLICATE]  # a duplicate may come before its canonical
    index = StoryIndex()
    for i in order:
        index.add(everything[i])
    partition = index.partition()
    assert partition["v2-copy"] == partition["v2"]
    assert _groups({k: v for k, v in partition.items() if k != "v2-copy"}) == _groups(GOLD)


def test_story_id_is_kept_when_the_story_grows_with_an_earlier_article():
    index = StoryIndex()
    first = index.add(FEATURES[1])  # v2 arrives first
    assert first == "story-v2"
    assert index.add(FEATURES[0]) == "story-v2"  # v1 is older but the id stays
    assert index.add(FEATURES[2]) == "story-v2"


def test_state_round_trips_through_json_and_keeps_growing():
    index = StoryIndex()
    for f in FEATURES[:4]:
        index.add(f)
    state = json.loads(json.dumps(index.to_state()))
    restored = StoryIndex.from_state(state)
    assert restored.partition() == index.partition()
    for f in FEATURES[4:]:
        restored.add(f)
    assert _groups(restored.partition()) == _groups(GOLD)
    assert StoryIndex.from_state(None).partition() == {}


def test_duplicates_join_their_canonical_story_whatever_comes_first():
    duplicate = _features(CORPUS[5], duplicate_of="f1", new_id="f1-copy")
    for features in ([duplicate, *FEATURES], [*FEATURES, duplicate]):
        index = StoryIndex()
        for f in features:
            index.add(f)
        partition = index.partition()
        assert partition["f1-copy"] == partition["f1"]
        assert _groups({k: v for k, v in partition.items() if k != "f1-copy"}) == _groups(GOLD)


def test_features_are_compact_picklable_and_json_round_trip():
    f = FEATURES[0]
    assert pickle.loads(pickle.dumps(f)) == f
    assert type(f).from_dict(json.loads(json.dumps(f.to_dict()))) == f
    assert f.published == "2024-03-04"
    assert "Rina Suhendra" in f.entities
    assert "kunjung" in f.terms and "dalam" not in f.terms  # stemmed, stopwords out
    assert "<" not in json.dumps(f.to_dict())


def test_re_adding_an_article_replaces_it():
    index = StoryIndex()
    for f in FEATURES:
        index.add(f)
    before = index.partition()
    index.add(FEATURES[0])
    assert index.partition() == before
    assert len(index.features) == len(FEATURES)


def test_replacing_the_article_that_held_a_story_together_splits_it():
    index = StoryIndex()
    for f in FEATURES:
        index.add(f)
    visit = index.partition()["v1"]
    # v2 rewritten as a flood report: the visit story loses it and the flood story gains it.
    index.add(_features(("flood", "v2", "2024-03-05", CORPUS[6][3])))
    partition = index.partition()
    assert partition["v2"] == partition["f2"]
    assert partition["v1"] == partition["v3"] == visit


@settings(max_examples=20, deadline=None)
@given(st.permutations(list(range(3, len(FEATURES)))))
def test_after_a_recluster_any_arrival_order_still_gives_one_partition(order):
    # Reference frequencies come from the first three articles; the rest arrive in any order.
    index = StoryIndex()
    index.recluster(FEATURES[:3])
    state = index.to_state()
    restored = StoryIndex.from_state(json.loads(json.dumps(state)))
    for i in order:
        restored.add(FEATURES[i])
    assert _groups(restored.partition()) == _groups(GOLD)
    assert restored.reference_n == 3

def test_bcubed_scores_split_and_merge():
    gold = {"a": 1, "b": 1, "c": 2, "d": 2}
    merged = bcubed({"a": "x", "b": "x", "c": "x", "d": "x"}, gold)
    assert merged.recall == 1.0 and merged.precision == 0.5
    split = bcubed({"a": "1", "b": "2", "c": "3", "d": "4"}, gold)
    assert split.precision == 1.0 and split.recall == 0.5
    assert round(split.f1, 4) == round(2 * 0.5 / 1.5, 4)


def test_components_are_those_of_every_linked_pair():
    # _components scores each candidate pair once (links and candidates are symmetric) and
    # skips pairs already joined: its partition must be that of all pairs, scored both ways.
    index = StoryIndex()
    index.recluster(FEATURES)
    ids = sorted(index.features)
    parent = {a: a for a in ids}

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    for a in ids:
        for b in ids:
            if a != b and (b in index._forced_links(a) or (b in index._candidates(a) and index._linked(a, b))):
                parent[find(b)] = find(a)
    expected = {frozenset(m for m in ids if find(m) == root) for root in {find(m) for m in ids}}
    assert {frozenset(c) for c in index._components(set(ids))} == expected
    assert all(
        (b in index._candidates(a)) == (a in index._candidates(b)) and index._linked(a, b) == index._linked(b, a)
        for a in ids for b in ids if a != b
    )
