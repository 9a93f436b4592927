"""Entity overrides (warta.analyze.entities.overrides): outlets, gazetteer places, short
names, ranks and roles, bodies with their area, and one label per name within an article.

Outcome tests on small texts written for these tests (the names are made up or well known,
none taken from the gold sets), and a floor on the document-level gold set
tests/gold/entity_docs (development set; see docs/benchmarks.md for before/after).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta.analyze.entities import extract_entities, tag_words
from warta.analyze.entities.linking import Mention
from warta.analyze.entities.overrides import _one_label_per_name, countries, document_overrides
from warta.analyze.entities.resources import get_resources
from warta.analyze.entities.tokenize import tokenize
from warta.eval.entities import ENTITY_DOCS, load_documents, score_documents

BASELINE = json.loads(
    (Path(__file__).parent / "gold" / "baseline_entity_docs.json").read_text(encoding="utf-8")
)


def _found(text: str, language: str = "id", outlet: str | None = None) -> list[tuple[str, str]]:
    return [(e.text, e.type) for e in extract_entities(text, language=language, outlet=outlet)]


# ---- outlets --------------------------------------------------------------------------------


def test_registry_outlets_and_the_articles_own_outlet_are_organisations() -> None:
    text = "Dikutip dari Beritasatu, banjir merendam dua desa. Hal itu dikatakan Budi Santoso kepada Kabar Lembah Hijau, Senin."
    found = _found(text, outlet="Kabar Lembah Hijau")
    assert ("Beritasatu", "ORG") in found  # in the outlet registry (outlets.tsv), not in ner/outlets.txt
    assert ("Kabar Lembah Hijau", "ORG") in found  # the article's own outlet, named in its text
    assert ("Budi Santoso", "PER") in found
    # Without being told, the made-up outlet is not claimed as one.
    assert ("Kabar Lembah Hijau", "ORG") not in _found(text)


def test_an_outlet_cited_as_a_source_is_never_a_person_or_place() -> None:
    # The tagger alone reads "Tirto" as a person and "Jakarta Globe" as a place.
    assert _found("Menurut Tirto, harga beras naik.") == [("Tirto", "ORG")]
    assert _found('"Kami siaga," kata Tirto mengutip pejabat itu.') == [("Tirto", "ORG")]
    assert _found("Laporan itu dikutip Jakarta Globe pada Senin.") == [("Jakarta Globe", "ORG")]


def test_registry_names_that_are_ordinary_words_are_left_out() -> None:
    res = get_resources()
    assert ("tempo",) not in res.outlets  # "tempo": pace
    assert ("beritasatu",) in res.outlets


# ---- short names (acronyms) -----------------------------------------------------------------


def test_short_names_are_organisations_at_a_sentence_start_and_keep_their_case() -> None:
    text = "BNPB mencatat 120 rumah rusak. PVMBG menaikkan status gunung. KNKT menyimpulkan pilot lelah."
    entities = extract_entities(text, language="id")
    assert [(e.text, e.type, e.canonical) for e in entities] == [
        ("BNPB", "ORG", "BNPB"),
        ("PVMBG", "ORG", "PVMBG"),  # not title-cased like a shouted word ("Pvmbg")
        ("KNKT", "ORG", "KNKT"),
    ]


def test_short_names_match_their_case_exactly() -> None:
    # "Ma" and "bi" are not MA (Mahkamah Agung) and BI (Bank Indonesia).
    found = _found("Ma Long menang di final. Warga bi nan jauh datang.")
    assert ("Ma", "ORG") not in found and ("bi", "ORG") not in found


def test_short_names_in_brackets_after_a_name() -> None:
    found = _found("Lembaga Penjamin Simpanan (LPS) membayar klaim nasabah.")
    assert found == [("Lembaga Penjamin Simpanan", "ORG"), ("LPS", "ORG")]
    found = _found("Badan Pengawas Obat dan Makanan (BPOM) menarik produk itu.")
    assert found == [("Badan Pengawas Obat dan Makanan", "ORG"), ("BPOM", "ORG")]


def test_a_body_then_a_person_after_a_title() -> None:
    assert _found("Gubernur BI Andi Prasetyo menyebut inflasi terkendali.") == [
        ("BI", "ORG"),
        ("Andi Prasetyo", "PER"),
    ]


# ---- ranks, titles and roles that name their place ------------------------------------------


def test_a_place_glued_between_a_role_and_a_rank_is_a_place_and_the_name_a_person() -> None:
    text = (
        "Kapolres Bantul AKBP Dodi Kurniawan mengatakan jalan ditutup. Kapolda Jatim Irjen Heru Wibowo "
        "menambahkan, Dodi sudah melapor. Menurut Kurniawan, situasi aman."
    )
    assert _found(text) == [
        ("Bantul", "LOC"),
        ("Dodi Kurniawan", "PER"),
        ("Jatim", "LOC"),
        ("Heru Wibowo", "PER"),
        ("Dodi", "PER"),  # shortened later mentions: the full name's label
        ("Kurniawan", "PER"),
    ]


def test_english_place_before_police_chief_and_rank() -> None:
    found = _found("Bantul Police chief AKBP Dodi Kurniawan said the road was closed.", language="en")
    assert found == [("Bantul", "LOC"), ("Dodi Kurniawan", "PER")]


def test_a_span_running_into_a_rank_ends_before_it() -> None:
    found = _found("Dirreskrimum Polda Jatim Kombes Rina Puspita mengatakan tersangka ditahan.")
    assert found == [("Polda Jatim", "ORG"), ("Rina Puspita", "PER")]


def test_role_place_comma_person() -> None:
    found = _found("Kepala Desa Sukamaju, Bambang Sutrisno, mengatakan warga sudah mengungsi.")
    assert found == [("Sukamaju", "LOC"), ("Bambang Sutrisno", "PER")]


def test_a_street_named_after_an_officer_stays_a_street() -> None:
    found = _found("Kemacetan terjadi di Jalan Mayor Sujadi pagi ini.")
    assert ("Sujadi", "PER") not in found


# ---- bodies with their area or parent -------------------------------------------------------


def test_a_body_and_its_area_or_parent_are_one_organisation() -> None:
    text = "Satlantas Polres Bantul menutup jalan. BPBD Kabupaten Bantul mendirikan tenda. Korlantas Polri mengatur arus."
    assert _found(text) == [
        ("Satlantas Polres Bantul", "ORG"),
        ("BPBD Kabupaten Bantul", "ORG"),
        ("Korlantas Polri", "ORG"),
    ]


# ---- gazetteer and geographic names ---------------------------------------------------------


def test_geographic_head_words_make_places_and_the_bare_name_later_is_the_same_place() -> None:
    text = "Gunung Lokon di Kota Tomohon kembali erupsi. Warga di lereng Lokon diminta menjauh. Bandara Raden Wirya ditutup."
    found = _found(text)
    assert ("Gunung Lokon", "LOC") in found
    assert ("Lokon", "LOC") in found  # the mountain again, though the tagger saw nothing
    assert ("Bandara Raden Wirya", "LOC") in found  # an airport named like a person is a place


def test_a_mountain_that_shares_its_name_with_a_person_of_the_article_is_not_forced() -> None:
    text = 'Gunung Sari terletak di Lombok. Kepala desa Sari Wulandari mengatakan warga aman. "Kami siap," kata Sari.'
    found = _found(text)
    assert ("Gunung Sari", "LOC") in found
    assert found[-1] == ("Sari", "PER")  # the tagger's reading of "kata Sari" stands


def _mentions(text: str, spans: list[tuple[str, str]]) -> list[Mention]:
    out, at = [], 0
    for surface, kind in spans:
        start = text.index(surface, at)
        out.append(Mention(surface, start, start + len(surface), kind))
        at = start + len(surface)
    return out


def test_a_gazetteer_place_the_tagger_called_a_person_is_a_place_unless_a_person_bears_the_name() -> None:
    res = get_resources()
    text = "Hujan turun di Wonosobo dan Kendal. Garut Pratama tiba di Garut kemarin."
    mentions = _mentions(
        text, [("Wonosobo", "PER"), ("Kendal", "LOC"), ("Garut Pratama", "PER"), ("Garut", "PER")]
    )
    tokens = tokenize(text)
    document_overrides(text, mentions, tokens, {0}, res)
    assert [(m.text, m.type) for m in mentions] == [
        ("Wonosobo", "LOC"),
        ("Kendal", "LOC"),
        ("Garut Pratama", "PER"),
        ("Garut", "PER"),  # a person of the article is called Garut: not certain, left alone
    ]


def test_country_names_are_places() -> None:
    # The tagger's organisation reading of a country ("Tim Arab Saudi": the team) gives way.
    res = get_resources()
    words = "Tim Arab Saudi menang atas Selandia Baru .".split()
    fixed: dict = {}
    spans = countries(words, [(1, 3, "ORG"), (5, 7, "PER")], res, fixed)
    assert spans == [(1, 3, "LOC"), (5, 7, "LOC")] and fixed == {(1, 3): "LOC", (5, 7): "LOC"}


# ---- hyphens, English edges ------------------------------------------------------------------


def test_two_known_names_joined_by_a_hyphen_are_two_mentions() -> None:
    found = _found("Penerbangan rute Jakarta-Surabaya dibatalkan. Pertemuan TNI-Polri digelar di Bandung.")
    assert found[:4] == [("Jakarta", "LOC"), ("Surabaya", "LOC"), ("TNI", "ORG"), ("Polri", "ORG")]


def test_english_possessive_and_leading_the() -> None:
    text = "Japan's Foreign Ministry said the ship sailed into the Sea of Okhotsk. The Asian Development Bank said growth slowed."
    assert _found(text, language="en") == [
        ("Japan", "LOC"),
        ("Foreign Ministry", "ORG"),
        ("Sea of Okhotsk", "LOC"),
        ("Asian Development Bank", "ORG"),
    ]


# ---- one label per name ----------------------------------------------------------------------


def test_a_certain_label_spreads_to_the_other_mentions_of_the_name() -> None:
    mentions = [
        Mention("Lokon", 0, 5, "LOC", certain=True),
        Mention("Lokon", 30, 35, "PER"),
        Mention("Lokon", 60, 65, "PER"),
    ]
    _one_label_per_name(mentions)
    assert [m.type for m in mentions] == ["LOC", "LOC", "LOC"]  # the votes of the rest do not count


def test_a_name_certain_two_ways_keeps_each_mention() -> None:
    mentions = [
        Mention("Sari", 0, 4, "LOC", certain=True),
        Mention("Sari", 30, 34, "PER", certain=True),
        Mention("Sari", 60, 64, "ORG"),
    ]
    _one_label_per_name(mentions)
    assert [m.type for m in mentions] == ["LOC", "PER", "ORG"]


# ---- the NER corpora: overrides that follow warta's own conventions stay out of tag_words ----


def test_warta_span_conventions_are_separate_from_the_scored_rules() -> None:
    words = "Lembaga Penjamin Simpanan ( LPS ) menegur BPBD Bantul".split()
    plain, full = tag_words(words), tag_words(words, conventions=True)
    assert full[3:6] == ["O", "B-ORG", "O"] and full[7:9] == ["B-ORG", "I-ORG"]
    assert plain != full


# ---- the document-level gold set ---------------------------------------------------------------


@pytest.fixture(scope="module")
def entity_docs_score():  # type: ignore[no-untyped-def]
    return score_documents(load_documents(ENTITY_DOCS))


def test_entity_docs_precision_and_f1_stay_above_their_floors(entity_docs_score) -> None:  # type: ignore[no-untyped-def]
    floors = BASELINE["floors"]
    score = entity_docs_score
    assert score.precision >= floors["precision"], f"precision {score.precision:.3f} < {floors['precision']}"
    assert score.f1 >= floors["f1"], f"F1 {score.f1:.3f} < {floors['f1']}"
    for kind, floor in floors["per_type_f1"].items():
        assert score.per_type(kind)[2] >= floor, f"{kind} F1 {score.per_type(kind)[2]:.3f} < {floor}"


def test_entity_docs_overrides_beat_the_before_figures(entity_docs_score) -> None:  # type: ignore[no-untyped-def]
    before = BASELINE["before"]["scores"]
    assert entity_docs_score.precision > before["precision"]
    assert entity_docs_score.f1 > before["f1"]


def test_document_scorer_counts_exact_span_and_type() -> None:
    doc = {
        "text": "Gunung Marapi meletus.",
        "entities": [{"text": "Gunung Marapi", "start": 0, "end": 13, "type": "LOC"}],
    }
    assert score_documents([doc], lambda d: [{"start": 0, "end": 13, "type": "LOC"}]).f1 == 1.0
    wrong_type = score_documents([doc], lambda d: [{"start": 0, "end": 13, "type": "PER"}])
    assert wrong_type.precision == 0.0 and wrong_type.recall == 0.0
    short = score_documents([doc], lambda d: [{"start": 7, "end": 13, "type": "LOC"}])
    assert short.f1 == 0.0  # a cut-short name is wrong, not half right
