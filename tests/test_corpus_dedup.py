"""Every planted duplicate in examples/manifest.json is found, and nothing else is merged."""

import json

from conftest import MANIFEST

from warta.dedup import canonical_url

PLAN = json.loads(MANIFEST.read_text(encoding="utf-8"))


def _by_url(store):
    rows = store.db.execute("SELECT id, url, duplicate_of FROM articles WHERE url IS NOT NULL")
    return {canonical_url(r["url"]): (r["id"], r["duplicate_of"]) for r in rows}


def test_corpus_ingests_without_rejections(corpus_store):
    report = corpus_store.ingest_report
    assert report.rejected == []
    assert report.stored == len(PLAN["articles"]) + 2  # and the two seeds


def test_every_planted_duplicate_points_at_its_group(corpus_store):
    stored = _by_url(corpus_store)
    for group in PLAN["duplicates"]:
        canonical_id, canonical_dup = stored[canonical_url(group["canonical"])]
        root = canonical_dup or canonical_id
        for copy in group["copies"]:
            copy_id, copy_dup = stored[canonical_url(copy)]
            assert (copy_dup or copy_id) == root, f"{copy} is not linked to {group['canonical']}"


def test_distinct_articles_are_not_merged(corpus_store):
    stored = _by_url(corpus_store)
    copies = {canonical_url(c) for g in PLAN["duplicates"] for c in g["copies"]}
    roots = {}
    for article in PLAN["articles"]:
        key = canonical_url(article["url"])
        if key in copies:
            continue
        article_id, duplicate_of = stored[key]
        assert duplicate_of is None, f"{article['url']} was merged into {duplicate_of}"
        roots[article_id] = key
    assert len(roots) == len(PLAN["articles"]) - len(copies)


def test_every_outlet_of_a_duplicate_group_is_kept_as_a_source(corpus_store):
    stored = _by_url(corpus_store)
    outlet_of = {canonical_url(a["url"]): a["outlet"] for a in PLAN["articles"]}
    for group in PLAN["duplicates"]:
        canonical_id, _ = stored[canonical_url(group["canonical"])]
        sources = {s["outlet"] for s in corpus_store.article_sources(canonical_id)}
        expected = {outlet_of[canonical_url(u)] for u in [group["canonical"], *group["copies"]]}
        assert expected <= sources
