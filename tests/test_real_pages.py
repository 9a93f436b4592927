"""Floors on the real-pages development set, read in place from ../shared/data/real_pages
(never copied into the repository); skipped when the folder is absent."""

from __future__ import annotations

import pytest

from warta.eval.pages import REAL_PAGES, score_pages, summary

pytestmark = pytest.mark.skipif(not (REAL_PAGES / "expected.json").exists(), reason="real_pages dev set absent")


@pytest.fixture(scope="module")
def scores():  # noqa: ANN201
    return score_pages()


def test_dates_titles_languages_and_front_pages_all_right(scores) -> None:  # noqa: ANN001
    counts = summary(scores)
    n = counts["articles"]
    assert (counts["date"], counts["title"], counts["language"], counts["articles_kept"]) == (n, n, n, n)
    assert counts["indexes_refused"] == counts["indexes"]


def test_bodies_similar_on_most_pages(scores) -> None:  # noqa: ANN001
    counts = summary(scores)
    assert counts["body"] >= 0.85 * counts["articles"]  # floor below today's 14/16; target 0.9


def test_little_boilerplate_left(scores) -> None:  # noqa: ANN001
    assert summary(scores)["boilerplate_lines"] <= 8
