"""Cleaning: portal rules, bylines, datelines, normalisation, language, dates, HTML."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

import warta.clean as clean_module
from warta.clean import EmptyArticleError, clean_body, clean_document
from warta.clean.language import identify_language
from warta.ingest import RawDocument, read_paths
from warta.model import Article

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"
SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
KONTAN_SEED = next(SEEDS.glob("000_*.txt"))

BODY = "Warga desa bergotong royong membersihkan lumpur yang menutup jalan utama setelah banjir surut."


def text_doc(text: str, **fields: object) -> RawDocument:
    return RawDocument(source_path="test.txt", locator=None, text=text, **fields)  # type: ignore[arg-type]


def clean_text(text: str, **fields: object) -> Article:
    return clean_document(text_doc(text, **fields))


@pytest.fixture(autouse=True)
def no_inferred_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep these tests independent of the time engine: nothing is inferred unless a test says so."""
    monkeypatch.setattr(clean_module, "infer_publication_date", lambda text: (None, 0.0))


# --- the reference seeds -------------------------------------------------------------------


def test_seed_byline_dateline_and_related_links() -> None:
    seed = KONTAN_SEED.read_text(encoding="utf-8")
    article = clean_document(RawDocument(source_path=str(KONTAN_SEED), locator=None, text=seed))
    assert article.authors == ["Barratut Taqiyyah Rafie"]
    assert article.outlet == "Kontan"  # one name per outlet (data/outlets.tsv)
    assert article.dateline_place is not None and article.dateline_place.lower() == "pyongyang"
    baca_lines = [line.split(":", 1)[1].strip() for line in seed.splitlines() if line.lower().startswith("baca juga")]
    assert len(baca_lines) == 2
    assert [link.title for link in article.related] == baca_lines
    assert "Baca Juga" not in article.text and "Reporter:" not in article.text
    assert not article.text.startswith("KONTAN") and article.paragraphs[0].startswith("Sebuah")
    assert article.text == "\n".join(article.paragraphs)
    assert article.source_path == str(KONTAN_SEED) and article.id == "" and article.ingested_at is None


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seeds_are_indonesian_per_article_and_per_paragraph(seed: Path) -> None:
    article = clean_text(seed.read_text(encoding="utf-8"))
    assert article.language == "id"
    assert identify_language(article.text, shortcut=False)[0] == "id"
    for paragraph in article.paragraphs:
        assert clean_text(paragraph).language == "id", paragraph[:60]
        # py3langid itself (restricted languages, Malay mapped), not only the function-word shortcut
        assert identify_language(paragraph, shortcut=False)[0] == "id", paragraph[:60]


# --- related links ---------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["Baca Juga:", "Baca juga:", "BACA JUGA:", "Baca juga :", "Read also:"])
def test_related_line_leaves_the_body(prefix: str) -> None:
    article = clean_text(f"{BODY}\n{prefix} Jembatan Desa Putus Diterjang Arus\nParagraf berikutnya tetap ada di sini.")
    assert [link.title for link in article.related] == ["Jembatan Desa Putus Diterjang Arus"]
    assert article.paragraphs == [BODY, "Paragraf berikutnya tetap ada di sini."]


def test_inline_related_link_is_cut_out_of_the_paragraph() -> None:
    article = clean_text("Petugas menutup jalan itu (Baca juga: Jalan Alternatif Macet Parah) sejak pagi hari.")
    assert article.paragraphs == ["Petugas menutup jalan itu sejak pagi hari."]
    assert [link.title for link in article.related] == ["Jalan Alternatif Macet Parah"]


def test_related_title_on_the_line_after_a_bare_prefix() -> None:
    article = clean_text(f"{BODY}\nBaca juga:\nHarga Beras Naik Lagi\nParagraf lain di sini.")
    assert [link.title for link in article.related] == ["Harga Beras Naik Lagi"]
    assert article.paragraphs == [BODY, "Paragraf lain di sini."]


