"""Guessing the publication date of an article that came without one."""

from __future__ import annotations

from warta.analyze.time import infer_publication_date


def test_a_dateline_date_is_high_confidence() -> None:
    text = "JAKARTA - Presiden, Senin (4/11/2024), meresmikan jalan tol.\n\nProyek dimulai 2 Januari 2020."
    date, confidence = infer_publication_date(text)
    assert date == "2024-11-04"
    assert confidence >= 0.8


def test_otherwise_the_latest_full_date_with_lower_confidence() -> None:
    lead = "Kereta itu lambat dan jarang difoto. " * 20
    text = lead + "Ia tiba 10 September 2023, setelah berangkat 8 September 2023."
    date, confidence = infer_publication_date(text)
    assert date == "2023-09-10"
    assert 0.0 < confidence < 0.8


def test_year_less_and_planned_dates_do_not_count() -> None:
    assert infer_publication_date("Rapat digelar 11 September dan bulan Juli.") == (None, 0.0)
    lead = "Kereta itu lambat. " * 40
    text = lead + "Ia tiba 10 September 2023 dan bertemu paling cepat Rabu, 13 September 2023."
    assert infer_publication_date(text)[0] == "2023-09-10"


def test_nothing_to_go_on() -> None:
    assert infer_publication_date("") == (None, 0.0)
    assert infer_publication_date("Tidak ada tanggal di sini.") == (None, 0.0)


def test_a_plain_lead_date_ranks_between_dateline_and_body() -> None:
    text = "Pada 17 Agustus 1945 Indonesia merdeka, dan pada 16 Agustus 2024 upacara digelar di IKN."
    date, confidence = infer_publication_date(text)
    assert date == "2024-08-16"
    assert 0.5 < confidence < 0.9
