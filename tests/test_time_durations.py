"""Durations, sets and the modifiers around them."""

from __future__ import annotations

import pytest

from warta.analyze.time import extract_timexes


def triples(text: str, dct: str | None = "2023-09-11") -> list[tuple[str, str, str, str | None]]:
    return [(t.text, t.type, t.value, t.mod) for t in extract_timexes(text, dct)]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Konflik berlangsung 18 bulan.", "18 bulan", "P18M"),
        ("Ia menunggu tiga pekan.", "tiga pekan", "P3W"),
        ("Rapat berlangsung dua jam.", "dua jam", "PT2H"),
        ("Ia menginap sepekan.", "sepekan", "P1W"),
        ("Proyek itu makan waktu setahun.", "setahun", "P1Y"),
        ("Sanksi berlaku bertahun-tahun.", "bertahun-tahun", "PXY"),
        ("Ia dirawat beberapa hari.", "beberapa hari", "PXD"),
        ("Ia dirawat selama 10 hari.", "10 hari", "P10D"),
        ("Ia bekerja selama dua dekade.", "dua dekade", "P20Y"),
        ("Ia menjabat 2 tahun 3 bulan.", "2 tahun 3 bulan", "P2Y3M"),
        ("Antrean mengular 1 jam 30 menit.", "1 jam 30 menit", "PT1H30M"),
        ("The strike lasted 18 months.", "18 months", "P18M"),
        ("Sanctions have lasted for years.", "years", "PXY"),
        ("Ia dihukum 1,5 tahun.", "1,5 tahun", "P18M"),
        ("Setelah setahun penuh, proyek rampung.", "setahun penuh", "P1Y"),
        ("Perdagangan libur lima tahun ke depan.", "lima tahun ke depan", "P5Y"),
        ("Harga naik dalam tiga bulan terakhir.", "tiga bulan terakhir", "P3M"),
    ],
)
def test_durations(text: str, span: str, value: str) -> None:
    assert triples(text) == [(span, "DURATION", value, None)]


@pytest.mark.parametrize(
    ("text", "span", "value", "mod"),
    [
        ("Perjalanan pertama dalam lebih dari empat tahun.", "lebih dari empat tahun", "P4Y", "MORE_THAN"),
        ("Setelah lebih dari 18 bulan konflik.", "lebih dari 18 bulan", "P18M", "MORE_THAN"),
        ("Ia menunggu kurang dari dua jam.", "kurang dari dua jam", "PT2H", "LESS_THAN"),
        ("Hampir dua tahun berlalu.", "Hampir dua tahun", "P2Y", "LESS_THAN"),
        ("Ia menunggu sekitar tiga pekan.", "sekitar tiga pekan", "P3W", "APPROX"),
        ("Proyek makan kurang lebih 75 hari.", "kurang lebih 75 hari", "P75D", "APPROX"),
        ("Rapat berlangsung 2 jam lebih.", "2 jam lebih", "PT2H", "MORE_THAN"),
        ("The trip was his first in more than four years.", "more than four years", "P4Y", "MORE_THAN"),
        ("It took about two hours.", "about two hours", "PT2H", "APPROX"),
    ],
)
def test_modified_durations(text: str, span: str, value: str, mod: str) -> None:
    assert triples(text) == [(span, "DURATION", value, mod)]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Upacara digelar setiap 17 Agustus.", "setiap 17 Agustus", "XXXX-08-17"),
        ("Latihan digelar setiap hari.", "setiap hari", "P1D"),
        ("Panen berlangsung tiap tahun.", "tiap tahun", "P1Y"),
        ("Pasar buka setiap Selasa.", "setiap Selasa", "XXXX-WXX-2"),
        ("Kereta berangkat setiap 15 menit.", "setiap 15 menit", "PT15M"),
        ("Rapat digelar dua kali sepekan.", "dua kali sepekan", "P1W"),
        ("The clinic offers checks once a month.", "once a month", "P1M"),
        ("Every August 17 the city celebrates.", "Every August 17", "XXXX-08-17"),
        ("The market opens every afternoon.", "every afternoon", "XXXX-XX-XXTAF"),
    ],
)
def test_sets(text: str, span: str, value: str) -> None:
    assert triples(text) == [(span, "SET", value, None)]


@pytest.mark.parametrize(
    ("text", "span", "value", "mod"),
    [
        ("Pertemuan bisa berlangsung paling cepat Selasa.", "paling cepat Selasa", "2023-09-12", "ON_OR_AFTER"),
        ("Berkas diserahkan paling lambat Jumat.", "paling lambat Jumat", "2023-09-15", "ON_OR_BEFORE"),
        ("Harga naik pada awal bulan ini.", "awal bulan ini", "2023-09", "START"),
        ("Rapat digelar pada pertengahan Oktober.", "pertengahan Oktober", "2023-10", "MID"),
        ("Kebijakan dicabut pada akhir Desember 2022.", "akhir Desember 2022", "2022-12", "END"),
        ("Proyek rampung akhir tahun ini.", "akhir tahun ini", "2023", "END"),
        ("Kota itu berkembang sekitar tahun 2000.", "sekitar tahun 2000", "2000", "APPROX"),
        ("A summit could take place as soon as Tuesday.", "as soon as Tuesday", "2023-09-12", "ON_OR_AFTER"),
        ("A decision is due Friday at the earliest.", "Friday at the earliest", "2023-09-15", "ON_OR_AFTER"),
        ("Prices rose in early 2020.", "early 2020", "2020", "START"),
        ("The city was founded in the mid-15th century.", "mid-15th century", "14", "MID"),
    ],
)
def test_point_modifiers(text: str, span: str, value: str, mod: str) -> None:
    found = triples(text)
    assert [(f[0], f[2], f[3]) for f in found] == [(span, value, mod)]


def test_amount_modifiers_do_not_attach_to_dates() -> None:
    # "over" is a modifier of amounts only; a weekend is a date (the one just past, on a Monday).
    assert triples("Shops were busy over the weekend.", "2023-09-11") == [("weekend", "DATE", "2023-W36-WE", None)]


def test_the_past_decade_is_an_amount_of_time() -> None:
    assert triples("Over the past decade, emissions fell.") == [("past decade", "DURATION", "P10Y", None)]
    assert triples("In the past two years, prices rose.") == [("past two years", "DURATION", "P2Y", None)]
    assert triples("Prices fell last week.") == [("last week", "DATE", "2023-W36", None)]


def test_a_modifier_inside_brackets_still_modifies() -> None:
    # The modifier opens the bracket: "(sekitar 2 jam)" is about two hours.
    assert triples("Rapat itu (sekitar 2 jam) berjalan alot.") == [("sekitar 2 jam", "DURATION", "PT2H", "APPROX")]