def test_related_link_keeps_its_url_from_the_html() -> None:
    article = clean_document(RawDocument("page.html", None, html=(FIXTURES / "portal_page.html").read_text("utf-8")))
    assert [(link.title, link.url) for link in article.related] == [
        ("Jembatan Penghubung Dua Kecamatan di Sukamaju Putus", "https://wartacontoh.example/daerah/jembatan-sukamaju-putus")
    ]


# --- bylines ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Reporter: Ani Lestari | Editor: Ani Lestari", ["Ani Lestari"]),
        ("Reporter: Ani Lestari | Editor: Budi Santoso", ["Ani Lestari", "Budi Santoso"]),
        ("Penulis: Citra Dewi", ["Citra Dewi"]),
        ("Editor: Dodi Saputra", ["Dodi Saputra"]),
        ("Penulis: Eka Putri, Fajar Nugroho", ["Eka Putri", "Fajar Nugroho"]),
        ("By Jane Miller and Tom Reed", ["Jane Miller", "Tom Reed"]),
        ("Reporter: Ani Lestari | Foto: Budi Santoso", ["Ani Lestari"]),
    ],
)
def test_byline_lines_become_authors(line: str, authors: list[str]) -> None:
    article = clean_text(f"{line}\n{BODY}")
    assert article.authors == authors
    assert article.paragraphs == [BODY]


def test_byline_at_the_end_and_given_authors_win() -> None:
    text = f"{BODY}\nPenulis: Gita Maharani\nEditor: Hadi Wijaya"
    assert clean_text(text).authors == ["Gita Maharani", "Hadi Wijaya"]
    given = clean_text(text, authors=["Redaksi Contoh"])
    assert given.authors == ["Redaksi Contoh"] and given.paragraphs == [BODY]


def test_a_sentence_starting_like_a_byline_is_content() -> None:
    sentence = "Editor: mengatakan bahwa laporan itu belum diperiksa oleh redaksi."
    assert clean_text(f"{BODY}\n{sentence}").paragraphs == [BODY, sentence]


# --- datelines ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "outlet", "place"),
    [
        ("KONTAN.CO.ID - PYONGYANG.", "Kontan", "Pyongyang"),
        ("JAKARTA, KOMPAS.com -", "Kompas.com", "Jakarta"),
        ("JAKARTA (Antara) -", "ANTARA", "Jakarta"),
        ("WASHINGTON (Reuters) -", "Reuters", "Washington"),
        ("NEW YORK, KOMPAS.com -", "Kompas.com", "New York"),
        ("TEMPO.CO, Jakarta -", "Tempo", "Jakarta"),
        ("Jakarta, CNN Indonesia --", "CNN Indonesia", "Jakarta"),
        ("SEOUL, Sept 12 (Reuters) -", "Reuters", "Seoul"),
        ("BANDUNG -", None, "Bandung"),
        ("PYONGYANG, North Korea (AP) —", "AP", "Pyongyang"),
        ("(CNN) —", "CNN", None),
    ],
)
def test_dateline_gives_outlet_and_place_and_leaves_the_body(opening: str, outlet: str | None, place: str | None) -> None:
    article = clean_text(f"{opening} {BODY}")
    assert (article.outlet, article.dateline_place) == (outlet, place)
    assert article.paragraphs == [BODY]


def test_dateline_outlet_only_when_not_given() -> None:
    article = clean_text(f"JAKARTA (Antara) - {BODY}", outlet="Kabar Pesisir")
    assert article.outlet == "Kabar Pesisir" and article.dateline_place == "Jakarta" and article.paragraphs == [BODY]


def test_no_dateline_deep_in_the_article() -> None:
    late = "JAKARTA - Paragraf ini bukan pembuka berita."
    article = clean_text("\n".join([BODY, BODY, BODY, late]))
    assert article.dateline_place is None and article.paragraphs[-1] == late


def test_ordinary_opening_is_not_a_dateline() -> None:
    opening = "Kim Jong Un berangkat - menurut laporan - pada Senin malam."
    article = clean_text(opening)
    assert article.dateline_place is None and article.outlet is None and article.paragraphs == [opening]


