import re
import unicodedata

from datasketch import MinHash
from hypothesis import given
from hypothesis import strategies as st

from warta.dedup import (
    NearDuplicateIndex,
    canonical_url,
    content_hash,
    minhash_of,
    normalise_for_hash,
    shingle_hashes,
)
from warta.dedup.exact import _AMP_PATH, _TRACKING_PARAMS, is_variant_url
from warta.dedup.near import NUM_PERM, SEED

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


# The fast paths must give exactly what the plain definitions give: stored hashes and
# signatures from earlier runs stay comparable, and re-ingesting stays idempotent.
_PLAIN_NON_WORD = re.compile(r"[\W_]+")
_ODD_TEXT = st.text(alphabet=st.sampled_from(list("ab Zé_-.,'\"\n\t\u00a0“”‘’–—«»•·…ﬁ中😀1٣")), max_size=60)


@given(_ODD_TEXT)
def test_fast_normalisation_equals_the_regex_definition(text: str) -> None:
    plain = _PLAIN_NON_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()
    assert normalise_for_hash(text) == plain


@given(st.lists(st.sampled_from("satu dua tiga empat lima enam tujuh delapan sembilan sepuluh".split()), max_size=40))
def test_signature_equals_datasketch_update_batch(words: list[str]) -> None:
    text = " ".join(words)
    reference = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=int)
    reference.update_batch(shingle_hashes(text))
    assert (minhash_of(text).hashvalues == reference.hashvalues).all()


def test_variant_urls_are_amp_pages_and_tracking_links():
    for url in ("https://amp.kompas.example/a", "https://x.example/berita/amp", "https://x.example/berita.amp",
                "https://x.example/amp/berita", "https://x.example/a?utm_source=wa", "https://x.example/a?fbclid=1"):
        assert is_variant_url(url), url
    for url in ("https://example.com/amplop", "https://x.example/a?id=17", "https://x.example/ampera", None, ""):
        assert not is_variant_url(url), url


def _variant_by_definition(url: str) -> bool:
    from urllib.parse import parse_qsl, urlsplit

    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if host.startswith("amp.") or _AMP_PATH.search(parts.path):
        return True
    return any(_TRACKING_PARAMS.match(k) for k, _ in parse_qsl(parts.query, keep_blank_values=True))


@given(st.lists(st.sampled_from(["https://", "amp", "AMP", ".", "/", "x", "example", "?", "=", "utm_source", "#",
                                 "id", "1", "m.", "www."]), max_size=12))
def test_variant_url_fast_path_agrees_with_the_definition(pieces):
    url = "https://" + "".join(pieces)
    assert is_variant_url(url) == _variant_by_definition(url)
