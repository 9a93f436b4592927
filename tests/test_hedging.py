"""Hedging cues: uncertain statements are flagged, modal look-alikes are not."""

from __future__ import annotations

import pytest

from warta.analyze.hedging import hedge_cues, is_hedged, load_hedging_cues
from warta.model import Span


@pytest.mark.parametrize(
    "text",
    [
        "Pesawat itu tampaknya mendarat darurat di Makassar.",
        "Pelaku diduga melarikan diri ke arah timur.",
        "Kapal tersebut dikabarkan tenggelam di perairan Maluku.",
        "Harga minyak berpotensi naik bulan depan.",
        "Kebakaran itu kemungkinan dipicu korsleting listrik.",
        "Konon jembatan itu dibangun dalam semalam.",
        "Banjir dapat meluas jika hujan terus turun.",
        "Pemerintah bisa menunda kenaikan tarif.",
        "The minister reportedly resigned on Friday.",
        "Talks could resume next week.",
        "The storm is expected to make landfall tonight.",
        "The suspect may have left the country.",
    ],
)
def test_hedged_statements(text: str) -> None:
    assert is_hedged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Desa itu dapat bantuan 50 ton beras dari pemerintah.",  # "dapat" = received
        "Korban digigit ular dan bisa ular itu sangat mematikan.",  # "bisa" = venom
        "Petugas tidak bisa menjangkau lokasi karena jalan putus.",  # cannot, not maybe
        "Jumlah korban dapat dipastikan bertambah.",  # "can be confirmed" asserts
        "Parliament passed the law in May 2021.",  # the month, not the modal
        "Presiden meresmikan bendungan itu pada Rabu.",
        "The company reported a profit of $2 billion.",
    ],
)
def test_unhedged_statements(text: str) -> None:
    assert not is_hedged(text)


def test_hedge_cues_give_offsets_into_the_text() -> None:
    text = "Menurut polisi, pelaku diduga membawa senjata dan mungkin tidak sendirian."
    cues = hedge_cues(text)
    assert [c.text for c in cues] == ["diduga", "mungkin"]
    assert all(text[c.start : c.end] == c.text for c in cues)


def test_hedge_cues_respect_the_window() -> None:
    text = "Ia tampaknya lelah. Ia pulang lebih awal."
    second = text.index("Ia pulang")
    assert hedge_cues(text, second) == []
    assert [c.text for c in hedge_cues(text, 0, second)] == ["tampaknya"]


def test_is_hedged_accepts_a_span() -> None:
    assert is_hedged(Span(text="kereta itu diyakini antipeluru", start=0, end=30))


def test_cues_are_data() -> None:
    tables = load_hedging_cues()
    assert {"tampaknya", "reportedly", "disebut-sebut"} <= set(tables["cues"])
    assert set(tables["modal_cues"]) == {"bisa", "dapat"}
