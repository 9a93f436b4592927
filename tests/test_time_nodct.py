"""Without a publication date, relative values keep X placeholders; absolute ones stay exact."""

from __future__ import annotations

from warta.analyze.time import extract_timexes


def test_relative_values_get_placeholders() -> None:
    text = "Kemarin Presiden bertemu pada Selasa, 12 September 2023; pekan lalu; bulan Juli; pukul 13.21; Rabu."
    found = {t.text: t.value for t in extract_timexes(text, None)}
    assert found == {
        "Kemarin": "XXXX-XX-XX",
        "Selasa, 12 September 2023": "2023-09-12",
        "pekan lalu": "XXXX-WXX",
        "bulan Juli": "XXXX-07",
        "pukul 13.21": "2023-09-12T13:21",  # the narrated day: the date told before it
        "Rabu": "XXXX-WXX-3",
    }


def test_placeholders_for_periods_and_day_months() -> None:
    found = {t.text: t.value for t in extract_timexes("Tahun lalu, 11 September dan tiga hari lalu.", None)}
    assert found == {"Tahun lalu": "XXXX", "11 September": "XXXX-09-11", "tiga hari lalu": "PAST_REF"}


def test_a_bad_dct_is_treated_as_missing() -> None:
    assert [t.value for t in extract_timexes("Kemarin hujan.", "not-a-date")] == ["XXXX-XX-XX"]
