"""The JSON API: listing, filters, validation, search errors, ingest, limits, docs."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parent))
from warta.api import create_app  # noqa: E402

from _fake_store import ARTICLES, STORY_ID, build_database  # noqa: E402


@pytest.fixture()
def client(tmp_path: Path):
    build_database(tmp_path / "api.db").close()
    with TestClient(create_app(tmp_path / "api.db")) as test_client:
        yield test_client


def test_healthz_counts_articles(client: TestClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "articles": len(ARTICLES)}


def test_story_list_and_filters(client: TestClient) -> None:
    def ids(**params: str) -> list[str]:
        response = client.get("/api/stories", params=params)
        assert response.status_code == 200, response.text
        return [s["id"] for s in response.json()["stories"]]

    assert ids() == [STORY_ID]
    assert ids(outlet="WartaLaut") == [STORY_ID]
    assert ids(outlet="No Such Outlet") == []
    assert ids(entity="Merak") == [STORY_ID]
    assert ids(entity="Atlantis") == []
    assert ids(q="Bakauheni") == [STORY_ID]
    assert ids(q="gunung") == []
    assert ids(date_from="2024-03") == [STORY_ID]
    assert ids(date_from="2030-01-01") == []
    assert ids(date_to="2020") == []
    assert ids(offset="1") == []
    listed = client.get("/api/stories").json()["stories"][0]
    assert listed["article_count"] == 2
    assert listed["outlets"] == ["KabarPelabuhan", "WartaLaut"]


@pytest.mark.parametrize(
    "query",
    ["limit=0", "limit=100000", "limit=abc", "offset=-1", "date_from=yesterday", "date_to=2024-3-1", "outlet="],
)
def test_story_list_rejects_bad_parameters(client: TestClient, query: str) -> None:
    response = client.get(f"/api/stories?{query}")
    assert response.status_code == 422
    body = response.json()
    assert body["detail"] == "invalid request"
    assert body["errors"] and body["errors"][0]["loc"][0] == "query"


def test_story_detail_follows_the_contract(client: TestClient) -> None:
    story = client.get(f"/api/stories/{STORY_ID}").json()
    for key in ("id", "title", "summary", "articles", "entities", "timeline", "attributions", "conflicts",
                "corroborations"):
        assert key in story
    assert {a["id"] for a in story["articles"]} == {a["id"] for a in ARTICLES}
    assert [c["about"] for c in story["conflicts"]] == ["departure", "passengers"]
    missing = client.get("/api/stories/nope")
    assert missing.status_code == 404
    assert "nope" in missing.json()["detail"]


def test_timelinejs_export(client: TestClient) -> None:
    pytest.importorskip("warta.export", reason="the exporter is another engineer's module")
    from warta.export import render  # noqa: F401

    response = client.get(f"/api/stories/{STORY_ID}/timelinejs")
    assert response.status_code == 200
    events = response.json()["events"]
    assert len(events) == 3
    assert sorted(int(e["start_date"]["day"]) for e in events) == [3, 4, 5]


def test_articles_list_and_detail(client: TestClient) -> None:
    listing = client.get("/api/articles", params={"limit": 1}).json()
    assert listing["total"] == 2 and len(listing["articles"]) == 1
    assert "text" not in listing["articles"][0]  # lists stay small
    assert [a["id"] for a in client.get("/api/articles", params={"outlet": "WartaLaut"}).json()["articles"]] == [
        "ferry-2"]
    detail = client.get("/api/articles/ferry-1").json()
    assert detail["article"]["title"] == ARTICLES[0]["title"]
    assert detail["article"]["text"] == ARTICLES[0]["text"]
    assert {e["canonical"] for e in detail["analysis"]["entities"]} >= {"Merak", "Rudi Hartono"}
    assert detail["sources"][0]["url"] == ARTICLES[0]["url"]
    assert client.get("/api/articles/none-such").status_code == 404


def test_search_and_query_errors(client: TestClient) -> None:
    found = client.get("/api/search", params={"q": "penumpang"}).json()["results"]
    assert {r["id"] for r in found} == {"ferry-1", "ferry-2"}
    assert [r["id"] for r in client.get("/api/search", params={"q": "syahbandar"}).json()["results"]] == ["ferry-1"]
    for bad in ['"unclosed', "NEAR(", "AND", "a OR", ")"]:
        response = client.get("/api/search", params={"q": bad})
        assert response.status_code == 400, bad
        assert "search" in response.json()["detail"]
    assert client.get("/api/search").status_code == 422
    assert client.get("/api/search", params={"q": "   "}).status_code == 400


def test_post_one_article_then_read_it(client: TestClient) -> None:
    item = {
        "id": "posted-1",
        "title": "Dermaga baru dibuka",
        "outlet": "KabarPelabuhan",
        "url": "https://kabar-pelabuhan.example/dermaga",
        "published": "2024-03-06",
        "language": "id",
        "text": "Dermaga baru di Merak dibuka pada Rabu untuk kapal cepat. Pengelola berharap antrean berkurang.",
    }
    response = client.post("/api/articles", json=item)
    assert response.status_code == 201, response.text
    report = response.json()
    assert report["stored"] == 1 and report["article_ids"] == ["posted-1"] and report["rejected"] == []
    assert client.get("/api/articles/posted-1").json()["article"]["title"] == "Dermaga baru dibuka"
    assert [r["id"] for r in client.get("/api/search", params={"q": "dermaga"}).json()["results"]] == ["posted-1"]
    again = client.post("/api/articles", json=item).json()
    assert again["stored"] == 0  # the same content again is not stored twice


def test_post_a_list(client: TestClient) -> None:
    items = [{"id": f"bulk-{i}", "title": f"Kabar {i}", "text": f"Berita nomor {i} tentang cuaca cerah di pesisir."}
             for i in range(3)]
    response = client.post("/api/articles", json=items)
    assert response.status_code == 201, response.text
    assert response.json()["read"] == 3
    assert client.get("/healthz").json()["articles"] == len(ARTICLES) + 3


@pytest.mark.parametrize(
    "body",
    [
        {"title": "no text"},
        {"text": "   "},
        {"text": "x", "published": "11 September 2023"},
        {"text": "x", "url": "javascript:alert(1)"},
        {"text": "x", "language": "Indonesian!"},
        {"text": "x", "unexpected": 1},
        {"text": "x", "id": "../../etc"},
        [],
        "just a string",
    ],
)
def test_post_rejects_invalid_articles(client: TestClient, body: object) -> None:
    response = client.post("/api/articles", json=body)
    assert response.status_code == 422, response.text
    assert client.get("/healthz").json()["articles"] == len(ARTICLES)


def test_post_malformed_json_is_422(client: TestClient) -> None:
    response = client.post("/api/articles", content=b"{not json", headers={"content-type": "application/json"})
    assert response.status_code == 422


def test_post_body_limit(tmp_path: Path) -> None:
    build_database(tmp_path / "limit.db").close()
    with TestClient(create_app(tmp_path / "limit.db", body_limit=10_000)) as small:
        big = {"text": "kata " * 5_000}
        assert small.post("/api/articles", json=big).status_code == 413

        def chunks():  # no Content-Length: the limit must hold for streamed bodies too
            payload = json.dumps(big).encode()
            for i in range(0, len(payload), 1000):
                yield payload[i : i + 1000]

        response = small.post("/api/articles", content=chunks(), headers={"content-type": "application/json"})
        assert response.status_code == 413
        assert small.post("/api/articles", json={"text": "kata pendek saja."}).status_code == 201


def test_default_body_limit_is_two_megabytes(client: TestClient) -> None:
    response = client.post("/api/articles", json={"text": "a" * (2 * 1024 * 1024 + 10)})
    assert response.status_code == 413


def test_openapi_and_offline_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/stories", "/api/stories/{story_id}", "/api/search", "/api/articles", "/healthz"} <= set(spec["paths"])
    assert "post" in spec["paths"]["/api/articles"]
    page = client.get("/docs", headers={"accept": "text/html"})
    assert page.status_code == 200
    assert "/api/stories/{story_id}/timelinejs" in page.text
    assert "ArticleIn" in page.text
    import re

    for src in re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', page.text):
        assert src.startswith("/"), f"/docs loads {src} from elsewhere"
    assert client.get("/redoc").status_code == 404