# --- page furniture ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "furniture",
    [
        "ADVERTISEMENT",
        "Scroll to continue with content",
        "SCROLL TO CONTINUE WITH CONTENT",
        "Bagikan artikel ini",
        "Ikuti kami di Google News",
        "Simak berita lainnya di Google News",
        "Dapatkan update berita pilihan dan breaking news setiap hari",
        "Share this article",
        "Subscribe to our newsletter",
        "Copyright © 2024 Contoh Media. All rights reserved.",
        "(abc/xyz)",
    ],
)
def test_furniture_lines_are_dropped(furniture: str) -> None:
    article = clean_text(f"{BODY}\n{furniture}\nKalimat terakhir berita.")
    assert article.paragraphs == [BODY, "Kalimat terakhir berita."]


def test_inline_furniture_is_cut_and_long_paragraphs_are_kept() -> None:
    article = clean_text(f"Petugas datang ADVERTISEMENT pada pagi hari.\nBagikan {BODY * 4}")
    assert article.paragraphs[0] == "Petugas datang pada pagi hari."
    assert article.paragraphs[1].startswith("Bagikan Warga")


def test_only_furniture_is_an_empty_article() -> None:
    with pytest.raises(EmptyArticleError):
        clean_text("ADVERTISEMENT\nBagikan artikel ini\nReporter: Ani Lestari\n")


# --- normalisation -----------------------------------------------------------------------------


def test_unicode_and_whitespace_normalisation() -> None:
    decomposed = unicodedata.normalize("NFD", "Café Pesisir")
    article = clean_text(f"  {decomposed}\u00a0buka\u200b  lagi\t\tmulai\u2009besok.  \r\n\r\nParagraf   kedua.")
    assert article.paragraphs == ["Café Pesisir buka lagi mulai besok.", "Paragraf kedua."]
    assert unicodedata.is_normalized("NFC", article.text)


def test_hard_wrapped_blocks_become_paragraphs() -> None:
    article = clean_text("Baris pertama paragraf satu\nbaris kedua paragraf satu.\n\nParagraf dua.\n")
    assert article.paragraphs == ["Baris pertama paragraf satu baris kedua paragraf satu.", "Paragraf dua."]
    assert article.text == "Baris pertama paragraf satu baris kedua paragraf satu.\nParagraf dua."


def test_markdown_file_title_heading_and_front_matter() -> None:
    [raw] = list(read_paths([FIXTURES / "article.md"]))
    assert isinstance(raw, RawDocument)
    article = clean_document(raw)
    assert article.title == "Sekolah Darurat Dibuka di Balai Desa"
    assert len(article.paragraphs) == 2 and article.paragraphs[0].startswith("Murid sekolah dasar")
    assert "#" not in article.text
    assert article.published == "2024-03-07T10:15:00" and article.published_inferred is False
    assert article.authors == ["Dewi Anggraini", "Rahmat Hidayat"]


def test_first_heading_becomes_the_title_when_none_is_given() -> None:
    article = clean_text(f"# Judul Dari Heading\n\n{BODY}")
    assert article.title == "Judul Dari Heading" and article.paragraphs == [BODY]


# --- language ----------------------------------------------------------------------------------


def test_english_article() -> None:
    [raw] = list(read_paths([FIXTURES / "english.txt"]))
    assert isinstance(raw, RawDocument)
    article = clean_document(raw)
    assert article.language == "en"
    assert (article.outlet, article.dateline_place) == ("Reuters", "Washington")
    assert len(article.paragraphs) == 2 and "newsletter" not in article.text


def test_malay_with_strong_markers_stays_malay() -> None:
    text = "Kerajaan berkata bahawa polis akan menyiasat kes itu kerana ia melibatkan wang awam."
    assert clean_text(text).language == "ms"
    long_malay = " ".join([text, "Menurut kenyataan itu, kerajaan akan memaklumkan keputusan dalam masa terdekat."] * 3)
    assert identify_language(long_malay)[0] == "ms" and identify_language(long_malay, shortcut=False)[0] == "ms"


