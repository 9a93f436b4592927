"""The server-rendered pages: what a reader sees, and that each page has a JSON twin."""

from __future__ import annotations

import sys
from pathlib import Path

import lxml.html
import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))
from warta.api import create_app  # noqa: E402
from warta.web import views  # noqa: E402
from warta.web.highlight import Mark, highlight  # noqa: E402
from warta.web.templating import link_or_text, safe_url  # noqa: E402

from _fake_store import ARTICLES, STORY_ID, build_database, select  # noqa: E402

HTML = {"accept": "text/html"}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("web") / "web.db"
    build_database(path).close()
    with TestClient(create_app(path)) as test_client:
        yield test_client


def page(client: TestClient, url: str, status: int = 200) -> lxml.html.HtmlElement:
    response = client.get(url, headers=HTML)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    return lxml.html.fromstring(response.text)


def texts(nodes: list) -> list[str]:
    return [" ".join(n.text_content().split()) for n in nodes]


def test_story_list_links_stories_and_keeps_filters(client: TestClient) -> None:
    doc = page(client, "/")
    links = select(doc, ".story-card h2 a")
    assert [a.get("href") for a in links] == [f"/stories/{STORY_ID}"]
    assert "KabarPelabuhan, WartaLaut" in select(doc, ".story-card .meta")[0].text_content()
    filtered = page(client, "/?outlet=WartaLaut&date_from=&q=")
    assert select(filtered, "input[name=outlet]")[0].get("value") == "WartaLaut"
    assert len(select(filtered, ".story-card")) == 1
    none = page(client, "/?entity=Atlantis")
    assert select(none, ".story-card") == [] and "No stories match" in none.text_content()
    assert select(page(client, "/?date_from=kemarin", status=422), ".errors li")


def test_every_page_links_its_json_twin(client: TestClient) -> None:
    for url in ["/", f"/stories/{STORY_ID}", "/articles/ferry-1", "/search?q=feri"]:
        doc = page(client, url)
        twin = select(doc, 'link[rel=alternate][type="application/json"]')[0].get("href")
        assert select(doc, "a.json-twin")[0].get("href") == twin
        response = client.get(twin)
        assert response.status_code == 200 and response.headers["content-type"] == "application/json", url
    assert client.get(f"/stories/{STORY_ID}.json").json()["id"] == STORY_ID
    assert client.get(f"/stories/{STORY_ID}?format=json").json()["id"] == STORY_ID
    assert client.get("/articles/ferry-2.json").json()["article"]["outlet"] == "WartaLaut"
    assert client.get("/?format=json").json()["stories"][0]["id"] == STORY_ID
    assert client.get("/?format=xml").status_code == 422


def test_story_page_brief_cites_articles(client: TestClient) -> None:
    doc = page(client, f"/stories/{STORY_ID}")
    assert select(doc, "h1")[0].text_content() == "Feri Bahari Jaya menyeberang ke Bakauheni"
    sentences = select(doc, "#brief .brief-sentence")
    assert len(sentences) == 2
    assert [a.get("href") for a in select(sentences[0], "a.cite")] == ["/articles/ferry-1"]
    assert [a.text_content() for a in select(sentences[1], "a.cite")] == ["2"]


def test_disagreements_panel_shows_each_value_with_outlets_and_sources(client: TestClient) -> None:
    doc = page(client, f"/stories/{STORY_ID}")
    panel = select(doc, "#disagreements")[0]
    conflicts = select(panel, ".conflict")
    assert [select(c, "h3")[0].text_content().split()[0] for c in conflicts] == ["departure", "passengers"]
    passengers = select(conflicts[1], ".conflict-value")
    assert texts([select(v, ".value")[0] for v in passengers]) == ["310", "290"]
    assert texts([select(v, ".reported-by")[0] for v in passengers]) == [
        "reported by KabarPelabuhan", "reported by WartaLaut"]
    assert texts([select(v, ".attributed")[0] for v in passengers]) == ["citing Rudi Hartono", "citing Siti Aminah"]
    assert select(passengers[1], ".reported-by a")[0].get("href") == "/articles/ferry-2"
    assert "290 penumpang" in select(passengers[1], "details.evidence blockquote")[0].text_content()
    # The panel comes before the timeline: disagreements are what a reader must not miss.
    sections = [s.get("id") for s in select(doc, "section")]
    assert sections.index("disagreements") < sections.index("timeline")


def test_timeline_marks_expected_and_hedged_entries(client: TestClient) -> None:
    doc = page(client, f"/stories/{STORY_ID}")
    entries = select(doc, "ol.timeline > li")
    assert [select(e, "time")[0].text for e in entries] == ["Sunday 3 March 2024", "Monday 4 March 2024", "Tuesday 5 March 2024"]
    assert all("TIMEX3" not in (select(e, "time")[0].get("title") or "") for e in entries)
    classes = [set(e.get("class").split()) for e in entries]
    assert "tl-hedged" in classes[0] and "tl-reported" in classes[0]
    assert classes[1] == {"tl-entry", "tl-reported"}
    assert "tl-expected" in classes[2] and "tl-reported" not in classes[2]
    assert select(entries[2], ".badge-expected") and select(entries[0], ".badge-hedged")
    source = select(entries[2], ".tl-sources li")[0]
    assert select(source, "a")[0].get("href") == "/articles/ferry-1"
    assert "dijadwalkan tiba" in select(source, "q")[0].text_content()


