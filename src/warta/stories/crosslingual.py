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
officers petugas officer petugas arrested tangkap arrest tangkap arrests tangkap detained tahan
suspect sangka suspects sangka seized sita seize sita seizure sita seizures sita confiscated sita
smuggled selundup smuggling selundup smuggle selundup smugglers selundup syndicate sindikat network jaring
drugs narkoba drug narkoba narcotics narkoba methamphetamine sabu meth sabu ecstasy ekstasi marijuana ganja
investigation selidik investigators selidik investigate selidik probe selidik court adil trial sidang
prosecutors jaksa prosecutor jaksa judge hakim judges hakim sentenced vonis sentence vonis verdict vonis
prison penjara jail penjara corruption korupsi bribery suap fraud tipu crime jahat criminal pidana
murder bunuh murdered bunuh shooting tembak shot tembak robbery rampok theft curi stolen curi
customs cukai duties bea duty bea illegal ilegal illegally ilegal contraband selundup
container kontainer containers kontainer port labuh ports labuh harbour labuh harbor labuh ship kapal ships kapal
vessel kapal vessels kapal boat kapal boats kapal ferry kapal fishing ikan fishermen nelayan cargo muat
textile tekstil textiles tekstil garment garmen garments garmen clothing pakai fabric kain factory pabrik factories pabrik
workers buruh worker buruh labour buruh labor buruh layoffs putus jobs kerja industry industri industrial industri
import impor imports impor imported impor importers impor export ekspor exports ekspor exported ekspor
deflation deflasi consumer konsumen consumers konsumen statistics statistik index indeks core inti
electricity listrik power listrik tariff tarif tariffs tarif discount diskon subsidy subsidi subsidies subsidi
fuel bakar oil minyak gas gas coal batu nickel nikel mining tambang mine tambang palm sawit rice beras
annual tahun annually tahun monthly bulan quarter kuartal fell turun fall turun dropped turun decline turun
declined turun rose naik rise naik risen naik increase naik increased naik higher naik lower turun
revenue dapat income dapat deficit defisit debt utang taxes pajak
exchange tukar dollar dolar export-oriented ekspor policy bijak benchmark acuan held tahan hold tahan
unchanged tahan reduce pangkas reduced pangkas hike naik raised naik
crash celaka crashed celaka accident celaka accidents celaka collision tabrak collided tabrak overturned guling
brakes rem brake rem driver sopir drivers sopir bus bus buses bus truck truk trucks truk car mobil cars mobil
motorcycle motor tour wisata tourist wisata tourism wisata passenger tumpang
dam bendung reservoir waduk irrigation irigasi river sungai rivers sungai dyke tanggul dike tanggul levee tanggul
overflowed luap overflow luap inundated rendam submerged rendam water air
fires bakar burned bakar blaze bakar forest hutan haze asap smoke asap
university universitas teacher guru teachers guru
elections milu campaign kampanye candidate calon candidates calon voters pilih ballot suara
coalition koalisi parliamentary dpr lawmakers dpr legislators dpr bill rancang law undang regulation atur
decree putus ruling putus decision putus protest protes protesters protes demonstration demo rally demo
clashes bentrok clash bentrok riot rusuh troops tentara soldiers tentara attack serang attacks serang
bomb bom explosion ledak blast ledak terrorist teroris terrorism teroris hostage sandera
patients pasien patient pasien vaccine vaksin virus virus outbreak wabah disease sakit
league liga derby derbi draw imbang drew imbang scored gol striker penyerang referee wasit
flares suar penalty penalti
"""


@lru_cache(maxsize=1)
def english_to_indonesian() -> dict[str, str]:
    """English word -> the stem an Indonesian text gives for its translation."""
    from warta.stories.text import stem

    words = _PAIRS.split()
    return {en: stem(id_) for en, id_ in zip(words[0::2], words[1::2], strict=True)}


def translate(word: str) -> str | None:
    """The Indonesian root for an English news word, or None."""
    return english_to_indonesian().get(word)