def test_shortcut_agrees_with_py3langid_on_english() -> None:
    text = (FIXTURES / "english.txt").read_text(encoding="utf-8")
    assert identify_language(text)[0] == identify_language(text, shortcut=False)[0] == "en"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Le gouvernement a annoncé mardi une nouvelle série de mesures pour soutenir les agriculteurs.", "fr"),
        ("Die Regierung hat am Dienstag neue Maßnahmen zur Unterstützung der Landwirte angekündigt.", "de"),
        ("", None),
        ("12345 — 678", None),
    ],
)
def test_other_languages_and_no_text(text: str, language: str | None) -> None:
    assert identify_language(text)[0] == language


def test_given_language_is_kept_and_normalised() -> None:
    assert clean_text(BODY, language="en-US").language == "en"
    assert clean_text(BODY, language="in").language == "id"


# --- publication dates -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "iso"),
    [
        ("2024-11-09", "2024-11-09"),
        ("2024-11-09 10:15", "2024-11-09T10:15:00"),
        ("2024-11-09T10:15:00+07:00", "2024-11-09T10:15:00+07:00"),
        ("2024-11-09T03:15:00Z", "2024-11-09T03:15:00+00:00"),
        ("Sat, 09 Nov 2024 10:15:00 +0700", "2024-11-09T10:15:00+07:00"),
        ("Sabtu, 9 November 2024 10:15 WIB", "2024-11-09T10:15:00+07:00"),
    ],
)
def test_given_dates_are_normalised_and_never_inferred(given: str, iso: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(text: str) -> tuple[str | None, float]:
        raise AssertionError("a given date must not be inferred")

    monkeypatch.setattr(clean_module, "infer_publication_date", fail)
    article = clean_text(BODY, published=given)
    assert (article.published, article.published_inferred) == (iso, False)


def test_missing_date_is_inferred_and_marked(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []

    def infer(text: str) -> tuple[str | None, float]:
        seen.append(text)
        return "2024-03-01", 0.7

    monkeypatch.setattr(clean_module, "infer_publication_date", infer)
    article = clean_text(f"Reporter: Ani Lestari\n{BODY}")
    assert (article.published, article.published_inferred, article.published_confidence) == ("2024-03-01", True, 0.7)
    assert seen == [BODY]  # the cleaned text, not the raw one


def test_unreadable_given_date_is_dropped_then_inferred_and_marked(monkeypatch: pytest.MonkeyPatch) -> None:
    article = clean_text(BODY, published="kemarin sore")
    assert (article.published, article.published_inferred, article.published_confidence) == (None, False, None)
    monkeypatch.setattr(clean_module, "infer_publication_date", lambda text: ("2024-03-02", 0.6))
    inferred = clean_text(BODY, published="kemarin sore")
    assert (inferred.published, inferred.published_inferred) == ("2024-03-02", True)


# --- HTML --------------------------------------------------------------------------------------


def test_portal_page() -> None:
    html = (FIXTURES / "portal_page.html").read_text(encoding="utf-8")
    article = clean_document(RawDocument("page.html", None, html=html, url="https://wartacontoh.example/banjir"))
    assert article.title == "Banjir Rendam Tiga Desa di Kabupaten Sukamaju"
    assert article.authors == ["Sari Wulandari", "Joko Prasetyo"]  # JSON-LD author, then the visible byline
    assert (article.published, article.published_inferred) == ("2024-03-05T08:30:00+07:00", False)
    assert article.outlet == "Warta Contoh" and article.dateline_place == "Sukamaju"
    assert article.language == "id" and article.url == "https://wartacontoh.example/banjir"
    assert article.paragraphs[0].startswith("Hujan deras") and len(article.paragraphs) == 5
    for furniture in ("ADVERTISEMENT", "SCROLL", "Bagikan", "Google News", "Baca Juga", "Copyright", "Pasar Baru"):
        assert furniture not in article.text
    assert Article.from_dict(article.to_dict()) == article


def test_dates_near_related_links_are_not_trusted() -> None:
    html = (FIXTURES / "no_date_page.html").read_text(encoding="utf-8")
    assert "2019" in html  # the page shows dates, but only under links to other articles
    article = clean_document(RawDocument("page.html", None, html=html))
    assert article.published is None and article.title == "Petani Garam Menunggu Musim Kemarau"
    assert len(article.paragraphs) == 4


def _page(head: str, article_header: str = "") -> str:
    paragraphs = "".join(f"<p>{BODY} Kalimat nomor {i}.</p>" for i in range(3))
    return f"<html><head>{head}</head><body><article>{article_header}{paragraphs}</article></body></html>"


@pytest.mark.parametrize(
    ("head", "header", "iso"),
    [
        ('<meta name="pubdate" content="2024-02-01T10:00:00+07:00">', "", "2024-02-01T10:00:00+07:00"),
        ('<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "datePublished": "2024-02-02"}]}</script>', "", "2024-02-02"),
        ("", '<header><time datetime="2024-02-03T09:00:00+07:00">3 Feb</time></header>', "2024-02-03T09:00:00+07:00"),
        ("", '<time datetime="2024-02-04">4 Feb</time>', "2024-02-04"),
    ],
)
def test_page_dates_from_trusted_places(head: str, header: str, iso: str) -> None:
    article = clean_document(RawDocument("page.html", None, html=_page(head, header)))
    assert (article.published, article.published_inferred) == (iso, False)


def test_site_header_clock_is_not_a_publication_date() -> None:
    site_header = '<header class="site"><a href="/">Warta</a><time datetime="2026-12-01">Hari ini</time></header>'
    html = _page("").replace("<body>", "<body>" + site_header)
    assert clean_document(RawDocument("page.html", None, html=html)).published is None


def test_given_date_beats_the_page_and_fallback_is_marked_inferred() -> None:
    html = _page('<meta property="article:published_time" content="2024-02-01">')
    given = clean_document(RawDocument("x.jsonl", "line 1", html=html, published="2024-01-15"))
    assert given.published == "2024-01-15"
    undated = (FIXTURES / "no_date_page.html").read_text(encoding="utf-8")
    # A capture date is an upper bound, never the publication date.
    captured = clean_document(RawDocument("x.warc", "record 2", html=undated, published_before="2024-03-07T04:05:06Z"))
    assert captured.published is None and captured.published_source is None


def test_page_without_article_body() -> None:
    with pytest.raises(EmptyArticleError, match="no article text found"):
        clean_document(RawDocument("nav.html", None, html=(FIXTURES / "no_body.html").read_text("utf-8")))


def test_feed_entry_end_to_end() -> None:
    first, second = [item for item in read_paths([FIXTURES / "feed.rss"]) if isinstance(item, RawDocument)]
    article = clean_document(first)
    assert article.published == "2024-03-06T09:15:00+07:00" and article.language == "id"
    assert article.paragraphs[0].startswith("Ratusan nelayan") and len(article.paragraphs) == 2
    assert clean_document(second).published == "2024-03-07T06:00:00+00:00"


def test_clean_body_is_pure_and_reusable() -> None:
    body = clean_body(f"Reporter: Ani Lestari\nJAKARTA (Antara) - {BODY}\nBaca juga: Judul Lain")
    assert (body.authors, body.outlet, body.dateline_place, body.paragraphs) == (["Ani Lestari"], "Antara", "Jakarta", [BODY])
    assert [link.title for link in body.related] == ["Judul Lain"]


def test_feed_style_html_fragment() -> None:
    fragment = f"<p>{BODY}</p><p>Paragraf kedua dari &quot;entri&quot; umpan berita ini.</p>"
    article = clean_document(RawDocument("feed.rss", "entry 1", html=fragment))
    assert article.paragraphs == [BODY, 'Paragraf kedua dari "entri" umpan berita ini.']
