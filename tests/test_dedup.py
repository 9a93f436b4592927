from warta.dedup import NearDuplicateIndex, canonical_url, content_hash, minhash_of

WIRE = (
    "Gunung Lewotobi Laki-laki di Flores Timur kembali meletus pada Senin dini hari dan "
    "melontarkan abu setinggi dua kilometer. Badan Geologi menaikkan status gunung itu ke level "
    "tertinggi dan meminta warga menjauh dari kawah sejauh tujuh kilometer. Ribuan warga dari "
    "enam desa mengungsi ke sekolah dan balai desa, sementara relawan membagikan masker dan air "
    "bersih. Bandara di Maumere ditutup sementara karena sebaran abu vulkanik."
)


def test_canonical_url_drops_tracking_amp_fragment_and_cosmetics():
    base = canonical_url("https://berita.example.id/nasional/2024/11/04/gunung-meletus")
    assert canonical_url("http://www.berita.example.id/nasional/2024/11/04/gunung-meletus/") == base
    assert canonical_url("https://berita.example.id/nasional/2024/11/04/gunung-meletus?utm_source=x&utm_medium=y") == base
    assert canonical_url("https://berita.example.id/nasional/2024/11/04/gunung-meletus/amp") == base
    assert canonical_url("https://amp.berita.example.id/nasional/2024/11/04/gunung-meletus#komentar") == base
    # A query parameter that selects content stays.
    assert canonical_url("https://berita.example.id/read?id=17") != canonical_url("https://berita.example.id/read?id=18")
    assert canonical_url(None) is None


def test_content_hash_ignores_case_punctuation_and_spacing_only():
    assert content_hash("Kereta itu  berangkat, Senin.") == content_hash("kereta itu berangkat senin")
    assert content_hash("Kereta itu berangkat Senin.") != content_hash("Kereta itu berangkat Selasa.")


def test_near_duplicate_found_for_syndicated_copy_with_small_edits():
    copy = (
        "FLORES TIMUR - " + WIRE.replace("Ribuan warga", "Lebih dari seribu warga")
        + " Pemerintah daerah menetapkan status tanggap darurat selama dua pekan."
    )
    index = NearDuplicateIndex()
    index.add("wire", minhash_of(WIRE))
    match = index.best_match(minhash_of(copy))
    assert match is not None and match[0] == "wire" and match[1] > 0.6


def test_different_report_of_same_event_is_not_a_duplicate():
    other = (
        "Warga di lereng Lewotobi bercerita tentang dentuman keras yang membangunkan mereka. "
        "Seorang kepala desa mengatakan rumah-rumah tertutup abu tebal dan atap sekolah runtuh. "
        "Ia berharap bantuan logistik segera tiba karena stok makanan di posko menipis."
    )
    index = NearDuplicateIndex()
    index.add("wire", minhash_of(WIRE))
    assert index.best_match(minhash_of(other)) is None
