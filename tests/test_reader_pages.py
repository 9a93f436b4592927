"""Reading-room lists and exports over the example corpus: counts, story links, citations."""

from __future__ import annotations

import sys
from pathlib import Path

import lxml.html
import pytest
from fastapi.testclient import TestClient
from markdown_it import MarkdownIt

from warta.api import create_app
from warta.export import render
from warta.web import routes

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _fake_store import select  # noqa: E402

HTML = {"accept": "text/html"}


@pytest.fixture(scope="module")
def client(corpus_store):
    with TestClient(create_app(corpus_store.path)) as test_client:
        yield test_client


def _doc(client: TestClient, url: str) -> lxml.html.HtmlElement:
    response = client.get(url, headers=HTML)
    assert response.status_code == 200, response.text[:300]
    return lxml.html.fromstring(response.text)


def test_a_cut_story_list_says_n_of_m(client, corpus_store, monkeypatch) -> None:
    total = corpus_store.count_stories()
    monkeypatch.setattr(routes, "PAGE_SIZE", 4)
    first = _doc(client, "/")
    assert len(select(first, ".story-card")) == 4
    assert " ".join(select(first, "p.count")[0].text_content().split()) == f"Stories 1–4 of {total}"
    second = _doc(client, "/?offset=4")
    assert " ".join(select(second, "p.count")[0].text_content().split()) == f"Stories 5–8 of {total}"
    assert client.get("/?format=json").json()["total"] == total
    monkeypatch.setattr(routes, "PAGE_SIZE", 1000)
    whole = _doc(client, "/")
    assert select(whole, "p.count")[0].text_content().strip() == f"{total} stories"


def test_a_cut_search_says_n_of_m_and_each_hit_links_its_story(client, corpus_store, monkeypatch) -> None:
    total = corpus_store.count_search("banjir")
    monkeypatch.setattr(routes, "PAGE_SIZE", 2)
    doc = _doc(client, "/search?q=banjir")
    assert " ".join(select(doc, "p.count")[0].text_content().split()) == f"Results 1–2 of {total}"
    for hit in select(doc, ".results li"):
        article = select(hit, "h2 a")[0].get("href").rsplit("/", 1)[1]
        story = select(hit, "a.story-link")[0].get("href").rsplit("/", 1)[1]
        assert article in {a["id"] for a in corpus_store.get_story(story)["articles"]}


def test_markdown_brief_citations_are_links_to_the_cited_articles(corpus_store) -> None:
    checked = 0
    for listed in corpus_store.list_stories(limit=100):
        story = corpus_store.get_story(listed["id"])
        html = MarkdownIt("commonmark").render(render(story, "markdown"))
        brief = select(lxml.html.fromstring(html), "p")[0]
        links = select(brief, "a")
        url_of = {a["id"]: a.get("url") for a in story["articles"]}
        linked = [s for s in story["summary_sentences"] if url_of[s["article"]]]  # an address to link to
        assert len(links) == len(linked)
        checked += len(links)
        for link, sentence in zip(links, linked, strict=True):
            assert link.text_content() == str(sentence["n"]) and link.get("href") == url_of[sentence["article"]]
        assert "**" not in brief.text_content()
    assert checked >= 20
