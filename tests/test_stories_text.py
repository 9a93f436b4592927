"""Tokens, stems and TIMEX3 intervals used by the story builders."""

from __future__ import annotations

import pytest

from warta.stories.places import same_place
from warta.stories.text import content_stems, feature_terms, stem
from warta.stories.timevalues import compatible, interval, precision, sort_key


@pytest.mark.parametrize(
    ("word", "root"),
    [("memasuki", "masuk"), ("mengunjungi", "kunjung"), ("pertemuan", "temu"), ("bertemu", "temu"),
     ("konsekuensinya", "konsekuensi"), ("kereta", "kereta"), ("menulis", "tulis"), ("Pyongyangnya".lower(), "pyongyang")],
)
def test_stems_reach_known_roots_only(word, root):
    assert stem(word) == root


def test_content_stems_drop_stopwords_and_numbers_and_feature_terms_keep_numbers():
    assert content_stems("Dia dan mereka akan bertemu pada 2024") == ["temu"]
    assert feature_terms("Volcano killed 12 people") == ["gunung", "tewas", "#12", "people"]


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [("2023-09", "2023-09-12", True), ("2023-W37", "2023-09-12", True), ("2023-09-10", "2023-09-11", False),
     ("2023-09-12TMO", "2023-09-12", True), ("198", "1985", True), ("2019", "2023-07", False),
     ("2023-Q3", "2023-08-01", True), ("PRESENT_REF", "2023-09-12", True), ("2023-W36-WE", "2023-09-09", True),
     ("2023-W36-WE", "2023-09-06", False)],
)
def test_compatible_values_overlap(a, b, ok):
    assert compatible(a, b) is ok


def test_precision_and_order():
    assert [precision(v) for v in ("2023-09-12", "2023-09-12TMO", "2023-09-12T13:21", "2023-W36", "2023-09",
                                   "2023", "198", "14", "P4Y")] == [
        "day", "daypart", "time", "week", "month", "year", "decade", "century", "other"]
    values = ["2023-09-12", "2019", "2023-09", "198", "2023-07"]
    assert sorted(values, key=sort_key) == ["198", "2019", "2023-07", "2023-09", "2023-09-12"]
    assert interval("14")[0].year == 1400


def test_places_city_in_country_agree_and_far_cities_do_not():
    assert same_place("Vladivostok", "Rusia") is True
    assert same_place("Pyongyang", "Korea Utara") is True
    assert same_place("Tokyo", "Jakarta") is False
    assert same_place("Kota Karangan", "Desa Khayalan") is None
