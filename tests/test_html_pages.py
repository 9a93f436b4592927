"""Synthetic pages for the general mechanisms of issue 17 (no text from real pages)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from warta.clean import clean_document
from warta.clean.bylines import people
from warta.clean.outlets import canonical_outlet, outlet_for_url, strip_site_name
from warta.clean.pagedates import find_visible_date, reconcile, url_dates
from warta.errors import NotAnArticleError
from warta.ingest import RawDocument
from warta.pipeline import ingest_paths
from warta.store import Store

BODY = (
    "Pemerintah kota mulai memperbaiki jalan yang rusak akibat banjir pekan lalu. Warga berharap "
    "pekerjaan itu selesai sebelum musim hujan berikutnya tiba, karena jalan tersebut menjadi akses "
    "utama menuju pasar dan sekolah di kecamatan itu."
)


def _page(*, head: str = "", before: str = "", after: str = "", headline: str = "Jalan Rusak Mulai Diperbaiki") -> str:
    paragraphs = "".join(f"<p>{BODY} Kalimat {i}.</p>" for i in range(3))
    return (
        f"<html><head><title>{headline} | Kabar Contoh</title>{head}</head><body>"
        f"<div class='main'><h1>{headline}</h1>{before}<div class='isi'>{paragraphs}</div>{after}</div></body></html>"
    )


@pytest.mark.parametrize(
    ("url", "days"),
    [
        ("https://kabar.example/read/2015/11/04/123/judul", ["2015-11-04"]),
        ("https://kabar.example/berita/16/02/15/abc-judul", ["2016-02-15", "2015-02-16"]),
        ("https://kabar.example/judul-berita-20151104", ["2015-11-04"]),
        ("https://kabar.example/berita/527615/judul", []),
    ],
)
def test_url_dates(url: str, days: list[str]) -> None:
    assert url_dates(url) == days


def test_visible_dates_keep_the_zone() -> None:
    assert find_visible_date("Kamis, 05 November 2015 11:52 WITA | Penulis") == "2015-11-05T11:52:00+08:00"
    assert find_visible_date("Selasa, 23/02/2016 15:32 WIB") == "2016-02-23T15:32:00+07:00"
    assert find_visible_date("Senin, 15 Februari 2016") == "2016-02-15"
    # a "Z" that is really local time, and a correct UTC time: the page's zone is kept
    assert reconcile("2016-02-16T09:09:00+00:00", "2016-02-16T09:09:00+07:00") == "2016-02-16T09:09:00+07:00"
    assert reconcile("2016-02-16T02:09:00+00:00", "2016-02-16T09:09:00+07:00") == "2016-02-16T09:09:00+07:00"
    assert reconcile("2016-02-16T02:09:00+00:00", "2016-02-18T09:09:00+07:00") == "2016-02-16T02:09:00+00:00"


def test_date_sources_in_order() -> None:
    meta = clean_document(RawDocument("a.html", None, html=_page(head='<meta property="article:published_time" content="2024-02-01T10:00:00+07:00">')))
    assert (meta.published, meta.published_source, meta.published_inferred) == ("2024-02-01T10:00:00+07:00", "metadata", False)
    in_url = clean_document(RawDocument("a.html", None, html=_page(), url="https://kabar.example/2024/02/03/jalan"))
    assert (in_url.published, in_url.published_source) == ("2024-02-03", "url")
    shown = clean_document(RawDocument("a.html", None, html=_page(before="<div class='tgl'>Sabtu, 03 Februari 2024 09:30 WIT</div>")))
    assert (shown.published, shown.published_source) == ("2024-02-03T09:30:00+09:00", "page")
    assert "Februari" not in shown.text  # the date line left the body
    captured = clean_document(RawDocument("a.warc", "record 1", html=_page(), published_before="2024-03-07T04:05:06Z"))
    assert captured.published is None or captured.published_source == "text"


def test_title_loses_the_site_name_and_outlet_comes_from_the_domain() -> None:
    article = clean_document(RawDocument("a.html", None, html=_page(), url="https://m.kompas.com/read/x"))
    assert article.title == "Jalan Rusak Mulai Diperbaiki" and article.outlet == "Kompas.com"
    assert strip_site_name("Judul Berita Hari Ini - Okezone", ["Okezone"]) == "Judul Berita Hari Ini"
    assert strip_site_name("KapanLagi.com: Judul Berita Hari Ini", []) == "Judul Berita Hari Ini"
    assert strip_site_name("Judul | Warta Online", ["wartaonline"]) == "Judul"
    assert strip_site_name("Menteri: Harga Beras Turun", ["Kabar"]) == "Menteri: Harga Beras Turun"


def test_one_name_per_outlet_and_platforms_are_none() -> None:
    assert outlet_for_url("https://www-detik-com.cdn.ampproject.org/c/s/www.detik.com/x") == "detikcom"
    assert outlet_for_url("https://rss.detik.com/index.php/detikcom") == "detikcom"
    assert canonical_outlet("https://twitter.com/someone") is None
    assert canonical_outlet("KOMPAS.com") == "Kompas.com" and canonical_outlet("Harian Fiksi") == "Harian Fiksi"


def test_authors_are_people() -> None:
    assert people(["Pewarta: Ani Lestari", "Redaksi", "Tim Detik", "detikcom", "Budi"], outlet_names=["detikcom"]) == [
        "Ani Lestari",
        "Budi",
    ]


def test_language_from_the_text_not_the_declaration() -> None:
    html = _page().replace("<html>", '<html lang="en">')
    assert clean_document(RawDocument("a.html", None, html=html)).language == "id"
    short = clean_document(RawDocument("a.jsonl", "line 1", text="Hello there friend, see you.", language="en"))
    assert short.language == "en"


def test_link_boxes_leave_the_body_and_baca_juga_lists_become_related() -> None:
    box = "<div class='box'><h3>Berita Terpopuler</h3><ul>" + "".join(
        f"<li><a href='/b{i}'>Judul berita lain yang populer nomor {i}</a></li>" for i in range(5)
    ) + "</ul></div>"
    share = "<div class='share'><a href='#f'>Facebook</a> <a href='#t'>Twitter</a> <a href='#w'>WhatsApp</a></div>"
    related = "<div><strong>Baca juga</strong><ul>" + "".join(
        f"<li><a href='/r{i}'>Tulisan terkait tentang jalan nomor {i}</a></li>" for i in range(3)
    ) + "</ul></div>"
    article = clean_document(RawDocument("a.html", None, html=_page(before=share + related, after=box)))
    assert "populer" not in article.text and "Facebook" not in article.text and "terkait" not in article.text
    assert article.paragraphs[0].startswith("Pemerintah kota")  # the lead stays
    assert [r.url for r in article.related][:3] == ["/r0", "/r1", "/r2"]


def test_front_page_is_refused_and_counted_as_skipped(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    teasers = "".join(
        f"<div><a href='/a{i}'>Judul berita utama hari ini nomor {i}</a><p>Ringkas {i}.</p></div>" for i in range(40)
    )
    front = pages / "index.html"
    front.write_text(f"<html><head><title>Kabar Contoh</title></head><body>{teasers}</body></html>", encoding="utf-8")
    with pytest.raises(NotAnArticleError):
        clean_document(RawDocument(str(front), None, html=front.read_text(encoding="utf-8")))
    feed = pages / "feed.html"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>', encoding="utf-8")
    article = pages / "a.html"
    article.write_text(_page(), encoding="utf-8")
    store = Store(tmp_path / "w.db")
    report = ingest_paths([pages], store, analyse=False)
    assert (report.read, report.stored, len(report.rejected), len(report.skipped)) == (3, 1, 0, 2)
    assert all(str(tmp_path) in line for line in report.skipped)
    store.close()


def test_cleaning_is_linear_on_repeated_opening_tags() -> None:
    for opening in ("<div>", "<script>", "<header>", "<p><a>"):
        page = "<html><body>" + opening * (200_000 // len(opening)) + BODY
        start = time.perf_counter()
        try:
            clean_document(RawDocument("big.html", None, html=page))
        except Exception as exc:  # noqa: BLE001 - only the time matters here
            assert "Traceback" not in str(exc)
        assert time.perf_counter() - start < 5.0, opening


def test_warc_resource_records_with_html_are_read(tmp_path: Path) -> None:
    import io

    from warcio.warcwriter import WARCWriter

    from warta.ingest import read_paths

    path = tmp_path / "r.warc"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=False)
        payload = io.BytesIO(_page().encode("utf-8"))
        writer.write_record(writer.create_warc_record(
            "https://kabar.example/2024/01/02/jalan", "resource", payload=payload, warc_content_type="text/html"))
    [raw] = list(read_paths([path]))
    article = clean_document(raw)
    assert (article.published, article.published_source, article.title) == ("2024-01-02", "url", "Jalan Rusak Mulai Diperbaiki")


def test_feed_plain_text_entities_are_unescaped(tmp_path: Path) -> None:
    from warta.ingest import read_paths

    feed = tmp_path / "f.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A</title>'
        "<link>https://kabar.example/a</link><description>Harga &amp;amp; stok beras &amp;quot;aman&amp;quot;"
        "</description></item></channel></rss>",
        encoding="utf-8",
    )
    [raw] = list(read_paths([feed]))
    assert "&amp;" not in (raw.text or raw.html or "") and "&" in (raw.text or raw.html or "")


def test_a_page_declaring_latin1_but_written_in_utf8_is_read_as_utf8():
    from warta.ingest.streams import decode_html

    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Kafé “Nusantara” – Rp5.000</p></body></html>'
    assert "Kafé “Nusantara” – Rp5.000" in decode_html(page.encode("utf-8"))
    # A page really in Latin-1 keeps its declared charset.
    latin = '<meta charset="iso-8859-1"><p>Café crème</p>'.encode("latin-1")
    assert "Café crème" in decode_html(latin)


def test_text_written_before_the_first_paragraph_is_the_lead() -> None:
    lead = "<b>Kabar.com</b> - Wali kota meresmikan <a href='/t'>jembatan baru</a> di tepi sungai pada Senin pagi bersama warga."
    page = (
        "<html><head><title>Jembatan Baru | Kabar Contoh</title></head><body><div class='main'><h1>Jembatan Baru</h1>"
        f"<div class='isi'>{lead}<p><p>{BODY}<p><p>{BODY} Kedua.<p><p>(abc/xyz)</div></div></body></html>"
    )
    article = clean_document(RawDocument("a.html", None, html=page))
    assert "Wali kota meresmikan jembatan baru" in article.paragraphs[0]
    # a row of links written loose is navigation, not a paragraph
    links = " ".join(f"<a href='/x{i}'>Judul berita lain yang tidak terkait nomor {i}</a><br>" for i in range(4))
    page = page.replace("(abc/xyz)", "<h2>JANGAN LEWATKAN</h2>" + links)
    assert "tidak terkait" not in clean_document(RawDocument("a.html", None, html=page)).text


def test_labels_left_by_link_boxes_and_navigation_leave_the_body() -> None:
    items = "".join(f"<li><a href='/b{i}'>Judul berita lain yang populer nomor {i}</a></li>" for i in range(4))
    titled = f"<div class='box'><div class='title'><strong>Foto Terkait</strong></div><ul>{items}</ul></div>"
    headed = f"<h3>Simak Populer Lainnya</h3><div class='spacer'></div><ul>{items}</ul>"
    nav = "<div class='crumbs'><a href='/'>Beranda</a> <a href='/ekonomi'>Ekonomi</a></div>"
    more = f"<div class='title'><strong>Berita Terbaru</strong> <span><a href='/indeks'>Index »</a></span></div><ul>{items}</ul>"
    form = "<div class='vote'><div>Beri Nilai</div><form><input type='radio'><input type='submit' value='Kirim'></form></div>"
    article = clean_document(RawDocument("a.html", None, html=_page(before=nav, after=titled + headed + more + form)))
    for label in ("Foto Terkait", "Simak Populer", "Beranda", "Berita Terbaru", "Index", "Beri Nilai"):
        assert label not in article.text, label
    assert len(article.paragraphs) == 3 and article.kind == "article"
    # a section heading over a link box and more text is the text's heading, not the box's label
    inline_box = f"<h3>Tanggapan Warga Sekitar</h3><ul>{items}</ul><p>{BODY} Lanjutan.</p>"
    sectioned = clean_document(RawDocument("a.html", None, html=_page().replace("</div></div>", inline_box + "</div></div>")))
    assert "Tanggapan Warga Sekitar" in sectioned.paragraphs and "populer" not in sectioned.text
    # a short closing paragraph with a link is text, not navigation
    source = "<p>Sumber: <a href='https://kabar.example/pu'>Dinas Pekerjaan Umum</a></p>"
    kept = clean_document(RawDocument("a.html", None, html=_page().replace("</div></div>", source + "</div></div>")))
    assert "Sumber: Dinas Pekerjaan Umum" in kept.text


def test_the_section_label_above_the_headline_leaves_the_body() -> None:
    page = _page().replace("<h1>", "<h2>FotoEkonomi</h2><h1>")
    assert "FotoEkonomi" not in clean_document(RawDocument("a.html", None, html=page)).text


GALLERY_CAPTIONS = [
    f"Warga membersihkan lumpur di jalan desa nomor {i} setelah banjir surut, Senin (5/2). (Kabar/Fotografer {i})"
    for i in range(4)
]


def _gallery(url_folder: str = "foto", figures: list[str] = GALLERY_CAPTIONS, text: str = "") -> tuple[str, str]:
    figs = "".join(
        f"<figure><a href='/img{i}'><img src='/i{i}.jpg' alt='{c}'></a><figcaption>{c}</figcaption></figure>"
        for i, c in enumerate(figures)
    )
    related = "<div class='lain'>" + "".join(
        f"<div><figure><img src='/t{i}.jpg'><span>5</span></figure><a href='/g{i}'>Galeri lain yang menarik nomor {i}</a></div>"
        for i in range(4)
    ) + "</div>"
    page = (
        "<html><head><title>Banjir Surut di Desa | Kabar Contoh</title>"
        '<meta property="og:type" content="article"></head><body><article><h1>Banjir Surut di Desa</h1>'
        f"<div class='share'>17 Shares /</div><div class='gallery'>{figs}</div>{text}"
        "<div class='langganan'><span>Jangan ketinggalan berita</span><form><input type='email'>"
        f"<button>Subscribe</button></form></div>{related}</article></body></html>"
    )
    return page, f"https://kabar.example/{url_folder}/musik/banjir-surut-di-desa-123"


def test_a_gallery_keeps_its_captions_in_order_as_the_body_and_is_marked() -> None:
    page, url = _gallery()
    article = clean_document(RawDocument("g.html", None, html=page, url=url))
    assert article.kind == "gallery"
    assert article.paragraphs == GALLERY_CAPTIONS
    assert article.to_dict()["kind"] == "gallery"
    # without an address that says so: the captions outweigh the rest of the text
    unmarked = clean_document(RawDocument("g.html", None, html=page, url="https://kabar.example/musik/banjir-123"))
    assert (unmarked.kind, unmarked.paragraphs) == ("gallery", GALLERY_CAPTIONS)


def test_an_article_with_figures_is_an_article_and_keeps_no_captions() -> None:
    text = "".join(f"<p>{BODY} Kalimat {i}.</p>" for i in range(4))
    page, _ = _gallery(figures=GALLERY_CAPTIONS[:2], text=text)
    article = clean_document(RawDocument("a.html", None, html=page, url="https://kabar.example/musik/banjir-123"))
    assert article.kind == "article" and "lumpur" not in article.text and len(article.paragraphs) == 4
    # a "FOTO:" title on a long article does not make it a photo page
    titled = _page(headline="FOTO: Jalan Rusak Mulai Diperbaiki", after=f"<p>{BODY}</p>")
    assert clean_document(RawDocument("a.html", None, html=titled)).kind == "article"


def test_a_photo_page_keeps_its_caption_and_is_marked() -> None:
    caption = "Petugas memeriksa gardu listrik yang baru diresmikan di Serang, Banten, Selasa (23/2). Gardu itu melayani dua kecamatan."
    page = (
        "<html><head><title>Gardu Baru Beroperasi | Kabar Contoh</title></head><body><div class='content'>"
        "<ul class='crumbs'><li><a href='/'>kabarbisnis</a></li><li><a href='/foto'>Foto Bisnis</a></li></ul>"
        "<div class='profil'><div class='date'>Selasa, 23/02/2016 15:32 WIB</div><h2>FotoBisnis</h2>"
        "<h1>Gardu Baru Beroperasi</h1><strong>Fotografer: Budi Santoso</strong>"
        f"<div class='text_gal'>{caption}</div><div class='view'><img src='/big.jpg'>"
        "<div class='rate'><span>Petugas memeriksa gardu listrik yang baru diresmikan.</span></div>"
        "<div><div>Rating ( voters)</div><div><strong>Vote Photo</strong><form><input type='radio'></form></div></div>"
        "</div><div class='other'><strong>More Photos</strong><a href='/p1'><img src='/1.jpg'></a>"
        "<a href='/p2'><img src='/2.jpg'></a></div></div>"
        "<div class='info'>Redaksi: redaksi[at]kabar.example<br><strong>Informasi pemasangan iklan</strong><br>"
        "hubungi : sales[at]kabar.example</div></div></body></html>"
    )
    url = "https://bisnis.kabar.example/readfoto/2016/02/23/153201/3149106/461/1/gardu-baru-beroperasi"
    article = clean_document(RawDocument("p.html", None, html=page, url=url))
    assert (article.kind, article.paragraphs) == ("photo", [caption])
    assert article.published_source in ("url", "page") and article.published.startswith("2016-02-23")


def test_photo_hints_read_folders_hosts_and_titles_but_never_the_slug() -> None:
    from warta.clean.pagekind import photo_hint, title_is_photo, url_is_photo

    assert url_is_photo("http://photo.kabar.example/musik/judul-123")
    assert url_is_photo("https://www.kabar.example/berita/inpicture/nasional-inpicture/16/02/23/judul")
    assert url_is_photo("https://kabar.example/galeri/2024/01/judul")
    assert not url_is_photo("https://www.kabar.example/showbiz/selebriti/foto-artis-saat-kecil-1b2294.html")
    assert not url_is_photo("https://kabar.example/read/2015/11/04/123/judul")
    assert title_is_photo("In Picture: Banjir Surut") and title_is_photo("FOTO: Banjir Surut")
    assert not title_is_photo("Menteri: Harga Beras Turun")
    assert photo_hint(None, None, [{"@context": "https://schema.org", "@type": "ImageGallery"}])
    assert not photo_hint(None, None, [{"@type": "NewsArticle"}])


def test_page_kind_is_stored_and_a_v8_database_gets_articles(tmp_path: Path) -> None:
    import sqlite3

    from warta.model import Article
    from warta.store.schema import MIGRATIONS

    path = tmp_path / "old.db"
    with sqlite3.connect(path) as conn:
        for number, script in enumerate(MIGRATIONS[:8]):
            conn.executescript(script)
            conn.execute(f"PRAGMA user_version = {number + 1}")
        conn.execute("INSERT INTO articles(id, title, text, content_hash) VALUES ('old', 'Lama', 'teks lama', 'h0')")
    store = Store(path)
    assert store.get_article("old").kind == "article"
    with store.transaction():
        store.insert_article(Article(id="g", text="keterangan foto", kind="gallery", content_hash="h1"), canonical_url=None)
    assert store.get_article("g").kind == "gallery"
    store.close()