def test_relay_graph_nests_outlet_intermediary_source(client: TestClient) -> None:
    doc = page(client, f"/stories/{STORY_ID}")
    tree = select(doc, "#relays .relay-tree")[0]
    top = tree.xpath("./ul/li")
    assert [li.xpath("./span[@class='relay-name']")[0].text for li in top] == ["KabarPelabuhan", "WartaLaut"]
    relayed = top[0].xpath("./ul/li")[0]
    assert relayed.xpath("./span[@class='relay-name']")[0].text == "Harian Selat"
    assert relayed.xpath("./ul/li/span[@class='relay-name']")[0].text == "Rudi Hartono"
    assert top[1].xpath("./ul/li/span[@class='relay-name']")[0].text == "Siti Aminah"
    svg_labels = [t.text for t in select(doc, "#relays svg text")]
    assert set(svg_labels) == {"KabarPelabuhan", "Harian Selat", "Rudi Hartono", "WartaLaut", "Siti Aminah"}


def test_map_projects_places(client: TestClient) -> None:
    doc = page(client, f"/stories/{STORY_ID}")
    circles = select(doc, ".map svg .place circle")
    spots = {(round(float(c.get("cx")), 2), round(float(c.get("cy")), 2)) for c in circles}
    assert spots == {(105.99, 5.93), (105.75, 5.87)}  # x = lon, y = -lat
    west, north, width, height = map(float, select(doc, ".map svg")[0].get("viewbox").split())
    for x, y in spots:
        assert west < x < west + width and north < y < north + height
    assert [r[0].text_content() for r in select(doc, "#entities tbody tr")] == ["Merak", "Bakauheni", "Rudi Hartono"]


def test_article_page_highlights_without_changing_the_text(client: TestClient) -> None:
    doc = page(client, "/articles/ferry-1")
    body = select(doc, ".article-text")[0]
    assert body.text_content() == ARTICLES[0]["text"]
    entity_text = {s.text_content() for s in select(body, ".hl-entity")}
    assert {"Merak", "Bakauheni", "Rudi Hartono"} <= entity_text
    assert "Senin pagi" in {s.text_content() for s in select(body, ".hl-time")}
    assert "".join(s.text_content() for s in select(body, ".hl-quote")) == "kapal membawa 310 penumpang"
    assert [a.get("id") for a in select(body, ".sentence-anchor")] == ["s0", "s1", "s2"]
    assert select(doc, ".attributions li .via")[0].text_content() == "via Harian Selat"
    url_link = select(doc, "header .meta a[rel~=noopener]")[0]
    assert url_link.get("href") == ARTICLES[0]["url"]


def test_search_page_results_and_syntax_errors(client: TestClient) -> None:
    doc = page(client, "/search?q=syahbandar")
    assert [a.get("href") for a in select(doc, ".results h2 a")] == ["/articles/ferry-1"]
    assert "syahbandar" in select(doc, ".snippet mark")[0].text_content().lower()
    bad = page(client, "/search?q=%22feri", status=400)
    assert "invalid search query" in select(bad, ".error-message")[0].text_content()
    assert select(bad, "form.filters input[name=q]")[0].get("value") == '"feri'
    assert select(page(client, "/search"), "form input[name=q]")
    assert client.get("/search?q=%22feri&format=json").status_code == 400


def test_unknown_pages_are_html_404s(client: TestClient) -> None:
    assert "no story" in select(page(client, "/stories/none", status=404), ".error-message")[0].text_content()
    page(client, "/articles/none", status=404)
    assert client.get("/api/stories/none").headers["content-type"] == "application/json"


def test_pages_use_only_local_assets_and_no_inline_script(client: TestClient) -> None:
    for url in ["/", f"/stories/{STORY_ID}", "/articles/ferry-1", "/search?q=feri", "/docs"]:
        doc = page(client, url)
        for script in doc.iter("script"):
            assert script.get("src", "").startswith("/static/") and not (script.text or "").strip(), url
        for element in doc.iter():
            if not isinstance(element.tag, str):
                continue
            assert "style" not in element.attrib, (url, element.tag)
            assert not [a for a in element.attrib if a.lower().startswith("on")], (url, element.tag)
        for link in doc.iter("link"):
            assert link.get("href", "").startswith("/"), url
    for asset in ["/static/warta.css", "/static/warta.js", "/static/favicon.svg"]:
        assert client.get(asset).status_code == 200


def test_pages_are_responsive() -> None:
    css = (Path(views.__file__).parent / "static" / "warta.css").read_text()
    assert "@media (max-width" in css
    base = (Path(views.__file__).parent / "templates" / "base.html").read_text()
    assert 'name="viewport"' in base


# -- units -------------------------------------------------------------------------------


