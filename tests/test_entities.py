"""Entity extraction on sentences written for these tests (Indonesian and English)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.analyze.entities import extract_entities, tag_words
from warta.analyze.entities.linking import Mention, normalise_surface, resolve_names
from warta.analyze.entities.resources import get_resources
from warta.analyze.entities.tokenize import tokenize
from warta.model import Entity


def by_text(entities: list[Entity]) -> dict[str, Entity]:
    return {e.text: e for e in entities}


def test_tokens_carry_offsets_into_the_text() -> None:
    text = "Juru bicara PBB, Stéphane Dujarric (65), tiba di U.S. pada 11/9/2023 bersama Bangsa-Bangsa."
    tokens = tokenize(text)
    assert all(text[t.start : t.end] == t.text for t in tokens)
    words = [t.text for t in tokens]
    assert "Stéphane" in words and "U.S." in words and "11/9/2023" in words and "Bangsa-Bangsa" in words
    assert words[words.index("PBB") + 1] == ","


def test_tokenizer_keeps_web_names_and_respects_a_window() -> None:
    text = "xx Kompas.com melaporkan. yy"
    tokens = tokenize(text, 3, 24)
    assert [t.text for t in tokens] == ["Kompas.com", "melaporkan"]
    assert tokens[0].start == 3


def test_every_entity_is_a_slice_of_the_text() -> None:
    text = "Presiden Joko Widodo bertemu Perdana Menteri Anthony Albanese di Jakarta, Senin. Albanese lalu ke Bali."
    entities = extract_entities(text)
    assert entities
    for e in entities:
        assert text[e.start : e.end] == e.text
        assert e.type in {"PER", "ORG", "LOC"}


def test_titles_are_not_part_of_person_names() -> None:
    found = by_text(
        extract_entities("Presiden Prancis Emmanuel Macron tiba di Paris bersama Menteri Luar Negeri.")
    )
    assert found["Emmanuel Macron"].type == "PER"
    assert not any("Presiden" in t for t in found)
    assert found["Prancis"].type == "LOC"


def test_role_apposition_gives_org_and_person() -> None:
    found = by_text(extract_entities("Juru bicara Kremlin, Dmitry Peskov, menolak berkomentar."))
    assert found["Kremlin"].type == "ORG"
    assert found["Dmitry Peskov"].type == "PER"


def test_organisation_named_by_a_role_phrase_is_one_span() -> None:
    found = by_text(extract_entities("Kementerian Luar Negeri Jepang mengeluarkan pernyataan pada Selasa."))
    assert "Kementerian Luar Negeri Jepang" in found
    assert found["Kementerian Luar Negeri Jepang"].type == "ORG"


def test_short_person_mentions_link_to_the_full_name() -> None:
    text = (
        "Kanselir Jerman Olaf Scholz tiba di Warsawa. Scholz disambut Presiden Andrzej Duda. "
        "Menurut Duda, kunjungan Scholz penting."
    )
    entities = extract_entities(text)
    short = [e for e in entities if e.text == "Scholz"]
    assert len(short) == 2 and all(e.canonical == "Olaf Scholz" for e in short)
    assert {e.canonical for e in entities if e.text == "Duda"} == {"Andrzej Duda"}


def test_short_form_goes_to_the_most_mentioned_full_name() -> None:
    res = get_resources()
    mentions = [
        Mention("Lee Jae Yong", 0, 12, "PER"),
        Mention("Lee Kun Hee", 20, 31, "PER"),
        Mention("Lee Jae Yong", 40, 52, "PER"),
        Mention("Lee", 60, 63, "PER"),
    ]
    resolve_names(mentions, res)
    assert [m.canonical for m in mentions] == ["Lee Jae Yong", "Lee Kun Hee", "Lee Jae Yong", "Lee Jae Yong"]


def test_aliases_map_to_one_canonical_name() -> None:
    ind = by_text(extract_entities("Pejabat AS dan PBB bertemu di Moskow untuk membahas Korut dan Korsel."))
    eng = by_text(
        extract_entities("Officials from the United States and the United Nations met in Moscow on Monday.")
    )
    assert ind["AS"].canonical == eng["United States"].canonical == "Amerika Serikat"
    assert ind["PBB"].canonical == eng["United Nations"].canonical == "Perserikatan Bangsa-Bangsa"
    assert ind["Moskow"].canonical == eng["Moscow"].canonical
    assert ind["Korut"].canonical == "Korea Utara"
    assert ind["Korsel"].canonical == "Korea Selatan"


def test_english_and_indonesian_country_names_meet() -> None:
    res = get_resources()
    mentions = [
        Mention("Germany", 0, 7, "LOC"),
        Mention("Jerman", 10, 16, "LOC"),
        Mention("JEPANG", 20, 26, "LOC"),
    ]
    resolve_names(mentions, res)
    assert mentions[0].canonical == mentions[1].canonical == "Jerman"
    assert mentions[2].canonical == "Jepang"


def test_lower_case_as_is_not_the_united_states() -> None:
    entities = extract_entities("Roda as mobil itu patah di jalan tol.")
    assert not any(e.canonical == "Amerika Serikat" for e in entities)


def test_places_have_coordinates() -> None:
    found = by_text(extract_entities("Banjir melanda Surabaya dan Semarang, sementara Tokyo tenang."))
    surabaya = found["Surabaya"]
    assert surabaya.type == "LOC"
    assert surabaya.lat == pytest.approx(-7.25, abs=0.2) and surabaya.lon == pytest.approx(112.75, abs=0.2)
    assert found["Tokyo"].lat == pytest.approx(35.7, abs=0.3)


def test_outlets_are_organisations() -> None:
    found = by_text(extract_entities("Hal itu dilaporkan Reuters dan AFP, dikutip Antara, Rabu."))
    for outlet in ("Reuters", "AFP", "Antara"):
        assert found[outlet].type == "ORG"


def test_english_sentence() -> None:
    found = by_text(
        extract_entities(
            "Japanese Prime Minister Fumio Kishida met Joe Biden at the White House in Washington."
        )
    )
    assert found["Fumio Kishida"].type == "PER"
    assert found["Joe Biden"].type == "PER"
    assert found["White House"].canonical == "Gedung Putih" and found["White House"].type == "ORG"
    assert found["Washington"].type == "LOC"


def test_english_nationality_before_a_title_is_not_a_person() -> None:
    entities = extract_entities(
        "North Korean leader Kim Jong Un left Moscow on Sunday, the White House said."
    )
    people = {e.text for e in entities if e.type == "PER"}
    assert people == {"Kim Jong Un"}


def test_geographic_head_words_make_one_place() -> None:
    found = by_text(extract_entities("Kapal itu tenggelam di Selat Malaka dekat Sungai Siak."))
    assert found["Selat Malaka"].type == "LOC"
    assert found["Sungai Siak"].type == "LOC"


def test_tag_words_gives_bio_over_the_given_tokens() -> None:
    words = ["Gubernur", "Ridwan", "Kamil", "berkunjung", "ke", "Bandung", "."]
    tags = tag_words(words)
    assert len(tags) == len(words)
    assert tags[1:3] == ["B-PER", "I-PER"] and tags[0] == "O" and tags[5] == "B-LOC"


def test_surface_normalisation() -> None:
    assert normalise_surface("PYONGYANG") == "Pyongyang"
    assert normalise_surface("Bangsa - Bangsa") == "Bangsa-Bangsa"
    assert normalise_surface("KCNA") == "KCNA"


def test_empty_text() -> None:
    assert extract_entities("") == []


_PIECES = st.sampled_from(
    ["Kim", " Jong", " Presiden", " AS", " as", "-", " - ", ".", ",", "'s", "\n", " é", "(", "1", " PBB"]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_any_text_gives_valid_spans(text: str) -> None:
    for e in extract_entities(text):
        assert text[e.start : e.end] == e.text and e.end > e.start
        assert e.type in {"PER", "ORG", "LOC"} and e.canonical


def test_english_geographic_names_meet_their_indonesian_form() -> None:
    res = get_resources()
    surfaces = ["Mount Lewotobi Laki-laki", "Gunung Lewotobi Laki-laki", "Tumen River", "Sungai Tumen",
                "Lake Toba", "Flores Island", "Mt. Merapi", "the Strait"]
    mentions = resolve_names([Mention(s, 0, len(s), "LOC") for s in surfaces], res)
    canonical = [m.canonical for m in mentions]
    assert canonical[0] == canonical[1] == "Gunung Lewotobi Laki-laki"
    assert canonical[2] == canonical[3] == "Sungai Tumen"
    assert canonical[4:7] == ["Danau Toba", "Pulau Flores", "Gunung Merapi"]
    assert canonical[7] == "the Strait"  # no name inside
    # Only places: an organisation named after a mountain keeps its name.
    (org,) = resolve_names([Mention("Mount Sinai Hospital", 0, 20, "ORG")], res)
    assert org.canonical == "Mount Sinai Hospital"


def test_a_name_tagged_two_ways_in_one_article_takes_its_majority_label():
    from warta.analyze.entities.linking import Mention
    from warta.analyze.entities.overrides import _one_label_per_name

    mentions = [Mention("Lewotobi", 0, 8, "LOC"), Mention("Lewotobi", 40, 48, "PER"), Mention("Lewotobi", 90, 98, "LOC"),
                Mention("Antara", 120, 126, "ORG"), Mention("Antara", 150, 156, "PER")]
    _one_label_per_name(mentions)
    assert [m.type for m in mentions[:3]] == ["LOC", "LOC", "LOC"]
    assert [m.type for m in mentions[3:]] == ["ORG", "PER"]  # a tie keeps each mention's own
