"""Numbers that are not times are never time expressions (the hard negatives of the brief)."""

from __future__ import annotations

import pytest

from warta.analyze.time import extract_timexes


@pytest.mark.parametrize(
    "text",
    [
        "Sebanyak 2.024 personel dikerahkan untuk pengamanan.",
        "Persija menang 2-1 atas Persib.",
        "Tim voli menang 21-19 dan 3-0.",
        "Delegasi dari 15 negara hadir.",
        "Anggaran mencapai Rp 3,2 triliun.",
        "The deal is worth $3.2 billion.",
        "Gempa bermagnitudo 5,6 mengguncang.",
        "Hubungi 0812-3456-7890 atau (021) 5551234.",
        "Kantor cabang di 022-4231234.",
        "Baca di https://news.example.com/read/2023/09/11/123456789/judul-berita.",
        "Baca di https://example.com/news/20230911123456/berita untuk detail.",
        "Peringatan HUT ke-78 dan ke-79 RI meriah.",
        "Pandemi COVID-19 dan KTT G20 dibahas.",
        "Korea Utara menguji rudal Hwasong-19.",
        "Jet F-16 dan timnas U-17 tiba.",
        "Pasal 27 ayat 3 UU ITE digugat.",
        "Ia menempati rumah nomor 17.",
        "Kecelakaan terjadi di KM 92 tol Cipali.",
        "Warga RT 05/RW 02 berkumpul.",
        "Sepertiga atau 1/3 dan 3/4 warga setuju.",
        "Kode pos 40115 untuk Bandung.",
        "Mobil B 1945 KJT diparkir di Room 1945.",
        "Midnight Mass was held in the cathedral.",
        "Kereta itu punya hingga 20 gerbong dan melaju sekitar 37 mph.",
    ],
)
def test_hard_negatives(text: str) -> None:
    assert extract_timexes(text, "2023-09-11") == []


def test_empty_and_timeless_text() -> None:
    assert extract_timexes("", "2023-09-11") == []
    assert extract_timexes("Kereta itu berwarna hijau kusam.", None) == []
