"""Quantities: what a number counts or measures, its value, a comparable normal form, modifiers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warta.analyze.quantities import extract_quantities
from warta.analyze.sentences import split_sentences
from warta.model import Quantity

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def only(text: str) -> Quantity:
    found = extract_quantities(text)
    assert len(found) == 1, [q.text for q in found]
    quantity = found[0]
    assert text[quantity.start : quantity.end] == quantity.text
    return quantity


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "normalized", "mod"),
    [
        ("Rangkaian itu terdiri atas 20 gerbong lapis baja.", "20 gerbong", 20, "gerbong",
         {"value": 20, "unit": "gerbong"}, None),
        ("Kecepatannya sekitar 37 mph di jalur datar.", "sekitar 37 mph", 37, "mph",
         {"value": 59.5, "unit": "km/h"}, "APPROX"),
        ("Pemerintah menyiapkan Rp 3,2 triliun untuk jalan desa.", "Rp 3,2 triliun", 3.2e12, "IDR",
         {"value": 3.2e12, "unit": "IDR"}, None),
        ("Bantuan sebesar US$ 5 juta dikirim pekan ini.", "US$ 5 juta", 5e6, "USD",
         {"value": 5e6, "unit": "USD"}, None),
        ("Gempa 5,6 magnitudo mengguncang pesisir.", "5,6 magnitudo", 5.6, "magnitude",
         {"value": 5.6, "unit": "magnitude"}, None),
        ("Gempa magnitudo 5,6 mengguncang pesisir.", "magnitudo 5,6", 5.6, "magnitude",
         {"value": 5.6, "unit": "magnitude"}, None),
        ("Perang sudah berjalan 18 bulan tanpa jeda.", "18 bulan", 18, "bulan",
         {"value": 18, "unit": "month"}, None),
        ("Sebanyak 160.000 orang mengungsi ke kota.", "160.000 orang", 160_000, "orang",
         {"value": 160_000, "unit": "orang"}, None),
        ("Inflasi tahunan tercatat 2,75 persen.", "2,75 persen", 2.75, "%", {"value": 2.75, "unit": "%"}, None),
        ("Banjir itu membuat 268 orang tewas.", "268 orang", 268, "orang", {"value": 268, "unit": "orang"}, None),
        ("Jalur pipa itu membentang 1.200 km ke utara.", "1.200 km", 1200, "km", {"value": 1200, "unit": "km"}, None),
        ("Bus melaju 50 kilometer per jam di tol.", "50 kilometer per jam", 50, "km/h",
         {"value": 50, "unit": "km/h"}, None),
        ("Militer menembakkan dua puluh rudal ke laut.", "dua puluh rudal", 20, "rudal",
         {"value": 20, "unit": "rudal"}, None),
        ("Kereta itu menarik tiga gerbong barang.", "tiga gerbong", 3, "gerbong", {"value": 3, "unit": "gerbong"}, None),
        ("Mereka meluncurkan puluhan rudal semalam.", "puluhan rudal", None, "rudal",
         {"min": 10, "max": 99, "unit": "rudal"}, "APPROX"),
        ("Rangkaian itu punya hingga 20 gerbong.", "hingga 20 gerbong", 20, "gerbong",
         {"value": 20, "unit": "gerbong"}, "UP_TO"),
        ("Demo itu diikuti lebih dari 100 orang.", "lebih dari 100 orang", 100, "orang",
         {"value": 100, "unit": "orang"}, "MORE_THAN"),
        ("Hanya kurang dari 10 kapal yang kembali.", "kurang dari 10 kapal", 10, "kapal",
         {"value": 10, "unit": "kapal"}, "LESS_THAN"),
        ("More than 300 people attended the funeral.", "More than 300 people", 300, "people",
         {"value": 300, "unit": "orang"}, "MORE_THAN"),
        ("The quake had a 5.6 magnitude at its epicentre.", "5.6 magnitude", 5.6, "magnitude",
         {"value": 5.6, "unit": "magnitude"}, None),
        ("The pipeline runs 1,200 km to the north of the city.", "1,200 km", 1200, "km",
         {"value": 1200, "unit": "km"}, None),
        ("The budget of $3.2 billion was approved by the assembly.", "$3.2 billion", 3.2e9, "USD",
         {"value": 3.2e9, "unit": "USD"}, None),
        ("Ratusan ribu orang memadati alun-alun.", "Ratusan ribu orang", None, "orang",
         {"min": 100_000, "max": 999_999, "unit": "orang"}, "APPROX"),
        ("Harga beras naik menjadi Rp13.500 per kilogram.", "Rp13.500", 13_500, "IDR",
         {"value": 13_500, "unit": "IDR"}, None),
        ("Nilai kontrak itu 5 juta dolar AS.", "5 juta dolar AS", 5e6, "USD", {"value": 5e6, "unit": "USD"}, None),
        ("Gelombang setinggi empat meter menghantam dermaga.", "empat meter", 4, "m", {"value": 4, "unit": "m"}, None),
        ("Perbaikan jembatan butuh waktu setahun.", "setahun", 1, "tahun", {"value": 1, "unit": "year"}, None),
        ("Kapal itu berlayar dengan kecepatan 12 knot.", "12 knot", 12, "knot",
         {"value": 22.2, "unit": "km/h"}, None),
        ("Lokasinya 20km dari pusat kota.", "20km", 20, "km", {"value": 20, "unit": "km"}, None),
        ("Waduk itu menampung 62,5 juta meter kubik air.", "62,5 juta meter kubik", 62.5e6, "m3",
         {"value": 62.5e6, "unit": "m3"}, None),
        ("Kapal membawa 2.000 ton beras.", "2.000 ton", 2000, "t", {"value": 2e6, "unit": "kg"}, None),
        ("Anggaran Rp3,2 T disetujui DPR.", "Rp3,2 T", 3.2e12, "IDR", {"value": 3.2e12, "unit": "IDR"}, None),
        ("Dana Rp 500 M cair pekan ini.", "Rp 500 M", 5e11, "IDR", {"value": 5e11, "unit": "IDR"}, None),
        ("The start-up raised $5M from investors.", "$5M", 5e6, "USD", {"value": 5e6, "unit": "USD"}, None),
        ("The fare is Rp 10,000 for the whole trip.", "Rp 10,000", 10_000, "IDR",
         {"value": 10_000, "unit": "IDR"}, None),
        ("Gempa bermagnitudo 6,1 SR terasa hingga Bali.", "bermagnitudo 6,1 SR", 6.1, "magnitude",
         {"value": 6.1, "unit": "magnitude"}, None),
    ],
)  # fmt: skip
def test_quantity_cases(
    text: str, span: str, value: float | None, unit: str, normalized: dict[str, object], mod: str | None
) -> None:
    quantity = only(text)
    assert quantity.text == span
    assert quantity.value == (pytest.approx(value) if value is not None else None)
    assert quantity.unit == unit
    assert quantity.mod == mod
    assert set(quantity.normalized or {}) == set(normalized)
    for key, want in normalized.items():
        got = (quantity.normalized or {})[key]
        assert got == (pytest.approx(want) if isinstance(want, (int, float)) else want), key


@pytest.mark.parametrize(
    "text",
    [
        "Acara dimulai pada 2023 dan ditutup tahun 2024.",
        "Kereta berangkat Senin (11/9/2023) menuju perbatasan.",
        "Pertemuan dimulai pukul 13.21 WIB di kantor gubernur.",
        "Tuan rumah menang 2-1 dan tim tamu kalah 0-3 pekan lalu.",
        "Hubungi posko di 0812-3456-7890 atau (021) 5551234.",
        "Kemeriahan HUT ke-78 terasa di kampung.",
        "Korea Utara menguji rudal Hwasong-19 yang baru.",
        "Varian baru COVID-19 menyebar di Asia.",
        "Para menteri G20 berkumpul di Bali.",
        "Pelapor memakai Pasal 27 ayat 3 untuk menjerat akun itu.",
        "Penumpang nomor 17 diminta turun di peron tiga.",
        "Kecelakaan terjadi di Tol Cipularang KM 92 yang ramai.",
        "Rumah korban di RT 05/RW 02 terendam banjir.",
        "Pesawat F-16 itu mendarat dengan selamat.",
        "Dua tahun lalu jembatan itu ambruk, dan tiga hari kemudian dibuka lagi.",
        "Baca di https://warta.example/read/2718281/banjir-rob-meluas sekarang.",
        "Skor akhir 21-19, 18-21, dan 21-17.",
        "Boeing 737 jatuh di perairan itu.",
        "Salah satu korban dibawa ke rumah sakit.",
        "The talks began in 2019 and ended two years ago.",
        "Mereka meminta akses ke beberapa sistem senjata selama beberapa hari.",
        "Officials expect several weeks of talks in the coming days.",
    ],
)
def test_things_that_are_not_quantities(text: str) -> None:
    assert extract_quantities(text) == []


def test_indonesian_and_english_separators_are_read_by_language() -> None:
    indonesian = only("Sebanyak 2.024 personel dikerahkan ke lokasi itu.")
    english = only("Police deployed 2,024 officers to the site on the day.")
    assert indonesian.value == english.value == 2024
    assert english.normalized == {"value": 2024, "unit": "personel"}


def test_several_quantities_in_order_with_offsets() -> None:
    text = "Banjir merendam 1.500 rumah dan memaksa ribuan warga mengungsi selama tiga pekan; kerugian Rp 2,5 miliar."
    found = extract_quantities(text, sentences=split_sentences(text))
    assert [q.text for q in found] == ["1.500 rumah", "ribuan warga", "tiga pekan", "Rp 2,5 miliar"]
    assert [q.unit for q in found] == ["rumah", "warga", "pekan", "IDR"]
    assert all(text[q.start : q.end] == q.text for q in found)
    assert found[-1].value == pytest.approx(2.5e9)


def test_records_round_trip_through_json() -> None:
    quantity = only("Kecepatannya sekitar 37 mph.")
    assert Quantity.from_json(quantity.to_json()) == quantity


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed articles not available")
def test_seed_articles_give_the_train_carriages_and_speed() -> None:
    found = [
        q
        for path in sorted(SEEDS.glob("*.txt"))
        for q in extract_quantities(path.read_text(encoding="utf-8"))
    ]
    by_unit = {q.unit: q for q in found}
    assert by_unit["gerbong"].value == 20 and by_unit["gerbong"].mod == "UP_TO"
    speed = by_unit["mph"]
    assert speed.value == 37 and speed.mod == "APPROX"
    assert speed.normalized == {"value": pytest.approx(59.5), "unit": "km/h"}
    months = [q for q in found if q.normalized and q.normalized.get("unit") == "month"]
    assert any(q.value == 18 and q.mod == "MORE_THAN" for q in months)
    # Dates, years and names in the seeds ("11/9/2023", "2019", "COVID-19") are not quantities.
    assert not any(q.value in (2019, 2023, 19, 11) for q in found)


FRAGMENTS = [
    "20 gerbong", "pukul 13.21", "11/9/2023", "Rp 3,2 triliun", "skor 2-1", "puluhan rudal", "sekitar",
    "37 mph", "lebih dari", "dan", "COVID-19", "tahun 2019", "1.200 km", ".", ",", "\n", "setahun",
]  # fmt: skip


@given(st.lists(st.sampled_from(FRAGMENTS), max_size=12))
def test_offsets_are_exact_and_spans_never_overlap(parts: list[str]) -> None:
    text = " ".join(parts)
    found = extract_quantities(text)
    previous_end = 0
    for quantity in found:
        assert text[quantity.start : quantity.end] == quantity.text
        assert quantity.start >= previous_end
        previous_end = quantity.end


@pytest.mark.parametrize(
    ("text", "span", "normalized", "mod"),
    [
        ("Sekitar 10-20 orang terluka ringan.", "Sekitar 10-20 orang", {"min": 10, "max": 20, "unit": "orang"}, "APPROX"),
        ("Antara 5 dan 7 kapal tenggelam.", "Antara 5 dan 7 kapal", {"min": 5, "max": 7, "unit": "kapal"}, None),
        ("Air surut dalam dua hingga tiga hari.", "dua hingga tiga hari", {"min": 2, "max": 3, "unit": "day"}, None),
        ("Sebanyak 1-2 juta orang terdampak.", "1-2 juta orang", {"min": 1e6, "max": 2e6, "unit": "orang"}, None),
        ("Kereta melaju 10 hingga 20 mph.", "10 hingga 20 mph", {"min": 16.1, "max": 32.2, "unit": "km/h"}, None),
    ],
)  # fmt: skip
def test_ranges_become_min_and_max(
    text: str, span: str, normalized: dict[str, object], mod: str | None
) -> None:
    quantity = only(text)
    assert quantity.text == span and quantity.value is None and quantity.mod == mod
    assert quantity.normalized == {
        k: pytest.approx(v) if isinstance(v, float) else v for k, v in normalized.items()
    }


@pytest.mark.parametrize("text", ["Tuan rumah menang 2-1 atas tamunya.", "Hubungi 0812-3456 orang itu."])
def test_dashes_in_scores_and_phone_numbers_are_not_ranges(text: str) -> None:
    assert extract_quantities(text) == []


def test_no_quantity_covers_a_date_or_time_of_the_timex_gold_set() -> None:
    """Dates, clock times and sets in the time gold set are never read as amounts (durations may be)."""
    gold = Path(__file__).resolve().parent / "gold" / "timex.jsonl"
    checked = 0
    for line in gold.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        found = extract_quantities(doc["text"])
        for timex in doc["timexes"]:
            if timex["type"] == "DURATION":
                continue
            checked += 1
            overlapping = [q.text for q in found if q.start < timex["end"] and timex["start"] < q.end]
            assert not overlapping, f"{doc['id']}: {timex['text']!r} read as {overlapping}"
    assert checked >= 150


def test_english_and_indonesian_counts_normalise_alike() -> None:
    indonesian = only("Banjir itu menewaskan 268 orang di wilayah itu.")
    english = only("The flood killed 268 people in the region.")
    assert indonesian.normalized == english.normalized == {"value": 268, "unit": "orang"}


def test_an_english_participle_may_stand_between_a_count_and_its_noun():
    from warta.analyze.quantities import extract_quantities

    text = "The agency counted 89 damaged homes, and police said 12 injured people were taken to hospital."
    assert [(q.text, q.value) for q in extract_quantities(text)] == [("89 damaged homes", 89), ("12 injured people", 12)]
