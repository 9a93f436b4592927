"""Entities of the reference case: two Indonesian reports of Kim Jong Un's train to Russia.

The seed texts are read from /work/shared/seeds (never copied into the repository).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.analyze.entities import extract_entities
from warta.model import Entity

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def _seed_texts() -> list[str]:
    if not SEEDS.is_dir():
        pytest.skip("seed articles not available")
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


@pytest.fixture(scope="module")
def seed_entities() -> list[list[Entity]]:
    return [extract_entities(text) for text in _seed_texts()]


def _found(seed_entities: list[list[Entity]]) -> set[tuple[str, str]]:
    return {(e.type, e.canonical) for entities in seed_entities for e in entities}


@pytest.mark.parametrize(
    "kind,name",
    [
        ("PER", "Kim Jong Un"),
        ("PER", "Vladimir Putin"),
        ("PER", "Dmitry Peskov"),
        ("PER", "Sergei Shoigu"),
        ("PER", "Jake Sullivan"),
        ("PER", "Kim Il Sung"),
        ("PER", "Kim Jong Il"),
        ("LOC", "Pyongyang"),
        ("LOC", "Vladivostok"),
        ("LOC", "Primorsky Krai"),
        ("LOC", "Sungai Tumen"),
        ("LOC", "Ukraina"),
        ("ORG", "Kremlin"),
        ("ORG", "Gedung Putih"),
        ("ORG", "Yonhap"),
        ("ORG", "KCNA"),
        ("ORG", "RIA"),
        ("ORG", "CNN"),
        ("ORG", "Russia Today"),
        ("ORG", "USA Today"),
        ("ORG", "Carnegie Endowment for International Peace"),
    ],
)
def test_seed_entities_are_found(seed_entities: list[list[Entity]], kind: str, name: str) -> None:
    assert (kind, name) in _found(seed_entities)


def test_offsets_point_into_the_seed_texts(seed_entities: list[list[Entity]]) -> None:
    for text, entities in zip(_seed_texts(), seed_entities, strict=True):
        for e in entities:
            assert text[e.start : e.end] == e.text


def test_titles_stay_out_of_person_spans(seed_entities: list[list[Entity]]) -> None:
    people = [e.text for entities in seed_entities for e in entities if e.type == "PER"]
    assert not any(p.split()[0] in {"Presiden", "Menteri", "Juru", "Penasehat", "Pemimpin"} for p in people)


def test_every_bare_kim_is_kim_jong_un(seed_entities: list[list[Entity]]) -> None:
    kims = [e for entities in seed_entities for e in entities if e.text == "Kim"]
    assert len(kims) >= 5
    assert {e.canonical for e in kims} == {"Kim Jong Un"}
    assert all(e.type == "PER" for e in kims)


def test_kim_il_sung_and_kim_jong_il_stay_distinct(seed_entities: list[list[Entity]]) -> None:
    by_text = {e.text: e.canonical for entities in seed_entities for e in entities if e.type == "PER"}
    assert by_text["Kim Il Sung"] == "Kim Il Sung"
    assert by_text["Kim Jong Il"] == "Kim Jong Il"


def test_moskow_matches_moscow_in_english(seed_entities: list[list[Entity]]) -> None:
    moskow = {e.canonical for entities in seed_entities for e in entities if e.text == "Moskow"}
    english = extract_entities("The delegation flew on to Moscow after the talks ended.", language="en")
    moscow = {e.canonical for e in english if e.text == "Moscow"}
    assert moskow and moskow == moscow


def test_as_is_amerika_serikat(seed_entities: list[list[Entity]]) -> None:
    canon = {e.canonical for entities in seed_entities for e in entities if e.text == "AS"}
    assert canon == {"Amerika Serikat"}


def test_pyongyang_and_vladivostok_have_coordinates(seed_entities: list[list[Entity]]) -> None:
    places = {e.canonical: e for entities in seed_entities for e in entities if e.type == "LOC"}
    pyongyang, vladivostok = places["Pyongyang"], places["Vladivostok"]
    assert pyongyang.lat == pytest.approx(39.03, abs=0.1) and pyongyang.lon == pytest.approx(125.75, abs=0.1)
    assert vladivostok.lat == pytest.approx(43.1, abs=0.1) and vladivostok.lon == pytest.approx(
        131.9, abs=0.1
    )
