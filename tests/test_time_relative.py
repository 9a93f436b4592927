"""Expressions read against the DCT: relative days and periods, weekday anchoring, anaphora."""

from __future__ import annotations

import pytest

from warta.analyze.time import extract_timexes


def values(text: str, dct: str | None = "2023-09-11") -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in extract_timexes(text, dct)]


def test_relative_days() -> None:
    text = "Kemarin hujan, hari ini cerah, besok mendung, lusa badai. Tiga hari lalu banjir."
    assert values(text) == [
        ("Kemarin", "2023-09-10"),
        ("hari ini", "2023-09-11"),
        ("besok", "2023-09-12"),
        ("lusa", "2023-09-13"),
        ("Tiga hari lalu", "2023-09-08"),
    ]
    assert values("Yesterday it rained; today it is dry; tomorrow it may snow.") == [
        ("Yesterday", "2023-09-10"),
        ("today", "2023-09-11"),
        ("tomorrow", "2023-09-12"),
    ]


def test_weeks_are_iso_weeks() -> None:
    # 2023-09-11 is the Monday of ISO week 37.
    text = "Pekan lalu harga naik, minggu depan turun, pekan ini stabil, dan akhir pekan ini ramai."
    assert values(text) == [
        ("Pekan lalu", "2023-W36"),
        ("minggu depan", "2023-W38"),
        ("pekan ini", "2023-W37"),
        ("akhir pekan ini", "2023-W37-WE"),
    ]
    assert values("Dua minggu lalu pasar sepi.") == [("Dua minggu lalu", "2023-W35")]
    assert values("Prices fell last week and will rise next week.") == [
        ("last week", "2023-W36"),
        ("next week", "2023-W38"),
    ]


def test_months_and_years_relative_to_dct() -> None:
    assert values("Bulan ini inflasi turun, tahun lalu naik, tahun depan stabil.") == [
        ("Bulan ini", "2023-09"),
        ("tahun lalu", "2022"),
        ("tahun depan", "2024"),
    ]
    assert values("Tiga bulan lalu dan dua tahun lalu.", "2023-01-15") == [
        ("Tiga bulan lalu", "2022-10"),
        ("dua tahun lalu", "2021"),
    ]


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        # No cue: the nearest such day, the past winning a near tie (Friday's "Senin" = this Monday).
        ("Presiden meresmikan bendungan Senin.", "2023-09-15", "2023-09-11"),
        ("Presiden meresmikan bendungan Selasa.", "2023-09-11", "2023-09-12"),
        # The same weekday as the DCT is the DCT.
        ("Pertemuan berlangsung hari Selasa waktu setempat.", "2023-09-12", "2023-09-12"),
        # Tense cues decide.
        ("Sidang akan digelar Kamis.", "2023-09-11", "2023-09-14"),
        ("Sidang telah digelar Kamis.", "2023-09-11", "2023-09-07"),
        ("The vote was held on Friday.", "2023-09-11", "2023-09-08"),
        ("The vote will be held on Friday.", "2023-09-11", "2023-09-15"),
        # Explicit direction words.
        ("Ia datang Senin lalu.", "2023-09-11", "2023-09-04"),
        ("Ia datang Senin depan.", "2023-09-11", "2023-09-18"),
        ("Sidang digelar Senin pekan depan.", "2023-11-17", "2023-11-20"),
        ("Gerai tutup mulai Senin besok.", "2023-07-02", "2023-07-03"),
    ],
)
def test_weekday_anchoring(text: str, dct: str, value: str) -> None:
    found = extract_timexes(text, dct)
    assert [t.value for t in found] == [value]


def test_the_tense_reaches_values_built_from_a_bare_day() -> None:
    # The tense is read after the longest expressions are chosen: it must still reach a part
    # of day or clock joined to the weekday, a range's first half, and bare months and dates.
    assert values("Sidang akan digelar Kamis malam.") == [("Kamis malam", "2023-09-14TNI")]
    assert values("Sidang telah digelar Kamis malam.") == [("Kamis malam", "2023-09-07TNI")]
    assert values("Rapat akan dimulai Kamis pukul 09.00 WIB.") == [("Kamis pukul 09.00 WIB", "2023-09-14T09:00+07:00")]
    assert values("Hujan akan turun sore hingga Kamis malam.") == [
        ("sore", "2023-09-14TAF"), ("Kamis malam", "2023-09-14TNI"),
    ]
    assert values("Pameran akan dibuka pada Januari.", "2023-11-20") == [("Januari", "2024-01")]
    assert values("Gedung itu telah diresmikan pada 20 Desember.", "2023-01-05") == [("20 Desember", "2022-12-20")]
    # A weekday inside a longer date needs no tense at all.
    assert values("Sidang akan digelar Kamis (7/9/2023).") == [("Kamis (7/9/2023)", "2023-09-07")]


def test_minggu_sunday_or_week() -> None:
    # Sentence start + "lalu": last week; mid-sentence capitalised: last Sunday; lower case: week.
    assert values("Minggu lalu, pemerintah mengumumkan kebijakan baru.") == [("Minggu lalu", "2023-W36")]
    assert values("Pemerintah mengumumkan kebijakan baru Minggu lalu.") == [("Minggu lalu", "2023-09-10")]
    assert values("Pemerintah mengumumkan kebijakan baru minggu lalu.") == [("minggu lalu", "2023-W36")]
    assert values("Pasar ramai pada hari Minggu, 10 September 2023.") == [
        ("hari Minggu, 10 September 2023", "2023-09-10")
    ]


def test_anaphoric_expressions_count_from_the_last_time_mentioned() -> None:
    text = "Kereta berangkat hari Senin (11/9/2023) dan tiba di perbatasan dua hari kemudian."
    assert values(text, "2023-09-11")[-1] == ("dua hari kemudian", "2023-09-13")
    text = "Inflasi Desember 2022 turun dari bulan sebelumnya."
    assert values(text, "2023-01-26") == [("Desember 2022", "2022-12"), ("bulan sebelumnya", "2022-11")]
    text = "The bridge opened in late 2019 and was damaged two years later."
    assert values(text, "2024-10-03") == [("late 2019", "2019"), ("two years later", "2021")]
    text = "Kim meninggalkan Pyongyang pada Minggu, 10 September 2023 dan tiba keesokan harinya."
    assert values(text, "2023-09-12")[-1] == ("keesokan harinya", "2023-09-11")
    text = "Proyek selesai awal 2026 dan beroperasi pada pertengahan tahun yang sama."
    found = extract_timexes(text, "2025-01-08")
    assert [(t.value, t.mod) for t in found] == [("2026", "START"), ("2026", "MID")]


def test_quarter_relative_to_dct() -> None:
    assert values("Laba naik dibanding kuartal lalu.", "2025-09-05") == [("kuartal lalu", "2025-Q2")]
    assert values("Target semester I lalu meleset.", "2023-09-11") == [("semester I lalu", "2023-H1")]


def test_one_unit_anaphora_and_period_edges() -> None:
    text = "Pemilu digelar pada 14 Februari 2024 dan hasilnya diumumkan sebulan kemudian."
    assert values(text, "2024-03-20")[-1] == ("sebulan kemudian", "2024-03")
    found = extract_timexes("Harga beras melonjak sejak awal tahun.", "2024-03-20")
    assert [(t.text, t.value, t.mod) for t in found] == [("awal tahun", "2024", "START")]
    # A period edge followed by its own period is left to that rule.
    found = extract_timexes("Harga naik pada akhir tahun lalu.", "2024-03-20")
    assert [(t.text, t.value, t.mod) for t in found] == [("akhir tahun lalu", "2023", "END")]