def test_only_web_urls_become_links() -> None:
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in ["javascript:alert(1)", " JAVASCRIPT:alert(1)", "data:text/html,x", "//evil.example", "ftp://x",
                "http://x\"onmouseover=1", None, 5]:
        assert safe_url(bad) is None
        assert "<a" not in str(link_or_text(bad))
    assert str(link_or_text("javascript:<b>")) == '<span class="url-text">javascript:&lt;b&gt;</span>'


def test_brief_citations_link_only_known_articles() -> None:
    story = {"articles": [{"id": "x1", "outlet": "A<b>"}]}
    html = str(views.render_brief("Fact [1] and [9] and [x1] <i>", story))
    assert html.count('href="/articles/x1"') == 2
    assert "[9]" in html and "&lt;i&gt;" in html and "A&lt;b&gt;" in html


def test_relay_tree_merges_chains() -> None:
    story = {
        "articles": [{"id": "1", "outlet": "O"}],
        "attributions": [
            {"article": "1", "source": {"text": "the ministry", "canonical": "Ministry"}, "via": ["Agency"]},
            {"article": "1", "source": {"text": "x", "canonical": "Ministry"}, "via": ["Agency"]},
            {"article": "1", "source": {"text": "Chief"}, "via": []},
        ],
    }
    (root,) = views.relay_tree(story)
    assert root.name == "O" and root.count == 3
    assert root.children["Agency"].count == 2 and root.children["Agency"].children["Ministry"].count == 2
    assert root.children["Chief"].count == 1


def test_map_view_frames_and_ignores_bad_coordinates() -> None:
    points = views.map_points([
        {"canonical": "Pyongyang", "lat": 39.0, "lon": 125.8, "mentions": 3},
        {"canonical": "Vladivostok", "lat": 43.1, "lon": 131.9},
        {"canonical": "Nowhere", "lat": 95.0, "lon": 10.0},
        {"canonical": "Unknown"},
    ])
    assert [p["name"] for p in points] == ["Pyongyang", "Vladivostok"]
    view = views.map_view(points)
    assert view is not None and view["meridians"] and view["parallels"]
    assert view["west"] < 125.8 and view["east"] > 131.9
    assert views.map_view([]) is None


@pytest.mark.parametrize(
    ("value", "shown"),
    [("2023-09-10TAF", "Sunday 10 September 2023, afternoon"), ("2023-09", "September 2023"), ("198", "the 1980s"),
     ("2023", "2023"), ("2023-W36", "week 36 of 2023"), ("2023-W36-WE", "weekend of week 36, 2023"),
     ("2023-Q3", "Q3 2023"), ("2023-09-12T13:21", "Tuesday 12 September 2023, 13:21"),
     ("2023-09-12T13:21+07:00", "Tuesday 12 September 2023, 13:21 WIB"), ("PRESENT_REF", "the present"),
     ("2023-13", "2023")],
)
def test_human_dates(value: str, shown: str) -> None:
    assert views.human_date(value) == shown


@given(
    text=st.text(alphabet=st.sampled_from(list("ab <>&\"'\n")), max_size=40),
    spans=st.lists(st.tuples(st.integers(0, 45), st.integers(0, 45), st.sampled_from(["entity", "time", "quote"])),
                   max_size=8),
)
def test_highlight_keeps_text_and_escapes_everything(text: str, spans: list[tuple[int, int, str]]) -> None:
    marks = [Mark(min(a, b), max(a, b), kind, "<label>") for a, b, kind in spans if a != b]
    html = str(highlight(text, marks, [0]))
    doc = lxml.html.fragment_fromstring(html, create_parent="div")
    assert doc.text_content() == text
    assert {el.tag for el in doc.iter()} <= {"div", "span"}


def test_cached_story_page_follows_the_data(tmp_path: Path) -> None:
    from warta.store import Store

    path = tmp_path / "cache.db"
    build_database(path).close()
    with TestClient(create_app(path)) as fresh:
        first = fresh.get(f"/stories/{STORY_ID}", headers=HTML).text
        assert fresh.get(f"/stories/{STORY_ID}", headers=HTML).text == first
        assert fresh.app.state.page_cache.hits == 1
        # Another process rewrites the story: the next page must show the new title.
        store = Store(path)
        story = store.get_story(STORY_ID)
        story["title"] = "Judul yang diperbarui"
        with store.transaction():
            store.save_story(story)
        store.close()
        updated = page(fresh, f"/stories/{STORY_ID}")
        assert select(updated, "h1")[0].text_content() == "Judul yang diperbarui"


def test_article_entities_are_grouped_and_untitled_articles_get_a_heading() -> None:
    groups = views.entity_groups([
        {"text": "Kim", "canonical": "Kim Jong Un", "type": "PER"},
        {"text": "Kim Jong Un", "canonical": "Kim Jong Un", "type": "PER"},
        {"text": "Merak", "canonical": "Merak", "type": "LOC"},
    ])
    assert groups == [{"canonical": "Kim Jong Un", "type": "PER", "count": 2, "forms": ["Kim"]},
                      {"canonical": "Merak", "type": "LOC", "count": 1, "forms": []}]
    assert views.excerpt("Satu dua  tiga\nempat " * 20, limit=20) == "Satu dua tiga empat…"
