"""The example corpus (examples/) agrees with its manifest.

The readers here are deliberately tiny and independent of warta's ingest code: they only
need to find each article's url, outlet, date, language and text, so the manifest can be
checked against the files themselves.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import feedparser
import pytest
from warcio.archiveiterator import ArchiveIterator

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "corpus"
MANIFEST = json.loads((EXAMPLES.parent / "manifest.json").read_text(encoding="utf-8"))
CORPUS_DIRS = ("articles", "feeds", "pages", "archive")

WEEKDAYS = {
    "id": ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
}


@dataclass
class Doc:
    url: str | None
    file: str
    format: str
    outlet: str | None
    published: str | None
    language: str | None
    title: str | None
    text: str


# --- tiny readers, one per format -------------------------------------------------------


def read_front_matter(raw: str) -> tuple[dict[str, str], str]:
    """`---` / `key: value` lines / `---` at the very top, then the body."""
    lines = raw.splitlines()
    if not lines or lines[0].strip() != "---":
        return {}, raw
    meta: dict[str, str] = {}
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return meta, "\n".join(lines[index + 1 :])
        key, sep, value = line.partition(":")
        assert sep, f"front matter line without a colon: {line!r}"
        meta[key.strip()] = value.strip()
    raise AssertionError("front matter is not closed by ---")


class _TextAndMeta(HTMLParser):
    """Visible text (of <article> when there is one) plus the head's meta tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title = ""
        self.jsonld: list[dict] = []
        self.all_text: list[str] = []
        self.article_text: list[str] = []
        self._stack: list[str] = []
        self._in_article = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "meta":
            key = values.get("property") or values.get("name")
            if key:
                self.meta[key] = values.get("content", "")
            return
        if tag == "link" and values.get("rel") == "canonical":
            self.meta["canonical"] = values.get("href", "")
            return
        if tag in ("br", "img", "input", "link"):
            return
        if tag == "article":
            self._in_article += 1
        self._stack.append(tag if tag != "script" else "script:" + values.get("type", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._in_article -= 1
        while self._stack:
            if self._stack.pop().split(":")[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        top = self._stack[-1] if self._stack else ""
        if top == "title":
            self.title += data
        elif top == "script:application/ld+json":
            self.jsonld.append(json.loads(data))
        elif not top.startswith(("script", "style")):
            self.all_text.append(data)
            if self._in_article:
                self.article_text.append(data)


def parse_html(markup: str) -> _TextAndMeta:
    parser = _TextAndMeta()
    parser.feed(markup)
    parser.close()
    return parser


def html_text(markup: str) -> str:
    parsed = parse_html(markup)
    return "\n".join(parsed.article_text or parsed.all_text)


def read_text_file(path: Path, fmt: str) -> list[Doc]:
    meta, body = read_front_matter(path.read_text(encoding="utf-8"))
    return [Doc(meta.get("url"), rel(path), fmt, meta.get("outlet"), meta.get("published"), None,
                meta.get("title"), body)]


def read_jsonl(path: Path) -> list[Doc]:
    docs = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        item = json.loads(line)
        for key in ("id", "url", "outlet", "title", "published", "language"):
            assert item.get(key), f"{path.name}:{number} lacks {key}"
        assert ("text" in item) != ("html" in item), f"{path.name}:{number} needs exactly one of text/html"
        text = item["text"] if "text" in item else html_text(item["html"])
        docs.append(Doc(item["url"], rel(path), "jsonl", item["outlet"], item["published"], item["language"],
                        item["title"], text))
    return docs


def read_page(path: Path) -> list[Doc]:
    parsed = parse_html(path.read_text(encoding="utf-8"))
    url = parsed.meta.get("og:url") or parsed.meta.get("canonical")
    return [Doc(url, rel(path), "html", parsed.meta.get("og:site_name"), parsed.meta.get("article:published_time"),
                None, parsed.meta.get("og:title"), "\n".join(parsed.article_text))]


def read_feed(path: Path) -> list[Doc]:
    feed = feedparser.parse(str(path))
    assert not feed.bozo, f"{path.name}: {feed.get('bozo_exception')}"
    fmt = "atom" if feed.version.startswith("atom") else "rss"
    docs = []
    for entry in feed.entries:
        body = entry["content"][0]["value"] if "content" in entry else entry.get("summary", "")
        published = entry.get("published") or entry.get("updated")
        outlet = entry.get("source", {}).get("title")
        docs.append(Doc(entry.link, rel(path), fmt, outlet, published, None, entry.title, html_text(body)))
    return docs


def read_warc(path: Path) -> list[Doc]:
    docs = []
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            if "text/html" not in (record.http_headers.get_header("Content-Type") or ""):
                continue
            parsed = parse_html(record.content_stream().read().decode("utf-8"))
            docs.append(Doc(record.rec_headers.get_header("WARC-Target-URI"), rel(path), "warc",
                            parsed.meta.get("og:site_name"), parsed.meta.get("article:published_time"), None,
                            parsed.meta.get("og:title"), "\n".join(parsed.article_text)))
    return docs


def rel(path: Path) -> str:
    return path.relative_to(EXAMPLES).as_posix()


def read_file(path: Path) -> list[Doc]:
    name = path.name
    if name.endswith(".txt"):
        return read_text_file(path, "txt")
    if name.endswith(".md"):
        return read_text_file(path, "md")
    if name.endswith(".jsonl"):
        return read_jsonl(path)
    if name.endswith(".html"):
        return read_page(path)
    if name.endswith(".xml"):
        return read_feed(path)
    if name.endswith(".warc.gz"):
        return read_warc(path)
    raise AssertionError(f"unexpected file in the corpus: {path}")


def corpus_files() -> list[Path]:
    return sorted(p for d in CORPUS_DIRS for p in (EXAMPLES / d).rglob("*") if p.is_file())


@pytest.fixture(scope="module")
def docs() -> dict[str, Doc]:
    by_url: dict[str, Doc] = {}
    for path in corpus_files():
        for doc in read_file(path):
            assert doc.url, f"{doc.file}: an article without a url"
            assert doc.url not in by_url, f"url {doc.url} appears twice in the files"
            assert len(doc.text.split()) >= 60, f"{doc.url}: body too short ({len(doc.text.split())} words)"
            by_url[doc.url] = doc
    return by_url


# --- helpers ---------------------------------------------------------------------------

ARTICLES = {a["url"]: a for a in MANIFEST["articles"]}
STORIES = {s["key"]: s for s in MANIFEST["stories"]}
COPY_OF = {c: d["canonical"] for d in MANIFEST["duplicates"] for c in d["copies"]}
COPY_OF_KIND = {c: d["kind"] for d in MANIFEST["duplicates"] for c in d["copies"]}


def canonical_url(url: str) -> str:
    """Drop tracking parameters and an AMP suffix: what two listings of one page share."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if not k.startswith("utm_")]
    path = parts.path.removesuffix("/amp").rstrip("/")
    return urlunsplit((parts.scheme, parts.netloc.lower().removeprefix("www."), path, urlencode(query), ""))


def parse_when(value: str) -> dt.datetime | dt.date:
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    return parsedate_to_datetime(value)


def normalise(text: str) -> str:
    return " ".join(text.split())


def shingles(text: str, size: int = 3) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def number_spellings(value: float) -> list[str]:
    """How a number is written in Indonesian (7,2 / 1.000) and English (7.2 / 1,000) text."""
    if float(value).is_integer():
        n = int(value)
        return sorted({str(n), f"{n:,}", f"{n:,}".replace(",", ".")})
    text = repr(float(value))
    return [text, text.replace(".", ",")]


NUMBER_WORDS = {
    8: ("delapan", "eight"), 9: ("sembilan", "nine"), 10: ("sepuluh", "ten"), 11: ("sebelas", "eleven"),
}


def supports_number(text: str, value: float) -> bool:
    if any(re.search(rf"(?<![\d.,]){re.escape(s)}(?![\d]|[.,]\d)", text) for s in number_spellings(value)):
        return True
    words = NUMBER_WORDS.get(int(value), ()) if float(value).is_integer() else ()
    return any(re.search(rf"\b{w}\b", text, re.IGNORECASE) for w in words)


def supports_date(text: str, value: str) -> bool:
    day = dt.date.fromisoformat(value)
    if re.search(rf"\b{day.day}/{day.month}(/{day.year})?\b", text):
        return True
    return any(re.search(rf"\b{names[day.weekday()]}\b", text) for names in WEEKDAYS.values())


# --- the checks ------------------------------------------------------------------------


def test_every_file_is_listed_and_every_listed_file_exists() -> None:
    on_disk = {rel(p) for p in corpus_files()}
    listed = {a["file"] for a in MANIFEST["articles"]}
    assert listed == on_disk


def test_every_document_in_the_files_is_in_the_manifest_and_back(docs: dict[str, Doc]) -> None:
    assert set(docs) == set(ARTICLES)
    for url, doc in docs.items():
        entry = ARTICLES[url]
        assert entry["file"] == doc.file, url
        assert entry["format"] == doc.format, url
        assert entry["outlet"] == doc.outlet or doc.outlet is None, url
        assert entry["language"] in ("id", "en"), url
        if doc.language is not None:
            assert entry["language"] == doc.language, url


def test_manifest_dates_match_the_files_or_the_text(docs: dict[str, Doc]) -> None:
    undated = []
    for url, doc in docs.items():
        entry = ARTICLES[url]
        stated = parse_when(entry["published"])
        assert dt.date(2022, 1, 1) <= (stated.date() if isinstance(stated, dt.datetime) else stated) <= dt.date(
            2025, 12, 31
        )
        if doc.published:
            assert parse_when(doc.published) == stated, url
        else:
            # Undated files: the manifest date must be the one written in the body as "(d/m/yyyy)".
            undated.append(url)
            assert entry.get("published_in_source") is False, url
            day = dt.date.fromisoformat(entry["published"])
            assert f"({day.day}/{day.month}/{day.year})" in doc.text, url
    assert len(undated) >= 2


def test_urls_are_unique_across_distinct_articles() -> None:
    urls = [a["url"] for a in MANIFEST["articles"]]
    assert len(urls) == len(set(urls))
    distinct = [canonical_url(u) for u in urls if u not in COPY_OF or COPY_OF_KIND[u] == "near"]
    assert len(distinct) == len(set(distinct)), Counter(distinct).most_common(3)



def test_every_article_is_in_exactly_one_story() -> None:
    memberships = Counter(url for s in MANIFEST["stories"] for url in s["articles"])
    assert set(memberships) == set(ARTICLES)
    assert all(count == 1 for count in memberships.values())
    for story in MANIFEST["stories"]:
        for url in story["articles"]:
            assert ARTICLES[url]["story"] == story["key"]
        assert 3 <= len([u for u in story["articles"] if u not in COPY_OF]) <= 8, story["key"]


def test_corpus_is_big_and_varied_enough() -> None:
    articles = MANIFEST["articles"]
    assert len(articles) >= 40
    assert len(STORIES) >= 8
    assert len({a["outlet"] for a in articles}) >= 5
    languages = Counter(a["language"] for a in articles)
    assert languages["id"] >= 30 and languages["en"] >= 8
    assert {a["format"] for a in articles} == {"txt", "md", "jsonl", "html", "rss", "atom", "warc"}
    # Each story is spread over several formats, so no reader is tested on one story alone.
    for key in STORIES:
        assert len({a["format"] for a in articles if a["story"] == key}) >= 3, key


def test_duplicates_are_what_they_claim(docs: dict[str, Doc]) -> None:
    kinds = Counter(d["kind"] for d in MANIFEST["duplicates"] for _ in d["copies"])
    assert kinds["near"] >= 4 and kinds["exact"] >= 1
    for group in MANIFEST["duplicates"]:
        canonical = docs[group["canonical"]]
        first = parse_when(ARTICLES[canonical.url]["published"])
        for copy_url in group["copies"]:
            copy = docs[copy_url]
            assert ARTICLES[copy_url]["story"] == ARTICLES[canonical.url]["story"]
            assert parse_when(ARTICLES[copy_url]["published"]) >= first, "the canonical is the earliest"
            a, b = shingles(canonical.text), shingles(copy.text)
            overlap = len(a & b) / len(a | b)
            if group["kind"] == "exact":
                assert canonical_url(copy_url) == canonical_url(canonical.url)
                assert normalise(copy.text) == normalise(canonical.text)
            else:
                assert group["kind"] == "near"
                assert copy.outlet != canonical.outlet and copy.format != canonical.format
                assert copy.title != canonical.title
                assert 0.5 <= overlap < 0.95, f"{copy_url}: overlap {overlap:.2f}"


def test_distinct_articles_are_not_near_copies(docs: dict[str, Doc]) -> None:
    distinct = [u for u in ARTICLES if u not in COPY_OF]
    sets = {u: shingles(docs[u].text) for u in distinct}
    for i, a in enumerate(distinct):
        for b in distinct[i + 1 :]:
            overlap = len(sets[a] & sets[b]) / len(sets[a] | sets[b])
            assert overlap < 0.3, f"{a} and {b} overlap {overlap:.2f} but are not listed as duplicates"


def test_contradictions_are_literally_supported(docs: dict[str, Doc]) -> None:
    kinds = {c["kind"] for c in MANIFEST["contradictions"]}
    assert kinds == {"time", "value", "estimate"}
    for item in MANIFEST["contradictions"]:
        assert item["story"] in STORIES
        assert len({str(v["value"]) for v in item["values"]}) >= 2, item["about"]
        seen: set[str] = set()
        for value in item["values"]:
            assert value["articles"], item["about"]
            for url in value["articles"]:
                assert url not in seen, f"{url} holds two values for {item['about']}"
                seen.add(url)
                assert ARTICLES[url]["story"] == item["story"], url
                # The evidence is a sentence of the article that states the value next to the
                # event's own wording (a cue), so the value cannot come from another event.
                evidence = value["evidence"][url]
                assert evidence in normalise(docs[url].text), (url, evidence)
                assert any(cue.lower() in evidence.lower() for cue in item["cues"]), (url, evidence)
                if item["kind"] in ("time", "estimate"):
                    assert supports_date(evidence, value["value"]), (item["about"], value["value"], url)
                else:
                    assert supports_number(evidence, value["value"]), (item["about"], value["value"], url)


def test_shared_actor_pairs_name_real_stories() -> None:
    assert MANIFEST["shared_actor_pairs"]
    for left, right in MANIFEST["shared_actor_pairs"]:
        assert left in STORIES and right in STORIES and left != right


def test_pages_carry_portal_metadata() -> None:
    pages = sorted((EXAMPLES / "pages").glob("*.html"))
    assert len(pages) >= 5
    parsed = [parse_html(p.read_text(encoding="utf-8")) for p in pages]
    for page in parsed:
        assert page.title.strip() and page.meta.get("og:title") and page.meta.get("article:published_time")
    assert any(p.meta.get("author") for p in parsed)
    assert any(ld.get("@type") == "NewsArticle" for p in parsed for ld in p.jsonld)
    boilerplate = " ".join(" ".join(p.article_text) for p in parsed)
    for marker in ("Baca Juga:", "ADVERTISEMENT", "Scroll to continue with content", "Bagikan artikel ini",
                   "Reporter:", "Penulis:"):
        assert marker in boilerplate, marker


def test_warc_holds_records_ingest_must_skip() -> None:
    types: Counter[str] = Counter()
    content_types = set()
    for path in (EXAMPLES / "archive").glob("*.warc.gz"):
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                types[record.rec_type] += 1
                if record.rec_type == "response":
                    content_types.add((record.http_headers.get_header("Content-Type") or "").split(";")[0])
    assert types["warcinfo"] >= 1 and types["request"] >= 1 and types["response"] >= 4
    assert "text/html" in content_types and len(content_types) >= 2


def test_no_seed_text_is_copied_into_the_corpus(docs: dict[str, Doc]) -> None:
    seeds = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("seeds not available")
    seed_shingles: set[tuple[str, ...]] = set()
    for path in seeds.glob("*.txt"):
        seed_shingles |= shingles(path.read_text(encoding="utf-8"), size=8)
    for url, doc in docs.items():
        assert not shingles(doc.text, size=8) & seed_shingles, f"{url} repeats eight words of a seed"


def test_committed_warc_matches_its_build_script(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util
    import sys

    script = EXAMPLES.parents[1] / "scripts" / "build_example_warc.py"
    spec = importlib.util.spec_from_file_location("build_example_warc", script)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "build_example_warc", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    rebuilt = module.build(tmp_path / "portal-crawl.warc.gz")
    assert rebuilt.read_bytes() == (EXAMPLES / "archive" / "portal-crawl.warc.gz").read_bytes()
