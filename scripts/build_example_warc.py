"""Build examples/corpus/archive/portal-crawl.warc.gz, the WARC part of the example corpus.

The pages below are written for warta's examples (fictional outlets, our own text). The
archive holds what a real crawl holds, so ingest has something to skip: a warcinfo record,
a ``request`` record, an image response, and an AMP copy of one page (an exact duplicate).
Record ids and dates are derived from the URLs, so re-running gives the same records.

Run: .venv/bin/python scripts/build_example_warc.py
"""

from __future__ import annotations

import struct
import uuid
import zlib
from dataclasses import dataclass
from html import escape
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OUTPUT = Path(__file__).resolve().parents[1] / "examples" / "corpus" / "archive" / "portal-crawl.warc.gz"
ID_NAMESPACE = uuid.UUID("6f1d3c1e-2b4a-4c55-9a0e-7a9d1f0b5e21")


@dataclass(frozen=True)
class Page:
    url: str
    outlet: str
    title: str
    published: str  # ISO datetime with offset
    crawled: str  # WARC-Date, UTC
    lang: str
    paragraphs: tuple[str, ...]
    amp: bool = False  # an AMP rendering: different chrome, same article text


def _paragraph_html(text: str) -> str:
    if text.startswith("Baca Juga:"):
        title = text.split(":", 1)[1].strip()
        return f'<p class="related"><strong>Baca Juga:</strong> <a href="/read/related">{escape(title)}</a></p>'
    if text == "ADVERTISEMENT":
        return '<div class="ads"><span>ADVERTISEMENT</span></div>'
    return f"<p>{escape(text, quote=False)}</p>"


def render(page: Page) -> str:
    """A portal-like page: nav, article, sidebar and footer (AMP pages get a leaner shell)."""
    body = "\n".join(_paragraph_html(p) for p in page.paragraphs)
    canonical = page.url.removesuffix("/amp")
    html_attr = f'<html amp lang="{page.lang}">' if page.amp else f'<html lang="{page.lang}">'
    amp_link = "" if page.amp else f'<link rel="amphtml" href="{page.url}/amp">'
    share = "Bagikan artikel ini" if page.lang == "id" else "Share this story"
    follow = "Ikuti kami di Google News" if page.lang == "id" else "Subscribe to the Ledger newsletter"
    sidebar = (
        ""
        if page.amp
        else '<aside class="sidebar"><h3>Terpopuler</h3><ol><li><a href="/read/1">Harga emas hari ini</a>'
        "<time>2024-01-02</time></li><li><a href=\"/read/2\">Jadwal KRL akhir pekan</a></li></ol></aside>"
    )
    return f"""<!DOCTYPE html>
{html_attr}
<head>
<meta charset="utf-8">
<title>{escape(page.title)} | {escape(page.outlet)}</title>
<meta property="og:title" content="{escape(page.title)}">
<meta property="og:site_name" content="{escape(page.outlet)}">
<meta property="og:url" content="{canonical}">
<meta property="article:published_time" content="{page.published}">
<link rel="canonical" href="{canonical}">
{amp_link}
</head>
<body>
<header><a class="logo" href="/">{escape(page.outlet)}</a>
<nav><ul><li><a href="/news">News</a></li><li><a href="/bisnis">Bisnis</a></li><li><a href="/olahraga">Olahraga</a></li></ul></nav>
</header>
<main>
<article>
<h1>{escape(page.title)}</h1>
<div class="content">
{body}
</div>
<div class="share">{share}</div>
<p class="follow">{follow}</p>
</article>
{sidebar}
</main>
<footer><p>&copy; {escape(page.outlet)}. Redaksi: (021) 555-0199</p></footer>
</body>
</html>
"""


KN_MATCH = (
    "KABARNUSA.ID - JAKARTA. Timnas Indonesia menang 2-0 atas Arab Saudi dalam laga Grup C putaran ketiga "
    "Kualifikasi Piala Dunia 2026 zona Asia di Stadion Utama Gelora Bung Karno, Jakarta, Selasa (19/11/2024) "
    "malam. Kedua gol dicetak Marselino Ferdinan.",
    "Marselino membuka keunggulan pada menit ke-32 setelah menerima umpan terobosan dari lini tengah. Gol kedua "
    "lahir pada menit ke-57 lewat sepakan cungkil yang melewati kiper Arab Saudi.",
    "Kemenangan ini menjadi yang pertama bagi Indonesia di putaran ketiga, empat hari setelah kalah 0-4 dari "
    "Jepang di stadion yang sama pada Jumat (15/11/2024).",
    "\u201cSaya bangga dengan pemain. Mereka bermain dengan hati, dan itu yang membuat kita menang,\u201d kata "
    "pelatih Shin Tae-yong seusai laga.",
    "ADVERTISEMENT",
    "Sebanyak 2.024 personel gabungan TNI-Polri dikerahkan untuk mengamankan laga yang disaksikan sekitar "
    "60.000 penonton itu.",
    "Baca Juga: Klasemen Grup C Usai Indonesia Kalahkan Arab Saudi",
    "Reporter: Rangga Aditya | Editor: Hendra Wijaya",
)

