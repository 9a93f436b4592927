"""Attributions: sources, cues, contents, relay chains, quotes and anaphors."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from warta.analyze.attributions import canonical_source_name, extract_attributions
from warta.analyze.sentences import split_sentences
from warta.model import Attribution, Entity


def _extract(text: str, entities: list[Entity] | None = None) -> list[Attribution]:
    return extract_attributions(text, sentences=split_sentences(text), entities=entities or [])


def _by_source(atts: list[Attribution]) -> dict[str, Attribution]:
    return {(a.source.canonical or a.source.text): a for a in atts}


def _assert_spans_consistent(text: str, atts: list[Attribution]) -> None:
    for a in atts:
        for span in (a.source, a.cue, a.content):
            assert text[span.start : span.end] == span.text


def test_preposed_verb_with_bahwa() -> None:
    text = "Kementerian Perhubungan menyatakan bahwa jalur mudik selatan dibuka mulai Kamis."
    (att,) = _extract(text)
    assert att.source.text == "Kementerian Perhubungan"
    assert att.cue.text == "menyatakan"
    assert att.content.text == "jalur mudik selatan dibuka mulai Kamis"
    assert not att.direct and att.via == [] and not att.hedged
    _assert_spans_consistent(text, [att])


def test_relay_prefix_sets_via_and_keeps_the_speaker() -> None:
    text = "Melansir Bloomberg, otoritas pelabuhan Singapura melaporkan bahwa antrean kapal memendek."
    (att,) = _extract(text)
    assert att.source.text == "otoritas pelabuhan Singapura"
    assert att.via == ["Bloomberg"]
    assert att.content.text == "antrean kapal memendek"


def test_relay_prefix_without_a_verb_makes_the_outlet_the_source() -> None:
    text = "Dikutip dari Antara, sebanyak 12 rumah rusak akibat angin puting beliung di Sidoarjo."
    (att,) = _extract(text)
    assert att.source.canonical == "Antara"
    assert att.cue.text == "Dikutip dari"
    assert att.content.text.startswith("sebanyak 12 rumah rusak")


def test_chained_relay_lists_the_outermost_first() -> None:
    text = (
        "Melansir The Guardian yang mengutip kantor berita AFP, polisi Prancis mengatakan dua orang ditahan."
    )
    (att,) = _extract(text)
    assert att.source.text == "polisi Prancis"
    assert att.via == ["The Guardian", "AFP"]


def test_postposed_relay_makes_the_named_agency_the_source() -> None:
    text = (
        "Pesawat itu mendarat darurat di Anchorage, seperti yang dilaporkan oleh agensi berita Jepang Kyodo."
    )
    (att,) = _extract(text)
    assert att.source.canonical == "Kyodo"
    assert att.source.text == "agensi berita Jepang Kyodo"
    assert att.content.text == "Pesawat itu mendarat darurat di Anchorage"


def test_postposed_relay_after_a_verb_becomes_via() -> None:
    text = "Menteri Pertanian mengatakan stok beras cukup hingga Maret, seperti dilaporkan Kontan."
    (att,) = _extract(text)
    assert att.source.text == "Menteri Pertanian"
    assert att.via == ["Kontan"]
    assert att.content.text == "stok beras cukup hingga Maret"


def test_menurut_applies_to_the_rest_of_the_sentence() -> None:
    text = "Menurut kantor berita Korea Selatan Yonhap, kapal perang itu berlabuh di Busan pada Jumat."
    (att,) = _extract(text)
    assert att.source.canonical == "Yonhap"
    assert att.cue.text == "Menurut"
    assert att.content.text == "kapal perang itu berlabuh di Busan pada Jumat"


def test_postposed_kata_with_a_curly_quote_is_direct() -> None:
    text = "“Semua jalur evakuasi sudah kami buka,” kata Kepala BPBD Joko Sambang."
    (att,) = _extract(text)
    assert att.direct
    assert att.cue.text == "kata"
    assert att.content.text == "Semua jalur evakuasi sudah kami buka"
    assert att.source.text == "Kepala BPBD Joko Sambang"
    assert att.source.canonical == "Joko Sambang"


def test_quote_over_two_sentences_then_kata() -> None:
    text = '"Air naik sangat cepat. Kami hanya sempat menyelamatkan dokumen," kata Sutrisno, warga setempat.'
    (att,) = _extract(text)
    assert att.direct
    assert att.source.text == "Sutrisno"
    assert att.content.text == "Air naik sangat cepat. Kami hanya sempat menyelamatkan dokumen"


def test_preposed_quote_over_two_sentences() -> None:
    text = "Ketua panitia Dewi Lestari mengatakan, “Tiket sudah habis. Tidak ada penjualan di lokasi.”"
    (att,) = _extract(text)
    assert att.direct
    assert att.content.text == "Tiket sudah habis. Tidak ada penjualan di lokasi"


def test_laporan_tersebut_takes_the_previous_reporter() -> None:
    text = (
        "Surat kabar Asahi Shimbun melaporkan bahwa kabinet akan dirombak bulan depan. "
        "Laporan tersebut juga menyebut bahwa dua menteri kemungkinan diganti."
    )
    first, second = _extract(text)
    assert first.source.canonical == "Asahi Shimbun"
    assert second.source.text == "Laporan tersebut"
    assert second.source.canonical == "Asahi Shimbun"
    assert second.hedged


def test_pronoun_inherits_source_and_relay_chain() -> None:
    text = (
        "Melansir Reuters, Menteri Energi Arab Saudi mengatakan produksi minyak akan dipangkas. "
        "Ia menambahkan bahwa keputusan itu berlaku mulai Juli."
    )
    first, second = _extract(text)
    assert second.source.text == "Ia"
    assert second.source.canonical == first.source.canonical
    assert second.via == ["Reuters"]
    assert second.content.text == "keputusan itu berlaku mulai Juli"


def test_appositive_name_after_a_role_is_the_source() -> None:
    text = "Juru bicara Kementerian Luar Negeri, Lalu Muhammad Iqbal, menegaskan bahwa WNI di Sudan aman."
    (att,) = _extract(text)
    assert att.source.text == "Lalu Muhammad Iqbal"


def test_appositive_description_after_a_name_keeps_the_name() -> None:
    text = "Brookings Institution, sebuah lembaga riset di Washington, menilai sanksi itu kurang efektif."
    (att,) = _extract(text)
    assert att.source.text == "Brookings Institution"


def test_negated_cue_is_not_an_attribution() -> None:
    assert _extract("Pihak sekolah tidak mengungkapkan nama siswa yang terlibat.") == []


def test_belief_verb_needs_bahwa_and_marks_the_statement_hedged() -> None:
    (att,) = _extract("Tim SAR percaya bahwa korban masih berada di sekitar reruntuhan.")
    assert att.cue.text == "percaya" and att.hedged
    assert _extract("Warga percaya diri menghadapi musim kemarau.") == []


def test_hedged_content() -> None:
    (att,) = _extract("Polisi mengatakan pelaku diduga anggota jaringan pencurian kendaraan.")
    assert att.hedged


def test_english_patterns() -> None:
    text = (
        "The coast guard said on Sunday that four fishermen were rescued. "
        '"They were lucky," said Captain Mark Evans. '
        "Rescue crews searched overnight, according to local media."
    )
    atts = _by_source(_extract(text))
    assert atts["The coast guard"].content.text == "four fishermen were rescued"
    quote = atts["Captain Mark Evans"]
    assert quote.direct and quote.cue.text == "said" and quote.content.text == "They were lucky"
    assert atts["local media"].content.text == "Rescue crews searched overnight"


def test_english_postposed_subject_then_verb() -> None:
    text = '"We will appeal," the company\'s lawyer said.'
    (att,) = _extract(text)
    assert att.direct and att.content.text == "We will appeal"
    assert att.source.text == "the company's lawyer"


def test_told_outlet_is_a_relay() -> None:
    (att,) = _extract("A senior diplomat told Reuters that the ceasefire talks had stalled.")
    assert att.via == ["Reuters"]
    assert att.content.text == "the ceasefire talks had stalled"


def test_entities_give_the_canonical_name() -> None:
    text = "Kepala Satgas Penanganan Bencana Budi Hartono mengatakan bantuan tiba sore ini."
    start = text.index("Budi Hartono")
    entity = Entity("Budi Hartono", start, start + 12, "PER", "Budi Hartono (BNPB)")
    (att,) = _extract(text, [entity])
    assert att.source.canonical == "Budi Hartono (BNPB)"


def test_canonical_source_name_strips_roles_and_places() -> None:
    assert canonical_source_name("agensi berita negara Jepang Kyodo") == "Kyodo"
    assert canonical_source_name("Perdana Menteri Malaysia Anwar Ibrahim") == "Anwar Ibrahim"
    assert canonical_source_name("media pemerintah Vietnam") == "media pemerintah Vietnam"
    assert canonical_source_name("Kementerian Luar Negeri Jepang") == "Kementerian Luar Negeri Jepang"


_words = st.sampled_from(
    'kata mengatakan bahwa Menurut Melansir polisi Budi , . “ ” " Ia menambahkan seperti dilaporkan oleh '
    "Reuters said according to the Laporan tersebut juga dapat diduga".split()
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_words, min_size=1, max_size=30))
def test_any_text_gives_spans_that_match_the_text(words: list[str]) -> None:
    text = " ".join(words)
    atts = _extract(text)
    _assert_spans_consistent(text, atts)
    for a in atts:
        assert a.content.text
