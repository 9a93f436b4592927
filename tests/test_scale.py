"""The map step gives the same analyses in-process, in a process pool and on Dask."""

import pytest

from warta.analyze import analyze
from warta.clean import clean_document
from warta.ingest import RawDocument, read_paths
from warta.scale import dask_executor, local_executor, process_executor

from conftest import EXAMPLES


def _articles(limit: int = 6):
    docs = [d for d in read_paths([EXAMPLES / "articles"]) if isinstance(d, RawDocument)][:limit]
    articles = [clean_document(d) for d in docs]
    for n, article in enumerate(articles):
        article.id = article.id or f"a{n}"
    return articles


def test_process_pool_gives_the_same_analyses_in_order():
    articles = _articles()
    expected = [a.to_dict() for a in local_executor().map(analyze, articles)]
    pool = process_executor(2)
    try:
        got = [a.to_dict() for a in pool.map(analyze, articles)]
    finally:
        pool.close()
    assert got == expected


def test_dask_gives_the_same_analyses_in_order():
    pytest.importorskip("dask.distributed")
    articles = _articles(3)
    expected = [a.to_dict() for a in map(analyze, articles)]
    executor = dask_executor()
    try:
        got = [a.to_dict() for a in executor.map(analyze, articles)]
    finally:
        executor.close()
    assert got == expected