PAGES: tuple[Page, ...] = (
    Page(
        url="https://kabarnusa.id/ekonomi/2023/10/02/jokowi-resmikan-kereta-cepat-whoosh",
        outlet="KABARNUSA.ID",
        title="Jokowi Resmikan Kereta Cepat Whoosh, Jakarta-Bandung Kini 40 Menit",
        published="2023-10-02T11:45:00+07:00",
        crawled="2023-10-02T06:00:00Z",
        lang="id",
        paragraphs=(
            "KABARNUSA.ID - JAKARTA. Presiden Joko Widodo meresmikan pengoperasian Kereta Cepat Jakarta-Bandung di "
            "Stasiun Halim, Jakarta Timur, Senin (2/10/2023). Kereta yang diberi nama Whoosh itu menjadi kereta "
            "cepat pertama di Asia Tenggara.",
            "Whoosh melayani lintasan sepanjang 142,3 kilometer dari Stasiun Halim hingga Stasiun Tegalluar di "
            "Kabupaten Bandung, dengan kecepatan maksimal 350 km/jam. Satu rangkaian terdiri atas 8 gerbong dengan "
            "kapasitas 601 penumpang.",
            "\"Ini menandai modernisasi transportasi massal kita yang efisien dan ramah lingkungan,\" kata Jokowi "
            "dalam sambutannya.",
            "Baca Juga: Mengenal Stasiun Halim, Titik Awal Kereta Cepat",
            "Whoosh berhenti di Stasiun Padalarang, tempat penumpang yang menuju pusat Kota Bandung dapat berpindah "
            "ke kereta pengumpan. Perjalanan dari Halim ke Padalarang ditempuh sekitar 36 menit, sedangkan ke "
            "Tegalluar sekitar 46 menit.",
            "Proyek ini dikerjakan PT Kereta Cepat Indonesia China (KCIC), perusahaan patungan konsorsium BUMN "
            "Indonesia dan perusahaan China, dengan nilai investasi sekitar 7,2 miliar dolar AS.",
            "Sebelum peresmian, Jokowi sempat menjajal kereta itu dari Halim ke Padalarang pada pertengahan "
            "September lalu.",
            "Masyarakat dapat mencoba Whoosh secara gratis selama masa uji coba. Operasi komersial diperkirakan "
            "dimulai pertengahan Oktober 2023.",
            "Reporter: Teguh Santosa | Editor: Hendra Wijaya",
        ),
    ),
    Page(
        url="https://www.wartakini.id/read/2022/11/23/183000/pln-listrik-cianjur-pulih-paling-cepat-jumat",
        outlet="WARTAKINI.id",
        title="PLN: Listrik di Cianjur Diperkirakan Pulih Paling Cepat Jumat",
        published="2022-11-23T18:30:00+07:00",
        crawled="2022-11-23T12:00:00Z",
        lang="id",
        paragraphs=(
            "Reporter: Fajar Nugroho | Editor: Lestari Handayani",
            "CIANJUR, WARTAKINI.id - PLN memperkirakan aliran listrik di desa-desa yang paling parah terdampak gempa "
            "Cianjur baru pulih paling cepat Jumat (25/11/2022), mundur sehari dari perkiraan sebelumnya.",
            "Petugas kesulitan menjangkau gardu yang tertimbun longsor di Kecamatan Cugenang. \"Kami tidak mau "
            "memaksakan penyalaan sebelum jaringan benar-benar aman. Keselamatan warga nomor satu,\" kata seorang "
            "manajer PLN di Jawa Barat.",
            "Sementara itu, BNPB menyatakan korban tewas mencapai 271 orang hingga Rabu (23/11/2022) sore, dengan 40 "
            "orang masih hilang.",
            "ADVERTISEMENT",
            "Dua hari setelah gempa, ribuan pengungsi masih bertahan di tenda darurat. Hujan deras yang turun hampir "
            "setiap sore membuat tenda-tenda itu tergenang.",
            "Baca Juga: Jokowi Janjikan Bantuan Rp 50 Juta untuk Rumah Rusak Berat",
            "Gempa bermagnitudo 5,6 mengguncang Cianjur pada Senin siang pukul 13.21 WIB.",
        ),
    ),
    Page(
        url="https://jakartaledger.com/world/2024/11/10/xi-hosts-prabowo-beijing",
        outlet="Jakarta Ledger",
        title="Xi hosts Prabowo as Indonesian leader opens world tour in China",
        published="2024-11-10T07:45:00+07:00",
        crawled="2024-11-10T01:00:00Z",
        lang="en",
        paragraphs=(
            "BEIJING \u2014 Indonesian President Prabowo Subianto held talks with Chinese President Xi Jinping in "
            "Beijing on Saturday, the first leg of an overseas tour that will also take him to the United States, "
            "Peru and Brazil.",
            "The two leaders met at the Great Hall of the People after a welcoming ceremony. Officials said the "
            "talks covered food security, the downstream processing of minerals and Chinese support for "
            "Indonesia's plan to feed millions of schoolchildren.",
            "\"China is a key partner for Indonesia, and we want this partnership to bring real benefits to our "
            "people,\" Prabowo told Xi at the start of the meeting, according to a transcript released by the "
            "presidential palace.",
            "Xi said Beijing was ready to deepen cooperation with Jakarta in trade, infrastructure and maritime "
            "affairs, Chinese state broadcaster CCTV reported.",
            "A joint statement issued after the talks said both sides had reached a \"common understanding\" on "
            "joint development in areas of overlapping claims, wording that some Indonesian analysts said could "
            "be read as a shift on the South China Sea. Indonesia has long said it is not a claimant state there.",
            "The foreign ministry in Jakarta was expected to comment on the statement on Monday.",
            "Prabowo, who was sworn in on Oct. 20, is expected to attend a business forum in Beijing on Sunday "
            "before flying to Washington.",
            "This story was first published by Nusantara Wire.",
        ),
    ),
    Page(
        url="https://kabarnusa.id/olahraga/2024/11/19/timnas-indonesia-menang-2-0-atas-arab-saudi",
        outlet="KABARNUSA.ID",
        title="Timnas Indonesia Menang 2-0 atas Arab Saudi, Marselino Borong Dua Gol",
        published="2024-11-19T22:15:00+07:00",
        crawled="2024-11-19T16:00:00Z",
        lang="id",
        paragraphs=KN_MATCH,
    ),
    Page(
        url="https://kabarnusa.id/olahraga/2024/11/19/timnas-indonesia-menang-2-0-atas-arab-saudi/amp",
        outlet="KABARNUSA.ID",
        title="Timnas Indonesia Menang 2-0 atas Arab Saudi, Marselino Borong Dua Gol",
        published="2024-11-19T22:15:00+07:00",
        crawled="2024-11-19T16:05:00Z",
        lang="id",
        paragraphs=KN_MATCH,
        amp=True,
    ),
)


