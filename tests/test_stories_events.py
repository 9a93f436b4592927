"""Stories keep apart what a reader keeps apart: hand-written articles through analysis and the index.

Invented people, places and institutions; each article recalls the other event in a
background sentence, as news does.
"""

from __future__ import annotations

import itertools

from warta.analyze import analyze
from warta.model import Article
from warta.stories import StoryFeatures, StoryIndex, extract_features

FILLER = (
    "Warga setempat menyambut kabar itu dengan antusias dan berharap manfaatnya segera terasa. "
    "Sejumlah tokoh masyarakat menilai langkah tersebut sudah lama ditunggu oleh penduduk di wilayah itu. "
    "Pemerintah daerah berjanji mengawal pelaksanaannya agar berjalan tertib, transparan dan tepat waktu. "
)


def _features(aid: str, published: str, title: str, lede: str, background: str) -> StoryFeatures:
    text = lede + " " + FILLER + background
    article = Article(id=aid, text=text, title=title, published=published, outlet=f"Outlet {aid}",
                      url=f"https://{aid}.example/berita", language="id")
    return extract_features(article, analyze(article))


def _groups(features: list[StoryFeatures]) -> set[frozenset[str]]:
    index = StoryIndex()
    index.recluster(features)
    by_story: dict[str, set[str]] = {}
    for article, story in index.partition().items():
        by_story.setdefault(story, set()).add(article)
    return {frozenset(v) for v in by_story.values()}


def test_same_actors_in_one_week_at_different_events_are_two_stories():
    dam = [
        _features(f"dam{i}", f"2025-03-0{2 + i}", title,
                  f"Presiden Arya Wiratama meresmikan Bendungan Sukamulya di Kabupaten Lembang Kidul, Senin (3/3/2025). {extra}",
                  "Kamis mendatang Presiden Arya Wiratama dijadwalkan menerima Perdana Menteri Tarsania Omar Hadid di Istana Cipaku.")
        for i, (title, extra) in enumerate([
            ("Presiden Resmikan Bendungan Sukamulya", "Bendungan itu mengairi 4.000 hektare sawah petani."),
            ("Bendungan Sukamulya Diresmikan, Airi Ribuan Hektare Sawah", "Waduk berkapasitas 30 juta meter kubik itu dibangun sejak 2021."),
        ])
    ]
    summit = [
        _features(f"sum{i}", f"2025-03-0{6 + i}", title,
                  f"Presiden Arya Wiratama menerima Perdana Menteri Tarsania Omar Hadid di Istana Cipaku, Kamis (6/3/2025). {extra}",
                  "Awal pekan ini Presiden Arya Wiratama meresmikan Bendungan Sukamulya di Kabupaten Lembang Kidul.")
        for i, (title, extra) in enumerate([
            ("Presiden Terima PM Tarsania di Istana Cipaku", "Kedua pemimpin menandatangani nota kesepahaman perlindungan pekerja migran."),
            ("Arya Wiratama dan Omar Hadid Teken Nota Kesepahaman Pekerja Migran", "Konsultasi tahunan itu membahas perdagangan dan perbatasan laut."),
        ])
    ]
    assert _groups(dam + summit) == {frozenset({"dam0", "dam1"}), frozenset({"sum0", "sum1"})}


def test_a_recurring_meeting_on_different_dates_is_not_linked():
    december = [
        _features(f"dec{i}", "2024-12-18", title,
                  "Bank Sentral Nusantara mempertahankan suku bunga acuan di level 6,00 persen dalam Rapat Dewan Gubernur "
                  f"yang digelar 17–18 Desember 2024. {extra}",
                  "Rapat Dewan Gubernur berikutnya dijadwalkan pada Januari 2025.")
        for i, (title, extra) in enumerate([
            ("Bank Sentral Nusantara Tahan Suku Bunga Acuan 6 Persen", "Gubernur Bank Sentral Nusantara Hendra Kusuma menyebut stabilitas kurs menjadi fokus."),
            ("Suku Bunga Acuan Bank Sentral Nusantara Tetap 6 Persen", "Hendra Kusuma mengatakan ketidakpastian global masih tinggi."),
        ])
    ]
    january = [
        _features(f"jan{i}", "2025-01-15", title,
                  "Bank Sentral Nusantara menurunkan suku bunga acuan menjadi 5,75 persen dalam Rapat Dewan Gubernur "
                  f"yang digelar 14–15 Januari 2025. {extra}",
                  "Pada Desember 2024 bank sentral masih menahan suku bunga acuan di level 6,00 persen.")
        for i, (title, extra) in enumerate([
            ("Bank Sentral Nusantara Pangkas Suku Bunga Acuan Jadi 5,75 Persen", "Gubernur Bank Sentral Nusantara Hendra Kusuma menyebut inflasi terkendali."),
            ("Kejutan, Suku Bunga Acuan Bank Sentral Nusantara Turun", "Hendra Kusuma mengatakan ruang pelonggaran terbuka."),
        ])
    ]
    assert _groups(december + january) == {frozenset({"dec0", "dec1"}), frozenset({"jan0", "jan1"})}


