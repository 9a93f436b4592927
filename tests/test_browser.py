"""A real browser over the real pipeline: examples/ and the seeds, ingested and served.

Drives Debian's chromium through Playwright (never a downloaded browser) against uvicorn
on 127.0.0.1, and saves the story page's screenshot to docs/screenshot-story.png when WARTA_UPDATE_SCREENSHOT=1.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
SCREENSHOT = REPO / "docs" / "screenshot-story.png"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]

if not CHROMIUM.exists():
    pytest.skip("/usr/bin/chromium is missing (make test installs it with apt)", allow_module_level=True)
if not SEEDS.is_dir():
    pytest.skip(f"the seed articles are not at {SEEDS}", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict:
    from warta.pipeline import ingest_paths
    from warta.store import Store

    db = tmp_path_factory.mktemp("browser") / "browser.db"
    store = Store(db)
    sources = [str(REPO / "examples" / "corpus")] if (REPO / "examples" / "corpus").is_dir() else []
    ingest_paths([*sources, str(SEEDS)], store)
    seed_ids = {a.id for a in store.list_articles(limit=10_000) if a.source_path and str(SEEDS.resolve()) in str(Path(a.source_path).resolve())}
    assert len(seed_ids) == 2, "both seed articles should be stored"
    story = None
    for listed in store.list_stories(limit=200):
        candidate = store.get_story(listed["id"])
        if candidate and seed_ids <= {a["id"] for a in candidate["articles"]}:
            story = candidate
            break
    planted = _planted_date_conflict_story(store)
    store.close()
    assert story is not None, "the two seed reports should form one story"
    return {"db": db, "story": story, "seed_ids": seed_ids, "planted": planted}


def _planted_date_conflict_story(store) -> dict | None:
    """The stored story holding the example corpus's planted date contradiction, with it
    (story None when no story holds all its articles; None without the manifest)."""
    import json

    from warta.dedup import canonical_url

    manifest = REPO / "examples" / "manifest.json"
    if not manifest.exists():
        return None
    plan = json.loads(manifest.read_text(encoding="utf-8"))
    contradiction = next(c for c in plan["contradictions"] if c["kind"] == "time")
    urls = {canonical_url(u) for v in contradiction["values"] for u in v["articles"]}
    for listed in store.list_stories(limit=200):
        candidate = store.get_story(listed["id"])
        if candidate and urls <= {canonical_url(a.get("url")) for a in candidate["articles"]}:
            return {"story": candidate, "values": [v["value"] for v in contradiction["values"]]}
    return {"story": None, "values": [v["value"] for v in contradiction["values"]]}


@pytest.fixture(scope="module")
def server(corpus: dict) -> Iterator[str]:
    import uvicorn

    from warta.api import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(corpus["db"]), host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


@pytest.fixture()
def page(browser, server: str):
    context = browser.new_context(viewport={"width": 1100, "height": 900}, base_url=server)
    tab = context.new_page()
    problems: list[str] = []
    tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: problems.append(str(e)))
    tab.on("request", lambda r: problems.append(f"off-site request {r.url}") if not r.url.startswith(server) else None)
    yield tab
    context.close()
    # CSP violations, script errors and any request leaving 127.0.0.1 show up here.
    assert problems == []


def human_date(value: str) -> str:
    from warta.web.views import human_date as shown

    return shown(value)


def _conflict_with(story: dict, *prefixes: str) -> dict | None:
    for conflict in story["conflicts"]:
        values = [str(v["value"]) for v in conflict["values"]]
        if all(any(v.startswith(p) for v in values) for p in prefixes):
            return conflict
    return None


def test_reader_finds_the_story_and_its_disagreements(page, corpus: dict) -> None:
    story = corpus["story"]
    page.goto("/")
    link = page.locator(f'.story-card a[href="/stories/{story["id"]}"]')
    sync_api.expect(link).to_be_visible()

    # Search from the header box, as a reader would.
    page.fill("#quick-q", "Vladivostok")
    page.press("#quick-q", "Enter")
    page.wait_for_url(re.compile(r"/search\?q=Vladivostok"))
    hrefs = page.locator(".results h2 a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert {f"/articles/{i}" for i in corpus["seed_ids"]} & set(hrefs)

    page.goto("/")
    page.locator(f'.story-card a[href="/stories/{story["id"]}"]').click()
    page.wait_for_url(re.compile(re.escape(f"/stories/{story['id']}") + "$"))
    timeline = page.locator("ol.timeline > li")
    sync_api.expect(page.locator("#timeline")).to_be_visible()
    assert timeline.count() == len(story["timeline"]) > 0
    assert page.locator("ol.timeline > li.tl-expected").count() == sum(1 for e in story["timeline"] if e["expected"])

    panel = page.locator("#disagreements")
    sync_api.expect(panel).to_be_visible()
    assert panel.locator(".conflict").count() == len(story["conflicts"])
    departure = _conflict_with(story, "2023-09-10", "2023-09-11")
    summit = _conflict_with(story, "2023-09-12", "2023-09-13")
    assert departure is not None and summit is not None, [c["about"] for c in story["conflicts"]]
    for conflict in (departure, summit):
        block = panel.locator(".conflict", has_text=conflict["about"]).first
        sync_api.expect(block).to_be_visible()
        for value in conflict["values"]:
            shown = human_date(value["value"]) if conflict.get("kind") in ("time", "estimate") else str(value["value"])
            row = block.locator(".conflict-value", has_text=shown).first
            sync_api.expect(row).to_be_visible()
            sync_api.expect(row.locator(".reported-by a")).to_have_count(len(value["articles"]))
            for who in value["attributed_to"]:
                sync_api.expect(row.locator(".attributed")).to_contain_text(who)

    # Progressive enhancement: the timeline filter (JS from /static, allowed by the CSP).
    page.get_by_role("button", name="Expected").click()
    assert page.locator("ol.timeline > li.tl-reported").first.is_hidden()
    page.get_by_role("button", name="All").click()

    # Follow a citation from the brief to the article it cites.
    cite = page.locator("#brief a.cite").first
    target = cite.get_attribute("href")
    cite.click()
    page.wait_for_url(re.compile(re.escape(target) + "$"))
    sync_api.expect(page.locator(".article-text")).to_be_visible()
    assert page.locator(".article-text .hl").count() > 0


def test_reader_sees_the_planted_contradiction_of_the_example_corpus(page, corpus: dict) -> None:
    planted = corpus["planted"]
    if planted is None:
        pytest.skip("examples/manifest.json is not there")
    story = planted["story"]
    assert story is not None, "one stored story should hold every article of the planted date contradiction"
    page.goto("/")
    page.locator(f'.story-card a[href="/stories/{story["id"]}"]').click()
    page.wait_for_url(re.compile(re.escape(f"/stories/{story['id']}") + "$"))
    sync_api.expect(page.locator("#timeline")).to_be_visible()
    panel = page.locator("#disagreements")
    sync_api.expect(panel).to_be_visible()
    conflict = _conflict_with(story, *planted["values"])
    assert conflict is not None, [c["about"] for c in story["conflicts"]]
    block = panel.locator(".conflict", has_text=conflict["about"]).first
    for value in planted["values"]:
        sync_api.expect(block.locator(".conflict-value", has_text=human_date(value)).first).to_be_visible()

    shot = page.screenshot(full_page=True, clip={"x": 0, "y": 0, "width": 1100, "height": 2400})
    assert shot.startswith(b"\x89PNG") and len(shot) > 20_000  # a rendered page, not a blank one
    if os.environ.get("WARTA_UPDATE_SCREENSHOT"):  # docs/ changes only when asked
        SCREENSHOT.write_bytes(shot)

    cite = block.locator(".reported-by a").first
    target = cite.get_attribute("href")
    cite.click()
    page.wait_for_url(re.compile(re.escape(target) + "$"))
    sync_api.expect(page.locator(".article-text")).to_be_visible()


def test_story_page_fits_a_phone(browser, server: str, corpus: dict, tmp_path: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, base_url=server, is_mobile=True)
    tab = context.new_page()
    tab.goto(f"/stories/{corpus['story']['id']}")
    sync_api.expect(tab.locator("#disagreements")).to_be_visible()
    overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"the page scrolls sideways by {overflow}px on a phone"
    tab.screenshot(path=str(tmp_path / "story-mobile.png"), full_page=True)
    context.close()


def test_pages_work_without_javascript(browser, server: str, corpus: dict) -> None:
    context = browser.new_context(java_script_enabled=False, base_url=server)
    tab = context.new_page()
    tab.goto("/search?q=kereta")
    assert tab.locator(".results li").count() > 0
    tab.goto(f"/stories/{corpus['story']['id']}")
    assert tab.locator("ol.timeline > li").count() > 0 and tab.locator(".tl-filter").count() == 0
    context.close()


def _story_with_markdown_summary(corpus: dict) -> dict:
    from warta.store import Store

    store = Store(corpus["db"])
    try:
        for listed in store.list_stories(limit=200):
            if "**" in (listed["summary"] or "") or "**" in (listed["title"] or ""):
                return store.get_story(listed["id"])
    finally:
        store.close()
    pytest.fail("the example corpus should hold a story whose stored summary has Markdown emphasis")


def test_brief_citations_link_to_the_cited_articles(page, corpus: dict) -> None:
    story = corpus["planted"]["story"] or corpus["story"]
    page.goto(f"/stories/{story['id']}")
    numbers = {str(n): a["id"] for n, a in enumerate(story["articles"], start=1)}
    cites = page.locator("#brief sup.citation a")
    assert cites.count() >= len(story["summary_sentences"]) > 0
    for i in range(cites.count()):
        link = cites.nth(i)
        label = link.inner_text().strip()
        assert label in numbers, label  # the [n] marker itself is the link
        assert link.get_attribute("href") == f"/articles/{numbers[label]}"
    # No bare "[n]" left in the brief's text outside the links.
    assert not re.search(r"\[\d+\]", page.locator("#brief").evaluate(
        "el => { const c = el.cloneNode(true); c.querySelectorAll('sup.citation').forEach(s => s.remove()); "
        "return c.textContent; }"))
    first = cites.first
    target = first.get_attribute("href")
    first.click()
    page.wait_for_url(re.compile(re.escape(target) + "$"))
    sync_api.expect(page.locator(".article-text")).to_be_visible()


def test_search_hits_link_to_their_story(page, corpus: dict) -> None:
    page.goto("/search?q=Vladivostok")
    hits = page.locator(".results li")
    assert hits.count() > 0
    sync_api.expect(page.locator("p.count")).to_contain_text(f"{hits.count()} result")
    story_link = hits.first.locator("a.story-link")
    href = story_link.get_attribute("href")
    assert href.startswith("/stories/story-")
    story_link.click()
    page.wait_for_url(re.compile(re.escape(href) + "$"))
    sync_api.expect(page.locator("#brief")).to_be_visible()


def test_story_lists_show_no_markdown_and_articles_no_local_paths(page, corpus: dict) -> None:
    story = _story_with_markdown_summary(corpus)
    page.goto("/")
    card = page.locator(".story-card", has=page.locator(f'a[href="/stories/{story["id"]}"]'))
    sync_api.expect(card).to_be_visible()
    shown = card.inner_text()
    assert "**" not in shown and not re.search(r"\[\d+\]", shown)
    assert "**" not in page.locator("main, body").first.inner_text()
    page.locator(f'a[href="/stories/{story["id"]}"]').first.click()
    assert "**" not in page.locator("#brief").inner_text() and "**" not in page.locator("h1").inner_text()

    article = story["articles"][0]["id"]
    page.goto(f"/articles/{article}")
    body = page.locator("body").inner_text()
    assert str(REPO) not in body and "/tmp/" not in body and not re.search(r"(^|\s)/\w+/\S+\.(md|txt|html?)", body)


def test_the_eruption_story_map_keeps_flores_out_of_brazil(page, corpus: dict) -> None:
    from warta.store import Store

    store = Store(corpus["db"])
    try:
        story = next(
            s for s in (store.get_story(x["id"]) for x in store.list_stories(limit=200))
            if any(e["canonical"] == "Kabupaten Flores Timur" for e in s["entities"])
        )
    finally:
        store.close()
    # Analysis alone gives "Flores" the Brazilian town's coordinates; the map must not.
    assert any(e["canonical"] == "Flores" and (e.get("lon") or 0) < 0 for e in story["entities"])
    page.goto(f"/stories/{story['id']}")
    points = page.locator("figure.map g.place title")
    assert points.count() >= 3
    for label in points.evaluate_all("els => els.map(e => e.textContent)"):
        name, coords = label.rsplit(" (", 1)
        lat, lon = (float(x) for x in coords.rstrip(")").split(","))
        assert 90 < lon < 141 and -11 < lat < 6, label  # all in Indonesia
        assert "Flores" not in name.split(", ") or "Flores Timur" in name
