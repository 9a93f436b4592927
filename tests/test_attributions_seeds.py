"""Attributions in the reference case: two Indonesian reports of Kim Jong Un's train to Russia.

The seed texts are read from /work/shared/seeds, never copied into the repository. Entities come
from ``extract_entities`` (whatever it finds); the attribution fallback must find every source.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.analyze.attributions import extract_attributions
from warta.analyze.entities import extract_entities
from warta.analyze.sentences import split_sentences
from warta.model import Attribution

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def _seed(prefix: str) -> str:
    if not SEEDS.is_dir():
        pytest.skip("seed articles not available")
    (path,) = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8")


def _attributions(text: str, *, with_entities: bool) -> list[Attribution]:
    sentences = split_sentences(text)
    entities = extract_entities(text, sentences=sentences) if with_entities else []
    return extract_attributions(text, sentences=sentences, entities=entities)


def _names(atts: list[Attribution]) -> set[str]:
    return {n for a in atts for n in (a.source.canonical, a.source.text) if n}


@pytest.fixture(scope="module", params=[True, False], ids=["tagger", "fallback"])
def seed_attributions(request: pytest.FixtureRequest) -> dict[str, list[Attribution]]:
    return {p: _attributions(_seed(p), with_entities=request.param) for p in ("000", "003")}


@pytest.mark.parametrize(
    "name",
    [
        "Kremlin",
        "Gedung Putih",
        "Yonhap",
        "Carnegie Endowment for International Peace",
        "RIA",
        "KCNA",
        "Dmitry Peskov",
        "Jake Sullivan",
        "Kementerian Pertahanan Korea Selatan",
    ],
)
def test_every_source_is_found(seed_attributions: dict[str, list[Attribution]], name: str) -> None:
    found = _names(seed_attributions["000"]) | _names(seed_attributions["003"])
    assert name in found


def test_canonical_names_drop_the_descriptions(seed_attributions: dict[str, list[Attribution]]) -> None:
    canonicals = {a.source.canonical for atts in seed_attributions.values() for a in atts}
    # "Kantor berita ... Yonhap", "agensi berita ... RIA", "agensi berita ... KCNA".
    assert {"Yonhap", "RIA", "KCNA"} <= canonicals


def test_usa_today_relays_the_south_korean_report(seed_attributions: dict[str, list[Attribution]]) -> None:
    relayed = [a for a in seed_attributions["000"] if "USA Today" in a.via]
    assert relayed
    assert all(a.source.canonical != "USA Today" for a in relayed)
    assert all(a.cue.text == "melaporkan" for a in relayed)


def test_report_anaphor_resolves_to_an_earlier_source(
    seed_attributions: dict[str, list[Attribution]],
) -> None:
    atts = seed_attributions["000"]
    anaphors = [a for a in atts if a.source.text.lower().startswith("laporan")]
    assert anaphors
    earlier = {a.source.canonical for a in atts if a.cue.start < anaphors[0].cue.start}
    assert anaphors[0].source.canonical in earlier


def test_spans_point_into_the_text(seed_attributions: dict[str, list[Attribution]]) -> None:
    for prefix, atts in seed_attributions.items():
        text = _seed(prefix)
        for a in atts:
            for span in (a.source, a.cue, a.content):
                assert text[span.start : span.end] == span.text


def test_kcna_statement_is_about_leaving(seed_attributions: dict[str, list[Attribution]]) -> None:
    (kcna,) = [a for a in seed_attributions["003"] if a.source.canonical == "KCNA"]
    assert "meninggalkan" in kcna.content.text
    assert not kcna.direct
