"""Hostile input: markup, script links and FTS/SQL metacharacters in every field.

Every page and API response must stay inert (no tag or handler from the input becomes
markup, no javascript: link) and still correct (the text is shown, escaped), and no
query string can make the server answer 500.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from urllib.parse import quote

import lxml.html
import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))
from warta.api import create_app  # noqa: E402
from warta.pipeline import ingest_dicts  # noqa: E402
from warta.store import Store  # noqa: E402

from _fake_store import STORY_ID, build_database, select  # noqa: E402

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
JS_URL = "javascript:alert(1)"
METACHARACTERS = ['"', "'", "*", "NEAR(", "OR", "--", ";", ")", "'; DROP TABLE articles; --", '"a" NEAR("b"', "a*b*"]
HOSTILE_TEXT = (
    f"Warga kota membaca {SCRIPT} di papan. Ada gambar {IMG} juga. "
    f'Tautan <a href="{JS_URL}">klik</a> dan [klik]({JS_URL}). '
    "Kueri \" ' * NEAR( OR -- ; ) ikut tertulis. "
    "Menurut Kantor Berita Contoh, juru bicara Budi <b>Santoso</b> mengatakan semua aman."
)
EVIL_ID = "evil-1"


def hostile_story() -> dict:
    """Hostile strings in every field the story page renders."""
    return {
        "id": "s-evil",
        "title": f"Cerita {SCRIPT}",
        "summary": f"Ringkasan {IMG} [1]",
        "summary_sentences": [{"text": f"Kalimat {SCRIPT}", "article": EVIL_ID, "n": 1}],
        "articles": [{"id": EVIL_ID, "outlet": f"Outlet {IMG}", "title": f"Judul {SCRIPT}", "published": "2024-01-02",
                      "url": JS_URL}],
        "entities": [{"canonical": f"Nama {SCRIPT}", "type": "LOC", "mentions": 1, "articles": [EVIL_ID],
                      "lat": 1.0, "lon": 2.0}],
        "timeline": [{"date": f"2024-01-01{SCRIPT}", "precision": IMG, "text": f"Peristiwa {SCRIPT}", "expected": True,
                      "hedged": True, "place": IMG,
                      "sources": [{"article": EVIL_ID, "sentence": f"Kalimat {IMG}", "attributed_to": SCRIPT,
                                   "outlet": IMG}]}],
        "attributions": [{"article": EVIL_ID, "source": {"text": SCRIPT, "start": 0, "end": 1, "canonical": IMG},
                          "cue": {"text": "x", "start": 0, "end": 1}, "content": {"text": SCRIPT, "start": 0, "end": 1},
                          "direct": True, "via": [f"Kantor {SCRIPT}"], "hedged": False}],
        "conflicts": [{"about": f"tentang {SCRIPT}", "kind": IMG, "values": [
            {"value": SCRIPT, "articles": [EVIL_ID], "attributed_to": [IMG], "sentences": [SCRIPT]},
            {"value": IMG, "articles": [f"../{EVIL_ID}"], "attributed_to": IMG}]}],
        "corroborations": [{"about": IMG, "articles": [EVIL_ID], "attributed_to": [SCRIPT]}],
    }


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("security") / "security.db"
    build_database(path).close()
    app = create_app(path)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        posted = test_client.post("/api/articles", json={
            "id": EVIL_ID,
            "title": f"Judul {SCRIPT} {IMG} \" ' * NEAR( OR -- ; )",
            "outlet": f"Outlet {IMG}",
            "url": f"https://evil.example/\"><script>alert(1)</script>?q={JS_URL}",
            "published": "2024-01-02",
            "text": HOSTILE_TEXT,
        })
        assert posted.status_code == 201, posted.text
        store = Store(path)
        # A javascript: URL cannot come in through the API (422); through a file it can.
        ingest_dicts([{"id": "evil-2", "url": JS_URL, "title": IMG, "outlet": SCRIPT, "text": HOSTILE_TEXT + " Dua."}],
                     store, origin="file")
        with store.transaction():
            store.save_story(hostile_story())
        store.close()
        yield test_client


def assert_inert(html: str, url: str) -> lxml.html.HtmlElement:
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>Santoso" not in html, url
    doc = lxml.html.fromstring(html)
    for script in doc.iter("script"):
        assert script.get("src") == "/static/warta.js" and not (script.text or "").strip(), url
    assert not list(doc.iter("img", "iframe", "object", "embed", "b")), url
    for element in doc.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (url, element.tag, name)
            if name in ("href", "src", "action", "xlink:href"):
                assert not value.strip().lower().startswith(("javascript:", "data:", "vbscript:")), (url, value)
    return doc


PAGES = ["/", "/?q=Judul", f"/stories/{STORY_ID}", "/stories/s-evil", f"/articles/{EVIL_ID}", "/articles/evil-2",
         "/search?q=Warga", "/search?q=%22", "/docs", "/stories/%3Cscript%3E", f"/?outlet={quote(IMG)}"]


@pytest.mark.parametrize("url", PAGES)
def test_pages_are_inert_and_keep_the_text(client: TestClient, url: str) -> None:
    response = client.get(url, headers={"accept": "text/html"})
    assert response.status_code in (200, 400, 404), url
    assert response.headers["content-type"].startswith("text/html")
    assert_inert(response.text, url)


def test_hostile_text_is_shown_escaped(client: TestClient) -> None:
    story = assert_inert(client.get("/stories/s-evil", headers={"accept": "text/html"}).text, "story")
    shown = story.text_content()
    for expected in [f"Cerita {SCRIPT}", f"Peristiwa {SCRIPT}", f"tentang {SCRIPT}", f"Kantor {SCRIPT}", IMG]:
        assert expected in shown
    # The javascript: article URL is shown as text, never as a link.
    assert all(a.get("href") != JS_URL for a in story.iter("a"))
    article = assert_inert(client.get(f"/articles/{EVIL_ID}", headers={"accept": "text/html"}).text, "article")
    body = select(article, ".article-text")[0].text_content()
    assert SCRIPT in body and IMG in body and "Budi <b>Santoso</b>" in body
    assert f"Judul {SCRIPT} {IMG}" in select(article, "h1")[0].text_content()
    second = assert_inert(client.get("/articles/evil-2", headers={"accept": "text/html"}).text, "article 2")
    assert JS_URL in select(second, ".url-text")[0].text_content()


def test_json_responses_carry_the_raw_text_as_json(client: TestClient) -> None:
    for url in [f"/api/articles/{EVIL_ID}", "/api/stories/s-evil", "/stories/s-evil.json", "/api/search?q=Warga",
                "/api/articles"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["content-type"] == "application/json"
        assert response.headers["x-content-type-options"] == "nosniff"
    assert client.get(f"/api/articles/{EVIL_ID}").json()["article"]["text"].startswith("Warga kota membaca <script>")


@pytest.mark.parametrize("needle", METACHARACTERS + [SCRIPT, IMG, JS_URL, "\x00", "％", "é" * 300])
def test_metacharacter_queries_never_fail_the_server(client: TestClient, needle: str) -> None:
    for url in ["/api/search", "/search", "/", "/api/stories"]:
        for name in ["q", "outlet", "entity"] if url in ("/", "/api/stories") else ["q"]:
            response = client.get(url, params={name: needle}, headers={"accept": "text/html"})
            assert response.status_code in (200, 400, 422), (url, name, needle, response.status_code)
            if response.headers["content-type"].startswith("text/html"):
                assert_inert(response.text, url)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list("\"'*()-;:^+{}[]<>AORNDEAT ab01é\\")), min_size=1, max_size=20))
def test_random_fts_syntax_is_200_or_400(client: TestClient, query: str) -> None:
    response = client.get("/api/search", params={"q": query})
    assert response.status_code in (200, 400, 422), (query, response.text)


def test_security_headers_on_every_kind_of_response(client: TestClient) -> None:
    for url in ["/", "/api/stories", "/static/warta.css", "/nope", "/api/search?q=%22", "/docs", "/openapi.json"]:
        headers = client.get(url).headers
        csp = headers["content-security-policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp, url
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"


def _raw_get(app, raw_path: bytes) -> int:
    """Send a path exactly as given (clients normalise '..' away before sending)."""
    status: list[int] = []
    requested = False
    done = asyncio.Event()

    async def receive():
        nonlocal requested
        if not requested:
            requested = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await done.wait()  # like a client that hangs up once it has the response
        return {"type": "http.disconnect"}

    async def send(message):
        if message["type"] == "http.response.start":
            status.append(message["status"])
        elif message["type"] == "http.response.body" and not message.get("more_body"):
            done.set()

    from urllib.parse import unquote

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": unquote(raw_path.decode("latin-1")), "raw_path": raw_path, "root_path": "", "query_string": b"",
             "headers": [(b"host", b"testserver")], "client": ("127.0.0.1", 1), "server": ("testserver", 80)}
    asyncio.run(app(scope, receive, send))
    return status[0]


@pytest.mark.parametrize("raw", [b"/static/../../etc/passwd", b"/static/%2e%2e/%2e%2e/etc/passwd",
                                 b"/static/..%2f..%2f..%2fetc/passwd", b"/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                                 b"/static/....//....//etc/passwd", b"/static//etc/passwd",
                                 b"/static/../templates/base.html", b"/static/%252e%252e/etc/passwd"])
def test_static_traversal_is_404(client: TestClient, raw: bytes) -> None:
    assert _raw_get(client.app, raw) == 404
    assert _raw_get(client.app, b"/static/warta.css") == 200


def test_serve_binds_localhost_by_default() -> None:
    import inspect

    from warta.api import serve

    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"