def tiny_png() -> bytes:
    """A valid 1x1 grey PNG: a non-HTML response that ingest must skip."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x80")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def _record_id(url: str, kind: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(ID_NAMESPACE, kind + ' ' + url)}>"


def _response(writer: WARCWriter, url: str, date: str, content_type: str, payload: bytes) -> None:
    http = StatusAndHeaders(
        "200 OK",
        [("Content-Type", content_type), ("Content-Length", str(len(payload)))],
        protocol="HTTP/1.1",
    )
    record = writer.create_warc_record(
        url,
        "response",
        payload=BytesIO(payload),
        http_headers=http,
        warc_headers_dict={"WARC-Date": date, "WARC-Record-ID": _record_id(url, "response")},
    )
    writer.write_record(record)


def _request(writer: WARCWriter, url: str, date: str) -> None:
    host = url.split("/")[2]
    path = "/" + url.split("/", 3)[3]
    http = StatusAndHeaders(
        f"GET {path} HTTP/1.1",
        [("Host", host), ("User-Agent", "warta-example-crawler/0.1")],
        is_http_request=True,
    )
    record = writer.create_warc_record(
        url,
        "request",
        payload=BytesIO(b""),
        http_headers=http,
        warc_headers_dict={"WARC-Date": date, "WARC-Record-ID": _record_id(url, "request")},
    )
    writer.write_record(record)


def build(output: Path = OUTPUT) -> Path:
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        info = writer.create_warcinfo_record(
            output.name,
            {"software": "warta scripts/build_example_warc.py", "description": "warta example corpus crawl"},
        )
        info.rec_headers.replace_header("WARC-Date", "2024-11-20T00:00:00Z")
        info.rec_headers.replace_header("WARC-Record-ID", _record_id(output.name, "warcinfo"))
        writer.write_record(info)
        for index, page in enumerate(PAGES):
            if index == 0:
                _request(writer, page.url, page.crawled)
            _response(writer, page.url, page.crawled, "text/html; charset=utf-8", render(page).encode("utf-8"))
        _response(
            writer,
            "https://kabarnusa.id/assets/img/logo-kabarnusa.png",
            "2024-11-19T16:00:01Z",
            "image/png",
            tiny_png(),
        )
    return output


if __name__ == "__main__":
    print(build())
