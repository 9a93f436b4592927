"""English news words mapped to Indonesian root words, so reports in both languages meet.

warta reads Indonesian first and English too; a story is often told in both. Clustering
compares stems, so an English word is replaced by the Indonesian root it translates
("volcano" -> "gunung", "killed" -> "tewas"). The table covers common news vocabulary
(disasters, politics, economy, security, transport, sport, society); names and numbers
need no translation. Language knowledge as data: one "english indonesian-root" pair a line.
"""

from __future__ import annotations

from functools import lru_cache

_PAIRS = """
earthquake gempa quake gempa tremor gempa aftershock gempa magnitude magnitudo epicenter pusat
volcano gunung mount gunung mountain gunung eruption erupsi erupted erupsi erupt erupsi ash abu lava lava
flood banjir floods banjir flooding banjir flooded banjir rain hujan rainfall hujan landslide longsor
tsunami tsunami fire api wildfire api storm badai weather cuaca drought kering
dead tewas death tewas deaths tewas killed tewas kills tewas killing tewas died tewas toll korban
victims korban victim korban injured luka injuries luka wounded luka missing hilang survivors selamat
evacuated ungsi evacuees ungsi evacuation ungsi displaced ungsi refugees ungsi shelter ungsi shelters ungsi
rescue selamat rescuers selamat search cari aid bantu relief bantu damaged rusak destroyed rusak
houses rumah homes rumah house rumah buildings bangun village desa villages desa residents warga
disaster bencana emergency darurat alert waspada status status agency badan
president presiden minister menteri ministry menteri government perintah governor gubernur mayor wali
parliament dpr election pemilu vote suara party partai leader pimpin leaders pimpin official jabat
officials jabat spokesman juru spokeswoman juru spokesperson juru police polisi army tentara military militer
visit kunjung visits kunjung visited kunjung trip jalan meeting temu met temu meet temu meets temu summit temu
talks bicara agreement sepakat agreements sepakat deal sepakat signed tanda sign tanda investment investasi
cooperation kerja trade dagang business bisnis forum forum state negara country negara bilateral bilateral
sea laut south selatan north utara east timur west barat china china chinese china
missile rudal missiles rudal ballistic balistik launch luncur launched luncur launches luncur fired tembak
test uji tested uji nuclear nuklir weapon senjata weapons senjata sanctions sanksi condemned kecam condemn kecam
bank bank rate suku rates suku interest bunga inflation inflasi currency mata rupiah rupiah economy ekonomi
economic ekonomi growth tumbuh cut pangkas cuts pangkas lowered turun price harga prices harga market pasar
stocks saham shares saham investors investor budget anggaran billion miliar trillion triliun million juta
percent persen cost biaya spending belanja fund dana funds dana tax pajak
meals makan meal makan food makan free gratis nutritious gizi nutrition gizi school sekolah schools sekolah
students siswa pupils siswa children anak child anak kitchens dapur kitchen dapur programme program program program
milk susu menu menu hospital rumah health sehat doctor dokter
train kereta trains kereta railway kereta rail kereta speed cepat high-speed cepat station stasiun passengers penumpang
ticket tiket tickets tiket airport bandara flight terbang flights terbang road jalan toll tol bridge jembatan
opened resmi inaugurated resmi inauguration resmi launched luncur operating operasi operation operasi
football sepak match tanding team tim national nasional coach pelatih goal gol goals gol win menang won menang
victory menang defeat kalah beat kalah fans suporter supporters suporter stadium stadion qualifier kualifikasi cup piala
group grup standings klasemen points poin
city kota capital ibu province provinsi district kabupaten regency kabupaten island pulau region wilayah
week pekan day hari year tahun month bulan night malam morning pagi
said kata says kata told kata stated nyata announced umum reported lapor according turut warned peringat
denied bantah confirmed konfirmasi expected kira estimated kira
"""


@lru_cache(maxsize=1)
def english_to_indonesian() -> dict[str, str]:
    words = _PAIRS.split()
    return dict(zip(words[0::2], words[1::2], strict=True))


def translate(word: str) -> str | None:
    """The Indonesian root for an English news word, or None."""
    return english_to_indonesian().get(word)
