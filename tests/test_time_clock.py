"""Clock times, parts of day, time zones, and how they join the day next to them."""

from __future__ import annotations

import pytest

from warta.analyze.time import extract_timexes


def triples(text: str, dct: str | None = "2023-09-11") -> list[tuple[str, str, str, str | None]]:
    return [(t.text, t.type, t.value, t.mod) for t in extract_timexes(text, dct)]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Gempa terjadi pukul 13.21 WIB.", "pukul 13.21 WIB", "2023-09-11T13:21+07:00"),
        ("Gempa terjadi pada 13:21 waktu setempat.", "13:21 waktu setempat", "2023-09-11T13:21"),
        ("Apel dimulai pukul 07.00 pagi.", "pukul 07.00 pagi", "2023-09-11T07:00"),
        ("Acara dimulai jam 7 malam.", "jam 7 malam", "2023-09-11T19:00"),
        ("Sidang dibuka pukul 09.00 WITA.", "pukul 09.00 WITA", "2023-09-11T09:00+08:00"),
        # ET is EDT in September: daylight saving is read from the date.
        ("Officials met at 1:21 p.m. ET.", "1:21 p.m. ET", "2023-09-11T13:21-04:00"),
        ("The shop opens at 10am.", "10am", "2023-09-11T10:00"),
    ],
)
def test_clock_times(text: str, span: str, value: str) -> None:
    assert triples(text) == [(span, "TIME", value, None)]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # No keyword before the number: the clock is found from its a.m./p.m. words.
        ("The vote closes 10 pm, the commission said.", "10 pm", "2023-09-11T22:00"),
        ("The vote closes 10.30 pm, the commission said.", "10.30 pm", "2023-09-11T22:30"),
        ("The vote closes 10.30pm, the commission said.", "10.30pm", "2023-09-11T22:30"),
        ("The vote closes 9 a.m., the commission said.", "9 a.m.", "2023-09-11T09:00"),
        ("The vote closes 9.15 a.m. sharp.", "9.15 a.m.", "2023-09-11T09:15"),
        ("Doors open 12:30 pm.", "12:30 pm", "2023-09-11T12:30"),
    ],
)
def test_clock_times_without_a_keyword(text: str, span: str, value: str) -> None:
    assert triples(text) == [(span, "TIME", value, None)]


def test_numbers_next_to_no_clock_word_are_no_times() -> None:
    assert triples("Sebanyak 10 orang dan 2.5 ton bantuan tiba dengan 3 kapal.", None) == []
    assert triples("Jam dinding itu rusak selama 10 tahun.", None) == [("10 tahun", "DURATION", "P10Y", None)]


def test_clock_joins_its_day() -> None:
    assert triples("Kim tiba kemarin pukul 13.21 WIB di Vladivostok.") == [
        ("kemarin pukul 13.21 WIB", "TIME", "2023-09-10T13:21+07:00", None)
    ]
    assert triples("Erupsi terjadi pukul 21.40 WITA kemarin malam.", "2024-10-03") == [
        ("pukul 21.40 WITA kemarin malam", "TIME", "2024-10-02T21:40+08:00", None)
    ]
    assert triples("Aturan berlaku 1 Januari 2024 pukul 00.00 WIB.") == [
        ("1 Januari 2024 pukul 00.00 WIB", "TIME", "2024-01-01T00:00+07:00", None)
    ]


def test_a_range_of_clock_times_is_two_spans() -> None:
    found = triples("Warga menunggu sejak pukul 06.00 hingga pukul 09.30 WIB.")
    assert [f[0] for f in found] == ["pukul 06.00", "pukul 09.30 WIB"]


@pytest.mark.parametrize(
    ("text", "dct", "span", "value", "mod"),
    [
        ("Ia pergi pada sore hari Minggu, 10 September 2023.", "2023-09-12",
         "sore hari Minggu, 10 September 2023", "2023-09-10TAF", None),
        ("Kim masuk Rusia awal pagi hari Selasa, 12 September 2023.", "2023-09-12",
         "awal pagi hari Selasa, 12 September 2023", "2023-09-12TMO", "START"),
        ("Mereka bertemu paling cepat Rabu, 13 September 2023 pagi.", "2023-09-12",
         "paling cepat Rabu, 13 September 2023 pagi", "2023-09-13TMO", "ON_OR_AFTER"),
        ("Upacara berlangsung Sabtu pagi, 17 Agustus 2024.", "2024-08-17",
         "Sabtu pagi, 17 Agustus 2024", "2024-08-17TMO", None),
        ("Pesawat jatuh pada Selasa (12/9) dini hari.", "2023-09-11", "Selasa (12/9) dini hari", "2023-09-12TNI", None),
        ("Gempa terasa dini hari tadi.", "2025-01-08", "dini hari tadi", "2025-01-08TNI", None),
        ("Warga datang sejak pagi hari ini.", "2024-02-14", "pagi hari ini", "2024-02-14TMO", None),
        ("Hujan turun Jumat malam.", "2024-06-22", "Jumat malam", "2024-06-21TNI", None),
        ("The deal was signed late Tuesday night.", "2023-09-13", "late Tuesday night", "2023-09-12TNI", "END"),
        ("Midnight Mass will begin at 10 p.m. tonight.", "2024-12-24", "10 p.m. tonight", "2024-12-24T22:00", None),
        ("The service is scheduled for tomorrow morning.", "2024-12-24", "tomorrow morning", "2024-12-25TMO", None),
        ("Sunday evening the roads were empty.", "2023-07-02", "Sunday evening", "2023-07-02TEV", None),
    ],
)
def test_parts_of_day_on_a_day(text: str, dct: str, span: str, value: str, mod: str | None) -> None:
    assert triples(text, dct) == [(span, "TIME", value, mod)]


def test_part_of_day_range_shares_the_day() -> None:
    assert triples("Hujan turun pada sore hingga malam hari ini.", "2025-09-05") == [
        ("sore", "TIME", "2025-09-05TAF", None),
        ("malam hari ini", "TIME", "2025-09-05TNI", None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ia makan malam bersama keluarga.",
        "Selamat pagi, pemirsa.",
        "Malam itu sunyi.",
        "Pada pagi hari, warga berkumpul.",
        "Skor 13.21 di papan bukan jam.",
    ],
)
def test_a_bare_part_of_day_or_number_is_not_a_time(text: str) -> None:
    assert triples(text) == []
