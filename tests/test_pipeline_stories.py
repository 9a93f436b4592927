"""Stories through the whole pipeline: arrival order and split ingests do not change them."""

from pathlib import Path

from warta.pipeline import ingest_paths
from warta.store import Store

from conftest import EXAMPLES


def _files() -> list[Path]:
    return sorted(p for p in EXAMPLES.rglob("*") if p.is_file())


def _groups(store: Store) -> set[frozenset[str]]:
    """Stories as sets of article URLs (ids of undated text files differ by nothing else)."""
    urls = {a.id: a.url or a.id for a in store.list_articles(limit=10000)}
    groups: dict[str, set[str]] = {}
    for article_id, story_id in store.memberships().items():
        groups.setdefault(story_id, set()).add(urls[article_id])
    return {frozenset(g) for g in groups.values()}


def test_reversed_arrival_order_gives_the_same_stories(tmp_path):
    forward = Store(tmp_path / "forward.db")
    ingest_paths(_files(), forward)
    backward = Store(tmp_path / "backward.db")
    ingest_paths(list(reversed(_files())), backward)
    assert _groups(forward) == _groups(backward)
    assert len(_groups(forward)) >= 9


def test_two_ingests_end_where_one_would(tmp_path):
    files = _files()
    split = Store(tmp_path / "split.db")
    ingest_paths(files[: len(files) // 2], split)
    ingest_paths(files[len(files) // 2 :], split)
    whole = Store(tmp_path / "whole.db")
    ingest_paths(files, whole)
    assert _groups(split) == _groups(whole)


def test_a_first_bulk_ingest_builds_each_story_once(tmp_path, monkeypatch):
    # Batches of 25: each would rewrite its stories, yet the ingest ends in a recluster that
    # rewrites them all; a batch's rewrite is skipped once that recluster is due, which here
    # is from the first batch on (it holds over 20 articles, and nothing was clustered before).
    import warta.stories

    built: list[str] = []
    real_build = warta.stories.build_story

    def counting_build(story_id, pairs, *rest):
        built.append(story_id)
        return real_build(story_id, pairs, *rest)

    monkeypatch.setattr(warta.stories, "build_story", counting_build)
    store = Store(tmp_path / "bulk.db")
    report = ingest_paths(_files(), store, batch_size=25)
    stories = set(store.memberships().values())
    assert len(stories) >= 9
    assert sorted(built) == sorted(stories)
    assert report.stories_updated == len(stories)
    monkeypatch.setattr(warta.stories, "build_story", real_build)
    whole = Store(tmp_path / "whole.db")
    ingest_paths(_files(), whole)
    assert _groups(store) == _groups(whole)


def test_an_ingest_cut_short_before_its_recluster_loses_no_story(tmp_path):
    # The batches stored without their stories (the recluster at the end never ran): the next
    # ingest that stores a batch writes every story, whether it adds an article or only
    # re-reads what the cut-short one stored (README: running it again completes the work).
    from warta.clean import clean_document
    from warta.ingest import read_paths
    from warta.pipeline import Ingestor, IngestReport

    files = _files()
    whole, most = Store(tmp_path / "whole.db"), Store(tmp_path / "most.db")
    ingest_paths(files, whole)
    ingest_paths(files[:-1], most)
    for name, next_files, uncut in (("adds", files[-1:], whole), ("again", files[:-1], most)):
        store = Store(tmp_path / f"cut-{name}.db")
        session = Ingestor(store)
        articles = [clean_document(doc) for doc in read_paths(files[:-1])]
        session.store_batch(articles, IngestReport())  # no finish(): the process stopped here
        assert not store.memberships()
        ingest_paths(next_files, store)
        assert set(store.memberships()) == {a.id for a in store.list_articles(limit=10000)}
        assert _groups(store) == _groups(uncut)


def test_stories_left_to_the_recluster_are_written_when_another_writer_came_in_between(tmp_path):
    # A batch leaves its stories to the ingest's closing recluster. Before that closes,
    # another writer's ingest ends having stored nothing (its only file is junk), which moves
    # the database's generation on; the first ingest reloads at its close and must still
    # write its articles' stories.
    from warta.clean import clean_document
    from warta.ingest import read_paths
    from warta.pipeline import Ingestor, IngestReport

    files = _files()
    store = Store(tmp_path / "shared.db")
    first = Ingestor(store)
    first.store_batch([clean_document(doc) for doc in read_paths(files[:20])], IngestReport())
    assert first.stories.pending and not store.memberships()
    junk = tmp_path / "junk.jsonl"
    junk.write_bytes(b"\x00\xff not json\n")
    report = ingest_paths([junk], Store(tmp_path / "shared.db"))  # the other writer
    assert report.stored == 0 and report.rejected
    first.finish(IngestReport())
    assert set(store.memberships()) == {a.id for a in store.list_articles(limit=10000)}
    whole = Store(tmp_path / "whole.db")
    ingest_paths(files[:20], whole)
    assert _groups(store) == _groups(whole)


def test_a_small_first_ingest_weighs_terms_by_its_own_frequencies(tmp_path):
    # Under 20 articles too: without reference frequencies every word weighs alike and
    # names most articles share ("Indonesia") link unrelated ones.
    from warta.stories_bridge import StoryKeeper

    store = Store(tmp_path / "small.db")
    ingest_paths(_files()[:5], store)
    index = StoryKeeper(store).index
    assert index.reference_n == index.canonical_count >= 2
    assert set(store.memberships()) == {a.id for a in store.list_articles(limit=100)}
