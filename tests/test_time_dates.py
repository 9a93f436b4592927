"""Absolute dates: day-month-year in words and digits, weekdays with dates, months, years."""

from __future__ import annotations

import pytest

from warta.analyze.time import extract_timexes
from warta.model import Timex


def only(text: str, dct: str | None = "2023-09-11") -> Timex:
    found = extract_timexes(text, dct)
    assert len(found) == 1, found
    assert text[found[0].start : found[0].end] == found[0].text
    return found[0]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Rapat digelar 10 September 2023 di Jakarta.", "10 September 2023", "2023-09-10"),
        ("The talks began September 10, 2023 in Geneva.", "September 10, 2023", "2023-09-10"),
        ("Surat itu bertanggal 10/9/2023.", "10/9/2023", "2023-09-10"),
        ("Data per 2023-09-10 menunjukkan kenaikan.", "2023-09-10", "2023-09-10"),
        ("Tenggat jatuh pada 5 Des 2023.", "5 Des 2023", "2023-12-05"),
        ("Sidang ditunda ke 3 Okt 2023.", "3 Okt 2023", "2023-10-03"),
        ("Ia tiba 12 Sept. 2023 di Seoul.", "12 Sept. 2023", "2023-09-12"),
        ("Pesta digelar 17 Agu 2023.", "17 Agu 2023", "2023-08-17"),
        ("Ia lahir 17 Agustus 1945 di Jakarta.", "17 Agustus 1945", "1945-08-17"),
    ],
)
def test_full_dates(text: str, span: str, value: str) -> None:
    timex = only(text)
    assert (timex.text, timex.type, timex.value) == (span, "DATE", value)


def test_weekday_with_date_takes_the_date() -> None:
    timex = only("Pesawat mendarat Selasa, 12 September 2023 di Bandara.")
    assert (timex.text, timex.value) == ("Selasa, 12 September 2023", "2023-09-12")


def test_weekday_with_bracketed_date_is_one_span_day_first() -> None:
    timex = only("Kereta berangkat hari Senin (11/9/2023) menuju utara.", "2023-09-20")
    assert (timex.text, timex.value) == ("hari Senin (11/9/2023)", "2023-09-11")
    short = only("Hujan turun Jumat (8/9) sore.", "2023-09-11")
    assert short.value == "2023-09-08TAF"


def test_day_month_without_year_takes_the_dct_year() -> None:
    assert only("Video itu dibagikan pada 11 September.", "2023-09-12").value == "2023-09-11"
    # Across a year boundary the nearby year wins over a date nine months away.
    assert only("Banjir datang pada 28 Desember.", "2024-01-02").value == "2023-12-28"


def test_explicit_direction_words_on_day_month() -> None:
    assert only("Aturan berlaku 1 Oktober mendatang.").value == "2023-10-01"
    assert only("Aturan berakhir 30 Juni lalu.").value == "2023-06-30"


def test_day_range_is_two_dates() -> None:
    found = extract_timexes("Mereka bertemu pada 11-12 September 2023 di Jakarta.", "2023-09-01")
    assert [(t.text, t.value) for t in found] == [("11", "2023-09-11"), ("12 September 2023", "2023-09-12")]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Menteri berkunjung pada bulan Juli.", "bulan Juli", "2023-07"),
        ("Inflasi Juli 2023 melambat.", "Juli 2023", "2023-07"),
        ("Kasus naik sejak Januari hingga kini.", "Januari", "2023-01"),
        ("Hasilnya diumumkan Desember mendatang.", "Desember mendatang", "2023-12"),
        ("Kontrak diteken Mei lalu.", "Mei lalu", "2023-05"),
        ("The law changed in May.", "May", "2023-05"),
    ],
)
def test_months(text: str, span: str, value: str) -> None:
    found = [t for t in extract_timexes(text, "2023-09-11") if t.type == "DATE" and not t.value.endswith("_REF")]
    assert [(t.text, t.value) for t in found] == [(span, value)]


def test_may_the_verb_and_april_the_name_are_not_months() -> None:
    assert extract_timexes("Prices may rise, analysts said.", "2023-09-11") == []
    assert extract_timexes("Penyanyi April Jones tampil memukau.", "2023-09-11") == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Kim ke Rusia pada tahun 2019 dengan kereta.", "tahun 2019"),
        ("Kim ke Rusia pada 2019 dengan kereta.", "2019"),
        ("The plant opened in 2019.", "2019"),
    ],
)
def test_years(text: str, span: str) -> None:
    timex = only(text)
    assert (timex.text, timex.value) == (span, "2019")


@pytest.mark.parametrize(
    "text",
    [
        "Sebanyak 2.024 personel dikerahkan.",
        "Ada 2019 orang yang mendaftar pada 2019 orang lain.",
        "Tahun 2.023 bukan tahun.",
        "The company has 1,998 employees.",
    ],
)
def test_numbers_that_look_like_years_are_not_years(text: str) -> None:
    assert extract_timexes(text, "2023-09-11") == []


def test_year_range_is_two_years() -> None:
    found = extract_timexes("Ia menjabat gubernur periode 2018-2023.", "2024-03-20")
    assert [(t.text, t.value) for t in found] == [("2018", "2018"), ("2023", "2023")]
    # A pair of numbers that cannot be a span of years is not one.
    assert extract_timexes("Skor pertandingan 2019-1998 tercatat.", "2024-03-20") == []


def test_bare_years_in_lists_names_and_after_cue_words() -> None:
    from warta.analyze.time import extract_timexes

    def spans(text: str) -> list[tuple[str, str]]:
        return [(t.text, t.value) for t in extract_timexes(text, "2024-05-01")]

    assert spans("Gempa merusak melanda pada 1844, 1910, dan 2000.") == [("1844", "1844"), ("1910", "1910"), ("2000", "2000")]
    assert spans("Ia menjuarai Liga Voli Nusantara 2025 di Bandung.") == [("2025", "2025")]
    assert spans("Kapal buatan 1996 itu terbakar.") == [("1996", "1996")]
    assert spans("The 1939 Erzincan earthquake killed thousands.") == [("1939", "1939")]
    assert spans("Proyek tahun anggaran 2023 diperiksa.") == [("tahun anggaran 2023", "2023")]
    # Numbers that are no years stay out.
    assert spans("Tamu menginap di Room 1945 dan mobil B 1945 KJT diparkir.") == []
    assert spans("Sebanyak 2024 orang hadir.") == []


def test_clock_times_in_another_zone_fall_on_their_own_day() -> None:
    from warta.analyze.time import extract_timexes

    text = "Gempa terjadi Senin (16/6/2025) pukul 01.12 WIT atau 23.12 WIB, BMKG melaporkan. The quake hit at 4:17 a.m. local time in Turkey (0117 GMT)."
    values = {t.text: t.value for t in extract_timexes(text, "2025-06-17")}
    assert values["23.12 WIB"] == "2025-06-15T23:12+07:00"
    assert values["0117 GMT"] == "2025-06-16T01:17+00:00"
