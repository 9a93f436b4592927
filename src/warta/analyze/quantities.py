"""Quantities: counted things, measures, money, percentages, magnitudes and durations.

"hingga 20 gerbong" -> 20 gerbong (UP_TO); "sekitar 37 mph" -> 37 mph, 59.5 km/h (APPROX);
"Rp 3,2 triliun" -> 3.2e12 IDR; "puluhan rudal" -> 10..99 rudal (APPROX).

Each number found in the text becomes a quantity only when something says what it counts: a
unit or counted noun after it, a currency sign before it, or "magnitudo" around it. A bare
number ("pada 2020", "pukul 13.21") is not a quantity, and numbers glued to other digits or
letters by "/", "-", ":" ("11/9/2023", "2-1", "COVID-19", "ke-78", "0812-3456-7890") are
never read at all. "beberapa", "several" and "a few" name no amount and are skipped, and a
duration that points at a time ("tiga hari lalu", "two years ago") is left to the time
expressions. Language knowledge lives in the tables below.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from warta.analyze.numbers import NUMBER_WORDS_RE, SCALE_WORDS, VAGUE_QUANTITIES, parse_number
from warta.model import Quantity, Sentence

__all__ = ["extract_quantities", "MEASURE_UNITS", "COUNT_NOUNS", "CURRENCIES"]


@dataclass(frozen=True, slots=True)
class UnitInfo:
    unit: str  # the unit as warta reports it
    base: str  # the unit ``normalized`` is expressed in
    factor: float = 1.0  # base value = value * factor


# Measures, money words, percentages and durations, keyed by how text writes them (lower case).
MEASURE_UNITS: dict[str, UnitInfo] = {
    # speed
    "mph": UnitInfo("mph", "km/h", 1.609344),
    "miles per hour": UnitInfo("mph", "km/h", 1.609344),
    "mil per jam": UnitInfo("mph", "km/h", 1.609344),
    "km/jam": UnitInfo("km/h", "km/h"),
    "km per jam": UnitInfo("km/h", "km/h"),
    "kilometer per jam": UnitInfo("km/h", "km/h"),
    "km/h": UnitInfo("km/h", "km/h"),
    "kph": UnitInfo("km/h", "km/h"),
    "kilometres per hour": UnitInfo("km/h", "km/h"),
    "kilometers per hour": UnitInfo("km/h", "km/h"),
    "knot": UnitInfo("knot", "km/h", 1.852),
    "knots": UnitInfo("knot", "km/h", 1.852),
    # length
    "km": UnitInfo("km", "km"),
    "kilometer": UnitInfo("km", "km"),
    "kilometers": UnitInfo("km", "km"),
    "kilometre": UnitInfo("km", "km"),
    "kilometres": UnitInfo("km", "km"),
    "meter": UnitInfo("m", "m"),
    "meters": UnitInfo("m", "m"),
    "metre": UnitInfo("m", "m"),
    "metres": UnitInfo("m", "m"),
    "m": UnitInfo("m", "m"),
    "cm": UnitInfo("cm", "m", 0.01),
    "sentimeter": UnitInfo("cm", "m", 0.01),
    "mm": UnitInfo("mm", "m", 0.001),
    "milimeter": UnitInfo("mm", "m", 0.001),
    "mil laut": UnitInfo("nmi", "km", 1.852),
    "nautical miles": UnitInfo("nmi", "km", 1.852),
    "mil": UnitInfo("mi", "km", 1.609344),
    "mile": UnitInfo("mi", "km", 1.609344),
    "miles": UnitInfo("mi", "km", 1.609344),
    # area
    "hektare": UnitInfo("ha", "ha"),
    "hektar": UnitInfo("ha", "ha"),
    "ha": UnitInfo("ha", "ha"),
    "hectares": UnitInfo("ha", "ha"),
    "meter persegi": UnitInfo("m2", "m2"),
    "square metres": UnitInfo("m2", "m2"),
    "m2": UnitInfo("m2", "m2"),
    "m²": UnitInfo("m2", "m2"),
    "km2": UnitInfo("km2", "km2"),
    "km²": UnitInfo("km2", "km2"),
    "kilometer persegi": UnitInfo("km2", "km2"),
    "square kilometres": UnitInfo("km2", "km2"),
    # mass and volume
    "ton": UnitInfo("t", "kg", 1000.0),
    "tons": UnitInfo("t", "kg", 1000.0),
    "tonnes": UnitInfo("t", "kg", 1000.0),
    "kg": UnitInfo("kg", "kg"),
    "kilogram": UnitInfo("kg", "kg"),
    "kilograms": UnitInfo("kg", "kg"),
    "gram": UnitInfo("g", "kg", 0.001),
    "meter kubik": UnitInfo("m3", "m3"),
    "cubic metres": UnitInfo("m3", "m3"),
    "m3": UnitInfo("m3", "m3"),
    "m³": UnitInfo("m3", "m3"),
    "kiloliter": UnitInfo("kL", "L", 1000.0),
    "liter": UnitInfo("L", "L"),
    "litres": UnitInfo("L", "L"),
    "liters": UnitInfo("L", "L"),
    "barel": UnitInfo("barrel", "barrel"),
    "barrels": UnitInfo("barrel", "barrel"),
    # percentages, points, temperature, earthquakes
    "%": UnitInfo("%", "%"),
    "persen": UnitInfo("%", "%"),
    "percent": UnitInfo("%", "%"),
    "per cent": UnitInfo("%", "%"),
    "basis poin": UnitInfo("bp", "bp"),
    "basis points": UnitInfo("bp", "bp"),
    "derajat celsius": UnitInfo("°C", "°C"),
    "°c": UnitInfo("°C", "°C"),
    "magnitudo": UnitInfo("magnitude", "magnitude"),
    "magnitude": UnitInfo("magnitude", "magnitude"),
    "sr": UnitInfo("magnitude", "magnitude"),
    "skala richter": UnitInfo("magnitude", "magnitude"),
    # durations: the written unit is kept, ``normalized`` says it in English
    "detik": UnitInfo("detik", "second"),
    "menit": UnitInfo("menit", "minute"),
    "jam": UnitInfo("jam", "hour"),
    "hari": UnitInfo("hari", "day"),
    "pekan": UnitInfo("pekan", "week"),
    "minggu": UnitInfo("minggu", "week"),
    "bulan": UnitInfo("bulan", "month"),
    "tahun": UnitInfo("tahun", "year"),
    "dekade": UnitInfo("dekade", "year", 10.0),
    "seconds": UnitInfo("second", "second"),
    "minutes": UnitInfo("minute", "minute"),
    "hours": UnitInfo("hour", "hour"),
    "days": UnitInfo("day", "day"),
    "weeks": UnitInfo("week", "week"),
    "months": UnitInfo("month", "month"),
    "years": UnitInfo("year", "year"),
    "decades": UnitInfo("decade", "year", 10.0),
    "second": UnitInfo("second", "second"),
    "minute": UnitInfo("minute", "minute"),
    "hour": UnitInfo("hour", "hour"),
    "day": UnitInfo("day", "day"),
    "week": UnitInfo("week", "week"),
    "month": UnitInfo("month", "month"),
    "year": UnitInfo("year", "year"),
}
DURATION_BASES = frozenset({"second", "minute", "hour", "day", "week", "month", "year"})

# "setahun" = one year: a duration written as one word.
ONE_WORD_DURATIONS: dict[str, str] = {
    "sedetik": "detik", "semenit": "menit", "sejam": "jam", "sehari": "hari", "sepekan": "pekan",
    "seminggu": "minggu", "sebulan": "bulan", "setahun": "tahun", "satu dekade": "dekade",
}  # fmt: skip

# Currencies: signs and codes written before the number, words written after it.
CURRENCIES: dict[str, str] = {
    "rp": "IDR", "rp.": "IDR", "idr": "IDR", "us$": "USD", "usd": "USD", "$": "USD", "s$": "SGD",
    "sgd": "SGD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP", "¥": "JPY",
}  # fmt: skip
# Scale letters after money in headlines: Indonesian "Rp3,2 T" (triliun), "Rp500 M" (miliar);
# English "$5M" (million), "$2B".
ABBREVIATED_SCALES: dict[str, dict[str, float]] = {
    "IDR": {"T": 1e12, "M": 1e9, "Jt": 1e6, "jt": 1e6, "Rb": 1e3, "rb": 1e3},
    "other": {"T": 1e12, "B": 1e9, "bn": 1e9, "M": 1e6, "m": 1e6, "mn": 1e6, "K": 1e3, "k": 1e3},
}
CURRENCY_WORDS: dict[str, str] = {
    "rupiah": "IDR", "dolar as": "USD", "dolar amerika serikat": "USD", "dolar amerika": "USD",
    "dolar singapura": "SGD", "dolar": "USD", "dollars": "USD", "dollar": "USD", "usd": "USD",
    "euro": "EUR", "euros": "EUR", "yen": "JPY", "yuan": "CNY", "ringgit": "MYR", "won": "KRW",
    "pounds": "GBP",
}  # fmt: skip

# Counted nouns news text uses often; English ones normalise to the Indonesian word so that
# "268 orang" and "268 people" compare equal across outlets.
COUNT_NOUNS: dict[str, str] = {
    **{w: w for w in """
        orang jiwa warga penduduk korban penumpang personel prajurit tentara pasukan polisi anggota
        pejabat siswa mahasiswa pekerja buruh pengungsi pemilih jemaah wisatawan penonton peserta
        relawan pasien kasus dosis gerbong kereta rudal roket drone tank pesawat helikopter kapal
        kendaraan mobil motor bus truk unit buah ekor rumah bangunan gedung sekolah desa kecamatan
        kabupaten kota provinsi negara pulau titik kali paket kursi suara peluru hulu ledak senjata
        sistem perusahaan bank toko proyek tps kelompok keluarga tersangka terdakwa
        menteri berkas sekolah calon""".split()},
    "people": "orang", "persons": "orang", "person": "orang", "residents": "warga",
    "civilians": "warga", "victims": "korban", "passengers": "penumpang", "soldiers": "tentara",
    "troops": "tentara", "police officers": "polisi", "officers": "personel", "students": "siswa",
    "workers": "pekerja", "refugees": "pengungsi", "voters": "pemilih", "patients": "pasien",
    "cases": "kasus", "doses": "dosis", "carriages": "gerbong", "cars": "mobil", "trains": "kereta",
    "missiles": "rudal", "rockets": "roket", "drones": "drone", "tanks": "tank", "aircraft": "pesawat",
    "planes": "pesawat", "jets": "pesawat", "ships": "kapal", "vessels": "kapal", "boats": "kapal",
    "vehicles": "kendaraan", "houses": "rumah", "homes": "rumah", "buildings": "bangunan",
    "schools": "sekolah", "villages": "desa", "provinces": "provinsi", "countries": "negara",
    "nations": "negara", "islands": "pulau", "times": "kali", "seats": "kursi", "votes": "suara",
    "bakal calon": "calon", "candidates": "calon", "shells": "peluru", "warheads": "hulu ledak", "weapons": "senjata", "companies": "perusahaan",
}  # fmt: skip

# Words before a number that say it is an identifier, a rank or a clock time, not an amount.
BLOCKING_WORDS = frozenset(
    """
    pasal ayat nomor nomer no nr number uu pp perpres perppu permen kepres keppres tahun pukul
    jam tanggal tgl abad kelas lantai halaman hal versi version seri tipe type peron ruang room
    chapter article section page route rute gate pintu jalur lajur kode edisi volume vol episode
    babak menit level grade peringkat urutan posisi km rt rw blok gang salah tahap fase phase
    stage ronde round gelombang putaran
    """.split()
)

# Modifiers before a number, longest first when matched.
MODIFIERS: dict[str, str] = {
    "sekitar": "APPROX", "sekira": "APPROX", "kira-kira": "APPROX", "kurang lebih": "APPROX",
    "lebih kurang": "APPROX", "about": "APPROX", "around": "APPROX", "approximately": "APPROX",
    "roughly": "APPROX", "some": "APPROX", "an estimated": "APPROX", "estimated": "APPROX",
    "lebih dari": "MORE_THAN", "di atas": "MORE_THAN", "more than": "MORE_THAN",
    "over": "MORE_THAN", "sedikitnya": "MORE_THAN", "setidaknya": "MORE_THAN",
    "paling sedikit": "MORE_THAN", "minimal": "MORE_THAN", "at least": "MORE_THAN",
    "kurang dari": "LESS_THAN", "di bawah": "LESS_THAN", "hampir": "LESS_THAN",
    "less than": "LESS_THAN", "fewer than": "LESS_THAN", "under": "LESS_THAN",
    "nearly": "LESS_THAN", "almost": "LESS_THAN", "hingga": "UP_TO", "sampai": "UP_TO",
    "maksimal": "UP_TO", "paling banyak": "UP_TO", "up to": "UP_TO", "at most": "UP_TO",
}  # fmt: skip

# Lower-case words after a bare number that are not what it counts (for the noun fallback).
NOT_COUNTED = frozenset(
    """
    yang dan di ke dari pada untuk atau itu ini tersebut dengan oleh dalam sebagai adalah akan
    telah sudah juga tidak lalu kemudian hingga sampai sejak selama ketika saat setelah sebelum
    bahwa karena namun tetapi serta lebih kurang per waktu pagi siang sore malam petang dini wib
    wita wit besar terakhir pertama lainnya lain mendatang depan terakhir an saja pun lagi
    januari februari maret april mei juni juli agustus september oktober november desember
    senin selasa rabu kamis jumat sabtu
    and or the of in on at to for from by with as is was were are be been has have had that this
    than after before since during when while but which who local time out among more less
    january february march june july august october december am pm
    """.split()
)

# Capitalised words that open a sentence before a number without naming anything.
SENTENCE_OPENERS = frozenset(
    """
    sebanyak ada hanya total kini sementara lalu namun dari dengan untuk dalam pada sejak
    terdapat tercatat jumlahnya baru tinggal only with of the all another at by for in and
    but while after since as then
    """.split()
) | {m for m in MODIFIERS if " " not in m}

VERB_PREFIXES = ("me", "ber", "di", "ter", "se", "ke")

# Units written straight after the digits ("20km", "5%", "500kg").
GLUED_UNITS = ("%", "km", "kg", "cm", "mm", "m2", "m3", "m²", "m³", "mph", "kph", "°c")

# Vague words that name no amount at all ("beberapa sistem", "several weeks"): not quantities.
NO_AMOUNT_WORDS = frozenset({"beberapa", "a few", "several"})

Bounds = tuple[float, float]

_DIGITS = r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_SCALES = "|".join(sorted(SCALE_WORDS, key=len, reverse=True))
_VAGUE = "|".join(re.escape(v) for v in sorted(VAGUE_QUANTITIES, key=len, reverse=True))
_ONE_WORD = "|".join(sorted(ONE_WORD_DURATIONS, key=len, reverse=True))
_NUMBER_RE = re.compile(
    rf"(?P<vague>(?i:\b(?:{_VAGUE})\b))"
    rf"|(?P<oneword>(?i:\b(?:{_ONE_WORD})\b(?!-)))"
    rf"|(?P<digits>(?:{_DIGITS})(?:[^\S\n]*(?i:(?:{_SCALES})\b))?)"
    rf"|(?P<words>{NUMBER_WORDS_RE})"
)
_GAP = r"(?:[^\S\n]+|-)"  # between a number and its unit: spaces (no line break) or a hyphen


def _alternation(words: dict[str, Any]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_UNIT_AFTER = re.compile(
    rf"(?:{_GAP}|(?=(?i:{'|'.join(map(re.escape, GLUED_UNITS))})))(?P<unit>(?i:{_alternation(MEASURE_UNITS)}))(?![\w²³])"
)
_CURRENCY_AFTER = re.compile(rf"[^\S\n]+(?P<unit>(?i:{_alternation(CURRENCY_WORDS)}))\b")
_NOUN_AFTER = re.compile(rf"(?:[^\S\n]+of)?{_GAP}(?P<unit>(?i:{_alternation(COUNT_NOUNS)}))\b")
_FALLBACK_NOUN_AFTER = re.compile(r"[^\S\n]+(?P<unit>[a-z]{3,})\b")
_PARTICIPLE_AFTER = re.compile(r"[^\S\n]+(?:[a-z]{3,}ed|injured|missing|dead|wounded)\b")
_CURRENCY_BEFORE = re.compile(rf"(?<![A-Za-z])(?P<cur>(?i:{_alternation(CURRENCIES)}))[^\S\n]*$")
_MAGNITUDE_BEFORE = re.compile(r"(?i:\b(?:bermagnitudo|magnitudo|berkekuatan|magnitude))[^\S\n]+$")
_MODIFIER_BEFORE = re.compile(rf"(?i:\b(?P<mod>{_alternation(MODIFIERS)}))[^\S\n]+$")
_CURRENCY_TAILS = tuple(CURRENCIES)
_MAGNITUDE_TAILS = ("magnitudo", "berkekuatan", "magnitude")
_MODIFIER_TAILS = tuple(MODIFIERS)
_RANGE_TAILS = ("-", "–", "hingga", "sampai", "to", "dan", "and")
_WORD_BEFORE = re.compile(r"(?P<word>[A-Za-z]+)\.?[^\S\n]*$")
# After a duration these make it a point in time ("tiga hari lalu", "beberapa hari mendatang",
# "two years ago"): a time expression, not an amount.
_POINT_IN_TIME_AFTER = re.compile(
    r"[^\S\n]+(?i:yang[^\S\n]+lalu|lalu|silam|kemudian|sebelumnya|mendatang|lagi|ago|later|earlier"
    r"|before|from[^\S\n]+now)\b"
)
# "di level 6 persen": a percentage is never an identifier, whatever word comes before it.
_PERCENT_AFTER = re.compile(r"[^\S\n]*(?:%|(?i:persen|percent|per cent)\b)")
_RICHTER_AFTER = re.compile(r"[^\S\n]+(?i:SR|skala richter)\b")
_RANGE_BEFORE = re.compile(
    rf"(?:(?P<between>(?i:antara|between))[^\S\n]+)?(?P<low>{_DIGITS}|{NUMBER_WORDS_RE})"
    r"(?:[^\S\n]*[-–][^\S\n]*|[^\S\n]+(?P<joint>(?i:hingga|sampai|to|dan|and))[^\S\n]+)$"
)
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")

_EN_WORDS = frozenset("the and of to in that was is for with said on at by from were has".split())
_ID_WORDS = frozenset("yang dan di itu dengan untuk dari dalam pada tidak ini akan kata ke".split())


def _guess_language(text: str) -> str:
    """ "en" or "id" from function words: decides how "1,200" and "2.024" are read."""
    counts = Counter(text[:4000].lower().split())
    english = sum(counts[w] for w in _EN_WORDS)
    indonesian = sum(counts[w] for w in _ID_WORDS)
    return "en" if english > indonesian else "id"


def _before(
    pattern: re.Pattern[str], tails: tuple[str, ...], text: str, start: int, width: int
) -> re.Match[str] | None:
    """``pattern`` searched in the ``width`` characters before ``start`` (it ends with ``$``).

    Searching backwards is costly in Python's engine, so a cheap ``endswith`` on the text
    before the number rules most numbers out first.
    """
    window_start = max(0, start - width)
    if not text[window_start:start].rstrip().lower().endswith(tails):
        return None
    return pattern.search(text, window_start, start)


def _glued(text: str, start: int, end: int) -> bool:
    """True when digits at [start, end) belong to a date, score, code or name, not an amount."""
    before = text[start - 1] if start > 0 else " "
    after = text[end : end + 2]
    after_currency = _before(_CURRENCY_BEFORE, _CURRENCY_TAILS, text, start, 4) is not None
    if not after_currency and (before in "/:.,+-_#" or before.isalnum()):
        return True
    if after[:1] in ("/", ":") or (after[:1] in ".,-" and after[1:2].isdigit()):
        return True
    if after_currency:  # "Rp3,2T", "$5M": a scale letter may follow money
        return False
    return after[:1].isalnum() and not text[end : end + 3].lower().startswith(GLUED_UNITS)


_GROUPED_THOUSANDS = re.compile(r"\d{1,3}(?:[.,]\d{3})+(?![.,]?\d)")
_SCALE_LETTERS_AFTER = re.compile(r"[^\S\n]?(?P<scale>[A-Za-z]{1,2})\b")


def _abbreviated_scale(text: str, end: int, currency: str) -> tuple[float, int] | None:
    """The factor and end of a scale letter after money ("Rp3,2 T" -> 1e12), if there is one."""
    found = _SCALE_LETTERS_AFTER.match(text, end)
    if found is None:
        return None
    table = ABBREVIATED_SCALES["IDR" if currency == "IDR" else "other"]
    factor = table.get(found.group("scale"))
    return None if factor is None else (factor, found.end())


def _blocked(head: str) -> bool:
    """True when the word before the number makes it an identifier ("Pasal 27", "pukul 13")."""
    m = _WORD_BEFORE.search(head)
    return m is not None and m.group("word").lower() in BLOCKING_WORDS


def _range_normalized(normalized: dict[str, Any], bounds: Bounds, unit: str) -> dict[str, Any]:
    """Turn a single-value normal form into min/max, keeping any unit conversion."""
    info = MEASURE_UNITS.get(unit.lower()) or next(
        (i for i in MEASURE_UNITS.values() if i.unit == unit), None
    )
    if info is not None and normalized.get("unit") == info.base:
        return _measure(info, None, bounds)
    return {"min": bounds[0], "max": bounds[1], "unit": normalized.get("unit", unit)}


def _countable(word: str, language: str) -> bool:
    """Could this unknown lower-case word be what a number counts? Verbs and adverbs cannot."""
    if word in NOT_COUNTED:
        return False
    # English participles and adverbs (killed, reporting, nearly) are not counted things, nor,
    # in Indonesian, words with a verb prefix (menjadi, berada, dilaporkan; tewas is fine).
    # Each language's rule only for its own text: "11 memorandums", "20 kambing".
    if language == "en":
        return not word.endswith(("ed", "ing", "ly"))
    return not word.startswith(VERB_PREFIXES) and not word.endswith(("ed", "ly"))


def _after_a_name(head: str) -> bool:
    """True when the number follows a capitalised word: "Boeing 737", "iPhone 15", "Piala 2022"."""
    m = _WORD_BEFORE.search(head)
    if m is None or not any(c.isupper() for c in m.group("word")):
        return False
    # A capital that only opens a sentence ("Sebanyak 20 ...", "Sekitar 30 ...") says nothing.
    return m.group("word").lower() not in SENTENCE_OPENERS


def _round(value: float) -> float:
    return round(value, 1) if abs(value) >= 1 else round(value, 4)


def _normalized(value: float | None, bounds: Bounds | None, unit: str) -> dict[str, Any]:
    if value is None and bounds is not None:
        return {"min": bounds[0], "max": bounds[1], "unit": unit}
    return {"value": value, "unit": unit}


def _measure(info: UnitInfo, value: float | None, bounds: Bounds | None) -> dict[str, Any]:
    if info.factor == 1.0:
        return _normalized(value, bounds, info.base)
    scaled_bounds = (
        None if bounds is None else (_round(bounds[0] * info.factor), _round(bounds[1] * info.factor))
    )
    scaled = None if value is None else _round(value * info.factor)
    return _normalized(scaled, scaled_bounds, info.base)


def _read_number(text: str, match: re.Match[str], language: str) -> tuple[float | None, Bounds | None] | None:
    """The value (or vague bounds) of a matched number; None when it is not an amount."""
    kind, number_text = match.lastgroup, match.group()
    if kind == "oneword":
        return 1.0, None
    if kind == "vague":
        if number_text.lower() in NO_AMOUNT_WORDS:
            return None
        return None, VAGUE_QUANTITIES[number_text.lower()]
    if kind == "digits":
        digits = re.match(_DIGITS, number_text).group()  # type: ignore[union-attr]
        # "10-20 orang": the dash glues the two ends of a range, which is still an amount.
        glued = _glued(text, match.start(), match.start() + len(digits))
        if glued and _range_low(text, match.start(), number_text, language) is None:
            return None
        if re.fullmatch(r"0\d+", digits):  # area codes, phone numbers, ids
            return None
    value = parse_number(number_text, language=language)
    # "32,56 juta" is 32.56 * 1e6 = 32560000.000000004 in floating point: drop the noise.
    return None if value is None else (round(value, 6), None)


def _range_low(text: str, start: int, high_text: str, language: str) -> tuple[int, float, bool] | None:
    """ "10 hingga 20", "10-20", "antara 10 dan 20": where the range starts, its low end, and
    whether a dash joins the two (as in scores)."""
    found = _before(_RANGE_BEFORE, _RANGE_TAILS, text, start, 60)
    if found is None:
        return None
    joint = (found.group("joint") or "-").lower()
    if joint in ("dan", "and") and not found.group("between"):
        return None
    low = parse_number(found.group("low"), language=language)
    if low is None or re.fullmatch(r"0\d+", found.group("low")):
        return None
    scale = re.search(rf"(?i:{_SCALES})$", high_text)
    if scale and not re.search(rf"(?i:{_SCALES})$", found.group("low")):
        low *= SCALE_WORDS[scale.group().lower()]  # "1-2 juta orang": the scale covers both
    return found.start(), low, joint == "-"


def _one_quantity(text: str, match: re.Match[str], language: str) -> Quantity | None:
    start, end = match.span()
    kind, number_text = match.lastgroup, match.group()
    read = _read_number(text, match, language)
    if read is None:
        return None
    value, bounds = read
    head = text[max(0, start - 40) : start]
    prefix_start = start
    unit: str
    normalized: dict[str, Any]
    from_tables = True  # the unit came from a table, not from the noun fallback

    if kind == "oneword":
        info = MEASURE_UNITS[ONE_WORD_DURATIONS[number_text.lower()]]
        unit, normalized = info.unit, _normalized(1.0, None, info.base)
    elif kind == "digits" and (cur := _before(_CURRENCY_BEFORE, _CURRENCY_TAILS, text, start, 10)):
        unit = CURRENCIES[cur.group("cur").lower()]
        prefix_start = cur.start()
        if unit == "IDR" and (grouped := _GROUPED_THOUSANDS.match(number_text)):
            # Rupiah have no cents: "Rp 10.000" and "Rp 10,000" are ten thousand in any language.
            plain = grouped.group().replace(".", "").replace(",", "")
            value = parse_number(plain + number_text[grouped.end() :], language=language)
        if value is not None and (scaled := _abbreviated_scale(text, end, unit)):
            value, end = round(value * scaled[0], 6), scaled[1]
        normalized = _normalized(value, None, unit)
    elif kind == "digits" and (magnitude := _before(_MAGNITUDE_BEFORE, _MAGNITUDE_TAILS, text, start, 20)):
        unit, normalized = "magnitude", _normalized(value, None, "magnitude")
        prefix_start = magnitude.start()
        # "berkekuatan 5,6 SR" / "magnitudo 5,6": the unit word may follow as well.
        if after := _RICHTER_AFTER.match(text, end):
            end = after.end()
    elif (_blocked(head) and not _PERCENT_AFTER.match(text, end)) or (
        kind == "digits" and _YEAR.match(number_text) and not _NOUN_AFTER.match(text, end)
    ):
        return None
    elif found := _CURRENCY_AFTER.match(text, end):
        unit, end = CURRENCY_WORDS[found.group("unit").lower()], found.end()
        normalized = _normalized(value, bounds, unit)
    elif found := _UNIT_AFTER.match(text, end):
        info = MEASURE_UNITS[found.group("unit").lower()]
        if info.base in DURATION_BASES and _POINT_IN_TIME_AFTER.match(text, found.end()):
            return None
        unit, end = info.unit, found.end()
        normalized = _measure(info, value, bounds)
    elif found := _NOUN_AFTER.match(text, end):
        word = found.group("unit").lower()
        unit, end = word, found.end()
        normalized = _normalized(value, bounds, COUNT_NOUNS[word])
    elif (
        bounds is None
        and (found := _FALLBACK_NOUN_AFTER.match(text, end))
        and _countable(found.group("unit"), language)
        and not _after_a_name(head)
        and (kind == "digits" or (value or 0) >= 2)
    ):
        unit, end, from_tables = found.group("unit"), found.end(), False
        normalized = _normalized(value, None, unit)
    elif (
        language == "en"
        and (described := _PARTICIPLE_AFTER.match(text, end))
        and (found := _NOUN_AFTER.match(text, described.end()) or _FALLBACK_NOUN_AFTER.match(text, described.end()))
        and _countable(found.group("unit").lower(), language)
        and not _after_a_name(head)
    ):
        # "89 damaged homes", "12 injured people": a participle between a count and its noun.
        word = found.group("unit").lower()
        unit, end = word, found.end()
        normalized = _normalized(value, bounds, COUNT_NOUNS.get(word, word))
    else:
        return None

    mod: str | None = "APPROX" if bounds is not None else None
    if kind in ("digits", "words") and prefix_start == start and value is not None:
        low = _range_low(text, start, number_text, language)
        if low is not None and from_tables and low[1] < value:
            prefix_start, bounds, value = low[0], (low[1], value), None
            normalized = _range_normalized(normalized, bounds, unit)
        elif low is not None and low[2]:
            return None  # "menang 2-1 atas": a score, not a range
    if found_mod := _before(_MODIFIER_BEFORE, _MODIFIER_TAILS, text, prefix_start, 30):
        mod = MODIFIERS[found_mod.group("mod").lower()]
        prefix_start = found_mod.start()
    return Quantity(
        text=text[prefix_start:end],
        start=prefix_start,
        end=end,
        value=value,
        unit=unit,
        normalized=normalized,
        mod=mod,
    )


def _trie_pattern(words: set[str]) -> str:
    """One regex for many literal words, nested by shared prefixes so the engine branches on a
    character instead of trying every word in turn."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [re.escape(char) + render(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
        return body + "?" if ends else body

    return render(trie)