def test_a_follow_up_weeks_later_that_names_the_event_joins_its_story():
    crash = _features(
        "crash", "2025-05-10", "Bus Rombongan Terguling di Jalan Raya Cibeureum, Sembilan Tewas",
        "Bus pariwisata milik PO Sinar Mandiri terguling di turunan Jalan Raya Cibeureum, Kabupaten Sukawangi, "
        "Sabtu (10/5/2025). Sembilan penumpang tewas dan puluhan luka-luka.",
        "Polisi memeriksa sopir bus dan kondisi rem kendaraan.")
    suspects = _features(
        "suspects", "2025-05-16", "Sopir dan Pemilik PO Sinar Mandiri Jadi Tersangka Kecelakaan Cibeureum",
        "Polisi menetapkan sopir bus PO Sinar Mandiri dan pemilik perusahaan sebagai tersangka kecelakaan di "
        "Jalan Raya Cibeureum, Kabupaten Sukawangi, yang menewaskan sembilan orang pada Sabtu (10/5/2025).",
        "Rem bus diduga blong saat menuruni jalan.")
    report = _features(
        "report", "2025-06-02", "Laporan Awal: Rem Bus PO Sinar Mandiri Aus",
        "Komite keselamatan merilis laporan awal kecelakaan bus PO Sinar Mandiri di Jalan Raya Cibeureum, "
        "Kabupaten Sukawangi, yang menewaskan sembilan orang pada 10 Mei 2025.",
        "Kampas rem bus ditemukan sudah aus.")
    other = _features(
        "other", "2025-06-02", "Bus Wisata Tabrak Rumah di Kota Karangsari, Empat Tewas",
        "Bus wisata milik PO Bahari Jaya menabrak rumah warga di Kota Karangsari, Minggu (1/6/2025). Empat orang tewas.",
        "Kecelakaan ini terjadi saat komite keselamatan merilis laporan awal kecelakaan bus PO Sinar Mandiri di Cibeureum.")
    assert _groups([crash, suspects, report, other]) == {
        frozenset({"crash", "suspects", "report"}), frozenset({"other"})
    }


def _synthetic(aid: str, terms: list[str]) -> StoryFeatures:
    weights = {t: 1.0 for t in terms}
    return StoryFeatures(id=aid, published="2025-02-01", outlet=aid, terms=weights, main_terms=dict(weights), words=200)


def test_a_single_strong_pair_across_two_stories_does_not_merge_them():
    a_terms = ["banjir", "sungai", "tanggul", "jebol", "kampung", "hulu"]
    b_terms = ["gempa", "magnitudo", "retak", "sekolah", "pesisir", "lereng"]
    bridge = ["pengungsi", "posko", "relawan", "logistik", "dapur", "tenda", "selimut", "bantuan"]
    story_a = [_synthetic(f"a{i}", a_terms + [f"a-own{i}"]) for i in range(3)]
    story_b = [_synthetic(f"b{i}", b_terms + [f"b-own{i}"]) for i in range(3)]
    # a2 and b0 report the same relief effort at length: one strong cross-story pair.
    story_a[2] = _synthetic("a2", a_terms + bridge)
    story_b[0] = _synthetic("b0", b_terms + bridge)
    everything = story_a + story_b
    expected = {frozenset({"a0", "a1", "a2"}), frozenset({"b0", "b1", "b2"})}
    index = StoryIndex()
    index.recluster(everything)
    assert index._linked("a2", "b0"), "the pair must be a link: single linkage would merge the stories"
    assert _groups(everything) == expected
    # Incrementally, in any arrival order, the same two stories.
    for order in itertools.islice(itertools.permutations(everything), 0, 720, 97):
        incremental = StoryIndex()
        for features in order:
            incremental.add(features)
        by_story: dict[str, set[str]] = {}
        for article, story in incremental.partition().items():
            by_story.setdefault(story, set()).add(article)
        assert {frozenset(v) for v in by_story.values()} == expected


