"""Quarters, halves, decades, centuries and the deictic references."""

from __future__ import annotations

import pytest

from warta.analyze.time import extract_timexes


def pairs(text: str, dct: str | None = "2023-09-11") -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in extract_timexes(text, dct)]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Target kuartal III 2025 tercapai.", "kuartal III 2025", "2025-Q3"),
        ("Laba triwulan IV naik.", "triwulan IV", "2023-Q4"),
        ("Laba semester I naik.", "semester I", "2023-H1"),
        ("Laba semester kedua naik.", "semester kedua", "2023-H2"),
        ("Ekspor kuartal pertama tahun depan naik.", "kuartal pertama tahun depan", "2024-Q1"),
        ("Growth slowed in Q3 2025.", "Q3 2025", "2025-Q3"),
        ("Sales rose in the third quarter of 2026.", "third quarter of 2026", "2026-Q3"),
        ("Sales rose in the first half of 2023.", "first half of 2023", "2023-H1"),
    ],
)
def test_quarters_and_halves(text: str, span: str, value: str) -> None:
    assert pairs(text) == [(span, value)]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Perundingan berlangsung sejak tahun 1980an.", "tahun 1980an", "198"),
        ("Musik era 1990-an kembali populer.", "era 1990-an", "199"),
        ("Sejak dekade 1950-an kota tumbuh.", "dekade 1950-an", "195"),
        ("Lagu 1990-an diputar.", "1990-an", "199"),
        ("Pada tahun 80-an harga murah.", "tahun 80-an", "198"),
        ("Prices were low in the 1970s.", "1970s", "197"),
        ("Kota itu berdiri pada abad ke-15.", "abad ke-15", "14"),
        ("Tantangan abad ke-21 berat.", "abad ke-21", "20"),
        ("Tantangan abad XXI berat.", "abad XXI", "20"),
        ("The abbey dates from the 9th century.", "9th century", "08"),
    ],
)
def test_decades_and_centuries(text: str, span: str, value: str) -> None:
    assert pairs(text) == [(span, value)]


def test_an_age_in_tens_is_not_a_decade() -> None:
    assert pairs("Pria berusia 20-an itu ditangkap.") == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Saat ini harga stabil.", "Saat ini", "PRESENT_REF"),
        ("Hingga sekarang belum ada kabar.", "sekarang", "PRESENT_REF"),
        ("Kini ia menjabat menteri.", "Kini", "PRESENT_REF"),
        ("Dulu kota ini sepi.", "Dulu", "PAST_REF"),
        ("Beberapa waktu lalu ia sakit.", "Beberapa waktu lalu", "PAST_REF"),
        ("Hal itu terjadi baru-baru ini.", "baru-baru ini", "PAST_REF"),
        ("Tantangan ke depan makin berat.", "ke depan", "FUTURE_REF"),
        ("Kim akan ke Rusia dalam beberapa hari mendatang.", "beberapa hari mendatang", "FUTURE_REF"),
        ("Aturan itu terbit dalam waktu dekat.", "waktu dekat", "FUTURE_REF"),
        ("Prices are currently high.", "currently", "PRESENT_REF"),
        ("Prices will rise in the coming days.", "coming days", "FUTURE_REF"),
    ],
)
def test_deictic_references(text: str, span: str, value: str) -> None:
    assert pairs(text) == [(span, value)]


def test_references_that_are_not_times() -> None:
    # "terlebih dulu" = first (in order); "maju ke depan" = step forward; names: "USA Today".
    assert pairs("Ia meminta izin terlebih dulu.") == []
    assert pairs("Ia maju ke depan kelas.") == []
    assert pairs("Melansir USA Today, kereta itu lambat.") == []
