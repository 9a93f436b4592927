"""Every planted duplicate in examples/manifest.json is found, and nothing else is merged."""

import json

from warta.dedup import canonical_url

from conftest import MANIFEST

PLAN = json.loads(MANIFEST.read_text(encoding="utf-8"))


class _ByUrl(dict):
    """Stored (id, duplicate_of) by the URL as written, or by its canonical form."""

    def __missing__(self, url):
        return self[canonical_url(url)] if canonical_url(url) != url else super().__missing__(url)


def _by_url(store):
    rows = store.db.execute("SELECT id, url, duplicate_of FROM articles WHERE url IS NOT NULL ORDER BY rowid").fetchall()
    found = _ByUrl()
    for r in rows:
        found.setdefault(canonical_url(r["url"]), (r["id"], r["duplicate_of"]))
    for r in rows:
        found[r["url"]] = (r["id"], r["duplicate_of"])
    return found


def test_corpus_ingests_without_rejections(corpus_store):
    report = corpus_store.ingest_report
    assert report.rejected == []
    assert report.stored == len(PLAN["articles"]) + 2  # and the two seeds


def test_every_planted_duplicate_points_at_its_group(corpus_store):
    stored = _by_url(corpus_store)
    for group in PLAN["duplicates"]:
        canonical_id, canonical_dup = stored[group["canonical"]]
        root = canonical_dup or canonical_id
        for copy in group["copies"]:
            copy_id, copy_dup = stored[copy]
            assert (copy_dup or copy_id) == root, f"{copy} is not linked to {group['canonical']}"


def test_distinct_articles_are_not_merged(corpus_store):
    stored = _by_url(corpus_store)
    copies = {c for g in PLAN["duplicates"] for c in g["copies"]}
    roots = {}
    for article in PLAN["articles"]:
        if article["url"] in copies:
            continue
        article_id, duplicate_of = stored[article["url"]]
        assert duplicate_of is None, f"{article['url']} was merged into {duplicate_of}"
        roots[article_id] = article["url"]
    assert len(roots) == len(PLAN["articles"]) - len(copies)


def test_every_outlet_of_a_duplicate_group_is_kept_as_a_source(corpus_store):
    stored = _by_url(corpus_store)
    outlet_of = {a["url"]: a["outlet"] for a in PLAN["articles"]}
    for group in PLAN["duplicates"]:
        canonical_id, _ = stored[group["canonical"]]
        sources = {s["outlet"] for s in corpus_store.article_sources(canonical_id)}
        expected = {outlet_of[u] for u in [group["canonical"], *group["copies"]]}
        assert expected <= sources