def test_the_same_page_seen_twice_is_one_source_and_short_teasers_need_strong_evidence():
    page = _synthetic("page", ["banjir", "sungai", "tanggul", "jebol", "kampung", "hulu"])
    page.source = "https://kabar.example/banjir"
    teaser = StoryFeatures(id="teaser", published="2025-02-01", terms={"banjir": 1.0, "sungai": 1.0},
                           main_terms={"banjir": 1.0, "sungai": 1.0}, words=40, source="https://kabar.example/banjir")
    unrelated_teaser = StoryFeatures(id="brief", published="2025-02-01", terms={"banjir": 1.0, "harga": 1.0, "beras": 1.0},
                                     main_terms={"banjir": 1.0, "harga": 1.0, "beras": 1.0}, words=40)
    index = StoryIndex()
    for features in (teaser, unrelated_teaser, page):
        index.add(features)
    partition = index.partition()
    assert partition["teaser"] == partition["page"]
    assert partition["brief"] != partition["page"]
    links = index.explain(partition["page"])
    assert {"copy_of": "page"} in links.values()


def test_two_quakes_a_day_apart_stay_apart_though_one_headline_names_both():
    # Real places (the gazetteer must know them ~2,000 km apart); each report recalls the
    # other quake, and one headline names both.
    maluku = [
        _features("mal0", "2025-04-22", "Gempa M5,9 Guncang Maluku Tengah, Warga Ambon Berhamburan",
                  "Gempa bumi bermagnitudo 5,9 mengguncang Kabupaten Maluku Tengah, Selasa (22/4/2025) dini hari. "
                  "Getaran terasa kuat di Kota Ambon dan warga berhamburan keluar rumah.",
                  "Sehari kemudian gempa lain mengguncang Garut, Jawa Barat."),
        _features("mal1", "2025-04-23", "Rumah Rusak Akibat Gempa Maluku Tengah Bertambah",
                  "Jumlah rumah rusak akibat gempa magnitudo 5,9 di Maluku Tengah bertambah menjadi 61 unit, Rabu (23/4/2025). "
                  "Kerusakan terbanyak di Pulau Haruku.",
                  "Rabu siang gempa magnitudo 5,0 juga mengguncang Kabupaten Garut, Jawa Barat."),
    ]
    garut = [
        _features("gar0", "2025-04-23", "Gempa M5,0 Guncang Garut, Rumah Warga Rusak",
                  "Gempa bumi bermagnitudo 5,0 mengguncang Kabupaten Garut, Jawa Barat, Rabu (23/4/2025) siang. "
                  "Getaran terasa hingga Kota Bandung.",
                  "Gempa itu terjadi sehari setelah gempa di Maluku Tengah."),
        _features("gar1", "2025-04-23", "BMKG: Gempa Garut dan Gempa Maluku Tengah Tidak Berkaitan",
                  "BMKG menegaskan gempa magnitudo 5,0 yang mengguncang Garut, Jawa Barat, Rabu (23/4/2025) tidak berkaitan "
                  "dengan gempa magnitudo 5,9 di Maluku Tengah sehari sebelumnya. Kedua gempa terjadi di sistem tektonik berbeda.",
                  "Warga diminta tidak mempercayai kabar bohong soal gempa susulan."),
    ]
    assert garut[1].main_place == "Garut" and maluku[1].main_place == "Maluku Tengah"
    assert _groups(maluku + garut) == {frozenset({"mal0", "mal1"}), frozenset({"gar0", "gar1"})}


def test_a_dateline_names_neither_the_event_nor_shared_words():
    article = Article(
        id="dl", title="Banjir Rendam Ratusan Rumah di Demak", published="2025-01-19", outlet="Detak Berita",
        text="Jakarta, Detak Berita - Banjir merendam ratusan rumah di Kabupaten Demak, Jawa Tengah, Minggu (19/1/2025). "
             "Tanggul sungai jebol setelah hujan deras. " + FILLER,
        url="https://dl.example/berita", language="id")
    features = extract_features(article, analyze(article))
    assert "detak" not in features.terms and "detak" not in features.main_terms  # the outlet's name
    assert features.main_place and "Demak" in features.main_place
    assert "Jakarta" in features.main_places  # where it was filed counts among the places, weakly


def test_english_news_words_meet_their_indonesian_stems():
    from warta.stories.text import feature_terms

    english = set(feature_terms("Customs officers seized smuggled textiles and containers; the budget deficit widened"))
    indonesian = set(feature_terms("Petugas bea cukai menyita tekstil dan kontainer selundupan; defisit anggaran melebar"))
    assert {"sita", "selundup", "tekstil", "kontainer", "defisit", "anggar"} <= english & indonesian