def _number_word_leads() -> set[str]:
    """The words that can open a number in words: those of NUMBER_WORDS_RE that match alone."""
    vocabulary = set(re.findall(r"[a-z]+", NUMBER_WORDS_RE))
    alone = re.compile(NUMBER_WORDS_RE)
    return {w for w in vocabulary if alone.fullmatch(w)}


_LEADS = (
    _number_word_leads()
    | {w.lower() for w in VAGUE_QUANTITIES}
    | {w.split()[0] for w in ONE_WORD_DURATIONS}
    | set(ONE_WORD_DURATIONS)
)
# Where a number may start: a digit, or a word that opens a number in words.
_CANDIDATE_RE = re.compile(rf"\d|(?i:\b{_trie_pattern({w.split()[0] for w in _LEADS})}\b)")


def _numbers(text: str) -> Iterator[re.Match[str]]:
    """Numbers in digits or words, left to right without overlap.

    The full number pattern is tried only where a candidate starts: much faster than letting
    the regex engine try every alternative at every character.
    """
    resume = 0
    for candidate in _CANDIDATE_RE.finditer(text):
        start = candidate.start()
        if start < resume:
            continue
        match = _NUMBER_RE.match(text, start)
        if match is not None:
            resume = match.end()
            yield match


def extract_quantities(text: str, *, sentences: list[Sentence] | None = None) -> list[Quantity]:
    """Every quantity in ``text``, in order, with offsets into ``text``.

    ``sentences`` is accepted for the shared analysis contract; quantities never cross a line
    break, so they need no sentence boundaries.
    """
    language = _guess_language(text)
    found: list[Quantity] = []
    for match in _numbers(text):
        quantity = _one_quantity(text, match, language)
        if quantity is not None and (not found or quantity.start >= found[-1].end):
            found.append(quantity)
    return found
