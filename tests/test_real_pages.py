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
    assert counts["body"] >= 0.9 * counts["articles"]  # 15 of 16: all but the gallery (see docs/benchmarks.md)


def test_no_boilerplate_left(scores) -> None:  # noqa: ANN001
    assert summary(scores)["boilerplate_lines"] == 0


# Which pages are photo pages and galleries (PROVENANCE.md: the detik photo page and the
# liputan6 gallery; the republika "In Picture" page is a photo page by its address).
PHOTO_PAGES = {"detik-singlepage2.html": "photo", "liputan6-singlepage3.html": "gallery", "republika-singlepage2.html": "photo"}


def test_photo_pages_and_galleries_are_marked(scores) -> None:  # noqa: ANN001
    kinds = {s.file.rsplit("/", 1)[-1]: s.found.get("kind") for s in scores if s.kind == "article"}
    assert kinds == {name: PHOTO_PAGES.get(name, "article") for name in kinds}


def test_the_gallery_keeps_every_caption_in_order(scores) -> None:  # noqa: ANN001
    """The expected text of the gallery repeats its first caption once per photo (a quirk of
    the scraper that made it); the page has five captions, all kept, the first one first."""
    from warta.eval.pages import load_expected, tokens

    [gallery] = [s for s in scores if s.file.endswith("liputan6-singlepage3.html")]
    [expected] = [e for e in load_expected() if e["file"] == gallery.file]
    paragraphs = str(gallery.found["text"]).split("\n")
    assert len(paragraphs) == 5 and len(set(paragraphs)) == 5
    first_caption = tokens(expected["content"])[: len(tokens(paragraphs[0]))]
    assert tokens(paragraphs[0]) == first_caption
